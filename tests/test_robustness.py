"""Whatever a journalist's files hold, reading and checking them ends in a story or in a finding
with its file and line, never in a traceback.

Property-based: Hypothesis feeds the parser, the model and the check arbitrary text, bytes,
front matter and file trees. Runs are derandomized (the same examples every time) and bounded
by the `robustness` profile; `ROBUSTNESS_SCALE=20` multiplies every example count for a longer
search. Every crash these tests found is kept as an `@example`.
"""

from __future__ import annotations

import datetime as dt
import itertools
import json
import os
import re
import shutil
import tempfile
import time
from pathlib import Path

import pytest
import yaml
from conftest import FIXTURE_DOCS, run_stories
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from newsroom.checks import checks, markup
from newsroom.model import blocks, frontmatter
from newsroom.model.findings import ERROR, Finding
from newsroom.model.schema import BYLINE_ROLES, PHOTO_FIELDS, STORY_FIELDS
from newsroom.model.site import load_site
from newsroom.model.story import StoryFile

settings.register_profile(
    "robustness",
    deadline=None,
    derandomize=True,
    database=None,
    print_blob=False,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.large_base_example],
)
SCALE = int(os.environ.get("ROBUSTNESS_SCALE", "1"))
RIVER = Path("stories", "river-cleanup")


def robust(examples: int) -> settings:
    return settings(settings.get_profile("robustness"), max_examples=examples * SCALE)


# --- what a journalist might save ------------------------------------------------------------

FIELD_NAMES = [*STORY_FIELDS, *PHOTO_FIELDS, *BYLINE_ROLES, "source", "updated", "template", "标题"]
scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(),
    st.text(max_size=20),
    st.dates(),
    st.sampled_from(["99999-01-01", "0000-00-00", "2025-02-30", "2025-1-1", "１９９９-０１-０１", "images/", ".", ""]),
)
yaml_values = st.recursive(
    scalars,
    lambda children: (
        st.lists(children, max_size=3) | st.dictionaries(st.sampled_from(FIELD_NAMES), children, max_size=3)
    ),
    max_leaves=8,
)


def _dump(data: object) -> str:
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=10_000)


def _shared(value: object) -> dict:
    """The same value under several fields, which YAML writes with an `&anchor` and `*alias`es."""
    return {"title": value, "deck": value, "photos": [value, {"file": value}], "byline": {"text": value}}


# Hand-written front matter that a YAML dump never produces: tags, merges, aliases, typing mistakes.
TRICKY_FRONT_MATTER = [
    "title: !!float abc",
    "title: !!int 12ab",
    "title: !!bool maybe",
    "title: !!binary ===",
    "title: !!set {a, b}",
    "photos: !!omap [{file: a}]",
    "title: !!python/object:os.system ls",
    "a: &a [*a]",
    "a: &a {b: *a}",
    "title: *nowhere",
    "base: &b {file: images/a.jpg}\nphotos:\n  - <<: *b\n    caption: x",
    "photos:\n  - <<: [1]",
    "? [a, b]\n: 1",
    "title：绘就绿水青山新画卷\ndeck: x",
    "title: x\ndeck：副标题\nseries: y",
    "title:\u3000绘就",
    "title:绘就\ndeck: x",
    "title: x\n\tdeck: y",
    "byline:\n\ttext: [李明]",
    "title: “绘就绿水青山新画卷”",
    "title: a\x07b",
    "date: 2025-01-01 12:00:00",
    "date: 1:2:3",
    "title: " + "[" * 30 + "]" * 30,
]
front_matter_texts = st.one_of(
    st.builds(_dump, st.dictionaries(st.sampled_from(FIELD_NAMES), yaml_values, max_size=6)),
    st.builds(_dump, st.builds(_shared, yaml_values)),
    st.sampled_from(TRICKY_FRONT_MATTER),
    # numbers with more digits than Python reads, as text: Hypothesis cannot print such ints itself
    st.builds(lambda digits, key: f"{key}: {'9' * digits}", st.integers(4301, 5000), st.sampled_from(FIELD_NAMES)),
    st.text(max_size=200),
)
markdown_lines = st.sampled_from(
    [
        "今年春天，河道清淤工程全部完工。",
        "## 居民",
        "# " + " " * 300 + "x",
        "![](images/walkers.png)",
        "![x](https://example.com/a.jpg)",
        "* * *",
        "```",
        "<!-- 注释",
        "-->",
        "[TRANSLATE] 区水务局表示",
        "<script>alert(1)</script>",
        "———",
        "---",
        "",
    ]
)
bodies = st.one_of(st.lists(markdown_lines, max_size=12).map("\n".join), st.text(max_size=300))
fences = st.sampled_from(["---", "---", "---", "———", "－－－", " ---", "\n---", "..."])
story_texts = st.one_of(
    st.builds(lambda fence, front, body: f"{fence}\n{front}\n---\n{body}\n", fences, front_matter_texts, bodies),
    st.text(),
)
story_bytes = st.one_of(
    story_texts.map(lambda text: text.encode("utf-8")),
    story_texts.map(lambda text: text.encode("utf-8-sig")),
    st.text(alphabet="绘就绿水青山新画卷，。：“”\n-", max_size=80).map(lambda text: text.encode("gb18030")),
    story_texts.map(lambda text: text.encode("utf-16")),
    st.binary(max_size=300),
    st.builds(lambda text, at: text[:at] + "\x00" + text[at:], st.text(max_size=50), st.integers(0, 50)).map(
        lambda text: text.encode("utf-8")
    ),
    st.sampled_from(["中", "# a ", "<", "![", "<img ", "<!--", "a"]).map(lambda piece: (piece * 100_000).encode()),
)


def line_count(text: str | bytes) -> int:
    return (text.count(b"\n") if isinstance(text, bytes) else text.count("\n")) + 1


def assert_finding_is_usable(finding: Finding, docs: Path, lines: int | None = None) -> None:
    """A finding a journalist can act on: a file inside docs/, a line in it, a message and a fix."""
    assert finding.path == docs or docs in finding.path.parents, finding
    assert finding.line >= 1 and (lines is None or finding.line <= lines), (finding, lines)
    assert finding.message.strip(), finding
    assert finding.fix.strip() or finding.severity != ERROR, finding
    assert re.match(r"^.+:\d+: (error|warning): .+", finding.format(docs)), finding
    json.dumps(finding.as_dict(docs), ensure_ascii=False)


# --- the parser ---------------------------------------------------------------------------------


def assert_front_matter_or_problem(read, text: str) -> None:
    """The property every reader of a story's text must have: it returns, or it raises a
    FrontMatterProblem that names a line of the text, a message and a fix."""
    try:
        read(text)
    except frontmatter.FrontMatterProblem as problem:
        assert 1 <= problem.line <= line_count(text), (problem.line, problem.message)
        assert problem.message and problem.fix


@robust(300)
@given(story_texts)
@example("---\ntitle: " + "9" * 5000 + "\n---\n")  # ValueError: Python reads at most 4,300 digits
@example("---\ntitle: !!float abc\n---\n")  # ValueError from PyYAML's float constructor
@example("---\ntitle: !!bool maybe\n---\n")  # KeyError from PyYAML's bool constructor
@example("---\na: &a [*a]\n---\n")  # RecursionError: an alias inside itself
@example("---\na: " + "[" * 600 + "]" * 600 + "\n---\n")  # RecursionError: deep nesting
def test_front_matter_parse_ends_in_data_or_a_problem(text: str):
    assert_front_matter_or_problem(frontmatter.parse, text)
    try:
        front, _ = frontmatter.parse(text)
    except frontmatter.FrontMatterProblem:
        return
    if front is not None:
        assert isinstance(front.data, dict)
        assert all(1 <= line <= line_count(text) for line in front.lines.values())


@robust(200)
@given(bodies | st.text(), st.integers(1, 10_000))
def test_blocks_keep_their_lines(body: str, first_line: int):
    for block in blocks.parse_blocks(body, first_line):
        assert first_line <= block.line < first_line + line_count(body)
        assert block.fingerprint


def read_everything(story_file: StoryFile) -> list:
    """Every accessor the checks and the build use."""
    return [
        *(story_file.byline(role) for role in BYLINE_ROLES),
        story_file.photos,
        story_file.lead_photo,
        story_file.alignment,
        story_file.date,
        story_file.date_precision,
        story_file.translation_source,
        story_file.translation_updated,
        story_file.is_stub,
        [block.fingerprint for block in story_file.blocks],
    ]


@robust(300)
@given(story_bytes)
@example(b"---\nbyline:\n  text: 5\n---\n")  # TypeError: iterating over a number
@example(f'---\nalignment: ["zh 1 = en {"1" * 5000}"]\n---\n'.encode())  # ValueError: 5,000 digits
def test_story_file_ends_in_a_story_or_a_problem(raw: bytes):
    story_file = StoryFile(Path("docs/stories/x/index.zh.md"), "zh")
    story_file.load(raw)
    if story_file.problem:
        assert 1 <= story_file.problem.line <= line_count(raw)
        assert story_file.problem.message and story_file.problem.fix
    read_everything(story_file)


# --- the check on a whole docs tree ------------------------------------------------------------


@pytest.fixture(scope="module")
def docs_tree(tmp_path_factory) -> Path:
    """One copy of the fixture docs whose river story each example overwrites."""
    docs = tmp_path_factory.mktemp("robust") / "docs"
    shutil.copytree(FIXTURE_DOCS, docs)
    return docs


FIXTURE_FRONT = {
    lang: yaml.safe_load((FIXTURE_DOCS / RIVER / f"index.{lang}.md").read_text(encoding="utf-8").split("---")[1])
    for lang in ("zh", "en")
}


def _story_with(lang: str, changes: dict, body: str) -> str:
    """The fixture's front matter with some fields replaced (those set to None are removed)."""
    front = {**FIXTURE_FRONT[lang], **changes}
    return f"---\n{_dump({k: v for k, v in front.items() if v is not None})}---\n{body}\n"


fixture_variants = st.builds(
    _story_with,
    st.just("zh"),
    st.dictionaries(st.sampled_from(list(STORY_FIELDS)), yaml_values, max_size=3),
    bodies,
)
photo_variants = st.builds(
    lambda photo, body: _story_with("zh", {"photos": [photo]}, body),
    st.fixed_dictionaries({}, optional={key: yaml_values for key in PHOTO_FIELDS}),
    bodies,
)


@robust(150)
@given(st.one_of(fixture_variants, photo_variants, story_texts), st.one_of(st.just(None), story_texts))
# ValueError from Path(".").with_name, in the message about letter case
@example(_story_with("zh", {"photos": [{"file": ".", "caption": "c", "credit": "王芳", "alt": "a"}]}, ""), None)
@example(_story_with("zh", {"photos": [{"file": "images/\x00.png"}]}, ""), None)  # ValueError: null byte
@example(_story_with("zh", {"photos": [{"file": "images/" + "a" * 300 + ".png"}]}, ""), None)  # name too long
@example(_story_with("zh", {"photos": [{"file": "images/", "credit": 5}]}, ""), None)  # said "named images on disk"
@example(_story_with("zh", {"series": ["a"]}, ""), _story_with("en", {"series": ["a"]}, ""))  # unhashable list
def test_check_site_reports_any_story_text(docs_tree: Path, zh_text: str, en_text: str | None):
    story = docs_tree / RIVER
    (story / "index.zh.md").write_text(zh_text, encoding="utf-8", newline="")
    (story / "index.en.md").write_bytes((FIXTURE_DOCS / RIVER / "index.en.md").read_bytes())
    if en_text is not None:
        (story / "index.en.md").write_text(en_text, encoding="utf-8", newline="")
    (docs_tree / "about.zh.md").write_text(zh_text, encoding="utf-8", newline="")  # read as a page too
    for finding in checks.check_site(load_site(docs_tree)):
        lines = line_count(finding.path.read_bytes()) if finding.path.is_file() else 1
        assert_finding_is_usable(finding, docs_tree, lines)


def _link(target: str):
    return lambda path: path.symlink_to(target)


def _write(text: str):
    return lambda path: path.write_text(text, encoding="utf-8")


# Changes to a docs tree: (where, relative to the river story's folder, and what to put there).
TREE_CHANGES = st.sampled_from(
    [
        ("../empty", lambda path: path.mkdir()),
        ("../only-images", lambda path: (path / "images").mkdir(parents=True)),
        ("index.zh.md", lambda path: (path.unlink(), path.mkdir())),
        ("index.en.md", lambda path: (path.unlink(), path.symlink_to("nowhere.md"))),
        ("index.en.md", lambda path: (path.unlink(), path.symlink_to("index.en.md"))),
        ("../../关于 我们.zh.md", _write("---\ntitle: 关于\n---\n")),
        ("../../about.cn.md", _write("---\ntitle: x\n---\n")),
        ("index.zh-CN.md", _write("---\ntitle: x\n---\n")),
        ("images/walkers.png", lambda path: path.rename(path.with_name("Walkers.PNG"))),
        ("images/文.png", lambda path: path.with_name(os.fsdecode("文.png".encode("gbk"))).write_bytes(b"")),
        ("images/river.png", lambda path: (path.unlink(), path.symlink_to("river.png"))),
        ("images/river.png", lambda path: (path.unlink(), path.mkdir())),
        ("../loop", _link(".")),
        ("../linked-story", _link("river-cleanup")),
        ("../../_data/series.yml", lambda path: path.write_bytes(b"\xff\xfe")),
        ("../../_data/contributors.yml", _write("- a\n- b\n")),
        ("images", lambda path: shutil.rmtree(path)),
        ("index.zh.md", lambda path: path.write_bytes(b"")),
        ("../../stories", lambda path: (shutil.rmtree(path), path.write_text("x"))),
    ]
)


def apply_changes(docs: Path, changes) -> None:
    for where, change in changes:
        path = Path(os.path.normpath(docs / RIVER / where))
        if not path.parent.is_dir():
            continue
        try:
            change(path)
        except (FileExistsError, FileNotFoundError, NotADirectoryError, IsADirectoryError):
            continue  # an earlier change already took this place away


@robust(60)
@given(st.lists(TREE_CHANGES, max_size=5), st.text(alphabet="关于我们 ab-.", min_size=1, max_size=8))
# RuntimeError from Path.resolve on a link that loops: a photo, then a page (in shown_path)
@example([("images/river.png", lambda path: (path.unlink(), path.symlink_to("river.png")))], "x")
@example([("index.en.md", lambda path: (path.unlink(), path.symlink_to("index.en.md")))], "x")
@example([("index.zh.md", lambda path: (path.unlink(), path.mkdir()))], "x")  # said "the folder has no index.zh.md"
def test_check_site_reports_any_file_tree(changes, page_name: str):
    with tempfile.TemporaryDirectory() as temporary:
        docs = Path(temporary, "docs")
        shutil.copytree(FIXTURE_DOCS, docs)
        apply_changes(docs, changes)
        (docs / f"{page_name}.zh.md").write_text("---\ntitle: x\n---\n", encoding="utf-8")
        for finding in checks.check_site(load_site(docs)):
            assert_finding_is_usable(finding, docs)
        only = [docs / RIVER, docs / f"{page_name}.zh.md"]
        for finding in checks.check_site(load_site(docs), only):
            assert_finding_is_usable(finding, docs)


FINDING_LINE = re.compile(r"^\S.*:\d+: (error|warning): .+ — .+$")


@robust(6)
@given(st.lists(TREE_CHANGES, max_size=3), story_bytes)
def test_the_command_line_check_never_prints_a_traceback(changes, raw: bytes):
    with tempfile.TemporaryDirectory() as temporary:
        docs = Path(temporary, "docs")
        shutil.copytree(FIXTURE_DOCS, docs)
        (docs / RIVER / "index.zh.md").write_bytes(raw)
        apply_changes(docs, changes)
        result = run_stories("check", docs=docs)
    assert result.returncode in (0, 1), result.stderr
    assert "Traceback" not in result.stderr
    reported = [line for line in result.stdout.splitlines() if ": error: " in line or ": warning: " in line]
    assert all(FINDING_LINE.match(line) for line in reported), reported
    assert (result.returncode == 1) == any(": error: " in line for line in reported)


# --- things that must be refused quickly --------------------------------------------------------


def billion_laughs(as_mapping: bool) -> str:
    """Nine levels of nine aliases to the level below: 9**9 (387 million) values once expanded."""

    def collection(item: str) -> str:
        if as_mapping:
            return "{" + ", ".join(f"k{index}: {item}" for index in range(9)) + "}"
        return "[" + ", ".join([item] * 9) + "]"

    levels = "abcdefghi"
    lines = [f"a: &a {collection('lol')}"]
    lines += [f"{name}: &{name} {collection('*' + below)}" for below, name in itertools.pairwise(levels)]
    return "---\n" + "\n".join(lines) + "\ntitle: x\n---\n"


@pytest.mark.parametrize("as_mapping", [False, True], ids=["sequences", "mappings"])
def test_billion_laughs_is_refused_quickly(as_mapping: bool):
    text = billion_laughs(as_mapping)
    started = time.perf_counter()
    with pytest.raises(frontmatter.FrontMatterProblem) as refused:
        frontmatter.parse(text)
    assert time.perf_counter() - started < 1
    assert "repeats itself through YAML aliases" in refused.value.message
    assert 2 <= refused.value.line <= line_count(text)


@pytest.mark.parametrize(
    "line",
    [
        "# a" + " " * 200_000 + "b",  # cubic backtracking in the heading pattern took minutes
        "<" * 400_000,
        "![" * 200_000,
        "<img " * 100_000,
        "<!--" * 100_000,
        "中" * 1_000_000,
    ],
    ids=["heading-spaces", "angle-brackets", "image-brackets", "img-tags", "comments", "chinese"],
)
def test_a_long_line_is_checked_quickly(line: str):
    story_file = StoryFile(Path("docs/stories/x/index.zh.md"), "zh")
    story_file.load(f"---\ntitle: x\n---\n{line}\n".encode())
    started = time.perf_counter()
    blocks.parse_blocks(story_file.body)
    list(markup.body_findings(story_file))
    assert time.perf_counter() - started < 2


# --- the property tests can fail -----------------------------------------------------------------


def title_without_guards(text: str):
    return yaml.safe_load(text.split("---")[1])["title"]


def date_without_guards(text: str):
    front, _ = frontmatter.parse(text)
    return dt.date.fromisoformat(front.data["date"]) if front and "date" in front.data else None


@pytest.mark.parametrize(
    ("unguarded", "crashes"),
    [
        (title_without_guards, (IndexError, KeyError, TypeError, yaml.YAMLError)),
        (date_without_guards, (ValueError, TypeError)),
    ],
    ids=["yaml-title", "fromisoformat"],
)
def test_the_same_harness_finds_a_planted_crash(unguarded, crashes):
    """The harness that `frontmatter.parse` passes fails a reader without its guards."""

    @settings(robust(300), report_multiple_bugs=False)
    @given(story_texts)
    def harness(text: str):
        assert_front_matter_or_problem(unguarded, text)

    with pytest.raises(crashes):
        harness()
