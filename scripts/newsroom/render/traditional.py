"""The Traditional Chinese edition, converted from the Simplified Chinese with OpenCC at build time.

Nothing of it is written by hand: each story's Chinese file, each page, the contributors' and
series' names are converted as the build reads them, and every view of the edition is made from
the converted model exactly as the Chinese is made from the original. OpenCC converts by
phrase, and gets some names wrong (a person's 于 or 范 is not 於 or 範): the glossary's `zh-Hant:`
forms are kept as they are written.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache

import opencc

from newsroom.model.blocks import CJK
from newsroom.model.schema import SOURCE_LANG, TRADITIONAL_LANG
from newsroom.model.site import Site
from newsroom.model.story import StoryFile

# Taiwan standard with Taiwanese phrases, or Hong Kong standard
CONVERSIONS = ("s2twp", "s2hk")
# the Open Graph locale of the edition each conversion makes
OG_LOCALES = {"s2twp": "zh_TW", "s2hk": "zh_HK"}
# the words around the stories (labels) follow neither region's phrasing: OpenCC's plain characters
LABEL_CONVERSION = "s2t"
_HELD = "\ue000"  # a private-use character OpenCC leaves alone: where a kept form goes back in
# the other ways readers write a character (a Hong Kong reader types 濕 where Taiwan writes 溼)
VARIANT_CONVERSIONS = ("s2t", "s2tw", "s2hk", "s2twp")
# beside the edition's search bundle: how the search box writes a query as the edition does
QUERY_TABLE_FILE = "search-characters.json"


@cache
def _opencc(conversion: str) -> opencc.OpenCC:
    return opencc.OpenCC(conversion)  # reads its dictionaries once per process


class Converter:
    """Simplified to Traditional text, with the forms the site keeps as they are written."""

    def __init__(self, conversion: str, kept: dict[str, str] | None = None) -> None:
        self.conversion = conversion
        self.kept = dict(kept or {})
        longest_first = sorted(self.kept, key=len, reverse=True)
        self._kept_pattern = re.compile("|".join(map(re.escape, longest_first))) if self.kept else None

    def __call__(self, text: str) -> str:
        if not text:
            return text
        if self._kept_pattern is None:
            return _opencc(self.conversion).convert(text)
        held: list[str] = []

        def hold(match: re.Match) -> str:
            held.append(self.kept[match[0]])
            return _HELD

        parts = _opencc(self.conversion).convert(self._kept_pattern.sub(hold, text)).split(_HELD)
        return "".join(part + (held[index] if index < len(held) else "") for index, part in enumerate(parts))


def query_table(chinese_texts: Iterable[str], conversion: str) -> dict[str, str]:
    """Each character a reader may type for a character of the site, Simplified or another
    Traditional form, mapped to the character the edition writes: 湿 and 濕 to 溼 (s2twp), so that
    the edition's search finds 溼地 whichever the reader types."""
    characters = sorted({character for text in chinese_texts for character in CJK.findall(text)})
    joined = "\n".join(characters)
    written = _opencc(conversion).convert(joined).split("\n")
    table: dict[str, str] = {}
    for forms in [characters, *(_opencc(variant).convert(joined).split("\n") for variant in VARIANT_CONVERSIONS)]:
        for form, edition_form in zip(forms, written, strict=True):
            if form != edition_form:
                table.setdefault(form, edition_form)
    return dict(sorted(table.items()))


def converted_labels(labels: dict[str, str]) -> dict[str, str]:
    convert = Converter(LABEL_CONVERSION)
    return {key: convert(text) for key, text in labels.items()}


def converted_file(story_file: StoryFile, convert: Converter) -> StoryFile:
    """The Traditional edition of a Chinese file, read as the file itself is (findings keep its path)."""
    edition = StoryFile(story_file.path, TRADITIONAL_LANG)
    edition.load(convert(story_file.text).encode("utf-8"))
    return edition


def add_edition(site: Site, convert: Converter) -> None:
    """Give every story and page that has readable Chinese its Traditional edition, and the
    contributors and series their names in it."""
    for story in site.stories:
        source = story.source
        if source is not None and source.problem is None:
            story.files[TRADITIONAL_LANG] = converted_file(source, convert)
    for page in site.pages.values():
        source = page.files.get(SOURCE_LANG)
        if source is not None and source.problem is None:
            page.files[TRADITIONAL_LANG] = converted_file(source, convert)
    site.registry.add_language(TRADITIONAL_LANG, SOURCE_LANG, convert)
