"""What readers get: the data the templates print, head metadata, feeds and sitemaps, photo
variants, search, the HTML allowlist and the Content-Security-Policy.

Imports `newsroom.model`, and of MkDocs only `mkdocs.utils.get_relative_url` (so that the links it
makes are the links MkDocs would make); `fragments` calls the theme's macros through the Jinja
environment it is given.
"""
