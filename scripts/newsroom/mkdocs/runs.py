"""Ways to run MkDocs on the project besides plain `mkdocs build`: a preview of one story in one
language, and the production build, whose languages are built side by side.

Each run is an ordinary MkDocs run of a small configuration that `INHERIT`s mkdocs.yml and
changes only i18n's `build_only_locale`, the newsroom plugin's settings and where the site goes.

The production build starts one `mkdocs build` per language, each into a folder of its own,
at the same time (two cores build two languages in little more than the time of one); each
leaves what the bilingual views and feeds need in a hand-off folder. When both have finished,
their folders become the site (Chinese at the root, English in `en/`) and the plugin writes
what needs both languages. Plain `mkdocs build` makes the same site, byte for byte, in one
process, the languages one after the other.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path

from newsroom.model import yaml_writer
from newsroom.model.schema import SOURCE_LANG, TRADITIONAL_LANG, TRANSLATION_LANG, base_language

CACHE_FOLDER = ".cache"  # beside mkdocs.yml: the newsroom plugin's `cache_dir`
WORK_FOLDER = "runs"  # inside it
BUILD_ENV = {"NO_MKDOCS_2_WARNING": "1", "PYTHONUTF8": "1"}


def _read(project_config: Path):
    from mkdocs.config.defaults import MkDocsConfig

    project = MkDocsConfig(config_file_path=str(project_config.resolve()))
    with open(project_config, "rb") as opened:
        project.load_file(opened)  # as MkDocs reads it, INHERIT and !ENV included
    project.validate()
    return project


def site_languages(project_config: Path) -> tuple[str, ...]:
    """The languages the site is built in, the Traditional edition among them when it is on."""
    return _read(project_config).plugins["newsroom"].config.languages()


def derived_config(project_config: Path, work: Path, name: str, newsroom: dict, i18n: dict, **settings) -> Path:
    """A configuration file in `work` that is mkdocs.yml with these settings changed."""
    project = _read(project_config)
    data = {
        "INHERIT": str(project_config.resolve()),
        # paths in a configuration are relative to its own file: give them as MkDocs resolved them
        "docs_dir": project.docs_dir,
        **({"theme": {"custom_dir": project.theme.custom_dir}} if project.theme.custom_dir else {}),
        "plugins": {
            "i18n": i18n,
            "newsroom": {"cache_dir": str(project_config.resolve().parent / CACHE_FOLDER), **newsroom},
        },
        **settings,
    }
    work.mkdir(parents=True, exist_ok=True)
    path = work / f"mkdocs.{name}.yml"
    path.write_text(yaml_writer.new_document(data), encoding="utf-8")
    return path


def without_traditional_config(project_config: Path, work: Path) -> Path:
    """mkdocs.yml without the Traditional edition (for the benchmark: what the edition costs)."""
    listed = _read(project_config).plugins["i18n"].config.languages
    i18n = {"languages": [{**language, "build": language.locale != TRADITIONAL_LANG} for language in listed]}
    return derived_config(project_config, work, "without-traditional", {"traditional": {"enabled": False}}, i18n)


def preview_config(project_config: Path, docs_dir: Path, slug: str | None, lang: str) -> Path:
    """The preview's configuration, beside the docs being previewed (a journalist's own folder)."""
    newsroom = {"search": False, **({"only_story": slug} if slug else {})}
    work = docs_dir.resolve().parent / CACHE_FOLDER / WORK_FOLDER
    return derived_config(
        project_config, work, "preview", newsroom, {"build_only_locale": lang}, docs_dir=str(docs_dir.resolve())
    )


@dataclass
class LanguageBuild:
    lang: str  # the build's first language, which names its folder
    languages: tuple[str, ...]
    process: subprocess.Popen
    output: list[str]


def build_side_by_side(project_config: Path, site_dir: Path, cache_dir: Path, strict: bool = True) -> int:
    """The production build; returns 0 if every part of it succeeded."""
    from newsroom.render import search

    build_started = time.time()  # the caches' entries this build uses are touched after it
    work = cache_dir / WORK_FOLDER
    hand_off = work / "hand-off"
    shutil.rmtree(hand_off, ignore_errors=True)
    clearing = _clear_away(site_dir, work)
    site_dir.mkdir(parents=True)
    languages = site_languages(project_config)
    builds = [_start(project_config, work, hand_off, together, strict) for together in _builds(languages)]
    # while the builds run, this process would only wait: it reads what the step after them needs
    shared_step = _SharedStep(project_config, site_dir)
    shared_step.start()
    relays = [threading.Thread(target=_relay, args=(build,)) for build in builds]
    for relay in relays:
        relay.start()
    indexing, waiting = [], list(builds)
    while waiting:
        for build in [build for build in waiting if build.process.poll() is not None]:
            waiting.remove(build)
            if build.process.returncode != 0:
                for other in waiting:
                    other.process.kill()
                waiting.clear()
                break
            # a build's pages go into place, and Pagefind indexes them while the other builds
            indexing += [search.start_indexing(home, cache_dir) for home in _place(work, build, site_dir)]
        time.sleep(0.05)
    for relay in relays:
        relay.join()
    clearing.join()
    if any(build.process.returncode != 0 for build in builds):
        for started in indexing:
            started.stop()
        return 1
    written = shared_step.write(hand_off, languages)
    try:
        indexed = {lang: count for started in indexing for lang, count in started.wait().items()}
    except search.IndexingFailed as failed:
        print(f"Error: {failed}", file=sys.stderr)
        return 1
    print("search: indexed " + ", ".join(f"{count} {lang} pages" for lang, count in sorted(indexed.items())))
    print(search.shards_report(indexing))
    if written == 0:
        prune_caches(cache_dir, build_started)
    return written


def prune_caches(cache_dir: Path, used_since: float) -> None:
    """After a build of the whole site, search included: what no part of it used goes."""
    from newsroom.mkdocs.page_cache import CACHE_FOLDER as PAGES
    from newsroom.mkdocs.page_cache import PageCache
    from newsroom.render import search

    pages = PageCache(cache_dir / PAGES, "").prune(used_since)
    shards = search.prune_cache(cache_dir, used_since)
    if pages or shards:
        print(f"cache: removed {pages} story pages and {shards} search shards that no page of the site uses any more")


def _builds(languages: tuple[str, ...]) -> list[tuple[str, ...]]:
    """The languages each process builds: the Traditional edition with the Chinese, whose files it
    is made from (i18n falls back to the default language's files only while that is built too)."""
    chinese = tuple(lang for lang in languages if base_language(lang) == SOURCE_LANG)
    return [chinese, *[(lang,) for lang in languages if lang not in chinese]]


def _start(project_config: Path, work: Path, hand_off: Path, languages: tuple[str, ...], strict: bool) -> LanguageBuild:
    lang = languages[0]
    # the English build runs the check: the Chinese one has the pages of the home page's series
    newsroom = {"hand_off_dir": str(hand_off), "check": lang == TRANSLATION_LANG, "search": False}
    if len(languages) == 1:
        i18n = {"build_only_locale": lang}
    else:
        listed = _read(project_config).plugins["i18n"].config.languages
        i18n = {"languages": [{**language, "build": language.locale in languages} for language in listed]}
    config = derived_config(project_config, work, lang, newsroom, i18n, site_dir=str(work / lang))
    command = [sys.executable, "-m", "mkdocs", "build", "--config-file", str(config), *(["--strict"] if strict else [])]
    process = subprocess.Popen(
        command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=_env(), cwd=project_config.parent
    )
    return LanguageBuild(lang, languages, process, [])


def _relay(build: LanguageBuild) -> None:
    """Print a build's log as it comes, each line marked with its language."""
    for line in build.process.stdout:
        sys.stdout.write(f"[{build.lang}] {line}")
        build.output.append(line)


def _place(work: Path, build: LanguageBuild, site_dir: Path) -> list[Path]:
    """Move a build's pages into the site; return each of its languages' homes. The Chinese
    build's folder is the site's root (the Traditional edition in its zh-Hant/), the English
    build's pages are in its en/ (what else it wrote, the shared files replace)."""
    lang = build.lang
    if lang == SOURCE_LANG:
        for entry in sorted((work / lang).iterdir()):
            shutil.move(str(entry), site_dir / entry.name)
        return [site_dir, *[site_dir / other for other in build.languages[1:]]]
    shutil.move(str(work / lang / lang), site_dir / lang)
    return [site_dir / lang]


class _SharedStep(threading.Thread):
    """The configuration and the stories for the files that need every language, read in the
    background; `write` writes those files once the builds have left their parts."""

    def __init__(self, project_config: Path, site_dir: Path) -> None:
        super().__init__(daemon=True)  # a build that failed does not wait for it
        self.project_config = project_config
        self.site_dir = site_dir
        self.config = None
        self.failed: BaseException | None = None

    def run(self) -> None:
        from mkdocs.config import load_config

        try:
            self.config = load_config(str(self.project_config), site_dir=str(self.site_dir))
            self.config.plugins["newsroom"].prepare_shared_files(self.config)
        except BaseException as failed:  # raised again, as it came, where the build goes on
            self.failed = failed

    def write(self, hand_off: Path, languages: tuple[str, ...]) -> int:
        from mkdocs.exceptions import MkDocsException

        from newsroom.mkdocs.shared import handed_off

        self.join()
        try:
            if self.failed:
                raise self.failed
            self.config.plugins["newsroom"].write_shared_files(self.config, handed_off(hand_off, languages))
        except MkDocsException as failed:
            print(f"Error: {failed.format_message()}", file=sys.stderr)
            return 1
        return 0


def _clear_away(site_dir: Path, work: Path) -> threading.Thread:
    """Empty the site folder at once: the last build's site is moved aside and deleted in the
    background (at 1,000 stories, 16,000 files) while the builds run."""
    aside = work / "previous-site"
    if site_dir.exists():
        shutil.rmtree(aside, ignore_errors=True)
        work.mkdir(parents=True, exist_ok=True)
        try:
            site_dir.rename(aside)
        except OSError:  # on another disk: delete it here
            shutil.rmtree(site_dir, ignore_errors=True)
    clearing = threading.Thread(target=shutil.rmtree, args=(aside,), kwargs={"ignore_errors": True}, daemon=True)
    clearing.start()
    return clearing


def _env() -> dict[str, str]:
    return {**os.environ, **BUILD_ENV}
