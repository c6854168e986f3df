"""Shared test helpers: fixture docs trees, the stories.py command line and real site builds."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from devtools.project import BUILD_ENV as ENV
from devtools.project import PROJECT_ROOT as PROJECT
from devtools.project import build, make_project

FIXTURE_DOCS = PROJECT / "tests" / "fixtures" / "docs"
RAW_STORY = PROJECT / "tests" / "fixtures" / "raw" / "000_3312326c97b76c01.txt"  # copy of shared/stories-raw
FIRST_STORY = "jinzhong-green-waters"


def run_stories(*args: str, cwd: Path = PROJECT, docs: Path | None = None) -> subprocess.CompletedProcess:
    """Run `python scripts/stories.py ...` as a journalist would, capturing what it prints."""
    command = [sys.executable, str(PROJECT / "scripts" / "stories.py")]
    if docs is not None:
        command += ["--docs", str(docs)]
    return subprocess.run(command + list(args), cwd=cwd, env=ENV, capture_output=True, text=True, timeout=120)


def page(site: Path, url: str) -> BeautifulSoup:
    """The built page at a site URL such as `en/stories/x/`."""
    return BeautifulSoup((site / url / "index.html").read_text(encoding="utf-8"), "lxml")


@pytest.fixture
def fixture_docs(tmp_path: Path) -> Path:
    """A writable copy of the fixture docs tree (two clean stories in one series)."""
    docs = tmp_path / "docs"
    shutil.copytree(FIXTURE_DOCS, docs)
    return docs


@pytest.fixture(scope="session")
def real_site(tmp_path_factory) -> Path:
    """The real site, built once with `mkdocs build --strict` from the project's own docs."""
    project = make_project(tmp_path_factory.mktemp("real"), PROJECT / "docs")
    result = build(project)
    assert result.returncode == 0, result.stderr
    return project / "site"


@pytest.fixture(scope="session")
def fixture_site(tmp_path_factory) -> Path:
    """The fixture stories built with the real configuration."""
    project = make_project(tmp_path_factory.mktemp("fixture"), FIXTURE_DOCS)
    result = build(project)
    assert result.returncode == 0, result.stderr
    return project / "site"
