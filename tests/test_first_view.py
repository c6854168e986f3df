"""The first-view report: every kind of page, compressed as a real host sends it, and a story's
first view within 80 kB before photos."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import PROJECT

pytestmark = pytest.mark.browser

SCRIPT = PROJECT / "scripts" / "first_view.py"
STORY_BUDGET_KB = 80


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(SCRIPT), *args], capture_output=True, text=True, timeout=300)


def test_the_report_lists_every_kind_of_page_and_a_story_fits_the_budget(real_site: Path):
    result = run(str(real_site))
    assert result.returncode == 0, result.stderr
    rows = {
        match["page"]: (int(match["requests"]), float(match["before"]))
        for match in re.finditer(
            r"^\| (?P<page>[^|]+?) \| (?P<requests>\d+) \| [\d.]+ kB \| (?P<before>[\d.]+) kB in \d+ \|$",
            result.stdout,
            re.M,
        )
    }
    assert set(rows) == {
        "home, zh", "home, en", "story, zh", "story, en", "bilingual view", "About, zh", "About, en",
        "corrections, zh", "corrections, en", "404, zh", "404, en",
    }
    for page in ("story, zh", "story, en"):
        requests, before_photos = rows[page]
        assert requests >= 2 and 0 < before_photos <= STORY_BUDGET_KB, (page, rows[page])


def test_a_site_not_built_yet_is_named_with_what_to_do(tmp_path: Path):
    result = run(str(tmp_path))
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert "build the site first (`mkdocs build`)" in result.stderr and "先运行 mkdocs build" in result.stderr
