"""The XLIFF round trip: export-xliff writes XLIFF 1.2 that CAT tools read, import-xliff writes
the English story back from it, and a file that does not fit the story writes nothing."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import FIRST_STORY, PROJECT, run_stories
from lxml import etree
from translate.storage import xliff as toolkit

SCHEMAS = PROJECT / "tests" / "vendor" / "xliff-1.2"
XLIFF = "{urn:oasis:names:tc:xliff:document:1.2}"
STORY = "river-cleanup"
# what the fixture's English records: the fingerprints of its Chinese blocks (the photo is 1e45fa)
RECORDED = ["44033b", "6ef283", "d03690", "7be2ac"]


def xliff_schema() -> etree.XMLSchema:
    """The OASIS XLIFF 1.2 strict schema, importing the XML namespace's schema from beside it."""
    schema = etree.parse(str(SCHEMAS / "xliff-core-1.2-strict.xsd"))
    imported = schema.find("{http://www.w3.org/2001/XMLSchema}import")
    imported.set("schemaLocation", (SCHEMAS / "xml.xsd").as_uri())
    return etree.XMLSchema(schema)


def export(docs: Path, out: Path, slug: str = STORY) -> Path:
    result = run_stories("export-xliff", slug, "-o", str(out), docs=docs)
    assert result.returncode == 0, result.stderr
    return out


def units_by_name(path: Path) -> dict[str, toolkit.xliffunit]:
    store = toolkit.xlifffile.parsefile(str(path))
    return {unit.xmlelement.get("resname"): unit for unit in store.units}


def translate_in_cat_tool(path: Path, targets: dict[str, str]) -> None:
    """What a CAT tool does: read the file, fill targets, mark them translated, save it again."""
    store = toolkit.xlifffile.parsefile(str(path))
    for unit in store.units:
        name = unit.xmlelement.get("resname")
        if name in targets:
            unit.target = targets[name]
            unit.set_state_n(unit.statemap["translated"])
    path.write_bytes(bytes(store))


def english(docs: Path, slug: str = STORY) -> bytes:
    return (docs / "stories" / slug / "index.en.md").read_bytes()


def edit_chinese(docs: Path, *replacements: tuple[str, str]) -> None:
    path = docs / "stories" / STORY / "index.zh.md"
    text = path.read_text(encoding="utf-8")
    for old, new in replacements:
        assert old in text
        text = text.replace(old, new)
    path.write_text(text, encoding="utf-8")


CHANGED_CHINESE = (
    ("## 居民", "## 沿河居民"),
    ("区水务局表示", "区水务局负责人表示"),
    ("“以前河边有味道", "河边新设了十处休息点。\n\n“以前河边有味道"),
)


@pytest.fixture
def outdated_docs(fixture_docs: Path) -> Path:
    """The fixture site after the Chinese of river-cleanup changed: a heading and a paragraph
    edited, a paragraph added."""
    edit_chinese(fixture_docs, *CHANGED_CHINESE)
    return fixture_docs


# --- export --------------------------------------------------------------------------------


@pytest.mark.parametrize("slug", [STORY, "wetland-birds"])
def test_export_is_valid_xliff_1_2(fixture_docs: Path, tmp_path: Path, slug: str):
    out = export(fixture_docs, tmp_path / "story.xlf", slug)
    schema = xliff_schema()
    assert schema.validate(etree.parse(str(out))), schema.error_log


def test_export_of_an_outdated_story_and_of_the_first_story_are_valid(outdated_docs: Path, tmp_path: Path):
    schema = xliff_schema()
    for out in (export(outdated_docs, tmp_path / "a.xlf"), export(PROJECT / "docs", tmp_path / "b.xlf", FIRST_STORY)):
        assert schema.validate(etree.parse(str(out))), schema.error_log


def test_translate_toolkit_reads_every_unit_with_its_state_and_context(fixture_docs: Path, tmp_path: Path):
    units = units_by_name(export(fixture_docs, tmp_path / "story.xlf"))
    assert list(units) == [
        "title", "deck", "summary",
        "photo-1-caption", "photo-1-alt", "photo-2-caption", "photo-2-alt",
        "paragraph-1", "heading-1", "paragraph-2", "paragraph-3",
    ]  # fmt: skip
    body = [units[name] for name in ("paragraph-1", "heading-1", "paragraph-2", "paragraph-3")]
    assert [unit.xmlelement.get("id") for unit in body] == RECORDED
    assert units["paragraph-1"].source == "今年春天，河道清淤工程全部完工。工程清理淤泥三万立方米，并在两岸新修步道四公里。"
    assert units["heading-1"].target == "Residents"
    assert units["photo-2-caption"].target == "Residents walking by the river in the evening"
    assert all(unit.xmlelement.find(f"{XLIFF}target").get("state") == "translated" for unit in units.values())
    assert "paragraph 2 of 3, under the heading “居民”" in units["paragraph-2"].getnotes()
    assert "caption of photo images/walkers.png" in units["photo-2-caption"].getnotes()
    assert "Glossary: 区水务局 → district water bureau" in units["paragraph-3"].getnotes()
    assert "Glossary: 河道 → river" in units["photo-1-caption"].getnotes()


def test_outdated_and_new_blocks_are_exported_empty_to_translate(outdated_docs: Path, tmp_path: Path):
    units = units_by_name(export(outdated_docs, tmp_path / "story.xlf"))
    waiting = {name for name, unit in units.items() if unit.xmlelement.find(f"{XLIFF}target").get("state") == "needs-translation"}
    assert waiting == {"heading-1", "paragraph-2", "paragraph-4"}
    assert all(units[name].target == "" for name in waiting)
    assert units["paragraph-2"].source == "河边新设了十处休息点。"
    assert "The English before the Chinese changed: Residents" in units["heading-1"].getnotes()
    assert units["paragraph-3"].target.startswith('"The river used to smell.')


def test_export_refuses_to_replace_a_file_without_force(fixture_docs: Path, tmp_path: Path):
    out = tmp_path / "story.xlf"
    out.write_text("the translator's work", encoding="utf-8")
    result = run_stories("export-xliff", STORY, "-o", str(out), docs=fixture_docs)
    assert result.returncode == 2
    assert "already exists; choose another name with -o, or add --force" in result.stderr
    assert out.read_text(encoding="utf-8") == "the translator's work"
    assert run_stories("export-xliff", STORY, "-o", str(out), "--force", docs=fixture_docs).returncode == 0
    missing = run_stories("export-xliff", "no-such-story", "-o", str(out), docs=fixture_docs)
    assert missing.returncode == 2 and "there is no readable Chinese story `no-such-story`" in missing.stderr


# --- round trip ----------------------------------------------------------------------------


@pytest.mark.parametrize("slug", [STORY, "wetland-birds", FIRST_STORY])
def test_export_then_import_without_change_leaves_the_english_byte_identical(tmp_path: Path, slug: str):
    docs = tmp_path / "docs"
    shutil.copytree(PROJECT / "docs" if slug == FIRST_STORY else PROJECT / "tests" / "fixtures" / "docs", docs)
    before = english(docs, slug)
    out = export(docs, tmp_path / "story.xlf", slug)
    translate_in_cat_tool(out, {})  # opened and saved again by a CAT tool, nothing translated
    result = run_stories("import-xliff", str(out), docs=docs)
    assert result.returncode == 0, result.stderr
    assert "nothing to change" in result.stdout
    assert english(docs, slug) == before


def test_a_story_translated_in_a_cat_tool_passes_the_strict_check(outdated_docs: Path, tmp_path: Path):
    out = export(outdated_docs, tmp_path / "story.xlf")
    translate_in_cat_tool(
        out,
        {
            "heading-1": "Residents by the river",
            "paragraph-2": "Ten new places to rest have been set up along the river.",
            "paragraph-4": "The head of the district water bureau said it would keep the river clean.",
        },
    )
    result = run_stories("import-xliff", str(out), docs=outdated_docs)
    assert result.returncode == 0, result.stderr
    assert "wrote 3 translated units" in result.stdout
    text = english(outdated_docs).decode("utf-8")
    assert "title: River Dredging Pays Off\n" in text  # fields and layout kept
    assert "## Residents by the river\n\nTen new places to rest have been set up along the river.\n\n\"The river used to smell." in text
    assert text.endswith("![](images/walkers.png)\n\nThe head of the district water bureau said it would keep the river clean.\n")
    checked = run_stories("check", "--strict", str(outdated_docs / "stories" / STORY), docs=outdated_docs)
    assert checked.returncode == 0, checked.stdout
    assert "0 errors, 0 warnings" in checked.stdout


def test_units_left_empty_stay_outdated(outdated_docs: Path, tmp_path: Path):
    out = export(outdated_docs, tmp_path / "story.xlf")
    translate_in_cat_tool(out, {"heading-1": "Residents by the river"})
    assert run_stories("import-xliff", str(out), docs=outdated_docs).returncode == 0
    checked = run_stories("check", "--strict", str(outdated_docs / "stories" / STORY), docs=outdated_docs)
    assert checked.returncode == 1
    outdated = [line for line in checked.stdout.splitlines() if "the Chinese text changed" in line]
    assert len(outdated) == 1, checked.stdout
    assert "the Chinese text changed since" in outdated[0] and "heading" not in outdated[0]
    assert "paragraph 2 (Chinese line 27); paragraph 4 (Chinese line 33) —" in outdated[0]
    assert "paragraph 2 of 4 has no English counterpart (Chinese line 27)" in checked.stdout


# --- files that do not fit -----------------------------------------------------------------


def rewrite(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def refused(docs: Path, out: Path, *expected: str) -> str:
    before = english(docs)
    result = run_stories("import-xliff", str(out), docs=docs)
    assert result.returncode == 1, result.stdout + result.stderr
    for text in expected:
        assert text in result.stderr, result.stderr
    assert "nothing was written（未写入任何内容）" in result.stderr
    assert "中文说明" in result.stderr and "Traceback" not in result.stderr
    assert english(docs) == before
    return result.stderr


def test_a_file_that_is_not_xml_is_refused_with_its_line(fixture_docs: Path, tmp_path: Path):
    out = export(fixture_docs, tmp_path / "story.xlf")
    rewrite(out, "</body>", "</bdy>")
    stderr = refused(fixture_docs, out, "story.xlf:", "error: the file is not well-formed XML")
    assert "[xliff-unreadable] XLIFF 文件无法读取" in stderr


def test_xml_that_is_not_xliff_is_refused(fixture_docs: Path, tmp_path: Path):
    out = tmp_path / "story.xlf"
    out.write_text('<?xml version="1.0"?>\n<html><body>a web page</body></html>\n', encoding="utf-8")
    refused(fixture_docs, out, "story.xlf:2: error: the file is not an XLIFF 1.2 file of one story")


def test_a_file_for_another_story_is_refused(fixture_docs: Path, tmp_path: Path):
    out = export(fixture_docs, tmp_path / "story.xlf")
    rewrite(out, 'original="stories/river-cleanup/index.zh.md"', 'original="stories/night-market/index.zh.md"')
    stderr = refused(fixture_docs, out, "error: the file is for `stories/night-market/index.zh.md`, which is no story of docs/stories/")
    assert "[xliff-wrong-story]" in stderr


def test_a_missing_unit_is_named(fixture_docs: Path, tmp_path: Path):
    out = export(fixture_docs, tmp_path / "story.xlf")
    tree = etree.parse(str(out))
    unit = tree.find(f".//{XLIFF}trans-unit[@resname='paragraph-2']")
    unit.getparent().remove(unit)
    tree.write(str(out), xml_declaration=True, encoding="UTF-8")
    stderr = refused(fixture_docs, out, "error: unit d03690 (paragraph 2 of 3, under the heading “居民”) is missing from the file")
    assert "[xliff-missing-unit]" in stderr


def test_a_unit_for_a_removed_block_is_named(fixture_docs: Path, tmp_path: Path):
    out = export(fixture_docs, tmp_path / "story.xlf")
    edit_chinese(fixture_docs, ("“以前河边有味道，现在每天都来走一走。”居民张大爷说。\n\n", ""))
    stderr = refused(fixture_docs, out, "error: unit d03690 (paragraph-2) is for a block the Chinese no longer has")
    assert "[xliff-unknown-unit]" in stderr


def test_a_unit_whose_chinese_changed_since_export_writes_nothing(fixture_docs: Path, tmp_path: Path):
    out = export(fixture_docs, tmp_path / "story.xlf")
    translate_in_cat_tool(out, {"heading-1": "The residents"})
    edit_chinese(fixture_docs, ("区水务局表示", "区水务局负责人表示"))
    line = next(n for n, text in enumerate(out.read_text(encoding="utf-8").splitlines(), 1) if 'resname="paragraph-3"' in text)
    stderr = refused(
        fixture_docs,
        out,
        f"story.xlf:{line}: error: unit 7be2ac (paragraph 3 of 3, under the heading “居民”): its Chinese is no longer the story's; "
        "now it reads “区水务局负责人表示，将建立长效管护机制，确保河水长清。”",
    )
    assert "[xliff-source-changed]" in stderr


def test_markup_in_a_target_is_refused(fixture_docs: Path, tmp_path: Path):
    out = export(fixture_docs, tmp_path / "story.xlf")
    translate_in_cat_tool(out, {"paragraph-3": "The <b>district</b> water bureau said so."})
    stderr = refused(fixture_docs, out, "error: unit 7be2ac (paragraph 3 of 3, under the heading “居民”): the English holds markup (<b>district</b>")
    assert "[xliff-markup]" in stderr
    out = export(fixture_docs, tmp_path / "tags.xlf")
    rewrite(out, ">Residents</target>", '>Resi<g id="1">dents</g></target>')
    refused(fixture_docs, out, "error: unit 6ef283: the target holds markup (<g>)")


def test_english_edited_after_the_export_is_not_overwritten(fixture_docs: Path, tmp_path: Path):
    out = export(fixture_docs, tmp_path / "story.xlf")
    translate_in_cat_tool(out, {"heading-1": "The residents"})
    path = fixture_docs / "stories" / STORY / "index.en.md"
    path.write_text(path.read_text(encoding="utf-8").replace("## Residents", "## People on the banks"), encoding="utf-8")
    stderr = refused(fixture_docs, out, "error: unit 6ef283 (heading 1): the English in index.en.md changed after this file was exported")
    assert "[xliff-english-changed]" in stderr


def test_a_target_that_would_change_the_structure_is_refused(fixture_docs: Path, tmp_path: Path):
    out = export(fixture_docs, tmp_path / "story.xlf")
    translate_in_cat_tool(out, {"paragraph-3": "## The bureau"})
    refused(fixture_docs, out, "error: unit 7be2ac: its English would change the story's structure")
    translate_in_cat_tool(out, {"paragraph-3": "One paragraph.\n\nAnd another."})
    refused(fixture_docs, out, "error: unit 7be2ac (paragraph 3 of 3, under the heading “居民”): the English has 2 paragraphs")


def test_import_names_a_file_that_does_not_exist(fixture_docs: Path, tmp_path: Path):
    result = run_stories("import-xliff", str(tmp_path / "nothing.xlf"), docs=fixture_docs)
    assert result.returncode == 2 and "nothing.xlf is not a file（找不到该文件）" in result.stderr
