"""The whole `docs/` tree as the newsroom sees it: the registry, every story and every other page."""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from newsroom.model import alignment, files
from newsroom.model.catalogue import Code, report
from newsroom.model.findings import Finding
from newsroom.model.registry import DATA_DIR, Registry, load_registry
from newsroom.model.schema import LANGUAGE_NAMES, LANGUAGES, SOURCE_LANG, TRANSLATION_LANG
from newsroom.model.story import STORIES_DIR, Story, StoryFile

_LANG_SUFFIX = re.compile(r"^(?P<stem>.+)\.(?P<lang>[A-Za-z]{2,3}(?:[-_][A-Za-z]{2,4})?)\.md$")
MISNAMED_LANGS = {
    "cn": "zh",
    "zh-cn": "zh",
    "zh_cn": "zh",
    "zh-hans": "zh",
    "chs": "zh",
    "en-us": "en",
    "en-gb": "en",
    "eng": "en",
}


@dataclass
class Page:
    """A page that is not a story (home, about): one file per language."""

    key: str  # the path without the language suffix, e.g. `about.md`
    files: dict[str, StoryFile] = field(default_factory=dict)


@dataclass
class Site:
    docs_dir: Path
    registry: Registry
    stories: list[Story] = field(default_factory=list)  # newest first
    pages: dict[str, Page] = field(default_factory=dict)
    problems: list[Finding] = field(default_factory=list)  # files that fit nowhere
    # what MkDocs cannot build past (also among the problems): it follows links to folders, without
    # end for a link to a parent, and stops with a traceback at a file name that is not UTF-8
    unbuildable: list[Finding] = field(default_factory=list)

    # derived from `stories` on first use, and again whenever `stories` is replaced (a preview
    # keeps one story): every page of a build asks for them
    _derived_from: list[Story] | None = field(default=None, repr=False, compare=False)
    _by_slug: dict[str, Story] = field(default_factory=dict, repr=False, compare=False)
    _series_order: dict[tuple[str, str], list[Story]] = field(default_factory=dict, repr=False, compare=False)
    _series_position: dict[tuple[str, str], dict[str, int]] = field(default_factory=dict, repr=False, compare=False)
    _bilingual: dict[str, bool] = field(default_factory=dict, repr=False, compare=False)

    def _fresh(self) -> None:
        if self._derived_from is not self.stories:
            self._derived_from = self.stories
            self._by_slug = {story.slug: story for story in self.stories}
            self._series_order.clear()
            self._series_position.clear()
            self._bilingual.clear()

    def story(self, slug: str) -> Story | None:
        self._fresh()
        return self._by_slug.get(slug)

    def story_for(self, src_uri: str) -> tuple[Story, str] | None:
        """The story and language of a docs-relative path such as `stories/x/index.en.md`."""
        parts = src_uri.split("/")
        if len(parts) == 3 and parts[0] == STORIES_DIR:
            story = self.story(parts[1])
            match = _LANG_SUFFIX.match(parts[2])
            if story and match and match["lang"] in story.files:
                return story, match["lang"]
        return None

    def has_bilingual_view(self, story: Story) -> bool:
        """Whether the story gets a bilingual reading view: its translation is published and in
        step. Aligned once per build: the story page, the series cards, the sitemap all ask."""
        self._fresh()
        if story.slug not in self._bilingual:
            self._bilingual[story.slug] = story.is_published_in(TRANSLATION_LANG) and alignment.story_in_step(story)
        return self._bilingual[story.slug]

    def stories_in(self, series_id: str, lang: str) -> list[Story]:
        """The stories of a series that readers of `lang` get, newest first."""
        self._fresh()
        key = (series_id, lang)
        if key not in self._series_order:
            self._series_order[key] = [s for s in self.stories if s.series == series_id and s.is_published_in(lang)]
            self._series_position[key] = {s.slug: index for index, s in enumerate(self._series_order[key])}
        return self._series_order[key]

    def chinese_texts(self) -> Iterator[str]:
        """Every Chinese text of the site, what the Traditional edition converts: the records'
        names and titles, each page and story (as read, or from its file when only listed)."""
        for record in [*self.registry.contributors.values(), *self.registry.series.values()]:
            yield " ".join(texts.get(SOURCE_LANG, "") for texts in vars(record).values() if isinstance(texts, dict))
        for chinese in [page.files.get(SOURCE_LANG) for page in self.pages.values()] + [s.source for s in self.stories]:
            if chinese is not None:
                yield chinese.text or _text_of(chinese.path)

    def neighbours(self, story: Story, lang: str) -> tuple[Story | None, Story | None]:
        """The previous (older) and next (newer) story of the same series for readers of `lang`."""
        in_series = self.stories_in(story.series, lang)
        index = self._series_position[(story.series, lang)].get(story.slug)
        if index is None:
            return None, None
        older = in_series[index + 1] if index + 1 < len(in_series) else None
        newer = in_series[index - 1] if index > 0 else None
        return older, newer


def _text_of(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return ""  # the check reports the file


def language_of(name: str) -> tuple[str, str] | None:
    """(stem, language) of a file named `stem.<lang>.md`, or None."""
    match = _LANG_SUFFIX.match(name)
    return (match["stem"], match["lang"]) if match else None


def page_key(src_uri: str) -> str:
    """A page's key in `Site.pages`, its path without the language: `about.en.md` → `about.md`."""
    folder, _, name = src_uri.rpartition("/")
    named = language_of(name)
    key = f"{named[0]}.md" if named else name
    return f"{folder}/{key}" if folder else key


def load_site(docs_dir: Path, *, read_stories: bool = True) -> Site:
    """The docs tree; with `read_stories=False` the story files are listed but not read (the
    parallel check reads each story in the process that checks it)."""
    docs_dir = Path(docs_dir)
    site = Site(docs_dir, load_registry(docs_dir))
    stories: dict[str, Story] = {}
    markdown_files, site.unbuildable = _walk(docs_dir)
    site.problems += site.unbuildable
    for path in sorted(markdown_files):
        relative = path.relative_to(docs_dir)
        parts = relative.parts
        named = language_of(path.name)
        if named is None or named[1] not in LANGUAGES:
            site.problems.append(_misnamed(path, named))
            continue
        stem, lang = named
        if parts[0] == STORIES_DIR:
            if len(parts) != 3 or stem != "index":
                site.problems.append(report(Code.MISPLACED_FILE, path, 1))
                continue
            slug = parts[1]
            story = stories.setdefault(slug, Story(slug, path.parent))
            story.files[lang] = StoryFile.read(path, lang) if read_stories else StoryFile(path, lang)
        else:
            key = (relative.parent / f"{stem}.md").as_posix()
            page = site.pages.setdefault(key, Page(key))
            page.files[lang] = StoryFile.read(path, lang)
    for folder in sorted((docs_dir / STORIES_DIR).glob("*/")) if (docs_dir / STORIES_DIR).is_dir() else []:
        if not folder.is_dir() or folder.is_symlink():
            continue
        site.problems += _interrupted_writes(folder, has_text=folder.name in stories)
        named_wrongly = any(problem.path.parent == folder for problem in site.problems)
        if folder.name not in stories and not files.leftovers(folder) and not named_wrongly:
            site.problems.append(report(Code.EMPTY_STORY_FOLDER, folder, 1, slug=folder.name))
    site.stories = sorted(stories.values(), key=lambda story: story.sort_key, reverse=True)
    return site


def _walk(docs_dir: Path) -> tuple[list[Path], list[Finding]]:
    """The Markdown files under `docs_dir`, and the findings for what MkDocs cannot build."""
    markdown_files, unbuildable = [], []
    data_dir = docs_dir / DATA_DIR
    for root, dirs, names in os.walk(docs_dir):
        unbuildable += [_name_not_utf8(Path(root), name) for name in sorted(dirs + names) if _is_not_utf8(name)]
        dirs[:] = sorted(d for d in dirs if not d.startswith(".") and Path(root, d) != data_dir and not _is_not_utf8(d))
        # os.walk lists links to folders without entering them
        unbuildable += [_linked_folder(Path(root, d)) for d in dirs if Path(root, d).is_symlink()]
        # a folder named like a Markdown file is read as one, so that it is reported as unreadable
        for name in names + dirs:
            if name.lower().endswith(".md") and not name.startswith(".") and not _is_not_utf8(name):
                markdown_files.append(Path(root, name))
    return markdown_files, unbuildable


def _interrupted_writes(folder: Path, *, has_text: bool) -> list[Finding]:
    """The half-written files an interrupted `new`, `import` or `mark-translated` left behind,
    each named as such (they are hidden, so the folder looks empty or complete)."""
    leftovers = files.leftovers(folder)
    if leftovers and not has_text:
        names = ", ".join(leftover.name for leftover in leftovers)
        return [report(Code.INTERRUPTED_NEW, folder, 1, slug=folder.name, names=names)]
    return [
        report(Code.INTERRUPTED_WRITE, leftover, 1, leftover=leftover.name, original=files.leftover_of(leftover))
        for leftover in leftovers
    ]


def _is_not_utf8(name: str) -> bool:
    """Whether a name from the file system had bytes that are not UTF-8 (Python keeps them as
    surrogates U+DC80-U+DCFF, which cannot be printed)."""
    return any("\udc80" <= char <= "\udcff" for char in name)


def _name_not_utf8(folder: Path, name: str) -> Finding:
    raw = os.fsencode(name)
    try:
        readable = raw.decode("gb18030")
    except UnicodeDecodeError:
        return report(Code.NAME_NOT_UTF8, folder, 1, raw=raw)
    return report(Code.NAME_IN_GBK, folder, 1, readable=readable)


def _linked_folder(link: Path) -> Finding:
    return report(Code.LINKED_FOLDER, link, 1, name=link.name, target=os.readlink(link))


def _misnamed(path: Path, named: tuple[str, str] | None) -> Finding:
    """Advice for a Markdown file whose name gives no language of this site. The language comes
    from what the file says (a name such as `index.cn.md` is as likely on an English text), and
    the advice never renames it onto a file that exists."""
    if named:
        stem, label = named
    else:  # `index.english.md` is `index` in `english`, not a file named `index.english`
        stem, _, label = path.name[: -len(".md")].rpartition(".")
        stem, label = (stem, label) if stem else (label, "")
    written = _written_language(StoryFile.read(path, SOURCE_LANG))
    guess = written or MISNAMED_LANGS.get(label.lower())
    targets = [guess] if guess else list(LANGUAGES)
    free = [lang for lang in targets if not (path.parent / f"{stem}.{lang}.md").exists()]
    said = f"its text is {LANGUAGE_NAMES[written]}: " if written else ""
    if free:
        names = [f"{stem}.{lang}.md" + ("" if guess else f" ({LANGUAGE_NAMES[lang]})") for lang in free]
        fix = said + " or ".join(f"rename the file to {name}" for name in names)
    elif guess:
        target = f"{stem}.{guess}.md"
        fix = (
            f"{said}{target} exists already, so renaming would overwrite it: compare the two files, "
            f"copy what is missing into {target}, then delete {path.name}"
        )
    else:
        fix = (
            f"{stem}.zh.md and {stem}.en.md exist already, so renaming would overwrite one of them: compare it "
            f"with the file in its language, copy what is missing into that file, then delete {path.name}"
        )
    if label:
        return report(Code.MISNAMED_LANGUAGE, path, 1, label=label, advice=fix)
    return report(Code.MISNAMED_NO_LANGUAGE, path, 1, advice=fix)


_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_LATIN_WORD = re.compile(r"[A-Za-z]+")


def _written_language(story_file: StoryFile) -> str | None:
    """zh or en by what the file's fields and text are written in (Han characters against Latin
    words), or None when it is empty or evenly mixed; field names do not count."""
    values = [story_file.body]
    pending = [story_file.meta]
    while pending:
        value = pending.pop()
        if isinstance(value, dict):
            pending += value.values()
        elif isinstance(value, list):
            pending += value
        elif isinstance(value, str):
            values.append(value)
    text = "\n".join(values)
    han, latin = len(_HAN.findall(text)), len(_LATIN_WORD.findall(text))
    return "zh" if han > latin else "en" if latin > han else None
