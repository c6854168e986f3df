"""The newsroom's glossary (docs/_data/glossary.yml): how each name is rendered in English.

The check warns where a unit's Chinese holds a glossary term and its English lacks the term's
rendering; the XLIFF export shows each unit's terms to the translator. Terms are found longest
first, so 晋中市生态环境局 is the bureau, not also the city 晋中市 inside it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path

from newsroom.model.blocks import UNTRANSLATED_MARK
from newsroom.model.catalogue import Code, report
from newsroom.model.findings import Finding
from newsroom.model.registry import DATA_DIR, load_data_file
from newsroom.model.schema import TRADITIONAL_LANG
from newsroom.model.story import Story
from newsroom.model.units import Unit, story_units

GLOSSARY_FILE = "glossary.yml"


@dataclass(frozen=True)
class Term:
    zh: str
    en: str  # the rendering
    also: tuple[str, ...] = ()  # other renderings the house style accepts (later references)
    traditional: str = ""  # the 繁體 form where conversion gets a name wrong
    note: str = ""
    line: int = 1  # in glossary.yml

    def rendered_in(self, english: str, *, title_case: bool = False) -> bool:
        """Whether `english` holds a rendering: as written, opening a sentence (“The plenary
        session …”), or in any case in a headline, which is set in title case."""
        text = _plain_quotes(english)
        for rendering in map(_plain_quotes, (self.en, *self.also)):
            if rendering in text or rendering[:1].upper() + rendering[1:] in text:
                return True
            if title_case and rendering.casefold() in text.casefold():
                return True
        return False

    @property
    def shown(self) -> str:
        """`祁县 → Qi County`, with the other accepted renderings and the note."""
        also = "".join(f" / {rendering}" for rendering in self.also)
        return f"{self.zh} → {self.en}{also}" + (f" ({self.note})" if self.note else "")


@dataclass
class Glossary:
    path: Path
    terms: dict[str, Term] = field(default_factory=dict)
    problems: list[Finding] = field(default_factory=list)

    def terms_in(self, chinese: str) -> list[Term]:
        """The terms the text holds, in order of first appearance, each once; longest match first."""
        if not self.terms:
            return []
        found: dict[str, Term] = {}
        for match in self._pattern.finditer(chinese):
            found.setdefault(match.group(), self.terms[match.group()])
        return list(found.values())

    @cached_property
    def _pattern(self) -> re.Pattern:
        # tried longest first at each position, and the scan goes on after a match: 祁县城 is 祁县城, not 祁县
        return re.compile("|".join(map(re.escape, sorted(self.terms, key=len, reverse=True))))


def glossary_path(docs_dir: Path) -> Path:
    return Path(docs_dir) / DATA_DIR / GLOSSARY_FILE


def load_glossary(docs_dir: Path) -> Glossary:
    """The site's glossary; a site without glossary.yml has an empty one."""
    path = glossary_path(docs_dir)
    try:
        stat = path.stat()
    except OSError:
        return Glossary(path)
    return _load(path, stat.st_mtime_ns, stat.st_size)


@lru_cache(maxsize=4)
def _load(path: Path, _mtime: int, _size: int) -> Glossary:
    glossary = Glossary(path)
    entries, line_of = load_data_file(path, glossary.problems)
    for zh, entry in entries.items():
        entry = {"en": entry} if isinstance(entry, str) else entry
        renderings = entry.get("en") if isinstance(entry, dict) else None
        renderings = [renderings] if isinstance(renderings, str) else renderings
        if not isinstance(renderings, list) or not all(isinstance(r, str) and r.strip() for r in renderings or [None]):
            glossary.problems.append(report(Code.TERM_NO_RENDERING, path, line_of(zh), term=zh))
            continue
        glossary.terms[str(zh)] = Term(
            str(zh),
            renderings[0].strip(),
            tuple(r.strip() for r in renderings[1:]),
            str(entry.get(TRADITIONAL_LANG) or "").strip(),
            str(entry.get("note") or "").strip(),
            line_of(zh),
        )
    return glossary


def traditional_forms(glossary: Glossary) -> dict[str, str]:
    """The names the Traditional edition keeps as the glossary writes them: Simplified → 繁體."""
    return {term.zh: term.traditional for term in glossary.terms.values() if term.traditional}


def unused_traditional_forms(glossary: Glossary, chinese_texts: Iterable[str]) -> list[Finding]:
    """A warning for each 繁體 form whose term is in none of the texts: it keeps nothing."""
    waiting = {term.zh: term for term in glossary.terms.values() if term.traditional}
    for text in chinese_texts:
        if not waiting:
            break
        waiting = {zh: term for zh, term in waiting.items() if zh not in text}
    return [
        report(Code.UNUSED_TRADITIONAL_FORM, glossary.path, term.line, term=term.zh, form=term.traditional)
        for term in waiting.values()
    ]


def _plain_quotes(text: str) -> str:
    return text.replace("'", "’")


@dataclass(frozen=True)
class Miss:
    unit: Unit
    term: Term


def story_misses(story: Story, glossary: Glossary) -> list[Miss]:
    """Each term a unit's Chinese holds and its English (where there is English) leaves out."""
    zh, en = story.source, story.translation
    if zh is None or zh.problem or zh.front is None or en is None or en.problem or en.front is None:
        return []
    return [
        Miss(unit, term)
        for unit in story_units(story)
        if unit.en and unit.en_line and not unit.en.startswith(UNTRANSLATED_MARK)  # untranslated: the check says so
        for term in glossary.terms_in(unit.zh)
        if not term.rendered_in(unit.en, title_case=unit.name == "title" or unit.name.startswith("heading-"))
    ]


def misses(story: Story) -> list[Finding]:
    """The check's warnings: one per glossary term left out of a unit's English."""
    glossary = load_glossary(story.folder.parent.parent)
    return [
        report(
            Code.GLOSSARY_MISS,
            story.translation.path,
            miss.unit.en_line,
            unit=miss.unit.context,
            zh_line=miss.unit.zh_line,
            term=miss.term.zh,
            rendering=miss.term.en,
            others=f" (or “{'”, “'.join(miss.term.also)}”)" if miss.term.also else "",
        )
        for miss in story_misses(story, glossary)
    ]
