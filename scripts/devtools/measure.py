"""Running a build as the benchmark measures it: wall clock, CPU and memory of its process tree,
and the size of what it wrote."""

from __future__ import annotations

import os
import subprocess
import tempfile
import time
from pathlib import Path

from devtools.project import BUILD_ENV


class BenchFailed(Exception):
    pass


def run_measured(command: list[str], cwd: Path, env: dict[str, str] | None = None):
    """Run `command`; its result, wall time and resource usage (its own and its children's)."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        started = time.perf_counter()
        process = subprocess.Popen(command, cwd=cwd, env={**BUILD_ENV, **(env or {})}, stdout=out, stderr=err)
        # wait4 gives this one process tree's usage; RUSAGE_CHILDREN would mix in every earlier child
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - started
        process.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        result = subprocess.CompletedProcess(
            command, process.returncode, out.read().decode("utf-8", "replace"), err.read().decode("utf-8", "replace")
        )
    return result, seconds, usage


def cpu_seconds(usage: os.struct_rusage) -> float:
    return usage.ru_utime + usage.ru_stime


def peak_rss_bytes(usage: os.struct_rusage) -> int:
    """The resident memory of the tree's biggest single process (Linux's ru_maxrss of wait4 is
    the largest of the tree, not their sum), in bytes: Linux reports kilobytes."""
    return usage.ru_maxrss * 1024


def folder_size(folder: Path) -> tuple[int, int]:
    files = [path for path in folder.rglob("*") if path.is_file()]
    return sum(path.stat().st_size for path in files), len(files)


def size_text(count: int) -> str:
    for unit, scale in (("GB", 1e9), ("MB", 1e6), ("kB", 1e3)):
        if count >= scale:
            return f"{count / scale:.1f} {unit}"
    return f"{count} B"
