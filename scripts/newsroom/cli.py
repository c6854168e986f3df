"""`python scripts/stories.py VERB`: the one command line for journalists and CI."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from pathlib import Path

from . import checks, status
from .files import write_text
from .findings import ERROR, WARNING, Finding, shown_path
from .site import Site, load_site
from .story import Story
from .translation import marked_text

PROJECT_ROOT = Path(__file__).resolve().parents[2]
DEFAULT_DOCS = PROJECT_ROOT / "docs"


class UsageError(Exception):
    """A mistake in how the command was called: printed as one line, exit code 2."""


def main(argv: list[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    if not getattr(args, "run", None):
        parser.print_help()
        return 2
    try:
        return args.run(args)
    except UsageError as error:
        print(f"stories.py {args.verb}: {error}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("stopped; no file was changed", file=sys.stderr)
        return 130


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python scripts/stories.py",
        description="Write, check and preview the bilingual stories of this site. 每条命令都可加 -h 查看说明。",
        epilog="The journalists' guide (docs/guide) explains each step and every message.",
    )
    parser.add_argument("--docs", type=Path, default=DEFAULT_DOCS, help="the docs folder (default: docs/)")
    verbs = parser.add_subparsers(dest="verb", metavar="VERB")

    check = verbs.add_parser(
        "check",
        help="check translations, credits and structure (检查译文、署名与图片说明)",
        description="Check every story, or only the given story folders and files. "
        "Exit 0: all is well; 1: problems found; 2: the command was called wrongly.",
    )
    check.add_argument("paths", nargs="*", type=Path, metavar="PATH", help="story folders or files (default: all)")
    check.add_argument("--format", choices=("text", "json"), default="text")
    check.add_argument("--strict", action="store_true", help="treat an outdated translation as an error")
    check.set_defaults(run=run_check)

    report = verbs.add_parser("status", help="a table of every story's translation and photo status (稿件状态)")
    report.add_argument("--format", choices=("text", "json", "markdown"), default="text")
    report.set_defaults(run=run_status)

    mark = verbs.add_parser(
        "mark-translated",
        help="record that the English now matches the Chinese (标记译文已更新)",
        description="After updating a translation, record the Chinese text it now matches. "
        "Refuses while the two files are out of step.",
    )
    mark.add_argument("path", type=Path, metavar="PATH", help="the story folder (or one of its files)")
    mark.set_defaults(run=run_mark_translated)
    return parser


def _load(args) -> Site:
    docs = args.docs.resolve()
    if not docs.is_dir():
        raise UsageError(f"{args.docs} is not a folder; run from the project or pass --docs")
    return load_site(docs)


def _story_at(site: Site, path: Path) -> Story:
    target = path.resolve()
    for story in site.stories:
        folder = story.folder.resolve()
        if target == folder or folder in target.parents:
            return story
    raise UsageError(f"{path} is not a story folder under {site.docs_dir}/stories/")


def run_check(args) -> int:
    site = _load(args)
    for path in args.paths:
        if not path.exists():
            raise UsageError(f"{path} does not exist")
    findings = checks.check_site(site, args.paths or None, strict=args.strict)
    errors = sum(f.severity == ERROR for f in findings)
    warnings = sum(f.severity == WARNING for f in findings)
    checked = _count_checked(site, args.paths)
    if args.format == "json":
        print(
            json.dumps(
                {
                    "findings": [f.as_dict() for f in findings],
                    "errors": errors,
                    "warnings": warnings,
                    "stories": checked,
                },
                ensure_ascii=False,
                indent=2,
            )
        )
    else:
        for finding in findings:
            print(finding.format())
        print(_summary(checked, errors, warnings))
    return 1 if errors else 0


def _count_checked(site: Site, paths) -> int:
    if not paths:
        return len(site.stories)
    targets = [p.resolve() for p in paths]
    return sum(
        any(
            t == s.folder.resolve() or s.folder.resolve() in t.parents or s.folder.resolve().is_relative_to(t)
            for t in targets
        )
        for s in site.stories
    )


def _summary(stories: int, errors: int, warnings: int) -> str:
    verdict = (
        "all good"
        if not errors and not warnings
        else "fix the errors above before publishing"
        if errors
        else "publishable; see the warnings above"
    )
    return f"checked {stories} {'story' if stories == 1 else 'stories'}: {errors} {'error' if errors == 1 else 'errors'}, {warnings} {'warning' if warnings == 1 else 'warnings'} — {verdict}"


def run_status(args) -> int:
    site = _load(args)
    rows = status.story_rows(site)
    print(status.render(rows, args.format))
    return 0


def run_mark_translated(args) -> int:
    site = _load(args)
    story = _story_at(site, args.path)
    if story.translation is None or story.source is None:
        raise UsageError(f"{story.folder} needs both index.zh.md and index.en.md")
    blocking = [
        f
        for f in checks.check_story(story, site.registry)
        if (f.severity == ERROR and f.code in {"structure", "untranslated"})
        or (f.path == story.translation.path and f.line == 1 and f.severity == ERROR)
    ]
    if story.translation.problem or story.translation.front is None or blocking:
        for finding in blocking or [
            story.translation.problem or Finding(story.translation.path, 1, ERROR, "the file has no front matter")
        ]:
            print(finding.format(), file=sys.stderr)
        print(
            "not marked: the English file is not yet in step with the Chinese; fix the errors above first",
            file=sys.stderr,
        )
        return 1
    if story.translation_is_current:
        print(f"{shown_path(story.translation.path)}: already marked as translating the current Chinese text")
        return 0
    write_text(story.translation.path, marked_text(story, dt.date.today()), replace=True)
    print(
        f"{shown_path(story.translation.path)}: marked as translating the current Chinese text ({dt.date.today().isoformat()})"
    )
    return 0
