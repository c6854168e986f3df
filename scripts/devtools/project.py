"""A throwaway project that builds some other docs tree exactly as the site is built.

The tests build fixture stories with it and the benchmark builds generated ones: the real
mkdocs.yml is copied and overrides/ and scripts/ are linked, so neither can drift from the site.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parents[2]
BUILD_ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONUTF8": "1"}


def make_project(root: Path, docs: Path) -> Path:
    """A project folder that builds `docs` with the real mkdocs.yml, overrides and hooks."""
    root.mkdir(parents=True, exist_ok=True)
    shutil.copy(PROJECT_ROOT / "mkdocs.yml", root / "mkdocs.yml")
    for shared in ("overrides", "scripts"):
        (root / shared).symlink_to(PROJECT_ROOT / shared)
    if docs != root / "docs":
        shutil.copytree(docs, root / "docs", symlinks=True)
    return root


def build_command(project: Path, *extra: str, side_by_side: bool = False) -> list[str]:
    """The strict build into `project/site`, as a command to run in `project`: plain `mkdocs build`
    (one process, the languages one after the other), or with `side_by_side` the production build
    `stories.py build` (a process per language)."""
    if side_by_side:
        return [sys.executable, str(project / "scripts" / "stories.py"), "build", "--site-dir", str(project / "site"), *extra]
    return [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(project / "site"), *extra]


def build(
    project: Path, *extra: str, env: dict[str, str] | None = None, side_by_side: bool = False
) -> subprocess.CompletedProcess:
    """Build `project` (with `env` added to the environment); returns the finished process."""
    return subprocess.run(
        build_command(project, *extra, side_by_side=side_by_side),
        cwd=project,
        env={**BUILD_ENV, **(env or {})},
        capture_output=True,
        text=True,
        timeout=600,
    )
