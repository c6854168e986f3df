"""The body of a story as a sequence of blocks: headings, photos, section breaks and paragraphs.

This one reading of the body serves the structure check, the translation fingerprint, the
bilingual view and the rendering of photos, so they never disagree about what a paragraph is.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass

HEADING = "heading"
PHOTO = "photo"
BREAK = "break"
PARAGRAPH = "paragraph"

UNTRANSLATED_MARK = "[TRANSLATE]"

_PHOTO_LINE = re.compile(r"^!\[(?P<alt>[^\]]*)\]\((?P<src>[^)\s]+)(?:\s+\"[^\"]*\")?\)\s*$")
# the closing hashes are stripped in code: `(.+?)\s*#*\s*$` backtracks cubically on long runs of spaces
_HEADING_LINE = re.compile(r"^(?P<hashes>#{1,6})\s+(?P<text>.+)$")
_BREAK_LINE = re.compile(r"^\s*(?:\*\s*){3,}$|^\s*(?:_\s*){3,}$")
_FENCE = re.compile(r"^(```|~~~)")


@dataclass(frozen=True)
class Block:
    kind: str
    text: str  # the Markdown source of the block (joined lines)
    line: int  # 1-based line in the file
    level: int = 0  # heading level
    src: str = ""  # photo path as written

    @property
    def untranslated(self) -> bool:
        return self.text.lstrip().startswith(UNTRANSLATED_MARK)

    @property
    def source(self) -> str:
        """The block as Markdown: a heading with its hashes, a photo as its image line."""
        if self.kind == HEADING:
            return f"{'#' * self.level} {self.text}"
        if self.kind == PHOTO:
            return f"![{self.text}]({self.src})"
        return self.text

    @property
    def fingerprint(self) -> str:
        return block_fingerprint(self)


def parse_blocks(body: str, first_line: int = 1) -> list[Block]:
    """Read a Markdown body into blocks; `first_line` is the file line the body starts on."""
    blocks: list[Block] = []
    pending: list[str] = []
    pending_line = 0
    in_fence = False

    def flush() -> None:
        nonlocal pending
        if pending:
            text = join_lines(pending)
            if text.strip():
                blocks.append(Block(PARAGRAPH, text, pending_line))
            pending = []

    body = _blank_comments(body)
    for offset, raw in enumerate(body.split("\n")):
        line_no = first_line + offset
        line = raw.rstrip()
        if _FENCE.match(line.lstrip()):
            in_fence = not in_fence
        if in_fence or (pending and _FENCE.match(line.lstrip())):
            if not pending:
                pending_line = line_no
            pending.append(line)
            continue
        if not line.strip():
            flush()
            continue
        heading = _HEADING_LINE.match(line)
        photo = _PHOTO_LINE.match(line.strip())
        if heading:
            flush()
            text = heading["text"]
            # without its closing hashes, as in `## Title ##`; a heading of hashes only keeps one
            text = text.rstrip("#").rstrip() or text[0]
            blocks.append(Block(HEADING, text, line_no, level=len(heading["hashes"])))
        elif photo:
            flush()
            blocks.append(Block(PHOTO, photo["alt"], line_no, src=photo["src"]))
        elif _BREAK_LINE.match(line) and not pending:
            blocks.append(Block(BREAK, "", line_no))
        else:
            if not pending:
                pending_line = line_no
            pending.append(line.strip())
    flush()
    return blocks


def _blank_comments(body: str) -> str:
    """`<!-- … -->` comments replaced by their line breaks, so that block lines stay true.

    A scan rather than the regex `<!--.*?-->`, which rescans the rest of the text from every
    unclosed `<!--` and takes minutes on a long pasted line full of them."""
    parts = []
    position = 0
    while (start := body.find("<!--", position)) != -1:
        end = body.find("-->", start + 4)
        if end == -1:
            break  # unclosed: Markdown shows it as text, and so does every later `<!--`
        parts += [body[position:start], "\n" * body.count("\n", start, end)]
        position = end + 3
    return "".join(parts) + body[position:]


# Han characters and full-width punctuation, across which a line break is not a space
CJK = re.compile("[\u3000-\u303f\u3400-\u9fff\uf900-\ufaff\uff00-\uffef\U00020000-\U0002fa1f“”‘’—…·]")


def is_cjk(char: str) -> bool:
    return bool(char) and CJK.fullmatch(char) is not None


_STARTS_BLOCK = re.compile(r"^(?:[-*+>|]\s|\d+[.)]\s|#|```|~~~)")


def join_lines(lines: list[str]) -> str:
    """Join a paragraph's lines: nothing between Chinese text (a line break would show as a
    stray space), a line break otherwise; lines that start a list item or quote stay apart."""
    if not lines:
        return ""
    text = lines[0]
    for line in lines[1:]:
        if (is_cjk(text[-1:]) or is_cjk(line[:1])) and not _STARTS_BLOCK.match(line):
            text += line
        else:
            text += "\n" + line
    return text


def normalized(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).split())


def block_fingerprint(block: Block) -> str:
    source = f"{block.kind}:{block.src or normalized(block.text)}"
    return hashlib.sha256(source.encode("utf-8")).hexdigest()[:6]


def fingerprint_blocks(blocks: list[Block]) -> str:
    """The translation fingerprint of a body: one short hash per heading, photo and paragraph."""
    return " ".join(block.fingerprint for block in blocks if block.kind != BREAK)


def plain_text(markdown_text: str) -> str:
    """Paragraph text without Markdown emphasis and links, for lengths and summaries."""
    text = re.sub(r"!\[[^\]]*\]\([^)]*\)", "", markdown_text)
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)
    text = re.sub(r"[*_`]+", "", text)
    return normalized(text)
