"""Two builds of the same commit produce byte-identical sites: nothing in the output comes from
the clock or from the order in which files happen to be found."""

from __future__ import annotations

from pathlib import Path

from conftest import PROJECT, build, make_project


def test_two_builds_of_the_same_commit_are_byte_identical(real_site: Path, tmp_path: Path):
    again = make_project(tmp_path / "again", PROJECT / "docs")
    assert build(again).returncode == 0
    first = {path.relative_to(real_site): path.read_bytes() for path in real_site.rglob("*") if path.is_file()}
    second = {
        path.relative_to(again / "site"): path.read_bytes() for path in (again / "site").rglob("*") if path.is_file()
    }
    assert sorted(first) == sorted(second)
    assert [name for name in first if first[name] != second[name]] == []
