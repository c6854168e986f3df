"""Advice that never costs a file: each mistake gets a fix that is safe to follow as written."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ENV, PROJECT, run_stories
from test_writer_mistakes import RIVER, check, line_number, replace_in, the_finding


def run_in(docs: Path, *args: str) -> subprocess.CompletedProcess:
    """`stories.py` run beside docs/, so that paths read docs/…"""
    result = run_stories(*args, cwd=docs.parent, docs=docs)
    assert "Traceback" not in result.stderr + result.stdout, result.stderr
    return result


# --- misnamed files ------------------------------------------------------------------------


def test_an_english_text_named_cn_is_told_to_become_the_english_file(fixture_docs: Path):
    (fixture_docs / RIVER / "index.en.md").rename(fixture_docs / RIVER / "index.cn.md")
    code, findings = check(fixture_docs)
    assert code == 1
    finding = the_finding(findings, f"docs/{RIVER}/index.cn.md:1: error: ", "its text is English: rename the file to index.en.md")
    assert "index.zh.md" not in finding  # which exists: following the advice must not overwrite it


def test_a_misnamed_copy_of_an_existing_file_is_to_be_merged_not_renamed(fixture_docs: Path):
    english = fixture_docs / RIVER / "index.en.md"
    (fixture_docs / RIVER / "index.cn.md").write_bytes(english.read_bytes())
    result = run_in(fixture_docs, "check")
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    finding = the_finding(lines, f"docs/{RIVER}/index.cn.md:1: error: ", "not a language this site uses")
    assert (
        "its text is English: index.en.md exists already, so renaming would overwrite it: compare the two files, "
        "copy what is missing into index.en.md, then delete index.cn.md"
    ) in finding
    assert "rename the file" not in finding
    assert "不要改名覆盖，先比较两个文件、合并内容" in result.stdout


def test_a_chinese_text_named_after_a_spelt_out_language_gets_the_plain_name(fixture_docs: Path):
    (fixture_docs / RIVER / "index.zh.md").rename(fixture_docs / RIVER / "index.english.md")
    code, findings = check(fixture_docs)
    assert code == 1
    finding = the_finding(findings, f"docs/{RIVER}/index.english.md:1: error: ", "its text is Chinese: rename the file to index.zh.md")
    assert "index.english.zh.md" not in finding


def test_a_file_without_a_language_whose_both_names_are_taken(fixture_docs: Path):
    (fixture_docs / RIVER / "index.md").write_text("", encoding="utf-8")  # nothing to tell the language by
    code, findings = check(fixture_docs)
    assert code == 1
    finding = the_finding(findings, f"docs/{RIVER}/index.md:1: error: ", "the file name does not say its language")
    assert "index.zh.md and index.en.md exist already, so renaming would overwrite one of them" in finding
    assert "rename the file" not in finding


# --- YAML syntax -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("old", "new", "line_text", "words"),
    [
        ("title: 河道清淤见成效", 'title: "河道清淤见成效', "title:", ['the `"` opened on this line is never closed', 'end the value with `"` on the same line']),
        ("title: 河道清淤见成效", 'title: "河道清淤见成效”', "title:", ["opens with `\"` but ends with the full-width (Chinese) `”`", "half-width (English) input mode"]),
        ("deck: 两岸居民重新亲近河水", "deck: '两岸居民重新亲近河水", "deck:", ["the `'` opened on this line is never closed"]),
        ("  text: [李明]", "  text: [李明", "text:", ["the `[` opened on this line is never closed", "e.g. text: [张凯鹏]"]),
        ("  text: [李明]", "  text: [李明】", "text:", ["opens with `[` but ends with the full-width (Chinese) `】`"]),
    ],
    ids=["unclosed-double-quote", "curly-closing-quote", "unclosed-single-quote", "unclosed-list", "chinese-bracket"],
)
def test_an_unclosed_quote_or_bracket_is_reported_where_it_opens(fixture_docs: Path, old, new, line_text, words):
    chinese = fixture_docs / RIVER / "index.zh.md"
    replace_in(chinese, old, new)
    result = run_in(fixture_docs, "check")
    assert result.returncode == 1
    findings = [line for line in result.stdout.splitlines() if ": error: " in line]
    the_finding(findings, f"docs/{RIVER}/index.zh.md:{line_number(chinese, line_text)}: error: ", *words)
    assert "[front-matter-syntax] 信息区格式有误" in result.stdout


def test_a_chinese_typing_mistake_above_an_unclosed_quote_is_named_first(fixture_docs: Path):
    chinese = fixture_docs / RIVER / "index.zh.md"
    replace_in(chinese, "title: 河道清淤见成效\ndeck: 两岸居民重新亲近河水", "title：河道清淤见成效\ndeck: \"两岸居民重新亲近河水")
    code, findings = check(fixture_docs)
    assert code == 1
    the_finding(findings, f"docs/{RIVER}/index.zh.md:2: error: ", "full-width (Chinese) colon")


# --- what `check` accepts ----------------------------------------------------------------------


@pytest.mark.parametrize("outside", ["/etc", "README.md", "outside.md", "docs/assets-elsewhere"])
def test_check_refuses_a_path_that_holds_no_story_or_page(fixture_docs: Path, outside: str):
    project = fixture_docs.parent
    (project / "README.md").write_text("# readme\n", encoding="utf-8")
    (project / "outside.md").write_text("---\ntitle: x\n---\n", encoding="utf-8")
    (fixture_docs / "assets-elsewhere").mkdir()
    result = run_in(fixture_docs, "check", outside)
    assert result.returncode == 2
    assert f"stories.py check: {outside} holds no story or page of docs/; check takes story folders and files (docs/stories/SLUG/), pages such as docs/about.zh.md" in result.stderr
    assert "check 只接受 docs/stories/ 下的稿件文件夹或文件" in result.stderr
    assert "checked" not in result.stdout


def test_check_of_a_page_checks_that_page(fixture_docs: Path):
    clean = run_in(fixture_docs, "check", "docs/about.zh.md")
    assert clean.returncode == 0
    assert clean.stdout.strip() == "checked 1 page: 0 errors, 0 warnings — all good"
    (fixture_docs / "about.zh.md").write_text('---\ntitle: "关于\n---\n\n测试站点。\n', encoding="utf-8")
    broken = run_in(fixture_docs, "check", "docs/about.zh.md")
    assert broken.returncode == 1
    assert "docs/about.zh.md:2: error: the `\"` opened on this line is never closed" in broken.stdout
    assert "checked 1 page: 1 error, 0 warnings" in broken.stdout


# --- new and import never overwrite without --force ---------------------------------------------


def test_new_names_the_existing_files_and_the_flag_and_replaces_only_with_it(fixture_docs: Path):
    chinese = fixture_docs / RIVER / "index.zh.md"
    before = chinese.read_bytes()
    refused = run_in(fixture_docs, "new", "river-cleanup", "--title", "河道")
    assert refused.returncode == 2
    assert (
        "docs/stories/river-cleanup already exists (index.zh.md and index.en.md); nothing was changed — choose another "
        "slug, or replace them with `python scripts/stories.py new river-cleanup --title 河道 --force`"
    ) in refused.stderr.replace("'河道'", "河道")
    assert "稿件已存在，未做任何改动" in refused.stderr
    assert chinese.read_bytes() == before
    forced = run_in(fixture_docs, "new", "river-cleanup", "--title", "河道", "--force")
    assert forced.returncode == 0, forced.stderr
    assert chinese.read_text(encoding="utf-8").startswith("---\ntitle: 河道\n")


def interrupted_new(docs: Path, slug: str) -> subprocess.CompletedProcess:
    """`stories.py new` killed as a power cut would, while it writes the Chinese file."""
    script = (
        "import os, sys; sys.path.insert(0, sys.argv[1]); os.fsync = lambda fd: os._exit(9)\n"
        "from newsroom.cli import main; main(sys.argv[2:])"
    )
    command = [sys.executable, "-c", script, str(PROJECT / "scripts"), "--docs", str(docs), "new", slug, "--title", "夜市"]
    return subprocess.run(command, cwd=docs.parent, env=ENV, capture_output=True, text=True, timeout=60)


def test_an_interrupted_new_leaves_a_file_that_is_named_with_the_command_that_recovers_it(fixture_docs: Path):
    assert interrupted_new(fixture_docs, "night-market").returncode == 9
    folder = fixture_docs / "stories/night-market"
    leftovers = [path.name for path in folder.iterdir()]
    assert len(leftovers) == 1 and leftovers[0].startswith(".index.zh.md.") and leftovers[0].endswith(".tmp")

    checked = run_in(fixture_docs, "check")
    assert checked.returncode == 1
    finding = the_finding(
        checked.stdout.splitlines(),
        "docs/stories/night-market:1: error: ",
        f"the story folder night-market/ holds only {leftovers[0]}, a half-written file left by an interrupted `new` or `import`",
        "`python scripts/stories.py new night-market --title … --force`",
        "`python scripts/stories.py import RAW.txt --slug night-market --force`",
    )
    assert "empty folder" not in finding and "empty folder" not in checked.stdout
    assert "[interrupted-write] 有中断的命令" in checked.stdout

    again = run_in(fixture_docs, "new", "night-market", "--title", "夜市")
    assert again.returncode == 2
    assert f"docs/stories/night-market/{leftovers[0]} is a half-written file left by an interrupted `new` or `import`" in again.stderr
    assert "`python scripts/stories.py new night-market --title 夜市 --force`" in again.stderr.replace("'夜市'", "夜市")
    assert "加 --force 重新运行" in again.stderr

    recovered = run_in(fixture_docs, "new", "night-market", "--title", "夜市", "--force")
    assert recovered.returncode == 0, recovered.stderr
    assert sorted(path.name for path in folder.iterdir()) == ["images", "index.en.md", "index.zh.md"]


def test_import_into_a_folder_holding_only_a_leftover_names_it_and_recovers_with_force(fixture_docs: Path, tmp_path: Path):
    folder = fixture_docs / "stories/night-market"
    folder.mkdir()
    (folder / ".index.en.md.k3j9x2ab.tmp").write_text("---\ntitle: half", encoding="utf-8")
    raw = tmp_path / "page.txt"
    raw.write_text("夜市重开\n\n老街夜市今晚重新开张，摊主们早早支起了摊位。\n", encoding="utf-8")
    refused = run_in(fixture_docs, "import", str(raw), "--slug", "night-market")
    assert refused.returncode == 2
    assert "docs/stories/night-market/.index.en.md.k3j9x2ab.tmp is a half-written file" in refused.stderr
    assert f"`python scripts/stories.py import {raw} --slug night-market --force`" in refused.stderr
    forced = run_in(fixture_docs, "import", str(raw), "--slug", "night-market", "--force")
    assert forced.returncode == 0, forced.stderr
    assert not (folder / ".index.en.md.k3j9x2ab.tmp").exists()
    assert (folder / "index.zh.md").is_file()


def test_a_leftover_beside_a_story_is_a_warning_naming_the_file_it_was_for(fixture_docs: Path):
    (fixture_docs / RIVER / ".index.en.md.k3j9x2ab.tmp").write_text("---\ntitle: half", encoding="utf-8")
    result = run_in(fixture_docs, "check")
    assert result.returncode == 0
    the_finding(
        result.stdout.splitlines(),
        f"docs/{RIVER}/.index.en.md.k3j9x2ab.tmp:1: warning: ",
        "a half-written copy of index.en.md, left by a command that was interrupted",
        "check that index.en.md is complete",
    )
