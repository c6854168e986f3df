"""Every rule a story and page must pass, as small functions from the model to findings.

The CLI (`stories.py check`) and the build hook call `check_site`; both print the findings
with `Finding.format`, so a journalist sees the same words wherever the problem shows up.
"""

from __future__ import annotations

import difflib
import os
import re
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from newsroom.checks import glossary, markup
from newsroom.checks.photo_checks import judge_photo
from newsroom.model import alignment as alignment_mod
from newsroom.model.blocks import HEADING, PARAGRAPH, PHOTO, UNTRANSLATED_MARK, Block
from newsroom.model.findings import ERROR, WARNING, Finding, field_name, real_path, shown_path
from newsroom.model.registry import DATA_DIR, Registry
from newsroom.model.schema import (
    BYLINE_ROLES,
    DATE_PRECISIONS,
    LANGUAGE_NAMES,
    PAGE_FIELDS,
    PHOTO_FIELDS,
    SOURCE_LANG,
    STORY_FIELDS,
    TRANSLATION_FIELDS,
    TRANSLATION_LANG,
)
from newsroom.model.site import Page, Site
from newsroom.model.story import Story, StoryFile, parse_alignment_rule
from newsroom.render import images

MARK_TRANSLATED = "python scripts/stories.py mark-translated"
PARALLEL_FROM = 200  # stories; below this, starting processes costs more than it saves
_SYNONYMS = {
    "photographer": "photos",
    "photography": "photos",
    "photo": "photos",
    "images": "photos",
    "author": "text",
    "authors": "text",
    "writer": "text",
    "reporter": "text",
    "reporters": "text",
    "translator": "translation",
    "translators": "translation",
    "translated_by": "translation",
    "subtitle": "deck",
    "headline": "title",
    "published": "date",
    "pubdate": "date",
    "lead": "lead_photo",
    "cover": "lead_photo",
    "excerpt": "summary",
    "description": "summary",
}
def check_site(
    site: Site, only: Iterable[Path] | None = None, strict: bool = False, processes: int = 1
) -> list[Finding]:
    """All findings for the site, or for the stories and pages under the given paths; with
    `processes` > 1, stories are read and checked in that many processes (give it a site loaded
    with `read_stories=False`, so that each story is read once, where it is checked)."""
    wanted = [real_path(Path(path)) for path in only] if only else None
    records = real_path(site.docs_dir / DATA_DIR)
    if wanted and any(_within(path, records) for path in wanted):
        wanted = None  # a changed contributor or series record can break any story

    def selected(*paths: Path) -> bool:
        if wanted is None:
            return True
        return any(_within(real_path(path), target) for path in paths for target in wanted)

    findings: list[Finding] = [f for f in site.registry.problems + glossary.load_glossary(site.docs_dir).problems if selected(f.path)]
    findings += [f for f in site.problems if selected(f.path)]
    if wanted is None:
        findings += glossary.unused_traditional_forms(glossary.load_glossary(site.docs_dir), site.chinese_texts())
    for page in site.pages.values():
        if selected(*[f.path for f in page.files.values()]):
            findings += check_page(page, site)
    stories = [story for story in sorted(site.stories, key=lambda s: s.slug) if selected(story.folder)]
    if processes > 1 and len(stories) >= PARALLEL_FROM:
        chunks = [stories[start::processes] for start in range(processes)]
        with ProcessPoolExecutor(processes) as pool:
            for chunk_findings in pool.map(_read_and_check, chunks, [site.registry] * processes, [strict] * processes):
                findings += chunk_findings
    else:
        findings += _read_and_check(stories, site.registry, strict)
    return sort_findings(findings)


def _read_and_check(stories: list[Story], registry: Registry, strict: bool) -> list[Finding]:
    """Check some stories, reading those that were only listed (in a process of its own, when the
    check runs in parallel: reading costs about as much as checking)."""
    findings = []
    for story in stories:
        if not all(f.text or f.front or f.problem for f in story.files.values()):
            story = story.read()
        findings += check_story(story, registry, strict=strict)
    return findings


def sort_findings(findings: list[Finding]) -> list[Finding]:
    return sorted(findings, key=lambda f: (f.path.as_posix(), f.line, f.severity != ERROR))


def _within(path: Path, target: Path) -> bool:
    """Whether `path` (a story folder or page) is what `target` names, lies inside it, or contains it."""
    return path == target or target in path.parents or path in target.parents


# --- pages ---------------------------------------------------------------------------------


def check_page(page: Page, site: Site) -> list[Finding]:
    findings = list(_missing_counterpart(page.files, "page"))
    for page_file in page.files.values():
        if page_file.problem:
            findings.append(page_file.problem)
            continue
        if page_file.front is None:
            findings.append(
                Finding(
                    page_file.path,
                    1,
                    ERROR,
                    "the page has no front matter",
                    "start it with ---, a `title:` line and ---",
                    code="no-front-matter",
                )
            )
            continue
        if not page_file.text_field("title"):
            findings.append(
                Finding(
                    page_file.path,
                    1,
                    ERROR,
                    "the page has no `title`",
                    "add a line `title: …` to the front matter",
                    code="missing-field",
                )
            )
        findings += _unknown_fields(page_file, PAGE_FIELDS)
        series = page_file.meta.get("series")
        if series is not None and not isinstance(series, str):
            findings.append(
                _wrong_type(page_file, ("series",), series, "text", "write the id of a series in docs/_data/series.yml")
            )
        elif series is not None and series not in site.registry.series:
            findings.append(_unknown_series(page_file, series, site.registry))
        findings += _curly_quotes(page_file)
        findings += markup.body_findings(page_file)
        findings += markup.field_findings(page_file)
    return findings


def _missing_counterpart(files: dict[str, StoryFile], what: str) -> Iterator[Finding]:
    for lang, other in ((SOURCE_LANG, TRANSLATION_LANG), (TRANSLATION_LANG, SOURCE_LANG)):
        if lang in files and other not in files:
            present = files[lang].path
            missing = present.with_name(present.name.replace(f".{lang}.md", f".{other}.md"))
            yield Finding(
                present,
                1,
                ERROR,
                f"this {what} has no {LANGUAGE_NAMES[other]} version ({missing.name} is missing)",
                f"create {missing.name} beside it" + (" with the translation" if other == TRANSLATION_LANG else ""),
                code="missing-translation" if other == TRANSLATION_LANG else "missing-source",
            )


# --- stories -------------------------------------------------------------------------------


def check_story(story: Story, registry: Registry, strict: bool = False) -> list[Finding]:
    findings = list(_missing_counterpart(story.files, "story"))
    readable = {}
    for lang, story_file in story.files.items():
        if story_file.problem:
            findings.append(story_file.problem)
        elif story_file.front is None:
            findings.append(
                Finding(
                    story_file.path,
                    1,
                    ERROR,
                    "the story has no front matter",
                    "start the file with ---, the fields of the guide's template, and ---",
                    code="no-front-matter",
                )
            )
        else:
            readable[lang] = story_file
            findings += _story_fields(story_file, registry)
            findings += _byline(story_file, registry)
            findings += _photos(story, story_file, registry)
            findings += _curly_quotes(story_file)
            findings += markup.body_findings(story_file)
            findings += markup.field_findings(story_file)
    zh, en = readable.get(SOURCE_LANG), readable.get(TRANSLATION_LANG)
    if zh and en:
        findings += _agreement(zh, en, registry)
        findings += _untranslated(en)
        findings += glossary.misses(story)
        if not en.untranslated_blocks:
            findings += _structure(zh, en)
            findings += _freshness(story, zh, en, strict)
    return findings


def _story_fields(story_file: StoryFile, registry: Registry) -> Iterator[Finding]:
    meta, lang = story_file.meta, story_file.lang
    for name, (kind, in_zh, in_en, purpose) in STORY_FIELDS.items():
        required = in_zh if lang == SOURCE_LANG else in_en
        value = meta.get(name)
        if value is None or (isinstance(value, str) and not value.strip()):
            if required:
                yield Finding(
                    story_file.path,
                    story_file.line_of(name),
                    ERROR,
                    f"the field `{name}` is missing or empty",
                    f"add `{name}:` with {purpose}",
                    code="missing-field",
                )
            continue
        if not isinstance(value, kind):
            yield Finding(
                story_file.path,
                story_file.line_of(name),
                ERROR,
                f"`{name}` should be {_kind_name(kind)}, not {_kind_name(type(value))}",
                f"write {purpose}",
                code="wrong-type",
            )
    yield from _unknown_fields(story_file, STORY_FIELDS)
    date = meta.get("date")
    if isinstance(date, str) and date.strip() and story_file.date is None:
        yield Finding(
            story_file.path,
            story_file.line_of("date"),
            ERROR,
            f"`{date}` is not a real date",
            "write the date as YYYY-MM-DD, e.g. 2025-12-01",
            code="bad-date",
        )
    if story_file.text_field("date_precision") and story_file.date_precision not in DATE_PRECISIONS:
        yield Finding(
            story_file.path,
            story_file.line_of("date_precision"),
            ERROR,
            f"`date_precision` must be one of {', '.join(DATE_PRECISIONS)}",
            "write `day` or `month`",
            code="bad-date-precision",
        )
    series = meta.get("series")
    if isinstance(series, str) and series.strip() and series not in registry.series:
        yield _unknown_series(story_file, series, registry)
    if lang == SOURCE_LANG and not story_file.paragraphs:
        yield Finding(
            story_file.path,
            story_file.body_line,
            ERROR,
            "the story has no text yet",
            "write the paragraphs below the front matter, one blank line between them",
            code="no-text",
        )
    if lang == SOURCE_LANG:
        for name in ("translation", "alignment"):
            if name in meta:
                yield Finding(
                    story_file.path,
                    story_file.line_of(name),
                    ERROR,
                    f"`{name}` belongs in the English file only",
                    f"move `{name}:` to index.en.md",
                    code="english-only-field",
                )
    translation = meta.get("translation")
    if isinstance(translation, dict):
        for key in translation:
            if key not in TRANSLATION_FIELDS:
                yield _unknown(story_file, ("translation", key), key, TRANSLATION_FIELDS)
    for index, entry in enumerate(story_file.alignment_entries):
        line = story_file.line_of("alignment", index)
        if parse_alignment_rule(entry, line) is None:
            yield Finding(
                story_file.path,
                line,
                ERROR,
                f"cannot read the alignment rule {entry!r}",
                'write it like "zh 5-6 = en 5" (Chinese paragraphs 5 and 6 are English paragraph 5)',
                code="bad-alignment-rule",
            )


def _unknown_fields(story_file: StoryFile, known) -> Iterator[Finding]:
    for name in story_file.meta:
        if name not in known:
            yield _unknown(story_file, (name,), name, known)


def _unknown(story_file: StoryFile, path: tuple, name: object, known) -> Finding:
    text = str(name)
    candidates = {name: name for name in known} | {alias: name for alias, name in _SYNONYMS.items() if name in known}
    close = difflib.get_close_matches(text.lower(), list(candidates), n=1, cutoff=0.6)
    guess = candidates[close[0]] if close else None
    if "：" in text or "\u3000" in text:
        fix = "type the colon and spaces in half-width (English) input mode: `title: …`"
    elif guess:
        fix = f"did you mean `{guess}`?"
    else:
        fix = f"use one of: {', '.join(known)}"
    return Finding(
        story_file.path, story_file.line_of(*path), ERROR, f"unknown field `{text}`", fix, code="unknown-field"
    )


def _unknown_series(story_file: StoryFile, series: object, registry: Registry) -> Finding:
    known = ", ".join(registry.series) or "none yet"
    return Finding(
        story_file.path,
        story_file.line_of("series"),
        ERROR,
        f"the series `{series}` does not exist",
        f"use a series id from docs/_data/series.yml ({known}) or add the series there",
        code="unknown-series",
    )


def _kind_name(kind: type) -> str:
    return {
        str: "text",
        list: "a list",
        dict: "a set of `name: value` lines",
        int: "a number",
        bool: "yes/no",
        float: "a number",
    }.get(kind, kind.__name__)


def _byline(story_file: StoryFile, registry: Registry) -> Iterator[Finding]:
    byline = story_file.meta.get("byline")
    if not isinstance(byline, dict):
        return
    for role in byline:
        if role not in BYLINE_ROLES:
            yield _unknown(story_file, ("byline", role), role, BYLINE_ROLES)
    mistyped = {role for role in BYLINE_ROLES if not isinstance(byline.get(role), str | list | None)}
    for role in sorted(mistyped):
        yield _wrong_type(
            story_file, ("byline", role), byline[role], "a list of names", f"write it as a list: `{role}: [name]`"
        )
    if not story_file.byline("text") and "text" not in mistyped:
        yield Finding(
            story_file.path,
            story_file.line_of("byline"),
            ERROR,
            "the byline names no author",
            "add `text: [name]` under `byline:`",
            code="no-author",
        )
    if story_file.photos and not story_file.byline("photos") and "photos" not in mistyped:
        yield Finding(
            story_file.path,
            story_file.line_of("byline"),
            ERROR,
            "the story has photos but the byline names no photographer",
            "add `photos: [name]` under `byline:`",
            code="no-photographer",
        )
    if story_file.lang == TRANSLATION_LANG and not story_file.byline("translation"):
        yield Finding(
            story_file.path,
            story_file.line_of("byline"),
            WARNING,
            "the English byline names no translator",
            "add `translation: [name]` under `byline:`",
            code="no-translator",
        )
    if story_file.lang == SOURCE_LANG and story_file.byline("translation"):
        yield Finding(
            story_file.path,
            story_file.line_of("byline", "translation"),
            ERROR,
            "the Chinese byline names a translator",
            "name the translator in index.en.md only",
            code="translator-in-chinese",
        )
    for role in BYLINE_ROLES:
        for name in story_file.byline(role):
            if registry.contributor(name) is None:
                yield _unknown_person(story_file, ("byline", role), name, registry)


def _unknown_person(story_file: StoryFile, path: tuple, name: str, registry: Registry) -> Finding:
    names = [c.name(story_file.lang) for c in registry.contributors.values()]
    close = difflib.get_close_matches(name, names, n=1, cutoff=0.5)
    fix = f"did you mean `{close[0]}`? Otherwise add" if close else "add"
    return Finding(
        story_file.path,
        story_file.line_of(*path),
        ERROR,
        f"`{name}` is not in the contributor record",
        f"{fix} them to docs/_data/contributors.yml with their name in both languages",
        code="unknown-contributor",
    )


def _photos(story: Story, story_file: StoryFile, registry: Registry) -> Iterator[Finding]:
    entries = story_file.meta.get("photos")
    if isinstance(entries, list):
        for index, entry in enumerate(entries):
            if not isinstance(entry, dict):
                yield Finding(
                    story_file.path,
                    story_file.line_of("photos", index),
                    ERROR,
                    "a photo must list `file`, `caption`, `credit` and `alt`",
                    "write it as in the guide: `- file: images/…` then the other fields indented",
                    code="photo-malformed",
                )
                continue
            for key in entry:
                if key not in PHOTO_FIELDS:
                    yield _unknown(story_file, ("photos", index, key), key, PHOTO_FIELDS)
    what = {
        "caption": "caption",
        "credit": "credit (who took it)",
        "alt": "alt text (what it shows, for readers who cannot see it)",
    }
    for photo in story_file.photos:
        entry = _photo_entry(story_file, photo)
        mistyped = {key for key in PHOTO_FIELDS if not isinstance(entry.get(key), str | None)}
        for key in sorted(mistyped):
            yield _wrong_type(
                story_file,
                ("photos", photo.index, key),
                entry[key],
                "text",
                f"write `{key}:` as text; put it in quotes if it looks like a number or yes/no",
            )
        if not photo.file and "file" in mistyped:
            continue
        if not photo.file:
            yield Finding(
                story_file.path,
                photo.line,
                ERROR,
                "a photo has no `file`",
                "add `file: images/<name>.jpg`",
                code="photo-no-file",
            )
            continue
        for key, label in what.items():
            if not getattr(photo, key) and key not in mistyped:
                yield Finding(
                    story_file.path,
                    story_file.line_of("photos", photo.index, key) if key in entry else photo.line,
                    ERROR,
                    f"the photo {photo.file} has no {label}",
                    f"add `{key}:` to this photo in {LANGUAGE_NAMES[story_file.lang]}",
                    code=f"photo-no-{key}",
                )
        if photo.credit and registry.contributor(photo.credit) is None:
            yield _unknown_person(story_file, ("photos", photo.index, "credit"), photo.credit, registry)
        yield from _photo_file(story, story_file, photo)
    declared = {photo.file for photo in story_file.photos}
    used = set()
    for block in story_file.blocks:
        if block.kind == PHOTO:
            used.add(block.src)
            if block.src not in declared and not _is_remote(block.src):
                yield Finding(
                    story_file.path,
                    block.line,
                    ERROR,
                    f"the photo {block.src} is not declared with its caption and credit",
                    f"add it to `photos:` in the front matter with file: {block.src}",
                    code="photo-undeclared",
                )
    lead = story_file.text_field("lead_photo")
    if lead:
        used.add(lead)
        if lead not in declared:
            yield Finding(
                story_file.path,
                story_file.line_of("lead_photo"),
                ERROR,
                f"the lead photo {lead} is not in `photos:`",
                "declare it under `photos:` with caption, credit and alt",
                code="lead-photo-undeclared",
            )
    for photo in story_file.photos:
        if photo.file and photo.file not in used:
            yield Finding(
                story_file.path,
                photo.line,
                ERROR,
                f"the photo {photo.file} is declared but not shown",
                f"put ![]({photo.file}) on its own line in the text, make it `lead_photo`, or remove it",
                code="photo-unused",
            )


def _photo_entry(story_file: StoryFile, photo) -> dict:
    """The photo's fields as written, before the model keeps only the text ones."""
    entries = story_file.meta.get("photos")
    entry = entries[photo.index] if isinstance(entries, list) and photo.index < len(entries) else {}
    return entry if isinstance(entry, dict) else {}


def _wrong_type(story_file: StoryFile, path: tuple, value: object, expected: str, fix: str) -> Finding:
    name = field_name(path)
    return Finding(
        story_file.path,
        story_file.line_of(*path),
        ERROR,
        f"{name} should be {expected}, not {_kind_name(type(value))}",
        fix,
        code="wrong-type",
    )


_CONTROL_CHARACTER = re.compile(r"[\x00-\x1f\x7f]")


def _is_remote(src: str) -> bool:
    return bool(re.match(r"^(?:[a-z]+:)?//", src, re.I))


def _photo_file(story: Story, story_file: StoryFile, photo) -> Iterator[Finding]:
    if _is_remote(photo.file):
        yield Finding(
            story_file.path,
            photo.line,
            ERROR,
            f"the photo {photo.file} is loaded from another site",
            "save it into the story's images/ folder and write file: images/<name>",
            code="photo-remote",
        )
        return
    if _CONTROL_CHARACTER.search(photo.file):
        yield Finding(
            story_file.path,
            photo.line,
            ERROR,
            f"the photo's file name {photo.file!r} contains an invisible control character",
            "retype the file name",
            code="photo-missing",
        )
        return
    path = story.image_path(photo.file)
    # os.path.realpath, as Path.resolve raises on a link that loops (before Python 3.13)
    if ".." in Path(photo.file).parts or not Path(os.path.realpath(path)).is_relative_to(
        os.path.realpath(story.folder)
    ):
        yield Finding(
            story_file.path,
            photo.line,
            ERROR,
            f"the photo {photo.file} is outside the story folder",
            "put it into this story's images/ folder",
            code="photo-outside",
        )
        return
    try:
        yield from _photo_on_disk(story, story_file, photo, path)
    except OSError as error:  # e.g. a file name longer than the file system allows
        yield Finding(
            story_file.path,
            photo.line,
            ERROR,
            f"the photo file {photo.file} cannot be read ({error.strerror})",
            "give the photo a short file name of letters, digits and hyphens",
            code="photo-missing",
        )


def _photo_on_disk(story: Story, story_file: StoryFile, photo, path: Path) -> Iterator[Finding]:
    if path.is_dir():
        yield Finding(
            story_file.path,
            photo.line,
            ERROR,
            f"the photo {photo.file} is a folder, not an image file",
            "write the image's file name, e.g. file: images/<name>.jpg",
            code="photo-missing",
        )
        return
    if path.is_file() and path.name in {p.name for p in path.parent.iterdir()}:
        # the file is judged once, where the Chinese story declares it (or else the English)
        if story_file.lang == SOURCE_LANG or not (story.source and story.source.photo(photo.file)):
            lead = story_file.text_field("lead_photo") == photo.file
            yield from judge_photo(story_file.path, photo.line, photo.file, path, lead=lead)
            if path.stat().st_size > images.LARGE_ORIGINAL_BYTES:
                yield _large_photo(story, story_file, photo, path)
        return
    if path.is_symlink():
        yield Finding(
            story_file.path,
            photo.line,
            ERROR,
            f"the photo {photo.file} is a link to {os.readlink(path)}, which does not lead to a file",
            "replace the link with the photo itself",
            code="photo-missing",
        )
        return
    same_but_case = (
        [p.name for p in path.parent.iterdir() if p.name.lower() == path.name.lower()] if path.parent.is_dir() else []
    )
    if same_but_case:
        yield Finding(
            story_file.path,
            photo.line,
            ERROR,
            f"the photo {photo.file} is named {same_but_case[0]} on disk (letters differ in case)",
            f"write file: {Path(photo.file).with_name(same_but_case[0]).as_posix()}, or rename the file; the web server sees them as different",
            code="photo-case",
        )
    else:
        yield Finding(
            story_file.path,
            photo.line,
            ERROR,
            f"the photo file {photo.file} does not exist",
            f"put the photo at docs/stories/{story.slug}/{photo.file}",
            code="photo-missing",
        )


def _large_photo(story: Story, story_file: StoryFile, photo, path: Path) -> Finding:
    # docs/ holds stories/<slug>/; the cache beside it lets the build reuse the variant made here
    largest = images.largest_variant_bytes(path, images.cache_dir_for(story.folder.parents[1]))
    readers = f"; the largest variant readers download is {round(largest / 1000)} KB" if largest else ""
    return Finding(
        story_file.path,
        photo.line,
        WARNING,
        f"the photo {photo.file} is {path.stat().st_size / 1_000_000:.1f} MB{readers}",
        "the original is still published for readers who open the full photo: export it under 20 MB, "
        "e.g. as a JPEG at quality 85",
        code="photo-large",
    )


def _agreement(zh: StoryFile, en: StoryFile, registry: Registry) -> Iterator[Finding]:
    for name in ("series", "date", "date_precision", "lead_photo"):
        if zh.meta.get(name) != en.meta.get(name) and en.meta.get(name) is not None:
            yield Finding(
                en.path,
                en.line_of(name),
                ERROR,
                f"`{name}` is {en.meta.get(name)!r} here but {zh.meta.get(name)!r} in the Chinese file",
                f"make `{name}` the same in both files",
                code="languages-disagree",
            )
    zh_files, en_files = [p.file for p in zh.photos], [p.file for p in en.photos]
    for file in sorted(set(zh_files) - set(en_files)):
        yield Finding(
            en.path,
            en.line_of("photos"),
            ERROR,
            f"the photo {file} is in the Chinese story but not in the English one",
            "add it to `photos:` here with an English caption and alt text",
            code="photo-language",
        )
    for file in sorted(set(en_files) - set(zh_files)):
        yield Finding(
            zh.path,
            zh.line_of("photos"),
            ERROR,
            f"the photo {file} is in the English story but not in the Chinese one",
            "add it to `photos:` here, or remove it from index.en.md",
            code="photo-language",
        )
    for photo in en.photos:
        original = zh.photo(photo.file)
        if original and photo.credit and original.credit:
            zh_person, en_person = registry.contributor(original.credit), registry.contributor(photo.credit)
            if zh_person and en_person and zh_person.id != en_person.id:
                yield Finding(
                    en.path,
                    en.line_of("photos", photo.index, "credit"),
                    ERROR,
                    f"the photo {photo.file} is credited to {en_person.name('en')} here but to {zh_person.name('zh')} in Chinese",
                    "credit the same person in both languages",
                    code="credit-mismatch",
                )
    for role in ("text", "photos"):
        zh_people = _people_ids(zh.byline(role), registry)
        en_people = _people_ids(en.byline(role), registry)
        if zh_people and en_people and zh_people != en_people:
            yield Finding(
                en.path,
                en.line_of("byline", role),
                ERROR,
                f"the `{role}` byline names other people than the Chinese one",
                "name the same people in both languages",
                code="byline-mismatch",
            )


def _people_ids(names: list[str], registry: Registry) -> set[str]:
    return {person.id for person in map(registry.contributor, names) if person}


def _untranslated(en: StoryFile) -> Iterator[Finding]:
    for name in ("title", "deck", "summary"):
        if en.text_field(name).startswith(UNTRANSLATED_MARK):
            yield Finding(
                en.path,
                en.line_of(name),
                ERROR,
                f"the {name} is not translated yet",
                f"replace `{UNTRANSLATED_MARK} …` with the English {name}",
                code="untranslated",
            )
    for photo in en.photos:
        for key in ("caption", "alt"):
            if getattr(photo, key).startswith(UNTRANSLATED_MARK):
                yield Finding(
                    en.path,
                    en.line_of("photos", photo.index, key),
                    ERROR,
                    f"the {key} of {photo.file} is not translated yet",
                    f"replace `{UNTRANSLATED_MARK} …` with the English {key}",
                    code="untranslated",
                )
    stubs = en.untranslated_blocks
    for block in stubs:
        yield Finding(
            en.path,
            block.line,
            ERROR,
            f"this {_describe(block)} is not translated yet",
            f"replace the line starting {UNTRANSLATED_MARK} with its English translation",
            code="untranslated",
        )


def _describe(block: Block) -> str:
    return {HEADING: "heading", PARAGRAPH: "paragraph", PHOTO: "photo"}.get(block.kind, block.kind)


def _structure(zh: StoryFile, en: StoryFile) -> Iterator[Finding]:
    for rule in en.alignment:
        if (
            rule.zh[1] > len(zh.paragraphs)
            or rule.en[1] > len(en.paragraphs)
            or rule.zh[0] > rule.zh[1]
            or rule.en[0] > rule.en[1]
        ):
            yield Finding(
                en.path,
                rule.line,
                ERROR,
                "this alignment rule names paragraphs that do not exist",
                f"the Chinese text has {len(zh.paragraphs)} paragraphs and the English {len(en.paragraphs)}",
                code="bad-alignment-rule",
            )
            return
    result = alignment_mod.align(zh.blocks, en.blocks, en.alignment)
    if result.in_step:
        return
    zh_total = result.zh_paragraph_count
    for index, pair in enumerate(result.pairs):
        if pair.zh and not pair.en:
            block = pair.zh[0]
            where = _next_line(result.pairs, index, en)
            if block.kind == PARAGRAPH:
                message = f"paragraph {pair.zh_numbers[0]} of {zh_total} has no English counterpart (Chinese line {block.line})"
            else:
                message = f"the Chinese {_describe(block)} {_quote(block)}has no English counterpart (Chinese line {block.line})"
            yield Finding(
                en.path,
                where,
                ERROR,
                message,
                "translate it here, or declare a merge in `alignment:` (see the guide)",
                code="structure",
            )
        elif pair.en and not pair.zh:
            block = pair.en[0]
            yield Finding(
                en.path,
                block.line,
                ERROR,
                f"this English {_describe(block)} has no Chinese counterpart",
                "remove it, or declare a split in `alignment:` (see the guide)",
                code="structure",
            )


def _where_in_chinese(block: Block, zh: StoryFile) -> str:
    if block.kind == PARAGRAPH:
        return f"paragraph {zh.paragraphs.index(block) + 1} (Chinese line {block.line})"
    return f"{_describe(block)} {_quote(block)}(Chinese line {block.line})"


def _quote(block: Block) -> str:
    if block.kind == PHOTO:
        return f"{block.src} "
    if block.kind == HEADING:
        return f"“{block.text}” "
    return ""


def _next_line(pairs, index: int, en: StoryFile) -> int:
    for pair in pairs[index + 1 :]:
        if pair.en:
            return pair.en[0].line
    for pair in reversed(pairs[:index]):
        if pair.en:
            return pair.en[-1].line + 1
    return en.body_line


def _freshness(story: Story, zh: StoryFile, en: StoryFile, strict: bool) -> Iterator[Finding]:
    severity = ERROR if strict else WARNING
    recorded = en.translation_source
    if not recorded:
        yield Finding(
            en.path,
            en.line_of("translation"),
            severity,
            "the translation does not record which Chinese version it translates",
            f"once it matches the Chinese text, run `{MARK_TRANSLATED} {shown_path(en.path.parent)}`",
            code="translation-unrecorded",
        )
        return
    current = story.current_fingerprint
    if recorded == current:
        return
    old, new = recorded.split(), current.split()
    counted = [block for block in zh.blocks if block.kind != "break"]
    changed: list[str] = []
    for tag, _, _, j1, j2 in difflib.SequenceMatcher(a=old, b=new, autojunk=False).get_opcodes():
        if tag in ("replace", "insert"):
            changed += [_where_in_chinese(block, zh) for block in counted[j1:j2]]
        elif tag == "delete":
            changed.append("a removed block")
    since = en.translation_updated
    since_text = f" since {since.isoformat()}" if since else ""
    listed = "; ".join(changed[:5]) + (f" and {len(changed) - 5} more" if len(changed) > 5 else "")
    yield Finding(
        en.path,
        en.line_of("translation", "source"),
        severity,
        f"the Chinese text changed{since_text}: {listed}",
        f"update the English, then run `{MARK_TRANSLATED} {shown_path(en.path.parent)}`",
        code="translation-outdated",
    )


_CURLY_QUOTES = (("“", "”"), ("‘", "’"))


def _curly_quotes(story_file: StoryFile) -> Iterator[Finding]:
    """Text fields wrapped in the curly quotes a Chinese input method types for `"`: YAML keeps
    them as part of the text, so the page would show the title in quotes."""
    fields = [((name,), value) for name, value in story_file.meta.items()]
    fields += [
        (("photos", photo.index, key), getattr(photo, key)) for photo in story_file.photos for key in PHOTO_FIELDS
    ]
    for path, value in fields:
        if not isinstance(value, str) or len(value) < 2:
            continue
        if any(value[0] in pair and value[-1] in pair for pair in _CURLY_QUOTES):
            name = field_name(path)
            yield Finding(
                story_file.path,
                story_file.line_of(*path),
                WARNING,
                f"{name} is wrapped in curly quotes {value[0]}…{value[-1]}, which will show on the page",
                'remove them, or type straight quotes "…" in half-width (English) input mode; '
                "keep them only if the whole text is a quotation",
                code="curly-quotes",
            )
