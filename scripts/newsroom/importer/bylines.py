"""Bylines and photo credits: who wrote, who photographed, with the title each was printed with.

The forms: `文/记者A、B、C`, `文 / 记者 A 图 / 记者 B`, `文·图/A`, `本报记者 A`, `记者 A 通讯员 B`,
`记者 A 摄`, `A/摄`, `新华社记者 A 摄`, `图/A`, `本报讯（记者 A 通讯员 B）` before the first
paragraph's text and `（记者 A）` after the last one's.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from newsroom.importer.shapes import HAN

# a title is 记者 or 通讯员 or 实习生, with the paper or agency it works for (本报, 新华社, 央视…)
# (Traditional forms beside the Simplified ones: Big5 pages are imported as they are)
_TITLE_WORDS = rf"(?:(?:{HAN}{{1,5}}?[报報社台网網])?(?:特约|特約|见习|見習|实习|實習|首席)?[记記]者|通[讯訊][员員]|[实實][习習]生)"
_ROLE_SWITCH = r"[文图圖]\s*[/／:：]|[摄攝]影\s*[/／:：]"
# a name is 2-4 Han characters (more with a middle dot) that end where the byline goes on
_NAME = (
    rf"(?:(?!{_TITLE_WORDS}){HAN}){{2,4}}(?:·{HAN}{{1,8}})*"
    rf"(?=\s|、|$|[/／]?[摄攝](?!{HAN})|{_ROLE_SWITCH}|{_TITLE_WORDS}|[）)])"
)
_BYLINE_TOKEN = re.compile(
    rf"""\s*(?:
        (?P<both>文\s*[/／·・]\s*[图圖]|[图圖]\s*[/／·・]\s*文)(?:\s*[/／:：])?
      | (?P<writer>文|撰文)\s*[/／:：]
      | (?P<photographer>[图圖]|[摄攝]影|[摄攝])\s*[/／:：]
      | (?P<title>{_TITLE_WORDS})(?P<spaced>\s)?
      | (?P<shot>[/／]?\s*[摄攝])(?!{HAN})
      | (?P<name>{_NAME})
      | (?P<separator>、)
    )\s*""",
    re.X,
)
_ROLE_OF_SWITCH = {"both": ("text", "photos"), "writer": ("text",), "photographer": ("photos",)}
NEWS_LEAD = re.compile(r"^本[报報][^（(，。\s]{0,12}[讯訊]\s*[（(](?P<inner>[^）)]{1,60})[）)]\s*")
END_BYLINE = re.compile(r"\s*[（(](?P<inner>[^（()）]{2,60})[）)]\s*$")


@dataclass
class Byline:
    """The names in a byline by role (`text`, `photos`) and the title printed before each."""

    text: list[str] = field(default_factory=list)
    photos: list[str] = field(default_factory=list)
    titles: dict[str, str] = field(default_factory=dict)

    def roles(self) -> dict[str, list[str]]:
        return {"text": self.text, "photos": self.photos}

    def add(self, other: Byline) -> None:
        for role, people in other.roles().items():
            mine = getattr(self, role)
            mine += [person for person in people if person not in mine]
        self.titles = {**other.titles, **self.titles}


def parse_byline(text: str, *, explicit: bool = False) -> dict[str, list[str]] | None:
    """The names in a byline by role (`text`, `photos`), or None when `text` is not a byline.

    A bare `记者X` with no space counts only when `explicit` (inside `本报讯（…）`): as a whole
    line it is more often a heading such as 记者手记.
    """
    byline = read_byline(text, explicit=explicit)
    return byline.roles() if byline else None


def read_byline(text: str, *, explicit: bool = False) -> Byline | None:
    byline = Byline()
    current, pending = ("text",), []  # names wait for a trailing 摄 that makes them photographers
    marked, titled, glued = explicit, False, False
    title = ""

    def credit_pending(to: tuple[str, ...]) -> None:
        for role in to:
            getattr(byline, role).extend(pending)
        pending.clear()

    position, end = 0, len(text.rstrip())
    while position < end:
        token = _BYLINE_TOKEN.match(text, position)
        if not token or token.end() == position:
            return None
        kind = "title" if token.lastgroup == "spaced" else token.lastgroup
        if kind in _ROLE_OF_SWITCH:
            credit_pending(current)
            current, marked, title = _ROLE_OF_SWITCH[kind], True, ""
        elif kind == "title":
            titled, glued = True, glued or not token["spaced"]
            title = token["title"]
        elif kind == "shot":
            credit_pending(("photos",))
            marked = True
        elif kind == "name":
            pending.append(token["name"])
            if title:
                byline.titles.setdefault(token["name"], title)
        position = token.end()
    credit_pending(current)
    if not (byline.text or byline.photos) or not (marked or (titled and not glued)):
        return None
    return byline


def split_news_lead(text: str) -> tuple[str, Byline | None]:
    """`本报讯（记者 X）正文` → (the `本报讯（…）` part, its byline); (``, None) without one."""
    lead = NEWS_LEAD.match(text)
    byline = read_byline(lead["inner"], explicit=True) if lead else None
    return (lead.group(0), byline) if byline else ("", None)


_ROLE_MARK = re.compile(r"^(?:文\s*[/／·・]\s*[图圖]|[图圖]\s*[/／·・]\s*文|文|撰文|[图圖]|[摄攝]影)\s*[/／:：]")


def split_lead_byline(text: str) -> tuple[str, Byline | None]:
    """`文/记者李明 入夜，……` → (`文/记者李明 `, its byline): a byline with its `文/` mark glued
    before the first paragraph. Without the mark, `记者 李明 表示，…` is the sentence's subject."""
    if not _ROLE_MARK.match(text):
        return "", None
    for space in reversed([match.start() for match in re.finditer(r"\s+", text[:60])]):
        byline = read_byline(text[:space])
        if byline:
            return text[: space + 1], byline
    return "", None


def split_end_byline(text: str) -> tuple[str, Byline | None]:
    """`……正文。（记者 X）` → (`（记者 X）`, its byline): only with a title, so that an aside
    in brackets stays text."""
    end = END_BYLINE.search(text)
    byline = read_byline(end["inner"], explicit=True) if end else None
    if byline and byline.titles and byline.text:
        return end.group(0), byline
    return "", None
