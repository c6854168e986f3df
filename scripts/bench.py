#!/usr/bin/env python3
"""How the build and search scale: `python scripts/bench.py --stories 10 100 1000`.

For each number of stories: generate that many bilingual stories in a temporary folder,
run `stories.py check` on them, build them with the project's real configuration (and again
without the Traditional edition, to show what it costs), then open
the built site in headless Chromium (served on 127.0.0.1) and measure what search downloads,
on page load and per query. Prints a Markdown table for the README; `--json FILE` also
writes the figures. `--quick` (10 stories) is the smoke test CI runs.

`--compare --stories 100 1000 [--rounds 3]` measures the same generated stories built by this
project (cold, warm, after a one-story edit), by plain Material for MkDocs with and without its
search, and by Hugo, in interleaved rounds (devtools/compare.py).
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import re
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from dataclasses import asdict, dataclass
from pathlib import Path

from devtools import compare
from devtools.bench_stories import write_docs
from devtools.browser import ChromiumMissing, SiteServer, header_search, launch_chromium
from devtools.measure import BenchFailed, cpu_seconds, folder_size, peak_rss_bytes, run_measured, size_text
from devtools.project import BUILD_ENV, PROJECT_ROOT, build_command, make_project
from newsroom.mkdocs.runs import WORK_FOLDER, without_traditional_config
from newsroom.model.story import STORIES_DIR
from newsroom.render.search import OUTPUT_DIR as SEARCH_DIR
from playwright.sync_api import sync_playwright

DEFAULT_SIZES = (10, 100, 1000)
QUICK_SIZES = (10,)
MEASURED_STORY = "bench-0000"  # the newest story: first on the home page
# where the measured story is in each language (the default at the root, the others below it)
STORY_URLS = {
    "zh": f"{STORIES_DIR}/{MEASURED_STORY}/",
    "en": f"en/{STORIES_DIR}/{MEASURED_STORY}/",
    "zh-Hant": f"zh-Hant/{STORIES_DIR}/{MEASURED_STORY}/",
}
# (row label, page language, query): three readers, each opening a story and searching
SEARCHES = (
    ("first Chinese search", "zh", "湿地"),
    ("first English search", "en", "wetland"),
    ("next English search", "en", "restoring"),
    ("first 繁體 search, typed in Simplified", "zh-Hant", "湿地"),
)
# each language's search bundle, at its home
SEARCH_BUNDLES = {"zh": f"{SEARCH_DIR}/", "en": f"en/{SEARCH_DIR}/", "zh-Hant": f"zh-Hant/{SEARCH_DIR}/"}
_HOMES = "(?:en/|zh-Hant/)?"
# the edition's search data: the index, and in the Traditional edition its table of characters
_SEARCH_FILE = re.compile(rf"^/{_HOMES}(?:{SEARCH_DIR}/|search-characters\.json$)")
# the same for every query once loaded: Pagefind's script, its worker and its WebAssembly
_RUNTIME_FILE = re.compile(rf"^/{_HOMES}{SEARCH_DIR}/(?:pagefind(?:-worker)?\.js|wasm\.[^/]+\.pagefind)$")
GZIP_LEVEL = 6  # what web servers commonly use


@dataclass
class Download:
    requests: int
    bytes: int
    runtime_bytes: int  # the part that is Pagefind's code rather than index data


@dataclass
class SearchRun:
    label: str
    query: str
    results: int
    download: Download


@dataclass
class Figures:
    stories: int
    han_characters_per_story: int
    english_words_per_story: int
    check_seconds: float
    check_errors: int
    check_warnings: int
    build_wall_seconds: float
    build_cpu_seconds: float
    build_peak_rss_bytes: int
    rebuild_wall_seconds: float  # the same build again: photos, story pages and search shards cached
    rebuild_cpu_seconds: float
    sequential_rebuild_wall_seconds: float  # again, plain `mkdocs build`: the languages one after the other
    sequential_rebuild_cpu_seconds: float
    without_traditional_wall_seconds: float  # the same once more, without the Traditional edition
    without_traditional_cpu_seconds: float
    site_bytes: int
    site_files: int
    without_traditional_site_bytes: int
    without_traditional_site_files: int
    search_index_bytes: int
    search_index_files: int
    story_html_bytes: dict[str, int]
    story_html_gzip_bytes: dict[str, int]
    search_on_page_load: Download
    searches: list[SearchRun]
    preview_seconds: float  # from saving an edit to the edited page being served by `stories.py preview`
    site_preview_seconds: float  # the same for the whole-site preview, `mkdocs serve` (dev.sh serve)

    @property
    def passed(self) -> bool:
        return self.check_errors == 0 and self.search_on_page_load.requests == 0


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    if args.compare:
        sizes = args.stories or compare.DEFAULT_SIZES
        run = lambda stories, workdir: compare.measure(stories, workdir, args.rounds)
    else:
        sizes = QUICK_SIZES if args.quick else args.stories or DEFAULT_SIZES
        run = measure
    results = []
    try:
        for stories in sizes:
            print(f"bench: {stories} stories…", file=sys.stderr, flush=True)
            results.append(_in_workdir(run, stories, args.workdir))
    except (BenchFailed, ChromiumMissing) as failure:
        print(f"bench: {failure}", file=sys.stderr)
        return 1
    if args.compare:
        print(compare.markdown_table(results))
        figures, passed = [size.summary() for size in results], True
    else:
        print(markdown_table(results))
        figures, passed = [asdict(size) for size in results], all(size.passed for size in results)
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2), encoding="utf-8")
    return 0 if passed else 1


def _in_workdir(run, stories: int, workdir: Path | None):
    """`run(stories, folder)` in `workdir`/<stories>/, kept, or else in a temporary folder."""
    if workdir is None:
        with tempfile.TemporaryDirectory(prefix="newsroom-bench-") as temporary:
            return run(stories, Path(temporary))
    folder = workdir / str(stories)
    if folder.exists():
        raise BenchFailed(f"{folder} exists already: remove it or give another --workdir")
    return run(stories, folder)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python scripts/bench.py", description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--stories",
        type=int,
        nargs="+",
        metavar="N",
        help="site sizes to measure (default: 10 100 1000; with --compare 100 1000)",
    )
    parser.add_argument("--quick", action="store_true", help="10 stories only: the smoke test")
    parser.add_argument(
        "--compare",
        action="store_true",
        help="side by side: this project's build cold, warm and after an edit, plain Material with and without search, and Hugo",
    )
    parser.add_argument(
        "--rounds",
        type=_at_least_one,
        default=compare.DEFAULT_ROUNDS,
        metavar="N",
        help="with --compare: rounds to take medians of",
    )
    parser.add_argument("--json", type=Path, metavar="FILE", help="also write the figures as JSON")
    parser.add_argument(
        "--workdir", type=Path, metavar="DIR", help="generate and build in DIR/<N>/ and keep it (e.g. to profile)"
    )
    return parser


def _at_least_one(text: str) -> int:
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number of at least 1")
    return int(text)


def measure(stories: int, workdir: Path) -> Figures:
    project = workdir / "project"
    generated = write_docs(project / "docs", stories, PROJECT_ROOT / "docs")
    make_project(project, project / "docs")
    check_seconds, check = _check(project)
    build, build_seconds, usage = run_measured(build_command(project, side_by_side=True), project)
    if build.returncode != 0:
        raise BenchFailed(f"the build of {stories} stories failed:\n{build.stderr[-3000:]}")
    site = project / "site"
    site_bytes, site_files = folder_size(site)
    # measured one after the other on the same machine, so that the two can be compared
    rebuild_seconds, rebuild_usage = _measured_build(project, side_by_side=True)
    sequential_seconds, sequential_usage = _measured_build(project, side_by_side=False)
    without_site = workdir / "site-without-traditional"
    without_config = without_traditional_config(project / "mkdocs.yml", project / ".cache" / WORK_FOLDER)
    without_seconds, without_usage = _measured_build(
        project, side_by_side=False, extra=("--config-file", str(without_config), "--site-dir", str(without_site))
    )
    without_bytes, without_files = folder_size(without_site)
    index_bytes, index_files = map(sum, zip(*(folder_size(site / bundle) for bundle in SEARCH_BUNDLES.values())))
    html = {lang: (site / url / "index.html").read_bytes() for lang, url in STORY_URLS.items()}
    on_load, searches = _measure_search(site)
    stories_py = [sys.executable, str(PROJECT_ROOT / "scripts" / "stories.py")]
    preview_seconds = _measure_preview(project, [*stories_py, "preview", MEASURED_STORY], "stories.py preview")
    site_preview = [sys.executable, "-m", "mkdocs", "serve", "--no-strict"]
    site_preview_seconds = _measure_preview(project, site_preview, "mkdocs serve")
    return Figures(
        stories=stories,
        han_characters_per_story=round(sum(story.han_characters for story in generated) / stories),
        english_words_per_story=round(sum(story.english_words for story in generated) / stories),
        check_seconds=check_seconds,
        check_errors=check["errors"],
        check_warnings=check["warnings"],
        build_wall_seconds=build_seconds,
        build_cpu_seconds=cpu_seconds(usage),
        build_peak_rss_bytes=peak_rss_bytes(usage),
        rebuild_wall_seconds=rebuild_seconds,
        rebuild_cpu_seconds=cpu_seconds(rebuild_usage),
        sequential_rebuild_wall_seconds=sequential_seconds,
        sequential_rebuild_cpu_seconds=cpu_seconds(sequential_usage),
        without_traditional_wall_seconds=without_seconds,
        without_traditional_cpu_seconds=cpu_seconds(without_usage),
        site_bytes=site_bytes,
        site_files=site_files,
        without_traditional_site_bytes=without_bytes,
        without_traditional_site_files=without_files,
        search_index_bytes=index_bytes,
        search_index_files=index_files,
        story_html_bytes={lang: len(data) for lang, data in html.items()},
        story_html_gzip_bytes={lang: len(gzip.compress(data, GZIP_LEVEL)) for lang, data in html.items()},
        search_on_page_load=on_load,
        searches=searches,
        preview_seconds=preview_seconds,
        site_preview_seconds=site_preview_seconds,
    )


def _measure_preview(project: Path, command: list[str], name: str) -> float:
    """Start a preview server (`command` without its address) on the site, save an edit to the
    measured story, and time until the edited page is served."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    url = f"http://127.0.0.1:{port}/{STORIES_DIR}/{MEASURED_STORY}/"
    address = ["--port", str(port)] if name.startswith("stories.py") else ["--dev-addr", f"127.0.0.1:{port}"]
    command = [*command, *address]
    chinese = project / "docs" / STORIES_DIR / MEASURED_STORY / "index.zh.md"
    original = chinese.read_text(encoding="utf-8")
    marker = "预览计时标记"
    server = subprocess.Popen(command, cwd=project, env=BUILD_ENV, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        if not _served_within(url, lambda body: "nr-title" in body, 600):
            raise BenchFailed(f"{name} did not start")
        time.sleep(1.0)  # let the file watcher settle after the first build
        started = time.perf_counter()
        chinese.write_text(original.rstrip("\n") + f"\n\n{marker}。\n", encoding="utf-8")
        if not _served_within(url, lambda body: marker in body, 900):
            raise BenchFailed(f"{name} did not show the edit")
        return time.perf_counter() - started
    finally:
        server.terminate()
        server.wait(timeout=30)
        # the next measurement starts from the same story, without this one's marker
        chinese.write_text(original, encoding="utf-8")


def _served_within(url: str, ready, seconds: float) -> bool:
    deadline = time.perf_counter() + seconds
    while time.perf_counter() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                if ready(response.read().decode("utf-8", "replace")):
                    return True
        except OSError:
            pass
        time.sleep(0.05)
    return False


def _check(project: Path) -> tuple[float, dict]:
    command = [sys.executable, str(PROJECT_ROOT / "scripts" / "stories.py"), "--docs", str(project / "docs")]
    started = time.perf_counter()
    result = subprocess.run(
        [*command, "check", "--format", "json"], cwd=project, env=BUILD_ENV, capture_output=True, text=True
    )
    seconds = time.perf_counter() - started
    if result.returncode not in (0, 1):  # 1 only says that there are findings
        raise BenchFailed(f"stories.py check could not run:\n{result.stderr}")
    return seconds, json.loads(result.stdout)


def _measured_build(project: Path, side_by_side: bool, extra: tuple[str, ...] = ()) -> tuple[float, os.struct_rusage]:
    build, seconds, usage = run_measured(build_command(project, *extra, side_by_side=side_by_side), project)
    if build.returncode != 0:
        raise BenchFailed(f"a rebuild failed:\n{build.stderr[-3000:]}")
    return seconds, usage


def _measure_search(site: Path) -> tuple[Download, list[SearchRun]]:
    """What a story page fetches for search on load, and per query, in a fresh browser per reader."""
    on_load = []
    searches = []
    with SiteServer(site) as server, sync_playwright() as playwright:
        browser = launch_chromium(playwright)
        try:
            pages = {}
            for lang, url in STORY_URLS.items():
                pages[lang] = browser.new_context().new_page()
                mark = server.mark()
                pages[lang].goto(server.url + url)
                pages[lang].wait_for_load_state("networkidle")
                server.wait_until_quiet()
                on_load += _search_files(server.since(mark))
            for label, lang, query in SEARCHES:
                mark = server.mark()
                answer = header_search(pages[lang], query)
                server.wait_until_quiet()
                searches.append(SearchRun(label, query, answer.count, _download(_search_files(server.since(mark)))))
        finally:
            browser.close()
    return _download(on_load), searches


def _search_files(served) -> list:
    return [item for item in served if _SEARCH_FILE.match(item.path)]


def _download(served) -> Download:
    return Download(
        requests=len(served),
        bytes=sum(item.size for item in served),
        runtime_bytes=sum(item.size for item in served if _RUNTIME_FILE.match(item.path)),
    )


# --- the report ------------------------------------------------------------------------------


def markdown_table(results: list[Figures]) -> str:
    rows = [
        (
            "story length (average)",
            lambda f: f"{f.han_characters_per_story:,} 字 / {f.english_words_per_story:,} words",
        ),
        (
            "`stories.py check`",
            lambda f: f"{f.check_seconds:.1f} s: {f.check_errors} errors, {f.check_warnings} warnings",
        ),
        ("build (`stories.py build`), wall clock", lambda f: f"{f.build_wall_seconds:.1f} s"),
        ("build, CPU (user + system)", lambda f: f"{f.build_cpu_seconds:.1f} s"),
        ("build, peak memory (max RSS)", lambda f: size_text(f.build_peak_rss_bytes)),
        (
            "build again, photos, pages and search cached: wall (CPU)",
            lambda f: f"{f.rebuild_wall_seconds:.1f} s ({f.rebuild_cpu_seconds:.1f} s)",
        ),
        (
            "the same in one process (plain `mkdocs build`): wall (CPU)",
            lambda f: f"{f.sequential_rebuild_wall_seconds:.1f} s ({f.sequential_rebuild_cpu_seconds:.1f} s)",
        ),
        (
            "the same, without the 繁體 edition: wall (CPU)",
            lambda f: f"{f.without_traditional_wall_seconds:.1f} s ({f.without_traditional_cpu_seconds:.1f} s)",
        ),
        ("site/", lambda f: f"{size_text(f.site_bytes)} in {f.site_files:,} files"),
        (
            "site/ without the 繁體 edition",
            lambda f: f"{size_text(f.without_traditional_site_bytes)} in {f.without_traditional_site_files:,} files",
        ),
        (
            "search index (pagefind/ + en/pagefind/ + zh-Hant/pagefind/)",
            lambda f: f"{size_text(f.search_index_bytes)} in {f.search_index_files:,} files",
        ),
        *[
            (
                f"story page HTML, {lang}",
                lambda f, lang=lang: (
                    f"{size_text(f.story_html_bytes[lang])} ({size_text(f.story_html_gzip_bytes[lang])} gzip)"
                ),
            )
            for lang in STORY_URLS
        ],
        ("search data on page load (zh + en + zh-Hant)", lambda f: _download_text(f.search_on_page_load)),
        ("`stories.py preview`: saved edit shown after", lambda f: f"{f.preview_seconds:.1f} s"),
        ("whole-site preview (`mkdocs serve`): saved edit shown after", lambda f: f"{f.site_preview_seconds:.1f} s"),
        *[
            (
                f"{label} “{query}”",
                lambda f, index=index: (
                    f"{f.searches[index].results} results; " + _download_text(f.searches[index].download)
                ),
            )
            for index, (label, _, query) in enumerate(SEARCHES)
        ],
    ]
    header = "| | " + " | ".join(f"{figures.stories:,} stories" for figures in results) + " |"
    lines = [header, "|---|" + "---:|" * len(results)]
    lines += ["| " + label + " | " + " | ".join(cell(figures) for figures in results) + " |" for label, cell in rows]
    notes = (
        "\nSearch downloads are as served by Python's http.server (no compression); Pagefind's index "
        "files are compressed already. “Pagefind code” is pagefind.js, its worker and WebAssembly, "
        "fetched once per visit."
    )
    return "\n".join(lines) + "\n" + notes


def _download_text(download: Download) -> str:
    if not download.requests:
        return "0 B (no request)"
    index = download.bytes - download.runtime_bytes
    return (
        f"{size_text(download.bytes)} in {download.requests} request{'' if download.requests == 1 else 's'} "
        f"(index {size_text(index)} + Pagefind code {size_text(download.runtime_bytes)})"
    )


if __name__ == "__main__":
    sys.exit(main())
