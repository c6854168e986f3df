"""Writing YAML: the front matter of new files, and edits that keep a file's comments, key order,
quoting and layout (ruamel.yaml's round trip).

Reading stays with `frontmatter` (PyYAML, as MkDocs reads): what is written here is read back
there, so strings are quoted wherever PyYAML, which follows YAML 1.1, would read them as anything
but text (`yes`, `on`, `1:20`), and nowhere else.
"""

from __future__ import annotations

import functools
import io
from collections.abc import Callable
from typing import TYPE_CHECKING

from newsroom.model.frontmatter import FENCE, FrontMatterProblem, split

# ruamel.yaml is imported where it is used: `stories.py check` loads this module and never writes,
# and importing ruamel would add a tenth to its time
if TYPE_CHECKING:
    from ruamel.yaml import YAML
    from ruamel.yaml.comments import CommentedMap

# no line is ever folded: a journalist's field stays on the line it was written on
_NEVER_FOLD = 1 << 30


@functools.cache
def _read_as_pyyaml() -> type:
    from ruamel.yaml.resolver import VersionedResolver

    class ReadAsPyYaml(VersionedResolver):
        """Decides which strings need quotes by YAML 1.1's rules, which the reader follows."""

        @property
        def processing_version(self):
            return (1, 1)

    return ReadAsPyYaml


def _writer() -> YAML:
    from ruamel.yaml import YAML

    yaml = YAML()
    yaml.Resolver = _read_as_pyyaml()
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
    return yaml


def _dumped(data, yaml: YAML) -> str:
    stream = io.StringIO()
    yaml.dump(data, stream)
    return stream.getvalue()


def new_front_matter(fields: dict) -> str:
    """`---`-fenced front matter for a new file, the fields in the order given: lists of plain
    values inline (`text: [张凯鹏]`, as the guide writes them), an empty text as `""` and None as a
    blank to fill in (`date:`)."""
    return f"{FENCE}\n{_dumped(_laid_out(fields), _writer())}{FENCE}\n"


def _laid_out(value):
    """Fresh containers each time, so that a list given twice is written twice, not as an alias."""
    from ruamel.yaml.comments import CommentedMap, CommentedSeq
    from ruamel.yaml.scalarstring import DoubleQuotedScalarString

    if isinstance(value, dict):
        return CommentedMap((key, _laid_out(item)) for key, item in value.items())
    if isinstance(value, list):
        items = CommentedSeq(_laid_out(item) for item in value)
        if not any(isinstance(item, (dict, list)) for item in value):
            items.fa.set_flow_style()
        return items
    if value == "":
        return DoubleQuotedScalarString("")
    return value


def template(text: str) -> CommentedMap:
    """A front matter template written as YAML with its comments, to fill in and `dump`."""
    return _loaded(text, 1)


def dump(fields: CommentedMap) -> str:
    """A filled-in `template`, fenced, its comments where the template had them."""
    return f"{FENCE}\n{_dumped(fields, _writer())}{FENCE}\n"


def edited(text: str, edit: Callable[[CommentedMap], None]) -> str:
    """A Markdown file's text with `edit` applied to its front matter; the other fields keep
    their comments, order and quotes (indentation becomes the guide's), the body is untouched."""
    yaml_text, _, yaml_line, body_line = split(text)
    if yaml_text is None:
        raise FrontMatterProblem(1, "the file has no front matter", "start the file with the fields between `---` lines")
    fields = _loaded(yaml_text, yaml_line)
    edit(fields)
    front = _dumped(fields, _writer()) if fields else ""
    lines = text.split("\n")
    # the fences as written (`---` or a closing `...`), the body byte for byte
    return "\n".join([lines[0], front + "\n".join(lines[body_line - 2 :])])


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
