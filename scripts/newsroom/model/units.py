"""A story as translation units: each piece of Chinese text with the English that translates it.

The units are the front matter's text fields (title, deck, summary, date note, each photo's
caption and alt text) and the body's headings and paragraphs as the alignment pairs them. The
XLIFF export and import and the glossary check read a story through them, so they agree on what
a unit is, on its fingerprint and on whether its English is in step with the Chinese.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, replace

from newsroom.model import alignment
from newsroom.model.blocks import BREAK, HEADING, PARAGRAPH, UNTRANSLATED_MARK, Block, block_fingerprint
from newsroom.model.story import Story, StoryFile

FIELDS = ("title", "deck", "summary", "date_note")
PHOTO_TEXTS = ("caption", "alt")


@dataclass(frozen=True)
class Unit:
    id: str  # the fingerprint of the Chinese text (`a+b` for merged paragraphs, `-2`, `-3` for repeats)
    name: str  # where it is, stable while the text changes: `title`, `paragraph-3`, `photo-1-alt`
    context: str  # where it is, for a translator: `paragraph 3 of 12, under the heading “祁县”`
    zh: str
    en: str | None  # the current English, None where there is none
    in_step: bool  # the English translates this Chinese text
    zh_line: int
    en_line: int | None
    # a field unit: its path in the English front matter, e.g. ("photos", 0, "caption"), with
    # None for the index of a photo the English does not declare
    field: tuple = ()
    zh_blocks: tuple[Block, ...] = ()
    en_blocks: tuple[Block, ...] = ()
    insert_at: int | None = None  # a block unit without English: the English line it goes before (None: the end)

    @property
    def is_field(self) -> bool:
        return bool(self.field)


def story_units(story: Story) -> list[Unit]:
    """Every unit of a story whose Chinese file reads, in reading order."""
    zh, en = story.source, story.translation
    en = en if en is not None and en.problem is None and en.front is not None else None
    units = _field_units(zh, en) + _block_units(story, zh, en)
    return _unique_ids(units)


def _field_units(zh: StoryFile, en: StoryFile | None) -> list[Unit]:
    units = []
    for name in FIELDS:
        if zh.text_field(name):
            units.append(_field_unit((name,), name, f"the {name.replace('_', ' ')}", zh, en))
    en_photos = {photo.file: photo for photo in en.photos} if en else {}
    for number, photo in enumerate(zh.photos, 1):
        en_photo = en_photos.get(photo.file)
        for key in PHOTO_TEXTS:
            if getattr(photo, key):
                path = ("photos", en_photo.index if en_photo else None, key)
                what = "caption" if key == "caption" else "alt text"
                unit = _field_unit(
                    ("photos", photo.index, key), f"photo-{number}-{key}", f"{what} of photo {photo.file}", zh, en, path
                )
                units.append(unit)
    return units


def _field_unit(path: tuple, name: str, context: str, zh: StoryFile, en: StoryFile | None, en_path=None) -> Unit:
    text = _value(zh, path)
    en_path = en_path or path
    english = _value(en, en_path) if en and None not in en_path else ""
    kind = path[-1]
    return Unit(
        id=block_fingerprint(Block(kind, text, 0)),
        name=name,
        context=context,
        zh=text,
        en=english or None,
        in_step=bool(english) and not english.startswith(UNTRANSLATED_MARK),
        zh_line=zh.line_of(*path),
        en_line=en.line_of(*en_path) if english else None,
        field=en_path,
    )


def _value(story_file: StoryFile, path: tuple) -> str:
    value = story_file.meta
    for part in path:
        value = value.get(part) if isinstance(value, dict) else value[part] if isinstance(value, list) else None
        if value is None:
            return ""
    return value.strip() if isinstance(value, str) else ""


def _block_units(story: Story, zh: StoryFile, en: StoryFile | None) -> list[Unit]:
    en_blocks = en.blocks if en else []
    pairs = alignment.align(zh.blocks, en_blocks, en.alignment if en else []).pairs
    current = in_step_blocks(story)
    total = sum(block.kind == PARAGRAPH for block in zh.blocks)
    units, heading = [], None
    headings = 0
    for index, pair in enumerate(pairs):
        if pair.kind == BREAK:
            heading = None  # what follows a section break stands under no heading
        if not pair.zh or pair.kind not in (HEADING, PARAGRAPH):
            continue
        first = pair.zh[0]
        if first.kind == HEADING:
            headings += 1
            heading = first.text
            name, context = f"heading-{headings}", f"heading {headings}"
        else:
            low, high = pair.zh_numbers[0], pair.zh_numbers[-1]
            name = f"paragraph-{low}" if low == high else f"paragraph-{low}-{high}"
            numbers = str(low) if low == high else f"{low}–{high}"
            context = f"paragraph {numbers} of {total}" + (f", under the heading “{heading}”" if heading else "")
        english = "\n\n".join(block.text for block in pair.en) or None
        units.append(
            Unit(
                id="+".join(block.fingerprint for block in pair.zh),
                name=name,
                context=context,
                zh="\n\n".join(block.text for block in pair.zh),
                en=english,
                in_step=bool(english)
                and all(block in current for block in pair.zh)
                and not any(block.untranslated for block in pair.en),
                zh_line=first.line,
                en_line=pair.en[0].line if pair.en else None,
                zh_blocks=pair.zh,
                en_blocks=pair.en,
                insert_at=next((later.en[0].line for later in pairs[index + 1 :] if later.en), None),
            )
        )
    return units


def in_step_blocks(story: Story) -> set[Block]:
    """The Chinese blocks whose fingerprints the translation record holds where they stand."""
    zh, en = story.source, story.translation
    recorded = en.translation_source.split() if en and en.problem is None else []
    counted = [block for block in zh.blocks if block.kind != BREAK]
    current = [block.fingerprint for block in counted]
    matcher = difflib.SequenceMatcher(a=recorded, b=current, autojunk=False)
    return {counted[j] for tag, _, _, j1, j2 in matcher.get_opcodes() if tag == "equal" for j in range(j1, j2)}


def _unique_ids(units: list[Unit]) -> list[Unit]:
    """Two identical paragraphs have one fingerprint; an XLIFF unit's id must be unique."""
    seen: dict[str, int] = {}
    unique = []
    for unit in units:
        seen[unit.id] = seen.get(unit.id, 0) + 1
        if seen[unit.id] > 1:
            unit = replace(unit, id=f"{unit.id}-{seen[unit.id]}")
        unique.append(unit)
    return unique
