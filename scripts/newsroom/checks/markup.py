"""The check's rules for markup: a story's body may hold only the HTML the allowlist keeps
(sanitize.py), and the text fields of its front matter hold no markup at all.

The build removes whatever the allowlist does not keep, whatever the check said; the check
names it, with the line the writer typed it on, so that nothing disappears from a story
without a word.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from functools import lru_cache

from markdown import Markdown

from newsroom.model.blocks import Block
from newsroom.model.catalogue import Code, report
from newsroom.model.findings import Finding, field_name
from newsroom.model.schema import PHOTO_FIELDS
from newsroom.model.story import StoryFile
from newsroom.render import sanitize

# what Markdown needs to make a tag, an attribute or a link; every other block renders to text
_MAY_MAKE_MARKUP = re.compile(r"<[A-Za-z/!?]|\]\(|\]:|\{")
_TAG_START = re.compile(r"<[A-Za-z/!?]")
MAX_TAGS_IN_A_BLOCK = 500
# the extensions of mkdocs.yml that turn a writer's text into tags or attributes
_EXTENSIONS = ("attr_list", "md_in_html")

_CODE = ("script", "svg", "math", "noscript", "template")
_EMBEDS = ("iframe", "object", "embed", "frame", "frameset", "applet", "portal")
_PAGE_SETTINGS = ("meta", "base", "link", "style", "head", "html", "body", "title")
_FORMS = ("form", "input", "button", "select", "textarea", "option", "label", "fieldset")
_URL_ATTRIBUTES = ("href", "src", "srcset")

# front matter text shown to readers: plain text, never markup
TEXT_FIELDS = ("title", "deck", "summary", "date_note")
_MARKUP_IN_TEXT = re.compile(r"<[A-Za-z/!?]|&(?:[A-Za-z][A-Za-z0-9]*|#[0-9]+|#[xX][0-9A-Fa-f]+);")


@lru_cache(maxsize=1)
def _markdown() -> Markdown:
    return Markdown(extensions=list(_EXTENSIONS))


def _render(block: Block) -> str:
    markdown = _markdown()
    markdown.reset()
    return markdown.convert(block.source)


def body_findings(story_file: StoryFile) -> Iterator[Finding]:
    """Every tag, attribute and address of the body that the page will not show."""
    lines = story_file.body.split("\n")
    for block in story_file.blocks:
        if not _MAY_MAKE_MARKUP.search(block.source):
            continue
        tags = len(_TAG_START.findall(block.source))
        if tags > MAX_TAGS_IN_A_BLOCK:
            # Markdown takes minutes over a paragraph of thousands of tags; no story has one
            yield report(Code.HTML_FLOOD, story_file.path, block.line, tags=tags)
            continue
        line = block.line  # removals come in the order they were typed: look from the last one on
        for removal in sanitize.removals(_render(block)):
            kind, details = describe(removal)
            line = _line_with(lines, story_file.body_line, line, removal)
            yield report(kind, story_file.path, line, **details)


def describe(removal: sanitize.Removal) -> tuple[Code, dict[str, str]]:
    """What the writer is told about one removal: the kind of finding and its details."""
    tag, attribute, value = removal.tag, removal.attribute, removal.value
    if not attribute:
        if tag in _CODE:
            return Code.CODE_TAG, {"tag": tag}
        if tag in _EMBEDS:
            return Code.EMBED, {"tag": tag}
        if tag in _PAGE_SETTINGS:
            return Code.PAGE_SETTING_TAG, {"tag": tag}
        if tag in _FORMS:
            return Code.FORM_ELEMENT, {"tag": tag}
        return Code.HTML_TAG, {"tag": tag}
    if attribute.startswith("on"):
        return Code.EVENT_HANDLER, {"tag": tag, "attribute": attribute}
    if attribute in _URL_ATTRIBUTES:
        address = re.sub(r"\s", "", value).lower()
        scheme = address.split(":", 1)[0] if ":" in address.split("/", 1)[0] else ""
        if scheme in ("javascript", "vbscript", "data"):
            return Code.SCRIPT_LINK, {"scheme": scheme, "address": value}
        if tag == "img":
            return Code.REMOTE_IMAGE, {"address": value}
        return Code.BAD_ADDRESS, {"address": value}
    if attribute == "style":
        return Code.STYLE_ATTRIBUTE, {"tag": tag}
    return Code.HTML_ATTRIBUTE, {"tag": tag, "attribute": f'{attribute}="{value}"' if value else attribute}


def _line_with(lines: list[str], body_line: int, from_line: int, removal: sanitize.Removal) -> int:
    """The line of the block, from `from_line` on, where the writer typed what is removed: an
    address as the browser reads it (`java&Tab;script:` is `java\tscript:`), an attribute, a
    tag; `from_line` itself if none is found."""
    if removal.attribute in _URL_ATTRIBUTES:
        needles = [removal.value, removal.attribute]
    else:
        needles = [removal.attribute or f"<{removal.tag}"]
    for needle in (needle.lower() for needle in needles if needle):
        index = from_line - body_line
        while 0 <= index < len(lines) and lines[index].strip():
            if needle in html.unescape(lines[index]).lower():
                return body_line + index
            index += 1
    return from_line


def field_findings(story_file: StoryFile) -> Iterator[Finding]:
    """Markup in a text field: shown to readers as typed, never run; the writer hears of it."""
    fields = [((name,), story_file.meta.get(name)) for name in TEXT_FIELDS]
    fields += [
        (("photos", photo.index, key), getattr(photo, key)) for photo in story_file.photos for key in PHOTO_FIELDS
    ]
    for path, value in fields:
        found = _MARKUP_IN_TEXT.search(value) if isinstance(value, str) else None
        if found:
            yield report(
                Code.MARKUP_IN_FIELD,
                story_file.path,
                story_file.line_of(*path),
                field=field_name(path),
                shown=text_around(value, found.start()),
            )


def markup_in_text(value: str) -> str:
    """The markup a plain-text value holds, shown in context, or "" (for the records in docs/_data/ and XLIFF targets)."""
    found = _MARKUP_IN_TEXT.search(value)
    return text_around(value, found.start()) if found else ""


def text_around(value: str, start: int) -> str:
    return value[start : start + 24] + ("…" if len(value) > start + 24 else "")
