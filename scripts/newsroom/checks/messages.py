"""What the check and the build say after the findings: each kind explained in Chinese (or
English), and which stories are unfinished.

The explanations are the catalogue's (newsroom.model.catalogue), which the journalists' guides
(GUIDE.zh.md, GUIDE.en.md) repeat in their tables; a test keeps them the same.
"""

from __future__ import annotations

from pathlib import Path

from newsroom.model.catalogue import EXPLANATIONS
from newsroom.model.findings import ERROR, Finding
from newsroom.model.story import STORIES_DIR


def explain(codes, lang: str = "zh") -> list[str]:
    """One line per distinct code, in order of first appearance."""
    index = 0 if lang == "zh" else 1
    seen = dict.fromkeys(code for code in codes if code)
    return [f"  [{code}] {EXPLANATIONS[code][index]}" for code in seen if code in EXPLANATIONS]


def unfinished_stories(findings: list[Finding], docs_dir: Path) -> str | None:
    """The line that closes a build's findings: which stories have errors and what to run next
    (a strict build stops on them, and MkDocs' own last word is only a count of warnings)."""
    errors = [finding for finding in findings if finding.severity == ERROR]
    if not errors:
        return None
    slugs = list(dict.fromkeys(slug for slug in (_story_slug(f.path, docs_dir) for f in errors) if slug))
    if not slugs:
        return (
            "the files above have errors: a strict build (`mkdocs build`, CI) stops on them; "
            "run `python scripts/stories.py check` for the list"
            "（上面的文件有错误，严格构建会因此停止；运行 python scripts/stories.py check 查看）"
        )
    check = "python scripts/stories.py check" + (f" docs/{STORIES_DIR}/{slugs[0]}" if len(slugs) == 1 else "")
    preview = f"python scripts/stories.py preview {slugs[0]}"
    return (
        f"unfinished: {', '.join(slugs)} ({'has' if len(slugs) == 1 else 'have'} errors, so a strict build "
        f"(`mkdocs build`, CI) stops): run `{check}` for the list, or `{preview}` to read the page while you fix it"
        f"（未完成的稿件：{'、'.join(slugs)}；严格构建会因此停止。运行 {check} 查看问题，或用 {preview} 边改边看）"
    )


def _story_slug(path: Path, docs_dir: Path) -> str | None:
    try:
        parts = Path(path).resolve().relative_to(Path(docs_dir).resolve()).parts
    except ValueError:
        return None
    return parts[1] if len(parts) >= 2 and parts[0] == STORIES_DIR else None
