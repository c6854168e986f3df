"""The benchmark runs end to end on a few stories: a smoke test, so no timing is asserted."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from conftest import ENV, PROJECT
from newsroom.model.story import StoryFile

EXPECTED_ROWS = [
    "story length (average)",
    "`stories.py check`",
    "build (`stories.py build`), wall clock",
    "build, CPU (user + system)",
    "build, peak memory (max RSS)",
    "build again, photos, pages and search cached: wall (CPU)",
    "the same in one process (plain `mkdocs build`): wall (CPU)",
    "the same, without the 繁體 edition: wall (CPU)",
    "site/",
    "site/ without the 繁體 edition",
    "search index (pagefind/ + en/pagefind/ + zh-Hant/pagefind/)",
    "story page HTML, zh",
    "story page HTML, en",
    "story page HTML, zh-Hant",
    "search data on page load (zh + en + zh-Hant)",
    "`stories.py preview`: saved edit shown after",
    "whole-site preview (`mkdocs serve`): saved edit shown after",
    "first Chinese search “湿地”",
    "first English search “wetland”",
    "next English search “restoring”",
    "first 繁體 search, typed in Simplified “湿地”",
]


def _bench(*args: str) -> subprocess.CompletedProcess:
    """Run `python scripts/bench.py ARGS`, which must succeed."""
    result = subprocess.run(
        [sys.executable, str(PROJECT / "scripts" / "bench.py"), *args],
        cwd=PROJECT,
        env=ENV,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr + result.stdout
    return result


@pytest.mark.browser
def test_bench_on_ten_stories_reports_every_row_and_a_clean_check(tmp_path: Path):
    figures_file = tmp_path / "bench.json"
    result = _bench("--stories", "10", "--json", str(figures_file))
    rows = {
        cells[1].strip(): cells[2].strip()
        for cells in (line.split("|") for line in result.stdout.splitlines() if line.startswith("| "))
    }
    assert list(rows) == ["", *EXPECTED_ROWS]  # the header row has an empty first cell
    assert rows[""] == "10 stories"
    assert rows["`stories.py check`"].endswith(": 0 errors, 0 warnings")
    assert rows["search data on page load (zh + en + zh-Hant)"] == "0 B (no request)"

    [figures] = json.loads(figures_file.read_text(encoding="utf-8"))
    assert figures["stories"] == 10 and figures["check_errors"] == 0
    assert figures["search_on_page_load"]["requests"] == 0
    assert all(search["results"] > 0 and search["download"]["bytes"] > 0 for search in figures["searches"])


COMPARED_SETUPS = ["cold", "warm", "edit", "material", "material-without-search", "hugo"]
COMPARED_STORIES = [f"bench-{index:04d}" for index in range(5)]
# a table row's figures: "1.2 s | 3.4× | 2.1 s | 98.0 MB | 5.8 MB in 191 files"
FIGURES_ROW = re.compile(
    r"^\| 5 \| (?P<setup>[^|]+) \| (?P<wall>[\d.]+) s \| (?P<ratio>[\d.]+)× \| (?P<cpu>[\d.]+) s "
    r"\| (?P<memory>[\d.]+) [kMG]B \| (?P<output>[\d.]+) (?:[kMG]B|B) in (?P<files>[\d,]+) files \|$"
)


def _title(html_file: Path) -> str:
    return BeautifulSoup(html_file.read_text(encoding="utf-8"), "lxml").h1.get_text(strip=True)


def test_compare_mode_builds_every_setup_on_five_stories(tmp_path: Path):
    assert shutil.which("hugo"), "Hugo is missing: `apt-get install hugo` (CI installs it in .ci/run)"
    workdir, figures_file = tmp_path / "work", tmp_path / "compare.json"
    result = _bench(
        "--compare", "--stories", "5", "--rounds", "1", "--workdir", str(workdir), "--json", str(figures_file)
    )

    rows = [FIGURES_ROW.match(line) for line in result.stdout.splitlines() if line.startswith("| 5 |")]
    assert len(rows) == len(COMPARED_SETUPS) and all(rows), result.stdout
    assert rows[-1]["setup"].startswith("Hugo") and rows[-1]["ratio"] == "1.0"
    assert all(float(row[figure]) > 0 for row in rows for figure in ("wall", "cpu", "memory", "output", "files"))
    assert "load average (1, 5, 15 min)" in result.stdout

    [size] = json.loads(figures_file.read_text(encoding="utf-8"))
    assert size["stories"] == 5 and [setup["setup"] for setup in size["setups"]] == COMPARED_SETUPS
    for setup in size["setups"]:
        assert setup["missing"] == "" and len(setup["rounds"]) == 1, setup
        assert setup["median_wall_seconds"] > 0 and setup["median_cpu_seconds"] > 0, setup
        assert setup["peak_rss_bytes"] > 0 and setup["output_files"] > 0, setup

    corpus = workdir / "5"
    sources = {
        lang: {slug: corpus / "project" / "docs" / "stories" / slug / f"index.{lang}.md" for slug in COMPARED_STORIES}
        for lang in ("zh", "en")
    }
    titles = {
        lang: {slug: StoryFile.read(path, lang).front.data["title"] for slug, path in files.items()}
        for lang, files in sources.items()
    }
    for lang, home in (("zh", ""), ("en", "en/")):
        for slug in COMPARED_STORIES:
            page = f"{home}stories/{slug}/index.html"
            assert _title(corpus / "hugo" / "public" / page) == titles[lang][slug]
            assert _title(corpus / "material" / "site" / page) == titles[lang][slug]
            assert (corpus / "material-without-search" / "site" / page).is_file()
        index = json.loads((corpus / "hugo" / "public" / home / "index.json").read_text(encoding="utf-8"))
        assert sorted(story["title"] for story in index) == sorted(titles[lang].values())
        assert all(story["content"] for story in index)
    hugo_story = BeautifulSoup(
        (corpus / "hugo" / "public" / "stories" / "bench-0001" / "index.html").read_bytes(), "lxml"
    )
    assert [image["src"].rsplit("/", 1)[-1] for image in hugo_story.select("figure img")] == [
        "photo-1.jpg",
        "photo-2.jpg",
    ]
    photos = StoryFile.read(sources["zh"]["bench-0001"], "zh").front.data["photos"]
    captions = [f"{photo['caption']} · {photo['credit']}" for photo in photos]
    assert [caption.get_text(strip=True) for caption in hugo_story.select("figcaption")] == captions
    # the project's last build was the edited one; the story was put back afterwards
    edited = (corpus / "project" / "site" / "stories" / "bench-0000" / "index.html").read_text(encoding="utf-8")
    assert "这句话改过" in edited
    original = (corpus / "hugo" / "content" / "stories" / "bench-0000" / "index.zh.md").read_text(encoding="utf-8")
    assert sources["zh"]["bench-0000"].read_text(encoding="utf-8") == original
