"""Mistakes Chinese-language writers make, each reported at its file and line with its own fix.

Most come from typing in a Chinese input method (full-width colons, spaces, dashes and curly
quotes), from Windows editors (GBK, UTF-16) and from file names (`index.cn.md`, `.JPG`).
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from conftest import run_stories

RIVER = Path("stories", "river-cleanup")


def replace_in(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def line_number(path: Path, needle: str) -> int:
    for number, line in enumerate(path.read_text(encoding="utf-8").split("\n"), 1):
        if needle in line:
            return number
    raise AssertionError(f"{needle!r} not in {path}")


def check(docs: Path) -> tuple[int, list[str]]:
    """Exit code and finding lines of `stories.py check`, run beside docs/ so paths read docs/…"""
    result = run_stories("check", cwd=docs.parent, docs=docs)
    assert "Traceback" not in result.stderr, result.stderr
    return result.returncode, [
        line for line in result.stdout.splitlines() if ": error: " in line or ": warning: " in line
    ]


def the_finding(findings: list[str], prefix: str, *words: str) -> str:
    """The one finding that starts with `prefix` (file, line and severity) and contains `words`."""
    matching = [line for line in findings if line.startswith(prefix) and all(word in line for word in words)]
    assert len(matching) == 1, (prefix, words, findings)
    return matching[0]


# Each case: a name, the text in the Chinese story to replace and its replacement, the text on the
# line the finding must name, and words its message and fix must contain.
FRONT_MATTER_CASES = [
    (
        "full-width-colon",
        "title: 河道清淤见成效",
        "title：河道清淤见成效",
        "title：",
        ["full-width (Chinese) colon", "type the colon in half-width (English) input mode: `title: …`"],
    ),
    (
        "full-width-colon-in-a-photo",
        "    credit: 王芳\n    alt: 几位",
        "    credit：王芳\n    alt: 几位",
        "credit：",
        ["colon after `credit`", "half-width (English) input mode"],
    ),
    (
        "full-width-space",
        "deck: 两岸居民",
        "deck:\u3000两岸居民",
        "deck:\u3000",
        ["full-width (Chinese) space", "type the space in half-width (English) input mode"],
    ),
    (
        "no-space-after-colon",
        "deck: 两岸居民",
        "deck:两岸居民",
        "deck:两岸",
        ["no space after `deck:`", "put a space after the colon"],
    ),
    (
        "tab-indentation",
        "  text: [李明]",
        "\ttext: [李明]",
        "\ttext:",
        ["indented with a tab", "indent with spaces, never tabs"],
    ),
    (
        "full-width-hyphens-opening",
        "---\ntitle:",
        "－－－\ntitle:",
        "－－－",
        ["starts with `－－－`, which is not `---`", "type three hyphens `---` in half-width (English) input mode"],
    ),
    (
        "em-dashes-opening",
        "---\ntitle:",
        "———\ntitle:",
        "———",
        ["starts with `———`", "type three hyphens `---`"],
    ),
    (
        "em-dashes-closing",
        "    alt: 几位居民沿河散步\n---",
        "    alt: 几位居民沿河散步\n———",
        "———",
        ["`———` that closes the front matter is not `---`", "type three hyphens"],
    ),
    (
        "blank-line-before-fence",
        "---\ntitle:",
        "\n---\ntitle:",
        "---",
        ["not at the very start of the file", "delete the empty lines"],
    ),
]


@pytest.mark.parametrize(
    ("name", "old", "new", "line_text", "words"), FRONT_MATTER_CASES, ids=[case[0] for case in FRONT_MATTER_CASES]
)
def test_front_matter_typed_in_chinese_mode(fixture_docs: Path, name, old, new, line_text, words):
    chinese = fixture_docs / RIVER / "index.zh.md"
    replace_in(chinese, old, new)
    code, findings = check(fixture_docs)
    assert code == 1
    the_finding(findings, f"docs/{RIVER}/index.zh.md:{line_number(chinese, line_text)}: error: ", *words)


def test_curly_quotes_around_a_value_are_a_warning_with_the_fix(fixture_docs: Path):
    chinese = fixture_docs / RIVER / "index.zh.md"
    replace_in(chinese, "title: 河道清淤见成效", "title: “河道清淤见成效”")
    replace_in(chinese, "    caption: 清淤后的河道", "    caption: ‘清淤后的河道’")
    code, findings = check(fixture_docs)
    assert code == 0, findings  # the page still builds; the quotes would just show
    for line_text, field in (("title:", "`title`"), ("caption: ‘", "`photos` → `caption`")):
        the_finding(
            findings,
            f"docs/{RIVER}/index.zh.md:{line_number(chinese, line_text)}: warning: ",
            f"{field} is wrapped in curly quotes",
            'type straight quotes "…" in half-width (English) input mode',
        )


def test_quotes_inside_a_value_are_fine(fixture_docs: Path):
    replace_in(fixture_docs / RIVER / "index.zh.md", "title: 河道清淤见成效", "title: “清淤”见成效")
    assert check(fixture_docs) == (0, [])


@pytest.mark.parametrize(
    ("encoding", "words"),
    [
        ("gb18030", "saved as GBK/GB18030 (the Chinese Windows encoding), not UTF-8"),
        ("gbk", "saved as GBK/GB18030"),
        ("utf-16", "saved as UTF-16"),
        ("latin-1", "not saved as UTF-8, and it is not GBK/GB18030 Chinese text either"),
    ],
)
def test_a_file_in_another_encoding_says_which(fixture_docs: Path, encoding: str, words: str):
    chinese = fixture_docs / RIVER / "index.zh.md"
    text = chinese.read_text(encoding="utf-8")
    title_line = line_number(chinese, "title:")  # where the first Chinese (or accented) letter is
    if encoding == "latin-1":  # bytes that are neither UTF-8 nor GB18030
        chinese.write_bytes("---\ntitle: Café\n---\n".encode("latin-1"))
    else:
        chinese.write_bytes(text.encode(encoding))
    first_bad_line = 1 if encoding == "utf-16" else title_line
    code, findings = check(fixture_docs)
    assert code == 1
    the_finding(findings, f"docs/{RIVER}/index.zh.md:{first_bad_line}: error: ", words, "Save with Encoding → UTF-8")


@pytest.mark.parametrize("wrong_name", ["index.cn.md", "index.zh-CN.md", "index.zh_cn.md", "index.chs.md"])
def test_a_chinese_file_named_after_another_code_is_renamed(fixture_docs: Path, wrong_name: str):
    (fixture_docs / RIVER / "index.zh.md").rename(fixture_docs / RIVER / wrong_name)
    code, findings = check(fixture_docs)
    assert code == 1
    the_finding(
        findings,
        f"docs/{RIVER}/{wrong_name}:1: error: ",
        "not a language this site uses",
        "rename the file to index.zh.md",
    )


def test_an_image_with_an_upper_case_extension_on_disk(fixture_docs: Path):
    images = fixture_docs / RIVER / "images"
    (images / "walkers.png").rename(images / "walkers.PNG")
    code, findings = check(fixture_docs)
    assert code == 1
    for lang in ("zh", "en"):
        story = fixture_docs / RIVER / f"index.{lang}.md"
        the_finding(
            findings,
            f"docs/{RIVER}/index.{lang}.md:{line_number(story, '- file: images/walkers.png')}: error: ",
            "named walkers.PNG on disk (letters differ in case)",
            "write file: images/walkers.PNG, or rename the file",
        )


def test_a_file_name_from_a_zip_made_on_chinese_windows(fixture_docs: Path):
    images = fixture_docs / RIVER / "images"
    (images / os.fsdecode("河道.png".encode("gbk"))).write_bytes(b"")  # how such a name arrives on disk
    code, findings = check(fixture_docs)
    assert code == 1
    the_finding(findings, f"docs/{RIVER}/images:1: error: ", "the name 河道.png", "GBK", "rename it to 河道.png")
