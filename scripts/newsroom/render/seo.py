"""What search engines and sharing previews read about a page: canonical URL, hreflang alternates
(absolute, reciprocal, with x-default, only for translations that exist; written to the sitemap),
Open Graph, a Twitter card and schema.org NewsArticle data."""

from __future__ import annotations

from dataclasses import dataclass, field

from jinja2.utils import htmlsafe_json_dumps
from markupsafe import Markup

from newsroom.model.registry import Registry
from newsroom.model.schema import LANGUAGES, SOURCE_LANG, TRADITIONAL_LANG, TRANSLATION_LANG
from newsroom.model.site import Site
from newsroom.model.story import STORIES_DIR, Photo, Story, StoryFile
from newsroom.render import labels
from newsroom.render.views import is_placeholder

HREFLANG = {"zh": "zh-Hans", "en": "en", TRADITIONAL_LANG: "zh-Hant"}
OG_LOCALE = {"zh": "zh_CN", "en": "en_US", TRADITIONAL_LANG: "zh_TW"}


@dataclass
class HeadMeta:
    canonical: str
    description: str = ""
    properties: list[tuple[str, str]] = field(default_factory=list)  # Open Graph <meta property>
    names: list[tuple[str, str]] = field(default_factory=list)  # Twitter <meta name>
    json_ld: Markup | str = ""  # serialised for a <script> element


def absolute(site_url: str, path: str) -> str:
    return site_url.rstrip("/") + "/" + path.lstrip("/")


def page_head(
    site_url: str,
    lang: str,
    url_by_lang: dict[str, str],
    title: str,
    description: str,
    site_name: str,
    traditional_locale: str = "zh_TW",
) -> HeadMeta:
    """Head data for a page that exists at `url_by_lang` (site-relative URLs) in each language it
    has; `traditional_locale` is the 繁體 edition's (zh_TW, or zh_HK for Hong Kong's standard)."""
    locales = {**OG_LOCALE, TRADITIONAL_LANG: traditional_locale}
    head = HeadMeta(canonical=absolute(site_url, url_by_lang[lang]), description=description)
    head.properties = [
        ("og:type", "website"),
        ("og:site_name", site_name),
        ("og:title", title),
        ("og:description", description),
        ("og:url", head.canonical),
        ("og:locale", locales[lang]),
        *[("og:locale:alternate", locales[other]) for other in url_by_lang if other != lang],
    ]
    head.names = [("twitter:card", "summary"), ("twitter:title", title), ("twitter:description", description)]
    return head


def story_head(
    site: Site,
    story: Story,
    lang: str,
    url_by_lang: dict[str, str],
    site_url: str,
    site_name: str,
    traditional_locale: str = "zh_TW",
) -> HeadMeta:
    story_file = story.file(lang)
    registry = site.registry
    title, summary = story_file.text_field("title"), story_file.text_field("summary")
    head = page_head(site_url, lang, url_by_lang, title, summary, site_name, traditional_locale)
    authors = _names(registry, story_file.byline("text"), lang)
    published = story.date.isoformat() if story.date else ""
    head.properties[0] = ("og:type", "article")
    head.properties += [("article:published_time", published)] if published else []
    head.properties += [("article:author", name) for name in authors]
    article = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "@id": head.canonical,
        "mainEntityOfPage": head.canonical,
        "url": head.canonical,
        "headline": title,
        "description": summary,
        "inLanguage": HREFLANG[lang],
        "datePublished": published,
        "author": [{"@type": "Person", "name": name} for name in authors],
        "publisher": {"@type": "Organization", "name": site_name},
    }
    series = registry.series.get(story.series)
    if series and series.title.get(lang):
        article["isPartOf"] = {"@type": "CreativeWorkSeries", "name": series.title[lang]}
    shared = share_photo(story, story_file)
    if shared:
        image_url = absolute(site_url, f"{STORIES_DIR}/{story.slug}/{shared.file}")
        person = registry.contributor(shared.credit)
        name = person.name(lang) if person else shared.credit
        article["image"] = {
            "@type": "ImageObject",
            "url": image_url,
            "caption": shared.caption,
            "creditText": labels.label(lang, "credit", name=name),
            "creator": {"@type": "Person", "name": name},
        }
        head.properties += [("og:image", image_url), ("og:image:alt", shared.alt)]
        head.names[0] = ("twitter:card", "summary_large_image")
        head.names += [("twitter:image", image_url), ("twitter:image:alt", shared.alt)]
    if lang == TRANSLATION_LANG:
        translators = _names(registry, story_file.byline("translation"), lang)
        if translators:
            article["translator"] = [{"@type": "Person", "name": name} for name in translators]
        if SOURCE_LANG in url_by_lang:
            original = absolute(site_url, url_by_lang[SOURCE_LANG])
            article["translationOfWork"] = {
                "@type": "NewsArticle",
                "@id": original,
                "url": original,
                "headline": story.source.text_field("title"),
                "inLanguage": HREFLANG[SOURCE_LANG],
            }
        updated = story_file.translation_updated
        if updated:
            article["dateModified"] = updated.isoformat()
    elif TRANSLATION_LANG in url_by_lang:
        article["workTranslation"] = {
            "@type": "NewsArticle",
            "@id": absolute(site_url, url_by_lang[TRANSLATION_LANG]),
            "inLanguage": "en",
        }
    # <, >, & and ' as \u escapes: no field can end the <script> element or open a comment in it
    head.json_ld = htmlsafe_json_dumps(article, ensure_ascii=False)
    return head


def share_photo(story: Story, story_file: StoryFile) -> Photo | None:
    """The photo a share preview shows and the article data credits: the lead photo, or, while it
    is still a placeholder, the story's next real photo; none if every photo is yet to come."""
    lead = story_file.lead_photo
    candidates = [lead] if lead else []
    candidates += [photo for photo in story_file.photos if photo is not lead]
    return next((photo for photo in candidates if photo.file and not is_placeholder(story, photo)), None)


def alternates(site_url: str, url_by_lang: dict[str, str]) -> list[tuple[str, str]]:
    """hreflang alternates: absolute, one per language the page has, and x-default (the original)."""
    if len(url_by_lang) < 2:
        return []
    pairs = [(HREFLANG[lang], absolute(site_url, url_by_lang[lang])) for lang in (*LANGUAGES, TRADITIONAL_LANG) if lang in url_by_lang]
    default = url_by_lang.get(SOURCE_LANG) or next(iter(url_by_lang.values()))
    return [*pairs, ("x-default", absolute(site_url, default))]


def _names(registry: Registry, names: list[str], lang: str) -> list[str]:
    people = [registry.contributor(name) for name in names]
    return [person.name(lang) for person in people if person]
