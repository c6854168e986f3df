"""The journalist's workflow: `new`, filling a story in, `mark-translated`, `preview`, pre-commit."""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from conftest import ENV, PROJECT, run_stories


def test_new_creates_both_files_that_the_check_explains(fixture_docs: Path):
    result = run_stories("new", "night-market", "--title", "夜市重开", "--date", "2026-05-01", docs=fixture_docs)
    assert result.returncode == 0, result.stderr
    folder = fixture_docs / "stories/night-market"
    assert (folder / "index.zh.md").is_file() and (folder / "index.en.md").is_file() and (folder / "images").is_dir()
    assert "python scripts/stories.py check" in result.stdout
    checked = run_stories("check", str(folder), docs=fixture_docs)
    assert checked.returncode == 1
    messages = checked.stdout
    for expected in (
        "index.zh.md:3: error: the field `deck` is missing or empty",
        "error: the byline names no author",
        "error: the story has no text yet",
        "index.en.md:2: error: the title is not translated yet",
        "error: this paragraph is not translated yet",
    ):
        assert expected in messages, messages


def test_a_story_started_with_new_can_be_completed_and_passes(fixture_docs: Path):
    assert run_stories("new", "night-market", "--title", "夜市重开", "--date", "2026-05-01", docs=fixture_docs).returncode == 0
    folder = fixture_docs / "stories/night-market"
    chinese = (folder / "index.zh.md").read_text(encoding="utf-8")
    chinese = chinese.replace('deck: ""', "deck: 老街重现烟火气").replace('summary: ""', "summary: 老街夜市重新开张。")
    chinese = chinese.replace("text: []", "text: [李明]").replace("photos: []  # 摄影", "photos: [] # 摄影")
    chinese += "\n老街夜市今晚重新开张，摊主们早早支起了摊位。\n"
    (folder / "index.zh.md").write_text(chinese, encoding="utf-8")
    english = (folder / "index.en.md").read_text(encoding="utf-8")
    english = english.replace("title: '[TRANSLATE] 夜市重开'", "title: The Night Market Reopens")
    english = english.replace('deck: ""', "deck: The old street comes alive again").replace('summary: ""', "summary: The old street's night market has reopened.")
    english = english.replace("text: []", "text: [Li Ming]").replace("translation: []", "translation: [Zhao Xue]")
    english = english.replace("[TRANSLATE] Translate the Chinese text here, paragraph for paragraph.", "The old street's night market reopened tonight, and stallholders set up early.")
    (folder / "index.en.md").write_text(english, encoding="utf-8")
    first = run_stories("check", str(folder), docs=fixture_docs)
    assert first.returncode == 0 and "does not record which Chinese version" in first.stdout
    assert run_stories("mark-translated", str(folder), docs=fixture_docs).returncode == 0
    final = run_stories("check", "--strict", str(folder), docs=fixture_docs)
    assert final.returncode == 0, final.stdout
    assert "0 errors, 0 warnings" in final.stdout


@pytest.mark.parametrize(
    ("slug", "message"),
    [
        ("river-cleanup", "already exists (index.zh.md and index.en.md); nothing was changed — choose another slug, or replace them with `python scripts/stories.py new river-cleanup --title '标题' --force`"),
        ("River-Cleanup", "cannot be part of a web address"),
        ("river cleanup", "cannot be part of a web address"),
        ("河道", "cannot be part of a web address"),
    ],
)
def test_new_refuses_taken_or_unsafe_slugs_and_changes_nothing(fixture_docs: Path, slug: str, message: str):
    before = {path: path.read_bytes() for path in fixture_docs.rglob("*") if path.is_file()}
    result = run_stories("new", slug, "--title", "标题", docs=fixture_docs)
    assert result.returncode == 2
    assert message in result.stderr and "Traceback" not in result.stderr
    assert before == {path: path.read_bytes() for path in fixture_docs.rglob("*") if path.is_file()}


def test_new_refuses_a_slug_that_differs_only_in_case(fixture_docs: Path):
    (fixture_docs / "stories/river-cleanup").rename(fixture_docs / "stories/River-cleanup")
    result = run_stories("new", "river-cleanup", "--title", "标题", docs=fixture_docs)
    assert result.returncode == 2 and "only in upper/lower case" in result.stderr


def test_new_rejects_a_date_that_is_not_real(fixture_docs: Path):
    result = run_stories("new", "x-story", "--title", "标题", "--date", "2026-02-30", docs=fixture_docs)
    assert result.returncode == 2 and "is not a date; write YYYY-MM-DD" in result.stderr


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _get(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        return error.code, ""


def _wait_for(condition, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.1)
    return False


def test_preview_serves_one_story_in_one_language_and_reloads_on_save(tmp_path: Path, fixture_docs: Path):
    port = _free_port()
    command = [sys.executable, str(PROJECT / "scripts/stories.py"), "--docs", str(fixture_docs), "preview", "river-cleanup", "--port", str(port)]
    server = subprocess.Popen(command, cwd=tmp_path, env=ENV, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    base = f"http://127.0.0.1:{port}/"
    try:
        assert _wait_for(lambda: _safe_get(base + "stories/river-cleanup/")[0] == 200, 60), "the preview did not start"
        assert "河道清淤见成效" in _get(base + "stories/river-cleanup/")[1]
        assert _get(base + "stories/wetland-birds/")[0] == 404  # only the story being worked on
        assert _get(base + "en/stories/river-cleanup/")[0] == 404  # only one language
        chinese = fixture_docs / "stories/river-cleanup/index.zh.md"
        chinese.write_text(chinese.read_text(encoding="utf-8").replace("河道清淤见成效", "河道清淤成效显著"), encoding="utf-8")
        assert _wait_for(lambda: "河道清淤成效显著" in _safe_get(base + "stories/river-cleanup/")[1], 30), "the edit did not show"
    finally:
        server.terminate()
        output = server.communicate(timeout=30)[0]
    assert f"open http://127.0.0.1:{port}/stories/river-cleanup/" in output
    assert "Traceback" not in output


def _safe_get(url: str) -> tuple[int, str]:
    try:
        return _get(url)
    except OSError:
        return 0, ""


def test_preview_names_an_unknown_story(fixture_docs: Path):
    result = run_stories("preview", "no-such-story", docs=fixture_docs)
    assert result.returncode == 2 and "there is no story `no-such-story`" in result.stderr


def test_pre_commit_hook_checks_the_stories_a_commit_touches(tmp_path: Path, fixture_docs: Path):
    repo = tmp_path / "repo"
    repo.mkdir()
    shutil.copytree(fixture_docs, repo / "docs")
    (repo / "scripts").symlink_to(PROJECT / "scripts")
    shutil.copy(PROJECT / ".pre-commit-config.yaml", repo)
    shutil.copy(PROJECT / "mkdocs.yml", repo)
    env = {**ENV, "PATH": f"{Path(sys.executable).parent}:{ENV['PATH']}", "PRE_COMMIT_HOME": str(tmp_path / "cache")}
    git = lambda *args: subprocess.run(["git", *args], cwd=repo, env=env, capture_output=True, text=True, check=True)
    git("init", "-q")
    git("add", "-A")
    english = repo / "docs/stories/river-cleanup/index.en.md"
    english.write_text(english.read_text(encoding="utf-8").replace("    credit: Wang Fang\n    alt: Several", "    alt: Several"), encoding="utf-8")
    hook = [sys.executable, "-m", "pre_commit", "run", "check-stories", "--files"]
    broken = subprocess.run([*hook, "docs/stories/river-cleanup/index.en.md"], cwd=repo, env=env, capture_output=True, text=True)
    assert broken.returncode == 1, broken.stdout
    assert "docs/stories/river-cleanup/index.en.md" in broken.stdout and "has no credit" in broken.stdout
    untouched = subprocess.run([*hook, "docs/stories/wetland-birds/index.zh.md"], cwd=repo, env=env, capture_output=True, text=True)
    assert untouched.returncode == 0, untouched.stdout
