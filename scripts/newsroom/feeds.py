"""An Atom feed per language, and the sitemap with its language alternates: both from the model,
so they list exactly the pages that exist in each language, in a stable order."""

from __future__ import annotations

import datetime as dt
from xml.sax.saxutils import escape, quoteattr

from .seo import HREFLANG, absolute, alternates
from .site import Site

FEED_FILE = "feed.xml"


def _timestamp(date: dt.date | None) -> str:
    return f"{(date or dt.date(1970, 1, 1)).isoformat()}T00:00:00Z"


def atom_feed(site: Site, lang: str, urls, site_url: str, title: str, contents: dict[str, str]) -> str:
    """The stories published in `lang`, newest first; `contents` maps slug to the rendered body."""
    stories = [story for story in site.stories if story.is_published_in(lang)]
    home = absolute(site_url, urls.home(lang))
    updated = _timestamp(max((story.date for story in stories if story.date), default=None))
    lines = [
        '<?xml version="1.0" encoding="utf-8"?>',
        f'<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="{HREFLANG[lang]}">',
        f"  <title>{escape(title)}</title>",
        f"  <id>{escape(home)}</id>",
        f'  <link rel="alternate" type="text/html" href={quoteattr(home)}/>',
        f'  <link rel="self" type="application/atom+xml" href={quoteattr(absolute(site_url, urls.home(lang) + FEED_FILE))}/>',
        f"  <updated>{updated}</updated>",
    ]
    for story in stories:
        story_file = story.file(lang)
        link = absolute(site_url, urls.story(story, lang))
        lines += [
            "  <entry>",
            f"    <title>{escape(story_file.text_field('title'))}</title>",
            f"    <id>{escape(link)}</id>",
            f'    <link rel="alternate" type="text/html" href={quoteattr(link)}/>',
            f"    <published>{_timestamp(story.date)}</published>",
            f"    <updated>{_timestamp(story_file.translation_updated or story.date)}</updated>",
            *[f"    <author><name>{escape(name)}</name></author>" for name in _authors(site, story_file)],
            f"    <summary>{escape(story_file.text_field('summary'))}</summary>",
        ]
        if story.slug in contents:
            # relative links and images in the body resolve against the story's own address
            lines.append(
                f'    <content type="html" xml:base={quoteattr(link)}>{escape(contents[story.slug])}</content>'
            )
        lines.append("  </entry>")
    lines.append("</feed>")
    return "\n".join(lines) + "\n"


def _authors(site: Site, story_file) -> list[str]:
    people = [site.registry.contributor(name) for name in story_file.byline("text")]
    return [person.name(story_file.lang) for person in people if person]


def sitemap(site_url: str, pages: list[tuple[dict[str, str], str]], only: str | None = None) -> str:
    """`pages`: (site-relative URL per language, last modification date or "") for every page;
    with `only`, the pages of that language (a sitemap below /en/ may list only what is below it)."""
    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">',
    ]
    for url_by_lang, lastmod in pages:
        languages = alternates(site_url, url_by_lang)
        for lang, url in url_by_lang.items():
            if only and lang != only:
                continue
            lines.append("  <url>")
            lines.append(f"    <loc>{escape(absolute(site_url, url))}</loc>")
            if lastmod:
                lines.append(f"    <lastmod>{lastmod}</lastmod>")
            lines += [
                f'    <xhtml:link rel="alternate" hreflang="{code}" href={quoteattr(href)}/>'
                for code, href in languages
            ]
            lines.append("  </url>")
    lines.append("</urlset>")
    return "\n".join(lines) + "\n"


def robots(site_url: str) -> str:
    return f"User-agent: *\nAllow: /\n\nSitemap: {absolute(site_url, 'sitemap.xml')}\n"
