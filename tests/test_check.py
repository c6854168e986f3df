"""`stories.py check`: one broken fixture story per rule, each with its file, line and message."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from conftest import PROJECT, build, make_project, run_stories
from newsroom.checks import checks
from newsroom.model.site import load_site
from newsroom.render import images

RIVER = "stories/river-cleanup"


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def line_of(path: Path, needle: str) -> int:
    """The line that starts with `needle`, else the first that contains it."""
    lines = path.read_text(encoding="utf-8").split("\n")
    for matches in (lambda line: line.startswith(needle), lambda line: needle in line):
        for number, line in enumerate(lines, 1):
            if matches(line):
                return number
    raise AssertionError(f"{needle!r} not in {path}")


def finding_lines(result) -> list[str]:
    return [line for line in result.stdout.splitlines() if ": error: " in line or ": warning: " in line]


# Each case: a name, how to break the clean fixture, the file the finding names, a text on the
# line it must name (None: line 1), and words the message must contain.
CASES = [
    (
        "missing-english",
        lambda d: (d / RIVER / "index.en.md").unlink(),
        "index.zh.md",
        None,
        "has no English version (index.en.md is missing)",
    ),
    ("missing-chinese", lambda d: (d / RIVER / "index.zh.md").unlink(), "index.en.md", None, "has no Chinese version"),
    (
        "page-without-counterpart",
        lambda d: (d / "about.en.md").unlink(),
        "about.zh.md",
        None,
        "this page has no English version",
    ),
    (
        "no-front-matter",
        lambda d: (d / RIVER / "index.en.md").write_text("Just text.\n", encoding="utf-8"),
        "index.en.md",
        None,
        "has no front matter",
    ),
    (
        "yaml-colon",
        lambda d: edit(d / RIVER / "index.en.md", "deck: Residents", "deck: Residents: on"),
        "index.en.md",
        "deck: Residents",
        "colon and space",
    ),
    (
        "missing-field",
        lambda d: edit(d / RIVER / "index.zh.md", "summary: 清淤工程完成后，河水变清，居民回到河边散步。\n", ""),
        "index.zh.md",
        None,
        "the field `summary` is missing",
    ),
    (
        "wrong-type",
        lambda d: edit(
            d / RIVER / "index.zh.md",
            "photos:\n  - file: images/river.png",
            "photos: images/river.png\nx_photos:\n  - file: images/river.png",
        ),
        "index.zh.md",
        "photos: images/river.png",
        "`photos` should be a list",
    ),
    (
        "unknown-field",
        lambda d: edit(d / RIVER / "index.en.md", "  photos: [Wang Fang]", "  photgrapher: [Wang Fang]"),
        "index.en.md",
        "photgrapher",
        "unknown field `photgrapher` — did you mean `photos`?",
    ),
    (
        "not-a-date",
        lambda d: edit(d / RIVER / "index.zh.md", "date: 2026-03-15", "date: 2026-02-30"),
        "index.zh.md",
        "date: 2026-02-30",
        "`2026-02-30` is not a real date",
    ),
    (
        "photo-no-credit",
        lambda d: edit(d / RIVER / "index.en.md", "    credit: Wang Fang\n    alt: Several", "    alt: Several"),
        "index.en.md",
        "- file: images/walkers.png",
        "has no credit",
    ),
    (
        "photo-no-caption",
        lambda d: edit(d / RIVER / "index.zh.md", "    caption: 清淤后的河道\n", ""),
        "index.zh.md",
        "- file: images/river.png",
        "the photo images/river.png has no caption",
    ),
    (
        "photo-no-alt",
        lambda d: edit(d / RIVER / "index.zh.md", "    alt: 几位居民沿河散步", "    alt: ''"),
        "index.zh.md",
        "    alt: ''",
        "has no alt text",
    ),
    (
        "photo-undeclared",
        lambda d: edit(
            d / RIVER / "index.zh.md", "![](images/walkers.png)", "![](images/walkers.png)\n\n![](images/boats.png)"
        ),
        "index.zh.md",
        "![](images/boats.png)",
        "images/boats.png is not declared",
    ),
    (
        "photo-unused",
        lambda d: edit(d / RIVER / "index.zh.md", "![](images/walkers.png)", ""),
        "index.zh.md",
        "- file: images/walkers.png",
        "declared but not shown",
    ),
    (
        "photo-file-missing",
        lambda d: (d / RIVER / "images/walkers.png").unlink(),
        "index.zh.md",
        "- file: images/walkers.png",
        "images/walkers.png does not exist",
    ),
    (
        "photo-case",
        lambda d: (d / RIVER / "images/walkers.png").rename(d / RIVER / "images/Walkers.PNG"),
        "index.zh.md",
        "- file: images/walkers.png",
        "named Walkers.PNG on disk",
    ),
    (
        "photo-set-differs",
        lambda d: edit(d / RIVER / "index.en.md", "  - file: images/walkers.png", "  - file: images/walker.png"),
        "index.en.md",
        "photos:",
        "images/walkers.png is in the Chinese story but not in the English one",
    ),
    (
        "credit-mismatch",
        lambda d: edit(
            d / RIVER / "index.en.md",
            "    credit: Wang Fang\n    alt: Several",
            "    credit: Li Ming\n    alt: Several",
        ),
        "index.en.md",
        "credit: Li Ming",
        "credited to Li Ming here but to 王芳 in Chinese",
    ),
    (
        "unknown-person",
        lambda d: edit(d / RIVER / "index.zh.md", "  text: [李明]", "  text: [李鸣]"),
        "index.zh.md",
        "text: [李鸣]",
        "`李鸣` is not in the contributor record",
    ),
    (
        "no-author",
        lambda d: edit(d / RIVER / "index.zh.md", "  text: [李明]\n", ""),
        "index.zh.md",
        "byline:",
        "names no author",
    ),
    (
        "role-missing-in-one-language",
        lambda d: edit(d / RIVER / "index.en.md", "  photos: [Wang Fang]\n", ""),
        "index.en.md",
        "byline:",
        "names no photographer",
    ),
    (
        "structure-missing-paragraph",
        lambda d: edit(
            d / RIVER / "index.en.md",
            "The district water bureau said it would set up a long-term maintenance system to keep the river clean.\n",
            "",
        ),
        "index.en.md",
        "![](images/walkers.png)",
        "paragraph 3 of 3 has no English counterpart (Chinese line",
    ),
    (
        "structure-missing-heading",
        lambda d: edit(d / RIVER / "index.en.md", "## Residents\n\n", ""),
        "index.en.md",
        '"The river used',
        "the Chinese heading “居民” has no English counterpart",
    ),
    (
        "structure-extra-paragraph",
        lambda d: edit(
            d / RIVER / "index.en.md",
            "## Residents\n",
            "An extra paragraph that the Chinese does not have at all, written by mistake.\n\n## Residents\n",
        ),
        "index.en.md",
        "An extra paragraph",
        "this English paragraph has no Chinese counterpart",
    ),
    (
        "untranslated-paragraph",
        lambda d: edit(
            d / RIVER / "index.en.md", "The district water bureau", "[TRANSLATE] 区水务局表示 The district water bureau"
        ),
        "index.en.md",
        "[TRANSLATE]",
        "this paragraph is not translated yet",
    ),
    (
        "script-tag",
        lambda d: edit(d / RIVER / "index.zh.md", "区水务局表示", "<script>alert(1)</script>区水务局表示"),
        "index.zh.md",
        "<script>",
        "contains a <script> tag",
    ),
    (
        "iframe",
        lambda d: edit(
            d / RIVER / "index.en.md", "The district", '<iframe src="https://example.com/"></iframe> The district'
        ),
        "index.en.md",
        "<iframe",
        "an embedded <iframe>",
    ),
    (
        "event-handler",
        lambda d: edit(d / RIVER / "index.en.md", "The district", '<span onclick="x()">The</span> district'),
        "index.en.md",
        "onclick",
        "inline event handler",
    ),
    (
        "javascript-url",
        lambda d: edit(d / RIVER / "index.en.md", "The district", "[The](javascript:alert(1)) district"),
        "index.en.md",
        "javascript:",
        "`javascript:` link",
    ),
    (
        "remote-image",
        lambda d: edit(d / RIVER / "index.en.md", "The district", "![x](https://example.com/a.jpg)\n\nThe district"),
        "index.en.md",
        "https://example.com/a.jpg",
        "image loaded from another site",
    ),
    (
        "unknown-series",
        lambda d: edit(d / RIVER / "index.zh.md", "series: test-series", "series: test-seris"),
        "index.zh.md",
        "series: test-seris",
        "the series `test-seris` does not exist",
    ),
    (
        "misnamed-language",
        lambda d: (d / RIVER / "index.zh.md").rename(d / RIVER / "index.cn.md"),
        "index.cn.md",
        None,
        "rename the file to index.zh.md",
    ),
]


@pytest.mark.parametrize(("name", "mutate", "file", "line_text", "message"), CASES, ids=[case[0] for case in CASES])
def test_each_problem_is_found_with_file_line_and_message(fixture_docs: Path, name, mutate, file, line_text, message):
    target_dir = fixture_docs if file.startswith("about") else fixture_docs / RIVER
    mutate(fixture_docs)
    result = run_stories("check", docs=fixture_docs)
    assert result.returncode == 1, result.stdout + result.stderr
    expected_line = line_of(target_dir / file, line_text) if line_text else 1
    if name == "structure-missing-paragraph":
        expected_line += 1  # the missing last paragraph belongs after the photo
    expected_prefix = f"{(target_dir / file).relative_to(PROJECT) if (target_dir / file).is_relative_to(PROJECT) else target_dir / file}:{expected_line}: error: "
    matching = [line for line in finding_lines(result) if message in line]
    assert matching, result.stdout
    assert any(line.startswith(expected_prefix) for line in matching), (expected_prefix, matching)
    assert " — " in matching[0], "every finding says what to do"
    assert "Traceback" not in result.stderr
    assert any(line.startswith("checked ") for line in result.stdout.splitlines())
    assert "中文说明" in result.stdout, "the check explains each kind of problem in Chinese too"


def test_clean_stories_pass(fixture_docs: Path):
    result = run_stories("check", docs=fixture_docs)
    assert result.returncode == 0, result.stdout
    assert result.stdout.strip() == "checked 2 stories: 0 errors, 0 warnings — all good"


def test_json_output_parses_and_matches_text(fixture_docs: Path):
    (fixture_docs / RIVER / "index.en.md").unlink()
    text = run_stories("check", docs=fixture_docs)
    result = run_stories("check", "--format", "json", docs=fixture_docs)
    assert result.returncode == 1
    report = json.loads(result.stdout)
    assert report["errors"] == 1 and report["stories"] == 2
    (finding,) = report["findings"]
    assert (
        finding["severity"] == "error"
        and finding["line"] == 1
        and finding["path"].endswith("river-cleanup/index.zh.md")
    )
    assert finding["message"] in text.stdout


def test_only_the_given_story_is_checked(fixture_docs: Path):
    (fixture_docs / RIVER / "index.en.md").unlink()
    result = run_stories("check", str(fixture_docs / "stories/wetland-birds"), docs=fixture_docs)
    assert result.returncode == 0, result.stdout
    assert "checked 1 story" in result.stdout


def test_usage_errors_exit_2(fixture_docs: Path):
    result = run_stories("check", str(fixture_docs / "no-such-story"), docs=fixture_docs)
    assert result.returncode == 2 and "does not exist" in result.stderr
    assert run_stories("check", "--format", "xml", docs=fixture_docs).returncode == 2


def test_check_changes_no_file(fixture_docs: Path):
    before = {p: p.read_bytes() for p in fixture_docs.rglob("*") if p.is_file()}
    edit(fixture_docs / RIVER / "index.zh.md", "区水务局", "区水利局")
    before[fixture_docs / RIVER / "index.zh.md"] = (fixture_docs / RIVER / "index.zh.md").read_bytes()
    run_stories("check", docs=fixture_docs)
    assert before == {p: p.read_bytes() for p in fixture_docs.rglob("*") if p.is_file()}


def test_declared_split_is_accepted_and_undeclared_is_not(fixture_docs: Path):
    english = fixture_docs / RIVER / "index.en.md"
    edit(english, "to keep the river clean.\n", "to keep the river clean.\n\nIt will publish the results every year.\n")
    assert run_stories("check", docs=fixture_docs).returncode == 1
    edit(english, "translation:\n", 'alignment:\n  - "zh 3 = en 3-4"\ntranslation:\n')
    result = run_stories("check", docs=fixture_docs)
    assert result.returncode == 0, result.stdout


def test_unreadable_alignment_rule_is_reported(fixture_docs: Path):
    english = fixture_docs / RIVER / "index.en.md"
    edit(english, "translation:\n", 'alignment:\n  - "3 = 3-4"\ntranslation:\n')
    result = run_stories("check", docs=fixture_docs)
    assert result.returncode == 1
    rule_line = line_of(english, '  - "3 = 3-4"')
    assert f"index.en.md:{rule_line}: error: cannot read the alignment rule" in result.stdout


# --- translation current -----------------------------------------------------------------


def test_changed_chinese_marks_the_english_outdated_until_mark_translated(fixture_docs: Path):
    chinese = fixture_docs / RIVER / "index.zh.md"
    edit(chinese, "确保河水长清。", "确保河水长清、岸线常绿。")
    result = run_stories("check", docs=fixture_docs)
    assert result.returncode == 0  # a warning: the English is still publishable
    (warning,) = finding_lines(result)
    assert ": warning: the Chinese text changed since " in warning
    assert f"paragraph 3 (Chinese line {line_of(chinese, '区水务局')})" in warning
    assert "mark-translated" in warning
    assert run_stories("check", "--strict", docs=fixture_docs).returncode == 1
    status = run_stories("status", "--format", "json", docs=fixture_docs)
    river = next(row for row in json.loads(status.stdout)["stories"] if row["story"] == "river-cleanup")
    assert river["translation"].startswith("outdated since ")

    marked = run_stories("mark-translated", str(fixture_docs / RIVER), docs=fixture_docs)
    assert marked.returncode == 0, marked.stderr
    assert run_stories("check", "--strict", docs=fixture_docs).returncode == 0


def test_mark_translated_refuses_a_translation_out_of_step(fixture_docs: Path):
    english = fixture_docs / RIVER / "index.en.md"
    edit(english, "## Residents\n\n", "")
    before = english.read_bytes()
    result = run_stories("mark-translated", str(fixture_docs / RIVER), docs=fixture_docs)
    assert result.returncode == 1
    assert "has no English counterpart" in result.stderr and "not marked" in result.stderr
    assert english.read_bytes() == before


def test_status_table_lists_every_story(fixture_docs: Path):
    (fixture_docs / "stories/wetland-birds/index.en.md").unlink()
    result = run_stories("status", docs=fixture_docs)
    assert result.returncode == 0
    lines = result.stdout.splitlines()
    assert lines[0].split() == [
        "story",
        "date",
        "chinese",
        "english",
        "in_step",
        "translation",
        "photos_credited",
        "glossary_misses",
        "errors",
    ]
    assert lines[1].split() == ["river-cleanup", "2026-03-15", "yes", "yes", "yes", "current", "2/2", "0", "0"]
    assert lines[2].split() == ["wetland-birds", "2026-01-10", "yes", "NO", "NO", "missing", "0/0", "0", "1"]
    markdown = run_stories("status", "--format", "markdown", docs=fixture_docs).stdout
    assert markdown.startswith("| story | date |")


# --- the build fails the same way ---------------------------------------------------------


@pytest.mark.parametrize("breakage", ["english-removed", "credit-removed"])
def test_first_story_breakage_fails_check_and_strict_build_with_the_same_message(tmp_path: Path, breakage: str):
    project = make_project(tmp_path / "project", PROJECT / "docs")
    story = project / "docs/stories/jinzhong-green-waters"
    if breakage == "english-removed":
        (story / "index.en.md").unlink()
        expected = "this story has no English version (index.en.md is missing)"
    else:
        edit(story / "index.zh.md", "    credit: 程婧\n", "")
        expected = "the photo images/changyuan-wetland.png has no credit (who took it)"
    checked = run_stories("check", cwd=project, docs=project / "docs")
    assert checked.returncode == 1
    (line,) = [line for line in finding_lines(checked) if expected in line]
    built = build(project)
    assert built.returncode != 0
    assert line in built.stderr, built.stderr
    shutil.rmtree(project / "site", ignore_errors=True)


def files_under(folder: Path) -> dict[str, int]:
    """Every file below `folder` (not following links) with its modification time."""
    return {
        path.relative_to(folder).as_posix(): path.lstat().st_mtime_ns
        for path in folder.rglob("*")
        if path.is_file() or path.is_symlink()
    }


def test_the_check_writes_no_file(tmp_path: Path, monkeypatch):
    project = make_project(tmp_path / "project", PROJECT / "tests" / "fixtures" / "docs")
    cache = images.cache_dir_for(project / "docs")
    cache.mkdir(parents=True)
    before = files_under(project)
    checked = run_stories("check", cwd=project, docs=project / "docs")
    assert checked.returncode == 0, checked.stdout + checked.stderr
    # every photo counts as large, so the check looks for the variants readers download
    monkeypatch.setattr(images, "LARGE_ORIGINAL_BYTES", 0)
    findings = checks.check_site(load_site(project / "docs"))
    assert {finding.code for finding in findings} >= {"photo-large"}
    assert files_under(project) == before
    assert list(cache.iterdir()) == []
