"""Each story page's rendered blocks, kept between builds in `.cache/pages/` by what decides them.

An entry's name is the SHA-256 of everything its HTML depends on: the Markdown MkDocs converts
(the story's text and photo markup, as the model and the templates made it), the page's language
and address, the build's files (they decide where a link leads), the Markdown extensions and
their settings, and the versions of the project's code and of the libraries that render. Any
change to one of them is another name, so an entry is never stale: it is only unused.

An entry holds its own name and the digest of its blocks. One that is cut off, edited, or made
for another name is not used: the page is rendered again and the entry written anew. The blocks
it gives back pass the sanitizer again on their way to the page, as fresh Markdown output does.
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
from importlib import metadata
from pathlib import Path

import newsroom
from newsroom.model import files

CACHE_FOLDER = "pages"
FORMAT = 1  # of an entry; a new format is a new name for every entry
RENDERING_LIBRARIES = ("markdown", "mkdocs", "pymdown-extensions", "nh3")


def build_inputs(config, site_files) -> str:
    """The digest of what every page of one language's build shares: code, libraries, Markdown
    settings and the build's files."""
    described = {
        "format": FORMAT,
        "code": _code_version(),
        "libraries": {name: metadata.version(name) for name in RENDERING_LIBRARIES},
        "extensions": [_stable(extension) for extension in config.markdown_extensions],
        "extension_settings": _stable(config.mdx_configs),
        "directory_urls": config.use_directory_urls,
        "files": sorted((file.src_uri, file.dest_uri, file.url) for file in site_files),
    }
    return _digest(json.dumps(described, sort_keys=True, ensure_ascii=False))


class PageCache:
    def __init__(self, folder: Path, inputs: str) -> None:
        self.folder = Path(folder)
        self.inputs = inputs

    def key(self, lang: str, dest_uri: str, markdown: str) -> str:
        return _digest("\0".join((self.inputs, lang, dest_uri, markdown)))

    def get(self, key: str) -> list[str] | None:
        """The blocks stored under `key`, or None when there is no sound entry for it."""
        try:
            entry = json.loads(self._path(key).read_text(encoding="utf-8"))
            blocks = entry["blocks"]
            sound = entry["key"] == key and entry["digest"] == _blocks_digest(blocks)
        except (OSError, ValueError, KeyError, TypeError):
            return None  # missing, cut off, or not an entry
        if sound:
            os.utime(self._path(key))  # used by this build: `prune` keeps it
        return blocks if sound else None

    def put(self, key: str, blocks: list[str]) -> None:
        entry = {"key": key, "digest": _blocks_digest(blocks), "blocks": blocks}
        files.write_text(self._path(key), json.dumps(entry, ensure_ascii=False), replace=True, durable=False)

    def prune(self, used_since: float) -> int:
        """Remove the entries no build has used since `used_since` (a whole site's build uses every
        entry it needs): without it, every change of the code would leave a cache's worth behind."""
        removed = 0
        for entry in self.folder.glob("*/*.json"):
            try:
                if entry.stat().st_mtime < used_since:
                    entry.unlink()
                    removed += 1
            except OSError:
                continue  # removed meanwhile
        return removed

    def _path(self, key: str) -> Path:
        return self.folder / key[:2] / f"{key}.json"


def _blocks_digest(blocks: list[str]) -> str:
    if not isinstance(blocks, list) or not all(isinstance(block, str) for block in blocks):
        raise TypeError("blocks")
    return _digest("\0".join(blocks))


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@functools.cache
def _code_version() -> str:
    """The project's own code, file by file: a change anywhere in it renders every page again."""
    package = Path(newsroom.__file__).parent
    digest = hashlib.sha256()
    for path in sorted(package.rglob("*.py")):
        digest.update(path.relative_to(package).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def _stable(value):
    """A description of a setting that is the same in every process: what a function, an object
    or a `functools.partial` is, never where it happens to sit in memory."""
    if isinstance(value, dict):
        return {str(key): _stable(item) for key, item in sorted(value.items(), key=lambda pair: str(pair[0]))}
    if isinstance(value, (list, tuple)):
        return [_stable(item) for item in value]
    if isinstance(value, (str, int, float, bool)) or value is None:
        return value
    if isinstance(value, functools.partial):
        return {"partial": _stable(value.func), "args": _stable(value.args), "keywords": _stable(value.keywords)}
    kind = value if hasattr(value, "__qualname__") else type(value)  # a function or class, or an object's class
    return f"{kind.__module__}.{kind.__qualname__}"
