"""Split a Markdown file into YAML front matter and body, keeping line numbers for every field.

Parsing goes through PyYAML's safe loader (the C one when available, as MkDocs does), but
composes the node tree first so that each key keeps the line it was written on: a journalist
is told `index.en.md:12`, not just the field's name.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from yaml.constructor import SafeConstructor

try:
    from yaml import CSafeLoader as _BaseLoader
except ImportError:  # pragma: no cover - PyYAML without libyaml
    from yaml import SafeLoader as _BaseLoader

FENCE = "---"
MAX_FRONT_MATTER_CHARS = 64_000
# a glossary of thousands of terms; more is pasted data
MAX_DOCUMENT_CHARS = 2_000_000
MAX_EXPANDED_NODES = 100_000
# a story's fields go three levels deep (photos → photo → caption); deeper is a mistake, and
# reading thousands of levels would exhaust Python's recursion limit
MAX_NESTING = 20
# `---` as Chinese input methods and word processors change it: full-width hyphens, em dashes
_FENCE_LOOKALIKES = "－—–―─━"
# characters YAML refuses (C0/C1 controls other than tab and line breaks), e.g. from a PDF
_NOT_YAML_TEXT = re.compile("[^\x09\x0a\x0d\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
# `title：…`, `title:\u3000…` or `title:…` at the start of a line, where a field name is typed
_KEY_MISTYPED = re.compile(
    r"^[ \t]*(?:-[ \t]+)?(?P<key>[A-Za-z_][A-Za-z0-9_-]*)[ \u3000]*(?P<mark>：|:(?=\u3000)|:(?=[^\s/]))"
)
# the same in a data file, whose keys may be Chinese (the glossary's terms: `区水务局：…`)
_ANY_KEY_MISTYPED = re.compile(
    r"^[ \t]*(?:-[ \t]+)?(?P<key>[^\s:：#'\"\[\]{}&*!|>%@`-][^\s:：]*)[ \u3000]*(?P<mark>：|:(?=\u3000)|:(?=[^\s/]))"
)


class FrontMatterProblem(Exception):
    def __init__(self, line: int, message: str, fix: str):
        super().__init__(message)
        self.line = line
        self.message = message
        self.fix = fix


class _Loader(_BaseLoader):
    """Safe loader that keeps dates as text, so that `2025-02-30` is our finding, not a crash."""


_Loader.add_constructor("tag:yaml.org,2002:timestamp", lambda loader, node: loader.construct_scalar(node))


def _refusing_unreadable(construct, kind: str):
    """PyYAML raises ValueError or KeyError, not a YAML error, for `!!int abc`, `!!bool maybe` or a
    number of more than 4,300 digits; this makes them YAML errors that carry their line."""

    def construct_or_refuse(loader, node):
        try:
            return construct(loader, node)
        except (ValueError, KeyError):
            value = str(node.value)
            shown = value if len(value) <= 40 else value[:40] + "…"
            raise yaml.constructor.ConstructorError(
                None, None, f"`{shown}` cannot be read as {kind}", node.start_mark
            ) from None

    return construct_or_refuse


_Loader.add_constructor("tag:yaml.org,2002:int", _refusing_unreadable(SafeConstructor.construct_yaml_int, "a number"))
_Loader.add_constructor(
    "tag:yaml.org,2002:float", _refusing_unreadable(SafeConstructor.construct_yaml_float, "a number")
)
_Loader.add_constructor(
    "tag:yaml.org,2002:bool", _refusing_unreadable(SafeConstructor.construct_yaml_bool, "yes or no")
)


@dataclass
class FrontMatter:
    data: dict
    lines: dict[tuple, int] = field(default_factory=dict)
    first_line: int = 1  # line of the opening fence
    body_line: int = 1  # first line of the body

    def line_of(self, *path, default: int | None = None) -> int:
        """The line of the deepest known key on `path` (falls back to its parents)."""
        for end in range(len(path), 0, -1):
            if path[:end] in self.lines:
                return self.lines[path[:end]]
        return default if default is not None else self.first_line


def split(text: str) -> tuple[str | None, str, int, int]:
    """Return (yaml_text or None, body, yaml_first_line, body_first_line)."""
    lines = text.split("\n")
    if lines[0].rstrip() != FENCE:
        _refuse_misplaced_fence(lines)
        return None, text, 1, 1
    for index in range(1, len(lines)):
        if lines[index].rstrip() in (FENCE, "..."):
            return "\n".join(lines[1:index]), "\n".join(lines[index + 1 :]), 2, index + 2
        if _is_fence_lookalike(lines[index]):
            raise FrontMatterProblem(
                index + 1,
                f"the line `{lines[index].strip()}` that closes the front matter is not `---`",
                "type three hyphens `---` in half-width (English) input mode",
            )
    raise FrontMatterProblem(
        1,
        "the front matter opened with `---` on line 1 is never closed",
        "add a line with just `---` after the last field",
    )


def _is_fence_lookalike(line: str) -> bool:
    stripped = line.strip()
    return bool(stripped) and set(stripped) <= set("-" + _FENCE_LOOKALIKES) and not set(stripped) <= {"-"}


def _refuse_misplaced_fence(lines: list[str]) -> None:
    """A file whose front matter starts with a look-alike of `---`, or not on its first line, would
    otherwise be read as having no front matter at all."""
    first = next((index for index, line in enumerate(lines) if line.strip()), None)
    if first is None:
        return
    if _is_fence_lookalike(lines[first]):
        raise FrontMatterProblem(
            first + 1,
            f"the front matter starts with `{lines[first].strip()}`, which is not `---`",
            "type three hyphens `---` in half-width (English) input mode",
        )
    if lines[first].strip() == FENCE:
        raise FrontMatterProblem(
            first + 1,
            "the front matter's `---` is not at the very start of the file",
            "delete the empty lines and spaces before the first `---`",
        )


def parse(text: str) -> tuple[FrontMatter | None, str]:
    """Parse a Markdown file's text into (front matter or None, body)."""
    yaml_text, body, yaml_line, body_line = split(text)
    if yaml_text is None:
        return None, body
    front = _parse_yaml(
        yaml_text, yaml_line, MAX_FRONT_MATTER_CHARS, "keep long text in the body, not the front matter", _KEY_MISTYPED
    )
    front.body_line = body_line
    return front, body


def parse_document(text: str) -> FrontMatter:
    """A whole YAML file of fields (docs/_data/*.yml), read as front matter is: every key with its
    line, and the same explanations of typing mistakes."""
    return _parse_yaml(text, 1, MAX_DOCUMENT_CHARS, "split the file, or remove pasted data", _ANY_KEY_MISTYPED)


def key_lines(path: Path) -> dict[tuple, int]:
    """The line of every key of a YAML file such as mkdocs.yml, by path: `("plugins", 2, "i18n",
    "languages")`. Only the file's structure is read, so tags (`!ENV`, `!!python/name:…`) need no
    constructor; {} for a file that cannot be read or is not YAML (MkDocs itself says why)."""
    try:
        loader = _Loader(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError):
        return {}
    try:
        node = loader.get_single_node()
    except yaml.YAMLError:
        return {}
    finally:
        loader.dispose()
    lines: dict[tuple, int] = {}
    if node is not None:
        _collect_lines(node, (), 1, lines, duplicates_allowed=True)
    return lines


def _parse_yaml(yaml_text: str, yaml_line: int, limit: int, shorten: str, mistyped: re.Pattern) -> FrontMatter:
    if len(yaml_text) > limit:
        raise FrontMatterProblem(
            1, f"the front matter is {len(yaml_text):,} characters long, more than {limit:,}", shorten
        )
    unreadable = _NOT_YAML_TEXT.search(yaml_text)
    if unreadable:
        raise FrontMatterProblem(
            yaml_line + yaml_text.count("\n", 0, unreadable.start()),
            f"the front matter contains an invisible control character (U+{ord(unreadable.group()):04X})",
            "delete it; such characters come with text copied from PDFs and chat apps",
        )
    loader = _Loader(yaml_text)
    try:
        node = loader.get_single_node()
        if node is None:
            return FrontMatter({}, {}, 1)
        if _could_be_unreasonable(yaml_text):
            _refuse_unreasonable_nodes(node, yaml_line)
        data = loader.construct_document(node)
    except yaml.MarkedYAMLError as error:
        opened = _unclosed(error, yaml_text)
        mark = error.context_mark if opened else error.problem_mark or error.context_mark
        line = yaml_line + (mark.line if mark else 0)
        message, fix = opened or (_plain_yaml_problem(error), _yaml_fix(error))
        mistake = _typing_mistake(yaml_text, yaml_line, mistyped, line)
        raise mistake or FrontMatterProblem(line, message, fix) from None
    except yaml.YAMLError as error:
        raise FrontMatterProblem(
            yaml_line, f"the front matter is not valid YAML ({error})", "check the front matter's syntax"
        ) from None
    finally:
        loader.dispose()
    if not isinstance(data, dict):
        raise _typing_mistake(yaml_text, yaml_line, mistyped) or FrontMatterProblem(
            yaml_line,
            "the front matter must be a list of `field: value` lines",
            "write each field as `name: value`, one per line",
        )
    lines: dict[tuple, int] = {}
    _collect_lines(node, (), yaml_line, lines)
    return FrontMatter(data, lines, 1)


def _collect_lines(
    node: yaml.Node, path: tuple, offset: int, out: dict[tuple, int], *, duplicates_allowed: bool = False
) -> None:
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            key = key_node.value if isinstance(key_node, yaml.ScalarNode) else None
            if key is None:
                continue
            line = offset + key_node.start_mark.line
            if path + (key,) in out and not duplicates_allowed:
                # YAML keeps the last one silently, and an edit of the first would never show
                raise FrontMatterProblem(
                    line,
                    f"the field `{key}` is given twice (first on line {out[path + (key,)]})",
                    "keep one of them: merge what they say and delete the other",
                )
            out[path + (key,)] = line
            _collect_lines(value_node, path + (key,), offset, out, duplicates_allowed=duplicates_allowed)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            out[path + (index,)] = offset + item.start_mark.line
            _collect_lines(item, path + (index,), offset, out, duplicates_allowed=duplicates_allowed)


def _could_be_unreasonable(yaml_text: str) -> bool:
    """Whether the node tree needs walking: without anchors or aliases nothing expands, and
    without many brackets or deep indentation nothing nests past MAX_NESTING."""
    if "&" in yaml_text or "*" in yaml_text:
        return True
    deepest_indent = max((len(line) - len(line.lstrip(" ")) for line in yaml_text.split("\n")), default=0)
    return yaml_text.count("[") + yaml_text.count("{") + deepest_indent // 2 >= MAX_NESTING


def _refuse_unreasonable_nodes(node: yaml.Node, offset: int) -> None:
    """Refuse, before building any value, node trees that are too deep, contain themselves through
    an alias, or expand into a huge document (billion laughs)."""
    sizes: dict[int, int] = {}
    unfinished: set[int] = set()

    def size(current: yaml.Node, depth: int) -> int:
        key = id(current)
        if key in sizes:
            return sizes[key]
        line = offset + current.start_mark.line
        if key in unfinished:
            raise FrontMatterProblem(
                line,
                "a YAML alias (`*name`) here refers to the value that contains it",
                "write the values out instead of using `&anchor` and `*alias`",
            )
        if depth > MAX_NESTING:
            raise FrontMatterProblem(
                line,
                f"the front matter is nested more than {MAX_NESTING} levels deep",
                "check the brackets and the indentation; fields go at most three levels deep",
            )
        unfinished.add(key)
        children = []
        if isinstance(current, yaml.MappingNode):
            children = [child for pair in current.value for child in pair]
        elif isinstance(current, yaml.SequenceNode):
            children = current.value
        total = 1 + sum(size(child, depth + 1) for child in children)
        unfinished.discard(key)
        sizes[key] = total
        if total > MAX_EXPANDED_NODES:
            raise FrontMatterProblem(
                line,
                "the front matter repeats itself through YAML aliases into a huge document",
                "write the values out instead of using `&anchor` and `*alias`",
            )
        return total

    size(node, 0)


def _typing_mistake(
    yaml_text: str, offset: int, mistyped: re.Pattern, last_line: int | None = None
) -> FrontMatterProblem | None:
    """The first line up to `last_line` that was typed in Chinese input mode or indented with a tab:
    a likelier cause, and a clearer message, than the YAML error it leads to a line or two later."""
    for number, line in enumerate(yaml_text.split("\n"), offset):
        if last_line is not None and number > last_line:
            return None
        indentation = line[: len(line) - len(line.lstrip(" \t"))]
        if "\t" in indentation:
            return FrontMatterProblem(number, "the line is indented with a tab", "indent with spaces, never tabs")
        typed = mistyped.match(line)
        if not typed:
            continue
        key, mark = typed["key"], typed["mark"]
        if mark == "：":
            message = f"the colon after `{key}` is a full-width (Chinese) colon `：`"
            fix = f"type the colon in half-width (English) input mode: `{key}: …`"
        elif line[typed.end()] == "\u3000":
            message = f"the space after `{key}:` is a full-width (Chinese) space"
            fix = f"type the space in half-width (English) input mode: `{key}: …`"
        else:
            message = f"there is no space after `{key}:`"
            fix = f"put a space after the colon: `{key}: …`"
        return FrontMatterProblem(number, message, fix)
    return None


# what YAML says when a quote or bracket runs on to the end of the front matter: the problem
# starts where it was opened (its context mark), not where YAML gave up
_OPENERS = {
    ("while scanning a quoted scalar", "found unexpected end of stream"): "quote",
    ("while parsing a flow sequence", "did not find expected ',' or ']'"): "[",
    ("while parsing a flow mapping", "did not find expected ',' or '}'"): "{",
}
_CLOSERS = {"quote": "”’」』", "[": "］】」", "{": "｝"}


def _unclosed(error: yaml.MarkedYAMLError, yaml_text: str) -> tuple[str, str] | None:
    """(message, fix) when a quote or bracket is opened and never closed, else None."""
    kind = _OPENERS.get(((error.context or "").strip(), (error.problem or "").strip()))
    if kind is None or error.context_mark is None:
        return None
    line = yaml_text.split("\n")[error.context_mark.line]
    opening = line[error.context_mark.column] if kind == "quote" else kind
    rest = line[error.context_mark.column + 1 :]
    chinese = next((char for char in rest if char in _CLOSERS[kind]), None)
    closing = {"[": "]", "{": "}"}.get(opening, opening)
    if chinese:
        return (
            f"the value opens with `{opening}` but ends with the full-width (Chinese) `{chinese}`",
            f"type the closing `{closing}` in half-width (English) input mode",
        )
    return (
        f"the `{opening}` opened on this line is never closed",
        f"end the value with `{closing}` on the same line"
        + (f", e.g. title: {opening}夜市重开{closing}" if kind == "quote" else ", e.g. text: [张凯鹏]" if kind == "[" else ""),
    )


def _plain_yaml_problem(error: yaml.MarkedYAMLError) -> str:
    problem = (error.problem or error.context or "is not valid YAML").strip()
    if "mapping values are not allowed" in problem:
        return "a value contains `: ` (colon and space), which YAML reads as a new field"
    if "could not find expected ':'" in problem:
        return "a line is neither `field: value` nor a list item"
    if "found character '\\t'" in problem:
        return "the front matter contains a tab character"
    if "found undefined alias" in problem:
        return "the front matter uses a YAML alias (`*name`) that is never defined"
    return f"the front matter is not valid YAML: {problem}"


def _yaml_fix(error: yaml.MarkedYAMLError) -> str:
    problem = error.problem or ""
    if "\\t" in problem:
        return "indent with spaces, never tabs"
    if "cannot be read as" in problem:
        return "put the value in double quotes if it is text, and remove any `!!` before it"
    if "mapping values" in problem:
        return 'put the whole value in double quotes, e.g. title: "…"'
    return "compare the line with the examples in the journalists' guide"


def yaml_line(name: str, value) -> str:
    """`name: value` with YAML's own quoting; a list inline (`text: [张凯鹏]`) as the guide writes it."""
    # flow style None puts a list of plain values inline and, around a lone value, braces
    style = None if isinstance(value, list) else False
    return yaml.safe_dump(
        {name: value}, allow_unicode=True, default_flow_style=style, sort_keys=False, width=1 << 30
    ).rstrip("\n")


def parse_date(value) -> dt.date | None:
    """A real calendar date from `YYYY-MM-DD` (text or date), else None."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value.strip()):
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError:
            return None
    return None
