"""What a story or series page shows, in one language: plain data for the templates.

URLs here are relative to the site root (`stories/x/`, `en/stories/x/`); `relative_to`
turns them into links from the page being rendered, as MkDocs does for its own links.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from markupsafe import Markup, escape
from mkdocs.utils import get_relative_url
from PIL import Image

from . import labels
from .blocks import BREAK, HEADING, PHOTO, Block
from .registry import Registry
from .schema import SOURCE_LANG, TRANSLATION_LANG
from .site import Site
from .story import STORIES_DIR, Photo, Story, StoryFile


def home_url(lang: str) -> str:
    return "" if lang == SOURCE_LANG else f"{lang}/"


def story_url(story: Story, lang: str) -> str:
    return f"{home_url(lang)}{STORIES_DIR}/{story.slug}/"


def other_language(lang: str) -> str:
    return TRANSLATION_LANG if lang == SOURCE_LANG else SOURCE_LANG


@dataclass
class Link:
    url: str
    title: str
    lang: str = ""


@dataclass
class BylineEntry:
    role: str
    label: str
    people: str  # `记者 张凯鹏` / `Zhang Kaipeng`, several joined as the language does


@dataclass
class StoryView:
    lang: str
    slug: str
    title: str
    deck: str
    summary: str
    series_title: str
    series_url: str
    date_iso: str
    date_text: str
    date_note: str
    byline: list[BylineEntry]
    lead: Markup | None
    other_language: Link | None
    notice: str
    previous: Link | None
    next: Link | None
    thumbnail: Markup | None = None
    url: str = ""
    labels: dict = field(default_factory=dict)


def story_view(site: Site, story: Story, lang: str, page_url: str) -> StoryView:
    story_file = story.file(lang)
    registry = site.registry
    series = registry.series.get(story.series)
    other = other_language(lang)
    older, newer = site.neighbours(story, lang)
    lead = story_file.lead_photo
    return StoryView(
        lang=lang,
        slug=story.slug,
        title=story_file.text_field("title"),
        deck=story_file.text_field("deck"),
        summary=story_file.text_field("summary"),
        series_title=series.title.get(lang, "") if series else "",
        series_url=relative_to(home_url(lang), page_url),
        date_iso=story.date.isoformat() if story.date else "",
        date_text=labels.format_date(story.date, lang, story_file.date_precision) if story.date else "",
        date_note=story_file.text_field("date_note"),
        byline=byline(story_file, registry),
        lead=figure(story, story_file, lead, registry, page_url, lead=True) if lead else None,
        other_language=Link(relative_to(story_url(story, other), page_url), labels.label(lang, "other_language"), other)
        if story.is_published_in(other)
        else None,
        notice=translation_notice(story, lang),
        previous=_story_link(older, lang, page_url),
        next=_story_link(newer, lang, page_url),
        thumbnail=figure(story, story_file, lead, registry, page_url, thumbnail=True) if lead else None,
        url=relative_to(story_url(story, lang), page_url),
        labels=labels.LABELS[lang],
    )


def _story_link(story: Story | None, lang: str, page_url: str) -> Link | None:
    if story is None:
        return None
    return Link(relative_to(story_url(story, lang), page_url), story.file(lang).text_field("title"), lang)


def relative_to(url: str, page_url: str) -> str:
    return get_relative_url(url or ".", page_url or ".")


def byline(story_file: StoryFile, registry: Registry) -> list[BylineEntry]:
    entries = []
    for role in ("text", "photos", "translation"):
        people = [registry.contributor(name) for name in story_file.byline(role)]
        people = [person for person in people if person]
        if people:
            entries.append(
                BylineEntry(role, labels.label(story_file.lang, f"role.{role}"), labels.people(people, story_file.lang))
            )
    return entries


def translation_notice(story: Story, lang: str) -> str:
    """An honest word to readers of a translation that is behind its original, or missing."""
    if lang == SOURCE_LANG:
        return "" if story.is_published_in(TRANSLATION_LANG) else labels.label(lang, "untranslated")
    if story.translation_is_current or not story.translation or not story.translation.translation_source:
        return ""
    updated = story.translation.translation_updated
    if updated:
        return labels.label(lang, "outdated", date=labels.format_date(updated, lang))
    return labels.label(lang, "outdated_undated")


def figure(
    story: Story,
    story_file: StoryFile,
    photo: Photo | None,
    registry: Registry,
    page_url: str,
    *,
    lead: bool = False,
    thumbnail: bool = False,
) -> Markup:
    """A photo with its caption and visible credit, in the page's language."""
    if photo is None:
        return Markup("")
    lang = story_file.lang
    src = relative_to(f"{STORIES_DIR}/{story.slug}/{photo.file}", page_url)
    width, height = image_size(story.image_path(photo.file))
    size = f' width="{width}" height="{height}"' if width else ""
    loading = ' fetchpriority="high"' if lead else ' loading="lazy"'
    img = Markup(f'<img src="{escape(src)}" alt="{escape(photo.alt)}"{size}{loading} decoding="async">')
    if thumbnail:
        return img
    person = registry.contributor(photo.credit)
    credit = labels.label(lang, "credit", name=person.name(lang) if person else photo.credit)
    classes = "nr-photo nr-photo--lead" if lead else "nr-photo"
    return Markup(
        f'<figure class="{classes}">{img}<figcaption>'
        f'<span class="nr-photo__caption">{escape(photo.caption)}</span> '
        f'<span class="nr-photo__credit">{escape(credit)}</span>'
        f"</figcaption></figure>"
    )


@lru_cache(maxsize=4096)
def _image_size(path: str, mtime_ns: int) -> tuple[int, int]:
    try:
        with Image.open(path) as image:
            return image.size
    except (OSError, ValueError):
        return 0, 0


def image_size(path: Path) -> tuple[int, int]:
    try:
        return _image_size(str(path), path.stat().st_mtime_ns)
    except OSError:
        return 0, 0


def story_markdown(site: Site, story: Story, lang: str, page_url: str) -> str:
    """The story body as MkDocs should render it: photos as figures, Chinese lines joined."""
    story_file = story.file(lang)
    parts = []
    for block in story_file.blocks:
        parts.append(_block_markdown(story, story_file, block, site.registry, page_url))
    return "\n\n".join(parts) + "\n"


def _block_markdown(story: Story, story_file: StoryFile, block: Block, registry: Registry, page_url: str) -> str:
    if block.kind == HEADING:
        return f"{'#' * block.level} {block.text}"
    if block.kind == BREAK:
        return '<hr class="nr-break">'
    if block.kind == PHOTO:
        return str(figure(story, story_file, story_file.photo(block.src), registry, page_url))
    return block.text


@dataclass
class SeriesView:
    lang: str
    id: str
    title: str
    subtitle: str
    description: str
    stories: list[StoryView]


def series_view(site: Site, series_id: str, lang: str, page_url: str) -> SeriesView | None:
    series = site.registry.series.get(series_id)
    if series is None:
        return None
    return SeriesView(
        lang,
        series.id,
        series.title.get(lang, ""),
        series.subtitle.get(lang, ""),
        series.description.get(lang, ""),
        [story_view(site, story, lang, page_url) for story in site.stories_in(series_id, lang)],
    )
