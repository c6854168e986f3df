"""Nothing a journalist wrote is lost: a write cut short leaves the old file whole, and neither
the check nor the build writes inside docs/."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest
from conftest import FIXTURE_DOCS, build, make_project, run_stories
from newsroom import cli
from newsroom.model.files import write_text

RIVER = Path("stories", "river-cleanup")
ORIGINAL = "---\ntitle: 原稿\n---\n\n记者写的每一个字。\n"


class FailsHalfway:
    """A file stream that writes half of the text, then is interrupted (Ctrl+C)."""

    def __init__(self, stream):
        self.stream = stream

    def __enter__(self):
        return self

    def __exit__(self, *exc_info):
        self.stream.close()

    def write(self, text: str) -> int:
        self.stream.write(text[: len(text) // 2])
        self.stream.flush()
        raise KeyboardInterrupt


def raising(error: BaseException):
    def fail(*args, **kwargs):
        raise error

    return fail


def interrupt(monkeypatch, step: str) -> None:
    """Make `files.write_text` fail at `step`: mid-write, while syncing to disk, or while renaming."""
    if step == "write":
        real_fdopen = os.fdopen
        monkeypatch.setattr(os, "fdopen", lambda *args, **kwargs: FailsHalfway(real_fdopen(*args, **kwargs)))
    elif step == "fsync":
        monkeypatch.setattr(os, "fsync", raising(OSError(errno.ENOSPC, "No space left")))
    else:
        monkeypatch.setattr(os, "replace", raising(KeyboardInterrupt()))


@pytest.mark.parametrize("step", ["write", "fsync", "replace"])
def test_an_interrupted_write_keeps_the_original_and_leaves_no_temporary_file(tmp_path: Path, monkeypatch, step):
    story = tmp_path / "index.en.md"
    story.write_text(ORIGINAL, encoding="utf-8")
    interrupt(monkeypatch, step)
    with pytest.raises((KeyboardInterrupt, OSError)):
        write_text(story, "---\ntitle: 改稿\n---\n" + "新的一段。\n" * 1000, replace=True)
    assert story.read_text(encoding="utf-8") == ORIGINAL
    assert [path.name for path in tmp_path.iterdir()] == ["index.en.md"]


def make_translation_outdated(docs: Path) -> Path:
    chinese = docs / RIVER / "index.zh.md"
    chinese.write_text(
        chinese.read_text(encoding="utf-8").replace("确保河水长清。", "确保河水长清、岸线常绿。"), "utf-8"
    )
    return docs / RIVER / "index.en.md"


@pytest.mark.parametrize(
    ("step", "exit_code", "said"),
    [("write", 130, "stopped; no file was changed"), ("fsync", 1, "cannot save (No space left)")],
)
def test_mark_translated_never_truncates_the_english_file(
    fixture_docs: Path, monkeypatch, capsys, step, exit_code, said
):
    english = make_translation_outdated(fixture_docs)
    before = english.read_bytes()
    interrupt(monkeypatch, step)
    assert cli.main(["--docs", str(fixture_docs), "mark-translated", str(fixture_docs / RIVER)]) == exit_code
    assert said in capsys.readouterr().err
    assert english.read_bytes() == before
    assert sorted(path.name for path in english.parent.iterdir()) == ["images", "index.en.md", "index.zh.md"]


def test_mark_translated_does_write_when_nothing_fails(fixture_docs: Path):
    """The counterpart of the test above: the same call changes the file when the write succeeds."""
    english = make_translation_outdated(fixture_docs)
    before = english.read_bytes()
    assert cli.main(["--docs", str(fixture_docs), "mark-translated", str(fixture_docs / RIVER)]) == 0
    assert english.read_bytes() != before


def snapshot(folder: Path) -> dict[str, tuple]:
    """Every file and folder under `folder` with its size and modification time."""
    entries = {".": (True, 0, folder.stat().st_mtime_ns)}
    for path in sorted(folder.rglob("*")):
        status = path.lstat()
        entries[path.relative_to(folder).as_posix()] = (path.is_dir(), status.st_size, status.st_mtime_ns)
    return entries


def test_the_build_and_the_check_never_write_inside_docs(tmp_path: Path):
    project = make_project(tmp_path / "project", FIXTURE_DOCS)
    docs = project / "docs"
    before = snapshot(docs)
    built = build(project)
    assert built.returncode == 0, built.stderr
    assert (project / "site" / "index.html").is_file()
    for verb in ("check", "status"):
        assert run_stories(verb, cwd=project, docs=docs).returncode == 0
    assert snapshot(docs) == before
