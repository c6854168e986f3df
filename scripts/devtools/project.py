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
# set to 1, the build does everything in one process, the languages one after the other as
# `mkdocs serve` does (mkdocs_hooks.py); for comparing and for tracing a fault
SEQUENTIAL_ENV = "NEWSROOM_SEQUENTIAL_BUILD"


def make_project(root: Path, docs: Path) -> Path:
    """A project folder that builds `docs` with the real mkdocs.yml, overrides and hooks."""
    root.mkdir(parents=True, exist_ok=True)
    shutil.copy(PROJECT_ROOT / "mkdocs.yml", root / "mkdocs.yml")
    for shared in ("overrides", "scripts"):
        (root / shared).symlink_to(PROJECT_ROOT / shared)
    if docs != root / "docs":
        shutil.copytree(docs, root / "docs", symlinks=True)
    return root


def build_command(project: Path, *extra: str) -> list[str]:
    """`mkdocs build --strict` into `project/site`, as a command to run in `project`."""
    return [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(project / "site"), *extra]


def build(project: Path, *extra: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    """Build `project` (with `env` added to the environment); returns the finished process."""
    return subprocess.run(
        build_command(project, *extra),
        cwd=project,
        env={**BUILD_ENV, **(env or {})},
        capture_output=True,
        text=True,
        timeout=600,
    )
