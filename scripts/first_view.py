"""What a reader's first view of each kind of page downloads, compressed as a real host sends it.

    python scripts/first_view.py [SITE_DIR]     # default: site/, built with `mkdocs build`

Each page is opened in a fresh headless Chromium at phone size and scrolled to the end (so lazy
photos count too); every response is counted at the size a server that compresses text (gzip,
level 6) would send: HTML, CSS, JavaScript, JSON, SVG and XML compressed, photos as they are.
Prints a Markdown table: requests and kilobytes, with and without photos.
"""

from __future__ import annotations

import argparse
import gzip
import sys
from dataclasses import dataclass
from pathlib import Path

from devtools.browser import ChromiumMissing, SiteServer, launch_chromium

STORY = "stories/jinzhong-green-waters/"
PAGE_TYPES = {
    "home, zh": "",
    "home, en": "en/",
    "story, zh": STORY,
    "story, en": f"en/{STORY}",
    "bilingual view": f"{STORY}bilingual/",
    "About, zh": "about/",
    "About, en": "en/about/",
    "corrections, zh": "corrections/",
    "corrections, en": "en/corrections/",
    "404, zh": "404.html",
    "404, en": "en/404.html",
}
COMPRESSED_TYPES = {".html", ".css", ".js", ".mjs", ".json", ".svg", ".xml", ".txt", ""}
PHOTO_TYPES = {".webp", ".png", ".jpg", ".jpeg", ".gif", ".avif"}
PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True}


@dataclass(frozen=True)
class FirstView:
    requests: int
    bytes: int  # compressed as served
    photo_requests: int
    photo_bytes: int

    @property
    def bytes_before_photos(self) -> int:
        return self.bytes - self.photo_bytes


def sent_size(site: Path, path: str) -> int:
    """The bytes a compressing host sends for the file at `path` of the site."""
    file = site / path.lstrip("/")
    if file.is_dir() or not file.suffix:
        file = file / "index.html"
    body = file.read_bytes()
    return len(gzip.compress(body, compresslevel=6, mtime=0)) if file.suffix in COMPRESSED_TYPES else len(body)


def measure(site: Path) -> dict[str, FirstView]:
    from playwright.sync_api import sync_playwright

    views = {}
    with SiteServer(site) as server, sync_playwright() as playwright:
        browser = launch_chromium(playwright)
        try:
            for name, url in PAGE_TYPES.items():
                context = browser.new_context(**PHONE)
                page = context.new_page()
                mark = server.mark()
                page.goto(server.url + url, wait_until="networkidle")
                page.evaluate("window.scrollTo(0, document.documentElement.scrollHeight)")
                server.wait_until_quiet()
                served = [item for item in server.since(mark) if item.status < 400 or url.endswith("404.html")]
                sizes = [(item.path, sent_size(site, item.path)) for item in served]
                photos = [size for path, size in sizes if Path(path).suffix.lower() in PHOTO_TYPES]
                views[name] = FirstView(len(sizes), sum(size for _, size in sizes), len(photos), sum(photos))
                context.close()
        finally:
            browser.close()
    return views


def markdown_table(views: dict[str, FirstView]) -> str:
    lines = [
        "| page | requests | compressed | before photos |",
        "| --- | ---: | ---: | ---: |",
    ]
    for name, view in views.items():
        lines.append(
            f"| {name} | {view.requests} | {view.bytes / 1000:.1f} kB | "
            f"{view.bytes_before_photos / 1000:.1f} kB in {view.requests - view.photo_requests} |"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", nargs="?", default="site", type=Path, help="a built site (default: site/)")
    args = parser.parse_args(argv)
    if not (args.site / "index.html").is_file():
        print(
            f"first_view.py: {args.site}/index.html does not exist: build the site first (`mkdocs build`) / "
            f"{args.site} 里没有构建好的网站：先运行 mkdocs build",
            file=sys.stderr,
        )
        return 2
    try:
        print(markdown_table(measure(args.site)))
    except ChromiumMissing as problem:
        print(f"first_view.py: {problem}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
