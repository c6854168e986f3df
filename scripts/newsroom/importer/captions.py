"""Photo captions: a line is one only when it carries a caption's mark.

The marks: it opens with `图为` (`圖為`), or ends with a photographer's credit (`记者 X 摄`, `X/摄`,
`（X 摄）`, `新华社记者 X 摄`, `图/X`). A short line without a mark is a headline or a subhead.
"""

from __future__ import annotations

import re

from newsroom.importer.bylines import read_byline

_BOUNDARY = re.compile(r"[\s。，；（(]")


def split_credit(text: str) -> tuple[str, list[str]]:
    """`祁县昌源河国家湿地公园 记者 程婧 摄` → (`祁县昌源河国家湿地公园`, [`程婧`]); no credit → (text, [])."""
    for boundary in _BOUNDARY.finditer(text):
        tail = text[boundary.end() :].strip().rstrip("）)").strip()
        if not (tail.endswith(("摄", "攝")) or re.match(r"(?:[图圖]|[摄攝]影)\s*[/／:：]", tail)):
            continue
        names = read_byline(tail)
        caption = text[: boundary.end()].strip().rstrip("（(").strip()
        if names and names.photos and not names.text and caption:
            return caption, names.photos
    return text, []


def caption_of(text: str) -> tuple[str, list[str]] | None:
    """(caption, photographers) when the line is a photo caption, else None."""
    caption, credit = split_credit(text)
    if credit or text.startswith(("图为", "圖為")):
        return caption, credit
    return None
