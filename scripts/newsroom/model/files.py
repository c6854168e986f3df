"""Writing files without ever losing a journalist's work: temporary file, then an atomic rename."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

# `.index.zh.md.k3j9x2ab.tmp`: hidden, so that neither MkDocs nor the check reads a half-written file
_TEMPORARY_SUFFIX = ".tmp"


class WouldOverwrite(Exception):
    def __init__(self, path: Path):
        super().__init__(str(path))
        self.path = path


def write_text(path: Path, text: str, *, replace: bool = False, durable: bool = True) -> None:
    """Write `text` to `path` atomically; refuse to replace an existing file unless `replace`.
    Without `durable` the text may still be in memory when this returns: for what a build can
    make again (a cache entry), not for a journalist's work."""
    path = Path(path)
    if path.exists() and not replace:
        raise WouldOverwrite(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=_TEMPORARY_SUFFIX, dir=path.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as stream:
            stream.write(text)
            if durable:
                stream.flush()
                os.fsync(stream.fileno())
        if not replace and path.exists():  # appeared while we were writing
            raise WouldOverwrite(path)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def leftovers(folder: Path) -> list[Path]:
    """The temporary files `write_text` left in `folder` when it was stopped mid-write (the
    process killed, the power cut): it removes its own on any error it sees."""
    return sorted(Path(folder).glob(f".*.*{_TEMPORARY_SUFFIX}"))


def leftover_of(leftover: Path) -> str:
    """The name of the file a leftover was being written for: `.index.zh.md.k3j9x2ab.tmp` → `index.zh.md`."""
    return leftover.name[1:].rsplit(".", 2)[0]


def remove_leftovers(folder: Path) -> None:
    for leftover in leftovers(folder):
        leftover.unlink(missing_ok=True)
