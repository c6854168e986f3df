"""What the `stories.py` verbs do besides importing: a new story, the editors' status table and
the XLIFF round trip. Imports `model`, `render` and `checks`.
"""
