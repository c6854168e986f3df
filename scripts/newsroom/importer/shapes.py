"""The shapes of lines on a page: how long, how punctuated, where they came from in the source."""

from __future__ import annotations

import re
from dataclasses import dataclass

HAN = r"[\u3400-\u9fff\uf900-\ufaff]"
SENTENCE_END = "。！？!?….．"
CLOSERS = "”’」』）)》】\"'"
SENTENCE_MARKS = "，。；：,;:"
HEADLINE_CHARS = 40  # banners, headlines, subheads and captions are short; story text rarely is
LABEL_CHARS = 20
# portals and some PDF exports give a whole story on one line, each paragraph after two
# ideographic spaces (the indent the layout program gave it)
_INDENT_RUN = re.compile("\u3000{2,}")


@dataclass(frozen=True)
class Line:
    number: int  # 1-based, as an editor shows it; the pieces of one split line share it
    text: str  # without indentation and trailing spaces
    indented: bool
    after_blank: bool
    part: int = 0  # which `　　` run of a split line it is, from 1; 0 for a whole line

    @property
    def place(self) -> str:
        """Where to find it in the source, as the report says it."""
        return f"{self.number}" if not self.part else f"{self.number} part {self.part}"


def source_lines(text: str) -> list[Line]:
    """The non-blank lines of a page; a line holding `　　` runs becomes one line per run."""
    lines, blank = [], False
    for number, raw in enumerate(text.split("\n"), start=1):
        if not raw.strip():
            blank = True
            continue
        pieces = _INDENT_RUN.split(raw.rstrip())
        split = sum(1 for piece in pieces if piece.strip()) > 1
        for position, piece in enumerate(pieces):
            stripped = piece.strip()
            if stripped:
                indented = piece[:1].isspace() or position > 0
                lines.append(Line(number, stripped, indented, blank, position + 1 if split else 0))
                blank = False
    return lines


def is_headline_like(text: str, limit: int = HEADLINE_CHARS) -> bool:
    """Short and without sentence punctuation: a banner, headline, subhead or caption, not story text."""
    return 0 < len(squeezed(text)) <= limit and not any(mark in text for mark in SENTENCE_MARKS)


def is_label(text: str) -> bool:
    """`网友意见：`: a short line that introduces what follows it."""
    return text.endswith(("：", ":")) and len(squeezed(text)) <= LABEL_CHARS


def ends_sentence(text: str) -> bool:
    stripped = text.rstrip().rstrip(CLOSERS)
    return bool(stripped) and stripped[-1] in SENTENCE_END


def squeezed(text: str) -> str:
    return "".join(text.split())
