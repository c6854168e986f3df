"""The story model: `docs/` as the newsroom sees it, read once, with a file and line for every field.

Owns the schema of the front matter, the one YAML reader (`frontmatter`) and writer
(`yaml_writer`), a story's blocks, the alignment of the two languages, the registry of
contributors and series, translation units, and writing files without losing work. Imports
nothing else of the newsroom, and never MkDocs.
"""
