"""Reading a page: which lines are the title block, the furniture, the captions and the text.

A layout program, PDF export or portal gives a page's text only roughly in reading order: the
series banner, kicker, headline, byline and photo captions land wherever their frames were, even
between the two halves of a paragraph that a page or column break cut in two. Each line is first
judged on its own shape (furniture, byline, kicker, caption), then by its neighbours (the title
block around the byline; subheads between paragraphs; label lines with what they introduce).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from dataclasses import dataclass, field
from itertools import pairwise

from newsroom.importer.bylines import Byline, read_byline, split_end_byline, split_lead_byline, split_news_lead
from newsroom.importer.captions import caption_of
from newsroom.importer.furniture import (
    DATE_LINE,
    DESK,
    JUMP,
    JUMP_MARK,
    MASTHEAD,
    PAGE_LABEL,
    find_date,
    find_year,
    furniture_kind,
)
from newsroom.importer.shapes import HAN, Line, ends_sentence, is_headline_like, is_label, source_lines
from newsroom.model.blocks import join_lines
from newsroom.model.registry import Registry
from newsroom.model.schema import SOURCE_LANG

KICKER_DASH = "——"

# what each line the importer takes out of the story text was, as the report names it
BANNER = "series banner"
SERIES_SUBTITLE = "series subtitle"
KICKER = "kicker"
TITLE = "title"
DECK = "deck"
BYLINE = "byline"
CAPTION = "photo caption"
UNPLACED = "could not place"
FURNITURE = (MASTHEAD, DATE_LINE, PAGE_LABEL, JUMP, DESK)

_KICKER_CHARS = 60  # a kicker may carry the deck glued to it
_LONG_TITLE = 24  # Han characters: longer, and a subtitle is probably run into the headline
_HYPHENATED = re.compile(r"[A-Za-z]-$")
_GOES_ON = tuple("、，,；;：:—-–…“‘「『（(《【")  # a line ending so is cut off mid-sentence


@dataclass
class Paragraph:
    text: str
    lines: list[int]
    heading: bool = False
    place: str = ""  # where it starts, as the report says it


@dataclass
class Photo:
    caption: str
    credit: list[str]  # photographers named beside the caption itself
    line: int
    after_block: int  # how many blocks (paragraphs and subheads) of the text come before it


@dataclass(frozen=True)
class Repair:
    """A paragraph cut by a page or column break, joined again."""

    broken_at: int  # the line the paragraph breaks off on
    continues_at: int
    between: tuple[int, ...]  # lines of other material the layout put in between
    word: str = ""  # an English word hyphenated across the break, as it was split


@dataclass(frozen=True)
class TakenOut:
    """A line (or part of one) that is not story text, and what it was."""

    line: int
    role: str
    text: str  # as written in the source
    place: str = ""  # the line, and which part of it when a `　　` run split it


@dataclass
class Layout:
    blocks: list[Paragraph] = field(default_factory=list)
    photos: list[Photo] = field(default_factory=list)
    title: str = ""
    kicker: str = ""
    deck: str = ""
    banner: str = ""
    byline: Byline = field(default_factory=Byline)
    date: dt.date | None = None
    taken_out: list[TakenOut] = field(default_factory=list)
    repairs: list[Repair] = field(default_factory=list)
    unplaced: list[Line] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # what the importer could not decide

    @property
    def paragraphs(self) -> list[Paragraph]:
        return [block for block in self.blocks if not block.heading]

    @property
    def headings(self) -> list[Paragraph]:
        return [block for block in self.blocks if block.heading]

    @property
    def front_deck(self) -> str:
        """The deck as the front matter gives it: the subtitle, then the kicker after a dash."""
        return KICKER_DASH.join(part for part in (self.deck, self.kicker) if part)

    @property
    def furniture(self) -> list[TakenOut]:
        return [item for item in self.taken_out if item.role in FURNITURE]


@dataclass
class _Page:
    """The lines of a page and what has been decided about each (by index into `lines`)."""

    lines: list[Line]
    roles: dict[int, str] = field(default_factory=dict)
    bylines: dict[int, Byline] = field(default_factory=dict)
    captions: dict[int, tuple[str, list[str]]] = field(default_factory=dict)
    breaks_off: set[int] = field(default_factory=set)  # a `（下转…）` ends the line
    carries_on: set[int] = field(default_factory=set)  # a `（上接…）` starts it


def read_layout(text: str, registry: Registry | None = None) -> Layout:
    """Sort the lines of a page into title block, furniture, captions and text (see the module doc)."""
    registry = registry or Registry()
    layout = Layout()
    page = _without_jumps(source_lines(text), layout)
    lines, roles = page.lines, page.roles
    for index in range(len(lines)):
        _recognise(page, index, registry)
    _keep_mastheads_beside_furniture(page)
    _caption_over_its_credit(page)
    layout.date = _page_date(page)

    title_blocks = _title_blocks(lines, roles)
    candidates = [i for block in title_blocks for i in block if i not in roles]
    title_index = _pick_title(roles, page.bylines, title_blocks, candidates, len(lines))
    if title_index is not None:
        roles[title_index] = TITLE
        layout.title = lines[title_index].text
        _note_run_together_title(layout)
        below = title_index + 1
        if below in candidates and below not in roles and any(below in block for block in title_blocks):
            roles[below] = DECK
            layout.deck = lines[below].text
    banner_index = next((i for i, role in sorted(roles.items()) if role == BANNER), None)
    first = _first_story_line(roles, len(lines))
    if banner_index is None and first in candidates and roles.get(first + 1) == KICKER and first not in roles:
        banner_index = first  # the top line over a dash line: a series banner not in series.yml
        roles[first] = BANNER
    known_kickers = []
    if banner_index is not None:
        layout.banner = lines[banner_index].text
        series = registry.series_titled(layout.banner, SOURCE_LANG)
        if series and registry.series[series].subtitle.get(SOURCE_LANG):
            known_kickers.append(registry.series[series].subtitle[SOURCE_LANG])
        if roles.get(banner_index + 1) == KICKER:
            roles[banner_index + 1] = SERIES_SUBTITLE
            known_kickers.append(lines[banner_index + 1].text.removeprefix(KICKER_DASH).strip())
    photographer_credited = any(byline.photos for byline in page.bylines.values())
    if photographer_credited and not page.captions:
        # the page has a photo but no caption with a mark: the short line left in the title
        # block is its caption, unless it carries on text cut short above it
        for index in candidates:
            follows_broken_text = index > 0 and index - 1 not in roles and not ends_sentence(lines[index - 1].text)
            if index not in roles and not follows_broken_text:
                roles[index] = CAPTION
                page.captions[index] = (lines[index].text, [])

    decks = [layout.deck] if layout.deck else []
    kickers = []
    for index, role in sorted(roles.items()):
        if role == KICKER:
            kicker, deck = split_kicker(lines[index].text, known_kickers)
            kickers.append(kicker)
            decks += [deck] if deck else []
        elif role == BANNER and index != banner_index:
            roles[index] = UNPLACED  # a second banner has no place in a story
            layout.unplaced.append(lines[index])
    layout.kicker, layout.deck = KICKER_DASH.join(kickers), KICKER_DASH.join(decks)
    for byline in page.bylines.values():
        layout.byline.add(byline)
    for _, credit in page.captions.values():
        layout.byline.add(Byline(photos=credit))

    for index in candidates:
        if index not in roles and is_subhead(lines[index].text):
            layout.notes.append(
                f"line {lines[index].place}: “{lines[index].text}” stands by the headline; read as a subheading, "
                "it may be a kicker or deck — move it to `deck:` if so（此短行紧靠标题，按小标题处理；若是引题或副题请移到 deck）"
            )
    _read_body(layout, page)
    return layout


def _without_jumps(lines: list[Line], layout: Layout) -> _Page:
    """The lines without their `（下转A3版）`/`（上接A1版）` notes, which go to the report; a line
    that was only a note passes it on to the text line it belongs to."""
    kept: list[Line] = []
    page = _Page(kept)
    carry_next = False
    for line in lines:
        notes = list(JUMP_MARK.finditer(line.text))
        if not notes:
            kept.append(line)
            if carry_next:
                page.carries_on.add(len(kept) - 1)
                carry_next = False
            continue
        for note in notes:
            layout.taken_out.append(TakenOut(line.number, JUMP, note.group(0), line.place))
        rest = JUMP_MARK.sub("", line.text).strip()
        onward = [note for note in notes if note["way"] in ("下转", "转")]
        backward = [note for note in notes if note["way"] in ("上接", "接")]
        if rest:
            kept.append(dataclasses.replace(line, text=rest))
            if backward or carry_next:
                page.carries_on.add(len(kept) - 1)
            if onward:
                page.breaks_off.add(len(kept) - 1)
            carry_next = False
        else:
            if onward and kept:
                page.breaks_off.add(len(kept) - 1)
            carry_next = carry_next or bool(backward)
    return page


def _recognise(page: _Page, index: int, registry: Registry) -> None:
    """The role of one line on its own, before its neighbours count."""
    text = page.lines[index].text
    kind = furniture_kind(text)
    if kind:
        page.roles[index] = kind
        return
    byline = read_byline(text)
    if byline is None and text[:1] in "（(" and text[-1:] in "）)":
        byline = read_byline(text[1:-1])  # `（王芳 摄）`
    if byline is None:
        wrapped, byline = split_end_byline(text)  # `（记者李明）`
        byline = byline if wrapped.strip() == text else None
    if byline:
        page.roles[index], page.bylines[index] = BYLINE, byline
    elif text.startswith(KICKER_DASH) and is_headline_like(text.removeprefix(KICKER_DASH), _KICKER_CHARS):
        page.roles[index] = KICKER
    elif registry.series_titled(text, SOURCE_LANG):
        page.roles[index] = BANNER
    elif caption := caption_of(text):
        page.roles[index], page.captions[index] = CAPTION, caption


def _keep_mastheads_beside_furniture(page: _Page) -> None:
    """A short line ending in 报 is a masthead at the top of the page or beside other furniture;
    anywhere else it is a headline or subhead that happens to end so."""
    for index, role in list(page.roles.items()):
        if role != MASTHEAD:
            continue
        neighbours = (page.roles.get(index - 1), page.roles.get(index + 1))
        if index != 0 and not any(role in FURNITURE for role in neighbours):
            del page.roles[index]


def _caption_over_its_credit(page: _Page) -> None:
    """`（王芳 摄）` on a line of its own credits the short line over it, which is the caption."""
    for index, byline in list(page.bylines.items()):
        above = index - 1
        if not byline.photos or byline.text or above < 0 or above in page.roles:
            continue
        if is_headline_like(page.lines[above].text) and not ends_sentence(page.lines[above].text):
            page.roles[above] = CAPTION
            page.captions[above] = (page.lines[above].text, byline.photos)


def _page_date(page: _Page) -> dt.date | None:
    """The first full date on a date line; a month and day alone take the year printed elsewhere."""
    dated = [page.lines[i].text for i, role in sorted(page.roles.items()) if role in FURNITURE]
    year = next((year for text in dated if (year := find_year(text))), None)
    return next((date for text in dated if (date := find_date(text, year))), None)


def _first_story_line(roles: dict[int, str], count: int) -> int:
    return next((i for i in range(count) if roles.get(i) not in FURNITURE), count)


def _title_blocks(lines: list[Line], roles: dict[int, str]) -> list[range]:
    """Runs of lines around kickers, bylines and banners, with the short lines next to them.

    The top line of a page (under its furniture) belongs to its title block when it is short:
    pages start with one. A block ends at a byline, since the text begins under it.
    """
    anchors = sorted(i for i, role in roles.items() if role in (BANNER, KICKER, BYLINE))
    first = _first_story_line(roles, len(lines))
    if first < len(lines) and first not in roles and is_headline_like(lines[first].text):
        anchors.insert(0, first)

    def belongs(index: int) -> bool:
        role = roles.get(index)
        return role in (BANNER, KICKER, BYLINE, *FURNITURE) or (role is None and is_headline_like(lines[index].text))

    blocks: list[range] = []
    for anchor in sorted(set(anchors)):
        if blocks and anchor in blocks[-1]:
            continue
        start, end = anchor, anchor
        while start > 0 and belongs(start - 1):
            start -= 1
        while end + 1 < len(lines) and belongs(end + 1) and not (roles.get(end) == BYLINE and end + 1 not in roles):
            end += 1
        blocks.append(range(start, end + 1))
    return blocks


def _pick_title(roles, bylines, title_blocks, candidates, count: int) -> int | None:
    """The short line nearest the author's byline, else nearest the last kicker, else the first."""
    authors = [i for i, byline in sorted(bylines.items()) if byline.text]
    kickers = [i for i, role in sorted(roles.items()) if role == KICKER]
    top = _first_story_line(roles, count)
    anchor = authors[0] if authors else kickers[-1] if kickers else top
    title = _title_by(anchor, bool(authors), roles, title_blocks, candidates)
    if title is None and anchor != top:
        # a byline under the first paragraph, as portals print it: the headline is the top line
        title = _title_by(top, False, roles, title_blocks, candidates)
    return title


def _title_by(anchor: int, under_byline: bool, roles, title_blocks, candidates) -> int | None:
    block = next((b for b in title_blocks if anchor in b), None)
    if block is None:
        return None
    choices = [i for i in candidates if i in block]
    # headline and deck stacked right over the byline (furniture aside): the upper is the headline
    stacked = []
    for index in range(anchor - 1, -1, -1):
        if index in choices:
            stacked.append(index)
        elif index not in block or roles.get(index) not in FURNITURE:
            break
    if stacked and under_byline:
        return stacked[-1]
    # else the line nearest the anchor, above it first: headlines sit under the kicker's dash
    return min(choices, key=lambda i: (abs(i - anchor), i > anchor), default=None)


def _note_run_together_title(layout: Layout) -> None:
    halves = re.split(r"\s+", layout.title)
    han = re.findall(HAN, layout.title)
    if (len(halves) > 1 and all(re.search(HAN, half) for half in halves)) or len(han) > _LONG_TITLE:
        layout.notes.append(
            f"the title “{layout.title}” may hold a subtitle as well: could not split them — "
            "put the subtitle in `deck:` by hand（标题与副题可能连在一起，无法拆分：请手动把副题移到 deck）"
        )


def _read_body(layout: Layout, page: _Page) -> None:
    """Join the story text into paragraphs and subheads, mending page breaks; note where captions stood."""
    lines, roles = page.lines, page.roles
    body = [i for i in range(len(lines)) if i not in roles]
    by_indent = len({lines[i].indented for i in body}) == 2  # an indent says nothing if every line has one
    by_blank = any(_blank_between(lines, a, b) for a, b in pairwise(body))
    previous = None
    for index, line in enumerate(lines):
        role = roles.get(index)
        if role == UNPLACED:
            continue
        if role is not None:
            layout.taken_out.append(TakenOut(line.number, role, line.text, line.place))
            if index in page.captions:
                caption, credit = page.captions[index]
                layout.photos.append(Photo(caption, credit, line.number, len(layout.blocks)))
            continue
        text = _without_bylines(layout, line)
        if not text:
            continue
        current = layout.blocks[-1] if layout.blocks and not layout.blocks[-1].heading else None
        jumped = index in page.carries_on or (previous in page.breaks_off)
        if not jumped and is_subhead(text):
            layout.blocks.append(Paragraph(text, [line.number], heading=True, place=line.place))
            previous = index
            continue
        introduces = current is not None and is_label(current.text)
        complete = current is None or ends_sentence(current.text)
        gap = previous is None or index - previous > 1 or _blank_between(lines, previous, index)
        if current is not None and (jumped or introduces):
            starts = False
        elif by_indent and line.indented:
            starts = True
        elif by_indent or by_blank:
            starts = gap and complete
        else:  # one line per paragraph: only a missing full stop tells a line cut short
            starts = complete
        if starts or current is None:
            layout.blocks.append(Paragraph(text, [line.number], place=line.place))
        else:
            between = tuple(lines[k].number for k in range(previous + 1, index))
            mended = (gap or not (by_indent or by_blank) or jumped) and not introduces
            _continue(layout, current, line, text, between, mended)
        previous = index


def _continue(layout: Layout, current: Paragraph, line: Line, text: str, between: tuple[int, ...], mended: bool) -> None:
    """Join a line to the paragraph it carries on; a word hyphenated across the break is one word."""
    word = ""
    if _HYPHENATED.search(current.text) and text[:1].islower():
        word = current.text.split()[-1] + text.split()[0]
        current.text = current.text[:-1] + text
    else:
        current.text = join_lines([current.text, text])
    if mended or word:
        layout.repairs.append(Repair(current.lines[-1], line.number, between, word))
    current.lines.append(line.number)


def is_subhead(text: str) -> bool:
    """A short phrase standing between paragraphs: no sentence punctuation, not even a list's 、
    (a scrap of a sentence cut by a page break has some), no closing punctuation, and not an
    aside in round brackets such as `（完）`."""
    aside = text.startswith(("（", "(")) and text.endswith(("）", ")"))
    return (
        is_headline_like(text)
        and "、" not in text
        and not aside
        and not ends_sentence(text)
        and not text.endswith(_GOES_ON)
    )


def _blank_between(lines: list[Line], earlier: int, later: int) -> bool:
    return any(lines[k].after_blank for k in range(earlier + 1, later + 1))


def _without_bylines(layout: Layout, line: Line) -> str:
    """The line without a leading `本报讯（记者 X）` or `文/记者 X ` or a closing `（记者 X）`, whose
    names go to the byline."""
    text = line.text
    lead, byline = split_news_lead(text)
    if not byline:
        lead, byline = split_lead_byline(text)
    if byline:
        layout.byline.add(byline)
        layout.taken_out.append(TakenOut(line.number, BYLINE, lead.strip(), line.place))
        text = text[len(lead) :]
    end, byline = split_end_byline(text)
    if byline:
        layout.byline.add(byline)
        layout.taken_out.append(TakenOut(line.number, BYLINE, end.strip(), line.place))
        text = text[: len(text) - len(end)]
    return text.strip()


def split_kicker(text: str, known_kickers: list[str]) -> tuple[str, str]:
    """(kicker, deck) of a dash line: a known kicker with more text glued to it is split there."""
    body = text.removeprefix(KICKER_DASH).strip()
    for known in sorted(known_kickers, key=len, reverse=True):
        if known and body.startswith(known):
            return known, body[len(known) :].strip()
    return body, ""

