"""Every rule a story and page must pass, composed from one module per topic: structure (files
and fields), people (bylines), photos, translation, content (text and markup), pages; the
configuration's rules are config_checks'.

The CLI (`stories.py check`) and the build call `check_site`; both print the findings with
`Finding.format`, so a journalist sees the same words wherever the problem shows up. The check
reads files and photos and never writes.
"""

from __future__ import annotations

from collections.abc import Iterable
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from newsroom.checks import content, glossary, people, photos, structure, translation
from newsroom.checks.pages import check_page
from newsroom.model.catalogue import Code, report
from newsroom.model.findings import ERROR, Finding, real_path
from newsroom.model.registry import DATA_DIR, Registry
from newsroom.model.schema import SOURCE_LANG, TRANSLATION_LANG
from newsroom.model.site import Site
from newsroom.model.story import Story

PARALLEL_FROM = 200  # stories; below this, starting processes costs more than it saves


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

    records_and_glossary = site.registry.problems + content.record_findings(site.registry)
    records_and_glossary += glossary.load_glossary(site.docs_dir).problems
    findings: list[Finding] = [f for f in records_and_glossary if selected(f.path)]
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


def check_story(story: Story, registry: Registry, strict: bool = False) -> list[Finding]:
    findings = list(structure.missing_counterpart(story.files, "story"))
    readable = {}
    for lang, story_file in story.files.items():
        if story_file.problem:
            findings.append(story_file.problem)
        elif story_file.front is None:
            findings.append(report(Code.NO_FRONT_MATTER, story_file.path, 1))
        else:
            readable[lang] = story_file
            findings += structure.story_fields(story_file, registry)
            findings += people.byline(story_file, registry)
            findings += photos.photos(story, story_file, registry)
            findings += content.text_findings(story_file)
    zh, en = readable.get(SOURCE_LANG), readable.get(TRANSLATION_LANG)
    if zh and en:
        findings += translation.same_facts(zh, en)
        findings += photos.same_photos(zh, en, registry)
        findings += people.same_people(zh, en, registry)
        findings += translation.untranslated(en)
        findings += glossary.misses(story)
        if not en.untranslated_blocks:
            findings += translation.in_step(zh, en)
            findings += translation.freshness(story, zh, en, strict)
    return findings
