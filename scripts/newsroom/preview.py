"""What `stories.py preview` asks of the build: one language, one story, no search.

The settings travel as environment variables because MkDocs reads them in mkdocs.yml
(`!ENV`) and the hooks read them at build time; `mkdocs build` without them is the full site.
"""

from __future__ import annotations

import os

ONLY_LANGUAGE = "NEWSROOM_ONLY_LANGUAGE"
ONLY_STORY = "NEWSROOM_ONLY_STORY"


def environment(slug: str | None, lang: str) -> dict[str, str]:
    settings = {ONLY_LANGUAGE: lang}
    if slug:
        settings[ONLY_STORY] = slug
    return settings


def only_story() -> str | None:
    return os.environ.get(ONLY_STORY) or None


def is_preview() -> bool:
    return bool(os.environ.get(ONLY_LANGUAGE))
