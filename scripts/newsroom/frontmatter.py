"""Split a Markdown file into YAML front matter and body, keeping line numbers for every field.

Parsing goes through PyYAML's safe loader (the C one when available, as MkDocs does), but
composes the node tree first so that each key keeps the line it was written on: a journalist
is told `index.en.md:12`, not just the field's name.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

import yaml

try:
    from yaml import CSafeLoader as _BaseLoader
except ImportError:  # pragma: no cover - PyYAML without libyaml
    from yaml import SafeLoader as _BaseLoader

FENCE = "---"
MAX_FRONT_MATTER_CHARS = 64_000
MAX_ALIASES = 100


class FrontMatterProblem(Exception):
    def __init__(self, line: int, message: str, fix: str):
        super().__init__(message)
        self.line = line
        self.message = message
        self.fix = fix


class _Loader(_BaseLoader):
    """Safe loader that keeps dates as text, so that `2025-02-30` is our finding, not a crash."""


_Loader.add_constructor("tag:yaml.org,2002:timestamp", lambda loader, node: loader.construct_scalar(node))


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
    if not lines or lines[0].rstrip() != FENCE:
        return None, text, 1, 1
    for index in range(1, len(lines)):
        if lines[index].rstrip() in (FENCE, "..."):
            return "\n".join(lines[1:index]), "\n".join(lines[index + 1 :]), 2, index + 2
    raise FrontMatterProblem(
        1,
        "the front matter opened with `---` on line 1 is never closed",
        "add a line with just `---` after the last field",
    )


def parse(text: str) -> tuple[FrontMatter | None, str]:
    """Parse a Markdown file's text into (front matter or None, body)."""
    yaml_text, body, yaml_line, body_line = split(text)
    if yaml_text is None:
        return None, body
    if len(yaml_text) > MAX_FRONT_MATTER_CHARS:
        raise FrontMatterProblem(
            1,
            f"the front matter is {len(yaml_text):,} characters long, more than {MAX_FRONT_MATTER_CHARS:,}",
            "keep long text in the body, not the front matter",
        )
    loader = _Loader(yaml_text)
    try:
        node = loader.get_single_node()
        if node is None:
            return FrontMatter({}, {}, 1, body_line), body
        _refuse_alias_bombs(node)
        data = loader.construct_document(node)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = yaml_line + (mark.line if mark else 0)
        raise FrontMatterProblem(line, _plain_yaml_problem(error), _yaml_fix(error)) from None
    except yaml.YAMLError as error:
        raise FrontMatterProblem(
            yaml_line, f"the front matter is not valid YAML ({error})", "check the front matter's syntax"
        ) from None
    finally:
        loader.dispose()
    if not isinstance(data, dict):
        raise FrontMatterProblem(
            yaml_line,
            "the front matter must be a list of `field: value` lines",
            "write each field as `name: value`, one per line",
        )
    lines: dict[tuple, int] = {}
    _collect_lines(node, (), yaml_line, lines)
    return FrontMatter(data, lines, 1, body_line), body


def _collect_lines(node: yaml.Node, path: tuple, offset: int, out: dict[tuple, int]) -> None:
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            key = key_node.value if isinstance(key_node, yaml.ScalarNode) else None
            if key is None:
                continue
            out[path + (key,)] = offset + key_node.start_mark.line
            _collect_lines(value_node, path + (key,), offset, out)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            out[path + (index,)] = offset + item.start_mark.line
            _collect_lines(item, path + (index,), offset, out)


def _refuse_alias_bombs(node: yaml.Node) -> None:
    """Count the nodes an expansion would produce; refuse documents that blow up (billion laughs)."""
    seen: dict[int, int] = {}

    def size(current: yaml.Node) -> int:
        key = id(current)
        if key in seen:
            return seen[key]
        seen[key] = 1  # guards against recursive aliases
        total = 1
        if isinstance(current, yaml.MappingNode):
            total += sum(size(k) + size(v) for k, v in current.value)
        elif isinstance(current, yaml.SequenceNode):
            total += sum(size(item) for item in current.value)
        seen[key] = total
        if total > 100_000:
            raise FrontMatterProblem(
                1 + current.start_mark.line,
                "the front matter repeats itself through YAML aliases into a huge document",
                "write the values out instead of using `&anchor` and `*alias`",
            )
        return total

    size(node)


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
    if "mapping values" in problem:
        return 'put the whole value in double quotes, e.g. title: "…"'
    return "compare the line with the examples in the journalists' guide"


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
