"""One story: a folder `docs/stories/<slug>/` with `index.zh.md`, `index.en.md` and `images/`.

A StoryFile is read once, leniently: whatever is malformed is kept as it is, for the check to
report with its line, and everything that is well-formed is available to the build.
"""

from __future__ import annotations

import codecs
import datetime as dt
import os
import re
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from newsroom.model import blocks as blocks_mod
from newsroom.model import frontmatter
from newsroom.model.blocks import Block
from newsroom.model.catalogue import Code, report
from newsroom.model.findings import Finding
from newsroom.model.schema import SOURCE_LANG, TRANSLATION_LANG, base_language

STORIES_DIR = "stories"
IMAGES_DIR = "images"
MAX_STORY_BYTES = 2_000_000
# paragraph numbers of up to four digits: longer ones are typing mistakes (and Python refuses to
# read numbers of more than 4,300 digits)
_ALIGNMENT = re.compile(r"^\s*zh\s+(\d{1,4})(?:\s*-\s*(\d{1,4}))?\s*=\s*en\s+(\d{1,4})(?:\s*-\s*(\d{1,4}))?\s*$", re.I)


SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


def slug_problem(slug: str, stories_dir: Path, *, may_exist: bool = False) -> str | None:
    """Why `slug` cannot name a new story folder in `stories_dir`, or None when it can."""
    if not SLUG.fullmatch(slug):
        example = "-".join(re.findall(r"[a-z0-9]+", slug.lower())) or "jinzhong-green-waters"
        return (
            f"`{slug}` cannot be part of a web address; use lowercase letters a-z, digits and hyphens, e.g. {example}"
            "（网址名只能用小写英文字母、数字和连字符）"
        )
    folder = stories_dir / slug
    if folder.exists():
        return (
            None
            if may_exist
            else f"{folder} already exists; choose another slug (nothing was changed)（稿件已存在，请换一个网址名；未做任何改动）"
        )
    if stories_dir.is_dir():
        for existing in stories_dir.iterdir():
            if existing.name.lower() == slug.lower():
                return f"{existing} differs from `{slug}` only in upper/lower case; choose another slug（与已有稿件只差大小写，请换一个网址名）"
    return None


@dataclass(frozen=True)
class Photo:
    file: str
    caption: str
    credit: str
    alt: str
    line: int
    index: int


@dataclass(frozen=True)
class AlignmentRule:
    """`zh 5-6 = en 5`: these Chinese paragraphs are translated by these English ones."""

    zh: tuple[int, int]
    en: tuple[int, int]
    line: int


@dataclass
class StoryFile:
    path: Path
    lang: str
    text: str = ""
    front: frontmatter.FrontMatter | None = None
    body: str = ""
    problem: Finding | None = None  # set when the file cannot be read or its front matter parsed

    @classmethod
    def read(cls, path: Path, lang: str) -> StoryFile:
        story_file = cls(path, lang)
        try:
            raw = path.read_bytes()
        except IsADirectoryError:
            story_file.problem = report(Code.UNREADABLE_FOLDER, path, 1, name=path.name)
            return story_file
        except OSError as error:
            if path.is_symlink():
                story_file.problem = report(
                    Code.UNREADABLE_LINK, path, 1, target=os.readlink(path), reason=error.strerror
                )
            else:
                story_file.problem = report(Code.UNREADABLE, path, 1, reason=error.strerror)
            return story_file
        story_file.load(raw)
        return story_file

    def load(self, raw: bytes) -> None:
        if len(raw) > MAX_STORY_BYTES:
            self.problem = report(Code.FILE_TOO_LARGE, self.path, 1, size=len(raw))
            return
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError as error:
            line = raw[: error.start].count(b"\n") + 1
            self.problem = report(Code.NOT_UTF8, self.path, line, problem=_not_utf8(raw))
            return
        if "\x00" in text:
            line = text[: text.index("\x00")].count("\n") + 1
            self.problem = report(Code.BINARY_FILE, self.path, line)
            return
        self.text = text.replace("\r\n", "\n").replace("\r", "\n")
        try:
            self.front, self.body = frontmatter.parse(self.text)
        except frontmatter.FrontMatterProblem as problem:
            self.problem = report(
                Code.FRONT_MATTER_SYNTAX, self.path, problem.line, problem=problem.message, fix=problem.fix
            )
            _, self.body, _, _ = _split_leniently(self.text)

    @property
    def meta(self) -> dict:
        return self.front.data if self.front else {}

    @property
    def body_line(self) -> int:
        return self.front.body_line if self.front else 1

    def line_of(self, *path) -> int:
        return self.front.line_of(*path) if self.front else 1

    def text_field(self, name: str) -> str:
        value = self.meta.get(name)
        return value.strip() if isinstance(value, str) else ""

    @cached_property
    def blocks(self) -> list[Block]:
        return blocks_mod.parse_blocks(self.body, self.body_line)

    @property
    def paragraphs(self) -> list[Block]:
        return [block for block in self.blocks if block.kind == blocks_mod.PARAGRAPH]

    @cached_property
    def reading_units(self) -> int:
        """What a reader's pace is counted in: Han characters (with their punctuation) in
        Chinese, words in English; asked for by every listing the story is in."""
        text = " ".join(blocks_mod.plain_text(block.text) for block in self.paragraphs)
        if base_language(self.lang) == SOURCE_LANG:
            return len(blocks_mod.CJK.findall(text))
        return len(text.split())

    @property
    def date(self) -> dt.date | None:
        return frontmatter.parse_date(self.meta.get("date"))

    @property
    def date_precision(self) -> str:
        return self.text_field("date_precision") or "day"

    @cached_property
    def photos(self) -> list[Photo]:
        photos = []
        entries = self.meta.get("photos")
        for index, entry in enumerate(entries if isinstance(entries, list) else []):
            if not isinstance(entry, dict):
                continue
            values = {key: entry.get(key) for key in ("file", "caption", "credit", "alt")}
            photos.append(
                Photo(
                    *(value.strip() if isinstance(value, str) else "" for value in values.values()),
                    line=self.line_of("photos", index),
                    index=index,
                )
            )
        return photos

    def photo(self, file: str) -> Photo | None:
        return next((photo for photo in self.photos if photo.file == file), None)

    @property
    def lead_photo(self) -> Photo | None:
        return self.photo(self.text_field("lead_photo"))

    def byline(self, role: str) -> list[str]:
        """The names (or ids) listed for a byline role; a single string counts as one name."""
        byline = self.meta.get("byline")
        names = byline.get(role) if isinstance(byline, dict) else None
        if isinstance(names, str):
            names = [names]
        if not isinstance(names, list):
            return []
        return [name.strip() for name in names if isinstance(name, str) and name.strip()]

    @property
    def translation_source(self) -> str:
        record = self.meta.get("translation")
        value = record.get("source") if isinstance(record, dict) else None
        return " ".join(value.split()) if isinstance(value, str) else ""

    @property
    def translation_updated(self) -> dt.date | None:
        record = self.meta.get("translation")
        return frontmatter.parse_date(record.get("updated")) if isinstance(record, dict) else None

    @property
    def alignment_entries(self) -> list:
        entries = self.meta.get("alignment")
        return entries if isinstance(entries, list) else []

    @cached_property
    def alignment(self) -> list[AlignmentRule]:
        rules = (
            parse_alignment_rule(entry, self.line_of("alignment", index))
            for index, entry in enumerate(self.alignment_entries)
        )
        return [rule for rule in rules if rule]

    @property
    def untranslated_blocks(self) -> list[Block]:
        return [block for block in self.blocks if block.untranslated]

    @property
    def is_stub(self) -> bool:
        """A translation that has not been started or finished (import writes these)."""
        return (
            self.problem is not None
            or bool(self.untranslated_blocks)
            or self.text_field("title").startswith(blocks_mod.UNTRANSLATED_MARK)
        )


def _not_utf8(raw: bytes) -> str:
    """What a file that is not UTF-8 was probably saved as, in the words of editors' menus."""
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "the file is saved as UTF-16 (“Unicode”), not UTF-8"
    try:
        raw.decode("gb18030")
    except UnicodeDecodeError:
        return "the file is not saved as UTF-8, and it is not GBK/GB18030 Chinese text either"
    return "the file is saved as GBK/GB18030 (the Chinese Windows encoding), not UTF-8"


def parse_alignment_rule(entry: object, line: int) -> AlignmentRule | None:
    match = _ALIGNMENT.match(entry) if isinstance(entry, str) else None
    if not match:
        return None
    zh_first, zh_last, en_first, en_last = (int(g) if g else None for g in match.groups())
    return AlignmentRule((zh_first, zh_last or zh_first), (en_first, en_last or en_first), line)


def _split_leniently(text: str):
    try:
        return frontmatter.split(text)
    except frontmatter.FrontMatterProblem:
        return None, text, 1, 1


@dataclass
class Story:
    slug: str
    folder: Path
    files: dict[str, StoryFile] = field(default_factory=dict)

    def read(self) -> Story:
        """This story with its files read (a site loaded with `read_stories=False` only lists them)."""
        return Story(self.slug, self.folder, {lang: StoryFile.read(f.path, lang) for lang, f in self.files.items()})

    @property
    def source(self) -> StoryFile | None:
        return self.files.get(SOURCE_LANG)

    @property
    def translation(self) -> StoryFile | None:
        return self.files.get(TRANSLATION_LANG)

    def file(self, lang: str) -> StoryFile | None:
        return self.files.get(lang)

    @property
    def date(self) -> dt.date | None:
        return self.source.date if self.source else None

    @property
    def series(self) -> str:
        main = self.source or self.translation
        return main.text_field("series") if main else ""

    def is_published_in(self, lang: str) -> bool:
        """Whether readers of `lang` get this story: the file exists, reads, and is not a stub."""
        story_file = self.files.get(lang)
        if story_file is None or story_file.problem is not None:
            return False
        return base_language(lang) == SOURCE_LANG or not story_file.is_stub

    @property
    def current_fingerprint(self) -> str:
        return blocks_mod.fingerprint_blocks(self.source.blocks) if self.source else ""

    @property
    def translation_is_current(self) -> bool:
        return bool(self.translation) and self.translation.translation_source == self.current_fingerprint

    def image_path(self, file: str) -> Path:
        return self.folder / file

    @property
    def sort_key(self) -> tuple:
        return (self.date or dt.date.min, self.slug)
