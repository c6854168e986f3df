"""The package's layers import downwards only (scripts/newsroom/__init__.py): the model imports
nothing else of the newsroom and never MkDocs."""

from __future__ import annotations

import ast

import pytest
from conftest import PROJECT

PACKAGE = PROJECT / "scripts" / "newsroom"
# what each layer may import of the newsroom (besides itself)
ALLOWED = {
    "model": set(),
    "render": {"model"},
    "checks": {"model", "render"},
    "commands": {"model", "render", "checks"},
    "importer": {"model", "render", "checks"},
    "mkdocs": {"model", "render", "checks"},
}


def imported(path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = {node.module for node in ast.walk(tree) if isinstance(node, ast.ImportFrom) and node.module}
    return names | {alias.name for node in ast.walk(tree) if isinstance(node, ast.Import) for alias in node.names}


@pytest.mark.parametrize("layer", sorted(ALLOWED))
def test_a_layer_imports_only_the_layers_below_it(layer: str):
    crossing = {
        path.name: sorted(
            name
            for name in imported(path)
            if name.startswith("newsroom.") and name.split(".")[1] not in ALLOWED[layer] | {layer}
        )
        for path in sorted((PACKAGE / layer).glob("*.py"))
    }
    assert crossing == {name: [] for name in crossing}


def test_the_model_and_the_importer_never_import_mkdocs():
    outside = {
        path.relative_to(PACKAGE).as_posix(): sorted(name for name in imported(path) if name.startswith("mkdocs"))
        for path in sorted(PACKAGE.rglob("*.py"))
        if path.parent.name in ("model", "importer")
    }
    assert outside == {name: [] for name in outside}
