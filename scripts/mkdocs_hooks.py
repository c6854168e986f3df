"""MkDocs hooks: the build reads stories through the same model and checks as stories.py.

mkdocs-static-i18n runs the whole build once per language (Chinese first, then English
from its `on_post_build`), so every event below runs once per language. Priorities below
-100 run after i18n has switched the language and replaced the Files.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path
from urllib.parse import urlsplit

from mkdocs.exceptions import Abort
from mkdocs.plugins import event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files
from mkdocs.structure.toc import AnchorLink
from newsroom import bilingual, checks, config_checks, csp, feeds, images, labels, preview, search, seo, views
from newsroom.findings import ERROR, Finding
from newsroom.schema import SOURCE_LANG, TRANSLATION_LANG
from newsroom.site import Site, load_site
from newsroom.story import STORIES_DIR

log = get_plugin_logger("newsroom")
AFTER_I18N = -150
STORY_TOP = "story"  # the id of a story page's header (story.html, bilingual.html)
_site: Site | None = None
_story_html: dict[str, dict[str, str]] = {}  # language -> slug -> rendered body, for the feeds
_not_found_pages: dict[str, str] = {}  # language -> its 404 page, which every build writes to the root
_inline_hashes: tuple[set[str], set[str]] = (set(), set())  # every page's, for `_headers`
_site_names: dict[str, str] = {}  # i18n sets `site_name` per language build; the feeds need each

# MkDocs reports unknown settings in mkdocs.yml while it validates the file, before any event (and
# in strict mode stops right after); it imports this module during that validation, so the filter
# is in place in time. mkdocs.yml names this file as scripts/mkdocs_hooks.py.
config_checks.explain_unknown_settings(
    logging.getLogger("mkdocs.config"), Path(__file__).parents[1] / config_checks.CONFIG_FILE
)


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
    _site_names[current_language(config)] = config.site_name
    if not _is_first_language_build(config):
        return config
    if preview.only_story():
        # the one story being previewed is all this build reads, so that a save shows quickly
        _site = load_site(Path(config.docs_dir), read_stories=False)
        _site.stories = [story.read() for story in _site.stories if story.slug == preview.only_story()]
    else:
        _site = load_site(Path(config.docs_dir))
    root = Path(config.config_file_path).parent if config.config_file_path else Path.cwd()
    config_file = Path(config.config_file_path or config_checks.CONFIG_FILE)
    stopping = config_checks.check_languages(config, config_file) + _site.unbuildable
    if stopping:
        # the rest of the build needs both languages, and MkDocs cannot get past what
        # Site.unbuildable lists: stop now, with the findings rather than a traceback later
        raise Abort("\n".join(finding.format(root) for finding in stopping))
    for finding in checks.check_site(_site):
        # errors fail `mkdocs build --strict`; warnings stay visible without blocking
        (log.warning if finding.severity == ERROR else log.info)(finding.format(root))
    return config


@event_priority(AFTER_I18N)
def on_files(files: Files, config) -> Files:
    """Publish a page in a language only if it really exists in that language."""
    lang = current_language(config)
    for file in [file for file in files if file.abs_src_path and not os.path.exists(file.abs_src_path)]:
        # a link that leads nowhere, or to itself: MkDocs would stop with a traceback copying it
        files.remove(file)
        # the check has reported the pages among them; other files show up only here
        if _is_first_language_build(config) and not file.is_documentation_page():
            root = Path(config.config_file_path or config_checks.CONFIG_FILE).parent
            link = Finding(
                Path(file.abs_src_path),
                1,
                ERROR,
                "the file is a link that leads nowhere",
                "replace the link with the file itself",
                code="unreadable",
            )
            log.warning(link.format(root))
    for file in list(files.documentation_pages()):
        locale = getattr(file, "locale", lang)
        found = _site.story_for(file.src_uri) if _site else None
        if locale != lang or (found and not found[0].is_published_in(lang)):
            files.remove(file)
    urls = _urls(config)
    if lang == SOURCE_LANG and urls.is_built(TRANSLATION_LANG) and _site:
        for story in _site.stories:
            if _site.has_bilingual_view(story):
                files.append(
                    File.generated(
                        config, bilingual.view_src_uri(story), content=views.bilingual_markdown(_site, story, urls)
                    )
                )
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


def on_page_content(html: str, page, config, files) -> str:
    found = _site.story_for(page.file.src_uri) if _site else None
    if found:
        _story_html.setdefault(found[1], {})[found[0].slug] = html
    return html


def on_page_context(context, page, config, nav):
    lang = current_language(config)
    urls = _urls(config)
    found = _site.story_for(page.file.src_uri) if _site else None
    viewed = _site.bilingual_story_for(page.file.src_uri) if _site else None
    site_url = config.site_url or "/"
    if found or viewed:
        # Material's "skip to content" link goes to the first entry of the table of contents: make
        # that the headline (the header's id), not the first subheading halfway down the story.
        # (Material lists the children of a first level-1 entry, so the subheadings go below it)
        top = AnchorLink(page.title or "", STORY_TOP, 1)
        top.children = list(page.toc.items)
        page.toc.items[:] = [top]
    if found:
        story, _ = found
        context["story"] = views.story_view(_site, story, lang, page.url, urls)
        context["head"] = seo.story_head(_site, story, lang, urls.story_languages(story), site_url, config.site_name)
        if not context["story"].other_language:
            _point_language_switch_home(config, lang)
    elif viewed:
        context["story"] = views.bilingual_view(_site, viewed, page.url, urls)
        title = context["story"].title
        context["head"] = seo.page_head(
            site_url, lang, {lang: page.url}, title, context["story"].summary, config.site_name
        )
        _point_language_switch_home(config, lang)
    elif _site:
        key = page.file.src_uri if not hasattr(page.file, "norm_src_uri") else page.file.norm_src_uri
        found_page = _site.pages.get(key)
        url_by_lang = urls.page_languages(key, found_page) if found_page else {lang: page.url}
        description = page.meta.get("description") or config.site_description or ""
        title = page.meta.get("title") or page.title or config.site_name
        context["head"] = seo.page_head(site_url, lang, url_by_lang, title, description, config.site_name)
    context["feed"] = {
        "title": f"{config.site_name} · {labels.label(lang, 'feed')}",
        "url": views.relative_to(urls.home(lang) + feeds.FEED_FILE, page.url),
    }
    series_id = page.meta.get("series")
    # a story names its series too, but only a series page lists it: building that list for
    # every story page made the build grow with the cube of the number of stories
    if series_id and isinstance(series_id, str) and _site and not found:
        context["series"] = views.series_view(_site, series_id, lang, page.url, _urls(config))
    return context


def _point_language_switch_home(config, lang: str) -> None:
    """Without a translation, the header's language switch leads to the other home page."""
    # i18n sets the per-page links as an attribute of `extra`, which is what the templates read
    for alternate in getattr(config.extra, "alternate", None) or config.extra.get("alternate") or []:
        if alternate.get("lang") != lang:
            alternate["link"] = urlsplit(config.site_url or "/").path + _urls(config).home(alternate["lang"])


def on_env(env, config, files):
    """Give every template, the header's search box included, the words of the page's language."""
    env.globals["labels"] = labels.LABELS[current_language(config)]
    return env


def _write_site_files(config) -> None:
    """Feeds, sitemap, robots.txt and one 404 page per language, from the model."""
    site_dir, urls, site_url = Path(config.site_dir), _urls(config), config.site_url or "/"
    for lang in urls.languages:
        feed = feeds.atom_feed(
            _site, lang, urls, site_url, _site_names.get(lang, config.site_name), _story_html.get(lang, {})
        )
        (site_dir / urls.home(lang) / feeds.FEED_FILE).write_text(feed, encoding="utf-8")
    pages = views.published_pages(_site, urls)
    (site_dir / "sitemap.xml").write_text(feeds.sitemap(site_url, pages), encoding="utf-8")
    for lang in urls.languages:
        if urls.home(lang):  # Material's script looks for a sitemap at each language's home
            (site_dir / urls.home(lang) / "sitemap.xml").write_text(
                feeds.sitemap(site_url, pages, only=lang), encoding="utf-8"
            )
    (site_dir / "sitemap.xml.gz").unlink(missing_ok=True)  # Material's, listing pages by MkDocs' view
    (site_dir / "robots.txt").write_text(feeds.robots(site_url), encoding="utf-8")
    (site_dir / csp.HEADERS_FILE).write_text(csp.headers_file(*_inline_hashes), encoding="utf-8")
    for lang, html in _not_found_pages.items():
        (site_dir / urls.home(lang) / "404.html").write_text(html, encoding="utf-8")


def _with_policy(html: str) -> str:
    html, scripts, styles = csp.with_policy(views.valid_theme_markup(html))
    _inline_hashes[0].update(scripts)
    _inline_hashes[1].update(styles)
    return html


def on_post_page(output: str, page, config) -> str:
    return _with_policy(output)


def on_post_template(output: str, template_name: str, config) -> str:
    """Every language's build writes 404.html at the root: keep each, to put it in its place."""
    if template_name == "404.html":
        output = _with_policy(output)
        _not_found_pages[current_language(config)] = output
    return output


def _publish_photo_variants(config) -> None:
    """Copy every photo's WebP variants into the site, encoding only those not yet cached."""
    if not _site:
        return
    cache_dir = images.cache_dir_for(Path(config.docs_dir))
    published = images.publish(
        views.site_photos(_site), cache_dir, Path(config.site_dir), processes=os.cpu_count() or 1
    )
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
    _write_site_files(config)
    if preview.is_preview():
        return  # a preview is for reading one story; search would only slow each rebuild down
    pages = search.index_site(Path(config.site_dir))
    if not pages:
        log.warning("search: no page was indexed; the templates must mark content with data-pagefind-body")
        return
    log.info("search: indexed " + ", ".join(f"{count} {lang} pages" for lang, count in pages.items()))
