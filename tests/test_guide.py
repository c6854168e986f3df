"""The catalogue of findings is what the guides explain and what the checks report."""

from __future__ import annotations

import ast
import re
import string
from collections import Counter

from conftest import PROJECT
from newsroom.model.catalogue import EXPLANATIONS, Code

SOURCES = sorted((PROJECT / "scripts" / "newsroom").rglob("*.py"))
CATALOGUE = PROJECT / "scripts" / "newsroom" / "model" / "catalogue.py"
# made by the records' reader (model/registry.py) with Finding() until its YAML reading is rewritten
TABLE_ROW = re.compile(r"^\| `([a-z0-9-]+)` \| (.*) \|$", re.M)


def test_every_code_is_explained_once_in_both_languages():
    explained = Counter(kind.code for kind in Code if kind.value.zh or kind.value.en)
    assert set(explained) == {kind.code for kind in Code}, "a code without its explanation"
    assert [code for code, times in explained.items() if times > 1] == [], "a code explained twice"
    assert all(zh and en for zh, en in EXPLANATIONS.values())


def test_both_guides_tables_are_the_catalogues_explanations():
    for guide, index in (("GUIDE.zh.md", 0), ("GUIDE.en.md", 1)):
        rows = TABLE_ROW.findall((PROJECT / guide).read_text(encoding="utf-8"))
        assert rows == [(code, explanation[index]) for code, explanation in EXPLANATIONS.items()], guide


def trees() -> list[ast.Module]:
    return [ast.parse(path.read_text(encoding="utf-8")) for path in SOURCES if path != CATALOGUE]


def kind_named(node: ast.AST) -> Code | None:
    """The kind a node such as `Code.PHOTO_MISSING` names."""
    if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id == "Code":
        return Code[node.attr]
    return None


def test_every_kind_of_finding_is_made_by_some_rule():
    used = {kind for tree in trees() for node in ast.walk(tree) if (kind := kind_named(node))}
    unused = {kind.name for kind in Code} - {kind.name for kind in used}
    assert unused == set(), "kinds no rule reports"


def fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def test_every_finding_is_given_the_details_its_message_and_fix_name():
    """A missing detail would stop the check with a traceback instead of a finding."""
    given: list[tuple[Code, set[str]]] = []
    for tree in trees():
        for node in ast.walk(tree):
            named = [kind for kind in map(kind_named, node.args) if kind] if isinstance(node, ast.Call) else []
            if named:
                kind = named[0]
                if any(keyword.arg is None for keyword in node.keywords):
                    continue  # **details, from a `return Code.X, {...}` checked below
                bound = {"file"} if getattr(node.func, "id", "") == "finding" else set()  # photo_checks binds it
                given.append((kind, bound | {keyword.arg for keyword in node.keywords}))
            elif isinstance(node, ast.Tuple) and len(node.elts) == 2 and (kind := kind_named(node.elts[0])):
                assert isinstance(node.elts[1], ast.Dict)
                given.append((kind, {key.value for key in node.elts[1].keys}))
    assert len({kind for kind, _ in given}) > len(Code) * 3 // 4
    wrong = [
        (kind.name, sorted(fields(kind.value.message) | fields(kind.value.fix)), sorted(names))
        for kind, names in given
        if fields(kind.value.message) | fields(kind.value.fix) != names - {"severity"}
    ]
    assert wrong == []


def test_readme_links_the_guides():
    readme = (PROJECT / "README.md").read_text(encoding="utf-8")
    assert "GUIDE.zh.md" in readme and "GUIDE.en.md" in readme
