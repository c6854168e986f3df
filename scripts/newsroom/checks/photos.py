"""The rules of a story's photos as its front matter declares them: each with its file, caption,
credit and alt text, each shown, each file in the story's folder (photo_checks.py opens it), the
same photos and photographers in both languages."""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from pathlib import Path

from newsroom.checks.people import unknown_person
from newsroom.checks.photo_checks import judge_photo
from newsroom.checks.structure import unknown, wrong_type
from newsroom.model.blocks import PHOTO
from newsroom.model.catalogue import Code, report
from newsroom.model.findings import Finding
from newsroom.model.registry import Registry
from newsroom.model.schema import LANGUAGE_NAMES, PHOTO_FIELDS, SOURCE_LANG
from newsroom.model.story import Story, StoryFile
from newsroom.render import images

_NO_FIELD = {"caption": Code.PHOTO_NO_CAPTION, "credit": Code.PHOTO_NO_CREDIT, "alt": Code.PHOTO_NO_ALT}
_CONTROL_CHARACTER = re.compile(r"[\x00-\x1f\x7f]")


def photos(story: Story, story_file: StoryFile, registry: Registry) -> Iterator[Finding]:
    entries = story_file.meta.get("photos")
    if isinstance(entries, list):
        for index, entry in enumerate(entries):
            if not isinstance(entry, dict):
                yield report(Code.PHOTO_MALFORMED, story_file.path, story_file.line_of("photos", index))
                continue
            for key in entry:
                if key not in PHOTO_FIELDS:
                    yield unknown(story_file, ("photos", index, key), key, PHOTO_FIELDS)
    for photo in story_file.photos:
        entry = _photo_entry(story_file, photo)
        mistyped = {key for key in PHOTO_FIELDS if not isinstance(entry.get(key), str | None)}
        for key in sorted(mistyped):
            yield wrong_type(
                story_file,
                ("photos", photo.index, key),
                entry[key],
                "text",
                f"write `{key}:` as text; put it in quotes if it looks like a number or yes/no",
            )
        if not photo.file and "file" in mistyped:
            continue
        if not photo.file:
            yield report(Code.PHOTO_NO_FILE, story_file.path, photo.line)
            continue
        for key, kind in _NO_FIELD.items():
            if not getattr(photo, key) and key not in mistyped:
                line = story_file.line_of("photos", photo.index, key) if key in entry else photo.line
                yield report(kind, story_file.path, line, file=photo.file, language=LANGUAGE_NAMES[story_file.lang])
        if photo.credit and registry.contributor(photo.credit) is None:
            yield unknown_person(story_file, ("photos", photo.index, "credit"), photo.credit, registry)
        yield from _photo_file(story, story_file, photo)
    declared = {photo.file for photo in story_file.photos}
    used = set()
    for block in story_file.blocks:
        if block.kind == PHOTO:
            used.add(block.src)
            if block.src not in declared and not _is_remote(block.src):
                yield report(Code.PHOTO_UNDECLARED, story_file.path, block.line, file=block.src)
    lead = story_file.text_field("lead_photo")
    if lead:
        used.add(lead)
        if lead not in declared:
            yield report(Code.LEAD_PHOTO_UNDECLARED, story_file.path, story_file.line_of("lead_photo"), file=lead)
    for photo in story_file.photos:
        if photo.file and photo.file not in used:
            yield report(Code.PHOTO_UNUSED, story_file.path, photo.line, file=photo.file)


def _photo_entry(story_file: StoryFile, photo) -> dict:
    """The photo's fields as written, before the model keeps only the text ones."""
    entries = story_file.meta.get("photos")
    entry = entries[photo.index] if isinstance(entries, list) and photo.index < len(entries) else {}
    return entry if isinstance(entry, dict) else {}


def _is_remote(src: str) -> bool:
    return bool(re.match(r"^(?:[a-z]+:)?//", src, re.I))


def _photo_file(story: Story, story_file: StoryFile, photo) -> Iterator[Finding]:
    if _is_remote(photo.file):
        yield report(Code.PHOTO_REMOTE, story_file.path, photo.line, file=photo.file)
        return
    if _CONTROL_CHARACTER.search(photo.file):
        yield report(Code.PHOTO_NAME_CONTROL, story_file.path, photo.line, file=photo.file)
        return
    path = story.image_path(photo.file)
    # os.path.realpath, as Path.resolve raises on a link that loops (before Python 3.13)
    if ".." in Path(photo.file).parts or not Path(os.path.realpath(path)).is_relative_to(
        os.path.realpath(story.folder)
    ):
        yield report(Code.PHOTO_OUTSIDE, story_file.path, photo.line, file=photo.file)
        return
    try:
        yield from _photo_on_disk(story, story_file, photo, path)
    except OSError as error:  # e.g. a file name longer than the file system allows
        yield report(Code.PHOTO_NAME_UNREADABLE, story_file.path, photo.line, file=photo.file, reason=error.strerror)


def _photo_on_disk(story: Story, story_file: StoryFile, photo, path: Path) -> Iterator[Finding]:
    if path.is_dir():
        yield report(Code.PHOTO_IS_FOLDER, story_file.path, photo.line, file=photo.file)
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
        yield report(Code.PHOTO_BROKEN_LINK, story_file.path, photo.line, file=photo.file, target=os.readlink(path))
        return
    same_but_case = (
        [p.name for p in path.parent.iterdir() if p.name.lower() == path.name.lower()] if path.parent.is_dir() else []
    )
    if same_but_case:
        corrected = Path(photo.file).with_name(same_but_case[0]).as_posix()
        yield report(
            Code.PHOTO_CASE, story_file.path, photo.line, file=photo.file, on_disk=same_but_case[0], corrected=corrected
        )
    else:
        yield report(Code.PHOTO_MISSING, story_file.path, photo.line, file=photo.file, slug=story.slug)


def _large_photo(story: Story, story_file: StoryFile, photo, path: Path) -> Finding:
    # docs/ holds stories/<slug>/; the cache beside it lets the build reuse the variant made here
    largest = images.largest_variant_bytes(path, images.cache_dir_for(story.folder.parents[1]))
    megabytes = path.stat().st_size / 1_000_000
    if largest:
        return report(
            Code.PHOTO_LARGE_MEASURED,
            story_file.path,
            photo.line,
            file=photo.file,
            megabytes=megabytes,
            kilobytes=round(largest / 1000),
        )
    return report(Code.PHOTO_LARGE, story_file.path, photo.line, file=photo.file, megabytes=megabytes)


def same_photos(zh: StoryFile, en: StoryFile, registry: Registry) -> Iterator[Finding]:
    """The two languages declare the same photos, each credited to the same person."""
    zh_files, en_files = [p.file for p in zh.photos], [p.file for p in en.photos]
    for file in sorted(set(zh_files) - set(en_files)):
        yield report(Code.PHOTO_NOT_IN_ENGLISH, en.path, en.line_of("photos"), file=file)
    for file in sorted(set(en_files) - set(zh_files)):
        yield report(Code.PHOTO_NOT_IN_CHINESE, zh.path, zh.line_of("photos"), file=file)
    for photo in en.photos:
        original = zh.photo(photo.file)
        if original and photo.credit and original.credit:
            zh_person, en_person = registry.contributor(original.credit), registry.contributor(photo.credit)
            if zh_person and en_person and zh_person.id != en_person.id:
                yield report(
                    Code.CREDIT_MISMATCH,
                    en.path,
                    en.line_of("photos", photo.index, "credit"),
                    file=photo.file,
                    english=en_person.name("en"),
                    chinese=zh_person.name("zh"),
                )
