"""Search in the browser: the header's box finds stories in the page's language only, and a
page downloads nothing of the search index until the reader types."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import FIRST_STORY
from devtools.browser import SiteServer, header_search, launch_chromium
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

    def open(self, url: str):
        # launched here, not in a fixture, so that a missing Chromium fails the test itself
        self._browser = self._browser or launch_chromium(self._playwright)
        page = self._browser.new_context().new_page()
        page.on("pageerror", lambda error: self.errors.append(str(error)))
        page.goto(self.server.url + url)
        page.wait_for_load_state("networkidle")
        self.server.wait_until_quiet()
        return page

    def close(self) -> None:
        if self._browser:
            self._browser.close()


@pytest.fixture(scope="module")
def reader(real_site: Path):
    with SiteServer(real_site) as server, sync_playwright() as playwright:
        reader = Reader(server, playwright)
        yield reader
        reader.close()


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
