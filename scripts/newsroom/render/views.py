"""What a story or series page shows, in one language: plain data for the templates.

URLs here are relative to the site root (`stories/x/`, `en/stories/x/`); `relative_to`
turns them into links from the page being rendered, as MkDocs does for its own links.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote

from mkdocs.utils import get_relative_url
from PIL import Image as PILImage

from newsroom.model.blocks import BREAK, PHOTO, Block
from newsroom.model.registry import Registry
from newsroom.model.schema import SOURCE_LANG, TRADITIONAL_LANG, TRANSLATION_LANG, base_language
from newsroom.model.site import Page, Site
from newsroom.model.story import STORIES_DIR, Photo, Story, StoryFile
from newsroom.render import block_marks, images, labels, placeholder


@dataclass(frozen=True)
class Urls:
    """Where each language lives in this build: the default at the root, the others below it.

    A preview builds one language only, at the root, so this follows the build's settings.
    """

    default_language: str = SOURCE_LANG
    languages: tuple[str, ...] = (SOURCE_LANG, TRANSLATION_LANG)

    def home(self, lang: str) -> str:
        return "" if lang == self.default_language else f"{lang}/"

    def story(self, story: Story, lang: str) -> str:
        return f"{self.home(lang)}{STORIES_DIR}/{story.slug}/"

    def is_built(self, lang: str) -> bool:
        return lang in self.languages

    def page(self, key: str, lang: str) -> str:
        """The URL of a page that is not a story, from its path without language (`about.md`)."""
        folder, _, name = key.removesuffix(".md").rpartition("/")
        path = f"{folder}/" if folder else ""
        return f"{self.home(lang)}{path}" + ("" if name == "index" else f"{name}/")

    def bilingual(self, story: Story, chinese: str = SOURCE_LANG) -> str:
        """The bilingual view pairs the English with the Chinese, or with the Traditional edition,
        and lives with that Chinese."""
        return f"{self.home(chinese)}{STORIES_DIR}/{story.slug}/bilingual/"

    def chinese_editions(self) -> tuple[str, ...]:
        """The Chinese of each bilingual view of this build: none unless English is built too."""
        if not self.is_built(TRANSLATION_LANG):
            return ()
        return tuple(lang for lang in self.languages if base_language(lang) == SOURCE_LANG)

    def page_languages(self, key: str, page: Page) -> dict[str, str]:
        """A page's URL in each language it has and that is built."""
        return {lang: self.page(key, lang) for lang in self.languages if lang in page.files}

    def story_languages(self, story: Story) -> dict[str, str]:
        """The story's URL in each language it is published and built in."""
        return {lang: self.story(story, lang) for lang in self.languages if story.is_published_in(lang)}


def other_language(lang: str) -> str:
    return TRANSLATION_LANG if base_language(lang) == SOURCE_LANG else SOURCE_LANG


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
    lead: FigureView | None
    other_language: Link | None
    notice: str
    previous: Link | None
    next: Link | None
    thumbnail: Image | None = None
    url: str = ""
    bilingual_url: str = ""
    other_title: str = ""
    labels: dict = field(default_factory=dict)
    reading_time: str = ""
    languages: list[Link] = field(default_factory=list)  # the masthead's language switch
    bilingual_view: bool = False


def story_view(site: Site, story: Story, lang: str, page_url: str, urls: Urls) -> StoryView:
    story_file = story.file(lang)
    registry = site.registry
    series = registry.series.get(story.series)
    other = other_language(lang)
    older, newer = site.neighbours(story, lang)
    # a reader of the Traditional edition pairs the English with it; the others with the Chinese
    bilingual_chinese = lang if lang == TRADITIONAL_LANG else SOURCE_LANG
    lead = story_file.lead_photo
    return StoryView(
        lang=lang,
        slug=story.slug,
        title=story_file.text_field("title"),
        deck=story_file.text_field("deck"),
        summary=story_file.text_field("summary"),
        series_title=series.title.get(lang, "") if series else "",
        series_url=relative_to(urls.home(lang), page_url),
        date_iso=story.date.isoformat() if story.date else "",
        date_text=labels.format_date(story.date, lang, story_file.date_precision) if story.date else "",
        date_note=story_file.text_field("date_note"),
        byline=byline(story_file, registry),
        lead=figure(story, story_file, lead, registry, page_url, lead=True) if lead else None,
        other_language=Link(
            relative_to(urls.story(story, other), page_url), labels.label(lang, "other_language"), other
        )
        if story.is_published_in(other) and urls.is_built(other)
        else None,
        notice=translation_notice(story, lang),
        previous=_story_link(older, lang, page_url, urls),
        next=_story_link(newer, lang, page_url, urls),
        thumbnail=image(story, lead, page_url, CARD_SIZES) if lead else None,
        url=relative_to(urls.story(story, lang), page_url),
        labels=labels.table(lang),
        bilingual_url=relative_to(urls.bilingual(story, bilingual_chinese), page_url)
        if bilingual_chinese in urls.chinese_editions() and site.has_bilingual_view(story)
        else "",
        other_title=story.file(other).text_field("title") if story.is_published_in(other) else "",
        reading_time=labels.label(lang, "reading_time", minutes=reading_minutes(story_file)),
        languages=[switch_link(story, language, page_url, urls) for language in urls.languages],
    )


def switch_link(story: Story, lang: str, page_url: str, urls: Urls) -> Link:
    """Where the language switch takes a reader of `story`: the story in `lang`, or that
    language's home page while the story has no translation."""
    url = urls.story(story, lang) if story.is_published_in(lang) else urls.home(lang)
    return Link(relative_to(url, page_url), labels.language_name(lang, urls.languages), lang)


def page_switch(url_by_lang: dict[str, str], page_url: str, urls: Urls, absolute_base: str = "") -> list[Link]:
    """The language switch of a page that is not a story: the page in each language it has, else
    that language's home; with `absolute_base` (the 404 page), addresses from the site's root."""
    links = []
    for lang in urls.languages:
        url = url_by_lang.get(lang, urls.home(lang))
        links.append(
            Link(
                absolute_base + url if absolute_base else relative_to(url, page_url),
                labels.language_name(lang, urls.languages),
                lang,
            )
        )
    return links


# a reader's pace: Chinese characters or English words a minute
READING_SPEED = {"zh": 400, "en": 230}


def reading_minutes(story_file: StoryFile) -> int:
    return max(1, round(story_file.reading_units / READING_SPEED[base_language(story_file.lang)]))


def _story_link(story: Story | None, lang: str, page_url: str, urls: Urls) -> Link | None:
    if story is None:
        return None
    return Link(relative_to(urls.story(story, lang), page_url), story.file(lang).text_field("title"), lang)


def relative_to(url: str, page_url: str) -> str:
    return get_relative_url(url or ".", page_url or ".")


BYLINE_ROLES = ("text", "photos", "translation")


def byline(
    story_file: StoryFile, registry: Registry, lang: str = "", roles: tuple[str, ...] = BYLINE_ROLES
) -> list[BylineEntry]:
    """The file's byline, in `lang` (the file's own language unless given)."""
    lang = lang or story_file.lang
    entries = []
    for role in roles:
        people = [registry.contributor(name) for name in story_file.byline(role)]
        people = [person for person in people if person]
        if people:
            entries.append(BylineEntry(role, labels.label(lang, f"role.{role}"), labels.people(people, lang)))
    return entries


def translation_notice(story: Story, lang: str) -> str:
    """An honest word to readers of a translation that is behind its original, or missing."""
    if base_language(lang) == SOURCE_LANG:
        return "" if story.is_published_in(TRANSLATION_LANG) else labels.label(lang, "untranslated")
    if story.translation_is_current or not story.translation or not story.translation.translation_source:
        return ""
    updated = story.translation.translation_updated
    if updated:
        return labels.label(lang, "outdated", date=labels.format_date(updated, lang))
    return labels.label(lang, "outdated_undated")


@dataclass(frozen=True)
class Image:
    """An <img> as fragments.html writes it: the variant the browser picks, and its text."""

    src: str
    alt: str
    srcset: str = ""
    sizes: str = ""
    width: int = 0
    height: int = 0
    lead: bool = False  # the first photo a reader sees: fetched first, never lazily


@dataclass(frozen=True)
class Caption:
    text: str
    lang: str = ""  # set when the caption is not in the page's language


@dataclass(frozen=True)
class FigureView:
    """A photo with its caption and visible credit (both languages' in the bilingual view)."""

    image: Image
    captions: tuple[Caption, ...]
    credit: str  # empty for a placeholder: nobody took it
    placeholder: bool = False  # the photo has not arrived: a labelled panel stands in for it


def figure(
    story: Story,
    story_file: StoryFile,
    photo: Photo,
    registry: Registry,
    page_url: str,
    *,
    lead: bool = False,
    translated: Photo | None = None,
) -> FigureView:
    """A photo with its caption and credit in the page's language (and, for the bilingual view,
    with the `translated` photo's caption and credit in the other language)."""
    lang = story_file.lang
    captions = [Caption(photo.caption)]
    if translated is not None:
        captions.append(Caption(translated.caption, other_language(lang)))
    shown = image(story, photo, page_url, COLUMN_SIZES, lead=lead)
    if is_placeholder(story, photo):
        # the check warns about it; the photographer is credited once the photo is there
        return FigureView(shown, tuple(captions), "", placeholder=True)
    person = registry.contributor(photo.credit)
    credit = labels.label(lang, "credit", name=person.name(lang) if person else photo.credit)
    if translated is not None:
        other = other_language(lang)
        credit += " · " + labels.label(other, "credit", name=person.name(other) if person else translated.credit)
    return FigureView(shown, tuple(captions), credit)


def is_placeholder(story: Story, photo: Photo) -> bool:
    if not photo.file:
        return False
    path = story.image_path(photo.file)
    try:
        modified = path.stat().st_mtime_ns
    except OSError:
        return False
    return _is_placeholder(path, modified)


@functools.lru_cache(maxsize=4096)
def _is_placeholder(path: Path, modified: int) -> bool:
    # once per file and version: a series page asks for every story's lead photo
    try:
        with PILImage.open(path) as picture:
            if not placeholder.has_placeholder_shape(picture.size):  # from the header alone
                return False
            picture.draft(None, (1, 1))  # a JPEG decodes at 1/8 scale, several times faster
            return placeholder.is_placeholder(picture)
    except (OSError, ValueError):
        return False  # the check reports a photo it cannot read


def image(story: Story, photo: Photo, page_url: str, sizes: str, *, lead: bool = False) -> Image:
    """The photo's <img>: its WebP variants for the browser to choose from, or the original."""
    site_path = photo_path(story, photo.file)
    plan = images.plan(story.image_path(photo.file))
    if not plan:
        return Image(relative_to(site_path, page_url), photo.alt, lead=lead)

    def url(variant: images.Variant) -> str:
        # percent-encoded: srcset separates its candidates with spaces and commas
        return quote(relative_to(images.variant_path(site_path, plan, variant), page_url))

    fallback = plan.fallback
    return Image(
        url(fallback),
        photo.alt,
        srcset=", ".join(f"{url(variant)} {variant.width}w" for variant in plan.variants),
        sizes=sizes,
        width=fallback.width,
        height=fallback.height,
        lead=lead,
    )


# How wide a photo shows (newsroom.css), for the browser to choose a variant before any CSS loads:
# the article column is at most 42rem, a series card's image 16rem beside its text from 48em up.
# Written in px because `rem` here means 16 px, while Material's root font is 20 px.
COLUMN_SIZES = "(min-width: 840px) 840px, 100vw"
CARD_SIZES = "(min-width: 768px) 320px, 100vw"


def photo_path(story: Story, file: str) -> str:
    """Where a story's photo is in the site; its variants are written beside it."""
    return f"{STORIES_DIR}/{story.slug}/{file}"


def site_photos(site: Site) -> dict[str, Path]:
    """Every photo the stories declare: its path in the site → the original under docs/."""
    return {
        photo_path(story, photo.file): story.image_path(photo.file)
        for story in site.stories
        for story_file in story.files.values()
        for photo in story_file.photos
        if photo.file
    }


def story_markdown(site: Site, story: Story, lang: str, page_url: str, render_figure) -> str:
    """The story body as MkDocs should render it: photos as the templates' figures (the HTML
    `render_figure` makes of a FigureView), Chinese lines joined, a mark between the blocks."""
    story_file = story.file(lang)

    def block_markdown(block: Block) -> str:
        if block.kind == BREAK:
            return '<hr class="nr-break">'  # the same element as the bilingual view's
        if block.kind == PHOTO:
            photo = story_file.photo(block.src)
            return render_figure(figure(story, story_file, photo, site.registry, page_url)) if photo else ""
        return block.source

    return block_marks.joined([block_markdown(block) for block in story_file.blocks])


@dataclass
class StoryCard:
    """A story as a listing shows it (series.html's story_card): what a reader picks it by."""

    url: str
    title: str
    deck: str
    summary: str
    date_iso: str
    date_text: str
    reading_time: str
    thumbnail: Image | None
    photo_to_come: bool  # the lead photo has not arrived: the card shows the labelled panel


def story_card(story: Story, lang: str, page_url: str, urls: Urls, sizes: str = CARD_SIZES) -> StoryCard:
    """Only what a card shows: a listing of every story made the whole story page's view of
    each, photos and neighbours included, and took seconds at 1,000 stories."""
    story_file = story.file(lang)
    lead = story_file.lead_photo
    return StoryCard(
        url=relative_to(urls.story(story, lang), page_url),
        title=story_file.text_field("title"),
        deck=story_file.text_field("deck"),
        summary=story_file.text_field("summary"),
        date_iso=story.date.isoformat() if story.date else "",
        date_text=labels.format_date(story.date, lang, story_file.date_precision) if story.date else "",
        reading_time=labels.label(lang, "reading_time", minutes=reading_minutes(story_file)),
        thumbnail=image(story, lead, page_url, sizes, lead=sizes == COLUMN_SIZES) if lead else None,
        photo_to_come=bool(lead) and is_placeholder(story, lead),
    )


@dataclass
class SeriesView:
    lang: str
    id: str
    title: str
    subtitle: str
    description: str
    stories: list[StoryCard]


def series_view(site: Site, series_id: str, lang: str, page_url: str, urls: Urls) -> SeriesView | None:
    series = site.registry.series.get(series_id)
    if series is None:
        return None
    # the newest story leads the page, large: its photo is the first a reader sees
    stories = [
        story_card(story, lang, page_url, urls, COLUMN_SIZES if index == 0 else CARD_SIZES)
        for index, story in enumerate(site.stories_in(series_id, lang))
    ]
    return SeriesView(
        lang,
        series.id,
        series.title.get(lang, ""),
        series.subtitle.get(lang, ""),
        series.description.get(lang, ""),
        stories,
    )


def published_pages(site: Site, urls: Urls) -> list[tuple[dict[str, str], str]]:
    """Every page of the build: its URL per language, and its date (stories) for the sitemap."""
    pages = [(urls.page_languages(key, page), "") for key, page in sorted(site.pages.items())]
    chinese_editions = urls.chinese_editions()
    for story in site.stories:
        lastmod = story.date.isoformat() if story.date else ""
        pages.append((urls.story_languages(story), lastmod))
        if chinese_editions and site.has_bilingual_view(story):
            pages.append(({chinese: urls.bilingual(story, chinese) for chinese in chinese_editions}, lastmod))
    return pages
