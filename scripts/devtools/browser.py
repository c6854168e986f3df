"""A built site in headless Chromium, for the browser tests and the benchmark.

The site is served on 127.0.0.1 by a small server that records every response it sends, so a
caller can tell exactly what a page downloaded and when, requests of Web Workers included.
Chromium is Debian's (`apt-get install chromium`); Playwright drives it and downloads nothing.
"""

from __future__ import annotations

import functools
import os
import re
import threading
import time
from dataclasses import dataclass
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

CHROMIUM = Path(os.environ.get("CHROMIUM", "/usr/bin/chromium"))
# quiet and local: no Google services, no QUIC, nothing but the site on 127.0.0.1
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


class ChromiumMissing(RuntimeError):
    pass


@dataclass(frozen=True)
class Served:
    path: str  # as requested, e.g. `/pagefind/pagefind.js`
    status: int
    size: int  # bytes of the response body


class SiteServer:
    """Serve `site` on 127.0.0.1 while the `with` block runs; `served` lists every response."""

    def __init__(self, site: Path):
        self.site = Path(site)
        self.served: list[Served] = []
        self._lock = threading.Lock()
        self._server: ThreadingHTTPServer | None = None

    def __enter__(self) -> SiteServer:
        handler = functools.partial(_RecordingHandler, self, directory=str(self.site))
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        threading.Thread(target=self._server.serve_forever, daemon=True).start()
        return self

    def __exit__(self, *exc_info) -> None:
        self._server.shutdown()
        self._server.server_close()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self._server.server_port}/"

    def record(self, served: Served) -> None:
        with self._lock:
            self.served.append(served)

    def since(self, mark: int, prefix: str = "/") -> list[Served]:
        """Responses after the first `mark` ones whose path starts with `prefix`."""
        with self._lock:
            return [served for served in self.served[mark:] if served.path.startswith(prefix)]

    def mark(self) -> int:
        with self._lock:
            return len(self.served)

    def wait_until_quiet(self, quiet_for: float = 0.5, timeout: float = 30.0) -> None:
        """Return once nothing has been served for `quiet_for` seconds."""
        deadline = time.monotonic() + timeout
        count, since = self.mark(), time.monotonic()
        while time.monotonic() < deadline:
            time.sleep(0.05)
            if self.mark() != count:
                count, since = self.mark(), time.monotonic()
            elif time.monotonic() - since >= quiet_for:
                return


class _RecordingHandler(SimpleHTTPRequestHandler):
    def __init__(self, owner: SiteServer, *args, **kwargs):
        self._owner = owner
        self._status = 0
        super().__init__(*args, **kwargs)

    def send_response(self, code, message=None):
        self._status = code
        super().send_response(code, message)
        if code == 304:  # the browser's cached copy is still good: a request, but no body
            self._owner.record(Served(self.path.split("?")[0], code, 0))

    def copyfile(self, source, outputfile):
        body = source.read()
        outputfile.write(body)
        self._owner.record(Served(self.path.split("?")[0], self._status, len(body)))

    def send_error(self, code, message=None, explain=None):
        super().send_error(code, message, explain)
        self._owner.record(Served(self.path.split("?")[0], code, 0))

    def log_message(self, format, *args):
        pass  # a line per request would bury the test output


# true once the header's search box shows an answer, not its hint or "loading" line
_ANSWER_SHOWN = """() => {
  const box = document.querySelector("[data-nr-search]");
  const text = box.querySelector(".md-search-result__meta").textContent.trim();
  return text && text !== box.dataset.textHint && text !== box.dataset.textLoading;
}"""


@dataclass(frozen=True)
class SearchAnswer:
    summary: str  # the line above the results, e.g. `找到 3 条结果`
    links: list[str]  # the result links shown, as written in the page

    @property
    def count(self) -> int:
        number = re.search(r"\d+", self.summary)
        return int(number.group()) if number else 0


def header_search(page, query: str) -> SearchAnswer:
    """Search `query` in the masthead's search box, as a reader would, and read the answer."""
    field = page.locator(".md-search__input")
    if not field.is_visible():
        page.locator("[data-nr-search-open]").click()  # the masthead's search button opens the box
    field.fill("")  # back to the hint, so the answer awaited below is this query's
    field.fill(query)
    page.wait_for_function(_ANSWER_SHOWN)
    box = page.locator("[data-nr-search]")
    summary = box.locator(".md-search-result__meta").inner_text().strip()
    if summary == box.get_attribute("data-text-failed"):
        raise RuntimeError(f"the search for {query!r} failed in the browser")
    links = box.locator(".md-search-result__link").evaluate_all("links => links.map(link => link.getAttribute('href'))")
    return SearchAnswer(summary, links)


def launch_chromium(playwright):
    """Headless Debian Chromium through Playwright; a clear error if it is not installed."""
    if not CHROMIUM.is_file():
        raise ChromiumMissing(
            f"Chromium is needed to run the site in a browser and {CHROMIUM} does not exist: "
            "install it with `apt-get install chromium`, or set CHROMIUM to its path"
        )
    return playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
