"""Recording which Chinese text an English translation matches (`mark-translated`)."""

from __future__ import annotations

import datetime as dt

from newsroom.model.story import Story, StoryFile


def marked_text(story: Story, today: dt.date) -> str:
    """The English file's text with `translation:` set to the current Chinese fingerprint."""
    return recorded_text(story.translation, story.current_fingerprint, today)


def recorded_text(english: StoryFile, source: str, today: dt.date) -> str:
    """The English file's text with `translation:` recording `source`, the fingerprints of the
    Chinese blocks it translates."""
    # hashes and a date only, so the lines can be written as they should read, without a YAML dump
    record = ["translation:", f'  source: "{source}"', f"  updated: {today.isoformat()}"]
    lines = english.text.split("\n")
    close = english.body_line - 2  # index of the closing `---`
    start = next((i for i in range(1, close) if lines[i].startswith("translation:")), None)
    if start is None:
        lines[close:close] = record
    else:
        end = start + 1
        while end < close and (lines[end].startswith((" ", "\t")) or not lines[end].strip()):
            end += 1
        lines[start:end] = record
    return "\n".join(lines)
