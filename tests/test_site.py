"""The built site: languages, the first story, bylines, credits, language links, series order."""

from __future__ import annotations

import re
from pathlib import Path

from bs4 import BeautifulSoup
from conftest import FIRST_STORY, PROJECT, RAW_STORY, page
from newsroom.render.placeholder import is_placeholder
from PIL import Image

STORY_ZH = f"stories/{FIRST_STORY}/"
STORY_EN = f"en/stories/{FIRST_STORY}/"
# Lines of the newspaper page that are its title block, not story text: they live in the
# front matter and the series record and are printed in their own places.
TITLE_BLOCK = {
    "凝心聚力谋新篇 奋楫扬帆启新程",
    "——深入贯彻落实市委五届十一次全会精神",
    "——深入贯彻落实市委五届十一次全会精神建设山青水秀美丽晋中",
    "绘就绿水青山新画卷",
    "文 / 记者 张凯鹏 图 / 记者 程婧",
    "祁县昌源河国家湿地公园",
}


def squeezed(text: str) -> str:
    return re.sub(r"\s+", "", text)


def test_home_pages_have_their_language(real_site: Path):
    assert page(real_site, "").html["lang"] == "zh"
    assert page(real_site, "en/").html["lang"] == "en"


def test_story_exists_in_both_languages_with_title_and_byline(real_site: Path):
    zh, en = page(real_site, STORY_ZH), page(real_site, STORY_EN)
    assert zh.html["lang"] == "zh" and en.html["lang"] == "en"
    assert zh.select_one("h1.nr-title").get_text(strip=True) == "绘就绿水青山新画卷"
    assert (
        en.select_one("h1.nr-title").get_text(strip=True) == "Painting a New Picture of Lucid Waters and Lush Mountains"
    )
    zh_byline = zh.select_one(".nr-byline").get_text(" ", strip=True)
    en_byline = en.select_one(".nr-byline").get_text(" ", strip=True)
    assert "文" in zh_byline and "记者 张凯鹏" in zh_byline and "图" in zh_byline and "记者 程婧" in zh_byline
    assert (
        "Text by Zhang Kaipeng" in en_byline
        and "Photos by Cheng Jing" in en_byline
        and "Translated by the Translation Desk" in en_byline
    )
    assert "Zhang" not in zh_byline and "张" not in en_byline


def test_a_lead_photo_still_to_come_shows_its_caption_and_credits_nobody(real_site: Path):
    # the first story's lead photo is a labelled placeholder until the original arrives
    with Image.open(PROJECT / "docs" / "stories" / FIRST_STORY / "images" / "changyuan-wetland.png") as lead:
        assert is_placeholder(lead)
    zh, en = page(real_site, STORY_ZH), page(real_site, STORY_EN)
    for soup, caption in (
        (zh, "祁县昌源河国家湿地公园"),
        (en, "Changyuan River National Wetland Park in Qi County"),
    ):
        lead = soup.select_one("figure.nr-photo--lead")
        assert lead.select_one(".nr-photo__to-come").get_text(" ", strip=True) == "照片待补 · Photo to come"
        assert lead.select_one("figcaption").get_text(strip=True) == caption
        assert lead.select_one("img") is None and lead.select_one(".nr-photo__credit") is None
        assert "程婧" not in lead.get_text() and "Cheng Jing" not in lead.get_text()


def test_lead_photo_has_caption_and_visible_credit_in_page_language(fixture_site: Path):
    for url, credit in (("stories/river-cleanup/", "摄影："), ("en/stories/river-cleanup/", "Photo: ")):
        lead = page(fixture_site, url).select_one("figure.nr-photo--lead")
        assert lead.select_one(".nr-photo__caption").get_text(strip=True)
        assert lead.select_one(".nr-photo__credit").get_text().startswith(credit)
        image = lead.select_one("img")
        assert image["alt"] and image["width"] and image["height"] and image["fetchpriority"] == "high"
        assert (fixture_site / url / image["src"]).resolve().is_file(), image["src"]


def test_every_paragraph_of_the_newspaper_text_is_on_the_chinese_page(real_site: Path):
    body = squeezed(page(real_site, STORY_ZH).select_one(".nr-body").get_text())
    lines = [line.strip() for line in RAW_STORY.read_text(encoding="utf-8").splitlines() if line.strip()]
    story_lines = [line for line in lines if line not in TITLE_BLOCK]
    assert len(story_lines) == 12  # nine paragraphs, three of them cut in two by page breaks
    for line in story_lines:
        assert squeezed(line) in body, line[:20]
    for repaired in ("打造等工程，着力构建", "运用数字孪生", "晋中市生态环境局榆社分局"):
        assert repaired in body


def test_chinese_text_has_no_stray_spaces_and_readable_anchors(real_site: Path, fixture_site: Path):
    story = page(real_site, STORY_ZH)
    assert [h["id"] for h in story.select(".nr-body h2")] == ["晋中市", "祁县", "左权县", "和顺县", "榆社县", "介休市"]
    # the fixture story wraps a Chinese paragraph over two lines
    text = page(fixture_site, "stories/river-cleanup/").select_one(".nr-body p").get_text()
    assert "三万立方米，并在两岸" in text


def test_language_links_land_on_the_same_story(real_site: Path):
    zh, en = page(real_site, STORY_ZH), page(real_site, STORY_EN)
    assert (real_site / STORY_ZH / zh.select_one(".nr-other-language a")["href"]).resolve() == (
        real_site / STORY_EN
    ).resolve()
    assert (real_site / STORY_EN / en.select_one(".nr-other-language a")["href"]).resolve() == (
        real_site / STORY_ZH
    ).resolve()
    switch = {a["hreflang"]: a["href"] for a in zh.select(".nr-masthead a.nr-languages__link")}
    assert (real_site / STORY_ZH / switch["en"]).resolve() == (real_site / STORY_EN).resolve()
    switch = {a["hreflang"]: a["href"] for a in en.select(".nr-masthead a.nr-languages__link")}
    assert (real_site / STORY_EN / switch["zh"]).resolve() == (real_site / STORY_ZH).resolve()


def test_series_page_lists_stories_newest_first_with_summary_and_thumbnail(fixture_site: Path):
    for url, titles in (
        ("", ["河道清淤见成效", "湿地迎来候鸟"]),
        ("en/", ["River Dredging Pays Off", "Migratory Birds Return to the Wetland"]),
    ):
        home = page(fixture_site, url)
        cards = home.select(".nr-story-card")
        assert [c.select_one(".nr-story-card__title").get_text(strip=True) for c in cards] == titles
        assert cards[0].select_one(".nr-story-card__summary").get_text(strip=True)
        assert cards[0].select_one(".nr-story-card__date time")["datetime"] == "2026-03-15"
        assert re.search(r"images/river-[0-9a-f]{8}-\d+\.webp$", cards[0].select_one("img")["src"])  # the lead photo
        assert cards[1].select_one("img") is None  # a story without photos has no thumbnail


def test_previous_and_next_follow_the_series_order(fixture_site: Path):
    newer, older = page(fixture_site, "stories/river-cleanup/"), page(fixture_site, "stories/wetland-birds/")
    assert newer.select_one("a[rel=prev]").get_text(" ", strip=True) == "上一篇 湿地迎来候鸟"
    assert newer.select_one(".nr-series-nav a[rel=next]") is None
    assert older.select_one(".nr-series-nav a[rel=next]").get_text(" ", strip=True) == "下一篇 河道清淤见成效"


def test_in_text_photo_is_a_figure_with_caption_and_credit(fixture_site: Path):
    figures = page(fixture_site, "en/stories/river-cleanup/").select(".nr-body figure.nr-photo")
    assert len(figures) == 1
    assert (
        figures[0].select_one("figcaption").get_text(" ", strip=True)
        == "Residents walking by the river in the evening Photo: Wang Fang"
    )
    assert figures[0].select_one("img")["alt"] == "Several residents walking along the river"


def test_no_page_has_a_navigation_drawer_sidebar_or_table_of_contents(real_site: Path):
    for path in real_site.rglob("*.html"):
        if "pagefind" in path.parts:
            continue
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "lxml")
        assert soup.select(".md-sidebar, .md-nav, [data-md-toggle], label[for='__drawer']") == [], path
        assert soup.select(".nr-masthead .nr-sections a"), path


def test_nothing_is_loaded_from_another_host(real_site: Path):
    own = "https://example.org/"
    loaded = re.compile(r"""(?:src|href)\s*=\s*["']((?:https?:)?//[^"']+)|url\(\s*["']?((?:https?:)?//[^"')]+)""")
    for path in real_site.rglob("*"):
        if path.suffix not in {".html", ".css", ".js", ".xml"}:
            continue
        for match in loaded.finditer(path.read_text(encoding="utf-8", errors="replace")):
            address = match.group(1) or match.group(2)
            assert (
                address.startswith(own)
                or address.startswith("http://www.w3.org/")
                or address.startswith("http://www.sitemaps.org/")
            ), f"{path}: {address}"


def test_skip_link_goes_to_the_headline(real_site: Path):
    story = page(real_site, STORY_ZH)
    assert story.select_one("a.nr-skip")["href"] == "#story" and story.select_one("#story h1.nr-title")
