"""What a preview (`mkdocs serve`, `stories.py preview`) shows of the check's findings on the
page itself, so that a writer sees there what the terminal says."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from newsroom.checks.messages import EXPLANATIONS
from newsroom.model.findings import Finding, real_path, shown_path
from newsroom.model.registry import DATA_DIR


@dataclass(frozen=True)
class BannerLine:
    """One finding as the preview banner shows it: where, what, the fix, and the explanation of
    its kind in both languages."""

    location: str  # `docs/stories/x/index.zh.md:12`
    severity: str
    message: str
    fix: str
    explanation_zh: str
    explanation_en: str


def banner(findings: list[Finding], sources: list[Path], root: Path) -> list[BannerLine]:
    """The findings about the files a previewed page is made from (and about docs/_data/, which
    every page uses), so that a writer sees on the page what the terminal says."""
    shown = {real_path(source) for source in sources}
    lines = []
    for finding in findings:
        path = real_path(finding.path)
        if path in shown or DATA_DIR in path.parts:
            zh, en = EXPLANATIONS.get(finding.code, ("", ""))
            location = f"{shown_path(finding.path, root)}:{finding.line}"
            lines.append(BannerLine(location, finding.severity, finding.message, finding.fix, zh, en))
    return lines
