"""Search in the browser: the header's box finds stories in the page's language only, and a
page downloads nothing of the search index until the reader types."""

from __future__ import annotations

import gzip
import json
import re
import shutil
from contextlib import contextmanager
from pathlib import Path

import pytest
from conftest import FIRST_STORY, page
from devtools.browser import SiteServer, header_search, launch_chromium
from newsroom.model.story import STORIES_DIR
from newsroom.render import search
from playwright.sync_api import sync_playwright

pytestmark = pytest.mark.browser

# files of the other language's index, by page language (the Chinese index has no stemming
# WebAssembly of its own and uses Pagefind's `unknown` one)
OTHER_LANGUAGE_FILES = {"zh": ("en_", "wasm.en."), "en": ("zh_", "wasm.unknown.")}


def search_files(served) -> list[str]:
    """Paths of Pagefind's files (of any language's bundle) among responses."""
    return [item.path for item in served if "/pagefind/" in item.path]


class Reader:
    """Someone opening the served site in a fresh headless Chromium profile."""

    def __init__(self, server: SiteServer, playwright):
        self.server = server
        self._playwright = playwright
        self._browser = None
        self.errors: list[str] = []

    def open(self, url: str, device: dict | None = None):
        # launched here, not in a fixture, so that a missing Chromium fails the test itself
        self._browser = self._browser or launch_chromium(self._playwright)
        page = self._browser.new_context(**(device or {})).new_page()
        page.on("pageerror", lambda error: self.errors.append(str(error)))
        page.goto(self.server.url + url)
        page.wait_for_load_state("networkidle")
        self.server.wait_until_quiet()
        return page

    def close(self) -> None:
        if self._browser:
            self._browser.close()


@pytest.fixture(scope="module")
def playwright():
    with sync_playwright() as running:
        yield running


@contextmanager
def reading(site: Path, playwright):
    """A reader of `site`, served while the `with` block runs."""
    with SiteServer(site) as server:
        reader = Reader(server, playwright)
        try:
            yield reader
        finally:
            reader.close()


@pytest.fixture(scope="module")
def reader(real_site: Path, playwright):
    with reading(real_site, playwright) as reader:
        yield reader


@pytest.mark.parametrize(
    ("home", "query"),
    [("", "昌源河"), ("", "数字孪生"), ("en/", "wetland"), ("en/", "restoring"), ("en/", "drones")],
)
def test_search_finds_the_story_in_the_page_language_only(reader: Reader, home: str, query: str):
    lang = "en" if home else "zh"
    start = reader.server.mark()
    page = reader.open(home)
    page.locator(".md-search__input").focus()
    assert search_files(reader.server.since(start)) == [], "search data was downloaded before the reader typed"

    answer = header_search(page, query)

    assert f"/{home}stories/{FIRST_STORY}/" in answer.links, answer
    if lang == "en":
        assert all(link.startswith("/en/") for link in answer.links), answer.links
    else:
        assert not any(link.startswith("/en/") for link in answer.links), answer.links
    fetched = search_files(reader.server.since(start))
    assert fetched, "the search did not load Pagefind"
    assert all(path.startswith(f"/{home}pagefind/") for path in fetched), fetched  # the page language's bundle
    assert not [path for path in fetched if any(part in path for part in OTHER_LANGUAGE_FILES[lang])], fetched
    everything = [served.path for served in reader.server.since(start)]
    assert not [path for path in everything if "search_index" in path or "/workers/search" in path], everything
    assert reader.errors == []


def test_the_search_box_speaks_the_page_language(reader: Reader):
    for home, placeholder, nothing in (
        ("", "搜索报道", "没有找到相关报道"),
        ("en/", "Search stories", "No matching stories"),
    ):
        page = reader.open(home)
        assert page.locator(".md-search__input").get_attribute("placeholder") == placeholder
        answer = header_search(page, "zzyzx")
        assert (answer.summary, answer.links) == (nothing, [])


def test_enter_opens_the_first_result(reader: Reader):
    page = reader.open("en/")
    answer = header_search(page, "wetland")
    page.locator(".md-search__input").press("Enter")
    page.wait_for_url(reader.server.url.rstrip("/") + answer.links[0])


# --- results as a news site lists them, on the fixture stories -----------------------------------

HAN = r"\u3400-\u4dbf\u4e00-\u9fff"
CJK_PUNCTUATION = r"\u3000-\u303f\uff00-\uffef“”‘’"
CUT = ("……", "…")  # where a quotation leaves text out, in each language
# each result as the reader sees it
RESULTS = """() => [...document.querySelectorAll("[data-nr-search] .md-search-result__item")].map((item) => ({
  href: item.querySelector("a").getAttribute("href"),
  kicker: item.querySelector(".nr-search-result__kicker")?.innerText.trim() ?? "",
  title: item.querySelector(".nr-search-result__title").innerText.trim(),
  excerpt: item.querySelector(".nr-search-result__excerpt").innerText.trim(),
  marks: [...item.querySelectorAll(".nr-search-result__excerpt mark")].map((mark) => mark.innerText),
  date: item.querySelector(".nr-search-result__date")?.innerText.trim() ?? "",
}))"""
PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True}
SLUGS = ("river-cleanup", "wetland-birds")  # the fixture stories
SMALLEST_TARGET = 44  # px a finger needs, as both platforms' guidelines have it


@pytest.fixture(scope="module")
def fixture_reader(fixture_site: Path, playwright):
    with reading(fixture_site, playwright) as reader:
        yield reader


def results_for(reader: Reader, home: str, query: str) -> list[dict]:
    page = reader.open(home)
    header_search(page, query)
    return page.evaluate(RESULTS)


def the_result(results: list[dict], home: str, slug: str) -> dict:
    found = [result for result in results if result["href"] == f"/{home}stories/{slug}/"]
    assert len(found) == 1, results
    return found[0]


def words(text: str) -> str:
    """The text's words and characters, without punctuation, spaces and cut marks, to compare."""
    return " ".join(re.findall(r"\w+", text.lower()))


@pytest.mark.parametrize(
    ("home", "query", "slug"),
    [
        ("", "清淤", "river-cleanup"),  # in the headline and the text
        ("", "居民", "river-cleanup"),  # in the deck, a subhead and the text
        ("", "候鸟", "wetland-birds"),
        ("en/", "dredging", "river-cleanup"),
        ("en/", "residents", "river-cleanup"),
        ("en/", "birds", "wetland-birds"),
    ],
)
def test_a_result_quotes_the_passage_that_matches_not_the_headline_and_deck(
    fixture_reader: Reader, fixture_site: Path, home: str, query: str, slug: str
):
    result = the_result(results_for(fixture_reader, home, query), home, slug)
    story = page(fixture_site, f"{home}stories/{slug}/")
    headline = story.select_one("h1.nr-title").get_text(strip=True)
    assert result["title"] == headline
    assert not words(result["excerpt"]).startswith(words(headline)), result
    for credit in story.select(".nr-photo__credit"):
        credit.decompose()  # not a word of the story, and not indexed
    quotable = " ".join(part.get_text(" ") for part in story.select("#nr-lead-photo figcaption, .nr-body"))
    assert words(result["excerpt"]) in words(quotable), result
    assert any(query in mark.lower() for mark in result["marks"]), result
    assert all(re.fullmatch(r"\w+", mark) for mark in result["marks"]), "a mark holds more than the word"


def test_a_match_in_the_lead_photo_caption_only_is_quoted_from_there(reader: Reader, real_site: Path):
    results = results_for(reader, "", "湿地")  # the first story has the word in its caption only
    result = the_result(results, "", FIRST_STORY)
    caption = page(real_site, f"stories/{FIRST_STORY}/").select_one("#nr-lead-photo .nr-photo__caption").get_text()
    assert "湿地" in caption and result["excerpt"].startswith(caption), result
    assert "湿地" in result["marks"], result


def test_a_chinese_query_is_quoted_and_marked_whole_not_by_its_characters(reader: Reader):
    # Pagefind also matches 县 alone, which the story's subheads 左权县, 和顺县 and 榆社县 hold
    result = the_result(results_for(reader, "", "祁县"), "", FIRST_STORY)
    assert result["marks"] and set(result["marks"]) == {"祁县"}, result


@pytest.mark.parametrize("query", ["居民", "测试", "河道", "湿地"])
def test_chinese_results_have_no_latin_joins_or_spaces(fixture_reader: Reader, query: str):
    results = results_for(fixture_reader, "", query)
    assert results
    for result in results:
        shown = "\n".join((result["kicker"], result["title"], result["excerpt"]))
        assert not re.search(rf"[{HAN}{CJK_PUNCTUATION}]\s*\.|\.\s*[{HAN}]", shown), result
        assert not re.search(rf"[{HAN}{CJK_PUNCTUATION}] +|  *[{HAN}{CJK_PUNCTUATION}]", shown), result
        assert "\u200b" not in shown


@pytest.mark.parametrize(("home", "query", "series"), [("", "测试", "系列报道"), ("en/", "test", "Series")])
def test_each_result_shows_its_series_kicker_and_date(
    fixture_reader: Reader, fixture_site: Path, home: str, query: str, series: str
):
    results = results_for(fixture_reader, home, query)
    assert {result["href"] for result in results} == {f"/{home}", *(f"/{home}stories/{slug}/" for slug in SLUGS)}
    for result in results:
        if result["href"] == f"/{home}":  # the series itself
            assert (result["kicker"], result["date"]) == (series, ""), result
            continue
        story = page(fixture_site, result["href"].lstrip("/"))
        expected = (
            story.select_one(".nr-kicker").get_text(strip=True),
            story.select_one(".nr-dateline time").get_text(strip=True),
        )
        assert (result["kicker"], result["date"]) == expected, result


def box(locator) -> dict:
    """Where an element is drawn in the viewport, and its size, in CSS pixels."""
    return locator.evaluate("(e) => e.getBoundingClientRect().toJSON()")


@pytest.mark.parametrize(("home", "query", "close"), [("", "测试", "关闭"), ("en/", "river", "Close")])
def test_results_are_usable_with_one_thumb_on_a_phone(fixture_reader: Reader, home: str, query: str, close: str):
    page = fixture_reader.open(home, PHONE)
    opener = page.locator("[data-nr-search-open]")
    drawn = box(opener)
    # the slim button takes a finger's worth of taps around it (no touch adjustment here)
    x, middle = drawn["left"] + drawn["width"] / 2, drawn["top"] + drawn["height"] / 2
    for y in (middle - SMALLEST_TARGET / 2 + 1, middle + SMALLEST_TARGET / 2 - 1):
        hit = "([x, y]) => document.elementFromPoint(x, y)?.closest('[data-nr-search-open]') !== null"
        assert page.evaluate(hit, [x, y]), f"a tap at {y:.0f} px misses the search button"
    opener.tap()
    field = page.locator(".md-search__input")
    assert field.is_visible() and field.evaluate("(e) => e === document.activeElement")
    answer = header_search(page, query)
    assert answer.links
    width, height = PHONE["viewport"]["width"], PHONE["viewport"]["height"]
    panel = box(page.locator(".md-search__inner"))
    assert panel["left"] >= 0 and panel["right"] <= width and panel["top"] >= 0 and panel["bottom"] <= height, panel
    assert page.evaluate("document.documentElement.scrollWidth") <= width, "the page scrolls sideways"
    output = page.locator(".md-search__output")
    assert output.evaluate("(e) => e.scrollWidth <= e.clientWidth"), "the results scroll sideways"
    links = page.locator(".md-search-result__link")
    for index in range(links.count()):
        target = box(links.nth(index))
        assert target["height"] >= SMALLEST_TARGET and target["width"] >= width * 0.9, target
    links.last.scroll_into_view_if_needed()
    assert box(links.last)["bottom"] <= height, "the last result cannot be scrolled into view"
    closing = page.locator("[data-nr-search-close]")
    assert closing.is_visible() and closing.inner_text().strip() == close
    for control in (closing, page.locator(".md-search__options [type=reset]")):
        target = box(control)
        assert target["width"] >= SMALLEST_TARGET and target["height"] >= SMALLEST_TARGET, target
    closing.tap()
    assert not field.is_visible()
    assert opener.get_attribute("aria-expanded") == "false" and opener.evaluate("(e) => e === document.activeElement")


# --- an index in shards, merged in the browser ----------------------------------------------------


@pytest.fixture(scope="module")
def sharded_site(fixture_site: Path, tmp_path_factory) -> Path:
    """The fixture site indexed two pages a shard: the series and river-cleanup in the first,
    wetland-birds in the second (the last)."""
    site = tmp_path_factory.mktemp("sharded") / "site"
    shutil.copytree(fixture_site, site)
    for home in (site, site / "en"):
        search.start_indexing(home, shard_pages=2).wait()
    return site


@pytest.fixture(scope="module")
def sharded_reader(sharded_site: Path, playwright):
    with reading(sharded_site, playwright) as reader:
        yield reader


@pytest.mark.parametrize(
    ("home", "query", "slug", "shard"),
    [
        ("", "清淤", "river-cleanup", "pagefind/"),
        ("", "候鸟", "wetland-birds", "pagefind/shards/1/"),
        ("en/", "dredging", "river-cleanup", "pagefind/"),
        ("en/", "birds", "wetland-birds", "pagefind/shards/1/"),
    ],
)
def test_a_search_finds_stories_in_the_first_and_the_last_shard(
    sharded_reader: Reader, sharded_site: Path, home: str, query: str, slug: str, shard: str
):
    assert json.loads((sharded_site / home / "pagefind" / "shards.json").read_text()) == ["shards/1/"]
    assert f"/{STORIES_DIR}/{slug}/" in fragment_urls(sharded_site / home / shard)
    start = sharded_reader.server.mark()
    result = the_result(results_for(sharded_reader, home, query), home, slug)
    story = page(sharded_site, f"{home}stories/{slug}/")
    assert result["title"] == story.select_one("h1.nr-title").get_text(strip=True)
    fetched = search_files(sharded_reader.server.since(start))
    assert [path for path in fetched if path.startswith(f"/{home}pagefind/shards/1/")], fetched
    assert sharded_reader.errors == []


def fragment_urls(bundle: Path) -> set[str]:
    """The addresses of the pages in one Pagefind bundle (not in bundles below it)."""
    fragments = (gzip.decompress(path.read_bytes()) for path in (bundle / "fragment").glob("*.pf_fragment"))
    return {json.loads(fragment.removeprefix(b"pagefind_dcd"))["url"] for fragment in fragments}


def test_results_of_every_shard_are_listed_together(sharded_reader: Reader, fixture_reader: Reader):
    for home, query in (("", "测试"), ("en/", "test")):
        merged = results_for(sharded_reader, home, query)
        whole = results_for(fixture_reader, home, query)
        assert sorted(result["href"] for result in merged) == sorted(result["href"] for result in whole)
        assert {result["href"] for result in merged} == {f"/{home}", *(f"/{home}stories/{slug}/" for slug in SLUGS)}
