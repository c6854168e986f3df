"""The bilingual reading view (中英对照): a story's paragraphs in pairs, Chinese then English.

It is published only for stories whose two files are in step, as a page of its own that
needs no JavaScript; every pair has an anchor a reader can link to. Its paragraphs are not
rendered again: the view takes them from the story pages (block_marks).
"""

from __future__ import annotations

from dataclasses import dataclass

from newsroom.model import alignment
from newsroom.model.blocks import BREAK, HEADING, PARAGRAPH, PHOTO
from newsroom.model.frontmatter import yaml_line
from newsroom.model.schema import SOURCE_LANG, TRANSLATION_LANG
from newsroom.model.story import STORIES_DIR, Story
from newsroom.render import labels

VIEW_DIR = "bilingual"


def has_view(story: Story) -> bool:
    """Whether the story gets a bilingual view; `Site.has_bilingual_view` remembers it per build."""
    return story.is_published_in(TRANSLATION_LANG) and alignment.story_in_step(story)


def view_src_uri(story: Story) -> str:
    return f"{STORIES_DIR}/{story.slug}/{VIEW_DIR}/index.md"


def view_page(story: Story) -> str:
    """The view's page as MkDocs reads it: front matter only, the body is view_html's."""
    title = f"{story.source.text_field('title')} · {story.translation.text_field('title')}"
    return f"---\n{yaml_line('title', title)}\ntemplate: bilingual.html\nhide: [navigation, toc]\n---\n"


@dataclass(frozen=True)
class Part:
    """One row of the view: a paragraph pair (the paragraph numbers of each side), a heading
    pair, a photo with both captions, or a section break."""

    kind: str
    anchor: str = ""
    numbers: str = ""  # as readers see it: `3`, or `3–4` for paragraphs the translation merged
    zh: tuple[int, ...] | str = ()
    en: tuple[int, ...] | str = ()
    photo: object = None  # views.FigureView


@dataclass(frozen=True)
class BilingualBody:
    parts: tuple[Part, ...]
    pair_label: str


def view_body(story: Story, figure) -> BilingualBody:
    """What the view's body shows, for fragments.html's `bilingual_body`; `figure(photo_zh,
    photo_en)` gives a photo with both captions.

    Paragraphs are slots, not text: both texts are rendered on their story pages already, and
    rendering them again cost more than the rest of the page."""
    zh, en = story.source, story.translation
    pairs = alignment.align(zh.blocks, en.blocks, en.alignment).pairs
    paragraph_numbers = {
        id(block): number
        for blocks in (zh.blocks, en.blocks)
        for number, block in enumerate((block for block in blocks if block.kind == PARAGRAPH), start=1)
    }
    parts = []
    for pair in pairs:
        if pair.kind == BREAK:
            parts.append(Part(BREAK))
        elif pair.kind == PHOTO:
            parts.append(Part(PHOTO, photo=figure(zh.photo(pair.zh[0].src), en.photo(pair.en[0].src))))
        elif pair.kind == HEADING:
            anchor = f"h-{_heading_number(pairs, pair)}"
            parts.append(Part(HEADING, anchor, zh=pair.zh[0].text, en=pair.en[0].text))
        elif pair.kind == PARAGRAPH:
            first = pair.zh_numbers[0]
            numbers = f"{first}" if len(pair.zh_numbers) == 1 else f"{first}–{pair.zh_numbers[-1]}"
            parts.append(
                Part(
                    PARAGRAPH,
                    f"p{first}",
                    numbers,
                    zh=tuple(paragraph_numbers[id(block)] for block in pair.zh),
                    en=tuple(paragraph_numbers[id(block)] for block in pair.en),
                )
            )
    return BilingualBody(tuple(parts), labels.label(SOURCE_LANG, "pair"))


_SLOT_START, _SLOT_END = "<!--nr:", "-->"  # as fragments.html writes a slot: <!--nr:zh:3-->


def fill_paragraphs(view_html: str, paragraphs: dict[str, list[str]]) -> str:
    """Put each language's rendered paragraphs (1-based, as on its story page, sanitized there)
    into the slots of the written view."""
    pieces = view_html.split(_SLOT_START)
    filled = [pieces[0]]
    for piece in pieces[1:]:
        slot, _, rest = piece.partition(_SLOT_END)
        lang, _, number = slot.partition(":")
        filled += [paragraphs[lang][int(number) - 1], rest]
    return "".join(filled)


def _heading_number(pairs, current) -> int:
    headings = [pair for pair in pairs if pair.kind == HEADING]
    return headings.index(current) + 1
