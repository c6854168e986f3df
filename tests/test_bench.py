"""The benchmark runs end to end on 10 stories: a smoke test, so no timing is asserted."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ENV, PROJECT

EXPECTED_ROWS = [
    "story length (average)",
    "`stories.py check`",
    "build (`stories.py build`), wall clock",
    "build, CPU (user + system)",
    "build, peak memory (max RSS)",
    "build again, photos cached: wall (CPU)",
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


@pytest.mark.browser
def test_bench_on_ten_stories_reports_every_row_and_a_clean_check(tmp_path: Path):
    figures_file = tmp_path / "bench.json"
    result = subprocess.run(
        [sys.executable, str(PROJECT / "scripts" / "bench.py"), "--stories", "10", "--json", str(figures_file)],
        cwd=PROJECT,
        env=ENV,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr + result.stdout
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
