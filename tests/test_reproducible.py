"""Two builds of the same commit produce byte-identical sites: nothing in the output comes from
the clock, from the order in which files happen to be found, or from whether the languages were
built side by side (`stories.py build`) or one after the other (plain `mkdocs build`, i18n's own order)."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import PROJECT, build, make_project


@pytest.mark.parametrize("side_by_side", [True, False], ids=["side by side", "one after the other"])
def test_two_builds_of_the_same_commit_are_byte_identical(real_site: Path, tmp_path: Path, side_by_side: bool):
    again = make_project(tmp_path / "again", PROJECT / "docs")
    result = build(again, side_by_side=side_by_side)
    assert result.returncode == 0, result.stderr
    first = {path.relative_to(real_site): path.read_bytes() for path in real_site.rglob("*") if path.is_file()}
    second = {
        path.relative_to(again / "site"): path.read_bytes() for path in (again / "site").rglob("*") if path.is_file()
    }
    assert sorted(first) == sorted(second)
    assert [name for name in first if first[name] != second[name]] == []
