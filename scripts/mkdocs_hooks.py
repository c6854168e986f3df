"""MkDocs hooks: the build reads stories through the same model and checks as stories.py.

mkdocs-static-i18n runs the whole build once per language (Chinese first, then English
from its `on_post_build`), so every event below runs once per language. Priorities below
-100 run after i18n has switched the language and replaced the Files.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.plugins import event_priority, get_plugin_logger
from mkdocs.structure.files import Files
from newsroom import checks, images, labels, preview, search, views
from newsroom.findings import ERROR
from newsroom.schema import SOURCE_LANG
from newsroom.site import Site, load_site
from newsroom.story import STORIES_DIR

log = get_plugin_logger("newsroom")
AFTER_I18N = -150
_site: Site | None = None


def current_language(config) -> str:
    i18n = config.plugins.get("i18n")
    return i18n.current_language if i18n and i18n.current_language else SOURCE_LANG


def _is_first_language_build(config) -> bool:
    i18n = config.plugins.get("i18n")
    return not (i18n and i18n.building)


def _urls(config) -> views.Urls:
    i18n = config.plugins.get("i18n")
    if not i18n:
        return views.Urls()
    return views.Urls(i18n.default_language, tuple(i18n.build_languages))


@event_priority(AFTER_I18N)
def on_config(config):
    """Read every story once per `mkdocs build` and report the check's findings."""
    global _site
    if not _is_first_language_build(config):
        return config
    _site = load_site(Path(config.docs_dir))
    if preview.only_story():
        _site.stories = [story for story in _site.stories if story.slug == preview.only_story()]
    root = Path(config.config_file_path).parent if config.config_file_path else Path.cwd()
    for finding in checks.check_site(_site):
        # errors fail `mkdocs build --strict`; warnings stay visible without blocking
        (log.warning if finding.severity == ERROR else log.info)(finding.format(root))
    return config


@event_priority(AFTER_I18N)
def on_files(files: Files, config) -> Files:
    """Publish a page in a language only if it really exists in that language."""
    lang = current_language(config)
    for file in list(files.documentation_pages()):
        locale = getattr(file, "locale", lang)
        found = _site.story_for(file.src_uri) if _site else None
        if locale != lang or (found and not found[0].is_published_in(lang)):
            files.remove(file)
    if preview.only_story():
        keep = f"{STORIES_DIR}/{preview.only_story()}/"
        for file in list(files):
            if file.src_uri.startswith(f"{STORIES_DIR}/") and not file.src_uri.startswith(keep):
                files.remove(file)
    return files


def on_page_markdown(markdown: str, page, config, files) -> str:
    found = _site.story_for(page.file.src_uri) if _site else None
    if not found:
        return markdown
    story, lang = found
    page.meta["template"] = "story.html"
    page.meta["hide"] = ["navigation"]
    return views.story_markdown(_site, story, lang, page.url)


def on_page_context(context, page, config, nav):
    lang = current_language(config)
    found = _site.story_for(page.file.src_uri) if _site else None
    if found:
        story, _ = found
        context["story"] = views.story_view(_site, story, lang, page.url, _urls(config))
        if not context["story"].other_language:
            _point_language_switch_home(config, lang)
    series_id = page.meta.get("series")
    if series_id and _site:
        context["series"] = views.series_view(_site, series_id, lang, page.url, _urls(config))
    return context


def _point_language_switch_home(config, lang: str) -> None:
    """Without a translation, the header's language switch leads to the other home page."""
    for alternate in config.extra.get("alternate") or []:
        if alternate.get("lang") != lang:
            alternate["link"] = "/" + _urls(config).home(alternate["lang"])


def on_env(env, config, files):
    """Give every template, the header's search box included, the words of the page's language."""
    env.globals["labels"] = labels.LABELS[current_language(config)]
    return env


def _publish_photo_variants(config) -> None:
    """Copy every photo's WebP variants into the site, encoding only those not yet cached."""
    if not _site:
        return
    cache_dir = images.cache_dir_for(Path(config.docs_dir))
    published = images.publish(views.site_photos(_site), cache_dir, Path(config.site_dir))
    for site_path, problem in published.failed.items():
        log.warning(f"photos: cannot read {site_path}: {problem}")
    log.info(f"photos: {published.encoded} variants encoded, {published.reused} taken from {cache_dir}")


@event_priority(AFTER_I18N)
def on_post_build(config):
    """Write the photo variants and index the site for search once every language is built.

    i18n builds the other languages from its own `on_post_build`, which runs before this one;
    in those nested builds this hook returns at once.
    """
    if not _is_first_language_build(config):
        return
    _publish_photo_variants(config)
    pages = search.index_site(Path(config.site_dir))
    if not pages:
        log.warning("search: no page was indexed; the templates must mark content with data-pagefind-body")
        return
    log.info("search: indexed " + ", ".join(f"{count} {lang} pages" for lang, count in pages.items()))
