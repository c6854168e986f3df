"""Writing a read page as a story: the Chinese file and its English `[TRANSLATE]` twin."""

from __future__ import annotations

import re
from itertools import zip_longest

from newsroom.importer.layout import Layout, Photo
from newsroom.importer.problem import ImportProblem
from newsroom.model import yaml_writer
from newsroom.model.blocks import HEADING, PARAGRAPH, UNTRANSLATED_MARK, parse_blocks
from newsroom.model.registry import Registry
from newsroom.model.schema import SOURCE_LANG, STORY_FIELDS, TRANSLATION_LANG
from newsroom.model.story import IMAGES_DIR

PHOTO_FILE = IMAGES_DIR + "/photo-{number}.jpg"
_MARKDOWN_START = re.compile(r"^(?:#|>|[-*+]\s|\d+[.)]\s|```|~~~|<|!\[|[-*_](?:\s*[-*_]){2,}\s*$)")
_REFERENCE = re.compile(r"&(?=#?\w+;)")
_FIRST_SENTENCE = re.compile(r"^.*?[。！？!?]+[”’」』）)》】\"']*")


def story_texts(layout: Layout, registry: Registry) -> tuple[str, str]:
    """The Chinese story and its English stub: every Chinese block has an English `[TRANSLATE]` twin."""
    photo_files = [PHOTO_FILE.format(number=n) for n in range(1, len(layout.photos) + 1)]
    photographers = layout.byline.photos

    def credit(photo: Photo) -> str:
        people = photo.credit or photographers
        return people[0] if len(people) == 1 else ""

    def english_name(name: str) -> str:
        person = registry.contributor(name)
        return person.name(TRANSLATION_LANG) if person else name

    paragraphs = layout.paragraphs
    summary = _first_sentence(paragraphs[0].text) if paragraphs else ""
    zh_byline = {"text": layout.byline.text}
    if layout.photos or photographers:
        zh_byline["photos"] = photographers
    zh_photos = [
        {"file": file, "caption": photo.caption, "credit": credit(photo), "alt": ""}
        for file, photo in zip(photo_files, layout.photos, strict=True)
    ]
    zh_fields = {
        "title": layout.title,
        "deck": layout.front_deck,
        "series": registry.series_titled(layout.banner, SOURCE_LANG) or "",
        "date": layout.date,  # left blank for the check to ask for: never a guess
        "summary": summary,
        "byline": zh_byline,
        "photos": zh_photos,
    }
    if photo_files:
        zh_fields["lead_photo"] = photo_files[0]
    en_fields = {
        **zh_fields,
        "title": _untranslated(layout.title),
        "deck": _untranslated(layout.front_deck),
        "summary": _untranslated(summary),
        "byline": {
            **{role: [english_name(name) for name in names] for role, names in zh_byline.items()},
            "translation": [],
        },
        "photos": [
            {**photo, "caption": _untranslated(photo["caption"]), "credit": english_name(photo["credit"])}
            for photo in zh_photos
        ],
    }
    # the lead photo shows under the headline; the others where the page had them
    shown_after: dict[int, list[str]] = {}
    for file, photo in list(zip(photo_files, layout.photos, strict=True))[1:]:
        shown_after.setdefault(photo.after_block, []).append(f"![]({file})")
    zh_blocks, en_blocks = list(shown_after.get(0, [])), list(shown_after.get(0, []))
    for number, block in enumerate(layout.blocks, start=1):
        if block.heading:
            text = _as_markdown_heading(block.text)
            zh_blocks.append(f"## {text}")
            en_blocks.append(f"## {_untranslated(text)}")
        else:
            text = _as_markdown_paragraph(block.text)
            zh_blocks.append(text)
            en_blocks.append(_untranslated(text))
        zh_blocks += shown_after.get(number, [])
        en_blocks += shown_after.get(number, [])
    _verify_blocks(zh_blocks, layout)
    return _story_file(zh_fields, zh_blocks), _story_file(en_fields, en_blocks)


def _untranslated(text: str) -> str:
    return f"{UNTRANSLATED_MARK} {text}" if text else ""


def _first_sentence(text: str) -> str:
    match = _FIRST_SENTENCE.match(text)
    return match.group(0) if match else text


def _as_markdown_paragraph(text: str) -> str:
    """Text that Markdown reads as the paragraph it is, not as a heading, list, quote or rule.

    The first character becomes a character reference (`&#35;` for `#`): a backslash would do
    for some of them, but Python-Markdown shows it before `<` and `~` and cannot escape digits.
    """
    text = _literal_references(text)
    return f"&#{ord(text[0])};{text[1:]}" if _MARKDOWN_START.match(text) else text


def _as_markdown_heading(text: str) -> str:
    """A subhead whose closing `#` Markdown would take for the heading's own closing hashes."""
    text = _literal_references(text)
    return f"{text[:-1]}&#35;" if text.endswith("#") else text


def _literal_references(text: str) -> str:
    """`&#35;` or `&amp;` typed in the page stays those characters, not what they stand for."""
    return _REFERENCE.sub("&amp;", text)


def _verify_blocks(blocks: list[str], layout: Layout) -> None:
    """Read the body back as the site will; Markdown (an HTML comment, say) must not eat any text."""
    read_back = [block.text for block in parse_blocks("\n\n".join(blocks)) if block.kind in (PARAGRAPH, HEADING)]
    written = [
        _as_markdown_heading(block.text) if block.heading else _as_markdown_paragraph(block.text)
        for block in layout.blocks
    ]
    for block, expected, actual in zip_longest(layout.blocks, written, read_back):
        if expected != actual:
            line = (block or layout.blocks[-1]).lines[0]
            raise ImportProblem(
                f"line {line} would not show as written on the site (it holds Markdown or HTML) — "
                "edit that line of the page text and import again（该行含 Markdown 或 HTML 符号，请修改后重新导入）"
            )


def _story_file(fields: dict, blocks: list[str]) -> str:
    # the schema's order, which the guide's template follows; a None (the date) a blank to fill in
    ordered = {name: fields[name] for name in STORY_FIELDS if name in fields}
    return yaml_writer.new_front_matter(ordered) + "\n" + "\n\n".join(blocks) + "\n"
