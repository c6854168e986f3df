"""One reader for every YAML file: the data files (docs/_data/*.yml) and mkdocs.yml are read as a
story's front matter is, with the line of every key and the same explanations of typing mistakes."""

from __future__ import annotations

from pathlib import Path

from conftest import PROJECT, run_stories
from newsroom.checks.glossary import load_glossary
from newsroom.model.frontmatter import key_lines


def test_a_full_width_colon_in_the_glossary_is_named_with_its_line_in_both_languages(fixture_docs: Path):
    glossary = fixture_docs / "_data" / "glossary.yml"
    text = glossary.read_text(encoding="utf-8")
    glossary.write_text(text + "区水务局：district water bureau\n", encoding="utf-8")
    line = text.count("\n") + 1

    result = run_stories("check", docs=fixture_docs)

    assert result.returncode == 1
    assert (
        f"glossary.yml:{line}: error: the colon after `区水务局` is a full-width (Chinese) colon `：` — "
        "type the colon in half-width (English) input mode: `区水务局: …`"
    ) in result.stdout
    assert "[record-syntax] 名录文件格式有误" in result.stdout


def test_a_data_file_that_opens_with_the_document_marker_is_read(fixture_docs: Path):
    contributors = fixture_docs / "_data" / "contributors.yml"
    contributors.write_text("---\n" + contributors.read_text(encoding="utf-8"), encoding="utf-8")

    result = run_stories("check", "--strict", docs=fixture_docs)

    assert result.returncode == 0, result.stdout  # every byline still finds its contributor


def test_a_glossary_longer_than_any_front_matter_is_read(fixture_docs: Path):
    glossary = fixture_docs / "_data" / "glossary.yml"
    filler = "".join(f"第{number}号示范工程: Demonstration Project No. {number}\n" for number in range(3000))
    assert len(filler) > 64_000
    glossary.write_text(filler + glossary.read_text(encoding="utf-8"), encoding="utf-8")

    loaded = load_glossary(fixture_docs)

    assert loaded.problems == []
    assert loaded.terms["第2999号示范工程"].en == "Demonstration Project No. 2999"
    assert loaded.terms["河道"].en == "river"


def test_a_field_given_twice_is_an_error_at_the_second(fixture_docs: Path):
    chinese = fixture_docs / "stories" / "river-cleanup" / "index.zh.md"
    lines = chinese.read_text(encoding="utf-8").split("\n")
    assert lines[1].startswith("title: ")
    summary = next(number for number, line in enumerate(lines, 1) if line.startswith("summary: "))
    lines.insert(summary, "title: 河道清淤见成效（修改稿）")
    chinese.write_text("\n".join(lines), encoding="utf-8")

    result = run_stories("check", docs=fixture_docs)

    assert result.returncode == 1
    assert f"index.zh.md:{summary + 1}: error: the field `title` is given twice (first on line 2)" in result.stdout


def test_key_lines_finds_mkdocs_settings_beside_its_tags():
    config = PROJECT / "mkdocs.yml"
    text = config.read_text(encoding="utf-8").split("\n")
    lines = key_lines(config)

    assert text[lines[("site_url",)] - 1].startswith("site_url: !ENV")
    plugin = next(path for path in lines if path[-2:] == ("i18n", "languages"))
    assert text[lines[plugin] - 1].strip() == "languages:"
    locales = [text[lines[path] - 1].strip() for path in lines if path[:-2] == plugin and path[-1] == "locale"]
    assert locales == ["- locale: zh", "- locale: en", "- locale: zh-Hant"]
