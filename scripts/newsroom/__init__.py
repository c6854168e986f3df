"""The newsroom: bilingual stories read, checked and published, for `scripts/stories.py` and MkDocs.

Packages by role, each importing only those listed before it:

- `model`: what a story, a page, the contributors and series are, read from `docs/` with a line
  for every field; findings are the model's currency. Imports no other package.
- `render`: what readers get from the model (page data for the templates, head metadata, feeds,
  photos, search, the sanitizer, the bilingual view). Imports `model`.
- `checks`: every rule a story, page and `mkdocs.yml` must pass, and the explanations of every
  finding in both languages. Imports `model` and `render` (a check knows what the page will show).
- `importer`, `commands`: what each `stories.py` verb does with files. Import the above.
- `mkdocs`: the MkDocs plugin that builds the site from the same model. Imports the above.
- `cli`: the command line over all of it.
"""
