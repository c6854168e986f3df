"""The README's two commands on a fresh machine, and what a stopped strict build says to do."""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

from conftest import ENV, FIXTURE_DOCS, PROJECT, run_stories
from devtools.project import build, make_project
from test_workflow import _free_port, _safe_get, _wait_for

SUDO = "" if os.getuid() == 0 else "sudo "


def dev_sh(project: Path, *args: str, env: dict[str, str] | None = None, timeout: float = 120):
    return subprocess.run(
        ["bash", str(project / "scripts" / "dev.sh"), *args],
        env={**ENV, **(env or {})},
        capture_output=True,
        text=True,
        timeout=timeout,
    )


def bare_checkout(tmp_path: Path) -> Path:
    """The set-up script and requirement files alone, as in a fresh clone (no .venv yet)."""
    project = tmp_path / "fresh"
    (project / "scripts").mkdir(parents=True)
    shutil.copy(PROJECT / "scripts" / "dev.sh", project / "scripts")
    for requirements in PROJECT.glob("requirements*.txt"):
        shutil.copy(requirements, project)
    return project


def test_test_command_names_the_debian_packages_for_browser_tests_before_installing(tmp_path: Path):
    project = bare_checkout(tmp_path)
    fonts_conf = tmp_path / "fonts.conf"  # a fontconfig that knows no fonts, as on a fresh Debian
    fonts_conf.write_text(f"<fontconfig><cachedir>{tmp_path}/fc</cachedir></fontconfig>\n", encoding="utf-8")
    result = dev_sh(
        project, "test", env={"CHROMIUM": str(tmp_path / "no-chromium"), "FONTCONFIG_FILE": str(fonts_conf)}
    )
    assert result.returncode == 1
    assert f"{SUDO}apt-get update && {SUDO}apt-get install -y chromium fonts-noto-cjk" in result.stderr
    assert "浏览器测试和截图需要 Chromium 和中文字体" in result.stderr
    assert not (project / ".venv").exists()  # it said so before spending minutes installing


def test_serve_command_names_python3_venv_when_a_venv_cannot_be_made(tmp_path: Path):
    project = bare_checkout(tmp_path)
    python = tmp_path / "python3"  # Debian's python3 without the python3-venv package
    python.write_text(
        "#!/bin/sh\necho 'The virtual environment was not created successfully because ensurepip is not available.'\nexit 1\n",
        encoding="utf-8",
    )
    python.chmod(0o755)
    result = dev_sh(project, "serve", env={"PYTHON": str(python)})
    assert result.returncode == 1
    assert "ensurepip is not available" in result.stderr
    assert "cannot create .venv: Python's venv module is missing" in result.stderr
    assert f"{SUDO}apt-get update && {SUDO}apt-get install -y python3-venv" in result.stderr
    assert "缺少 python3-venv" in result.stderr


def test_serve_command_keeps_serving_an_unfinished_story_and_shows_edits(tmp_path: Path):
    project = make_project(tmp_path / "project", FIXTURE_DOCS)
    for requirements in PROJECT.glob("requirements*.txt"):
        shutil.copy(requirements, project)
    (project / ".venv").symlink_to(sys.prefix)  # the environment the tests run in, already installed
    assert run_stories("new", "night-market", "--title", "夜市重开", docs=project / "docs").returncode == 0
    port = _free_port()
    server = subprocess.Popen(
        ["bash", str(project / "scripts" / "dev.sh"), "serve"],
        env={**ENV, "PORT": str(port)},
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    page = f"http://127.0.0.1:{port}/stories/night-market/"
    try:
        assert _wait_for(lambda: _safe_get(page)[0] == 200, 120), "the site was not served"
        assert "夜市重开" in _safe_get(page)[1]
        chinese = project / "docs/stories/night-market/index.zh.md"
        # a paragraph before its translation exists: a finding, which must not stop the preview
        chinese.write_text(chinese.read_text(encoding="utf-8") + "\n老街夜市今晚重新开张。\n", encoding="utf-8")
        assert _wait_for(lambda: "老街夜市今晚重新开张" in _safe_get(page)[1], 90), "the edit did not show"
    finally:
        server.terminate()
        output = server.communicate(timeout=30)[0]
    assert "error: the story has no text yet" in output  # the findings still go to the terminal
    assert "unfinished: night-market" in output
    assert "Aborted" not in output and "Traceback" not in output


def test_a_stopped_strict_build_names_the_unfinished_story_and_the_next_command(tmp_path: Path):
    project = make_project(tmp_path / "project", FIXTURE_DOCS)
    assert run_stories("new", "night-market", "--title", "夜市重开", docs=project / "docs").returncode == 0
    result = build(project)
    assert result.returncode == 1
    assert "Aborted with" in result.stdout + result.stderr
    assert (
        "unfinished: night-market (has errors, so a strict build (`mkdocs build`, CI) stops): run "
        "`python scripts/stories.py check docs/stories/night-market` for the list, or "
        "`python scripts/stories.py preview night-market` to read the page while you fix it"
    ) in result.stderr
    assert "未完成的稿件：night-market" in result.stderr
    assert result.stderr.count("unfinished:") == 1  # once, not once per language


def test_a_clean_build_has_no_closing_advice(tmp_path: Path):
    project = make_project(tmp_path / "project", FIXTURE_DOCS)
    result = build(project)
    assert result.returncode == 0, result.stderr
    assert "unfinished:" not in result.stderr


@contextlib.contextmanager
def preview(docs: Path, slug: str, cwd: Path):
    """`stories.py preview SLUG` running on `docs`: yields the story's address and, once the
    server has stopped, the list holding what it printed."""
    port = _free_port()
    command = [sys.executable, str(PROJECT / "scripts/stories.py"), "--docs", str(docs), "preview", slug]
    server = subprocess.Popen(
        [*command, "--port", str(port)], cwd=cwd, env=ENV, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
    )
    printed: list[str] = []
    try:
        yield f"http://127.0.0.1:{port}/stories/{slug}/", printed
    finally:
        server.terminate()
        printed.append(server.communicate(timeout=30)[0])


def test_preview_serves_a_story_started_with_new(fixture_docs: Path, tmp_path: Path):
    assert run_stories("new", "night-market", "--title", "夜市重开", docs=fixture_docs).returncode == 0
    with preview(fixture_docs, "night-market", tmp_path) as (page, printed):
        assert _wait_for(lambda: _safe_get(page)[0] == 200, 60), "the preview did not start"
        assert "夜市重开" in _safe_get(page)[1]
    output = printed[0]
    assert "error: the story has no text yet" in output
    assert "unfinished: night-market" in output
    assert "Aborted" not in output and "Traceback" not in output


def test_the_preview_shows_the_findings_on_the_page_until_they_are_fixed(fixture_docs: Path, tmp_path: Path):
    from bs4 import BeautifulSoup

    chinese = fixture_docs / "stories/river-cleanup/index.zh.md"
    clean = chinese.read_text(encoding="utf-8")
    broken = clean.replace("series: test-series", "series: test-seris")
    chinese.write_text(broken, encoding="utf-8")
    line = broken.split("\n").index("series: test-seris") + 1

    def banner(page: str):
        status, html = _safe_get(page)
        return BeautifulSoup(html, "lxml").select_one(".nr-findings") if status == 200 else None

    with preview(fixture_docs, "river-cleanup", tmp_path) as (page, _):
        assert _wait_for(lambda: banner(page) is not None, 60), "the preview showed no findings banner"
        text = banner(page).get_text(" ", strip=True)
        assert f"index.zh.md:{line}" in text and "the series `test-seris` does not exist" in text
        assert "系列不存在" in text, "the banner explains the finding in Chinese"
        chinese.write_text(clean, encoding="utf-8")
        assert _wait_for(lambda: _safe_get(page)[0] == 200 and banner(page) is None, 60), (
            "the banner stayed after the fix"
        )
