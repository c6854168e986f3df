"""The rendered-page cache (`.cache/pages/`) is invisible: a build that takes story pages from it
gives the same site, byte for byte, as a build that renders every page; an entry that is cut off,
edited or made for another page is rendered again, never published; and a page whose rendering
logged a warning is not kept, so the warning fails every strict build until it is fixed."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ENV, FIXTURE_DOCS, build, make_project, page

STORY = "docs/stories/river-cleanup/index.zh.md"
STORY_URL = "stories/river-cleanup/"
# a sentence of the story's last paragraph, edited: the translation still matches it block for block
WRITTEN, EDITED = "确保河水长清。", "确保河水长清，明年再清淤一次。"


def site_files(site: Path) -> dict[str, bytes]:
    return {path.relative_to(site).as_posix(): path.read_bytes() for path in site.rglob("*") if path.is_file()}


def story_pages(result: subprocess.CompletedProcess) -> dict[str, tuple[int, int]]:
    """(rendered, from the cache) per language, as the build reports them."""
    found = re.findall(r"story pages in ([\w-]+): (\d+) rendered, (\d+) from the cache", result.stdout + result.stderr)
    return {lang: (int(rendered), int(cached)) for lang, rendered, cached in found}


def built(project: Path) -> tuple[dict[str, bytes], dict[str, tuple[int, int]]]:
    result = build(project, side_by_side=True)
    assert result.returncode == 0, result.stderr
    return site_files(project / "site"), story_pages(result)


def entries(project: Path) -> list[Path]:
    return sorted((project / ".cache" / "pages").rglob("*.json"))


def cache_of_this_build(project: Path) -> list[Path]:
    """The cache holding the entries of the current stories only (an edit adds entries of its own)."""
    shutil.rmtree(project / ".cache" / "pages", ignore_errors=True)
    built(project)
    return entries(project)


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    return make_project(tmp_path_factory.mktemp("cache"), FIXTURE_DOCS)


@pytest.fixture(scope="module")
def cold(project: Path) -> dict[str, bytes]:
    site, counts = built(project)
    assert counts == {"zh": (2, 0), "zh-Hant": (2, 0), "en": (2, 0)}
    return site


def test_a_build_from_the_cache_is_the_cold_build(project: Path, cold: dict[str, bytes]):
    warm, counts = built(project)
    assert counts == {"zh": (0, 2), "zh-Hant": (0, 2), "en": (0, 2)}
    assert sorted(warm) == sorted(cold)
    assert [name for name in cold if warm[name] != cold[name]] == []


def test_an_edit_renders_that_story_again_and_reverting_it_gives_the_cold_build_back(
    project: Path, cold: dict[str, bytes]
):
    before = set(entries(project))
    source = project / STORY
    original = source.read_text(encoding="utf-8")
    assert WRITTEN in original
    source.write_text(original.replace(WRITTEN, EDITED), encoding="utf-8")
    try:
        edited, counts = built(project)
        # the Chinese editions render the edited story; English takes both from the cache
        assert counts == {"zh": (1, 1), "zh-Hant": (1, 1), "en": (0, 2)}
        assert EDITED in page(project / "site", STORY_URL).get_text()
    finally:
        source.write_text(original, encoding="utf-8")
    kept_while_edited = set(entries(project))
    reverted, _ = built(project)
    assert [name for name in cold if reverted.get(name) != cold[name]] == []
    assert edited != cold
    # each build of the whole site keeps only the entries its pages use: the story as edited, then
    # as written again (the same names as before the edit: they are made from the content)
    assert len(kept_while_edited) == 6
    assert len(kept_while_edited - before) == 2
    assert set(entries(project)) == before


def corrupt_by_truncating(entry: Path) -> None:
    entry.write_bytes(entry.read_bytes()[: len(entry.read_bytes()) // 2])


def corrupt_by_editing_a_block(entry: Path) -> None:
    data = json.loads(entry.read_text(encoding="utf-8"))
    data["blocks"][1] = "<p>TAMPERED</p>"
    entry.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")


@pytest.mark.parametrize("corrupt", [corrupt_by_truncating, corrupt_by_editing_a_block], ids=["cut off", "edited"])
def test_a_corrupt_entry_is_rendered_again_not_published(project: Path, cold: dict[str, bytes], corrupt):
    for entry in cache_of_this_build(project):
        corrupt(entry)
    again, counts = built(project)
    assert counts == {"zh": (2, 0), "zh-Hant": (2, 0), "en": (2, 0)}
    assert b"TAMPERED" not in b"".join(again.values())
    assert [name for name in cold if again[name] != cold[name]] == []
    # and the entries are sound again
    _, counts = built(project)
    assert counts == {"zh": (0, 2), "zh-Hant": (0, 2), "en": (0, 2)}


def test_an_entry_made_for_another_page_is_not_used(project: Path, cold: dict[str, bytes]):
    stored = cache_of_this_build(project)
    first_entry = stored[0].read_bytes()
    for entry in stored[1:]:
        entry.write_bytes(first_entry)  # a sound entry, but under another page's name
    again, counts = built(project)
    assert sum(cached for _, cached in counts.values()) == 1
    assert [name for name in cold if again[name] != cold[name]] == []


def test_a_page_whose_rendering_warned_is_not_cached(tmp_path: Path):
    project = make_project(tmp_path / "warned", FIXTURE_DOCS)
    source = project / STORY
    written = source.read_text(encoding="utf-8")
    source.write_text(written.replace(WRITTEN, WRITTEN + "详见[另一篇报道](../no-such-story/index.zh.md)。"), encoding="utf-8")
    lenient = [sys.executable, "-m", "mkdocs", "build", "--no-strict", "--site-dir", str(project / "site")]
    first = subprocess.run(lenient, cwd=project, env=ENV, capture_output=True, text=True, timeout=600)
    assert first.returncode == 0, first.stderr
    assert "no-such-story" in first.stderr
    strict = build(project)
    assert strict.returncode != 0
    assert "no-such-story" in strict.stderr
