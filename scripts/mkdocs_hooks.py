"""MkDocs hooks: the build reads stories through the same model and checks as stories.py.

mkdocs-static-i18n runs the whole build once per language (Chinese first, then English
from its `on_post_build`), so every event below runs once per language. Priorities below
-100 run after i18n has switched the language and replaced the Files.

`mkdocs build` builds the English pages in a forked copy of the build while this process
builds the Chinese ones, and checks the stories in another copy while it reads the files
(parallel.py); `mkdocs serve`, `stories.py preview` and NEWSROOM_SEQUENTIAL_BUILD=1 do all of
it in one process, in i18n's order. Either way each language's build leaves a
LanguageOutput, and what needs both languages (bilingual views, feeds, sitemaps, `_headers`)
is written once both are done.
"""

from __future__ import annotations

import logging
import os
import sys
from pathlib import Path
from urllib.parse import urlsplit

import mkdocs.utils
from devtools.project import SEQUENTIAL_ENV
from markupsafe import Markup, escape
from mkdocs.commands.build import build
from mkdocs.exceptions import Abort
from mkdocs.plugins import CombinedEvent, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files
from mkdocs.structure.toc import AnchorLink
from newsroom.checks import checks, config_checks, messages, photo_checks
from newsroom.mkdocs import preview
from newsroom.mkdocs.parallel import Forked, ForkFailed, LanguageOutput, fork
from newsroom.model.blocks import PARAGRAPH
from newsroom.model.findings import ERROR, Finding
from newsroom.model.schema import SOURCE_LANG, TRANSLATION_LANG
from newsroom.model.site import Site, load_site
from newsroom.model.story import STORIES_DIR
from newsroom.render import bilingual, block_marks, csp, feeds, fragments, images, labels, sanitize, search, seo, views

log = get_plugin_logger("newsroom")
AFTER_I18N = -150
BEFORE_I18N = 0
STORY_TOP = "story"  # the id of a story page's header (story.html, bilingual.html)
_site: Site | None = None
_command = "build"  # or "serve" (also `stories.py preview`), from on_startup
_outputs: dict[str, LanguageOutput] = {}  # what each language's build left behind
_bilingual_views: dict[str, tuple[str, str]] = {}  # written path -> (slug, page awaiting its paragraphs)
_indexing: list[search.Indexing] = []  # search indexes being written in the background
_translation_build: Forked | None = None
_check: Forked | None = None
_fragments: fragments.Fragments | None = None
_findings: list[Finding] = []  # what the check found in this build, for the preview banner
_script_hashes: frozenset[str] = frozenset()  # of the theme's inline scripts (csp.THEME_SCRIPTS)

# MkDocs reports unknown settings in mkdocs.yml while it validates the file, before any event (and
# in strict mode stops right after); it imports this module during that validation, so the filter
# is in place in time. mkdocs.yml names this file as scripts/mkdocs_hooks.py.
config_checks.explain_unknown_settings(
    logging.getLogger("mkdocs.config"), Path(__file__).parents[1] / config_checks.CONFIG_FILE
)


def on_startup(command: str, dirty: bool) -> None:
    global _command
    _command = command


def current_language(config) -> str:
    i18n = config.plugins.get("i18n")
    return i18n.current_language if i18n and i18n.current_language else SOURCE_LANG


def _output(config) -> LanguageOutput:
    return _outputs.setdefault(current_language(config), LanguageOutput())


def _project_root(config) -> Path:
    """Where mkdocs.yml is: findings name files relative to it."""
    return Path(config.config_file_path).parent if config.config_file_path else Path.cwd()


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
    """Read every story once per build and check them (findings are reported in on_files)."""
    global _site, _translation_build, _check, _fragments
    if _is_first_language_build(config):
        # `mkdocs serve` builds again in the same process
        _outputs.clear()
        _bilingual_views.clear()
        _indexing.clear()
        _translation_build = _check = None
    _output(config).site_name = config.site_name
    _fragments = fragments.Fragments(config.theme.get_env())
    # Material's inline script names the address its settings are stored under; by default the
    # page's own relative path to the site root, which made the script, and its hash in the
    # Content-Security-Policy, differ with each page's depth
    config.extra.setdefault("scope", urlsplit(config.site_url or "/").path or "/")
    if not any(isinstance(extension, block_marks.BlockMarks) for extension in config.markdown_extensions):
        config.markdown_extensions.append(block_marks.BlockMarks())  # story_markdown marks the blocks
    if not _is_first_language_build(config):
        return config
    if preview.only_story():
        # the one story being previewed is all this build reads, so that a save shows quickly
        _site = load_site(Path(config.docs_dir), read_stories=False)
        _site.stories = [story.read() for story in _site.stories if story.slug == preview.only_story()]
    else:
        _site = load_site(Path(config.docs_dir))
    root = _project_root(config)
    config_file = Path(config.config_file_path or config_checks.CONFIG_FILE)
    stopping = config_checks.check_languages(config, config_file) + _site.unbuildable
    if stopping:
        # the rest of the build needs both languages, and MkDocs cannot get past what
        # Site.unbuildable lists: stop now, with the findings rather than a traceback later
        raise Abort("\n".join(finding.format(root) for finding in stopping))
    if _may_fork():
        _check = fork("The check", _check_site)  # while this process empties site/ and reads the files
    else:
        _report(checks.check_site(_site), root)
    return config


def _check_site():
    yield checks.check_site(_site)


def _report(findings: list[Finding], root: Path) -> None:
    _findings[:] = findings
    for finding in findings:
        # errors fail `mkdocs build --strict`; warnings stay visible without blocking
        (log.warning if finding.severity == ERROR else log.info)(finding.format(root))
    closing = messages.unfinished_stories(findings, Path(_site.docs_dir))
    if closing:
        log.info(closing)


def _may_fork() -> bool:
    """Only `mkdocs build` forks: `mkdocs serve` runs a web server's threads beside the build."""
    return _command == "build" and os.environ.get(SEQUENTIAL_ENV, "") in ("", "0") and not preview.is_preview()


@event_priority(AFTER_I18N)
def on_files(files: Files, config) -> Files:
    """Publish a page in a language only if it really exists in that language."""
    global _translation_build
    lang = current_language(config)
    root = _project_root(config)
    if _check and _is_first_language_build(config):
        _report(_received(_check), root)
        _check.close()
    for file in [file for file in files if file.abs_src_path and not os.path.exists(file.abs_src_path)]:
        # a link that leads nowhere, or to itself: MkDocs would stop with a traceback copying it
        files.remove(file)
        # the check has reported the pages among them; other files show up only here
        if _is_first_language_build(config) and not file.is_documentation_page():
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
                files.append(File.generated(config, bilingual.view_src_uri(story), content=bilingual.view_page(story)))
    if preview.only_story():
        keep = f"{STORIES_DIR}/{preview.only_story()}/"
        for file in list(files):
            if file.src_uri.startswith(f"{STORIES_DIR}/") and not file.src_uri.startswith(keep):
                files.remove(file)
    if _builds_translation_alongside(config):
        # the site directory has been emptied and the files are known: from here on the two
        # languages' builds share nothing but what LanguageOutput carries back
        _translation_build = fork("The English build", lambda: _build_translation(config))
    return files


def _builds_translation_alongside(config) -> bool:
    return (
        _may_fork()
        and _is_first_language_build(config)
        and current_language(config) == SOURCE_LANG
        and _urls(config).is_built(TRANSLATION_LANG)
    )


def _build_translation(config):
    """In the forked copy: build the translation as i18n's on_post_build would, then index it.

    The pages' output goes back first, so that the other process can write the bilingual views
    and feeds while Pagefind indexes the translation; the pages indexed follow."""
    i18n = config.plugins["i18n"]
    i18n.current_language = TRANSLATION_LANG
    i18n.building = True  # what i18n sets for its own builds of the other languages
    # the other process is writing the source language's pages into the same folder
    mkdocs.utils.clean_directory = lambda directory: None
    logging.getLogger("mkdocs.commands.build").addFilter(_said_by_the_source_language_build)
    build(config, dirty="--dirty" in sys.argv)
    yield _outputs[TRANSLATION_LANG]
    yield _wait_for_search()


def _wait_for_search() -> dict[str, int]:
    """Pages indexed per language by the searches this process started."""
    indexed: dict[str, int] = {}
    try:
        for indexing in _indexing:
            indexed.update(indexing.wait())
    except search.IndexingFailed as failed:
        raise Abort(str(failed)) from None
    return indexed


def _received(forked: Forked):
    try:
        return forked.receive()
    except ForkFailed as failed:
        raise Abort(str(failed)) from None


def _said_by_the_source_language_build(record: logging.LogRecord) -> bool:
    return not record.getMessage().startswith(
        ("Cleaning site directory", "Building documentation to directory", "Documentation built in")
    )


def on_page_markdown(markdown: str, page, config, files) -> str:
    title = page.meta.get("title")
    if isinstance(title, str) and not isinstance(title, Markup):
        # Material prints the title as it is, in <title>, the header and the navigation: give it
        # the title as text, escaped (a title with markup is also an error of the check)
        page.meta["title"] = escape(title)
    found = _site.story_for(page.file.src_uri) if _site else None
    if not found:
        return markdown
    story, lang = found
    page.meta["template"] = "story.html"
    page.meta["hide"] = ["navigation"]
    return views.story_markdown(_site, story, lang, page.url, _fragments.figure)


def on_page_content(html: str, page, config, files) -> Markup:
    """Every page's HTML from Markdown passes the allowlist before it is marked safe; the check
    has reported what it takes out, with the line."""
    viewed = _site.bilingual_story_for(page.file.src_uri) if _site else None
    if viewed:
        return _fragments.bilingual_body(views.bilingual_body(_site, viewed, _urls(config)))
    found = _site.story_for(page.file.src_uri) if _site else None
    if not found:
        return sanitize.clean(html)
    story, lang = found
    # the bilingual view takes its paragraphs from here; readers never see the marks
    blocks = block_marks.split(html, sanitize.clean)
    html = Markup("").join(blocks)
    output = _output(config)
    output.story_html[story.slug] = html
    output.paragraphs[story.slug] = [
        rendered for block, rendered in zip(story.file(lang).blocks, blocks[1:]) if block.kind == PARAGRAPH
    ]
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
    if _command == "serve" and _site:
        # a preview never stops on a finding: it shows it on the page it is about, until fixed
        story = (found[0] if found else None) or viewed
        sources = [story_file.path for story_file in story.files.values()] if story else [Path(page.file.abs_src_path)]
        context["preview_findings"] = preview.banner(_findings, sources, _project_root(config))
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


def on_template_context(context, template_name: str, config):
    if template_name == "404.html":
        # there is no page to switch to; without this, the switch kept the links of whichever
        # page i18n had rendered last
        _point_language_switch_home(config, current_language(config))
    return context


def on_env(env, config, files):
    """Give every template, the header's search box included, the words of the page's language."""
    lang = current_language(config)
    env.globals["labels"] = labels.LABELS[lang]
    env.globals["search_bundle"] = f"{_urls(config).home(lang)}{search.OUTPUT_DIR}/pagefind.js"
    global _script_hashes
    _script_hashes = csp.theme_hashes(env, {"config": config, "base_url": ".", "features": config.theme.get("features", [])})
    env.globals["content_security_policy"] = csp.policy(_script_hashes)
    return env


def _write_site_files(config) -> None:
    """Feeds, sitemap, robots.txt and one 404 page per language, from the model."""
    site_dir, urls, site_url = Path(config.site_dir), _urls(config), config.site_url or "/"
    for lang in urls.languages:
        output = _outputs.get(lang, LanguageOutput())
        feed = feeds.atom_feed(_site, lang, urls, site_url, output.site_name or config.site_name, output.story_html)
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
    (site_dir / csp.HEADERS_FILE).write_text(csp.headers_file(_script_hashes), encoding="utf-8")
    for lang, output in _outputs.items():
        if output.not_found_page:
            (site_dir / urls.home(lang) / "404.html").write_text(output.not_found_page, encoding="utf-8")


def _write_bilingual_views() -> None:
    """The bilingual views, now that both languages' story pages have given their paragraphs."""
    for path, (slug, html) in _bilingual_views.items():
        paragraphs = {lang: output.paragraphs.get(slug, []) for lang, output in _outputs.items()}
        Path(path).write_text(bilingual.fill_paragraphs(html, paragraphs), encoding="utf-8")


def _only_theme_scripts(html: str, written_as: str) -> str:
    """Stop the build at a page with an inline script that no template contains: the policy would
    refuse it in the reader's browser, and it did not come from the theme."""
    unlisted = csp.unlisted_scripts(html, _script_hashes)
    if unlisted:
        raise Abort(
            f"{written_as}: the page holds an inline script that is not one of the theme's "
            f"({unlisted[0][:60]!r}); a template that adds one must be listed in newsroom/csp.py "
            "THEME_SCRIPTS / 页面里有一段不属于网站模板的内联脚本：如是新模板加的，把模板登记到 csp.py 的 THEME_SCRIPTS"
        )
    return html


def on_post_page(output: str, page, config) -> str:
    output = _only_theme_scripts(output, page.file.dest_uri)
    viewed = _site.bilingual_story_for(page.file.src_uri) if _site else None
    if viewed:
        _bilingual_views[page.file.abs_dest_path] = (viewed.slug, output)
    return output


def on_post_template(output: str, template_name: str, config) -> str:
    """Every language's build writes 404.html at the root: keep each, to put it in its place."""
    if template_name == "404.html":
        output = _only_theme_scripts(output, template_name)
        _output(config).not_found_page = output
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
        finding = photo_checks.unpublished_photo(_site, site_path, problem)
        log.warning("\n".join([finding.format(_project_root(config)), *messages.explain([finding.code])]))
    log.info(f"photos: {published.encoded} variants encoded, {published.reused} taken from {cache_dir}")


@event_priority(BEFORE_I18N)
def _language_written(config) -> None:
    """A language's pages are written: index them for search while the next language builds."""
    if not preview.is_preview():
        home = Path(config.site_dir) / _urls(config).home(current_language(config))
        _indexing.append(search.start_indexing(home))
    if _translation_build and _is_first_language_build(config):
        # the forked copy builds the translation: i18n must not build it here as well
        _translation_language_config(config).build = False


@event_priority(AFTER_I18N)
def _site_written(config) -> None:
    """Once every language is built: bilingual views, photos, feeds and sitemaps, search.

    i18n builds the other languages from its own `on_post_build`, which runs between the two
    handlers; in those nested builds this one returns at once.
    """
    if not _is_first_language_build(config):
        return
    if _translation_build:
        _translation_language_config(config).build = True
        _outputs[TRANSLATION_LANG] = _received(_translation_build)
    _write_bilingual_views()
    _publish_photo_variants(config)
    _write_site_files(config)
    if preview.is_preview():
        return  # a preview is for reading one story; search would only slow each rebuild down
    indexed = _wait_for_search()
    if _translation_build:
        indexed.update(_received(_translation_build))
        _translation_build.close()
    if not sum(indexed.values()):
        log.warning("search: no page was indexed; the templates must mark content with data-pagefind-body")
        return
    log.info("search: indexed " + ", ".join(f"{count} {lang} pages" for lang, count in sorted(indexed.items())))


on_post_build = CombinedEvent(_language_written, _site_written)


def _translation_language_config(config):
    i18n = config.plugins["i18n"]
    return next(language for language in i18n.config.languages if language.locale == TRANSLATION_LANG)
