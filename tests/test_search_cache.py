"""The search index in shards, each kept in the cache by what it was made from: a build indexes
again only the shards whose pages changed, and the site is the same byte for byte either way."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from conftest import FIXTURE_DOCS, build, make_project
from newsroom.render import search

SHARD_PAGES = 1  # the fixture's home page and its two stories: three shards per language
BUNDLES = ("", "shards/1/", "shards/2/")


def tree(folder: Path) -> dict[str, bytes]:
    return {path.relative_to(folder).as_posix(): path.read_bytes() for path in folder.rglob("*") if path.is_file()}


@pytest.fixture
def site(fixture_site: Path, tmp_path: Path) -> Path:
    """A copy of the fixture site, to index again."""
    copy = tmp_path / "site"
    shutil.copytree(fixture_site, copy)
    return copy


def index(home: Path, cache: Path | None) -> search.Indexing:
    indexing = search.start_indexing(home, cache, shard_pages=SHARD_PAGES)
    assert indexing.wait() == {"zh": 3}
    return indexing


def refuse_pagefind(monkeypatch) -> list[list[str]]:
    """From now on no process can be started; returns the commands that tried."""
    tried = []

    def refuse(command, *args, **kwargs):
        tried.append(command)
        raise FileNotFoundError(command[0])

    monkeypatch.setattr(subprocess, "Popen", refuse)
    return tried


def test_unchanged_shards_come_from_the_cache_as_pagefind_made_them(site: Path, tmp_path: Path, monkeypatch):
    fresh = index(site, None)
    made = tree(site / search.OUTPUT_DIR)
    assert (fresh.indexed, fresh.reused) == (3, 0)
    assert made[search.SHARDS_FILE] == b'["shards/1/", "shards/2/"]'
    for bundle in BUNDLES:
        # each shard a bundle of its own, of one page
        assert [name for name in made if name.startswith(f"{bundle}fragment/")], bundle
        assert '"page_count":1' in made[f"{bundle}{search.ENTRY_FILE}"].decode(), bundle
        assert (f"{bundle}pagefind.js" in made) == (bundle == ""), "Pagefind's code is in the first bundle only"
    cache = tmp_path / "cache"
    first = index(site, cache)
    assert (first.indexed, first.reused) == (3, 0)
    assert tree(site / search.OUTPUT_DIR) == made

    tried = refuse_pagefind(monkeypatch)
    again = index(site, cache)
    assert (again.indexed, again.reused, tried) == (0, 3, [])
    assert tree(site / search.OUTPUT_DIR) == made


def test_a_cached_shard_that_was_altered_is_indexed_again(site: Path, tmp_path: Path, monkeypatch):
    cache = tmp_path / "cache"
    index(site, cache)
    made = tree(site / search.OUTPUT_DIR)
    entries = sorted(path for path in (cache / search.CACHE_FOLDER).iterdir() if not path.name.startswith("."))
    assert len(entries) == 3
    fragment = next((entries[1] / "bundle" / "fragment").iterdir())
    fragment.write_bytes(fragment.read_bytes()[:10])  # cut off

    again = index(site, cache)
    assert (again.indexed, again.reused) == (1, 2)
    assert tree(site / search.OUTPUT_DIR) == made
    refuse_pagefind(monkeypatch)
    assert index(site, cache).reused == 3  # the entry was written anew


def test_an_edited_story_indexes_its_shard_only(site: Path, tmp_path: Path):
    cache = tmp_path / "cache"
    index(site, cache)
    before = tree(site / search.OUTPUT_DIR)
    story = site / "stories" / "wetland-birds" / "index.html"
    story.write_text(story.read_text(encoding="utf-8").replace("候鸟", "水鸟"), encoding="utf-8")

    again = index(site, cache)
    assert (again.indexed, again.reused) == (1, 2)
    after = tree(site / search.OUTPUT_DIR)
    changed = {name for name in before.keys() | after.keys() if before.get(name) != after.get(name)}
    assert changed and all(name.startswith("shards/2/") for name in changed), changed


@pytest.mark.parametrize("side_by_side", [False, True], ids=["mkdocs build", "stories.py build"])
def test_a_build_again_takes_every_shard_from_the_cache(tmp_path: Path, side_by_side: bool):
    project = make_project(tmp_path / "project", FIXTURE_DOCS)
    logs, sites = [], []
    for _ in range(2):
        result = build(project, side_by_side=side_by_side)
        assert result.returncode == 0, result.stderr
        logs.append(result.stdout + result.stderr)
        sites.append(tree(project / "site"))
    assert "search: 3 shards indexed, 0 reused" in logs[0]  # one shard in each of the three languages
    assert "search: 0 shards indexed, 3 reused" in logs[1]
    assert sites[0] == sites[1]
