"""Recording which Chinese text an English translation matches (`mark-translated`)."""

from __future__ import annotations

import datetime as dt

from newsroom.model import yaml_writer
from newsroom.model.schema import STORY_FIELDS
from newsroom.model.story import Story, StoryFile


def marked_text(story: Story, today: dt.date) -> str:
    """The English file's text with `translation:` set to the current Chinese fingerprint."""
    return recorded_text(story.translation, story.current_fingerprint, today)


def recorded_text(english: StoryFile, source: str, today: dt.date) -> str:
    """The English file's text with `translation:` recording `source`, the fingerprints of the
    Chinese blocks it translates; the rest of the file as it was."""
    record = {("translation", "source"): source, ("translation", "updated"): today}
    return yaml_writer.edited(english.text, record, STORY_FIELDS)
