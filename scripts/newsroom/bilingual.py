"""The bilingual reading view (中英对照): a story's paragraphs in pairs, Chinese then English.

It is published only for stories whose two files are in step, as a page of its own that
needs no JavaScript; every pair has an anchor a reader can link to.
"""

from __future__ import annotations

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


def view_markdown(story: Story, figure) -> str:
    """The view's Markdown page; `figure(photo_zh, photo_en)` renders a photo with both captions."""
    zh, en = story.source, story.translation
    title = f"{zh.text_field('title')} · {en.text_field('title')}"
    parts = [f"---\n{yaml_line('title', title)}\ntemplate: bilingual.html\nhide: [navigation, toc]\n---\n"]
    pairs = alignment.align(zh.blocks, en.blocks, en.alignment).pairs
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
            parts.append(_pair_markdown(pair))
    return "\n\n".join(parts) + "\n"


def _pair_markdown(pair: alignment.Pair) -> str:
    first = pair.zh_numbers[0]
    anchor = f"p{first}"
    numbers = f"{first}" if len(pair.zh_numbers) == 1 else f"{first}–{pair.zh_numbers[-1]}"
    zh_text = "\n\n".join(block.text for block in pair.zh)
    en_text = "\n\n".join(block.text for block in pair.en)
    return (
        f'<section class="nr-pair" id="{anchor}" aria-label="{labels.label(SOURCE_LANG, "pair")} {numbers} · Paragraph {numbers}" markdown>\n'
        f'<a class="nr-pair__anchor" href="#{anchor}" aria-hidden="true" tabindex="-1">{numbers}</a>\n'
        f'<div class="nr-pair__zh" lang="zh" markdown>\n\n{zh_text}\n\n</div>\n'
        f'<div class="nr-pair__en" lang="en" markdown>\n\n{en_text}\n\n</div>\n'
        "</section>"
    )


def _heading_number(pairs, current) -> int:
    headings = [pair for pair in pairs if pair.kind == HEADING]
    return headings.index(current) + 1
