"""The editors' overview: one row per story (`stories.py status`)."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass

from newsroom.checks import checks
from newsroom.checks.glossary import Glossary, load_glossary, story_misses
from newsroom.model import alignment
from newsroom.model.findings import ERROR
from newsroom.model.site import Site
from newsroom.model.story import Story

COLUMNS = ("story", "date", "chinese", "english", "in_step", "translation", "photos_credited", "glossary_misses", "errors")


@dataclass
class StoryRow:
    story: str
    date: str
    chinese: bool
    english: bool
    in_step: bool
    translation: str  # current / outdated since … / untranslated / missing / unrecorded
    photos_credited: str  # e.g. 2/2
    glossary_misses: list[dict]  # {line, term, expected}: a glossary term the English leaves out
    errors: int


def story_rows(site: Site) -> list[StoryRow]:
    glossary = load_glossary(site.docs_dir)
    return [story_row(story, site, glossary) for story in site.stories]


def story_row(story: Story, site: Site, glossary: Glossary | None = None) -> StoryRow:
    findings = checks.check_story(story, site.registry)
    zh, en = story.source, story.translation
    in_step = alignment.story_in_step(story)
    photos = zh.photos if zh else []
    credited = sum(bool(photo.credit and site.registry.contributor(photo.credit)) for photo in photos)
    return StoryRow(
        story=story.slug,
        date=story.date.isoformat() if story.date else "",
        chinese=bool(zh and not zh.problem),
        english=bool(en and not en.problem),
        in_step=in_step,
        translation=translation_state(story),
        photos_credited=f"{credited}/{len(photos)}",
        glossary_misses=[
            {"line": miss.unit.en_line, "term": miss.term.zh, "expected": miss.term.en}
            for miss in story_misses(story, glossary or load_glossary(site.docs_dir))
        ],
        errors=sum(f.severity == ERROR for f in findings),
    )


def translation_state(story: Story) -> str:
    en = story.translation
    if en is None or en.problem:
        return "missing"
    if en.is_stub:
        return "untranslated"
    if not en.translation_source:
        return "unrecorded"
    if story.translation_is_current:
        return "current"
    since = en.translation_updated
    return f"outdated since {since.isoformat()}" if since else "outdated"


def render(rows: list[StoryRow], form: str) -> str:
    if form == "json":
        return json.dumps(
            {"stories": [asdict(row) for row in rows], "totals": _totals(rows)}, ensure_ascii=False, indent=2
        )
    cells = [[_cell(getattr(row, column)) for column in COLUMNS] for row in rows]
    totals = _totals(rows)
    footer = (
        f"{totals['stories']} stories: {totals['in_step']} in step, {totals['current']} translations current, "
        f"{totals['needs_translation']} need translation work, {totals['with_errors']} with errors"
    )
    if form == "markdown":
        lines = ["| " + " | ".join(COLUMNS) + " |", "|" + "---|" * len(COLUMNS)]
        lines += ["| " + " | ".join(row) + " |" for row in cells]
        return "\n".join(lines + ["", footer])
    widths = [max(len(c) for c in column) for column in zip(COLUMNS, *cells)]
    lines = ["  ".join(text.ljust(width) for text, width in zip(line, widths)).rstrip() for line in [COLUMNS, *cells]]
    return "\n".join(lines + [footer])


def _cell(value) -> str:
    if isinstance(value, bool):
        return "yes" if value else "NO"
    if isinstance(value, list):  # glossary misses: `2: 祁县 (line 33), 马成毅 (line 31)`
        return f"{len(value)}: " + ", ".join(f"{miss['term']} (line {miss['line']})" for miss in value) if value else "0"
    return str(value)


def _totals(rows: list[StoryRow]) -> dict:
    return {
        "stories": len(rows),
        "in_step": sum(row.in_step for row in rows),
        "current": sum(row.translation == "current" for row in rows),
        "needs_translation": sum(row.translation != "current" for row in rows),
        "with_errors": sum(row.errors > 0 for row in rows),
    }
