"""Writing YAML: the front matter of new files, and edits that keep a file's comments, key order
and quoting (ruamel.yaml's round trip).

Reading stays with `frontmatter` (PyYAML, as MkDocs reads): what is written here is read back
there, so a text is quoted where PyYAML would read it as something else (`yes`, `on`, `1:20`) or
YAML's syntax needs it (`夜市: 重开`, `[TRANSLATE] …`), and nowhere else. A field left alone by an
edit is written as it was.
"""

from __future__ import annotations

import functools
import io
from collections.abc import Iterable
from typing import TYPE_CHECKING

import yaml as pyyaml

from newsroom.model.frontmatter import FENCE, FrontMatterProblem, split

# ruamel.yaml is imported where it is used: `stories.py check` loads this module and never writes,
# and importing ruamel would add a tenth to its time
if TYPE_CHECKING:
    from ruamel.yaml import YAML
    from ruamel.yaml.comments import CommentedMap

# no line is ever folded: a journalist's field stays on the line it was written on
_NEVER_FOLD = 1 << 30
_TEXT_TAG = "tag:yaml.org,2002:str"
_TIMESTAMP_TAG = "tag:yaml.org,2002:timestamp"


def _writer() -> YAML:
    from ruamel.yaml import YAML

    yaml = YAML()
    yaml.Representer = _keeping_impossible_dates()[1]
    yaml.allow_unicode = True  # 夜市, not \u591c\u5e02
    yaml.width = _NEVER_FOLD
    # the layout of the guide, `new` and `import`: `photos:` then `  - file: …`, `    caption: …`
    yaml.indent(mapping=2, sequence=4, offset=2)
    return yaml


def _reader() -> YAML:
    """ruamel's own reader, for edits only: it keeps comments and quotes, which PyYAML drops."""
    from ruamel.yaml import YAML

    yaml = YAML()
    yaml.preserve_quotes = True
    yaml.Constructor, yaml.Representer = _keeping_impossible_dates()
    return yaml


@functools.cache
def _keeping_impossible_dates() -> tuple[type, type]:
    """ruamel's round trip, except that a date that is no date (`2025-02-30`), which the check
    reports, is kept as written instead of stopping the edit with a ValueError."""
    from ruamel.yaml.constructor import RoundTripConstructor
    from ruamel.yaml.representer import RoundTripRepresenter

    class ImpossibleDate(str):
        pass

    class Constructor(RoundTripConstructor):
        def construct_yaml_timestamp(self, node, values=None):
            try:
                return super().construct_yaml_timestamp(node, values)
            except ValueError:
                return ImpossibleDate(node.value)

    class Representer(RoundTripRepresenter):
        pass

    Constructor.add_constructor(_TIMESTAMP_TAG, Constructor.construct_yaml_timestamp)
    Representer.add_representer(ImpossibleDate, lambda self, date: self.represent_scalar(_TIMESTAMP_TAG, str(date)))
    return Constructor, Representer


def _dumped(data, yaml: YAML) -> str:
    stream = io.StringIO()
    yaml.dump(data, stream)
    return stream.getvalue()


def _as_written(value):
    """`value` ready to dump: fresh containers (a list given twice is written twice, not as an
    alias), lists of plain values inline (`text: [张凯鹏]`, as the guide writes them), an empty
    text as `""`, and quotes around a text that PyYAML would otherwise read as a yes, number or date."""
    from ruamel.yaml.comments import CommentedMap, CommentedSeq
    from ruamel.yaml.scalarstring import DoubleQuotedScalarString, SingleQuotedScalarString

    if isinstance(value, dict):
        return CommentedMap((key, _as_written(item)) for key, item in value.items())
    if isinstance(value, list):
        items = CommentedSeq(_as_written(item) for item in value)
        if not any(isinstance(item, (dict, list)) for item in value):
            items.fa.set_flow_style()
        return items
    if value == "":
        return DoubleQuotedScalarString("")
    if isinstance(value, str) and _read_by_pyyaml_as_other_than_text(value):
        return SingleQuotedScalarString(value)
    return value


def _read_by_pyyaml_as_other_than_text(text: str) -> bool:
    return pyyaml.resolver.Resolver().resolve(pyyaml.ScalarNode, text, (True, False)) != _TEXT_TAG


def new_document(fields: dict) -> str:
    """A new YAML file (a derived mkdocs.yml), the fields in the order given."""
    return _dumped(_as_written(fields), _writer())


def new_front_matter(fields: dict) -> str:
    """`---`-fenced front matter for a new file, the fields in the order given; None is written
    as a blank to fill in (`date:`)."""
    return f"{FENCE}\n{new_document(fields)}{FENCE}\n"


def template(text: str) -> CommentedMap:
    """A front matter template written as YAML with its comments, to `put` values into and `dump`."""
    return _loaded(text, 1)


def put(fields: CommentedMap, path: tuple, value, order: Iterable[str] = ()) -> None:
    """Set the field at `path` (`("photos", 0, "caption")`), making the mappings on the way; a
    top-level field new to the file goes after those that `order` puts before it, others last."""
    from ruamel.yaml.comments import CommentedMap

    *parents, key = path
    record = fields
    for part in parents:
        child = record[part] if isinstance(record, list) else record.get(part)
        if not isinstance(child, (dict, list)):
            child = record[part] = CommentedMap()
        record = child
    order = list(order)
    if key in record or record is not fields or key not in order:
        record[key] = _as_written(value)
        return
    before = set(order[: order.index(key)])
    position = max((index + 1 for index, name in enumerate(record) if name in before), default=0)
    record.insert(position, key, _as_written(value))


def dump(fields: CommentedMap) -> str:
    """A filled-in `template`, fenced, its comments where the template had them."""
    return f"{FENCE}\n{_dumped(fields, _writer())}{FENCE}\n"


def edited(text: str, changes: dict[tuple, object], order: Iterable[str] = ()) -> str:
    """A Markdown file's text with the fields at the `changes`' paths set (see `put`); the other
    fields keep their comments, order and quotes (indentation becomes the guide's), and the
    body is untouched."""
    yaml_text, _, yaml_line, body_line = split(text)
    if yaml_text is None:
        raise FrontMatterProblem(1, "the file has no front matter", "start the file with the fields between `---` lines")
    fields = _loaded(yaml_text, yaml_line)
    for path, value in changes.items():
        put(fields, path, value, order)
    lines = text.split("\n")
    # the fences as written (`---` or a closing `...`), the body byte for byte
    return "\n".join([lines[0], _dumped(fields, _writer()) + "\n".join(lines[body_line - 2 :])])


def _loaded(yaml_text: str, first_line: int) -> CommentedMap:
    from ruamel.yaml.comments import CommentedMap
    from ruamel.yaml.error import MarkedYAMLError, YAMLError

    try:
        fields = _reader().load(yaml_text)
    except MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        raise FrontMatterProblem(
            first_line + (mark.line if mark else 0),
            f"the front matter cannot be rewritten ({error.problem or error.context})",
            "run `python scripts/stories.py check` and fix what it reports, then run the command again",
        ) from None
    except YAMLError as error:
        raise FrontMatterProblem(first_line, f"the front matter cannot be rewritten ({error})", "check its syntax") from None
    if fields is None:
        return CommentedMap()
    if not isinstance(fields, CommentedMap):
        raise FrontMatterProblem(
            first_line,
            "the front matter must be a list of `field: value` lines",
            "write each field as `name: value`, one per line",
        )
    return fields
