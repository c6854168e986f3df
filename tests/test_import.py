"""`stories.py import`: a newspaper page's plain text becomes a story, and no text is lost on the way."""

from __future__ import annotations

import codecs
import json
import re
import shutil
from pathlib import Path

import markdown
import pytest
from bs4 import BeautifulSoup
from conftest import FIRST_STORY, PROJECT, RAW_STORY, run_stories
from hypothesis import given, settings
from hypothesis import strategies as st
from newsroom import importer
from newsroom.importer.furniture import furniture_kind
from newsroom.model.blocks import PARAGRAPH, PHOTO, UNTRANSLATED_MARK
from newsroom.model.registry import load_registry
from newsroom.model.site import load_site
from newsroom.model.story import StoryFile

RAW_TEXT = RAW_STORY.read_text(encoding="utf-8")
PUBLISHED = StoryFile.read(PROJECT / "docs" / "stories" / FIRST_STORY / "index.zh.md", "zh")
PUBLISHED_PARAGRAPHS = [block.text for block in PUBLISHED.paragraphs]
# Lines of the raw page that are its title block, and lines that carry on a paragraph a page
# break cut short (17 → 25 → 27 across the title block, 33 → 35).
TITLE_BLOCK_LINES = {3, 5, 9, 19, 21, 23}
CONTINUING_LINES = {25, 27, 35}
FULL_WIDTH_INDENT = "\u3000\u3000"
SENTENCE_END = "。！？…"


def squeezed(text: str) -> str:
    return re.sub(r"\s+", "", text)


def numbered_lines(text: str):
    return enumerate(text.split("\n"), start=1)


def indented_without_blank_lines(text: str) -> str:
    """Paragraphs marked only by a full-width indent, as many PDF exports give them."""
    return "\n".join(
        ("" if number in TITLE_BLOCK_LINES | CONTINUING_LINES else FULL_WIDTH_INDENT) + line
        for number, line in numbered_lines(text)
        if line.strip()
    )


def one_line_per_paragraph(text: str) -> str:
    return "\n".join(line for line in text.split("\n") if line.strip())


def with_extra_page_breaks(text: str) -> str:
    """Every story line cut once more after its first comma, by blank lines or a form feed."""
    lines = []
    for number, line in numbered_lines(text):
        if number not in TITLE_BLOCK_LINES and "，" in line:
            cut = line.index("，") + 1
            line = line[:cut] + ("\n\n\n" if number % 4 else "\n\f\n") + line[cut:]
        lines.append(line)
    return "\n".join(lines)


def wrapped_in_columns(text: str, width: int = 60) -> str:
    """Story lines hard-wrapped as a narrow column exports them (no line shorter than `width`)."""
    lines = []
    for number, line in numbered_lines(text):
        chunks = [line[i : i + width] for i in range(0, len(line), width)] or [""]
        if number in TITLE_BLOCK_LINES or len(chunks) == 1:
            lines.append(line)
            continue
        if len(chunks[-1]) < width:
            short = chunks.pop()
            chunks[-1] += short
        lines += chunks
    return "\n".join(lines)


VARIANTS = {
    "as exported": lambda text: text.encode("utf-8"),
    "CRLF line ends": lambda text: text.replace("\n", "\r\n").encode("utf-8"),
    "byte order mark": lambda text: codecs.BOM_UTF8 + text.encode("utf-8"),
    "GB18030": lambda text: text.encode("gb18030"),
    "indented, no blank lines": lambda text: indented_without_blank_lines(text).encode("utf-8"),
    "one line per paragraph": lambda text: one_line_per_paragraph(text).encode("utf-8"),
    "extra page breaks": lambda text: with_extra_page_breaks(text).encode("utf-8"),
    "wrapped in columns": lambda text: wrapped_in_columns(text).encode("utf-8"),
    "GBK, CRLF, indented": lambda text: indented_without_blank_lines(text).replace("\n", "\r\n").encode("gbk"),
}


@pytest.fixture
def newsroom_docs(fixture_docs: Path) -> Path:
    """The fixture docs with the real records, which know the first story's banner and people."""
    shutil.copytree(PROJECT / "docs" / "_data", fixture_docs / "_data", dirs_exist_ok=True)
    return fixture_docs


def import_page(docs: Path, page: bytes | str, slug: str = "imported", *options: str):
    raw = docs.parent / f"{slug}.txt"
    raw.write_bytes(page.encode("utf-8") if isinstance(page, str) else page)
    return run_stories("import", str(raw), "--slug", slug, *options, docs=docs)


def story_file(docs: Path, slug: str, lang: str = "zh") -> StoryFile:
    return StoryFile.read(docs / "stories" / slug / f"index.{lang}.md", lang)


def paragraphs(docs: Path, slug: str = "imported") -> list[str]:
    return [block.text for block in story_file(docs, slug).paragraphs]


def assert_one_line_error(result, *words: str) -> None:
    assert result.returncode == 2, result.stdout
    assert "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr
    for word in words:
        assert word in result.stderr


# --- the first story ------------------------------------------------------------------------


@pytest.mark.parametrize("variant", VARIANTS)
def test_import_reproduces_the_first_story_paragraph_for_paragraph(newsroom_docs: Path, variant: str):
    result = import_page(newsroom_docs, VARIANTS[variant](RAW_TEXT))
    assert result.returncode == 0, result.stderr
    assert paragraphs(newsroom_docs) == PUBLISHED_PARAGRAPHS
    zh = story_file(newsroom_docs, "imported")
    assert zh.problem is None
    assert zh.text_field("title") == "绘就绿水青山新画卷"
    assert zh.text_field("deck") == PUBLISHED.text_field("deck")
    assert zh.text_field("series") == "plenary-session"
    assert zh.byline("text") == ["张凯鹏"] and zh.byline("photos") == ["程婧"]
    assert [(p.file, p.caption, p.credit, p.alt) for p in zh.photos] == [
        ("images/photo-1.jpg", "祁县昌源河国家湿地公园", "程婧", "")
    ]
    assert zh.text_field("lead_photo") == "images/photo-1.jpg"
    assert zh.text_field("summary") == "一方好山水，满眼皆覆绿。"
    assert zh.meta["date"] is None  # not on the page, so not invented
    assert (newsroom_docs / "stories" / "imported" / "images").is_dir()


@pytest.mark.parametrize(
    ("variant", "encoding"),
    [("as exported", "UTF-8"), ("byte order mark", "UTF-8 with BOM"), ("GB18030", "GB18030/GBK")],
)
def test_report_names_the_encoding(newsroom_docs: Path, variant: str, encoding: str):
    result = import_page(newsroom_docs, VARIANTS[variant](RAW_TEXT))
    assert re.search(rf"encoding:\s+{re.escape(encoding)}", result.stdout), result.stdout


def test_report_says_where_page_breaks_were_mended(newsroom_docs: Path):
    report = import_page(newsroom_docs, RAW_TEXT).stdout
    assert "page breaks repaired: 3" in report
    assert "line 17 continues on line 25, across lines 19–23" in report
    assert "line 25 continues on line 27" in report
    assert "line 33 continues on line 35" in report
    assert "9 paragraphs" in report
    for line_number, role in ((3, "series banner"), (19, "kicker"), (21, "title"), (23, "byline"), (9, "caption")):
        assert re.search(rf"line {line_number}\s+.*{role}", report), (line_number, role)


def test_every_extra_page_break_is_mended_and_reported(newsroom_docs: Path):
    inserted = sum(1 for number, line in numbered_lines(RAW_TEXT) if number not in TITLE_BLOCK_LINES and "，" in line)
    report = import_page(newsroom_docs, with_extra_page_breaks(RAW_TEXT)).stdout
    assert f"page breaks repaired: {3 + inserted}" in report


@pytest.mark.parametrize("variant", VARIANTS)
def test_no_text_is_dropped(newsroom_docs: Path, variant: str):
    page = VARIANTS[variant](RAW_TEXT)
    result = import_page(newsroom_docs, page)
    story = squeezed(story_file(newsroom_docs, "imported").text)
    report = squeezed(result.stdout)
    source, _ = importer.decode(page)
    for line in source.split("\n"):
        if line.strip():
            assert squeezed(line) in story or squeezed(line) in report, line


def test_page_furniture_is_reported_with_its_lines_not_dropped(newsroom_docs: Path):
    page = RAW_TEXT + "\n\n责任编辑：王芳\n\n晋中日报 2025年12月2日\n"
    result = import_page(newsroom_docs, page)
    assert result.returncode == 0, result.stderr
    assert paragraphs(newsroom_docs) == PUBLISHED_PARAGRAPHS
    furniture = result.stdout.split("removed page furniture", 1)[1].split("taken out of the text", 1)[0]
    assert re.search(r"line 41\s+desk credit\s+责任编辑：王芳", furniture), furniture
    assert re.search(r"line 43\s+masthead\s+晋中日报 2025年12月2日", furniture), furniture
    story = story_file(newsroom_docs, "imported")
    assert "责任编辑" not in story.text and "晋中日报" not in story.text
    assert story.meta["date"] == "2025-12-02"


def test_english_stub_mirrors_the_chinese_block_for_block(newsroom_docs: Path):
    import_page(newsroom_docs, RAW_TEXT)
    zh, en = story_file(newsroom_docs, "imported"), story_file(newsroom_docs, "imported", "en")
    assert en.problem is None and en.is_stub
    assert [block.text for block in en.blocks] == [f"{UNTRANSLATED_MARK} {block.text}" for block in zh.blocks]
    for name in ("title", "deck", "summary"):
        assert en.text_field(name) == f"{UNTRANSLATED_MARK} {zh.text_field(name)}"
    assert en.byline("text") == ["Zhang Kaipeng"] and en.byline("photos") == ["Cheng Jing"]
    assert [(p.file, p.caption, p.credit) for p in en.photos] == [
        ("images/photo-1.jpg", f"{UNTRANSLATED_MARK} 祁县昌源河国家湿地公园", "Cheng Jing")
    ]
    assert en.meta["series"] == zh.meta["series"] and en.meta["lead_photo"] == zh.meta["lead_photo"]


def test_imported_story_loads_and_the_check_lists_what_is_missing(newsroom_docs: Path):
    import_page(newsroom_docs, RAW_TEXT)
    site = load_site(newsroom_docs)
    story = site.story("imported")
    assert story is not None and set(story.files) == {"zh", "en"}
    assert all(f.problem is None for f in story.files.values())
    assert not [p for p in site.problems if "imported" in str(p.path)]

    result = run_stories("check", str(newsroom_docs / "stories" / "imported"), "--format", "json", docs=newsroom_docs)
    assert result.returncode == 1, result.stderr
    findings = json.loads(result.stdout)["findings"]
    codes = [(Path(f["path"]).name, f["code"]) for f in findings]
    assert codes.count(("index.en.md", "untranslated")) == 4 + len(PUBLISHED_PARAGRAPHS)  # title, deck, summary, caption
    for file in ("index.zh.md", "index.en.md"):
        assert (file, "photo-no-alt") in codes
        assert (file, "photo-missing") in codes
        assert any(
            f["code"] == "missing-field" and "`date`" in f["message"] for f in findings if f["path"].endswith(file)
        )
    assert ("index.zh.md", "untranslated") not in codes


def test_banner_not_in_series_record_is_reported_and_the_kicker_still_split(fixture_docs: Path):
    result = import_page(fixture_docs, RAW_TEXT)
    assert result.returncode == 0, result.stderr
    zh = story_file(fixture_docs, "imported")
    assert zh.text_field("series") == ""
    assert "no series in docs/_data/series.yml has the title “凝心聚力谋新篇 奋楫扬帆启新程”" in result.stdout
    # the banner's own subtitle tells where the kicker ends and the deck glued to it begins
    assert zh.text_field("deck") == "建设山青水秀美丽晋中——深入贯彻落实市委五届十一次全会精神"
    # the fixture records know neither reporter: still credited, and the journalist is told
    assert zh.byline("text") == ["张凯鹏"]
    assert "张凯鹏, 程婧 are not in the contributor record" in result.stdout
    assert "add them to docs/_data/contributors.yml" in result.stdout


# --- bylines, captions, dates ---------------------------------------------------------------

FIRST_PARAGRAPH = "今年春天，河道清淤工程全部完工。"


@pytest.mark.parametrize(
    ("title_block", "text_by", "photos_by"),
    [
        ("文 / 记者 李明 图 / 记者 王芳", ["李明"], ["王芳"]),
        ("文/记者李明", ["李明"], []),
        ("文/记者李明图/记者王芳", ["李明"], ["王芳"]),
        ("通讯员 赵雪", ["赵雪"], []),
        ("记者 李明 通讯员 赵雪", ["李明", "赵雪"], []),
        ("文/图 李明", ["李明"], ["李明"]),
        ("文/记者 李明\n\n记者 王芳 摄", ["李明"], ["王芳"]),
    ],
)
def test_byline_forms(fixture_docs: Path, title_block: str, text_by: list[str], photos_by: list[str]):
    page = f"河道清淤见成效\n\n{title_block}\n\n{FIRST_PARAGRAPH}\n\n区水务局表示，将建立长效管护机制。\n"
    result = import_page(fixture_docs, page)
    assert result.returncode == 0, result.stderr
    zh, en = story_file(fixture_docs, "imported"), story_file(fixture_docs, "imported", "en")
    assert zh.text_field("title") == "河道清淤见成效"
    assert zh.byline("text") == text_by and zh.byline("photos") == photos_by
    english = {"李明": "Li Ming", "王芳": "Wang Fang", "赵雪": "Zhao Xue"}
    assert en.byline("text") == [english[name] for name in text_by]
    assert paragraphs(fixture_docs) == [FIRST_PARAGRAPH, "区水务局表示，将建立长效管护机制。"]


def test_news_lead_byline_leaves_the_paragraph(fixture_docs: Path):
    page = f"河道清淤见成效\n\n本报讯（记者 李明 通讯员 赵雪）{FIRST_PARAGRAPH}\n"
    result = import_page(fixture_docs, page)
    assert story_file(fixture_docs, "imported").byline("text") == ["李明", "赵雪"]
    assert paragraphs(fixture_docs) == [FIRST_PARAGRAPH]
    assert "本报讯（记者 李明 通讯员 赵雪）" in result.stdout


@pytest.mark.parametrize(
    ("paragraph", "text_by", "photos_by"),
    [
        (f"文/记者李明、王芳 {FIRST_PARAGRAPH}", ["李明", "王芳"], []),
        (f"文/记者 李明 图/记者 王芳 {FIRST_PARAGRAPH}", ["李明"], ["王芳"]),
        (f"{FIRST_PARAGRAPH}（记者 李明 通讯员 赵雪）", ["李明", "赵雪"], []),
    ],
)
def test_a_byline_glued_to_the_text_leaves_it(paragraph: str, text_by: list[str], photos_by: list[str]):
    layout = importer.read_layout(f"河道清淤见成效\n\n{paragraph}\n")
    assert [block.text for block in layout.blocks] == [FIRST_PARAGRAPH]
    assert (layout.byline.text, layout.byline.photos) == (text_by, photos_by)


def test_a_reporter_as_the_subject_of_a_sentence_stays_in_it():
    layout = importer.read_layout("河道清淤见成效\n\n记者 李明 表示，河道清淤工程全部完工。\n")
    assert [block.text for block in layout.blocks] == ["记者 李明 表示，河道清淤工程全部完工。"]
    assert layout.byline.text == []


def test_unknown_names_are_kept_and_reported(fixture_docs: Path):
    result = import_page(fixture_docs, f"河道清淤见成效\n\n文/记者 孙悟空\n\n{FIRST_PARAGRAPH}\n")
    assert result.returncode == 0, result.stderr
    assert story_file(fixture_docs, "imported").byline("text") == ["孙悟空"]
    assert story_file(fixture_docs, "imported", "en").byline("text") == ["孙悟空"]
    assert "孙悟空 is not in the contributor record: add them to docs/_data/contributors.yml" in result.stdout


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("文 / 记者 张凯鹏 图 / 记者 程婧", {"text": ["张凯鹏"], "photos": ["程婧"]}),
        ("记者 程婧 摄", {"text": [], "photos": ["程婧"]}),
        ("程婧/摄", {"text": [], "photos": ["程婧"]}),
        ("本报记者 李明、王芳", {"text": ["李明", "王芳"], "photos": []}),
        ("记者手记", None),  # a column heading, not a reporter called 手记
        ("张凯鹏 程婧", None),
        ("绘就绿水青山新画卷", None),
        ("祁县昌源河国家湿地公园 记者 程婧 摄", None),  # a caption with its credit
        (FIRST_PARAGRAPH, None),
        ("文/记者李明、王芳、赵雪", {"text": ["李明", "王芳", "赵雪"], "photos": []}),
        ("文·图/王芳", {"text": ["王芳"], "photos": ["王芳"]}),
        ("新华社记者 赵雪 摄", {"text": [], "photos": ["赵雪"]}),
        ("图/赵雪", {"text": [], "photos": ["赵雪"]}),
        ("文/記者 李明 圖/記者 王芳", {"text": ["李明"], "photos": ["王芳"]}),
        ("光影点亮古城墙", None),
    ],
)
def test_parse_byline(line: str, expected):
    assert importer.parse_byline(line) == expected


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("晋中日报", "masthead"),
        ("晋中日报　2025年12月1日　星期一", "masthead"),
        ("2025年12月1日　星期一", "date line"),
        ("11月17日 周一", "date line"),
        ("2025-11-18 10:23　来源：晋中新闻网", "date line"),
        ("A1 要闻", "page label"),
        ("第3版", "page label"),
        ("B2版·文化", "page label"),
        ("A12 国内新闻", "page label"),
        ("责任编辑：王芳　校对：刘洋", "desk credit"),
        ("美编：赵雪", "desk credit"),
        ("审核 李明", "desk credit"),
        ("光影点亮古城墙", None),  # a subhead
        ("来源：新华社", None),  # a label without a date: text
        ("2025年，全市新建公园十座。", None),
        ("第一部分", None),
        ("3.5", None),
        ("1.2 项目背景", None),
    ],
)
def test_page_furniture_by_its_shape(line: str, kind):
    assert furniture_kind(line) == kind


def test_a_subhead_ending_like_a_masthead_stays_a_subhead():
    page = f"河道清淤见成效\n\n文/记者 李明\n\n{FIRST_PARAGRAPH}\n\n春天的喜报\n\n区水务局表示，将建立长效管护机制。\n"
    layout = importer.read_layout(page)
    assert [heading.text for heading in layout.headings] == ["春天的喜报"]
    assert not layout.furniture


def test_a_byline_under_the_first_paragraph_leaves_the_top_line_the_headline():
    layout = importer.read_layout(f"河道清淤见成效\u3000\u3000{FIRST_PARAGRAPH}\u3000\u3000文/记者李明、王芳\u3000\u3000清淤之后")
    assert layout.title == "河道清淤见成效" and layout.byline.text == ["李明", "王芳"]
    assert [(block.text, block.heading) for block in layout.blocks] == [(FIRST_PARAGRAPH, False), ("清淤之后", True)]


def test_a_third_short_line_by_the_headline_is_reported_as_a_guess():
    layout = importer.read_layout(f"喜迎丰收\n\n河道清淤见成效\n\n三条河道全部完工\n\n文/记者 李明\n\n{FIRST_PARAGRAPH}\n")
    assert (layout.title, layout.deck) == ("喜迎丰收", "河道清淤见成效")
    assert [heading.text for heading in layout.headings] == ["三条河道全部完工"]
    assert len(layout.notes) == 1 and "line 5" in layout.notes[0] and "may be a kicker or deck" in layout.notes[0]


def test_an_aside_in_brackets_is_not_a_subhead():
    layout = importer.read_layout(f"河道清淤见成效\n\n文/记者 李明\n\n{FIRST_PARAGRAPH}\n\n（完）\n")
    assert not layout.headings and layout.paragraphs[-1].text == "（完）"


def test_a_headline_over_a_photographer_credit_is_not_a_caption():
    layout = importer.read_layout(f"河道清淤见成效\n\n文/记者 李明 图/记者 王芳\n\n{FIRST_PARAGRAPH}\n")
    assert layout.title == "河道清淤见成效" and not layout.photos


def test_a_credit_on_its_own_line_makes_the_short_line_over_it_a_caption():
    page = f"河道清淤见成效\n\n文/记者 李明\n\n{FIRST_PARAGRAPH}\n\n清淤后的河道\n（王芳 摄）\n\n区水务局表示，将建立长效管护机制。\n"
    layout = importer.read_layout(page)
    assert [(photo.caption, photo.credit, photo.line) for photo in layout.photos] == [("清淤后的河道", ["王芳"], 7)]
    assert [block.text for block in layout.blocks] == [FIRST_PARAGRAPH, "区水务局表示，将建立长效管护机制。"]
    assert layout.byline.photos == ["王芳"]


@pytest.mark.parametrize(
    "raw",
    [bytes(range(0x80, 0x100)), "湿地公园".encode()[:-1] + b"\xa1" * 3, b"\xc0\xc1\xf5\xff" * 10],
    ids=["every high byte", "cut UTF-8", "bytes of no encoding"],
)
def test_undecidable_bytes_get_the_encodings_tried_in_both_languages(fixture_docs: Path, raw: bytes):
    result = import_page(fixture_docs, raw)
    assert_one_line_error(result, "cannot tell which encoding", "GB18030", "Big5", "UTF-16", "UTF-8", "无法判断文件编码")
    assert not (fixture_docs / "stories" / "imported").exists()


def test_two_equally_likely_readings_are_refused_not_guessed(fixture_docs: Path):
    # two characters in GB18030 read as well in Big5 (as 脰禭): no telling which was meant
    result = import_page(fixture_docs, "茶館".encode("gb18030"))
    assert_one_line_error(result, "cannot tell which encoding", "save it again as UTF-8")
    assert not (fixture_docs / "stories" / "imported").exists()


def test_big5_without_nul_bytes_is_not_read_as_utf16():
    assert importer.decode("標題\n\n正文。".encode("big5")) == ("標題\n\n正文。", "Big5, converted to UTF-8")


def test_big5_is_not_read_as_gb18030():
    traditional = "老街茶館的百年故事\n\n每天清晨，老茶客們都會準時來這裡喝茶、聊天。\n"
    assert importer.decode(traditional.encode("big5")) == (traditional, "Big5, converted to UTF-8")


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_without_a_byte_order_mark(codec: str):
    text = "社区食堂暖人心\n\n一荤两素一汤，只要十元钱。\n"
    decoded, encoding = importer.decode(text.encode(codec))
    assert decoded == text and encoding.startswith(f"UTF-16 {codec[-2:].upper()} without BOM")


def test_captions_become_photos_in_place(fixture_docs: Path):
    page = (
        "河道清淤见成效\n\n文/记者 李明\n\n清淤后的河道 记者 王芳 摄\n\n"
        f"{FIRST_PARAGRAPH}\n\n图为傍晚在河边散步的居民\n\n区水务局表示，将建立长效管护机制。\n"
    )
    result = import_page(fixture_docs, page)
    assert result.returncode == 0, result.stderr
    zh, en = story_file(fixture_docs, "imported"), story_file(fixture_docs, "imported", "en")
    assert [(p.file, p.caption, p.credit) for p in zh.photos] == [
        ("images/photo-1.jpg", "清淤后的河道", "王芳"),
        ("images/photo-2.jpg", "图为傍晚在河边散步的居民", "王芳"),
    ]
    assert zh.text_field("lead_photo") == "images/photo-1.jpg"
    assert zh.byline("photos") == ["王芳"]
    for story in (zh, en):
        assert [(b.kind, b.src) for b in story.blocks] == [
            (PARAGRAPH, ""),
            (PHOTO, "images/photo-2.jpg"),
            (PARAGRAPH, ""),
        ]
    findings = json.loads(
        run_stories("check", str(fixture_docs / "stories" / "imported"), "--format", "json", docs=fixture_docs).stdout
    )["findings"]
    assert not [f for f in findings if f["code"] in {"photo-unused", "photo-undeclared", "photo-language", "structure"}]


def test_a_date_printed_on_the_page_is_used(fixture_docs: Path):
    page = f"晋中日报\u30002025年12月1日\u3000星期一\n\n河道清淤见成效\n\n文/记者 李明\n\n{FIRST_PARAGRAPH}\n"
    result = import_page(fixture_docs, page)
    zh = story_file(fixture_docs, "imported")
    assert zh.meta["date"] == "2025-12-01" and zh.text_field("title") == "河道清淤见成效"
    assert "date:      2025-12-01" in result.stdout


@given(st.data())
@settings(max_examples=40, deadline=None)
def test_a_page_break_anywhere_inside_a_sentence_is_mended(data):
    """Anywhere but after a full stop (which looks like a paragraph's end), and leaving no scrap
    without punctuation (which beside the title block reads as a caption), a cut is mended."""
    registry = load_registry(PROJECT / "docs")
    lines, cuts = [], 0
    for number, line in numbered_lines(RAW_TEXT):
        places = [
            at
            for at in range(1, len(line))
            if number not in TITLE_BLOCK_LINES
            and line[:at].rstrip("”’")[-1] not in SENTENCE_END
            and re.search("[，。、]", line[:at])
            and re.search("[，。、]", line[at:])
        ]
        at = data.draw(st.sampled_from([None, *places]))
        if at is not None:
            page_break = data.draw(st.sampled_from(["\n\n", "\n\n\n\n", "\n\f\n", "\n"]))
            line = line[:at] + page_break + line[at:]
            # a bare line end between blank-line paragraphs is a column wrap, joined without comment
            cuts += page_break != "\n"
        lines.append(line)
    layout = importer.read_layout("\n".join(lines), registry)
    assert [p.text for p in layout.paragraphs] == PUBLISHED_PARAGRAPHS
    assert len(layout.repairs) == 3 + cuts


# --- refusing ------------------------------------------------------------------------------


def test_refuses_to_replace_an_existing_story(fixture_docs: Path):
    story = fixture_docs / "stories" / "river-cleanup"
    before = {path: path.read_bytes() for path in story.rglob("*") if path.is_file()}
    result = import_page(fixture_docs, RAW_TEXT, "river-cleanup")
    assert_one_line_error(result, "river-cleanup", "already exists", "--force")
    assert {path: path.read_bytes() for path in story.rglob("*") if path.is_file()} == before


def test_reimport_needs_force_and_keeps_the_journalists_edits_without_it(newsroom_docs: Path):
    assert import_page(newsroom_docs, RAW_TEXT).returncode == 0
    chinese = newsroom_docs / "stories" / "imported" / "index.zh.md"
    edited = chinese.read_bytes().replace(b"date:\n", b"date: 2025-12-01\n")
    chinese.write_bytes(edited)
    assert_one_line_error(import_page(newsroom_docs, RAW_TEXT), "--force")
    assert chinese.read_bytes() == edited
    forced = import_page(newsroom_docs, RAW_TEXT, "imported", "--force")
    assert forced.returncode == 0, forced.stderr
    assert b"date:\n" in chinese.read_bytes()


@pytest.mark.parametrize("slug", ["Green-Waters", "green waters", "绿水青山", "-green", "green_waters", "../escape"])
def test_refuses_a_slug_that_is_not_url_safe(fixture_docs: Path, slug: str):
    raw = fixture_docs.parent / "page.txt"
    raw.write_text(RAW_TEXT, encoding="utf-8")
    result = run_stories("import", str(raw), f"--slug={slug}", docs=fixture_docs)
    assert_one_line_error(result, "lowercase letters a-z, digits and hyphens")
    assert sorted(p.name for p in (fixture_docs / "stories").iterdir()) == ["river-cleanup", "wetland-birds"]


@pytest.mark.parametrize(
    ("name", "content", "words"),
    [
        ("missing.txt", None, ["missing.txt", "does not exist"]),
        ("folder.txt", "folder", ["folder.txt", "is a folder"]),
        ("photo.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", ["photo.txt", "not a text file", "plain text"]),
        ("empty.txt", codecs.BOM_UTF8 + b" \r\n\r\n\xe3\x80\x80\n", ["empty.txt", "is empty"]),
    ],
)
def test_unusable_source_files_get_one_line(fixture_docs: Path, name: str, content, words: list[str]):
    raw = fixture_docs.parent / name
    if content == "folder":
        raw.mkdir()
    elif content is not None:
        raw.write_bytes(content)
    result = run_stories("import", str(raw), "--slug", "imported", docs=fixture_docs)
    assert_one_line_error(result, *words)
    assert not (fixture_docs / "stories" / "imported").exists()


def test_decode_reads_utf16_and_form_feeds():
    text, encoding = importer.decode(codecs.BOM_UTF16_LE + "标题\r\n\f正文。".encode("utf-16-le"))
    assert (text, encoding) == ("标题\n\n正文。", "UTF-16")


def test_paragraphs_that_look_like_markdown_stay_paragraphs():
    lines = [
        "1. 坚持目标导向。",
        "12) 其次。",
        "# 号角激越。",
        "> 引文。",
        "- 一条条绿廊。",
        "<div>块。",
        "~~~波浪。",
    ]
    layout = importer.read_layout("河道清淤见成效\n\n文/记者 李明\n\n" + "\n\n".join(lines))
    zh, en = importer.story_texts(layout, load_registry(PROJECT / "tests" / "fixtures" / "docs"))
    for text in (zh, en):
        body = StoryFile("index.md", "zh")
        body.load(text.encode("utf-8"))
        assert [block.kind for block in body.blocks] == [PARAGRAPH] * len(lines)
        shown = BeautifulSoup(markdown.markdown(body.body), "html.parser").find_all("p")
        assert [p.get_text().removeprefix(f"{UNTRANSLATED_MARK} ") for p in shown] == lines
