"""A story's translation as XLIFF 1.2, the exchange format every CAT tool reads (`export-xliff`,
`import-xliff`).

One trans-unit per translation unit (units.py): the Chinese as source, the English as target
where it is in step with the Chinese (state `translated`) and an empty target where it is
missing or outdated (state `needs-translation`), the unit's fingerprint as its id, where it
stands in the story and its glossary terms as notes. `extradata` holds the fingerprint of the
English at export, so that an import never overwrites English edited since.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree
from lxml.builder import ElementMaker

from newsroom.checks.glossary import Glossary
from newsroom.checks.markup import markup_in_text
from newsroom.model import yaml_writer
from newsroom.model.blocks import BREAK, HEADING, PHOTO, Block, block_fingerprint, normalized
from newsroom.model.catalogue import Code, report
from newsroom.model.findings import ERROR, Finding
from newsroom.model.frontmatter import FrontMatterProblem
from newsroom.model.schema import STORY_FIELDS
from newsroom.model.site import Site
from newsroom.model.story import STORIES_DIR, Story, StoryFile
from newsroom.model.translation import recorded_text
from newsroom.model.units import Unit, in_step_blocks, story_units

NAMESPACE = "urn:oasis:names:tc:xliff:document:1.2"
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
SOURCE_LANGUAGE = "zh-CN"
TARGET_LANGUAGE = "en"
TRANSLATED = "translated"
NEEDS_TRANSLATION = "needs-translation"
_ORIGINAL = re.compile(re.escape(STORIES_DIR) + r"/(?P<slug>[a-z0-9]+(?:-[a-z0-9]+)*)/index\.zh\.md")
_X = ElementMaker(namespace=NAMESPACE, nsmap={None: NAMESPACE})


def original(story: Story) -> str:
    """The story's Chinese file as the XLIFF `original` names it, which import reads back."""
    return f"{STORIES_DIR}/{story.slug}/index.zh.md"


def english_fingerprint(text: str) -> str:
    return block_fingerprint(Block("en", text, 0))


# --- export --------------------------------------------------------------------------------


def export_xliff(story: Story, glossary: Glossary) -> bytes:
    units = [_trans_unit(unit, glossary) for unit in story_units(story)]
    header = _X.header(
        _X.note(
            f"Story {story.slug}: translate each unit into English. Keep Markdown as it is: "
            "**bold**, *italic*, [words](link). Units marked translated are current; the others need "
            "translating. Import with: python scripts/stories.py import-xliff FILE",
            {"from": "newsroom"},
        )
    )
    document = _X.xliff(
        _X.file(
            header,
            _X.body(*units),
            {
                "original": original(story),
                "source-language": SOURCE_LANGUAGE,
                "target-language": TARGET_LANGUAGE,
                "datatype": "plaintext",
            },
        ),
        version="1.2",
    )
    return etree.tostring(document, xml_declaration=True, encoding="UTF-8", pretty_print=True)


def _trans_unit(unit: Unit, glossary: Glossary) -> etree._Element:
    element = _X("trans-unit", {"id": unit.id, "resname": unit.name, XML_SPACE: "preserve"})
    if unit.en:
        element.set("extradata", english_fingerprint(unit.en))
    element.append(_X.source(unit.zh, {XML_LANG: SOURCE_LANGUAGE}))
    state = TRANSLATED if unit.in_step else NEEDS_TRANSLATION
    element.append(_X.target(unit.en if unit.in_step else "", {XML_LANG: TARGET_LANGUAGE, "state": state}))
    element.append(_X.note(unit.context, {"from": "newsroom"}))
    if unit.en and not unit.in_step:
        element.append(_X.note(f"The English before the Chinese changed: {unit.en}", {"from": "newsroom"}))
    for term in glossary.terms_in(unit.zh):
        element.append(_X.note(f"Glossary: {term.shown}", {"from": "glossary"}))
    return element


# --- import --------------------------------------------------------------------------------


@dataclass
class Imported:
    """What an import found: the story, the new English text (None when nothing changes), the
    units it translated, and the problems that stop it."""

    story: Story | None = None
    text: str | None = None
    translated: list[Unit] = field(default_factory=list)
    problems: list[Finding] = field(default_factory=list)


@dataclass(frozen=True)
class _FileUnit:
    id: str
    name: str
    source: str
    target: str
    exported_english: str  # the `extradata` fingerprint, "" where there was no English
    line: int


def import_xliff(path: Path, site: Site, today: dt.date) -> Imported:
    result = Imported()
    problem = lambda line, kind, **details: result.problems.append(report(kind, path, line, **details))
    try:
        root = etree.parse(str(path), etree.XMLParser(resolve_entities=False, no_network=True)).getroot()
    except etree.XMLSyntaxError as error:
        problem(error.lineno or 1, Code.XLIFF_NOT_XML, problem=error.msg)
        return result
    except OSError as error:
        problem(1, Code.XLIFF_UNREADABLE, problem=error)
        return result
    files = root.findall(f"{{{NAMESPACE}}}file")
    if root.tag != f"{{{NAMESPACE}}}xliff" or root.get("version") != "1.2" or len(files) != 1:
        problem(root.sourceline or 1, Code.XLIFF_NOT_XLIFF)
        return result
    story = _story_of(files[0], site, problem)
    if story is None:
        return result
    result.story = story
    file_units = _file_units(files[0], problem)
    if result.problems:
        return result
    current = {unit.id: unit for unit in story_units(story)}
    by_name = {unit.name: unit for unit in current.values()}
    _match(file_units, current, by_name, problem)
    if result.problems:
        return result
    changes = [(current[item.id], item) for item in file_units if item.target]
    for unit, item in changes:
        _check_target(unit, item, story, problem)
    if result.problems:
        return result
    result.translated = [unit for unit, item in changes if not unit.in_step or item.target != unit.en]
    edits = {unit.id: item.target for unit, item in changes if item.target != unit.en}
    if not result.translated:
        return result
    try:
        text = _edited_text(story.translation, [(current[key], target) for key, target in edits.items()])
        english = _read_text(story.translation.path, text)
        text = recorded_text(english, _record(story, result.translated), today)
    except FrontMatterProblem as unwritable:
        result.problems.append(
            Finding(story.translation.path, unwritable.line, ERROR, unwritable.message, unwritable.fix, "front-matter-syntax")
        )
        return result
    result.text = _verified(story, text, changes, problem)
    return result


def _story_of(file_element, site: Site, problem) -> Story | None:
    line = file_element.sourceline or 1
    named = file_element.get("original", "")
    match = _ORIGINAL.fullmatch(named)
    story = site.story(match["slug"]) if match else None
    if story is None:
        problem(line, Code.XLIFF_OTHER_SITE, named=named, docs=site.docs_dir.name)
        return None
    languages = (file_element.get("source-language", ""), file_element.get("target-language", ""))
    if languages[0].lower()[:2] != "zh" or languages[1].lower()[:2] != "en":
        problem(line, Code.XLIFF_WRONG_LANGUAGES, source=languages[0] or "?", target=languages[1] or "?")
        return None
    if story.source is None or story.source.problem or story.translation is None or story.translation.front is None:
        problem(line, Code.XLIFF_STORY_UNREADABLE, slug=story.slug)
        return None
    return story


def _file_units(file_element, problem) -> list[_FileUnit]:
    units, seen = [], set()
    for element in file_element.iter(f"{{{NAMESPACE}}}trans-unit"):
        unit_id, line = element.get("id", ""), element.sourceline or 1
        if unit_id in seen:
            problem(line, Code.XLIFF_UNIT_TWICE, unit=unit_id)
        seen.add(unit_id)
        source = element.find(f"{{{NAMESPACE}}}source")
        target = element.find(f"{{{NAMESPACE}}}target")
        for part in (source, target):
            if part is not None and len(part):
                tag = etree.QName(part[0]).localname
                problem(
                    part.sourceline or line, Code.XLIFF_MARKUP_ELEMENT, unit=unit_id, part=etree.QName(part).localname, tag=tag
                )
        units.append(
            _FileUnit(
                unit_id,
                element.get("resname", ""),
                "".join(source.itertext()) if source is not None else "",
                (target.text or "").strip() if target is not None and not len(target) else "",
                element.get("extradata", ""),
                line,
            )
        )
    return units


def _match(file_units: list[_FileUnit], current: dict[str, Unit], by_name: dict[str, Unit], problem) -> None:
    """Each unit of the file is one of the story's, with the same Chinese, and none is missing."""
    accounted = set()
    in_file = {item.id for item in file_units}
    for item in file_units:
        unit = current.get(item.id)
        if unit is not None and normalized(unit.zh) == normalized(item.source):
            accounted.add(unit.id)
            continue
        now = unit or by_name.get(item.name)
        if unit is None and now is not None and now.id in in_file:
            now = None  # the unit now in its place is in the file too: this block was removed
        if now is not None:
            accounted.add(now.id)
            problem(item.line, Code.XLIFF_SOURCE_CHANGED, unit=item.id, context=now.context, now=_short(now.zh))
        else:
            problem(item.line, Code.XLIFF_UNKNOWN_UNIT, unit=item.id, name=item.name or "no name")
    for unit in current.values():
        if unit.id not in accounted:
            problem(1, Code.XLIFF_MISSING_UNIT, unit=unit.id, context=unit.context)


def _short(text: str) -> str:
    text = normalized(text)
    return text if len(text) <= 40 else text[:40] + "…"


def _check_target(unit: Unit, item: _FileUnit, story: Story, problem) -> None:
    where = f"unit {unit.id} ({unit.context})"
    if shown := markup_in_text(item.target):
        problem(item.line, Code.XLIFF_MARKUP, where=where, shown=shown)
        return
    if item.target != unit.en and unit.en and item.exported_english != english_fingerprint(unit.en):
        problem(item.line, Code.XLIFF_ENGLISH_CHANGED, where=where, file=story.translation.path.name)
        return
    if unit.is_field and None in unit.field:
        problem(item.line, Code.XLIFF_PHOTO_UNDECLARED, where=where, file=story.translation.path.name, slug=story.slug)
        return
    paragraphs = len(unit.en_blocks) if len(unit.en_blocks) > 1 else 1
    single_line = unit.is_field or unit.zh_blocks[0].kind == HEADING
    parts = item.target.split("\n\n")
    if (single_line and "\n" in item.target) or (not single_line and len(parts) != paragraphs):
        problem(
            item.line,
            Code.XLIFF_LINE_BREAKS,
            where=where,
            parts=len(parts),
            expected="one line" if single_line else paragraphs,
        )


def _edited_text(english: StoryFile, edits: list[tuple[Unit, str]]) -> str:
    """The English file's text with the units' new English put in place, the rest untouched."""
    lines = english.text.split("\n")
    operations = [
        (*_block_edit(english, lines, unit, text), order)
        for order, (unit, text) in enumerate(edits)
        if not unit.is_field
    ]
    # bottom up, so that each edit's line numbers still hold; of two insertions at one place the
    # later unit goes in first, so that the earlier ends up before it
    for start, end, new, _ in sorted(operations, key=lambda op: (op[0], op[1], op[3]), reverse=True):
        lines[start - 1 : end] = new
    # a field the English lacks goes where the guide has it (a photo's, after the photo's others)
    fields = {unit.field: text for unit, text in edits if unit.is_field}
    edited = "\n".join(lines)
    return yaml_writer.edited(edited, fields, STORY_FIELDS) if fields else edited


def _block_edit(english: StoryFile, lines: list[str], unit: Unit, text: str) -> tuple[int, int, list[str]]:
    first = unit.zh_blocks[0]
    new = [f"{'#' * first.level} {text}"] if first.kind == HEADING else text.split("\n")
    if unit.en_blocks:
        start = unit.en_blocks[0].line
        return start, _block_end(english, lines, unit.en_blocks[-1]), new
    if unit.insert_at is None:
        end = len(lines) - (lines[-1] == "")  # before the final line break
        return end + 1, end, ["", *new]
    return unit.insert_at, unit.insert_at - 1, [*new, ""]


def _block_end(english: StoryFile, lines: list[str], block) -> int:
    """The last line of a block: up to the next block, without the blank lines before it."""
    later = [other.line for other in english.blocks if other.line > block.line]
    end = (min(later) - 1) if later else len(lines)
    while end > block.line and not lines[end - 1].strip():
        end -= 1
    return end


def _read_text(path: Path, text: str) -> StoryFile:
    english = StoryFile(path, "en")
    english.load(text.encode("utf-8"))
    return english


def _record(story: Story, translated: list[Unit]) -> str:
    """The fingerprints to record: each block the English now translates gets its current one;
    a block left outdated keeps the one it had, so the check still reports it."""
    zh, en = story.source, story.translation
    counted = [block for block in zh.blocks if block.kind != BREAK]
    current = [block.fingerprint for block in counted]
    recorded = en.translation_source.split()
    done = in_step_blocks(story) | {block for unit in translated for block in unit.zh_blocks}
    done |= {block for block in counted if block.kind == PHOTO}
    kept = []
    matcher = difflib.SequenceMatcher(a=recorded, b=current, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        for offset, j in enumerate(range(j1, j2)):
            if counted[j] in done:
                kept.append(current[j])
            elif tag == "replace" and i1 + offset < i2:
                kept.append(recorded[i1 + offset])
    return " ".join(kept)


def _verified(story: Story, text: str, changes, problem) -> str | None:
    """The new text, once read back it gives each unit the English the file had for it."""
    english = _read_text(story.translation.path, text)
    if english.problem is None:
        after = {unit.id: unit for unit in story_units(Story(story.slug, story.folder, {**story.files, "en": english}))}
        wrong = [item for unit, item in changes if (after.get(unit.id) and after[unit.id].en) != item.target]
    else:
        wrong = [item for _, item in changes]
    for item in wrong:
        problem(item.line, Code.XLIFF_CHANGES_STRUCTURE, unit=item.id)
    return None if wrong else text


def export_summary(story: Story) -> str:
    units = story_units(story)
    waiting = sum(not unit.in_step for unit in units)
    return f"{len(units)} units, {len(units) - waiting} translated, {waiting} to translate"
