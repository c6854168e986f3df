"""Every kind of finding the tools can print is explained in code and in both guides."""

from __future__ import annotations

import re

from conftest import PROJECT
from newsroom.checks.messages import EXPLANATIONS

SOURCES = sorted((PROJECT / "scripts" / "newsroom").rglob("*.py"))


def codes_in_code() -> set[str]:
    text = "\n".join(path.read_text(encoding="utf-8") for path in SOURCES)
    codes = set(re.findall(r'code="([a-z0-9-]+)"', text))
    codes |= set(re.findall(r'"(missing-(?:translation|source))"', text))
    codes |= {f"photo-no-{key}" for key in ("caption", "credit", "alt")} if 'code=f"photo-no-{key}"' in text else set()
    return codes


def test_every_finding_code_is_explained():
    assert codes_in_code() - set(EXPLANATIONS) == set()
    assert set(EXPLANATIONS) - codes_in_code() == set(), "an explanation for a finding that no longer exists"


def test_both_guides_list_every_code_with_its_fix():
    for guide, index in (("GUIDE.zh.md", 0), ("GUIDE.en.md", 1)):
        text = (PROJECT / guide).read_text(encoding="utf-8")
        for code, explanation in EXPLANATIONS.items():
            assert f"| `{code}` | {explanation[index]} |" in text, (guide, code)


def test_readme_links_the_guides():
    readme = (PROJECT / "README.md").read_text(encoding="utf-8")
    assert "GUIDE.zh.md" in readme and "GUIDE.en.md" in readme
