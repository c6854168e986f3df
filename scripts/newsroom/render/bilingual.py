"""The bilingual reading view (中英对照): a story's paragraphs in pairs, Chinese then English.

It is published for stories whose two files are in step (`Site.has_bilingual_view`), as a page
of its own that needs no JavaScript, at `stories/<slug>/bilingual/`; every pair has an anchor a
reader can link to. This module makes all of its data; `overrides/bilingual.html` and the
`bilingual_body` macro print it. Its paragraphs are not rendered again: they are the HTML each
story page was rendered to, block by block (`block_marks`), already through the allowlist.
"""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup

from newsroom.model import alignment
from newsroom.model.blocks import BREAK, HEADING, PARAGRAPH, PHOTO
from newsroom.model.schema import SOURCE_LANG
from newsroom.model.site import Site
from newsroom.model.story import STORIES_DIR, Story
from newsroom.render import labels, views
from newsroom.render.views import FigureView, StoryView, Urls

VIEW_SRC_DIR = "bilingual"  # below the story's folder


def src_uri(story: Story, home: str = "") -> str:
    """The view as a page of the site, as if it were a file `stories/<slug>/bilingual/index.md`
    below its Chinese's home."""
    return f"{home}{STORIES_DIR}/{story.slug}/{VIEW_SRC_DIR}/index.md"


@dataclass(frozen=True)
class Part:
    """One row of the view: a paragraph pair, a heading pair, a photo with both captions, or a
    section break."""

    kind: str
    anchor: str = ""
    numbers: str = ""  # as readers see it: `3`, or `3–4` for paragraphs the translation merged
    zh: Markup | str = ""
    en: Markup | str = ""
    photo: FigureView | None = None


@dataclass(frozen=True)
class BilingualBody:
    parts: tuple[Part, ...]
    pair_label: str


@dataclass(frozen=True)
class BilingualView:
    title: str  # for <title>: both headlines
    story: StoryView  # the header: kicker, both headlines, byline with the translator, lead photo
    body: BilingualBody


def view(
    site: Site, story: Story, urls: Urls, paragraphs: dict[str, list[Markup]], chinese: str = SOURCE_LANG
) -> BilingualView:
    """The view of `story` in `chinese` (the Chinese or the Traditional edition) and English;
    `paragraphs` holds each language's rendered paragraphs, in order."""
    page_url = urls.bilingual(story, chinese)
    header = views.story_view(site, story, chinese, page_url, urls)
    header.bilingual_view = True
    # the Chinese byline, and the translator the English one names
    header.byline += views.byline(story.translation, site.registry, chinese, roles=("translation",))
    zh, en = story.file(chinese), story.translation
    if zh.lead_photo:
        header.lead = views.figure(story, zh, zh.lead_photo, site.registry, page_url, lead=True, translated=en.lead_photo)
    title = f"{zh.text_field('title')} · {en.text_field('title')}"
    return BilingualView(title, header, _body(site, story, page_url, paragraphs, chinese))


def _body(site: Site, story: Story, page_url: str, paragraphs: dict[str, list[Markup]], chinese: str) -> BilingualBody:
    zh, en = story.file(chinese), story.translation
    pairs = alignment.align(zh.blocks, en.blocks, en.alignment).pairs
    rendered = {
        id(block): paragraphs[lang][number]
        for lang, blocks in ((zh.lang, zh.blocks), (en.lang, en.blocks))
        for number, block in enumerate(block for block in blocks if block.kind == PARAGRAPH)
    }
    headings = 0
    parts = []
    for pair in pairs:
        if pair.kind == BREAK:
            parts.append(Part(BREAK))
        elif pair.kind == PHOTO:
            zh_photo = zh.photo(pair.zh[0].src)
            if zh_photo:
                photo = views.figure(story, zh, zh_photo, site.registry, page_url, translated=en.photo(pair.en[0].src))
                parts.append(Part(PHOTO, photo=photo))
        elif pair.kind == HEADING:
            headings += 1
            parts.append(Part(HEADING, f"h-{headings}", zh=pair.zh[0].text, en=pair.en[0].text))
        elif pair.kind == PARAGRAPH:
            first, last = pair.zh_numbers[0], pair.zh_numbers[-1]
            parts.append(
                Part(
                    PARAGRAPH,
                    f"p{first}",
                    f"{first}" if first == last else f"{first}–{last}",
                    zh=Markup("").join(rendered[id(block)] for block in pair.zh),
                    en=Markup("").join(rendered[id(block)] for block in pair.en),
                )
            )
    return BilingualBody(tuple(parts), labels.label(chinese, "pair"))
