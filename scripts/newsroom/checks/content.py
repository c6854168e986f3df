"""The rules of what a story, a page and a record say to readers: text fields without the curly
quotes a Chinese input method types or any markup, a body with only the HTML the page keeps
(markup.py); the glossary's terms are the translation's (glossary.py)."""

from __future__ import annotations

from collections.abc import Iterator

from newsroom.checks import markup
from newsroom.model.catalogue import Code, report
from newsroom.model.findings import Finding, field_name
from newsroom.model.registry import Registry
from newsroom.model.schema import PHOTO_FIELDS
from newsroom.model.story import StoryFile

_CURLY_QUOTES = (("“", "”"), ("‘", "’"))


def text_findings(story_file: StoryFile) -> Iterator[Finding]:
    """Everything wrong with the text of a readable story or page file."""
    yield from _curly_quotes(story_file)
    yield from markup.body_findings(story_file)
    yield from markup.field_findings(story_file)


def _curly_quotes(story_file: StoryFile) -> Iterator[Finding]:
    """Text fields wrapped in the curly quotes a Chinese input method types for `"`: YAML keeps
    them as part of the text, so the page would show the title in quotes."""
    fields = [((name,), value) for name, value in story_file.meta.items()]
    fields += [
        (("photos", photo.index, key), getattr(photo, key)) for photo in story_file.photos for key in PHOTO_FIELDS
    ]
    for path, value in fields:
        if not isinstance(value, str) or len(value) < 2:
            continue
        if any(value[0] in pair and value[-1] in pair for pair in _CURLY_QUOTES):
            yield report(
                Code.CURLY_QUOTES,
                story_file.path,
                story_file.line_of(*path),
                field=field_name(path),
                opening=value[0],
                closing=value[-1],
            )


def record_findings(registry: Registry) -> list[Finding]:
    """Names, titles and descriptions in docs/_data/ are shown to readers as plain text: markup is an error."""
    records = [
        (registry.contributors_path, "contributor", person, {"name": person.names, "title": person.titles, "in_byline": person.in_byline})
        for person in registry.contributors.values()
    ] + [
        (
            registry.series_path,
            "series",
            series,
            {"title": series.title, "subtitle": series.subtitle, "description": series.description},
        )
        for series in registry.series.values()
    ]
    return [
        report(Code.MARKUP_IN_RECORD, path, record.line, kind=kind, record=record.id, key=key, lang=lang, shown=shown)
        for path, kind, record, texts in records
        for key, by_language in texts.items()
        for lang, text in by_language.items()
        if (shown := markup.markup_in_text(text))
    ]
