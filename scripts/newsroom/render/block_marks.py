"""Marks between the blocks of a story page, so that each block's HTML can be taken back out.

The bilingual view shows the paragraphs both story pages have already rendered. A story page's
Markdown puts a mark between its blocks; a small Markdown extension turns each mark into an
element, and `split` cuts the rendered page at those elements and takes them out again. A mark
is a block of its own that no writer types, recognised by one string comparison: an HTML comment
in its place made every story page a third slower to render.
"""

from __future__ import annotations

import xml.etree.ElementTree as etree

from markdown import Markdown
from markdown.blockprocessors import BlockProcessor
from markdown.extensions import Extension

MARK = "\u2063nr-block\u2063"  # invisible separators around a name
_ELEMENT = "nr-block-mark"
_RENDERED = f"<{_ELEMENT}></{_ELEMENT}>"


def joined(blocks: list[str]) -> str:
    """The Markdown of a page made of these blocks, with a mark before, between and after them."""
    return f"\n\n{MARK}\n\n".join(["", *blocks, ""]).strip("\n") + "\n"


def split(html: str, clean) -> list:
    """The rendered page cut at its marks, each piece passed through `clean` (the sanitizer):
    what comes before the first block, each block in order, and what comes after the last."""
    parts = html.split(_RENDERED)
    return [clean(part.strip("\n") if 0 < index < len(parts) - 1 else part) for index, part in enumerate(parts)]


class _MarkProcessor(BlockProcessor):
    def test(self, parent: etree.Element, block: str) -> bool:
        return block == MARK

    def run(self, parent: etree.Element, blocks: list[str]) -> None:
        blocks.pop(0)
        etree.SubElement(parent, _ELEMENT)


class BlockMarks(Extension):
    """Python-Markdown extension: a MARK block becomes an empty element that `split` cuts at."""

    def extendMarkdown(self, md: Markdown) -> None:
        # before every other block processor: a mark is never a paragraph
        md.parser.blockprocessors.register(_MarkProcessor(md.parser), "newsroom_block_marks", 200)
