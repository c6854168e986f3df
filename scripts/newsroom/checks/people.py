"""The rules of who a story credits: a byline with an author (and a photographer, when there are
photos; a translator, in English), each person one of the contributor record, the same people
in both languages."""

from __future__ import annotations

import difflib
from collections.abc import Iterator

from newsroom.checks.structure import unknown, wrong_type
from newsroom.model.catalogue import Code, report
from newsroom.model.findings import Finding
from newsroom.model.registry import Registry
from newsroom.model.schema import BYLINE_ROLES, SOURCE_LANG, TRANSLATION_LANG
from newsroom.model.story import StoryFile


def byline(story_file: StoryFile, registry: Registry) -> Iterator[Finding]:
    written = story_file.meta.get("byline")
    if not isinstance(written, dict):
        return
    for role in written:
        if role not in BYLINE_ROLES:
            yield unknown(story_file, ("byline", role), role, BYLINE_ROLES)
    mistyped = {role for role in BYLINE_ROLES if not isinstance(written.get(role), str | list | None)}
    for role in sorted(mistyped):
        yield wrong_type(
            story_file, ("byline", role), written[role], "a list of names", f"write it as a list: `{role}: [name]`"
        )
    line = story_file.line_of("byline")
    if not story_file.byline("text") and "text" not in mistyped:
        yield report(Code.NO_AUTHOR, story_file.path, line)
    if story_file.photos and not story_file.byline("photos") and "photos" not in mistyped:
        yield report(Code.NO_PHOTOGRAPHER, story_file.path, line)
    if story_file.lang == TRANSLATION_LANG and not story_file.byline("translation"):
        yield report(Code.NO_TRANSLATOR, story_file.path, line)
    if story_file.lang == SOURCE_LANG and story_file.byline("translation"):
        yield report(Code.TRANSLATOR_IN_CHINESE, story_file.path, story_file.line_of("byline", "translation"))
    for role in BYLINE_ROLES:
        for name in story_file.byline(role):
            if registry.contributor(name) is None:
                yield unknown_person(story_file, ("byline", role), name, registry)


def unknown_person(story_file: StoryFile, path: tuple, name: str, registry: Registry) -> Finding:
    names = [c.name(story_file.lang) for c in registry.contributors.values()]
    close = difflib.get_close_matches(name, names, n=1, cutoff=0.5)
    line = story_file.line_of(*path)
    if close:
        return report(Code.UNKNOWN_CONTRIBUTOR_LIKE, story_file.path, line, name=name, guess=close[0])
    return report(Code.UNKNOWN_CONTRIBUTOR, story_file.path, line, name=name)


def same_people(zh: StoryFile, en: StoryFile, registry: Registry) -> Iterator[Finding]:
    for role in ("text", "photos"):
        zh_people = _people_ids(zh.byline(role), registry)
        en_people = _people_ids(en.byline(role), registry)
        if zh_people and en_people and zh_people != en_people:
            yield report(Code.BYLINE_MISMATCH, en.path, en.line_of("byline", role), role=role)


def _people_ids(names: list[str], registry: Registry) -> set[str]:
    return {person.id for person in map(registry.contributor, names) if person}
