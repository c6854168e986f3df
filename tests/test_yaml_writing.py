"""Front matter as the commands write it: new files the check reads as intended, and edits
(`mark-translated`, `import-xliff`) that keep a journalist's comments, order and body."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import run_stories
from newsroom.model.story import StoryFile
from test_xliff import export, translate_in_cat_tool

RIVER = Path("stories") / "river-cleanup"


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def front_lines(text: str) -> list[str]:
    return text.split("\n---\n", 1)[0].split("\n")[1:]


def body(text: str) -> str:
    return text.split("\n---\n", 1)[1]


@pytest.mark.parametrize("title", ["夜市: 重开", "yes", "2025", "#夜市", "[夜市] 重开", "“夜市”与'老街'", "on"])
def test_new_writes_a_title_the_check_reads_back_as_typed(fixture_docs: Path, title: str):
    result = run_stories("new", "night-market", "--title", title, docs=fixture_docs)
    assert result.returncode == 0, result.stderr
    folder = fixture_docs / "stories" / "night-market"
    assert StoryFile.read(folder / "index.zh.md", "zh").text_field("title") == title
    assert StoryFile.read(folder / "index.en.md", "en").text_field("title") == f"[TRANSLATE] {title}"


def test_new_writes_chinese_as_characters_and_quotes_only_where_yaml_needs_it(fixture_docs: Path):
    assert run_stories("new", "night-market", "--title", "夜市重开", docs=fixture_docs).returncode == 0
    lines = front_lines((fixture_docs / "stories" / "night-market" / "index.zh.md").read_text(encoding="utf-8"))
    assert lines[0] == "title: 夜市重开"
    assert "series: test-series  # 系列 id，见 docs/_data/series.yml / the series id" in lines


def test_mark_translated_keeps_comments_order_and_body(fixture_docs: Path):
    english = fixture_docs / RIVER / "index.en.md"
    edit(english, "deck: Residents on both banks return to the water", '# checked with the desk\ndeck: "Residents return"')
    edit(english, "alt: A river with footpaths", "alt: 'A river with footpaths")
    edit(english, "along both banks\n", "along both banks'\n")
    edit(english, "caption: The river after dredging", "caption: The river after dredging  # the photographer's words")
    edit(fixture_docs / RIVER / "index.zh.md", "确保河水长清。", "确保河水长清、岸线常绿。")
    before = english.read_text(encoding="utf-8")

    marked = run_stories("mark-translated", str(fixture_docs / RIVER), docs=fixture_docs)

    assert marked.returncode == 0, marked.stderr
    after = english.read_text(encoding="utf-8")
    assert body(after) == body(before)
    recorded = ("  source:", "  updated:")
    kept = [line for line in front_lines(after) if not line.startswith(recorded)]
    assert kept == [line for line in front_lines(before) if not line.startswith(recorded)]
    assert "  updated: '2026-11-29'" in before and "  updated: '2026-11-29'" not in after
    assert run_stories("check", "--strict", str(fixture_docs / RIVER), docs=fixture_docs).returncode == 0


def test_import_xliff_puts_a_field_the_english_lacked_in_the_guides_order(fixture_docs: Path, tmp_path: Path):
    english = fixture_docs / RIVER / "index.en.md"
    edit(english, "deck: Residents on both banks return to the water\n", "")
    edit(english, "series: test-series", "series: test-series  # the desk's series")
    out = export(fixture_docs, tmp_path / "story.xlf")
    translate_in_cat_tool(out, {"deck": "Residents return to the river: both banks"})

    result = run_stories("import-xliff", str(out), docs=fixture_docs)

    assert result.returncode == 0, result.stderr
    assert front_lines(english.read_text(encoding="utf-8"))[:3] == [
        "title: River Dredging Pays Off",
        "deck: 'Residents return to the river: both banks'",
        "series: test-series  # the desk's series",
    ]
    assert StoryFile.read(english, "en").text_field("deck") == "Residents return to the river: both banks"


def test_mark_translated_keeps_an_impossible_date_for_the_check_to_report(fixture_docs: Path):
    english = fixture_docs / RIVER / "index.en.md"
    edit(english, "date: 2026-03-15", "date: 2026-02-30")
    edit(fixture_docs / RIVER / "index.zh.md", "确保河水长清。", "确保河水长清、岸线常绿。")

    marked = run_stories("mark-translated", str(fixture_docs / RIVER), docs=fixture_docs)

    assert marked.returncode == 0, marked.stderr
    assert "date: 2026-02-30\n" in english.read_text(encoding="utf-8")
    checked = run_stories("check", str(fixture_docs / RIVER), docs=fixture_docs)
    assert "index.en.md:5: error: `2026-02-30`" in checked.stdout and "[bad-date]" in checked.stdout
