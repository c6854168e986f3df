"""`stories.py import` on raw texts as newspapers and portals hand them in, one per layout family.

Each text in tests/fixtures/raw/ (001–011) was written for these tests; what a journalist reading
it sees is written out below by hand, and the imported story and its report must say the same.
"""

from __future__ import annotations

import codecs
import html
import re
import shutil
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from conftest import PROJECT, run_stories
from hypothesis import assume, example, given, settings
from hypothesis import strategies as st
from newsroom import importer
from newsroom.model.blocks import HEADING
from newsroom.model.story import StoryFile

RAW = PROJECT / "tests" / "fixtures" / "raw"


@dataclass(frozen=True)
class Expected:
    title: str
    paragraphs: int
    text_by: list[str]
    titles: dict[str, str] = field(default_factory=dict)  # the title printed before each name
    photos_by: list[str] = field(default_factory=list)
    deck: str = ""
    date: str | None = None
    headings: list[str] = field(default_factory=list)
    photos: list[tuple[str, str]] = field(default_factory=list)  # (caption, credit)
    furniture: list[tuple[str, str, str]] = field(default_factory=list)  # (line, kind, text)
    encoding: str = "UTF-8"
    report_says: list[str] = field(default_factory=list)


CORPUS = {
    "001_portal_one_line.txt": Expected(
        title="古城夜游火出圈",
        deck="平遥古城推出沉浸式夜游项目",
        date="2025-11-18",
        text_by=["李明", "王芳", "赵雪"],
        titles={"李明": "记者", "王芳": "记者", "赵雪": "记者"},
        headings=["光影点亮古城墙", "老街巷里的新业态", "让夜经济更有温度"],
        paragraphs=5,
        furniture=[("1 part 3", "date line", "2025-11-18 10:23　来源：晋中新闻网")],
    ),
    "002_indented_lines.txt": Expected(
        title="湿地公园迎来越冬候鸟", text_by=["李明"], titles={"李明": "本报记者"}, paragraphs=3
    ),
    "003_blank_line_paragraphs.txt": Expected(
        title="老手艺焕发新活力",
        deck="非遗工坊带动三百余户群众增收",
        date="2025-11-18",
        text_by=["李明", "赵雪"],
        titles={"李明": "记者", "赵雪": "通讯员"},
        paragraphs=3,
        furniture=[("1", "masthead", "晋中日报　2025年11月18日　星期二")],
    ),
    "004_many_subheads.txt": Expected(
        title="太行山下的守绿人",
        text_by=["王芳"],
        photos_by=["王芳"],
        headings=[
            "三十年巡山路",
            "一本巡护日记",
            "两代人的接力",
            "林子里的春天",
            "山上的新变化",
            "科技助力护林",
            "一张防火网",
            "不眠的瞭望塔",
            "村民的守护",
            "老赵的心愿",
            "绿色的希望",
            "尾声",
        ],
        paragraphs=16,
        photos=[("图为护林员老赵在林区巡护。", "王芳")],
    ),
    "005_label_lines.txt": Expected(
        title="一部短剧为何刷屏", text_by=["赵雪"], titles={"赵雪": "记者"}, paragraphs=4
    ),
    "006_newspaper_page.txt": Expected(
        title="榆次工业园区上新项目",
        date="2025-12-01",
        text_by=["李明", "赵雪"],
        titles={"李明": "记者", "赵雪": "通讯员"},
        paragraphs=3,
        furniture=[
            ("1", "masthead", "晋中日报"),
            ("2", "date line", "2025年12月1日　星期一"),
            ("3", "page label", "A1 要闻"),
            ("9", "continued note", "（下转A3版）"),
            ("11", "desk credit", "责任编辑：王芳　校对：刘洋"),
            ("12", "desk credit", "编辑：张伟"),
            ("14", "masthead", "晋中日报"),
            ("15", "date line", "2025年12月1日　星期一"),
            ("16", "page label", "A3 综合"),
            ("18", "continued note", "（上接A1版）"),
        ],
        report_says=["line 9 continues on line 18, across lines 11–16, joining the word Indus-trial"],
    ),
    "007_mid_paragraph_captions.txt": Expected(
        title="古村落里的新生活",
        text_by=["李明"],
        titles={"李明": "记者"},
        photos_by=["王芳", "赵雪", "李明"],
        paragraphs=4,
        photos=[
            ("图为修缮一新的古村落。", "王芳"),
            ("村口的老槐树", "王芳"),
            ("游客在古村落里参观", "赵雪"),
            ("村民在民宿前合影", "李明"),
        ],
        report_says=["line 5 continues on line 7, across lines 6"],
    ),
    "008_end_byline.txt": Expected(
        title="秋收时节看晋中 万亩谷子迎丰收",
        text_by=["李明"],
        titles={"李明": "记者"},
        photos_by=["赵雪"],
        paragraphs=3,
        photos=[("谷子丰收的田野", "赵雪")],
        report_says=["could not split them"],
    ),
    "009_gb18030_crlf.txt": Expected(
        title="快递进村服务到家",
        date="2025-11-17",
        text_by=["王芳"],
        titles={"王芳": "本报记者"},
        paragraphs=3,
        furniture=[("1", "masthead", "晋中晚报　2025年第218期"), ("2", "date line", "11月17日　星期一")],
        encoding="GB18030/GBK, converted to UTF-8",
    ),
    "010_big5.txt": Expected(
        title="老街茶館的百年故事",
        text_by=["李明"],
        titles={"李明": "記者"},
        paragraphs=3,
        encoding="Big5, converted to UTF-8; Traditional characters, imported as they are",
    ),
    "011_utf16_no_bom.txt": Expected(
        title="社区食堂暖人心",
        text_by=["赵雪", "李明"],
        titles={"赵雪": "记者", "李明": "通讯员"},
        paragraphs=3,
        encoding="UTF-16 LE without BOM, converted to UTF-8",
    ),
}
ENGLISH = {"李明": "Li Ming", "王芳": "Wang Fang", "赵雪": "Zhao Xue"}


def imported(docs: Path, name: str):
    result = run_stories("import", str(RAW / name), "--slug", "imported", docs=docs)
    assert result.returncode == 0, result.stderr
    story = docs / "stories" / "imported"
    return result.stdout, StoryFile.read(story / "index.zh.md", "zh"), StoryFile.read(story / "index.en.md", "en")


def test_the_corpus_has_one_text_per_layout_family():
    assert sorted(CORPUS) == sorted(path.name for path in RAW.glob("0*.txt") if not path.name.startswith("000_"))
    assert len(CORPUS) >= 10
    # the saved forms are the point of these three: make sure nothing on the way normalised them
    gb18030 = (RAW / "009_gb18030_crlf.txt").read_bytes()
    assert b"\r\n" in gb18030 and gb18030.decode("gb18030").startswith("晋中晚报")
    big5 = (RAW / "010_big5.txt").read_bytes()
    assert big5.decode("big5").startswith("老街茶館")
    utf16 = (RAW / "011_utf16_no_bom.txt").read_bytes()
    assert not utf16.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) and utf16.decode("utf-16-le")[0] == "社"
    assert "\n" not in (RAW / "001_portal_one_line.txt").read_text(encoding="utf-8")


@pytest.mark.parametrize("name", CORPUS)
def test_raw_text_imports_as_a_journalist_reads_it(fixture_docs: Path, name: str):
    expected = CORPUS[name]
    report, zh, en = imported(fixture_docs, name)
    assert zh.problem is None and en.problem is None
    assert zh.text_field("title") == expected.title
    assert zh.text_field("deck") == expected.deck
    assert zh.meta["date"] == expected.date
    assert zh.byline("text") == expected.text_by
    assert zh.byline("photos") == expected.photos_by
    assert en.byline("text") == [ENGLISH[name] for name in expected.text_by]
    assert [block.text for block in zh.blocks if block.kind == HEADING] == expected.headings
    assert len(zh.paragraphs) == expected.paragraphs
    assert [(photo.caption, photo.credit) for photo in zh.photos] == expected.photos
    assert zh.text_field("lead_photo") == ("images/photo-1.jpg" if expected.photos else "")

    assert re.search(rf"encoding:\s+{re.escape(expected.encoding)}", report), report
    for person, title in expected.titles.items():
        assert f"{title} {person} ({ENGLISH[person]})" in report
    assert f"{expected.paragraphs} paragraphs" in report
    assert f"headings:  {len(expected.headings) or 'none'}" in report
    for heading in expected.headings:
        assert re.search(rf"line [\d a-z]+ ## {heading}\n", report)
    furniture = report.split("removed page furniture (not story text):\n", 1)[1] if expected.furniture else ""
    furniture = furniture.split("taken out of the text:", 1)[0]
    assert len(furniture.strip().splitlines()) == len(expected.furniture), furniture
    for line, kind, text in expected.furniture:
        assert re.search(rf"line {re.escape(line)}\s+{kind}\s+{re.escape(text)}\n", furniture), (line, text)
        assert text not in zh.text and text not in en.text
    for words in expected.report_says:
        assert words in report


def test_a_story_split_by_a_continued_note_is_one_paragraph_again(fixture_docs: Path):
    _, zh, _ = imported(fixture_docs, "006_newspaper_page.txt")
    assert zh.paragraphs[1].text.endswith("园区的英文名叫Jinzhong Industrial Park，不少外商正是看中了这里的营商环境。")
    assert not re.search("转|接|编辑|校对|晋中日报|A1|A3", zh.body)


def test_label_lines_stay_with_what_they_introduce(fixture_docs: Path):
    _, zh, _ = imported(fixture_docs, "005_label_lines.txt")
    texts = [paragraph.text for paragraph in zh.paragraphs]
    assert texts[1] == "网友意见：“剧情紧凑，服化道很用心，看完想去平遥走一走。”"
    assert texts[3].startswith("主创回应：“我们想用年轻人喜欢的方式")


def test_a_caption_inside_a_paragraph_leaves_it_whole(fixture_docs: Path):
    _, zh, _ = imported(fixture_docs, "007_mid_paragraph_captions.txt")
    assert zh.paragraphs[0].text == "在和顺县的一个古村落里，石板路两旁的老房子经过修缮，重新住进了村民，也迎来了一批批游客。"


def test_traditional_text_is_kept_as_written(fixture_docs: Path):
    _, zh, _ = imported(fixture_docs, "010_big5.txt")
    assert zh.paragraphs[0].text == "在平遙古城的一條老街上，有一家開了一百多年的茶館。"


# --- any text at all ------------------------------------------------------------------------

# pieces of the shapes the importer looks for, so that random pages hit its rules and their edges
PIECES = [
    "　　",
    "——",
    "。",
    "，",
    "、",
    "：",
    "（",
    "）",
    "文/记者",
    "记者 ",
    "通讯员",
    "本报讯（记者 李明）",
    "（记者 王芳）",
    " 摄",
    "/摄",
    "图为",
    "图/",
    "文·图/",
    "（下转A3版）",
    "（上接A1版）",
    "Indus-",
    "trial",
    "A1 要闻",
    "第3版",
    "晋中日报",
    "2025年11月18日",
    "11月17日",
    "星期二",
    "责任编辑：王芳",
    "网友意见：",
    "李明",
    "湿地公园",
    "#",
    "<!--",
    "&#35;",
    "![](x.jpg)",
    "- ",
    "1. ",
]
CHARACTERS = st.characters(exclude_categories=("Cc", "Cs")) | st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF)
LINE = st.lists(st.sampled_from(PIECES) | st.text(CHARACTERS, max_size=8), max_size=8).map("".join)
PAGE = st.lists(st.tuples(LINE, st.sampled_from(["\n", "\n\n", "\r\n", "　　", "\f"])), max_size=14).map(
    lambda parts: "".join(line + end for line, end in parts)
)
SAVED = st.one_of(
    st.tuples(PAGE, st.sampled_from(["utf-8", "utf-8-sig", "gb18030", "big5", "utf-16", "utf-16-le"])),
    st.tuples(st.binary(max_size=120) | st.text(max_size=30), st.just("utf-8")),
)


def _encoded(page: str, encoding: str) -> bytes | None:
    try:
        return page.encode(encoding)
    except UnicodeEncodeError:
        return None


@pytest.fixture(scope="module")
def any_text_docs(tmp_path_factory) -> Path:
    docs = tmp_path_factory.mktemp("any-text") / "docs"
    shutil.copytree(PROJECT / "tests" / "fixtures" / "docs", docs)
    return docs


@given(saved=SAVED)
@example(saved=("。\n————\n", "utf-8"))  # a dash line and no headline once sent the title search round in circles
@settings(max_examples=300, deadline=None, derandomize=True, database=None)
def test_any_text_imports_with_nothing_lost_or_fails_clearly(any_text_docs: Path, saved):
    """Every character of the page is in the Chinese story file or in the report (whitespace
    aside), or the import stops with one line in both languages that names the file or line."""
    page, encoding = saved
    raw = page if isinstance(page, bytes) else _encoded(page, encoding)  # any bytes, any control character
    assume(raw is not None)
    source = any_text_docs.parent / "page.txt"
    source.write_bytes(raw)
    try:
        report = importer.import_story(source, "anything", any_text_docs, force=True)
    except importer.ImportProblem as problem:
        message = str(problem)
        assert len(message.splitlines()) == 1 and ("page.txt" in message or "line " in message), message
        assert re.search("[\u4e00-\u9fff]", message) and re.search("[a-z]{4}", message), message
        return
    text, _ = importer.decode(raw)
    written = html.unescape((any_text_docs / "stories" / "anything" / "index.zh.md").read_text(encoding="utf-8"))
    missing = Counter(char for char in text if not char.isspace()) - Counter(written + report)
    assert not missing, (missing, report)
