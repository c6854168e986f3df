"""What HTML a story may hold: an allowlist, applied by nh3 (Rust's ammonia) to every page body.

The build passes the HTML that Markdown made from a story or page through `clean` before it is
marked safe; the check passes each block through `removals`, which says what `clean` would take
out, so that the writer hears about it with the file and line. One allowlist serves both: what
the check reports is exactly what the page loses.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from html.parser import HTMLParser

import nh3
from markupsafe import Markup

# What a news story needs: text structure, links, lists, quotes, tables, the photo markup the
# templates make (newsroom/fragments.html) and the ids Markdown gives headings.
ALLOWED_TAGS = frozenset(
    {
        *("p", "br", "hr", "h1", "h2", "h3", "h4", "h5", "h6"),
        *("em", "strong", "b", "i", "s", "del", "ins", "mark", "small", "sup", "sub", "abbr", "cite", "q"),
        *("code", "pre", "span", "div", "blockquote", "a"),
        *("ul", "ol", "li", "dl", "dt", "dd"),
        *("table", "caption", "thead", "tbody", "tfoot", "tr", "th", "td"),
        *("figure", "figcaption", "img", "time"),
    }
)
ALLOWED_ATTRIBUTES = {
    "*": {"id", "lang", "title"},
    "a": {"href", "hreflang"},
    "img": {"src", "srcset", "sizes", "width", "height", "alt", "loading", "fetchpriority", "decoding"},
    "ol": {"start", "reversed"},
    "td": {"colspan", "rowspan"},
    "th": {"colspan", "rowspan", "scope"},
    "time": {"datetime"},
}
# the classes the templates and stylesheet give story markup
ALLOWED_CLASSES = {
    "figure": {"nr-photo", "nr-photo--lead"},
    "span": {"nr-photo__caption", "nr-photo__credit"},
    "hr": {"nr-break"},
}
URL_SCHEMES = frozenset({"http", "https", "mailto"})
_IMAGE_URLS = {("img", "src"), ("img", "srcset")}
# removed with what they hold, not only their tags
_REMOVED_WITH_CONTENT = frozenset({"script", "style"})


def _is_remote(url: str) -> bool:
    return "//" in url.split(",")[0].split("?")[0] or ":" in url.split("/")[0]


def _keep_attribute(tag: str, name: str, value: str) -> str | None:
    """Photos come from the story's own images/ folder: an image from another host is removed,
    as the Content-Security-Policy would block it anyway."""
    if (tag, name) in _IMAGE_URLS and _is_remote(value.strip()):
        return None
    return value


@functools.cache
def _cleaner() -> nh3.Cleaner:
    """Made once: ammonia's set-up costs more than cleaning one block, and a page has dozens."""
    return nh3.Cleaner(
        tags=set(ALLOWED_TAGS),
        clean_content_tags=set(_REMOVED_WITH_CONTENT),
        attributes={tag: set(names) for tag, names in ALLOWED_ATTRIBUTES.items()},
        allowed_classes={tag: set(names) for tag, names in ALLOWED_CLASSES.items()},
        attribute_filter=_keep_attribute,
        url_schemes=set(URL_SCHEMES),
        link_rel=None,
        strip_comments=True,
    )


def clean(html: str) -> Markup:
    """The HTML with everything outside the allowlist removed; safe to put on a page."""
    return Markup(_cleaner().clean(html))


@dataclass(frozen=True)
class Removal:
    """One thing `clean` takes out: a tag, or an attribute of a tag that stays."""

    tag: str
    attribute: str = ""
    value: str = ""


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, list[tuple[str, str]]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, [(name, value or "") for name, value in attrs]))


def _tags(html: str) -> list[tuple[str, list[tuple[str, str]]]]:
    parser = _Tags()
    parser.feed(html)
    parser.close()
    return parser.tags


def removals(html: str) -> list[Removal]:
    """What `clean` removes from `html`, in the order it appears: the tags as they were written
    next to the tags that are left, so that the check names what the writer typed."""
    kept = _tags(clean(html))
    found: list[Removal] = []
    position = 0
    for tag, attributes in _tags(html):
        if position < len(kept) and kept[position][0] == tag:
            left = set(kept[position][1])
            found += [Removal(tag, name, value) for name, value in attributes if (name, value) not in left]
            position += 1
        else:
            found.append(Removal(tag))
    return found
