"""The bilingual reading view (中英对照): a story's paragraphs in pairs, Chinese then English.

It is published only for stories whose two files are in step, as a page of its own that
needs no JavaScript; every pair has an anchor a reader can link to. Its paragraphs are not
rendered again: the view takes them from the story pages (block_marks).
"""

from __future__ import annotations

import re

from markupsafe import escape

from . import alignment, labels
from .blocks import BREAK, HEADING, PARAGRAPH, PHOTO
from .frontmatter import yaml_line
from .schema import SOURCE_LANG, TRANSLATION_LANG
from .story import STORIES_DIR, Story

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


def view_html(story: Story, figure) -> str:
    """The view's body; `figure(photo_zh, photo_en)` renders a photo with both captions.

    It is HTML with a slot for each paragraph, not Markdown: both texts are rendered on their
    story pages already, and parsing this much markup through Markdown cost more than the rest
    of the page."""
    zh, en = story.source, story.translation
    parts = []
    pairs = alignment.align(zh.blocks, en.blocks, en.alignment).pairs
    paragraph_numbers = {
        id(block): number
        for blocks in (zh.blocks, en.blocks)
        for number, block in enumerate((block for block in blocks if block.kind == PARAGRAPH), start=1)
    }
    for pair in pairs:
        kind = pair.kind
        if kind == BREAK:
            parts.append('<hr class="nr-break">')
        elif kind == PHOTO:
            parts.append(figure(zh.photo(pair.zh[0].src), en.photo(pair.en[0].src)))
        elif kind == HEADING:
            anchor = f"h-{_heading_number(pairs, pair)}"
            parts.append(
                f'<h2 class="nr-pair-heading" id="{anchor}"><span lang="zh">{escape(pair.zh[0].text)}</span> '
                f'<span class="nr-pair-heading__en" lang="en">{escape(pair.en[0].text)}</span></h2>'
            )
        elif kind == PARAGRAPH:
            parts.append(_pair_html(pair, paragraph_numbers))
    return "\n".join(parts) + "\n"


def _pair_html(pair: alignment.Pair, paragraph_numbers: dict[int, int]) -> str:
    first = pair.zh_numbers[0]
    anchor = f"p{first}"
    numbers = f"{first}" if len(pair.zh_numbers) == 1 else f"{first}–{pair.zh_numbers[-1]}"
    zh_slots = "".join(_slot(SOURCE_LANG, paragraph_numbers[id(block)]) for block in pair.zh)
    en_slots = "".join(_slot(TRANSLATION_LANG, paragraph_numbers[id(block)]) for block in pair.en)
    # the paragraphs go into the slots once both languages' pages are rendered (fill_paragraphs)
    return (
        f'<section class="nr-pair" id="{anchor}" aria-label="{labels.label(SOURCE_LANG, "pair")} {numbers} · Paragraph {numbers}">\n'
        f'<a class="nr-pair__anchor" href="#{anchor}" aria-hidden="true" tabindex="-1">{numbers}</a>\n'
        f'<div class="nr-pair__zh" lang="zh">{zh_slots}</div>\n'
        f'<div class="nr-pair__en" lang="en">{en_slots}</div>\n'
        "</section>"
    )


def _slot(lang: str, number: int) -> str:
    return f"<!--nr:{lang}:{number}-->"


_SLOT = re.compile(r"<!--nr:(?P<lang>[a-z]+):(?P<number>\d+)-->")


def fill_paragraphs(view_html: str, paragraphs: dict[str, list[str]]) -> str:
    """Put each language's rendered paragraphs (1-based, as on its story page) into the view."""
    return _SLOT.sub(lambda slot: paragraphs[slot["lang"]][int(slot["number"]) - 1], view_html)


def _heading_number(pairs, current) -> int:
    headings = [pair for pair in pairs if pair.kind == HEADING]
    return headings.index(current) + 1
