"""Pair the blocks of a Chinese story with those of its English translation.

The same pairing tells the check where a translation falls out of step and gives the
bilingual reading view its paragraph pairs. Headings, photos and breaks are anchors that
must match one for one; paragraphs pair one for one unless the translation declares a
merge or split (`alignment: ["zh 5-6 = en 5"]`). When the counts differ, a length-based
alignment (after Gale and Church) finds the paragraph that has no counterpart.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from newsroom.model.blocks import PARAGRAPH, PHOTO, Block, plain_text
from newsroom.model.story import AlignmentRule

GAP_COST = 3.0


@dataclass(frozen=True)
class Pair:
    zh: tuple[Block, ...]
    en: tuple[Block, ...]
    zh_numbers: tuple[int, ...] = ()  # paragraph numbers (1-based) of the Chinese side

    @property
    def kind(self) -> str:
        return (self.zh or self.en)[0].kind


@dataclass
class Alignment:
    pairs: list[Pair] = field(default_factory=list)
    zh_paragraph_count: int = 0
    en_paragraph_count: int = 0

    @property
    def in_step(self) -> bool:
        return all(pair.zh and pair.en for pair in self.pairs)


@dataclass(frozen=True)
class _Unit:
    blocks: tuple[Block, ...]
    numbers: tuple[int, ...]

    @property
    def signature(self) -> tuple:
        first = self.blocks[0]
        if first.kind == PHOTO:
            return (PHOTO, first.src)
        return (first.kind,)

    @property
    def length(self) -> int:
        return sum(len(plain_text(block.text)) for block in self.blocks)


def story_in_step(story) -> bool:
    """Both files read, nothing left to translate, and every block paired (the check's rule)."""
    zh, en = story.source, story.translation
    if not zh or not en or zh.problem or en.problem or en.untranslated_blocks:
        return False
    return align(zh.blocks, en.blocks, en.alignment).in_step


def align(zh_blocks: list[Block], en_blocks: list[Block], rules: list[AlignmentRule] = ()) -> Alignment:
    zh_units = _units(zh_blocks, [rule.zh for rule in rules])
    en_units = _units(en_blocks, [rule.en for rule in rules])
    result = Alignment(
        zh_paragraph_count=sum(block.kind == PARAGRAPH for block in zh_blocks),
        en_paragraph_count=sum(block.kind == PARAGRAPH for block in en_blocks),
    )
    if [unit.signature for unit in zh_units] == [unit.signature for unit in en_units]:
        result.pairs = [Pair(z.blocks, e.blocks, z.numbers) for z, e in zip(zh_units, en_units)]
    else:
        result.pairs = _align_by_length(zh_units, en_units)
    return result


def _units(blocks: list[Block], groups: list[tuple[int, int]]) -> list[_Unit]:
    """Blocks as units, with the declared paragraph groups joined into one unit each."""
    group_of = {}
    for first, last in groups:
        for number in range(first, last + 1):
            group_of[number] = (first, last)
    units: list[_Unit] = []
    number = 0
    for block in blocks:
        if block.kind != PARAGRAPH:
            units.append(_Unit((block,), ()))
            continue
        number += 1
        group = group_of.get(number)
        previous = units[-1] if units else None
        if group and previous and previous.numbers and group_of.get(previous.numbers[-1]) == group:
            units[-1] = _Unit(previous.blocks + (block,), previous.numbers + (number,))
        else:
            units.append(_Unit((block,), (number,)))
    return units


def _align_by_length(zh: list[_Unit], en: list[_Unit]) -> list[Pair]:
    total_zh = sum(unit.length for unit in zh) or 1
    total_en = sum(unit.length for unit in en) or 1
    ratio = total_en / total_zh

    def pair_cost(a: _Unit, b: _Unit) -> float:
        if a.signature != b.signature:
            return math.inf
        if a.signature[0] != PARAGRAPH:
            return 0.0
        return abs(math.log((b.length + 1) / (ratio * a.length + 1)))

    rows, cols = len(zh), len(en)
    cost = [[math.inf] * (cols + 1) for _ in range(rows + 1)]
    step = [[""] * (cols + 1) for _ in range(rows + 1)]
    cost[0][0] = 0.0
    for i in range(rows + 1):
        for j in range(cols + 1):
            here = cost[i][j]
            if here == math.inf:
                continue
            if i < rows and j < cols and here + pair_cost(zh[i], en[j]) < cost[i + 1][j + 1]:
                cost[i + 1][j + 1], step[i + 1][j + 1] = here + pair_cost(zh[i], en[j]), "pair"
            if i < rows and here + GAP_COST < cost[i + 1][j]:
                cost[i + 1][j], step[i + 1][j] = here + GAP_COST, "zh"
            if j < cols and here + GAP_COST < cost[i][j + 1]:
                cost[i][j + 1], step[i][j + 1] = here + GAP_COST, "en"
    pairs: list[Pair] = []
    i, j = rows, cols
    while i or j:
        move = step[i][j]
        if move == "pair":
            i, j = i - 1, j - 1
            pairs.append(Pair(zh[i].blocks, en[j].blocks, zh[i].numbers))
        elif move == "zh":
            i -= 1
            pairs.append(Pair(zh[i].blocks, (), zh[i].numbers))
        else:
            j -= 1
            pairs.append(Pair((), en[j].blocks, ()))
    pairs.reverse()
    return pairs
