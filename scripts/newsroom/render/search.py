"""The site's search: Pagefind bundles per language, written beside that language's pages.

Each language's home holds its own bundles (`pagefind/` for Chinese at the root, `en/pagefind/`
for English), so a reader's browser only ever loads the index of the language it reads, and
Pagefind's default base URL (the folder above the bundle) turns its result paths into the right
addresses, also when the site is published below a path. Only what the templates mark
`data-pagefind-body` is indexed: story pages and the home page's series header. The extended
Pagefind build, which the `pagefind[extended]` package ships, segments Chinese into words.

A language's pages are indexed in shards of at most SHARD_PAGES pages, each by its own Pagefind
process: one process over 1,000 pages takes some 640 MB, one over 250 pages less than a third of
that. The first shard's bundle is `pagefind/`, the others are in `pagefind/shards/<n>/`, listed in
`pagefind/shards.json`, which the browser's script reads to merge them into the first
(`pagefind.mergeIndex`): Pagefind then searches them all and sorts their results by score. The
others keep only their index: Pagefind's code and WebAssembly come from the first.

The split is stable (the home page, then the stories by folder name), so that an edit changes
one shard, and each shard's bundle is kept in the cache under the digest of what it was made
from (its pages, Pagefind's version and options): a shard whose pages have not changed is copied
from there instead of indexed again. An entry lists the digest of each of its files and is only
used when they all still match.

Indexing runs in the background, started as soon as a language's pages are written, so that it
overlaps with the build of the next language.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
from importlib import metadata
from pathlib import Path

from newsroom.model.story import STORIES_DIR

OUTPUT_DIR = "pagefind"
ENTRY_FILE = "pagefind-entry.json"
SHARDS_FILE = "shards.json"  # in the first bundle: where the others are, relative to it
SHARDS_DIR = "shards"
SHARD_PAGES = 250  # a Pagefind process over 250 pages of long stories peaks near 200 MB
CACHE_FOLDER = "search"  # in the build's cache folder
FORMAT = 1  # of a cache entry; a new format is a new key for every entry
MANIFEST = "manifest.json"
# what only the first bundle needs: the browser loads Pagefind's code and WebAssembly from there
RUNTIME_FILES = ("pagefind*.js", "pagefind*.css", "wasm.*.pagefind")
HOME_PAGE = "index.html"
STORY_PAGES = f"{STORIES_DIR}/*/index.html"
# relative to a language's home: the series listing there and the stories (not their bilingual views)
INDEXED_PAGES = f"{{{HOME_PAGE},{STORY_PAGES}}}"
# not words of the story: a photo's credit, and the panel that stands in for a photo to come
# (in the story body they come through the sanitizer, which keeps no data-pagefind-* attribute)
NOT_INDEXED = (".nr-photo__credit", ".nr-photo__to-come")
PAGEFIND_OPTIONS = (
    "--glob", INDEXED_PAGES, "--silent",
    *(part for selector in NOT_INDEXED for part in ("--exclude-selectors", selector)),
)  # fmt: skip


class IndexingFailed(Exception):
    pass


def shards(home: Path, shard_pages: int = SHARD_PAGES) -> list[list[Path]]:
    """The pages to index under `home`, relative to it, cut into shards of at most `shard_pages`:
    the home page first, then the stories by folder name."""
    home = Path(home)
    pages = [Path(HOME_PAGE)] if (home / HOME_PAGE).is_file() else []
    pages += sorted((path.relative_to(home) for path in home.glob(STORY_PAGES)), key=lambda page: page.parent.name)
    return [pages[start : start + shard_pages] for start in range(0, len(pages), shard_pages)]


def bundle_path(number: int) -> str:
    """Where shard `number`'s bundle is, relative to the first bundle."""
    return "" if number == 0 else f"{SHARDS_DIR}/{number}/"


class Indexing:
    """A language's index being written in the background, shard after shard."""

    def __init__(self, home: Path, cache_dir: Path | None, shard_pages: int) -> None:
        self.home = Path(home)
        self.cache = _BundleCache(Path(cache_dir) / CACHE_FOLDER) if cache_dir else None
        self.shards = shards(self.home, shard_pages)
        self.indexed = 0  # shards Pagefind indexed
        self.reused = 0  # shards copied from the cache
        self._pages: dict[str, int] = {}
        self._failure: str | None = None
        self._stopped = threading.Event()
        self._process: subprocess.Popen | None = None
        self._thread = threading.Thread(target=self._index_all, daemon=True)
        self._thread.start()

    def wait(self) -> dict[str, int]:
        """Wait for every shard; return the pages indexed, per language."""
        self._thread.join()
        if self._failure:
            raise IndexingFailed(f"Pagefind stopped indexing {self.home}: {self._failure}")
        return dict(sorted(self._pages.items()))

    def stop(self) -> None:
        """Index no further shard, and stop the one being indexed."""
        self._stopped.set()
        process = self._process
        if process:
            process.kill()
        self._thread.join()

    def _index_all(self) -> None:
        output = self.home / OUTPUT_DIR
        # an index from an earlier build (`--dirty`, `mkdocs serve`) would leave stale fragments behind
        shutil.rmtree(output, ignore_errors=True)
        try:
            for number, pages in enumerate(self.shards):
                if self._stopped.is_set():
                    return
                bundle = output / bundle_path(number)
                self._index_shard(pages, bundle, first=number == 0)
                for lang, count in indexed_pages(bundle).items():
                    self._pages[lang] = self._pages.get(lang, 0) + count
            if self.shards:
                others = [bundle_path(number) for number in range(1, len(self.shards))]
                (output / SHARDS_FILE).write_text(json.dumps(others), encoding="utf-8")
        except (OSError, ValueError, IndexingFailed) as failed:
            self._failure = str(failed)

    def _index_shard(self, pages: list[Path], bundle: Path, first: bool) -> None:
        key = _shard_key(self.home, pages, first) if self.cache else ""
        if self.cache and self.cache.place(key, bundle):
            self.reused += 1
            return
        with tempfile.TemporaryDirectory(prefix="shard-", dir=self.cache.work() if self.cache else None) as work:
            mirror, made = Path(work) / "site", Path(work) / OUTPUT_DIR
            for page in pages:
                (mirror / page).parent.mkdir(parents=True, exist_ok=True)
                _link_or_copy(self.home / page, mirror / page)
            self._run_pagefind(mirror, made)
            _sort_entry(made / ENTRY_FILE)
            if not first:
                for path in [path for pattern in RUNTIME_FILES for path in made.glob(pattern)]:
                    path.unlink()
            _place_tree(made, bundle)
            if self.cache:
                self.cache.put(key, made)
        self.indexed += 1

    def _run_pagefind(self, mirror: Path, made: Path) -> None:
        where = ("--site", str(mirror), "--output-path", str(made))
        command = [sys.executable, "-m", "pagefind", *where, *PAGEFIND_OPTIONS]
        self._process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        _, errors = self._process.communicate()
        returncode, self._process = self._process.returncode, None
        if self._stopped.is_set():
            raise IndexingFailed("stopped")
        if returncode != 0:
            raise IndexingFailed(errors.strip())


def start_indexing(home: Path, cache_dir: Path | None = None, shard_pages: int = SHARD_PAGES) -> Indexing:
    """Start indexing the pages of the language whose home is `home` (e.g. `site/en`), keeping
    each shard's bundle in `cache_dir` (the build's cache folder) when it is given."""
    return Indexing(home, cache_dir, shard_pages)


def shards_report(indexing: list[Indexing]) -> str:
    """What the build's indexing did, for its log."""
    indexed, reused = sum(started.indexed for started in indexing), sum(started.reused for started in indexing)
    return f"search: {indexed} shards indexed, {reused} reused"


class _BundleCache:
    """Shard bundles by the digest of what they were made from: `<key>/bundle/` and, beside it,
    the digest of each of its files."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def work(self) -> Path:
        """Where a shard is indexed before it is kept: beside the entries, so it is moved, not copied."""
        work = self.folder / ".work"
        work.mkdir(parents=True, exist_ok=True)
        return work

    def place(self, key: str, bundle: Path) -> bool:
        """Copy the entry `key` to `bundle` if it is there and sound."""
        entry = self.folder / key
        try:
            manifest = json.loads((entry / MANIFEST).read_text(encoding="utf-8"))
            sound = manifest["key"] == key and manifest["files"] == _digests(entry / "bundle")
        except (OSError, ValueError, KeyError, TypeError):
            return False  # missing, cut off, or not an entry
        if sound:
            _place_tree(entry / "bundle", bundle)
            os.utime(entry)  # used by this build: `prune_cache` keeps it
        return sound

    def put(self, key: str, made: Path) -> None:
        """Keep the bundle `made` (moved away) as the entry `key`, replacing an unsound one."""
        new = Path(tempfile.mkdtemp(prefix=f"{key}.", dir=self.work()))
        manifest = {"key": key, "files": _digests(made)}
        made.rename(new / "bundle")
        (new / MANIFEST).write_text(json.dumps(manifest, sort_keys=True), encoding="utf-8")
        entry = self.folder / key
        shutil.rmtree(entry, ignore_errors=True)
        try:
            new.rename(entry)
        except OSError:  # another build kept the same entry meanwhile
            shutil.rmtree(new, ignore_errors=True)


def prune_cache(cache_dir: Path, used_since: float) -> int:
    """Remove the shard bundles no build has indexed or used since `used_since`: called after a
    build that indexed every language, which uses every shard the site has."""
    removed = 0
    for entry in (Path(cache_dir) / CACHE_FOLDER).glob("*"):
        try:
            if entry.name != ".work" and entry.is_dir() and entry.stat().st_mtime < used_since:
                shutil.rmtree(entry)
                removed += 1
        except OSError:
            continue
    return removed


def _shard_key(home: Path, pages: list[Path], first: bool) -> str:
    digest = hashlib.sha256()
    described = {"format": FORMAT, "pagefind": _pagefind_version(), "options": PAGEFIND_OPTIONS, "first": first}
    digest.update(json.dumps(described, sort_keys=True).encode())
    for page in pages:
        content = (home / page).read_bytes()
        digest.update(f"\0{page.as_posix()}\0{len(content)}\0".encode() + content)
    return digest.hexdigest()


def _pagefind_version() -> str:
    return metadata.version("pagefind")


def _digests(folder: Path) -> dict[str, str]:
    return {
        path.relative_to(folder).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def _place_tree(source: Path, target: Path) -> None:
    """Copy the files of `source` into `target` (which may hold other bundles' folders)."""
    for path in sorted(source.rglob("*")):
        if path.is_file():
            destination = target / path.relative_to(source)
            destination.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(path, destination)


def _link_or_copy(source: Path, target: Path) -> None:
    try:
        os.link(source, target)
    except OSError:  # another file system, or one without hard links
        shutil.copyfile(source, target)


def _sort_entry(entry: Path) -> None:
    """Pagefind writes its languages in whatever order its threads finish; sort them so that two
    builds of the same content are byte-identical."""
    if entry.is_file():
        data = json.loads(entry.read_text(encoding="utf-8"))
        data["languages"] = dict(sorted(data.get("languages", {}).items()))
        entry.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")


def indexed_pages(bundle: Path) -> dict[str, int]:
    """Pages per language in the bundle `bundle` (empty if there is none)."""
    entry = Path(bundle) / ENTRY_FILE
    if not entry.is_file():
        return {}
    languages = json.loads(entry.read_text(encoding="utf-8")).get("languages", {})
    return {lang: info.get("page_count", 0) for lang, info in sorted(languages.items())}
