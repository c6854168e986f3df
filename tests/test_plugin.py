"""The newsroom plugin keeps to MkDocs' and i18n's public behaviour: its settings are in mkdocs.yml,
its state is on the plugin, every handler states its priority, and one process can build two
different sites one after the other."""

from __future__ import annotations

import importlib
import re
import subprocess
import sys
import types
from pathlib import Path

import newsroom.mkdocs.plugin as plugin_module
import pytest
from conftest import ENV, FIXTURE_DOCS, PROJECT, make_project, page
from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config
from newsroom.mkdocs import runs
from newsroom.mkdocs.config import NewsroomConfig
from newsroom.mkdocs.plugin import NewsroomPlugin

RIVER, BIRDS = "stories/river-cleanup/", "stories/wetland-birds/"
EVENTS = [name for name in dir(NewsroomPlugin) if name.startswith("on_")]


def test_every_event_handler_states_its_priority():
    assert EVENTS  # the plugin handles events at all
    for name in EVENTS:
        handler = getattr(NewsroomPlugin, name)
        handlers = getattr(handler, "methods", [handler])  # on_post_build is a CombinedEvent
        for method in handlers:
            assert hasattr(method, "mkdocs_priority"), f"{name} has no @event_priority"


def test_the_plugin_module_has_no_mutable_state():
    reloaded = importlib.reload(plugin_module)
    immutable = (str, int, float, bool, tuple, frozenset, type(None), types.ModuleType, type)
    for name, value in vars(reloaded).items():
        if name.startswith("__") or name == "annotations":  # from __future__
            continue
        assert isinstance(value, immutable) or callable(value) or name == "log", f"module-level {name}"


def test_nothing_reaches_into_another_package():
    pattern = re.compile(r"current_language *=|building *=|clean_directory|get_context\(.fork|\.build *= *(True|False)")
    offending = [
        f"{path.relative_to(PROJECT)}:{number}"
        for path in sorted((PROJECT / "scripts").rglob("*.py"))
        for number, line in enumerate(path.read_text(encoding="utf-8").split("\n"), 1)
        if pattern.search(line)
    ]
    assert offending == []


def test_mkdocs_finds_the_plugin_by_its_entry_point():
    from mkdocs.plugins import get_plugins

    found = get_plugins()["newsroom"].load()
    assert (found.__module__, found.__qualname__) == (NewsroomPlugin.__module__, NewsroomPlugin.__qualname__)


def _build_in_this_process(project: Path, site_dir: Path, **newsroom) -> Path:
    settings = runs.derived_config(project / "mkdocs.yml", site_dir.parent, site_dir.name, newsroom, {})
    config = load_config(str(settings), site_dir=str(site_dir))
    config.plugins.on_startup(command="build", dirty=False)
    mkdocs_build(config)
    config.plugins.on_shutdown()
    return site_dir


def test_one_process_builds_two_sites_with_different_settings(tmp_path: Path, monkeypatch):
    project = make_project(tmp_path / "project", FIXTURE_DOCS)
    monkeypatch.chdir(project)
    monkeypatch.setenv("NO_MKDOCS_2_WARNING", "1")
    one_story = _build_in_this_process(project, tmp_path / "one", only_story="river-cleanup", search=False)
    whole = _build_in_this_process(project, tmp_path / "whole")
    assert (one_story / RIVER / "index.html").is_file()
    assert not (one_story / BIRDS).exists()
    assert not (one_story / "pagefind").exists()
    assert (whole / BIRDS / "index.html").is_file()
    assert (whole / "en" / BIRDS / "index.html").is_file()
    assert (whole / "pagefind" / "pagefind.js").is_file()
    # the second build did not keep the first one's story list: the home page lists both stories
    listed = {link["href"] for link in page(whole, "").select(".nr-story-list a[href]")}
    assert any("wetland-birds" in href for href in listed), listed


def test_the_settings_are_typed():
    config = NewsroomConfig()
    config.load_dict({"search": "yes please"})
    failed, _ = config.validate()
    assert [name for name, _ in failed] == ["search"]


def _project_with(tmp_path: Path, change) -> tuple[Path, subprocess.CompletedProcess]:
    project = make_project(tmp_path / "project", FIXTURE_DOCS)
    config = project / "mkdocs.yml"
    config.write_text(change(config.read_text(encoding="utf-8")), encoding="utf-8")
    built = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict"], cwd=project, env=ENV, capture_output=True, text=True
    )
    return project, built


def test_a_misspelt_setting_of_the_plugin_stops_the_build_in_both_languages(tmp_path: Path):
    _, built = _project_with(tmp_path, lambda text: text.replace("  newsroom:\n", "  newsroom:\n    serch: false\n"))
    assert built.returncode == 1
    assert "Traceback" not in built.stderr
    assert "unknown setting `serch` under plugins → newsroom in mkdocs.yml; did you mean `search`?" in built.stderr
    assert "新闻插件没有 `serch` 这个设置" in built.stderr


@pytest.mark.parametrize("order", ["newsroom first", "i18n first"])
def test_the_order_of_the_plugins_in_mkdocs_yml_does_not_matter(tmp_path: Path, order: str):
    def newsroom_first(text: str) -> str:
        i18n_start = text.index("  i18n:")
        newsroom_start = text.index("  newsroom:")
        newsroom_end = text.index("\nnav:")  # the newsroom plugin is the last of the plugins
        i18n_block, newsroom_block = text[i18n_start:newsroom_start], text[newsroom_start:newsroom_end]
        return text[:i18n_start] + newsroom_block + i18n_block + text[newsroom_end:]

    project, built = _project_with(tmp_path, newsroom_first if order == "newsroom first" else (lambda text: text))
    assert built.returncode == 0, built.stderr
    assert (project / "site" / "en" / RIVER / "index.html").is_file()
    assert (project / "site" / RIVER / "bilingual" / "index.html").is_file()


@pytest.mark.parametrize("site_dir", ["docs", ".", "docs/stories"])
def test_the_production_build_never_empties_a_folder_that_holds_the_stories(tmp_path: Path, site_dir: str):
    project = make_project(tmp_path / "project", FIXTURE_DOCS)
    before = sorted(path.relative_to(project) for path in (project / "docs").rglob("*"))
    built = subprocess.run(
        [sys.executable, "scripts/stories.py", "build", "--site-dir", site_dir],
        cwd=project, env=ENV, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert built.returncode == 2, built.stdout + built.stderr
    assert "Traceback" not in built.stderr
    assert "which the build would empty" in built.stderr and "构建会先清空它" in built.stderr
    assert sorted(path.relative_to(project) for path in (project / "docs").rglob("*")) == before
