"""The site's search: a Pagefind index of the built pages, one index per page language.

Pagefind reads each page's `<html lang>` and writes a separate index for each language, so a
reader's browser only ever loads the index of the page it is on. Only what the templates mark
`data-pagefind-body` (story and series pages) is indexed. The extended Pagefind build, which
the `pagefind[extended]` package ships, segments Chinese into words.
"""

from __future__ import annotations

import asyncio
import json
import shutil
from pathlib import Path

from pagefind.index import IndexConfig, PagefindIndex

OUTPUT_DIR = "pagefind"
ENTRY_FILE = "pagefind-entry.json"


def index_site(site_dir: Path) -> dict[str, int]:
    """Write the search index into `site_dir/pagefind/`; return the pages indexed per language."""
    output = Path(site_dir) / OUTPUT_DIR
    # an index from an earlier build (`--dirty`, `mkdocs serve`) would leave stale fragments behind
    shutil.rmtree(output, ignore_errors=True)
    asyncio.run(_write_index(Path(site_dir), output))
    _sort_entry(output / ENTRY_FILE)
    return indexed_pages(site_dir)


def _sort_entry(entry: Path) -> None:
    """Pagefind lists the languages in whatever order its threads finish; sort them so that two
    builds of the same content are byte-identical."""
    if entry.is_file():
        data = json.loads(entry.read_text(encoding="utf-8"))
        data["languages"] = dict(sorted(data.get("languages", {}).items()))
        entry.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")


async def _write_index(site_dir: Path, output: Path) -> None:
    # the index is written when the context closes without an error
    async with PagefindIndex(IndexConfig(output_path=str(output.resolve()))) as index:
        await index.add_directory(str(site_dir.resolve()))


def indexed_pages(site_dir: Path) -> dict[str, int]:
    """Pages per language in the index that `index_site` wrote (empty if there is none)."""
    entry = Path(site_dir) / OUTPUT_DIR / ENTRY_FILE
    if not entry.is_file():
        return {}
    languages = json.loads(entry.read_text(encoding="utf-8")).get("languages", {})
    return {lang: info.get("page_count", 0) for lang, info in sorted(languages.items())}
