"""The reader's side in headless Chromium: the header's language switch by mouse, touch and
keyboard; the bilingual view on a phone and a wide screen, with and without JavaScript; nothing
fetched from another host; no sideways scrolling on a small phone; no axe-core violations."""

from __future__ import annotations

import base64
import functools
import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from conftest import FIRST_STORY, PROJECT, page
from newsroom.browser import Served, SiteServer, launch_chromium
from playwright.sync_api import BrowserContext, Page, sync_playwright
from playwright.sync_api import TimeoutError as PlaywrightTimeout

pytestmark = pytest.mark.browser

HOMES = {"zh": "", "en": "en/"}
STORIES = {"zh": f"stories/{FIRST_STORY}/", "en": f"en/stories/{FIRST_STORY}/"}
BILINGUAL = f"stories/{FIRST_STORY}/bilingual/"  # one view for both languages
READER_PAGES = [*HOMES.values(), *STORIES.values(), BILINGUAL]
EVERY_KIND_OF_PAGE = [*READER_PAGES, "about/", "en/about/", "404.html", "en/404.html"]

PHONE = {"viewport": {"width": 412, "height": 915}, "is_mobile": True, "has_touch": True}
SMALL_PHONE = {"viewport": {"width": 360, "height": 780}, "is_mobile": True, "has_touch": True}
DESKTOP = {"viewport": {"width": 1366, "height": 768}}

# vendored, see tests/vendor/axe-core/README.md; the hash is the release's, from its sri-history.json
AXE_SCRIPT = PROJECT / "tests" / "vendor" / "axe-core" / "axe.min.js"
AXE_VERSION = "4.14.1"
AXE_SRI = "sha256-KTSJmUUM3yhJqOcLeRL8LahahJ2jnA0NU5T1HUqe2Vw="

LANGUAGE_BUTTON = ".md-header .md-select > button"
LANGUAGE_MENU_OPEN = "() => getComputedStyle(document.querySelector('.md-select__inner')).opacity === '1'"

# where each half of every pair of the bilingual view is drawn, in page coordinates
PAIRS = """() => [...document.querySelectorAll("section.nr-pair")].map((pair) => {
  const box = (element) => {
    const rect = element.getBoundingClientRect();
    return {top: rect.top + scrollY, bottom: rect.bottom + scrollY, left: rect.left, right: rect.right};
  };
  const zh = pair.querySelector(".nr-pair__zh"), en = pair.querySelector(".nr-pair__en");
  return {
    id: pair.id,
    anchor: pair.querySelector("a.nr-pair__anchor")?.getAttribute("href"),
    zh: {...box(zh), text: zh.textContent}, en: {...box(en), text: en.textContent},
  };
})"""


@dataclass
class Visit:
    """A page opened in a new tab, with everything it asked for."""

    page: Page
    first_served: int  # the site server's count of responses before the page was opened
    requested: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)  # console errors and uncaught exceptions


class Reader:
    """Readers opening the served site in one headless Chromium, each page in a new tab.

    Tabs for the same device share a browser context, and so its cache, unless a fresh context is
    asked for: what a page downloads can only be seen in a context that has loaded nothing yet.
    """

    def __init__(self, server: SiteServer, playwright):
        self.server = server
        self._playwright = playwright
        self._browser = None
        self._shared: dict[tuple, BrowserContext] = {}
        self._tabs: list[Page] = []
        self._fresh: list[BrowserContext] = []

    def open(
        self,
        url: str,
        device: dict = PHONE,
        *,
        javascript: bool = True,
        axe: bool = False,
        fresh: bool = False,
        wait_until: str = "load",
    ) -> Visit:
        if fresh:
            context = self._new_context(device, javascript, axe)
            self._fresh.append(context)
        else:
            key = (repr(device), javascript, axe)
            if key not in self._shared:
                self._shared[key] = self._new_context(device, javascript, axe)
            context = self._shared[key]
        visit = Visit(context.new_page(), self.server.mark())
        self._tabs.append(visit.page)
        visit.page.on("request", lambda request: visit.requested.append(request.url))
        visit.page.on("console", lambda message: _record_console_error(visit, message))
        visit.page.on("pageerror", lambda error: visit.errors.append(str(error)))
        visit.page.goto(self.server.url + url, wait_until=wait_until)
        return visit

    def _new_context(self, device: dict, javascript: bool, axe: bool) -> BrowserContext:
        # launched here, not in a fixture, so that a missing Chromium fails the test itself
        self._browser = self._browser or launch_chromium(self._playwright)
        context = self._browser.new_context(**device, java_script_enabled=javascript)
        if axe:
            # given to each page through the DevTools protocol, which the pages'
            # Content-Security-Policy does not govern, and sent to the browser once, not per page
            context.add_init_script(script=axe_source())
        return context

    def served_since(self, visit: Visit) -> list[Served]:
        return self.server.since(visit.first_served)

    def close_tabs(self) -> None:
        for tab in self._tabs:
            tab.close()
        for context in self._fresh:
            context.close()
        self._tabs.clear()
        self._fresh.clear()

    def close(self) -> None:
        self.close_tabs()
        if self._browser:
            self._browser.close()


@functools.cache
def axe_source() -> str:
    script = AXE_SCRIPT.read_bytes()
    digest = "sha256-" + base64.b64encode(hashlib.sha256(script).digest()).decode("ascii")
    assert digest == AXE_SRI, f"{AXE_SCRIPT} is not axe-core {AXE_VERSION} as released"
    return script.decode("utf-8")


def _record_console_error(visit: Visit, message) -> None:
    if message.type == "error":
        visit.errors.append(message.text)


@pytest.fixture(scope="module")
def readers(real_site: Path):
    with SiteServer(real_site) as server, sync_playwright() as playwright:
        readers = Reader(server, playwright)
        yield readers
        readers.close()


@pytest.fixture
def reader(readers: Reader):
    yield readers
    readers.close_tabs()


def press_tab_until_focused(page: Page, selector: str, presses: int = 20) -> None:
    """Move the focus with Tab, as a keyboard user does, until it reaches `selector`."""
    for _ in range(presses):
        page.keyboard.press("Tab")
        if page.evaluate("(selector) => document.activeElement.matches(selector)", selector):
            return
    raise AssertionError(f"{presses} presses of Tab never reached {selector}")


def assert_language_menu_is_open(page: Page) -> None:
    try:
        page.wait_for_function(LANGUAGE_MENU_OPEN, timeout=5_000)
    except PlaywrightTimeout:
        raise AssertionError("the header's language menu did not open") from None


def without_spaces(text: str) -> str:
    return re.sub(r"\s+", "", text)


@pytest.mark.parametrize("method", ["mouse", "touch", "keyboard"])
@pytest.mark.parametrize(("start", "goal"), [("zh", "en"), ("en", "zh")])
def test_language_switch_lands_on_the_same_story(reader: Reader, real_site: Path, method: str, start: str, goal: str):
    visit = reader.open(STORIES[start], PHONE if method == "touch" else DESKTOP)
    target = f"a.md-select__link[hreflang={goal}]"
    if method == "mouse":
        visit.page.hover(LANGUAGE_BUTTON)
        assert_language_menu_is_open(visit.page)
        visit.page.click(target)
    elif method == "touch":
        visit.page.tap(LANGUAGE_BUTTON)
        assert_language_menu_is_open(visit.page)
        visit.page.tap(target)
    else:
        press_tab_until_focused(visit.page, LANGUAGE_BUTTON)
        assert_language_menu_is_open(visit.page)  # focus alone opens it
        press_tab_until_focused(visit.page, target)
        assert_language_menu_is_open(visit.page)  # and it stays open while a link has focus
        visit.page.keyboard.press("Enter")

    visit.page.wait_for_url(reader.server.url + STORIES[goal])
    assert visit.page.get_attribute("html", "lang") == goal
    title = page(real_site, STORIES[goal]).select_one("h1.nr-title").get_text(strip=True)
    assert visit.page.inner_text("h1.nr-title").strip() == title
    assert visit.errors == []


@pytest.mark.parametrize("javascript", [True, False], ids=["javascript", "no-javascript"])
@pytest.mark.parametrize(
    ("device", "layout"), [(PHONE, "stacked"), (DESKTOP, "side by side")], ids=["phone", "desktop"]
)
def test_bilingual_view_pairs_each_chinese_paragraph_with_its_english(
    reader: Reader, real_site: Path, device: dict, layout: str, javascript: bool
):
    pairs = reader.open(BILINGUAL, device, javascript=javascript).page.evaluate(PAIRS)

    chinese = [without_spaces(p.get_text()) for p in page(real_site, STORIES["zh"]).select(".nr-body > p")]
    english = [without_spaces(p.get_text()) for p in page(real_site, STORIES["en"]).select(".nr-body > p")]
    assert [without_spaces(pair["zh"]["text"]) for pair in pairs] == chinese
    assert [without_spaces(pair["en"]["text"]) for pair in pairs] == english
    tops = [pair["zh"]["top"] for pair in pairs]
    assert tops == sorted(set(tops)), "the pairs are not drawn in reading order"
    for pair in pairs:
        zh, en = pair["zh"], pair["en"]
        assert zh["bottom"] > zh["top"] and en["bottom"] > en["top"], f"{pair['id']} is not shown"
        if layout == "stacked":
            assert en["top"] >= zh["bottom"] - 1, f"{pair['id']}: the English is not below the Chinese"
        else:
            assert en["left"] >= zh["right"], f"{pair['id']}: the English is not right of the Chinese"
            assert abs(en["top"] - zh["top"]) <= 4, f"{pair['id']}: the English does not start level with the Chinese"


def test_every_pair_has_an_anchor_that_opens_the_view_at_it(reader: Reader):
    pairs = reader.open(BILINGUAL).page.evaluate(PAIRS)
    ids = [pair["id"] for pair in pairs]
    assert all(ids) and len(set(ids)) == len(ids), ids
    assert [pair["anchor"] for pair in pairs] == [f"#{pair_id}" for pair_id in ids]

    middle = ids[len(ids) // 2]
    visit = reader.open(f"{BILINGUAL}#{middle}")
    header_bottom = visit.page.evaluate("document.querySelector('.md-header').getBoundingClientRect().bottom")
    top = visit.page.evaluate("(id) => document.getElementById(id).getBoundingClientRect().top", middle)
    assert header_bottom <= top < PHONE["viewport"]["height"] / 2, "the pair is hidden or far down the screen"


@pytest.mark.parametrize("url", READER_PAGES)
def test_a_page_loads_only_what_readers_need_and_only_from_the_site(reader: Reader, url: str):
    visit = reader.open(url, fresh=True, wait_until="networkidle")
    visit.page.evaluate("window.scrollTo(0, document.documentElement.scrollHeight)")  # lazy images too
    reader.server.wait_until_quiet()

    assert visit.requested, "the browser reported no requests"
    elsewhere = [address for address in visit.requested if urlsplit(address).hostname != "127.0.0.1"]
    assert elsewhere == [], "requests that would leave the site"
    served = reader.served_since(visit)
    assert [f"{file.path} {file.status}" for file in served if file.status >= 400] == []
    for_machines = [file.path for file in served if file.path.endswith(("sitemap.xml", "feed.xml", "robots.txt"))]
    assert for_machines == [], "a reader's page downloaded files meant for crawlers and feed readers"
    assert visit.errors == []


@pytest.mark.parametrize("url", EVERY_KIND_OF_PAGE)
def test_a_small_phone_never_scrolls_sideways(reader: Reader, url: str):
    visit = reader.open(url, SMALL_PHONE)
    assert visit.page.evaluate("document.documentElement.scrollWidth") <= SMALL_PHONE["viewport"]["width"]


def describe(violations: list[dict]) -> str:
    lines = []
    for violation in violations:
        lines.append(f"{violation['id']} ({violation['impact']}): {violation['help']} {violation['helpUrl']}")
        lines += [f"    {node['target']}: {node['failureSummary']}" for node in violation["nodes"]]
    return "\n".join(lines)


@pytest.mark.parametrize("url", EVERY_KIND_OF_PAGE)
def test_axe_finds_no_accessibility_violations_at_phone_or_desktop_width(reader: Reader, url: str):
    visit = reader.open(url, PHONE, axe=True)
    assert visit.page.evaluate("axe.version") == AXE_VERSION
    found = []
    for device in (PHONE, DESKTOP):  # one page, resized: the layout follows the width alone
        visit.page.set_viewport_size(device["viewport"])
        violations = visit.page.evaluate(
            "async () => (await axe.run(document, {resultTypes: ['violations']})).violations"
        )
        if violations:
            found.append(f"at {device['viewport']['width']} px: {describe(violations)}")
    assert found == [], "\n".join(found)
