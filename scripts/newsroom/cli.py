"""`python scripts/stories.py VERB`: the one command line for journalists and CI."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import logging
import os
import shlex
import sys
from pathlib import Path

from newsroom import importer
from newsroom.checks import checks, config_checks, messages
from newsroom.checks.glossary import load_glossary
from newsroom.commands import scaffold, status, xliff
from newsroom.mkdocs import runs
from newsroom.model.catalogue import Code, report
from newsroom.model.files import WouldOverwrite, remove_leftovers, write_text
from newsroom.model.findings import ERROR, WARNING, Finding, real_path, shown_path
from newsroom.model.frontmatter import FrontMatterProblem
from newsroom.model.registry import DATA_DIR
from newsroom.model.schema import LANGUAGES, SOURCE_LANG
from newsroom.model.site import Site, load_site
from newsroom.model.story import STORIES_DIR, Story, slug_problem
from newsroom.model.translation import marked_text

PROJECT_ROOT = Path(__file__).resolve().parents[2]


def default_docs() -> Path:
    """`docs/` of the project being worked in (as MkDocs finds mkdocs.yml), else this project's."""
    here = Path.cwd() / "docs"
    return here if (Path.cwd() / "mkdocs.yml").is_file() and here.is_dir() else PROJECT_ROOT / "docs"


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
    parser.add_argument("--docs", type=Path, default=None, help="the docs folder (default: docs/ of this project)")
    verbs = parser.add_subparsers(dest="verb", metavar="VERB")

    new = verbs.add_parser(
        "new",
        help="start a new story in both languages (新建稿件)",
        description="Create docs/stories/SLUG/ with index.zh.md, index.en.md and images/. Overwrites only with --force.",
    )
    new.add_argument("slug", metavar="SLUG", help="the story's web address, e.g. jinzhong-green-waters")
    new.add_argument("--title", required=True, help="the Chinese headline (标题)")
    new.add_argument("--date", type=_date, default=None, help="publication date YYYY-MM-DD (default: today)")
    new.add_argument("--force", action="store_true", help="replace the story's index.zh.md and index.en.md")
    new.set_defaults(run=run_new)

    import_page = verbs.add_parser(
        "import",
        help="turn a newspaper page's plain text into a new story (导入版面文字)",
        description="Read the text a layout program or PDF export gives for one page: find the series banner, "
        "kicker, title, byline and photo captions, mend paragraphs cut by page breaks, and write "
        "docs/stories/SLUG/ with the Chinese story and an English file to translate. Prints what went where.",
    )
    import_page.add_argument("raw", type=Path, metavar="RAW.txt", help="the page's text (UTF-8, GB18030/GBK, Big5 or UTF-16)")
    import_page.add_argument("--slug", required=True, help="the story's web address, e.g. jinzhong-green-waters")
    import_page.add_argument("--force", action="store_true", help="replace the story's index.zh.md and index.en.md")
    import_page.set_defaults(run=run_import)

    preview = verbs.add_parser(
        "preview",
        help="show the site in your browser while you edit (预览)",
        description="Serve the site on http://127.0.0.1:PORT/ and reload the page whenever a file is saved. "
        "With SLUG only that story is built, in one language, without search, so a saved edit shows quickly.",
    )
    preview.add_argument("slug", nargs="?", metavar="SLUG", help="the story to preview (default: the whole site)")
    preview.add_argument("--lang", choices=LANGUAGES, default=SOURCE_LANG, help="the language to preview (default: zh)")
    preview.add_argument("--port", type=int, default=8000)
    preview.set_defaults(run=run_preview)

    build = verbs.add_parser(
        "build",
        help="build the whole site, strict, both languages side by side (发布用：构建整个网站)",
        description="What CI publishes: the check, both languages (each in a process of its own), the "
        "bilingual views, photos, search and feeds, into site/. Plain `mkdocs build` makes the same site "
        "in one process.",
    )
    build.add_argument("--site-dir", type=Path, default=None, help="where to write the site (default: site/ beside mkdocs.yml)")
    build.set_defaults(run=run_build)

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

    export = verbs.add_parser(
        "export-xliff",
        help="write a story's translation units as XLIFF for a CAT tool (导出 XLIFF 供翻译软件使用)",
        description="Write one XLIFF 1.2 unit per title, deck, summary, date note, photo caption and alt text, "
        "heading and paragraph: the Chinese as source, the English as target where it is current, empty where "
        "it is missing or outdated. Open the file in OmegaT, memoQ, Trados or Phrase; bring it back with import-xliff.",
    )
    export.add_argument("slug", metavar="SLUG", help="the story, e.g. jinzhong-green-waters")
    export.add_argument("-o", "--output", type=Path, default=None, help="the file to write (default: SLUG.xlf; - for standard output)")
    export.add_argument("--force", action="store_true", help="replace the output file if it exists")
    export.set_defaults(run=run_export_xliff)

    import_xliff = verbs.add_parser(
        "import-xliff",
        help="write the English story from a translated XLIFF file (导入翻译好的 XLIFF)",
        description="Put each filled-in target of an XLIFF file from export-xliff into the English story, "
        "keeping its fields and layout, and record the Chinese blocks it now translates. Writes nothing when "
        "the file does not fit the story as it is now.",
    )
    import_xliff.add_argument("file", type=Path, metavar="FILE", help="the XLIFF file, e.g. jinzhong-green-waters.xlf")
    import_xliff.set_defaults(run=run_import_xliff)
    return parser


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"`{text}` is not a date; write YYYY-MM-DD, e.g. 2025-12-01") from None


def _load(args, read_stories: bool = True) -> Site:
    docs = (args.docs or default_docs()).resolve()
    if not docs.is_dir():
        raise UsageError(
            f"{args.docs} is not a folder; run from the project or pass --docs（请在项目文件夹里运行，或用 --docs 指定 docs 文件夹）"
        )
    return load_site(docs, read_stories=read_stories)


def _story_at(site: Site, path: Path) -> Story:
    # os.path.realpath, as Path.resolve raises on a link that loops (before Python 3.13)
    target = Path(os.path.realpath(path))
    for story in site.stories:
        folder = Path(os.path.realpath(story.folder))
        if target == folder or folder in target.parents:
            return story
    raise UsageError(f"{path} is not a story folder under {site.docs_dir}/stories/（这不是稿件文件夹）")


def _refuse_to_overwrite(site: Site, slug: str, again: list[str]) -> None:
    """Without --force, `new` and `import` stop at a story folder that exists, saying what is in it."""
    stories = site.docs_dir / STORIES_DIR
    problem = slug_problem(slug, stories, may_exist=True)
    refused = problem or scaffold.refusal(stories / slug, shlex.join(["python", "scripts/stories.py", *again]))
    if refused:
        raise UsageError(refused)


def run_new(args) -> int:
    site = _load(args)
    if not args.force:
        again = ["new", args.slug, "--title", args.title] + (["--date", args.date.isoformat()] if args.date else [])
        _refuse_to_overwrite(site, args.slug, again)
    try:
        folder = scaffold.create_story(
            site, args.slug, args.title.strip(), args.date or dt.date.today(), force=args.force
        )
    except scaffold.SlugProblem as problem:
        raise UsageError(str(problem)) from None
    except WouldOverwrite as refused:
        raise UsageError(
            f"{shown_path(refused.path)} appeared while the story was being written; nothing was replaced（写入时出现了同名文件，未覆盖）"
        ) from None
    shown = shown_path(folder)
    print(f"created {shown}/index.zh.md, {shown}/index.en.md and {shown}/images/")
    print(f"next: fill in the fields and the text, put photos into {shown}/images/, then run")
    print(f"下一步：填写信息区和正文，把照片放进 {shown}/images/，然后运行")
    print(f"  python scripts/stories.py check {shown}")
    print(f"  python scripts/stories.py preview {args.slug}")
    return 0


def run_import(args) -> int:
    site = _load(args)
    if not args.force:
        _refuse_to_overwrite(site, args.slug, ["import", str(args.raw), "--slug", args.slug])
    try:
        print(importer.import_story(args.raw, args.slug, site.docs_dir, force=args.force))
    except importer.ImportProblem as problem:
        raise UsageError(str(problem)) from None
    remove_leftovers(site.docs_dir / STORIES_DIR / args.slug)
    return 0


def run_preview(args) -> int:
    site = _load(args)
    if args.slug and site.story(args.slug) is None:
        raise UsageError(
            f"there is no story `{args.slug}` in {shown_path(site.docs_dir)}/stories/; `stories.py status` lists them（没有这篇稿件；status 命令列出所有稿件）"
        )
    from mkdocs.commands.serve import serve  # imported here: the other verbs do not need MkDocs

    logging.basicConfig(level=logging.INFO, format="%(levelname)-7s -  %(message)s")
    path = f"stories/{args.slug}/" if args.slug else ""
    print(f"preview: open http://127.0.0.1:{args.port}/{path} — the page reloads when you save; Ctrl+C stops it")
    print(f"预览：在浏览器打开 http://127.0.0.1:{args.port}/{path} ——保存文件后页面自动刷新；按 Ctrl+C 结束")
    project_config = _project_config(site)
    config = runs.preview_config(project_config, site.docs_dir, args.slug, args.lang)
    # not strict: a story being written has errors, which the terminal lists while the page still shows
    serve(config_file=str(config), livereload=True, dev_addr=f"127.0.0.1:{args.port}", strict=False)
    return 0


def _project_config(site: Site) -> Path:
    config = site.docs_dir.parent / "mkdocs.yml"
    return config if config.is_file() else PROJECT_ROOT / "mkdocs.yml"


def run_build(args) -> int:
    site = _load(args, read_stories=False)
    project_config = _project_config(site)
    mistakes = config_checks.check_config_file(project_config)
    if mistakes:
        for finding in mistakes:
            print(finding.format(project_config.parent), file=sys.stderr)
        print("中文说明：", file=sys.stderr)
        print("\n".join(messages.explain(finding.code for finding in mistakes)), file=sys.stderr)
        return 1
    site_dir = args.site_dir or project_config.parent / "site"
    # the build empties the site folder first: never one that holds the stories or the project
    project = real_path(project_config.parent)
    for kept, emptied in (
        (site.docs_dir, _within(site_dir, site.docs_dir)),  # the stories, or a folder in or around them
        (project, real_path(site_dir) in (project, *project.parents)),  # the project, or a folder around it
    ):
        if emptied:
            raise UsageError(
                f"--site-dir {shown_path(site_dir)} holds or is {shown_path(kept)}, which the build would empty; "
                "give a folder of its own, such as site/（网站目录不能包含稿件或项目本身，构建会先清空它；请另选一个目录，如 site/）"
            )
    return runs.build_side_by_side(project_config, site_dir.resolve(), project_config.parent / runs.CACHE_FOLDER)


def run_check(args) -> int:
    processes = min(os.cpu_count() or 1, 4)
    site = _load(args, read_stories=processes == 1)
    for path in args.paths:
        if not path.exists():
            raise UsageError(f"{path} does not exist（路径不存在，请检查拼写）")
        if not _checkable(site, path):
            raise UsageError(
                f"{path} holds no story or page of {shown_path(site.docs_dir)}/; check takes story folders and files "
                f"({shown_path(site.docs_dir)}/stories/SLUG/), pages such as {shown_path(site.docs_dir)}/about.zh.md, "
                f"the records in {shown_path(site.docs_dir)}/_data/, or nothing for every story"
                "（这里没有稿件或页面：check 只接受 docs/stories/ 下的稿件文件夹或文件、docs/ 下的页面、docs/_data/ 名录，或不加路径检查全部）"
            )
    findings = checks.check_site(site, args.paths or None, strict=args.strict, processes=processes)
    config_file = site.docs_dir.parent / config_checks.CONFIG_FILE
    if not args.paths and config_file.is_file():  # the whole site: its settings too
        findings = checks.sort_findings(config_checks.check_config_file(config_file) + findings)
    errors = sum(f.severity == ERROR for f in findings)
    warnings = sum(f.severity == WARNING for f in findings)
    checked, pages = _count_checked(site, args.paths)
    if args.format == "json":
        print(
            json.dumps(
                {
                    "findings": [f.as_dict() for f in findings],
                    "errors": errors,
                    "warnings": warnings,
                    "stories": checked,
                    "pages": pages,
                },
                ensure_ascii=False,
                indent=2,
            )
        )
    else:
        for finding in findings:
            print(finding.format())
        print(_summary(checked, pages, errors, warnings))
        if findings:
            print("中文说明（每种问题的改法；完整说明见 GUIDE.zh.md）：")
            print("\n".join(messages.explain(finding.code for finding in findings)))
    return 1 if errors else 0


def _within(path: Path, target: Path) -> bool:
    """Whether `path` is `target`, lies inside it, or contains it (links resolved as the check does)."""
    path, target = real_path(path), real_path(target)
    return path == target or target in path.parents or path in target.parents


def _checkable(site: Site, path: Path) -> bool:
    """Whether `path` names something of docs/ that the check reads: the whole tree, a story (or
    a file in its folder), a page, the records, or a file that is there by mistake."""
    docs = real_path(site.docs_dir)
    if not (real_path(path) == docs or docs in real_path(path).parents):
        return False
    return (
        any(_within(story.folder, path) for story in site.stories)
        or any(_within(page_file.path, path) for page in site.pages.values() for page_file in page.files.values())
        or any(_within(finding.path, path) for finding in site.problems)
        or _within(site.docs_dir / DATA_DIR, path)
    )


def _count_checked(site: Site, paths) -> tuple[int, int]:
    """How many stories and pages the check read (a check of the whole site counts its stories)."""
    docs, records = real_path(site.docs_dir), real_path(site.docs_dir / DATA_DIR)
    # a record can break any story, so the check reads them all
    if not paths or any(real_path(p) in (docs, records) or records in real_path(p).parents for p in paths):
        return len(site.stories), 0
    stories = sum(any(_within(story.folder, path) for path in paths) for story in site.stories)
    pages = sum(
        any(_within(page_file.path, path) for path in paths for page_file in page.files.values())
        for page in site.pages.values()
    )
    return stories, pages


def _summary(stories: int, pages: int, errors: int, warnings: int) -> str:
    verdict = (
        "all good"
        if not errors and not warnings
        else "fix the errors above before publishing"
        if errors
        else "publishable; see the warnings above"
    )
    checked = [f"{stories} {'story' if stories == 1 else 'stories'}"] if stories or not pages else []
    checked += [f"{pages} {'page' if pages == 1 else 'pages'}"] if pages else []
    return f"checked {' and '.join(checked)}: {errors} {'error' if errors == 1 else 'errors'}, {warnings} {'warning' if warnings == 1 else 'warnings'} — {verdict}"


def run_status(args) -> int:
    site = _load(args)
    rows = status.story_rows(site)
    print(status.render(rows, args.format))
    return 0


def run_mark_translated(args) -> int:
    site = _load(args)
    story = _story_at(site, args.path)
    if story.translation is None or story.source is None:
        raise UsageError(f"{story.folder} needs both index.zh.md and index.en.md（中英文稿都要有）")
    blocking = [
        f
        for f in checks.check_story(story, site.registry)
        if (f.severity == ERROR and f.code in {"structure", "untranslated"})
        or (f.path == story.translation.path and f.line == 1 and f.severity == ERROR)
    ]
    if story.translation.problem or story.translation.front is None or blocking:
        for finding in blocking or [
            story.translation.problem or report(Code.NO_FRONT_MATTER, story.translation.path, 1)
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
    try:
        write_text(story.translation.path, marked_text(story, dt.date.today()), replace=True)
    except FrontMatterProblem as problem:
        finding = Finding(story.translation.path, problem.line, ERROR, problem.message, problem.fix, "front-matter-syntax")
        print(finding.format(), file=sys.stderr)
        print("not marked; the file was not changed（未标记，文件未改动）", file=sys.stderr)
        return 1
    except OSError as error:
        print(
            f"{shown_path(story.translation.path)}: cannot save ({error.strerror}); the file was not changed",
            file=sys.stderr,
        )
        return 1
    print(
        f"{shown_path(story.translation.path)}: marked as translating the current Chinese text ({dt.date.today().isoformat()})"
    )
    return 0


def run_export_xliff(args) -> int:
    site = _load(args)
    story = site.story(args.slug)
    if story is None or story.source is None or story.source.problem or story.source.front is None:
        raise UsageError(
            f"there is no readable Chinese story `{args.slug}` in {shown_path(site.docs_dir)}/stories/; "
            "`stories.py status` lists them and `stories.py check` says what is wrong（没有这篇可读的中文稿件）"
        )
    data = xliff.export_xliff(story, load_glossary(site.docs_dir))
    if args.output == Path("-"):
        sys.stdout.buffer.write(data)
        return 0
    output = args.output or Path(f"{args.slug}.xlf")
    try:
        write_text(output, data.decode("utf-8"), replace=args.force)
    except WouldOverwrite:
        raise UsageError(
            f"{shown_path(output)} already exists; choose another name with -o, or add --force to replace it"
            "（文件已存在：用 -o 换个名字，或加 --force 覆盖）"
        ) from None
    except OSError as error:
        raise UsageError(f"cannot write {shown_path(output)} ({error.strerror})（无法写入文件）") from None
    units = xliff.export_summary(story)
    print(f"wrote {shown_path(output)}: {units}")
    print("open it in the CAT tool (OmegaT: Project → New, add it as a source file), translate, then run")
    print("在翻译软件里打开并翻译，然后运行")
    print(f"  python scripts/stories.py import-xliff {shown_path(output)}")
    return 0


def run_import_xliff(args) -> int:
    if not args.file.is_file():
        raise UsageError(f"{args.file} is not a file（找不到该文件）")
    site = _load(args)
    result = xliff.import_xliff(args.file, site, dt.date.today())
    if result.problems:
        for finding in result.problems:
            print(finding.format(), file=sys.stderr)
        print("nothing was written（未写入任何内容）", file=sys.stderr)
        print("中文说明：", file=sys.stderr)
        print("\n".join(messages.explain(finding.code for finding in result.problems)), file=sys.stderr)
        return 1
    english = result.story.translation.path
    if result.text is None or result.text == result.story.translation.text:
        print(f"{shown_path(english)}: nothing to change; the file's translations are those of the story（无需改动）")
        return 0
    try:
        write_text(english, result.text, replace=True)
    except OSError as error:
        print(f"{shown_path(english)}: cannot save ({error.strerror}); the file was not changed", file=sys.stderr)
        return 1
    names = ", ".join(unit.context.split(",")[0] for unit in result.translated)
    print(f"{shown_path(english)}: wrote {len(result.translated)} translated units ({names}) and recorded them")
    print(f"next: python scripts/stories.py check {shown_path(english.parent)}")
    return 0
