"""The package's layers import downwards only (scripts/newsroom/__init__.py): the model reads the
files and reports what it cannot read, but it judges nothing, so it imports no check."""

from __future__ import annotations

import ast

from conftest import PROJECT

MODEL = PROJECT / "scripts" / "newsroom" / "model"


def imported(path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = {node.module for node in ast.walk(tree) if isinstance(node, ast.ImportFrom) and node.module}
    return names | {alias.name for node in ast.walk(tree) if isinstance(node, ast.Import) for alias in node.names}


def test_the_model_imports_no_check():
    assert {
        path.name: sorted(name for name in imported(path) if name.startswith("newsroom.checks"))
        for path in sorted(MODEL.glob("*.py"))
    } == {path.name: [] for path in sorted(MODEL.glob("*.py"))}
