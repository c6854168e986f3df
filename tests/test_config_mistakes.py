"""Mistakes in the site's set-up fail `mkdocs build --strict` with the file, the line and the fix:
a misspelt setting or a missing language in mkdocs.yml, a series or a contributor that the
records do not have, and a link to a folder inside docs/."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ENV, FIXTURE_DOCS, PROJECT, build, make_project, run_stories

RIVER = Path("stories", "river-cleanup")
# Shifts every line of the copied mkdocs.yml, so a finding must name the line in the file built.
HEADER = "# a project built by the tests\n# (two lines, so that line numbers differ from the real file)\n"


def project_with_config(tmp_path: Path, change) -> Path:
    project = make_project(tmp_path / "project", FIXTURE_DOCS)
    config = project / "mkdocs.yml"
    config.write_text(HEADER + change(config.read_text(encoding="utf-8")), encoding="utf-8")
    return project


def line_of(path: Path, pattern: str) -> int:
    lines = path.read_text(encoding="utf-8").split("\n")
    return next(number for number, line in enumerate(lines, 1) if re.search(pattern, line))


def without_i18n(config: str) -> str:
    i18n = re.search(r"\n  i18n:\n(?:    .*\n|\s*\n)+", config)
    assert i18n, "the i18n plugin's entry"
    return config.replace(i18n.group(0), "\n")


def without_english(config: str) -> str:
    english = re.search(r"\n      - locale: en\n(?:        .*\n)+", config)
    assert english, "the English language entry of the i18n plugin"
    return config.replace(english.group(0), "\n")


@pytest.mark.parametrize(
    ("change", "key_line", "expected"),
    [
        (
            lambda config: config.replace("fallback_to_default:", "fallback_to_defualt:"),
            r"fallback_to_defualt:",
            "error: unknown setting `fallback_to_defualt` under plugins → i18n — did you mean `fallback_to_default`?",
        ),
        (
            lambda config: config.replace("site_url:", "site_ulr:"),
            r"^site_ulr:",
            "error: unknown setting `site_ulr` — did you mean `site_url`?",
        ),
        (
            without_english,
            r"^    languages:",
            "error: plugins → i18n → languages has no `en` (English) — add it back under `languages:`: `- locale: en`",
        ),
        (
            without_i18n,
            r"^plugins:",
            "error: the i18n plugin is missing, so the site would be built in one language only — "
            "restore the `i18n:` entry under `plugins:` from git",
        ),
        (
            lambda config: config.replace("        default: true\n", "").replace(
                "        name: English\n", "        name: English\n        default: true\n"
            ),
            r"^    languages:",
            "error: the default language must be zh alone, not en — give `default: true` to the `zh` language only",
        ),
        (
            lambda config: config.replace("\n  newsroom:\n", "\n  newsroom:\n    page_cache: maybe\n", 1),
            r"^    page_cache: maybe",
            "error: the setting `plugins → newsroom → page_cache` is refused by MkDocs: ",
        ),
    ],
    ids=[
        "misspelt-plugin-setting", "misspelt-setting", "english-removed", "i18n-removed", "english-default",
        "newsroom-setting-of-the-wrong-type",
    ],
)
def test_a_mistake_in_mkdocs_yml_fails_the_build_at_its_line(tmp_path: Path, change, key_line: str, expected: str):
    project = project_with_config(tmp_path, change)
    built = build(project, side_by_side=True)
    assert built.returncode != 0
    assert "Traceback" not in built.stderr
    reported = built.stdout + built.stderr
    assert f"mkdocs.yml:{line_of(project / 'mkdocs.yml', key_line)}: {expected}" in reported, reported
    assert "[" in reported.split("中文说明")[1], "the Chinese explanation of the code"


@pytest.mark.parametrize(("change", "key_line"), [(without_i18n, r"^plugins:"), (without_english, r"^    languages:")])
def test_plain_mkdocs_build_stops_on_a_missing_language_at_its_line(tmp_path: Path, change, key_line: str):
    project = project_with_config(tmp_path, change)
    built = build(project)  # one process: the newsroom plugin's own check of the languages
    assert built.returncode != 0
    assert "Traceback" not in built.stderr
    assert f"mkdocs.yml:{line_of(project / 'mkdocs.yml', key_line)}: error:" in built.stdout + built.stderr


def test_the_unchanged_configuration_has_no_finding(tmp_path: Path):
    built = build(project_with_config(tmp_path, lambda config: config))
    assert built.returncode == 0, built.stderr
    assert "mkdocs.yml:" not in built.stderr


def test_an_unknown_series_and_contributor_fail_the_build_as_they_fail_the_check(tmp_path: Path):
    project = make_project(tmp_path / "project", FIXTURE_DOCS)
    docs = project / "docs"
    chinese = docs / RIVER / "index.zh.md"
    chinese.write_text(chinese.read_text(encoding="utf-8").replace("series: test-series", "series: no-such-series"))
    english = docs / RIVER / "index.en.md"
    english.write_text(english.read_text(encoding="utf-8").replace("series: test-series", "series: no-such-series"))
    contributors = docs / "_data" / "contributors.yml"
    contributors.write_text(
        contributors.read_text(encoding="utf-8").replace("zhao-xue:\n  name: {zh: 赵雪, en: Zhao Xue}\n", "")
    )
    series_line, translator_line = line_of(chinese, r"^series:"), line_of(english, r"translation: \[Zhao Xue\]")
    expected = [
        f"docs/{RIVER}/index.zh.md:{series_line}: error: the series `no-such-series` does not exist — "
        "use a series id from docs/_data/series.yml (test-series) or add the series there",
        f"docs/{RIVER}/index.en.md:{translator_line}: error: `Zhao Xue` is not in the contributor record — "
        "add them to docs/_data/contributors.yml with their name in both languages",
    ]
    checked = run_stories("check", cwd=project, docs=docs)
    built = build(project)
    assert checked.returncode == 1 and built.returncode != 0
    for finding in expected:
        assert finding in checked.stdout, checked.stdout
        assert finding in built.stderr, built.stderr


def gbk_named_photo(docs: Path) -> None:
    (docs / RIVER / "images" / os.fsdecode("文.png".encode("gb18030"))).write_bytes(b"")


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (
            lambda docs: (docs / "stories" / "loop").symlink_to("."),  # MkDocs alone would follow it until it fails
            "docs/stories/loop:1: error: loop is a link to the folder .; the site does not follow links — "
            "copy the folder here instead of linking it, or delete the link",
        ),
        (
            gbk_named_photo,  # MkDocs alone stops with UnicodeEncodeError
            f"docs/{RIVER}/images:1: error: the name 文.png in this folder is in the GBK encoding, "
            "as in ZIP files made on Chinese Windows — rename it to 文.png, typing the name anew",
        ),
    ],
    ids=["link-to-a-parent-folder", "gbk-file-name"],
)
def test_what_mkdocs_cannot_build_stops_the_build_with_its_finding(tmp_path: Path, change, expected: str):
    project = make_project(tmp_path / "project", FIXTURE_DOCS)
    change(project / "docs")
    built = build(project)
    assert built.returncode == 1
    assert "Traceback" not in built.stderr
    assert expected in built.stdout + built.stderr


def test_a_photo_link_that_leads_nowhere_fails_the_build_without_a_traceback(tmp_path: Path):
    project = make_project(tmp_path / "project", FIXTURE_DOCS)
    photo = project / "docs" / RIVER / "images" / "walkers.png"
    photo.unlink()
    photo.symlink_to("walkers.png")  # a link to itself, which MkDocs cannot copy
    entry_line = line_of(project / "docs" / RIVER / "index.zh.md", r"- file: images/walkers.png")
    built = build(project)
    assert built.returncode == 1
    assert "Traceback" not in built.stderr
    assert (
        f"docs/{RIVER}/index.zh.md:{entry_line}: error: the photo images/walkers.png is a link to walkers.png, "
        "which does not lead to a file — replace the link with the photo itself" in built.stderr
    )
    assert f"docs/{RIVER}/images/walkers.png:1: error: the file is a link that leads nowhere" in built.stderr


@pytest.mark.parametrize("side_by_side", [True, False], ids=["side by side", "one after the other"])
def test_a_warning_only_the_english_build_gives_fails_the_build(tmp_path: Path, side_by_side: bool):
    project = make_project(tmp_path / "project", FIXTURE_DOCS)
    about = project / "docs" / "about.en.md"
    about.write_text(about.read_text(encoding="utf-8") + "\nSee [the archive](archive.md).\n", encoding="utf-8")
    built = build(project, side_by_side=side_by_side)
    output = built.stdout + built.stderr
    assert built.returncode == 1
    assert "Traceback" not in output
    assert "Doc file 'about.en.md' contains a link 'archive.md', but the target is not found" in output
    assert "Aborted with 1 warnings in strict mode!" in output
    if side_by_side:  # built beside the Chinese pages: the build says which part failed
        assert "[en] Aborted with 1 warnings in strict mode!" in output


def without_newsroom(config: str) -> str:
    start, end = config.index("  newsroom:"), config.index("\nnav:")  # the last of the plugins
    return config[:start] + config[end:]


def check_project(project: Path, env: dict[str, str] = ENV) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, str(PROJECT / "scripts" / "stories.py"), "check"],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.mark.parametrize(
    ("change", "key_line", "expected"),
    [
        (
            lambda config: config.replace("site_url:", "site_ulr:"),
            r"^site_ulr:",
            "error: unknown setting `site_ulr` — did you mean `site_url`?",
        ),
        (
            without_english,
            r"^    languages:",
            "error: plugins → i18n → languages has no `en` (English) — add it back under `languages:`",
        ),
        (
            without_newsroom,
            r"^plugins:",
            "error: `plugins:` does not list `newsroom`, so the build would neither check the stories nor make "
            "their pages — add `newsroom: {}` under `plugins:`, below the `i18n:` entry",
        ),
        (
            lambda config: config.replace("plugins:\n", "hooks:\n  - scripts/no_hooks.py\nplugins:\n", 1),
            r"^hooks:",
            "error: the setting `hooks` is refused by MkDocs: ",
        ),
        (
            lambda config: config.replace("plugins:\n", "plugins:\n  i18n: [\n", 1),
            r"^  i18n: \[$",  # where YAML finds the list unclosed
            "error: mkdocs.yml cannot be read (",
        ),
    ],
    ids=["misspelt-setting", "english-removed", "no-newsroom-plugin", "hooks-file-missing", "yaml-broken"],
)
def test_the_check_reports_a_mistake_in_mkdocs_yml_at_its_line(tmp_path: Path, change, key_line: str, expected: str):
    project = project_with_config(tmp_path, change)
    checked = check_project(project)
    assert checked.returncode == 1, checked.stdout + checked.stderr
    assert "Traceback" not in checked.stderr
    assert f"mkdocs.yml:{line_of(project / 'mkdocs.yml', key_line)}: {expected}" in checked.stdout, checked.stdout
    assert "[" in checked.stdout.split("中文说明")[1], "the Chinese explanation of the code"


def test_the_check_of_the_unchanged_project_says_nothing_of_mkdocs_yml(tmp_path: Path):
    checked = check_project(project_with_config(tmp_path, lambda config: config))
    assert "mkdocs.yml" not in checked.stdout, checked.stdout
