"""What readers get: the data the templates print, head metadata, feeds and sitemaps, photo
variants, search, the HTML allowlist and the Content-Security-Policy.

Imports `newsroom.model`; never MkDocs, except `fragments`, which calls the theme's macros through
the Jinja environment it is given.
"""
