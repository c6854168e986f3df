"""`stories.py import`: the plain text of a newspaper page becomes a new story.

A layout program or PDF export gives a page's text only roughly in reading order: the series
banner, kicker, headline, byline and photo captions land wherever their frames were, even
between the two halves of a paragraph that a page or column break cut in two. Reading the page
is pure (`decode`, `read_layout`, `story_texts`); `import_story` writes the files and returns a
report, and every character of the source ends up either in the story or in that report.
"""

from __future__ import annotations

import codecs
import datetime as dt
import re
import unicodedata
from dataclasses import dataclass, field
from itertools import pairwise, zip_longest
from pathlib import Path

from .blocks import PARAGRAPH, UNTRANSLATED_MARK, join_lines, parse_blocks
from .files import WouldOverwrite, write_text
from .findings import shown_path
from .frontmatter import yaml_line
from .registry import Registry, load_registry
from .schema import SOURCE_LANG, STORY_FIELDS, TRANSLATION_LANG
from .story import IMAGES_DIR, MAX_STORY_BYTES, STORIES_DIR, slug_problem

PHOTO_FILE = IMAGES_DIR + "/photo-{number}.jpg"
KICKER_DASH = "——"

# what each line the importer takes out of the story text was, as the report names it
BANNER = "series banner"
SERIES_SUBTITLE = "series subtitle"
KICKER = "kicker"
TITLE = "title"
BYLINE = "byline"
CAPTION = "photo caption"
DATE = "date"
DESK = "desk credit"
UNPLACED = "could not place"

_SENTENCE_END = "。！？!?….．"
_CLOSERS = "”’」』）)》】\"'"
_HEADLINE_CHARS = 40  # banners, headlines and captions are short; story text rarely is
_KICKER_CHARS = 60  # a kicker may carry the deck glued to it
_SENTENCE_MARKS = "，。；：,;:"
_HAN = r"[\u3400-\u9fff\uf900-\ufaff]"
_TITLE_WORDS = r"(?:本报|特约|见习|实习)?记者|通讯员|实习生"
_ROLE_SWITCH = r"[文图]\s*[/／:：]|摄影\s*[/／:：]"
# a name is 2-4 Han characters (more with a middle dot) that end where the byline goes on
_NAME = (
    rf"(?:(?!{_TITLE_WORDS}){_HAN}){{2,4}}(?:·{_HAN}{{1,8}})*"
    rf"(?=\s|、|$|[/／]?摄(?!{_HAN})|{_ROLE_SWITCH}|{_TITLE_WORDS}|[）)])"
)
_BYLINE_TOKEN = re.compile(
    rf"""\s*(?:
        (?P<both>文\s*[/／]\s*图)(?:\s*[/／:：])?
      | (?P<writer>文|撰文)\s*[/／:：]
      | (?P<photographer>图|摄影|摄)\s*[/／:：]
      | (?P<title>{_TITLE_WORDS})(?P<spaced>\s)?
      | (?P<shot>[/／]?\s*摄)(?!{_HAN})
      | (?P<name>{_NAME})
      | (?P<separator>、)
    )\s*""",
    re.X,
)
_ROLE_OF_SWITCH = {"both": ("text", "photos"), "writer": ("text",), "photographer": ("photos",)}
_NEWS_LEAD = re.compile(r"^本报[^（(，。\s]{0,12}讯\s*[（(](?P<inner>[^）)]{1,60})[）)]\s*")
_DATE = re.compile(r"(?P<year>(?:19|20)\d\d)\s*(?:年\s*|[-./])(?P<month>\d{1,2})\s*(?:月\s*|[-./])(?P<day>\d{1,2})")
_DESK = re.compile(r"^(?:责任编辑|编辑|校对|审核|美编|组版)\s*[:：/／\s]")
_MARKDOWN_START = re.compile(r"^(?:#|>|[-*+]\s|\d+[.)]\s|```|~~~|<|!\[|[-*_](?:\s*[-*_]){2,}\s*$)")
_FIRST_SENTENCE = re.compile(rf"^.*?[。！？!?]+[{re.escape(_CLOSERS)}]*")


class ImportProblem(Exception):
    """Why a page cannot be imported, in one line that names the file and the fix."""


# --- reading the page ----------------------------------------------------------------------


def decode(raw: bytes) -> tuple[str, str]:
    """The text of a file with `\\n` line ends, and the name of the encoding it was saved in.

    Raises ValueError when the bytes are not text in UTF-8, UTF-16 or GB18030 (which includes GBK).
    """
    if raw.startswith(codecs.BOM_UTF8):
        text, encoding = raw[len(codecs.BOM_UTF8) :].decode("utf-8"), "UTF-8 with BOM"
    elif raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        text, encoding = raw.decode("utf-16"), "UTF-16"
    else:
        try:
            text, encoding = raw.decode("utf-8"), "UTF-8"
        except UnicodeDecodeError:
            text, encoding = raw.decode("gb18030"), "GB18030/GBK, converted to UTF-8"
    # PDF exports separate pages with a form feed: a line break like any other here
    text = re.sub(r"\r\n?|[\f\v]", "\n", text)
    if any(unicodedata.category(char) == "Cc" and char not in "\n\t" for char in text):
        raise ValueError("control characters")
    return text, encoding


@dataclass(frozen=True)
class Line:
    number: int  # 1-based, as an editor shows it
    text: str  # without indentation and trailing spaces
    indented: bool
    after_blank: bool


@dataclass
class Paragraph:
    text: str
    lines: list[int]


@dataclass
class Photo:
    caption: str
    credit: list[str]  # photographers named beside the caption itself
    line: int
    after_paragraph: int  # how many paragraphs of the text come before it


@dataclass(frozen=True)
class Repair:
    """A paragraph cut by a page or column break, joined again."""

    broken_at: int  # the line the paragraph breaks off on
    continues_at: int
    between: tuple[int, ...]  # lines of other material the layout put in between


@dataclass(frozen=True)
class TakenOut:
    """A line (or the start of one) that is not story text, and what it was."""

    line: int
    role: str
    text: str  # as written in the source


@dataclass
class Layout:
    paragraphs: list[Paragraph] = field(default_factory=list)
    photos: list[Photo] = field(default_factory=list)
    title: str = ""
    kicker: str = ""
    deck: str = ""
    banner: str = ""
    byline: dict[str, list[str]] = field(default_factory=lambda: {"text": [], "photos": []})
    date: dt.date | None = None
    taken_out: list[TakenOut] = field(default_factory=list)
    repairs: list[Repair] = field(default_factory=list)
    unplaced: list[Line] = field(default_factory=list)

    @property
    def front_deck(self) -> str:
        """The deck as the front matter gives it: the subtitle, then the kicker after a dash."""
        return KICKER_DASH.join(part for part in (self.deck, self.kicker) if part)


def source_lines(text: str) -> list[Line]:
    lines, blank = [], False
    for number, raw in enumerate(text.split("\n"), start=1):
        stripped = raw.strip()
        if not stripped:
            blank = True
            continue
        lines.append(Line(number, stripped, raw[:1].isspace(), blank))
        blank = False
    return lines


def read_layout(text: str, registry: Registry | None = None) -> Layout:
    """Sort the lines of a page into title block, captions and paragraphs (see the module doc)."""
    registry = registry or Registry()
    lines = source_lines(text)
    layout = Layout()
    roles: dict[int, str] = {}
    bylines: dict[int, dict[str, list[str]]] = {}
    captions: dict[int, tuple[str, list[str]]] = {}
    for index, line in enumerate(lines):
        role, names, caption = _recognise(line.text, registry)
        if role:
            roles[index] = role
        if names:
            bylines[index] = names
        if caption:
            captions[index] = caption
    title_blocks = _title_blocks(lines, roles)
    candidates = [i for block in title_blocks for i in block if i not in roles]

    title_index = _pick_title(roles, bylines, title_blocks, candidates)
    if title_index is not None:
        roles[title_index] = TITLE
        layout.title = lines[title_index].text
    banner_index = next((i for i, role in sorted(roles.items()) if role == BANNER), None)
    if banner_index is None and 0 in candidates and roles.get(1) == KICKER and roles.get(0) is None:
        banner_index = 0  # the top line over a dash line: a series banner not in series.yml
        roles[0] = BANNER
    known_kickers = []
    if banner_index is not None:
        layout.banner = lines[banner_index].text
        series = registry.series_titled(layout.banner, SOURCE_LANG)
        if series and registry.series[series].subtitle.get(SOURCE_LANG):
            known_kickers.append(registry.series[series].subtitle[SOURCE_LANG])
        if roles.get(banner_index + 1) == KICKER:
            roles[banner_index + 1] = SERIES_SUBTITLE
            known_kickers.append(lines[banner_index + 1].text.removeprefix(KICKER_DASH).strip())
    for index in candidates:
        follows_broken_text = index > 0 and index - 1 not in roles and not ends_sentence(lines[index - 1].text)
        if index not in roles and not follows_broken_text:  # a scrap under text cut short carries it on
            roles[index] = CAPTION
            captions[index] = (lines[index].text, [])

    kickers, decks = [], []
    for index, role in sorted(roles.items()):
        if role == KICKER:
            kicker, deck = split_kicker(lines[index].text, known_kickers)
            kickers.append(kicker)
            decks += [deck] if deck else []
        elif role == DATE and layout.date is None:
            layout.date = find_date(lines[index].text)
        elif role in (DATE, BANNER, DESK) and index != banner_index:
            # editors' credits, and a second date or banner, have no place in a story
            roles[index] = UNPLACED
            layout.unplaced.append(lines[index])
    layout.kicker, layout.deck = KICKER_DASH.join(kickers), KICKER_DASH.join(decks)
    for names in bylines.values():
        _add_names(layout.byline, names)
    for _, credit in captions.values():
        _add_names(layout.byline, {"photos": credit})

    _read_body(layout, lines, roles, captions)
    return layout


def _recognise(text: str, registry: Registry):
    """(role, byline names, (caption, credit)) of one line on its own, before its neighbours count."""
    names = parse_byline(text)
    if names:
        return BYLINE, names, None
    if text.startswith(KICKER_DASH) and is_headline_like(text.removeprefix(KICKER_DASH), _KICKER_CHARS):
        return KICKER, None, None
    if registry.series_titled(text, SOURCE_LANG):
        return BANNER, None, None
    if is_headline_like(text) and find_date(text):
        return DATE, None, None
    if _DESK.match(text):
        return DESK, None, None
    caption, credit = split_credit(text)
    if credit or text.startswith("图为"):
        return CAPTION, None, (caption, credit)
    return None, None, None


def _title_blocks(lines: list[Line], roles: dict[int, str]) -> list[range]:
    """Runs of lines around kickers, bylines and banners, with the short lines next to them.

    The top line of a page belongs to its title block when it is short: pages start with one.
    """
    anchors = sorted(i for i, role in roles.items() if role in (BANNER, KICKER, BYLINE))
    if lines and 0 not in roles and is_headline_like(lines[0].text):
        anchors.insert(0, 0)

    def belongs(index: int) -> bool:
        role = roles.get(index)
        return role in (BANNER, KICKER, BYLINE, DATE) or (role is None and is_headline_like(lines[index].text))

    blocks: list[range] = []
    for anchor in anchors:
        if blocks and anchor in blocks[-1]:
            continue
        start, end = anchor, anchor
        while start > 0 and belongs(start - 1):
            start -= 1
        while end + 1 < len(lines) and belongs(end + 1):
            end += 1
        blocks.append(range(start, end + 1))
    return blocks


def _pick_title(roles, bylines, title_blocks, candidates) -> int | None:
    """The short line nearest the author's byline, else nearest the last kicker, else the first."""
    authors = [i for i, names in sorted(bylines.items()) if names["text"]]
    kickers = [i for i, role in sorted(roles.items()) if role == KICKER]
    anchor = authors[0] if authors else kickers[-1] if kickers else 0
    block = next((b for b in title_blocks if anchor in b), None)
    choices = [i for i in candidates if block is not None and i in block]
    # prefer the line above the anchor: headlines sit over the byline and under the kicker's dash
    return min(choices, key=lambda i: (abs(i - anchor), i > anchor), default=None)


def _read_body(
    layout: Layout, lines: list[Line], roles: dict[int, str], captions: dict[int, tuple[str, list[str]]]
) -> None:
    """Join the story text into paragraphs, mending page breaks; note where captions stood."""
    body = [i for i in range(len(lines)) if i not in roles]
    by_indent = len({lines[i].indented for i in body}) == 2  # an indent says nothing if every line has one
    by_blank = any(_blank_between(lines, a, b) for a, b in pairwise(body))
    previous = None
    for index, line in enumerate(lines):
        role = roles.get(index)
        if role == UNPLACED:
            continue
        if role is not None:
            layout.taken_out.append(TakenOut(line.number, role, line.text))
            if index in captions:
                caption, credit = captions[index]
                layout.photos.append(Photo(caption, credit, line.number, len(layout.paragraphs)))
            continue
        text = _without_news_lead(layout, line)
        if not text:
            continue
        current = layout.paragraphs[-1] if layout.paragraphs else None
        complete = current is None or ends_sentence(current.text)
        gap = previous is None or index - previous > 1 or _blank_between(lines, previous, index)
        if by_indent and line.indented:
            starts = True
        elif by_indent or by_blank:
            starts = gap and complete
        else:  # one line per paragraph: only a missing full stop tells a line cut short
            starts = complete
        if starts:
            layout.paragraphs.append(Paragraph(text, [line.number]))
        else:
            if gap or not (by_indent or by_blank):
                between = tuple(lines[k].number for k in range(previous + 1, index))
                layout.repairs.append(Repair(current.lines[-1], line.number, between))
            current.text = join_lines([current.text, text])
            current.lines.append(line.number)
        previous = index


def _blank_between(lines: list[Line], earlier: int, later: int) -> bool:
    return any(lines[k].after_blank for k in range(earlier + 1, later + 1))


def _without_news_lead(layout: Layout, line: Line) -> str:
    """The line without a leading `本报讯（记者 X）`, whose names go to the byline."""
    lead = _NEWS_LEAD.match(line.text)
    names = parse_byline(lead["inner"], explicit=True) if lead else None
    if not names:
        return line.text
    _add_names(layout.byline, names)
    layout.taken_out.append(TakenOut(line.number, BYLINE, lead.group(0).strip()))
    return line.text[lead.end() :]


def parse_byline(text: str, *, explicit: bool = False) -> dict[str, list[str]] | None:
    """The names in a byline by role (`text`, `photos`), or None when `text` is not a byline.

    Reads `文 / 记者 张凯鹏 图 / 记者 程婧`, `文/记者X`, `记者 X 摄`, `通讯员 X`, `文/图 X`. A bare
    `记者X` with no space counts only when `explicit` (inside `本报讯（…）`): as a whole line it is
    more often a heading such as 记者手记.
    """
    roles: dict[str, list[str]] = {"text": [], "photos": []}
    current, pending = ("text",), []  # names wait for a trailing 摄 that makes them photographers
    marked, titled, glued = explicit, False, False

    def credit_pending(to: tuple[str, ...]) -> None:
        for role in to:
            roles[role] += pending
        pending.clear()

    position, end = 0, len(text.rstrip())
    while position < end:
        token = _BYLINE_TOKEN.match(text, position)
        if not token or token.end() == position:
            return None
        kind = "title" if token.lastgroup == "spaced" else token.lastgroup
        if kind in _ROLE_OF_SWITCH:
            credit_pending(current)
            current, marked = _ROLE_OF_SWITCH[kind], True
        elif kind == "title":
            titled, glued = True, glued or not token["spaced"]
        elif kind == "shot":
            credit_pending(("photos",))
            marked = True
        elif kind == "name":
            pending.append(token["name"])
        position = token.end()
    credit_pending(current)
    if not (roles["text"] or roles["photos"]) or not (marked or (titled and not glued)):
        return None
    return roles


def split_credit(text: str) -> tuple[str, list[str]]:
    """`祁县昌源河国家湿地公园 记者 程婧 摄` → (`祁县昌源河国家湿地公园`, [`程婧`]); no credit → (text, [])."""
    for boundary in re.finditer(r"[\s。，；（(]", text):
        tail = text[boundary.end() :].strip().rstrip("）)").strip()
        names = parse_byline(tail) if tail.endswith("摄") else None
        caption = text[: boundary.end()].strip().rstrip("（(").strip()
        if names and names["photos"] and caption:
            return caption, names["photos"]
    return text, []


def split_kicker(text: str, known_kickers: list[str]) -> tuple[str, str]:
    """(kicker, deck) of a dash line: a known kicker with more text glued to it is split there."""
    body = text.removeprefix(KICKER_DASH).strip()
    for known in sorted(known_kickers, key=len, reverse=True):
        if known and body.startswith(known):
            return known, body[len(known) :].strip()
    return body, ""


def find_date(text: str) -> dt.date | None:
    match = _DATE.search(text)
    try:
        return dt.date(int(match["year"]), int(match["month"]), int(match["day"])) if match else None
    except ValueError:
        return None


def is_headline_like(text: str, limit: int = _HEADLINE_CHARS) -> bool:
    """Short and without sentence punctuation: a banner, headline or caption, not story text."""
    return 0 < len(_squeezed(text)) <= limit and not any(mark in text for mark in _SENTENCE_MARKS)


def ends_sentence(text: str) -> bool:
    stripped = text.rstrip().rstrip(_CLOSERS)
    return bool(stripped) and stripped[-1] in _SENTENCE_END


def _add_names(byline: dict[str, list[str]], names: dict[str, list[str]]) -> None:
    for role, people in names.items():
        byline[role] += [person for person in people if person not in byline[role]]


def _squeezed(text: str) -> str:
    return "".join(text.split())


# --- writing the story ---------------------------------------------------------------------


def story_texts(layout: Layout, registry: Registry) -> tuple[str, str]:
    """The Chinese story and its English stub: every Chinese block has an English `[TRANSLATE]` twin."""
    photo_files = [PHOTO_FILE.format(number=n) for n in range(1, len(layout.photos) + 1)]
    photographers = layout.byline["photos"]

    def credit(photo: Photo) -> str:
        people = photo.credit or photographers
        return people[0] if len(people) == 1 else ""

    def english_name(name: str) -> str:
        person = registry.contributor(name)
        return person.name(TRANSLATION_LANG) if person else name

    summary = _first_sentence(layout.paragraphs[0].text) if layout.paragraphs else ""
    zh_byline = {"text": layout.byline["text"]}
    if layout.photos or photographers:
        zh_byline["photos"] = photographers
    zh_photos = [
        {"file": file, "caption": photo.caption, "credit": credit(photo), "alt": ""}
        for file, photo in zip(photo_files, layout.photos, strict=True)
    ]
    zh_fields = {
        "title": layout.title,
        "deck": layout.front_deck,
        "series": registry.series_titled(layout.banner, SOURCE_LANG) or "",
        "date": layout.date,  # left blank for the check to ask for: never a guess
        "summary": summary,
        "byline": zh_byline,
        "photos": zh_photos,
    }
    if photo_files:
        zh_fields["lead_photo"] = photo_files[0]
    en_fields = {
        **zh_fields,
        "title": _untranslated(layout.title),
        "deck": _untranslated(layout.front_deck),
        "summary": _untranslated(summary),
        "byline": {
            **{role: [english_name(name) for name in names] for role, names in zh_byline.items()},
            "translation": [],
        },
        "photos": [
            {**photo, "caption": _untranslated(photo["caption"]), "credit": english_name(photo["credit"])}
            for photo in zh_photos
        ],
    }
    # the lead photo shows under the headline; the others where the page had them
    shown_after: dict[int, list[str]] = {}
    for file, photo in list(zip(photo_files, layout.photos, strict=True))[1:]:
        shown_after.setdefault(photo.after_paragraph, []).append(f"![]({file})")
    zh_blocks, en_blocks = list(shown_after.get(0, [])), list(shown_after.get(0, []))
    for number, paragraph in enumerate(layout.paragraphs, start=1):
        text = _as_markdown_paragraph(paragraph.text)
        zh_blocks += [text, *shown_after.get(number, [])]
        en_blocks += [_untranslated(text), *shown_after.get(number, [])]
    _verify_paragraphs(zh_blocks, layout)
    return _story_file(zh_fields, zh_blocks), _story_file(en_fields, en_blocks)


def _untranslated(text: str) -> str:
    return f"{UNTRANSLATED_MARK} {text}" if text else ""


def _first_sentence(text: str) -> str:
    match = _FIRST_SENTENCE.match(text)
    return match.group(0) if match else text


def _as_markdown_paragraph(text: str) -> str:
    """Text that Markdown reads as the paragraph it is, not as a heading, list, quote or rule.

    The first character becomes a character reference (`&#35;` for `#`): a backslash would do
    for some of them, but Python-Markdown shows it before `<` and `~` and cannot escape digits.
    """
    return f"&#{ord(text[0])};{text[1:]}" if _MARKDOWN_START.match(text) else text


def _verify_paragraphs(blocks: list[str], layout: Layout) -> None:
    """Read the body back as the site will; Markdown (an HTML comment, say) must not eat any text."""
    read_back = [block.text for block in parse_blocks("\n\n".join(blocks)) if block.kind == PARAGRAPH]
    written = [_as_markdown_paragraph(paragraph.text) for paragraph in layout.paragraphs]
    for paragraph, expected, actual in zip_longest(layout.paragraphs, written, read_back):
        if expected != actual:
            line = (paragraph or layout.paragraphs[-1]).lines[0]
            raise ImportProblem(
                f"line {line} would not show as written on the site (it holds Markdown or HTML) — "
                "edit that line of the page text and import again（该行含 Markdown 或 HTML 符号，请修改后重新导入）"
            )


def _story_file(fields: dict, blocks: list[str]) -> str:
    lines = ["---"]
    for name in STORY_FIELDS:  # the schema's order, which the guide's template follows
        if name not in fields:
            continue
        value = fields[name]
        if value is None:
            lines.append(f"{name}:")  # a blank that reads as "fill me in"
        elif name == "photos" and value:
            lines.append("photos:")
            for photo in value:
                entry = [yaml_line(key, item) for key, item in photo.items()]
                lines += [f"  - {entry[0]}", *(f"    {line}" for line in entry[1:])]
        elif isinstance(value, dict):
            lines.append(f"{name}:")
            lines += [f"  {yaml_line(key, item)}" for key, item in value.items()]
        else:
            lines.append(yaml_line(name, value))
    lines.append("---")
    return "\n".join(lines) + "\n\n" + "\n\n".join(blocks) + "\n"


# --- the command ---------------------------------------------------------------------------


def import_story(raw_path: Path, slug: str, docs_dir: Path, *, force: bool = False) -> str:
    """Write docs/stories/<slug>/ from the page text in `raw_path`; returns the report to print."""
    folder = docs_dir / STORIES_DIR / slug
    if folder.exists() and not force:
        raise ImportProblem(
            f"{shown_path(folder)} already exists — choose another --slug, or add --force to replace its index.zh.md and index.en.md（稿件已存在：换一个 --slug，或加 --force 覆盖）"
        )
    problem = slug_problem(slug, docs_dir / STORIES_DIR, may_exist=True)
    if problem:
        raise ImportProblem(problem)
    text, encoding = decode_file(raw_path)
    registry = load_registry(docs_dir)
    layout = read_layout(text, registry)
    zh_text, en_text = story_texts(layout, registry)
    try:
        for lang, story_text in ((SOURCE_LANG, zh_text), (TRANSLATION_LANG, en_text)):
            write_text(folder / f"index.{lang}.md", story_text, replace=force)
    except WouldOverwrite as taken:
        raise ImportProblem(
            f"{shown_path(taken.path)} appeared while importing — check it, then import again with another --slug（导入时出现了同名文件，请检查后换 --slug 重新导入）"
        ) from None
    (folder / IMAGES_DIR).mkdir(exist_ok=True)
    return report(layout, registry, raw_path, encoding, folder)


def decode_file(raw_path: Path) -> tuple[str, str]:
    if not raw_path.exists():
        raise ImportProblem(
            f"{raw_path} does not exist — check the file name and folder（文件不存在，请检查文件名和文件夹）"
        )
    if raw_path.is_dir():
        raise ImportProblem(
            f"{raw_path} is a folder — give the .txt file exported from the page（这是文件夹，请给出版面导出的 .txt 文件）"
        )
    try:
        raw = raw_path.read_bytes()
    except OSError as error:
        raise ImportProblem(
            f"cannot read {raw_path} ({error.strerror}) — check that it is readable（无法读取该文件）"
        ) from None
    if len(raw) > MAX_STORY_BYTES:
        raise ImportProblem(
            f"{raw_path} is {len(raw):,} bytes, too large for one page — export a single page's text（文件太大，请只导出一个版面的文字）"
        )
    try:
        text, encoding = decode(raw)
    except ValueError:
        raise ImportProblem(
            f"{raw_path} is not a text file — export the page from the layout program or PDF as plain text (.txt)（不是文本文件，请从排版软件或 PDF 导出纯文本）"
        ) from None
    if not text.strip():
        raise ImportProblem(f"{raw_path} is empty — export the page's text again（文件是空的，请重新导出）")
    return text, encoding


def report(layout: Layout, registry: Registry, raw_path: Path, encoding: str, folder: Path) -> str:
    """What the import did and what is left to do, with source line numbers."""
    story = shown_path(folder)
    series = registry.series_titled(layout.banner, SOURCE_LANG)
    lines = [
        f"imported {raw_path} into {story}/ (index.zh.md, index.en.md, images/)",
        f"  encoding:  {encoding}",
        f"  title:     {layout.title or '(none found) — write `title:` in both files'}",
        f"  deck:      {layout.front_deck or '(none found) — write `deck:` in both files'}",
    ]
    if series:
        lines.append(f"  series:    {series} (banner “{layout.banner}”)")
    elif layout.banner:
        lines.append(
            f"  series:    no series in docs/_data/series.yml has the title “{layout.banner}” — "
            "add it there and write its id in `series:` in both files"
        )
    else:
        lines.append("  series:    no series banner found — write the series id in `series:` in both files")
    for role, label in (("text", "text by"), ("photos", "photos by")):
        names = layout.byline[role]
        shown = ", ".join(_with_english(name, registry) for name in names)
        lines.append(f"  {label + ':':<10} {shown or '(none found) — add the names under `byline:`'}")
    lines.append(
        f"  date:      {layout.date.isoformat()}"
        if layout.date
        else "  date:      not in the source — write the publication date in `date:` (YYYY-MM-DD) in both files"
    )
    if layout.paragraphs:
        first, last = layout.paragraphs[0].lines[0], layout.paragraphs[-1].lines[-1]
        lines.append(f"  text:      {len(layout.paragraphs)} paragraphs (lines {first}–{last})")
    else:
        lines.append("  text:      no paragraphs found — paste the story text into index.zh.md")
    lines.append(
        f"  photos:    {len(layout.photos)} declared, awaiting their image files"
        if layout.photos
        else "  photos:    none found"
    )
    for number, photo in enumerate(layout.photos, start=1):
        lead = " (lead photo)" if number == 1 else ""
        lines.append(f"             {PHOTO_FILE.format(number=number)}{lead}: {photo.caption} (line {photo.line})")
    if layout.repairs:
        lines.append(f"  page breaks repaired: {len(layout.repairs)}")
        for repair in layout.repairs:
            across = f", across lines {_span(repair.between)}" if repair.between else ""
            lines.append(f"             line {repair.broken_at} continues on line {repair.continues_at}{across}")
    lines.append("taken out of the text:")
    for item in sorted(layout.taken_out, key=lambda item: item.line):
        lines.append(f"  line {item.line:<4} {item.role:<16} {item.text}")
    if layout.unplaced:
        lines.append("could not place (copy them where they belong, or leave them out):")
        lines += [f"  line {line.number:<4} {line.text}" for line in layout.unplaced]
    lines.append("to do（下一步）:")
    unknown = [
        name
        for name in dict.fromkeys([*layout.byline["text"], *layout.byline["photos"]])
        if registry.contributor(name) is None
    ]
    if unknown:
        lines.append(
            f"  - {', '.join(unknown)} {'is' if len(unknown) == 1 else 'are'} not in the contributor record: "
            "add them to docs/_data/contributors.yml with their names in both languages"
            "（不在人员名录中：请在名录里添加其中英文姓名）"
        )
    if layout.photos:
        lines.append(
            f"  - put the photos into {story}/{IMAGES_DIR}/ under the names above and write each photo's `alt:`"
            "（把照片按上面的文件名放进 images/，并为每张图写替代文字 alt）"
        )
    lines.append(
        "  - translate index.en.md: replace every `[TRANSLATE] …` with the English（翻译英文稿：替换所有 [TRANSLATE] 内容）"
    )
    lines.append(
        f"  - python scripts/stories.py check {story} lists everything still missing（检查命令列出所有待补内容）"
    )
    return "\n".join(lines)


def _with_english(name: str, registry: Registry) -> str:
    person = registry.contributor(name)
    return f"{name} ({person.name(TRANSLATION_LANG)})" if person else name


def _span(numbers: tuple[int, ...]) -> str:
    return f"{numbers[0]}–{numbers[-1]}" if len(numbers) > 1 else str(numbers[0])
