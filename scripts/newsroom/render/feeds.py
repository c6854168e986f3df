"""An Atom feed per language, and the sitemap with its language alternates: both from the model,
so they list exactly the pages that exist in each language, in a stable order. ElementTree
writes them, escaping every text and attribute as XML requires."""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET

from newsroom.model.site import Site
from newsroom.render.seo import HREFLANG, absolute, alternates

FEED_FILE = "feed.xml"
# the newest stories a feed carries, whole: feed readers fetch the feed again and again, and one
# of every story came to 12.5 MB at 1,000 stories; the rest are in the sitemap and on the home page
FEED_ENTRIES = 50
_ATOM = "http://www.w3.org/2005/Atom"
_SITEMAP = "http://www.sitemaps.org/schemas/sitemap/0.9"
_XHTML = "http://www.w3.org/1999/xhtml"
_XML = "http://www.w3.org/XML/1998/namespace"  # xml:lang, xml:base


def _timestamp(date: dt.date | None) -> str:
    return f"{(date or dt.date(1970, 1, 1)).isoformat()}T00:00:00Z"


def _add(parent: ET.Element, tag: str, text: str | None = None, **attributes: str) -> ET.Element:
    element = ET.SubElement(parent, tag, attributes)
    element.text = text
    return element


def _document(root: ET.Element) -> str:
    # the elements' names are written as they are, their namespaces declared on the root element
    ET.indent(root)
    body = ET.tostring(root, encoding="unicode")
    return '<?xml version="1.0" encoding="utf-8"?>\n' + body + "\n"


def feed_stories(site: Site, lang: str) -> list:
    """The stories the feed of `lang` carries: the newest published in it."""
    return [story for story in site.stories if story.is_published_in(lang)][:FEED_ENTRIES]


def atom_feed(site: Site, lang: str, urls, site_url: str, title: str, contents: dict[str, str]) -> str:
    """The newest stories published in `lang`, newest first; `contents` maps slug to the rendered body."""
    stories = feed_stories(site, lang)
    home = absolute(site_url, urls.home(lang))
    feed = ET.Element("feed", {"xmlns": _ATOM, f"{{{_XML}}}lang": HREFLANG[lang]})
    _add(feed, "title", title)
    _add(feed, "id", home)
    _add(feed, "link", rel="alternate", type="text/html", href=home)
    _add(feed, "link", rel="self", type="application/atom+xml", href=absolute(site_url, urls.home(lang) + FEED_FILE))
    _add(feed, "updated", _timestamp(max((story.date for story in stories if story.date), default=None)))
    for story in stories:
        story_file = story.file(lang)
        link = absolute(site_url, urls.story(story, lang))
        entry = _add(feed, "entry")
        _add(entry, "title", story_file.text_field("title"))
        _add(entry, "id", link)
        _add(entry, "link", rel="alternate", type="text/html", href=link)
        _add(entry, "published", _timestamp(story.date))
        _add(entry, "updated", _timestamp(story_file.translation_updated or story.date))
        for name in _authors(site, story_file):
            _add(_add(entry, "author"), "name", name)
        _add(entry, "summary", story_file.text_field("summary"))
        if story.slug in contents:
            # relative links and images in the body resolve against the story's own address
            # plain text for ElementTree: Markup would escape what ElementTree escapes, twice
            _add(entry, "content", str(contents[story.slug]), type="html", **{f"{{{_XML}}}base": link})
    return _document(feed)


def _authors(site: Site, story_file) -> list[str]:
    people = [site.registry.contributor(name) for name in story_file.byline("text")]
    return [person.name(story_file.lang) for person in people if person]


def sitemap(site_url: str, pages: list[tuple[dict[str, str], str]], only: str | None = None) -> str:
    """`pages`: (site-relative URL per language, last modification date or "") for every page;
    with `only`, the pages of that language (a sitemap below /en/ may list only what is below it)."""
    urlset = ET.Element("urlset", {"xmlns": _SITEMAP, "xmlns:xhtml": _XHTML})
    for url_by_lang, lastmod in pages:
        languages = alternates(site_url, url_by_lang)
        for lang, url in url_by_lang.items():
            if only and lang != only:
                continue
            entry = _add(urlset, "url")
            _add(entry, "loc", absolute(site_url, url))
            if lastmod:
                _add(entry, "lastmod", lastmod)
            for code, href in languages:
                _add(entry, "xhtml:link", rel="alternate", hreflang=code, href=href)
    return _document(urlset)


def robots(site_url: str) -> str:
    return f"User-agent: *\nAllow: /\n\nSitemap: {absolute(site_url, 'sitemap.xml')}\n"
