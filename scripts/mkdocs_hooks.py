"""MkDocs hooks: the build reads stories through the same model and checks as stories.py.

mkdocs-static-i18n runs the whole build once per language (Chinese first, then English
from its `on_post_build`), so every event below runs once per language. Priorities below
-100 run after i18n has switched the language and replaced the Files.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.plugins import event_priority, get_plugin_logger
from mkdocs.structure.files import Files
from newsroom import checks, views
from newsroom.findings import ERROR
from newsroom.schema import SOURCE_LANG
from newsroom.site import Site, load_site

log = get_plugin_logger("newsroom")
AFTER_I18N = -150
_site: Site | None = None


def current_language(config) -> str:
    i18n = config.plugins.get("i18n")
    return i18n.current_language if i18n and i18n.current_language else SOURCE_LANG


def _is_first_language_build(config) -> bool:
    i18n = config.plugins.get("i18n")
    return not (i18n and i18n.building)


@event_priority(AFTER_I18N)
def on_config(config):
    """Read every story once per `mkdocs build` and report the check's findings."""
    global _site
    if not _is_first_language_build(config):
        return config
    _site = load_site(Path(config.docs_dir))
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
        context["story"] = views.story_view(_site, story, lang, page.url)
        if not context["story"].other_language:
            _point_language_switch_home(config, lang)
    series_id = page.meta.get("series")
    if series_id and _site:
        context["series"] = views.series_view(_site, series_id, lang, page.url)
    return context


def _point_language_switch_home(config, lang: str) -> None:
    """Without a translation, the header's language switch leads to the other home page."""
    for alternate in config.extra.get("alternate") or []:
        if alternate.get("lang") != lang:
            alternate["link"] = "/" + views.home_url(alternate["lang"])
