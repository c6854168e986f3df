"""Writing files without ever losing a journalist's work: temporary file, then an atomic rename."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


class WouldOverwrite(Exception):
    def __init__(self, path: Path):
        super().__init__(str(path))
        self.path = path


def write_text(path: Path, text: str, *, replace: bool = False) -> None:
    """Write `text` to `path` atomically; refuse to replace an existing file unless `replace`."""
    path = Path(path)
    if path.exists() and not replace:
        raise WouldOverwrite(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as stream:
            stream.write(text)
            stream.flush()
            os.fsync(stream.fileno())
        if not replace and path.exists():  # appeared while we were writing
            raise WouldOverwrite(path)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
