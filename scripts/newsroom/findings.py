"""A finding is one problem in one file, printed the same way by the CLI and by the build."""

from __future__ import annotations

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
        shown = _relative(self.path, root)
        text = f"{shown}:{self.line}: {self.severity}: {self.message}"
        return f"{text} — {self.fix}" if self.fix else text

    def as_dict(self, root: Path | None = None) -> dict:
        data = asdict(self)
        data["path"] = _relative(self.path, root)
        return data


def _relative(path: Path, root: Path | None) -> str:
    if root is not None:
        try:
            return path.resolve().relative_to(root.resolve()).as_posix()
        except ValueError:
            pass
    return path.as_posix()


class StoryError(Exception):
    """Raised for a file that cannot be read at all; carries the finding to report."""

    def __init__(self, finding: Finding):
        super().__init__(finding.format())
        self.finding = finding
