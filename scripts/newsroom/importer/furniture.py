"""Page furniture: what the page prints around a story that is no part of it.

Mastheads, date and weekday lines, page and section labels, continuation notes and the desk's
credits are recognised by their shape: a line made only of such parts, each short and without
sentence punctuation. They leave the story for the import report, with their line numbers.
"""

from __future__ import annotations

import datetime as dt
import re

from newsroom.importer.shapes import HAN, SENTENCE_END, squeezed

MASTHEAD = "masthead"
DATE_LINE = "date line"
PAGE_LABEL = "page label"
JUMP = "continued note"
DESK = "desk credit"

_YEAR = r"(?P<year>(?:19|20)\d\d)\s*(?:年\s*|[-./])"
_DATE = re.compile("(?:" + _YEAR + r")?(?P<month>\d{1,2})\s*(?:月\s*|[-./])(?P<day>\d{1,2})\s*日?")
# as a part of a date line: with its year, or with 月 and 日 (`3.5` alone is a number)
_DATE_PART = r"(?:19|20)\d\d\s*(?:年\s*|[-./])\d{1,2}\s*(?:月\s*|[-./])\d{1,2}\s*日?|\d{1,2}\s*月\s*\d{1,2}\s*日"
_PARTS = {
    # a newspaper's name: a few Han characters ending in 报 (日报, 晚报, 报社…)
    MASTHEAD: re.compile(rf"{HAN}{{1,10}}[报報](?:社)?"),
    DATE_LINE: re.compile(
        rf"{_DATE_PART}|(?:星期|礼拜|禮拜|周|週)[一二三四五六日天]|\d{{1,2}}:\d\d(?::\d\d)?"
        rf"|农历\S{{2,12}}|(?:(?:19|20)\d\d\s*年\s*)?(?:总\s*)?第\s*\d+\s*期|今日\s*\d+\s*版|{HAN}{{2,4}}[:：]\s*\S{{1,20}}"
    ),
    # `A1 要闻`, `第3版`, `A3版：要闻`: a letter or 第 or 版 with a page number, then its section
    PAGE_LABEL: re.compile(
        rf"(?:第\s*[A-Z]?\d{{1,3}}\s*版|[A-Z]\d{{1,3}}\s*版?)(?:\s*[:：·・|｜/]?\s*{HAN}{{2,6}})?"
    ),
}
_PART_SPLIT = re.compile(r"[\s·・|｜]+")
# (下转A3版) at the end of the part a page prints, (上接A1版) before the rest on another page
JUMP_MARK = re.compile(r"[（(]\s*(?P<way>下转|转|上接|接)\s*(?:第\s*)?[A-Z]?\d{0,3}\s*[^（()）]{0,6}?版?\s*[）)]")
_DESK_ROLES = r"(?:责任编辑|責任編輯|责编|编辑|編輯|校对|校對|审核|審核|审校|美编|美編|组版|签发|值班编辑|终审)"
_DESK = re.compile(rf"^(?:{_DESK_ROLES}\s*[:：/／]?\s*{HAN}{{2,4}}(?:[、，,\s]+{HAN}{{2,4}})*\s*)+$")


def furniture_kind(text: str) -> str | None:
    """What kind of page furniture the whole line is, or None when it is not all furniture."""
    if _DESK.match(text.strip()):
        return DESK
    if any(mark in text for mark in SENTENCE_END.replace(".", "")) or len(squeezed(text)) > 60:
        return None
    kinds = []
    for part in (p for p in _PART_SPLIT.split(text.strip()) if p):
        kind = next((kind for kind, shape in _PARTS.items() if shape.fullmatch(part)), None)
        if kind is None and kinds and kinds[-1] == PAGE_LABEL and re.fullmatch(rf"{HAN}{{2,6}}", part):
            kind = PAGE_LABEL  # the section name after `A1`
        if kind is None:
            return None
        kinds.append(kind)
    dated = re.search(_DATE_PART, text) or re.search("星期|礼拜|禮拜|周|週", text)
    if not kinds or (set(kinds) == {DATE_LINE} and not dated):
        return None  # a line of labels (`来源：新华社`) is text unless a date comes with it
    return next(kind for kind in (MASTHEAD, DATE_LINE, kinds[0]) if kind in kinds)


def find_date(text: str, year: int | None = None) -> dt.date | None:
    """The first date in `text`; one without a year takes `year` when given."""
    for match in _DATE.finditer(text):
        if not (match["year"] or year) or not ("月" in match.group(0) or match["year"]):
            continue
        try:
            return dt.date(int(match["year"] or year), int(match["month"]), int(match["day"]))
        except ValueError:
            continue
    return None


def find_year(text: str) -> int | None:
    match = re.search(r"((?:19|20)\d\d)\s*年", text)
    return int(match.group(1)) if match else None
