"""Crawl the whole built site: every internal link, image, srcset entry, anchor, sitemap and feed
entry resolves, and every page is linked from some other page."""

from __future__ import annotations

import re
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import pytest
from bs4 import BeautifulSoup

SITE_URL = "https://example.org/"
NOT_LINKED_ON_PURPOSE = {"404.html", "en/404.html", "zh-Hant/404.html"}  # served by the host for missing addresses


class Crawl:
    def __init__(self, site: Path):
        self.site = site
        self.pages = {
            path.relative_to(site).as_posix(): path for path in site.rglob("*.html") if "pagefind" not in path.parts
        }
        self.ids: dict[str, set[str]] = {}
        self.incoming: dict[str, set[str]] = {name: set() for name in self.pages}
        self.broken: list[str] = []

    def target(self, reference: str, base: str) -> tuple[str, str] | None:
        """(site file, fragment) that `reference` on page `base` points to, or None if external."""
        if reference.startswith(SITE_URL):
            reference = "/" + reference.removeprefix(SITE_URL)
        absolute = urljoin("http://site/" + base, reference)
        parts = urlsplit(absolute)
        if parts.netloc != "site" or parts.scheme not in ("http", ""):
            return None
        path = unquote(parts.path).lstrip("/")
        if path == "" or path.endswith("/"):
            path += "index.html"
        return path, unquote(parts.fragment)

    def ids_of(self, name: str) -> set[str]:
        if name not in self.ids:
            soup = BeautifulSoup(self.pages[name].read_text(encoding="utf-8"), "lxml")
            self.ids[name] = {element["id"] for element in soup.select("[id]")} | {
                a["name"] for a in soup.select("a[name]")
            }
        return self.ids[name]

    def check(self, reference: str, base: str, what: str) -> None:
        found = self.target(reference, base)
        if found is None:
            return
        path, fragment = found
        if not (self.site / path).is_file():
            self.broken.append(f"{base}: {what} {reference} → {path} does not exist")
            return
        if path in self.incoming and path != base:
            self.incoming[path].add(base)
        if fragment and path.endswith(".html") and fragment not in self.ids_of(path):
            self.broken.append(f"{base}: {what} {reference} → no #{fragment} in {path}")

    def run(self) -> Crawl:
        for name, path in self.pages.items():
            soup = BeautifulSoup(path.read_text(encoding="utf-8"), "lxml")
            for element in soup.select("a[href], link[href]"):
                self.check(element["href"], name, element.name)
            for element in soup.select("img[src], script[src]"):
                self.check(element["src"], name, element.name)
            for element in soup.select("[srcset]"):
                for candidate in element["srcset"].split(","):
                    self.check(candidate.strip().split(" ")[0], name, "srcset")
        return self


@pytest.mark.parametrize("which", ["real_site", "fixture_site"])
def test_every_internal_reference_resolves(which: str, request):
    crawl = Crawl(request.getfixturevalue(which)).run()
    assert crawl.broken == []


@pytest.mark.parametrize("which", ["real_site", "fixture_site"])
def test_every_page_is_linked_from_another(which: str, request):
    crawl = Crawl(request.getfixturevalue(which)).run()
    orphans = [
        name
        for name, sources in crawl.incoming.items()
        if not sources and name not in NOT_LINKED_ON_PURPOSE and name != "index.html"
    ]
    assert orphans == []


def test_sitemaps_and_feeds_point_at_pages_that_exist(real_site: Path):
    locations = []
    for sitemap in (real_site / "sitemap.xml", real_site / "en/sitemap.xml"):
        root = ET.parse(sitemap).getroot()
        locations += [element.text for element in root.iter() if element.tag.endswith("loc")]
        locations += [element.get("href") for element in root.iter() if element.tag.endswith("link")]
    for feed in (real_site / "feed.xml", real_site / "en/feed.xml"):
        root = ET.parse(feed).getroot()
        locations += [element.get("href") for element in root.iter() if element.tag.endswith("link")]
        locations += [element.text for element in root.iter() if element.tag.endswith("id")]
    assert len(locations) > 20
    for location in locations:
        assert location.startswith(SITE_URL), location
        path = location.removeprefix(SITE_URL)
        assert (real_site / path).is_file() or (real_site / path / "index.html").is_file(), location


def test_the_crawl_notices_a_broken_link(tmp_path: Path, real_site: Path):
    """The crawler itself can fail: a page with a dead link and a dead anchor is reported."""
    site = tmp_path / "site"
    shutil.copytree(real_site, site)
    story = site / "stories/jinzhong-green-waters/index.html"
    html = story.read_text(encoding="utf-8")
    story.write_text(
        re.sub(
            r"</article>", '<a href="../no-such-story/">x</a><a href="#no-such-anchor">y</a></article>', html, count=1
        ),
        encoding="utf-8",
    )
    broken = Crawl(site).run().broken
    assert any("no-such-story" in line for line in broken) and any("#no-such-anchor" in line for line in broken)
