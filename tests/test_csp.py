"""The browser enforces the Content-Security-Policy: an injected inline script is refused, and the
real pages, search included, run without a single violation."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import FIRST_STORY
from devtools.browser import SiteServer, header_search, launch_chromium
from playwright.sync_api import sync_playwright

pytestmark = pytest.mark.browser

RECORD_VIOLATIONS = """
window.__violations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__violations.push(event.violatedDirective + " " + (event.blockedURI || "inline"));
});
"""


def open_page(browser, url: str):
    page = browser.new_context().new_page()
    console: list[str] = []
    page.on("console", lambda message: console.append(message.text))
    page.add_init_script(RECORD_VIOLATIONS)
    page.goto(url)
    page.wait_for_load_state("networkidle")
    return page, console


@pytest.fixture(scope="module")
def served(real_site: Path, tmp_path_factory):
    site = tmp_path_factory.mktemp("csp") / "site"
    shutil.copytree(real_site, site)
    story = site / "stories" / FIRST_STORY
    html = (story / "index.html").read_text(encoding="utf-8")
    injected = html.replace("</body>", "<script>window.__injected = true;</script></body>")
    (story / "injected.html").write_text(injected, encoding="utf-8")  # a test-only copy
    with SiteServer(site) as server, sync_playwright() as playwright:
        browser = launch_chromium(playwright)
        yield server, browser
        browser.close()


def test_an_injected_inline_script_is_refused(served):
    server, browser = served
    page, console = open_page(browser, f"{server.url}stories/{FIRST_STORY}/injected.html")
    assert page.evaluate("window.__injected") is None
    assert page.evaluate("window.__violations") == ["script-src-elem inline"]
    assert any("Content Security Policy" in line for line in console)


@pytest.mark.parametrize(
    "url",
    [
        "",
        "en/",
        f"stories/{FIRST_STORY}/",
        f"en/stories/{FIRST_STORY}/",
        f"stories/{FIRST_STORY}/bilingual/",
        "about/",
        "404.html",
    ],
)
def test_real_pages_run_without_violations(served, url: str):
    server, browser = served
    page, console = open_page(browser, server.url + url)
    assert page.evaluate("window.__violations") == []
    assert page.locator(".nr-masthead").is_visible()
    assert not [line for line in console if "Content Security Policy" in line]


@pytest.mark.parametrize(("home", "query"), [("", "昌源河"), ("en/", "wetland")])
def test_search_runs_under_the_policy(served, home: str, query: str):
    server, browser = served
    page, _ = open_page(browser, server.url + home)
    answer = header_search(page, query)
    assert answer.count and answer.links, "search found nothing under the policy"
    assert page.evaluate("window.__violations") == []
