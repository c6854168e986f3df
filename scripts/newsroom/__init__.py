"""The newsroom's story model, checks and tools, shared by scripts/stories.py and the MkDocs hooks."""
