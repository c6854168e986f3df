"""Every rule a story, a page and `mkdocs.yml` must pass, as functions from the model to findings,
and every finding explained in Chinese and English.

Imports `newsroom.model` and `newsroom.render` (a check knows what the page will show). Writes no files.
"""
