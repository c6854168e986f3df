"""The Traditional Chinese edition (繁體): converted from the Chinese at build time, at zh-Hant/,
with its own language attributes, feed, sitemap entries, search bundle and language switch."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import urljoin

import pytest
from bs4 import BeautifulSoup
from conftest import FIRST_STORY, FIXTURE_DOCS, build, make_project, page, run_stories
from devtools.browser import SiteServer, header_search, launch_chromium
from playwright.sync_api import sync_playwright

HANT = "zh-Hant/"
RIVER, BIRDS = "stories/river-cleanup/", "stories/wetland-birds/"
ATOM = "{http://www.w3.org/2005/Atom}"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML = "{http://www.w3.org/1999/xhtml}"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"

# every kind of page of the edition, with the words of it that must be in Traditional characters
EDITION_PAGES = {
    "": "測試系列",  # the home page lists the series
    "about/": "關於",
    RIVER: "河道清淤見成效",
    BIRDS: "溼地迎來候鳥",  # Taiwan standard (s2twp): 溼, not 濕
    RIVER + "bilingual/": "河道清淤見成效",
}


def test_the_first_story_reads_in_traditional_characters(real_site: Path):
    story = page(real_site, f"{HANT}stories/{FIRST_STORY}/")
    assert story.select_one("h1").get_text(strip=True) == "繪就綠水青山新畫卷"
    text = story.select_one("article, main").get_text()
    for name in ("晉中", "祁縣", "左權縣"):
        assert name in text, name
    for simplified in ("晋中", "祁县", "左权县"):
        assert simplified not in text, simplified


@pytest.mark.parametrize("url", list(EDITION_PAGES))
def test_every_kind_of_page_has_its_traditional_edition(fixture_site: Path, url: str):
    edition = page(fixture_site, HANT + url)
    assert edition.html["lang"] == "zh-Hant"
    assert edition.select_one('meta[property="og:locale"]')["content"] == "zh_TW"
    assert EDITION_PAGES[url] in edition.get_text()
    assert edition.select_one("title").get_text().endswith("晉中專題報道")  # the site's name too


def test_the_edition_names_contributors_and_series_in_traditional_characters(fixture_site: Path):
    story = page(fixture_site, HANT + RIVER)
    assert "記者" in story.select_one(".nr-byline, .nr-meta").get_text()  # the contributors' titles
    assert "测试系列" not in story.get_text() and "測試系列" in story.get_text()


def test_the_404_page_of_the_edition(fixture_site: Path):
    missing = BeautifulSoup((fixture_site / HANT / "404.html").read_text(encoding="utf-8"), "lxml")
    assert missing.html["lang"] == "zh-Hant"
    assert "頁面不存在" in missing.get_text()
    switch = [(link.get_text(), link["href"]) for link in missing.select(".nr-languages__link")]
    assert switch == [("简体", "/"), ("繁體", "/zh-Hant/"), ("English", "/en/")]


def _switch(site: Path, url: str) -> list[tuple[str, str]]:
    """The masthead's language switch of a page: (name, where it leads from the site's root)."""
    links = page(site, url).select(".nr-masthead .nr-languages__link")
    return [(link.get_text(strip=True), urljoin("/" + url, link["href"]).lstrip("/")) for link in links]


@pytest.mark.parametrize("url", ["", "about/", RIVER])
@pytest.mark.parametrize("home", ["", HANT, "en/"])
def test_the_language_switch_reaches_the_same_page_in_the_three_editions(fixture_site: Path, home: str, url: str):
    assert _switch(fixture_site, home + url) == [
        ("简体", url),
        ("繁體", HANT + url),
        ("English", "en/" + url),
    ]


def test_the_bilingual_view_pairs_the_english_with_the_edition(fixture_site: Path):
    story = page(fixture_site, HANT + RIVER)
    view_link = story.select_one(".nr-bilingual-link a")
    assert urljoin("/" + HANT + RIVER, view_link["href"]) == "/" + HANT + RIVER + "bilingual/"
    view = page(fixture_site, HANT + RIVER + "bilingual/")
    assert view.html["lang"] == "zh-Hant"
    assert "中英對照" in view.select_one(".nr-bilingual-label").get_text()
    assert view.select_one("[lang=en]") is not None
    # the masthead leads to the edition's own pages
    about = [a["href"] for a in view.select(".nr-masthead a") if a.get_text() == "關於本站"]
    assert [urljoin("/" + HANT + RIVER + "bilingual/", href) for href in about] == ["/zh-Hant/about/"]


def test_the_edition_has_its_own_feed(fixture_site: Path):
    feed = ET.parse(fixture_site / HANT / "feed.xml").getroot()
    assert feed.get(XML_LANG) == "zh-Hant"
    entries = {entry.find(f"{ATOM}title").text: entry.find(f"{ATOM}link").get("href") for entry in feed.iter(f"{ATOM}entry")}
    assert entries == {
        "河道清淤見成效": "https://example.org/zh-Hant/stories/river-cleanup/",
        "溼地迎來候鳥": "https://example.org/zh-Hant/stories/wetland-birds/",
    }


def test_the_sitemaps_list_the_edition_as_an_alternate_of_each_page(fixture_site: Path):
    urlset = ET.parse(fixture_site / "sitemap.xml").getroot()
    alternates = {
        url.find(f"{SITEMAP}loc").text: {link.get("hreflang"): link.get("href") for link in url.iter(f"{XHTML}link")}
        for url in urlset.iter(f"{SITEMAP}url")
    }
    river = alternates["https://example.org/stories/river-cleanup/"]
    assert river["zh-Hant"] == "https://example.org/zh-Hant/stories/river-cleanup/"
    assert alternates["https://example.org/zh-Hant/stories/river-cleanup/"] == river  # reciprocal
    assert alternates["https://example.org/zh-Hant/about/"]["zh-Hans"] == "https://example.org/about/"
    own = ET.parse(fixture_site / HANT / "sitemap.xml").getroot()
    listed = [url.find(f"{SITEMAP}loc").text for url in own.iter(f"{SITEMAP}url")]
    assert listed and all(loc.startswith("https://example.org/zh-Hant/") for loc in listed)


def test_the_edition_has_its_own_search_bundle(fixture_site: Path):
    assert (fixture_site / HANT / "pagefind" / "pagefind.js").is_file()
    box = page(fixture_site, HANT + RIVER).select_one("[data-nr-search]")
    assert urljoin("/" + HANT + RIVER, box["data-pagefind"]) == "/zh-Hant/pagefind/pagefind.js"
    assert box["data-text-hint"] == "輸入關鍵詞開始搜索"


def _with_names(docs: Path) -> None:
    """A photographer 于晓明, whom OpenCC would make 於曉明, kept as 于曉明 by the glossary; and a
    glossary form for a name no story has."""
    with (docs / "_data" / "contributors.yml").open("a", encoding="utf-8") as records:
        records.write("yu-xiaoming:\n  name: {zh: 于晓明, en: Yu Xiaoming}\n  title: {zh: 摄影记者, en: Photographer}\n")
    with (docs / "_data" / "glossary.yml").open("a", encoding="utf-8") as terms:
        terms.write("于晓明:\n  en: Yu Xiaoming\n  zh-Hant: 于曉明\n范仲淹:\n  en: Fan Zhongyan\n  zh-Hant: 范仲淹\n")
    for name, photographer in (("index.zh.md", "于晓明"), ("index.en.md", "Yu Xiaoming")):
        story = docs / BIRDS / name
        text = story.read_text(encoding="utf-8")
        story.write_text(text.replace("byline:\n", f"byline:\n  photos: [{photographer}]\n", 1), encoding="utf-8")
    about = docs / "about.zh.md"
    about.write_text(about.read_text(encoding="utf-8") + "\n本站图片编辑于晓明。\n", encoding="utf-8")


def test_the_glossary_keeps_names_that_opencc_gets_wrong(fixture_docs: Path, tmp_path: Path):
    _with_names(fixture_docs)
    project = make_project(tmp_path / "project", fixture_docs)
    built = build(project)
    assert built.returncode == 0, built.stderr
    for url in (BIRDS, "about/"):
        text = page(project / "site", HANT + url).get_text()
        assert "于曉明" in text, url
        assert "於曉明" not in text, url
    assert "曉" in page(project / "site", HANT + "about/").get_text()  # the rest of the name is converted


def test_the_check_reports_a_glossary_form_that_keeps_nothing(fixture_docs: Path):
    _with_names(fixture_docs)
    result = run_stories("check", docs=fixture_docs)
    glossary_lines = (fixture_docs / "_data" / "glossary.yml").read_text(encoding="utf-8").split("\n")
    line = glossary_lines.index("范仲淹:") + 1
    assert f"glossary.yml:{line}: warning: the 繁體 form 范仲淹 of 范仲淹 is never used" in result.stdout
    assert "[unused-traditional-form]" in result.stdout
    assert "of 于晓明 is never used" not in result.stdout  # a story and the About page have that one
    assert "Traceback" not in result.stderr


def test_an_edition_that_i18n_builds_but_the_plugin_does_not_convert_stops_the_build(tmp_path: Path):
    project = make_project(tmp_path / "project", FIXTURE_DOCS)
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("      enabled: true\n", "      enabled: false\n"), encoding="utf-8")
    built = build(project)
    assert built.returncode == 1
    line = config.read_text(encoding="utf-8").split("\n").index("      - locale: zh-Hant") + 1
    assert (
        f"mkdocs.yml:{line}: error: i18n builds `zh-Hant`, but plugins → newsroom → traditional is not enabled"
        in built.stdout + built.stderr
    )
    assert "Traceback" not in built.stderr


@pytest.mark.browser
@pytest.mark.parametrize("query", ["湿地", "濕地", "溼地", "候鸟"])
def test_search_in_the_edition_finds_a_story_whichever_script_the_reader_types(fixture_site: Path, query: str):
    with SiteServer(fixture_site) as server, sync_playwright() as playwright:
        browser = launch_chromium(playwright)
        try:
            reader = browser.new_context().new_page()
            errors: list[str] = []
            reader.on("pageerror", lambda error: errors.append(str(error)))
            reader.goto(server.url + HANT)
            answer = header_search(reader, query)
        finally:
            browser.close()
    assert f"/{HANT}{BIRDS}" in answer.links, answer
    assert all(link.startswith(f"/{HANT}") for link in answer.links), answer.links
    assert errors == []


def test_the_hong_kong_standard_gives_the_edition_hong_kong_s_locale(tmp_path: Path):
    project = make_project(tmp_path / "project", FIXTURE_DOCS)
    config = project / "mkdocs.yml"
    assert "conversion: s2twp" in config.read_text(encoding="utf-8")
    config.write_text(config.read_text(encoding="utf-8").replace("conversion: s2twp", "conversion: s2hk"), encoding="utf-8")
    built = build(project)
    assert built.returncode == 0, built.stderr
    edition = page(project / "site", HANT + RIVER)
    assert edition.select_one('meta[property="og:locale"]')["content"] == "zh_HK"
    chinese = page(project / "site", RIVER)
    alternates = {meta["content"] for meta in chinese.select('meta[property="og:locale:alternate"]')}
    assert "zh_HK" in alternates and "zh_TW" not in alternates
