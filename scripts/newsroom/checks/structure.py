"""The rules of a story's files and front matter: both languages present, every field known,
of its kind and filled in where required, dates real, the series one of the records'."""

from __future__ import annotations

import difflib
from collections.abc import Iterator

from newsroom.model.catalogue import Code, report
from newsroom.model.findings import Finding, field_name
from newsroom.model.registry import Registry
from newsroom.model.schema import (
    DATE_PRECISIONS,
    SOURCE_LANG,
    STORY_FIELDS,
    TRANSLATION_FIELDS,
    TRANSLATION_LANG,
)
from newsroom.model.story import StoryFile, parse_alignment_rule

_SYNONYMS = {
    "photographer": "photos",
    "photography": "photos",
    "photo": "photos",
    "images": "photos",
    "author": "text",
    "authors": "text",
    "writer": "text",
    "reporter": "text",
    "reporters": "text",
    "translator": "translation",
    "translators": "translation",
    "translated_by": "translation",
    "subtitle": "deck",
    "headline": "title",
    "published": "date",
    "pubdate": "date",
    "lead": "lead_photo",
    "cover": "lead_photo",
    "excerpt": "summary",
    "description": "summary",
}


def missing_counterpart(files: dict[str, StoryFile], what: str) -> Iterator[Finding]:
    for lang, other in ((SOURCE_LANG, TRANSLATION_LANG), (TRANSLATION_LANG, SOURCE_LANG)):
        if lang in files and other not in files:
            present = files[lang].path
            missing = present.with_name(present.name.replace(f".{lang}.md", f".{other}.md"))
            kind = Code.MISSING_TRANSLATION if other == TRANSLATION_LANG else Code.MISSING_SOURCE
            yield report(kind, present, 1, what=what, missing=missing.name)


def story_fields(story_file: StoryFile, registry: Registry) -> Iterator[Finding]:
    meta, lang = story_file.meta, story_file.lang
    for name, (kind, in_zh, in_en, purpose) in STORY_FIELDS.items():
        required = in_zh if lang == SOURCE_LANG else in_en
        value = meta.get(name)
        if value is None or (isinstance(value, str) and not value.strip()):
            if required:
                yield report(Code.MISSING_FIELD, story_file.path, story_file.line_of(name), name=name, purpose=purpose)
            continue
        if not isinstance(value, kind):
            yield wrong_type(story_file, (name,), value, kind_name(kind), f"write {purpose}")
    yield from unknown_fields(story_file, STORY_FIELDS)
    date = meta.get("date")
    if isinstance(date, str) and date.strip() and story_file.date is None:
        yield report(Code.BAD_DATE, story_file.path, story_file.line_of("date"), date=date)
    if story_file.text_field("date_precision") and story_file.date_precision not in DATE_PRECISIONS:
        yield report(
            Code.BAD_DATE_PRECISION,
            story_file.path,
            story_file.line_of("date_precision"),
            precisions=", ".join(DATE_PRECISIONS),
        )
    series = meta.get("series")
    if isinstance(series, str) and series.strip() and series not in registry.series:
        yield unknown_series(story_file, series, registry)
    if lang == SOURCE_LANG and not story_file.paragraphs:
        yield report(Code.NO_TEXT, story_file.path, story_file.body_line)
    if lang == SOURCE_LANG:
        for name in ("translation", "alignment"):
            if name in meta:
                yield report(Code.ENGLISH_ONLY_FIELD, story_file.path, story_file.line_of(name), name=name)
    translation = meta.get("translation")
    if isinstance(translation, dict):
        for key in translation:
            if key not in TRANSLATION_FIELDS:
                yield unknown(story_file, ("translation", key), key, TRANSLATION_FIELDS)
    for index, entry in enumerate(story_file.alignment_entries):
        line = story_file.line_of("alignment", index)
        if parse_alignment_rule(entry, line) is None:
            yield report(Code.BAD_ALIGNMENT_RULE, story_file.path, line, rule=entry)


def unknown_fields(story_file: StoryFile, known) -> Iterator[Finding]:
    for name in story_file.meta:
        if name not in known:
            yield unknown(story_file, (name,), name, known)


def unknown(story_file: StoryFile, path: tuple, name: object, known) -> Finding:
    text = str(name)
    candidates = {name: name for name in known} | {alias: name for alias, name in _SYNONYMS.items() if name in known}
    close = difflib.get_close_matches(text.lower(), list(candidates), n=1, cutoff=0.6)
    line = story_file.line_of(*path)
    if "：" in text or "\u3000" in text:
        return report(Code.UNKNOWN_FIELD_FULL_WIDTH, story_file.path, line, name=text)
    if close:
        return report(Code.UNKNOWN_FIELD, story_file.path, line, name=text, guess=candidates[close[0]])
    return report(Code.UNKNOWN_FIELD_NO_GUESS, story_file.path, line, name=text, known=", ".join(known))


def unknown_series(story_file: StoryFile, series: object, registry: Registry) -> Finding:
    known = ", ".join(registry.series) or "none yet"
    return report(Code.UNKNOWN_SERIES, story_file.path, story_file.line_of("series"), series=series, known=known)


def wrong_type(story_file: StoryFile, path: tuple, value: object, expected: str, fix: str) -> Finding:
    return report(
        Code.WRONG_TYPE,
        story_file.path,
        story_file.line_of(*path),
        field=field_name(path),
        expected=expected,
        actual=kind_name(type(value)),
        fix=fix,
    )


def kind_name(kind: type) -> str:
    return {
        str: "text",
        list: "a list",
        dict: "a set of `name: value` lines",
        int: "a number",
        bool: "yes/no",
        float: "a number",
    }.get(kind, kind.__name__)
