"""The reader's side in headless Chromium: the masthead's language switch by mouse, touch and
keyboard, on every kind of page; the bilingual view on a phone and a wide screen, with and without
JavaScript; nothing fetched from another host; every kind of page at five widths from a small
phone to a wide desktop in both languages (no sideways scrolling, no headline that leaves one
character on its last line, About and the corrections policy a visible link away, no table of
contents or drawer); Chinese text as the newspaper set it; no axe-core violations."""

from __future__ import annotations

import base64
import functools
import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import yaml
from conftest import FIRST_STORY, PROJECT, page
from devtools.browser import Served, SiteServer, launch_chromium
from newsroom.render.placeholder import is_placeholder
from PIL import Image
from playwright.sync_api import BrowserContext, Page, sync_playwright

pytestmark = pytest.mark.browser

HOMES = {"zh": "", "en": "en/", "zh-Hant": "zh-Hant/"}
STORIES = {lang: f"{home}stories/{FIRST_STORY}/" for lang, home in HOMES.items()}
SWITCH_NAMES = {"zh": "简体", "zh-Hant": "繁體", "en": "English"}
BILINGUAL = f"stories/{FIRST_STORY}/bilingual/"  # the Chinese with the English
TRADITIONAL_BILINGUAL = f"zh-Hant/{BILINGUAL}"  # the 繁體 edition with the English
READER_PAGES = [*HOMES.values(), *STORIES.values(), BILINGUAL, TRADITIONAL_BILINGUAL]
PAGES = ("about/", "corrections/")
EVERY_KIND_OF_PAGE = [
    *READER_PAGES,
    *[home + name for name in PAGES for home in HOMES.values()],
    *[home + "404.html" for home in HOMES.values()],
]
CHINESE_PAGES = ["", STORIES["zh"], BILINGUAL, "about/", "corrections/", "404.html"]
# where each page's language switch leads: the same page, or story, in each language
SWITCH_TARGETS = {
    **{home: HOMES for home in HOMES.values()},
    **{story: STORIES for story in [*STORIES.values(), BILINGUAL, TRADITIONAL_BILINGUAL]},
    **{home + name: {lang: other + name for lang, other in HOMES.items()} for name in PAGES for home in HOMES.values()},
    **{home + "404.html": HOMES for home in HOMES.values()},
}
WIDTHS = [320, 390, 768, 1366, 1920]

PHONE = {"viewport": {"width": 412, "height": 915}, "is_mobile": True, "has_touch": True}
SMALL_PHONE = {"viewport": {"width": 360, "height": 780}, "is_mobile": True, "has_touch": True}
DESKTOP = {"viewport": {"width": 1366, "height": 768}}

# vendored, see tests/vendor/axe-core/README.md; the hash is the release's, from its sri-history.json
AXE_SCRIPT = PROJECT / "tests" / "vendor" / "axe-core" / "axe.min.js"
AXE_VERSION = "4.14.1"
AXE_SRI = "sha256-KTSJmUUM3yhJqOcLeRL8LahahJ2jnA0NU5T1HUqe2Vw="

LANGUAGE_LINK = ".nr-masthead a.nr-languages__link[hreflang={}]"

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


def without_spaces(text: str) -> str:
    return re.sub(r"\s+", "", text)


@pytest.mark.parametrize("method", ["mouse", "touch", "keyboard"])
@pytest.mark.parametrize(("start", "goal"), [("zh", "en"), ("en", "zh"), ("zh", "zh-Hant"), ("zh-Hant", "en")])
def test_language_switch_lands_on_the_same_story(reader: Reader, real_site: Path, method: str, start: str, goal: str):
    visit = reader.open(STORIES[start], PHONE if method == "touch" else DESKTOP)
    target = LANGUAGE_LINK.format(goal)
    assert visit.page.inner_text(target).strip() == SWITCH_NAMES[goal]
    if method == "mouse":
        visit.page.click(target)
    elif method == "touch":
        visit.page.tap(target)
    else:
        press_tab_until_focused(visit.page, target)
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
    top = visit.page.evaluate("(id) => document.getElementById(id).getBoundingClientRect().top", middle)
    assert -1 <= top < PHONE["viewport"]["height"] / 2, "the pair is hidden or far down the screen"


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
@pytest.mark.parametrize("goal", list(HOMES))
def test_the_language_switch_of_every_page_lands_on_the_same_page(reader: Reader, url: str, goal: str):
    visit = reader.open(url, PHONE)
    expected = SWITCH_TARGETS[url][goal]
    visit.page.tap(LANGUAGE_LINK.format(goal))
    visit.page.wait_for_url(reader.server.url + expected)
    assert visit.page.get_attribute("html", "lang") == goal
    assert visit.errors == []


# Every headline's lines, measured from the boxes of its characters (Range API): the characters
# of each line, per block of the headline (the bilingual view's English title is a block of its own)
HEADLINE_LINES = r"""() => [...document.querySelectorAll("h1, h2")].filter((h) => h.checkVisibility()).map((h) => {
  const blocks = new Map();
  const walker = document.createTreeWalker(h, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    let owner = node.parentElement;
    while (owner !== h && getComputedStyle(owner).display.startsWith("inline")) owner = owner.parentElement;
    if (!blocks.has(owner)) blocks.set(owner, []);
    const lines = blocks.get(owner);
    const text = node.textContent;
    for (let i = 0; i < text.length; i++) {
      if (/\s/.test(text[i])) continue;
      const range = document.createRange();
      range.setStart(node, i);
      range.setEnd(node, i + 1);
      const box = range.getBoundingClientRect();
      if (!box.width) continue;
      // a glyph's box may be taller than the line height: a character starts a new line when
      // its box starts more than half a box below the line's first character
      const line = lines[lines.length - 1];
      if (line && box.top - line.top <= Math.min(box.height, line.height) / 2) {
        line.text += text[i];
      } else {
        lines.push({text: text[i], top: box.top, height: box.height});
      }
    }
  }
  return {headline: h.textContent.trim(), blocks: [...blocks.values()].map((lines) => lines.map((l) => l.text))};
})"""

# links a reader can see: on the screen's width, not hidden, with a size
VISIBLE_LINKS = """() => [...document.querySelectorAll("a[href]")]
  .filter((a) => a.checkVisibility({visibilityProperty: true}) && a.getBoundingClientRect().width > 0)
  .map((a) => new URL(a.href).pathname)"""

DOCUMENTATION_CHROME = ".md-sidebar, .md-nav, .md-header, [data-md-toggle], nav.toc, #__drawer, #__toc"


def letters(text: str) -> str:
    """A line's characters that are not punctuation or symbols."""
    return re.sub(r"[\W_]", "", text)


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("url", EVERY_KIND_OF_PAGE)
def test_every_page_reads_well_at_every_width(reader: Reader, url: str, width: int):
    device = {"viewport": {"width": width, "height": 900}, "is_mobile": width < 800, "has_touch": width < 800}
    visit = reader.open(url, device)
    problems = []
    scroll_width = visit.page.evaluate("document.documentElement.scrollWidth")
    if scroll_width > width:
        problems.append(f"scrolls sideways: {scroll_width} px wide")
    for headline in visit.page.evaluate(HEADLINE_LINES):
        for lines in headline["blocks"]:
            if len(lines) > 1 and len(letters(lines[-1])) == 1:
                problems.append(f"headline {headline['headline']!r} ends on a line of one character: {lines}")
    home = next((home for home in HOMES.values() if home and url.startswith(home)), "")
    shown = visit.page.evaluate(VISIBLE_LINKS)
    for needed in (f"/{home}about/", f"/{home}corrections/"):
        if needed not in shown:
            problems.append(f"no visible link to {needed}")
    for code in SWITCH_NAMES:
        if not visit.page.locator(LANGUAGE_LINK.format(code)).is_visible():
            problems.append(f"the language switch to {code} is not visible")
    chrome = visit.page.evaluate(f"document.querySelectorAll({DOCUMENTATION_CHROME!r}).length")
    if chrome:
        problems.append(f"{chrome} elements of a documentation site's navigation (drawer, sidebar, contents)")
    if visit.page.get_by_text(re.compile(r"^(目录|Table of contents)$")).count():
        problems.append("a table of contents")
    assert problems == [], f"{url} at {width} px:\n" + "\n".join(problems)


def placeholder_stems(site: Path) -> set[str]:
    """The photos that are placeholders still, by file name without extension."""
    stems = set()
    for path in site.rglob("*.png"):
        with Image.open(path) as picture:
            if is_placeholder(picture):
                stems.add(path.stem)
    return stems


@pytest.mark.parametrize("url", EVERY_KIND_OF_PAGE)
def test_no_placeholder_is_shown_as_a_photo_or_credited_to_a_photographer(reader: Reader, real_site: Path, url: str):
    stems = placeholder_stems(real_site)
    assert stems, "the first story's lead photo is a placeholder: this test has nothing to look at"
    visit = reader.open(url, PHONE)
    sources = visit.page.evaluate("[...document.images].map((img) => new URL(img.currentSrc || img.src).pathname)")
    assert [src for src in sources if Path(src).name.split(".")[0] in stems] == []
    panels = visit.page.locator("figure.nr-photo--to-come")
    for index in range(panels.count()):
        panel = panels.nth(index)
        assert panel.locator(".nr-photo__to-come").inner_text().strip() == "照片待补 · Photo to come"
        assert panel.locator(".nr-photo__caption").first.inner_text().strip()
        assert panel.locator(".nr-photo__credit").count() == 0
        assert not re.search(r"摄影|Photo:|程婧|Cheng Jing", panel.inner_text())


HAN = r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]"
HAN_SPACE_HAN = re.compile(rf"({HAN})[ \u00a0]+({HAN})")


@functools.cache
def spaces_the_newspaper_sets() -> frozenset[tuple[str, str]]:
    """Pairs of Han characters with a space between them in the stories, pages and records."""
    sources = [*(PROJECT / "docs").rglob("*.zh.md"), *(PROJECT / "docs" / "_data").glob("*.yml")]
    pairs = {match.groups() for path in sources for match in HAN_SPACE_HAN.finditer(path.read_text(encoding="utf-8"))}
    # a byline sets a contributor's title before the name: 记者 张凯鹏
    pairs |= {(title[-1], name[0]) for title, name in contributor_titles_and_names()}
    return frozenset(pairs)


def contributor_titles_and_names() -> list[tuple[str, str]]:
    records = yaml.safe_load((PROJECT / "docs" / "_data" / "contributors.yml").read_text(encoding="utf-8"))
    return [(r["title"]["zh"], r["name"]["zh"]) for r in records.values() if r.get("title", {}).get("zh")]


@pytest.mark.parametrize("url", CHINESE_PAGES)
def test_chinese_text_has_no_stray_spaces_and_dates_are_set_as_the_newspaper_sets_them(reader: Reader, url: str):
    visit = reader.open(url, PHONE)
    text = visit.page.evaluate("document.body.innerText")
    allowed = spaces_the_newspaper_sets()
    stray = [match.group(0) for match in HAN_SPACE_HAN.finditer(text) if match.groups() not in allowed]
    assert stray == [], "spaces between Han characters that no source text sets"
    dates = re.findall(r"\d{4}\s*年\s*\d{1,2}\s*月", text)
    assert all(re.fullmatch(r"\d{4}年\d{1,2}月", date) for date in dates), dates
    times = visit.page.evaluate(
        "[...document.querySelectorAll('time')].map((t) => [t.innerText, getComputedStyle(t).textAutospace])"
    )
    for shown, autospace in times:
        assert re.match(r"\d{4}年\d{1,2}月", shown), shown
        assert autospace in ("", "no-autospace"), f"{shown} is drawn with spaces beside its digits ({autospace})"


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
