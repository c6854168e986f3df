"""`stories.py import`: the plain text of a newspaper page or portal article becomes a new story.

Reading the page is pure (`decode`, `read_layout`, `story_texts`); `import_story` writes the files
and returns a report, and every character of the source ends up either in the story or in that
report. The modules, by role: `decoding` (bytes to text), `shapes` (what a line looks like),
`furniture`, `bylines` and `captions` (what a line is on its own), `layout` (what it is among
its neighbours), `writing` (the two story files) and `command` (the files and the report).
"""

from newsroom.importer.bylines import parse_byline
from newsroom.importer.command import import_story, report
from newsroom.importer.decoding import decode
from newsroom.importer.layout import Layout, read_layout
from newsroom.importer.problem import ImportProblem
from newsroom.importer.writing import story_texts

__all__ = ["ImportProblem", "Layout", "decode", "import_story", "parse_byline", "read_layout", "report", "story_texts"]
