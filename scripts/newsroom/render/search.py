"""The site's search: one Pagefind bundle per language, written beside that language's pages.

Each language's home holds its own bundle (`pagefind/` for Chinese at the root, `en/pagefind/`
for English), so a reader's browser only ever loads the index of the language it reads, and
Pagefind's default base URL (the folder above the bundle) turns its result paths into the right
addresses, also when the site is published below a path. Only what the templates mark
`data-pagefind-body` is indexed: story pages and the home page's series header. The extended
Pagefind build, which the `pagefind[extended]` package ships, segments Chinese into words.

Indexing runs in Pagefind's own process, started as soon as a language's pages are written, so
that it overlaps with the build of the next language.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from newsroom.model.story import STORIES_DIR

OUTPUT_DIR = "pagefind"
ENTRY_FILE = "pagefind-entry.json"
# relative to a language's home: the series listing there and the stories (not their bilingual views)
INDEXED_PAGES = f"{{index.html,{STORIES_DIR}/*/index.html}}"
# not words of the story: a photo's credit, and the panel that stands in for a photo to come
# (in the story body they come through the sanitizer, which keeps no data-pagefind-* attribute)
NOT_INDEXED = (".nr-photo__credit", ".nr-photo__to-come")


class IndexingFailed(Exception):
    pass


@dataclass
class Indexing:
    """A language's index being written by Pagefind in the background."""

    home: Path
    process: subprocess.Popen

    def wait(self) -> dict[str, int]:
        """Wait for Pagefind; return the pages it indexed, per language."""
        _, errors = self.process.communicate()
        if self.process.returncode != 0:
            raise IndexingFailed(f"Pagefind stopped indexing {self.home}: {errors.strip()}")
        _sort_entry(self.home / OUTPUT_DIR / ENTRY_FILE)
        return indexed_pages(self.home)


def start_indexing(home: Path) -> Indexing:
    """Start indexing the pages of the language whose home is `home` (e.g. `site/en`)."""
    # an index from an earlier build (`--dirty`, `mkdocs serve`) would leave stale fragments behind
    shutil.rmtree(home / OUTPUT_DIR, ignore_errors=True)
    command = [
        sys.executable, "-m", "pagefind", "--site", str(home), "--glob", INDEXED_PAGES,
        "--output-subdir", OUTPUT_DIR, "--silent",
        *(part for selector in NOT_INDEXED for part in ("--exclude-selectors", selector)),
    ]  # fmt: skip
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    return Indexing(home, process)


def _sort_entry(entry: Path) -> None:
    """Pagefind writes its languages in whatever order its threads finish; sort them so that two
    builds of the same content are byte-identical."""
    if entry.is_file():
        data = json.loads(entry.read_text(encoding="utf-8"))
        data["languages"] = dict(sorted(data.get("languages", {}).items()))
        entry.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")


def indexed_pages(home: Path) -> dict[str, int]:
    """Pages per language in the bundle under `home` (empty if there is none)."""
    entry = Path(home) / OUTPUT_DIR / ENTRY_FILE
    if not entry.is_file():
        return {}
    languages = json.loads(entry.read_text(encoding="utf-8")).get("languages", {})
    return {lang: info.get("page_count", 0) for lang, info in sorted(languages.items())}
