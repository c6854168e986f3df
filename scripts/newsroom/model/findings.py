"""A finding is one problem in one file, printed the same way by the CLI and by the build."""

from __future__ import annotations

import os
from dataclasses import asdict, dataclass
from pathlib import Path

ERROR = "error"
WARNING = "warning"


@dataclass(frozen=True)
class Finding:
    path: Path
    line: int
    severity: str
    message: str
    fix: str = ""
    code: str = ""

    def format(self, root: Path | None = None) -> str:
        shown = shown_path(self.path, root)
        text = f"{shown}:{self.line}: {self.severity}: {self.message}"
        return f"{text} — {self.fix}" if self.fix else text

    def as_dict(self, root: Path | None = None) -> dict:
        data = asdict(self)
        data["path"] = shown_path(self.path, root)
        return data


def field_name(path: tuple) -> str:
    """A front matter field as a finding names it: `photos` → `alt` for ("photos", 0, "alt")."""
    return " → ".join(f"`{part}`" for part in path if isinstance(part, str))


def shown_path(path: Path, root: Path | None = None) -> str:
    """A path as a journalist would type it: relative to `root` (default: where they are)."""
    try:
        return real_path(path).relative_to(os.path.realpath(root or Path.cwd())).as_posix()
    except ValueError:
        return path.as_posix()


def real_path(path: Path) -> Path:
    """The absolute `path` with links resolved in its folders, but not at its end: a link is shown
    by its own name, and one that loops does not raise (Path.resolve does, before Python 3.13)."""
    path = Path(os.path.abspath(path))
    return Path(os.path.realpath(path.parent), path.name)

