"""The glossary (docs/_data/glossary.yml): the check and status name each term the English leaves out."""

from __future__ import annotations

import json
from pathlib import Path

from conftest import FIRST_STORY, PROJECT, run_stories

STORY = "river-cleanup"


def line_of(path: Path, text: str) -> int:
    return next(n for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if text in line)


def test_a_term_left_out_of_the_english_is_a_warning_with_both_lines(fixture_docs: Path):
    english = fixture_docs / "stories" / STORY / "index.en.md"
    chinese = fixture_docs / "stories" / STORY / "index.zh.md"
    english.write_text(
        english.read_text(encoding="utf-8").replace("The district water bureau said", "The local water office said"),
        encoding="utf-8",
    )
    result = run_stories("check", str(english.parent), docs=fixture_docs)
    assert result.returncode == 0, result.stdout  # a warning: still publishable
    expected = (
        f"index.en.md:{line_of(english, 'The local water office said')}: warning: paragraph 3 of 3, under the heading “居民” "
        f"(Chinese line {line_of(chinese, '区水务局表示')}) has the glossary term 区水务局, "
        "but its English does not say “district water bureau” — render 区水务局 as “district water bureau”, "
        "or change its entry in docs/_data/glossary.yml（译名表要求把“区水务局”译作“district water bureau”）"
    )
    assert expected in result.stdout
    assert "0 errors, 1 warning" in result.stdout
    assert "[glossary-miss] 中文里有译名表" in result.stdout


def test_a_term_in_a_caption_and_a_headline_in_title_case(fixture_docs: Path):
    english = fixture_docs / "stories" / STORY / "index.en.md"
    text = english.read_text(encoding="utf-8")
    english.write_text(text.replace("caption: The river after dredging", "caption: The canal after dredging"), encoding="utf-8")
    glossary = fixture_docs / "_data" / "glossary.yml"
    glossary.write_text(glossary.read_text(encoding="utf-8") + "清淤: dredging\n", encoding="utf-8")
    result = run_stories("check", str(english.parent), docs=fixture_docs)
    misses = [line for line in result.stdout.splitlines() if "glossary term" in line]
    # the caption misses “river”; the title “River Dredging Pays Off” has both terms in title case
    assert len(misses) == 1, result.stdout
    assert f":{line_of(english, 'caption: The canal after dredging')}: warning: caption of photo images/river.png" in misses[0]
    assert "the glossary term 河道, but its English does not say “river”" in misses[0]


def test_status_lists_each_storys_misses(fixture_docs: Path):
    english = fixture_docs / "stories" / STORY / "index.en.md"
    english.write_text(english.read_text(encoding="utf-8").replace("said Zhang, a resident", "said Zhang"), encoding="utf-8")
    line = line_of(english, "said Zhang")
    rows = json.loads(run_stories("status", "--format", "json", docs=fixture_docs).stdout)["stories"]
    misses = {row["story"]: row["glossary_misses"] for row in rows}
    assert misses == {STORY: [{"line": line, "term": "居民", "expected": "resident"}], "wetland-birds": []}
    table = run_stories("status", docs=fixture_docs).stdout
    assert f"1: 居民 (line {line})" in table


def test_a_glossary_entry_without_english_is_an_error_of_the_glossary(fixture_docs: Path):
    glossary = fixture_docs / "_data" / "glossary.yml"
    glossary.write_text(glossary.read_text(encoding="utf-8") + "步道:\n  note: footpath\n", encoding="utf-8")
    result = run_stories("check", docs=fixture_docs)
    assert result.returncode == 1
    found = [line for line in result.stdout.splitlines() if "glossary term `步道`" in line]
    assert found == [
        f"{glossary}:{line_of(glossary, '步道:')}: error: the glossary term `步道` has no English rendering — "
        "write it as `术语: English` or give `en:` under it（为术语写上英文译法）"
    ]


def test_the_first_story_uses_every_rendering_of_its_glossary():
    result = run_stories("check", "--format", "json", str(PROJECT / "docs" / "stories" / FIRST_STORY))
    findings = json.loads(result.stdout)["findings"]
    assert [f for f in findings if f["code"] == "glossary-miss"] == []
    terms = (PROJECT / "docs" / "_data" / "glossary.yml").read_text(encoding="utf-8")
    for name, rendering in (("祁县", "Qi County"), ("马成毅", "Ma Chengyi"), ("党组书记", "Party secretary")):
        assert f"{name}:" in terms and rendering in terms
