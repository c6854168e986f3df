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
from newsroom.model.findings import ERROR, Finding, field_name
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
            yield Finding(
                story_file.path,
                block.line,
                ERROR,
                f"this paragraph holds {tags:,} HTML tags, which the page leaves out",
                "remove the pasted HTML and keep the text; a paragraph of a story holds a few tags at most",
                code="html-not-allowed",
            )
            continue
        line = block.line  # removals come in the order they were typed: look from the last one on
        for removal in sanitize.removals(_render(block)):
            message, fix, code = describe(removal)
            line = _line_with(lines, story_file.body_line, line, removal)
            yield Finding(story_file.path, line, ERROR, message, fix, code=code)


def describe(removal: sanitize.Removal) -> tuple[str, str, str]:
    """What the writer is told about one removal: the message, the fix and the finding's code."""
    tag, attribute, value = removal.tag, removal.attribute, removal.value
    if not attribute:
        if tag in _CODE:
            return _told(f"a <{tag}> tag", "stories cannot run code; remove the tag", code="unsafe")
        if tag in _EMBEDS:
            return _told(
                f"an embedded <{tag}>",
                "embeds load pages and code from other sites; link to the page instead",
                code="unsafe",
            )
        if tag in _PAGE_SETTINGS:
            return _told(
                f"a <{tag}> tag",
                "a story cannot change the page's settings, address or design; remove the tag",
                code="unsafe",
            )
        if tag in _FORMS:
            return _told(
                f"a form element <{tag}>",
                "stories cannot hold forms; link to the form's own page instead",
                code="unsafe",
            )
        return _told(
            f"a <{tag}> tag",
            "write it in Markdown (**bold**, *italic*, [link](https://…), lists) or as plain text",
            code="html-not-allowed",
        )
    if attribute.startswith("on"):
        return _told(
            f"an inline event handler ({attribute}=) on <{tag}>",
            "remove the attribute; stories cannot run code",
            code="unsafe",
        )
    if attribute in _URL_ATTRIBUTES:
        address = re.sub(r"\s", "", value).lower()
        scheme = address.split(":", 1)[0] if ":" in address.split("/", 1)[0] else ""
        if scheme in ("javascript", "vbscript", "data"):
            return _told(
                f"a `{scheme}:` link ({value!r})",
                "link to a web address (https://…) instead; save images in the story's images/ folder",
                code="unsafe",
            )
        if tag == "img":
            return _told(
                f"an image loaded from another site ({value})",
                "save the image into the story's images/ folder and use images/…",
                code="unsafe",
            )
        return _told(
            f"the address {value!r}",
            "use https://, http:// or mailto: addresses, or a path to the site's own pages",
            code="unsafe",
        )
    if attribute == "style":
        return _told(
            f"a style attribute on <{tag}>", "the site's design sets the look; remove the attribute", code="unsafe"
        )
    shown = f'{attribute}="{value}"' if value else attribute
    return _told(
        f"the attribute {shown} on <{tag}>", "remove the attribute; write the text in Markdown", code="html-not-allowed"
    )


def _told(what: str, fix: str, code: str) -> tuple[str, str, str]:
    return f"the text contains {what}, which is not allowed in a story and is left out of the page", fix, code


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
            name = field_name(path)
            yield Finding(
                story_file.path,
                story_file.line_of(*path),
                ERROR,
                f"{name} contains markup ({text_around(value, found.start())}); it is plain text and would show as typed",
                "write it as plain text: no tags, no &…; codes (type the character itself, e.g. & or <)",
                code="markup-in-field",
            )


def markup_in_text(value: str) -> str:
    """The markup a plain-text value holds, shown in context, or "" (for the records in docs/_data/)."""
    found = _MARKUP_IN_TEXT.search(value)
    return text_around(value, found.start()) if found else ""


def text_around(value: str, start: int) -> str:
    return value[start : start + 24] + ("…" if len(value) > start + 24 else "")
