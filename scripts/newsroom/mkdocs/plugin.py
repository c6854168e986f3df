"""The newsroom plugin: MkDocs builds the site from the same story model and checks as stories.py.

mkdocs-static-i18n builds the whole site once per language (Chinese first, then, from its own
`on_post_build` at priority -100, English), so every event from `on_config` to `on_post_build`
runs once per language. Handlers that must see the language i18n has set up (its `on_config`,
`on_files` and `on_post_build` run at -100) sit at AFTER_I18N; the one that must run before i18n
starts the next language sits at BEFORE_I18N.

A build of one language (i18n's `build_only_locale`) is complete on its own if it is the only
build; under `stories.py build` (`hand_off_dir` set) it leaves what needs both languages on disk
for the step that assembles the site (`newsroom.mkdocs.assemble`).
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from markupsafe import Markup, escape
from mkdocs.exceptions import Abort, PluginError
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files
from mkdocs.structure.toc import AnchorLink

from newsroom.checks import checks, config_checks, glossary, messages, photo_checks
from newsroom.mkdocs import page_cache, preview, runs
from newsroom.mkdocs.config import NewsroomConfig
from newsroom.mkdocs.shared import STORY_TOP, LanguageOutput, SharedFiles, feed_link, hand_off, theme_globals
from newsroom.model.blocks import PARAGRAPH
from newsroom.model.catalogue import Code, report
from newsroom.model.findings import ERROR, Finding
from newsroom.model.schema import SOURCE_LANG, TRADITIONAL_LANG
from newsroom.model.site import Site, load_site, page_key
from newsroom.model.story import STORIES_DIR
from newsroom.render import block_marks, csp, feeds, fragments, images, sanitize, search, seo, traditional, views

log = get_plugin_logger("newsroom")
AFTER_I18N = -150
BEFORE_I18N = 0
PAGE_TEXTS = ("title", "description")  # what a page's front matter shows readers


@dataclass
class _Run:
    """What one run of MkDocs (`mkdocs build`, or one rebuild of `mkdocs serve`) has learnt."""

    site: Site
    root: Path  # where mkdocs.yml is: findings name files relative to it
    outputs: dict[str, LanguageOutput] = field(default_factory=dict)
    indexing: list[search.Indexing] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    convert: traditional.Converter | None = None  # the Traditional edition's, when the site has one
    warnings: _WarningCount = field(default_factory=lambda: _WarningCount(logging.WARNING))
    started: float = field(default_factory=time.time)  # the caches' entries this run uses are touched after


class _WarningCount(logging.Handler):
    """How many warnings MkDocs has logged: a page whose rendering logged one (a link that leads
    nowhere) is not cached, so that the warning comes back, and fails a strict build, until fixed."""

    def __init__(self, level: int) -> None:
        super().__init__(level)
        self.count = 0

    def emit(self, record: logging.LogRecord) -> None:
        self.count += 1


class NewsroomPlugin(BasePlugin[NewsroomConfig]):
    supports_multiple_instances = False

    def __init__(self) -> None:
        self.command = "build"
        self.run: _Run | None = None
        self.languages_in_progress: list[str] = []  # i18n nests the other languages' builds
        self.lang = SOURCE_LANG
        self.urls = views.Urls()
        self.prefix = ""  # where this build's root is in the site: `en/` in a preview of English alone
        self.placed_below_home = False
        self.fragments: fragments.Fragments | None = None
        self.script_hashes: frozenset[str] = frozenset()
        self.page_cache: page_cache.PageCache | None = None  # this language's, set up with its files
        # per story page being rendered: its cached blocks, or its key and the warnings before it
        self.cached_blocks: dict[str, list[str]] = {}
        self.rendering: dict[str, tuple[str, int]] = {}
        self.story_pages = {"rendered": 0, "cached": 0}  # this language's, for the log
        self.feed_slugs: set[str] = set()  # the stories this language's feed carries whole

    # once per MkDocs command

    @event_priority(0)  # i18n has no on_startup: the order does not matter
    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.command = command

    # once per language

    @event_priority(AFTER_I18N)  # i18n's on_config (-100) has set this build's language
    def on_config(self, config):
        config_file = Path(config.config_file_path or config_checks.CONFIG_FILE)
        i18n = config.plugins.get("i18n")
        stopping = config_checks.check_languages(config, config_file)
        if stopping:
            raise Abort("\n".join(finding.format(config_file.parent) for finding in stopping))
        self.lang = config.theme["language"]  # what i18n sets for each language it builds
        only = i18n.config.build_only_locale
        # a preview shows one language; one of `stories.py build`'s builds makes part of a site of both
        both = not only or self.config.hand_off_dir
        self.urls = views.Urls(SOURCE_LANG, self.config.languages() if both else (only,))
        # English alone is built at the root of its build: a preview shows it there, links and all
        # taking `prefix` into account; as part of `stories.py build` its pages go below en/ (on_files)
        self.placed_below_home = bool(only and only != SOURCE_LANG and self.config.hand_off_dir)
        self.prefix = self.urls.home(self.lang) if only and only != SOURCE_LANG and not self.placed_below_home else ""
        if not self.languages_in_progress:
            self._start_run(config)
        if self.lang == TRADITIONAL_LANG:
            # i18n gives the edition the Chinese settings (it has none of its own); Material prints them
            for key in ("site_name", "site_description", "site_author", "copyright"):
                if config[key]:
                    config[key] = self.run.convert(config[key])
        self.languages_in_progress.append(self.lang)
        self.run.outputs[self.lang] = LanguageOutput(site_name=config.site_name, copyright=config.copyright or "")
        self.feed_slugs = {story.slug for story in feeds.feed_stories(self.run.site, self.lang)}
        # the photos in a story's Markdown come from the theme's macros, before on_env
        self.fragments = fragments.Fragments(config.theme.get_env())
        if not any(isinstance(extension, block_marks.BlockMarks) for extension in config.markdown_extensions):
            config.markdown_extensions.append(block_marks.BlockMarks())  # story_markdown marks the blocks
        return config

    def _start_run(self, config) -> None:
        docs_dir = Path(config.docs_dir)
        root = Path(config.config_file_path).parent if config.config_file_path else Path.cwd()
        if self.config.only_story:
            site = load_site(docs_dir, read_stories=False)
            site.stories = [story.read() for story in site.stories if story.slug == self.config.only_story]
        else:
            site = load_site(docs_dir)
        if site.unbuildable:
            # MkDocs cannot get past what Site.unbuildable lists: stop now, with the findings
            raise Abort("\n".join(finding.format(root) for finding in site.unbuildable))
        self.run = _Run(site, root)
        logging.getLogger("mkdocs").addHandler(self.run.warnings)
        if self.config.check:
            self._report(checks.check_site(site))
        self._add_traditional_edition()

    def _add_traditional_edition(self) -> None:
        if self.config.traditional.enabled:
            kept = glossary.traditional_forms(glossary.load_glossary(self.run.site.docs_dir))
            self.run.convert = traditional.Converter(self.config.traditional.conversion, kept)
            traditional.add_edition(self.run.site, self.run.convert)

    def _report(self, findings: list[Finding]) -> None:
        self.run.findings = findings
        for finding in findings:
            # errors fail `mkdocs build --strict`; warnings stay visible without blocking
            (log.warning if finding.severity == ERROR else log.info)(finding.format(self.run.root))
        closing = messages.unfinished_stories(findings, Path(self.run.site.docs_dir))
        if closing:
            log.info(closing)

    @event_priority(AFTER_I18N)  # i18n's on_files (-100) has replaced the Files with this language's
    def on_files(self, files: Files, config) -> Files:
        """Publish a page in a language only if it really exists in that language."""
        site = self.run.site
        for file in [file for file in files if file.abs_src_path and not Path(file.abs_src_path).exists()]:
            # a link that leads nowhere: MkDocs would stop with a traceback copying it
            files.remove(file)
            if self.lang == SOURCE_LANG and not file.is_documentation_page():  # the check reports pages
                log.warning(report(Code.DANGLING_LINK, Path(file.abs_src_path), 1).format(self.run.root))
        # i18n gives the Traditional edition the Chinese files, which it has none of its own
        reads = SOURCE_LANG if self.lang == TRADITIONAL_LANG else self.lang
        for file in list(files.documentation_pages()):
            found = site.story_for(file.src_uri)
            if getattr(file, "locale", reads) != reads or (found and not found[0].is_published_in(self.lang)):
                files.remove(file)
        if self.placed_below_home:
            # where i18n puts this language's pages when it builds both languages: the shared files
            # (theme assets, photos) are the Chinese build's, as they are then
            for file in list(files):
                files.remove(file)
                if file.is_documentation_page():
                    files.append(
                        File(
                            file.src_uri, config.docs_dir, config.site_dir, config.use_directory_urls,
                            dest_uri=self.urls.home(self.lang) + file.dest_uri, inclusion=file.inclusion,
                        )
                    )  # fmt: skip
        if self.config.only_story:
            keep = f"{STORIES_DIR}/{self.config.only_story}/"
            for file in list(files):
                if file.src_uri.startswith(f"{STORIES_DIR}/") and not file.src_uri.startswith(keep):
                    files.remove(file)
        # no plugin changes the files after this handler (the lowest priority of the site's plugins)
        if self.config.page_cache:
            folder = self.run.root / self.config.cache_dir / page_cache.CACHE_FOLDER
            self.page_cache = page_cache.PageCache(folder, page_cache.build_inputs(config, files))
        self.cached_blocks.clear()
        self.rendering.clear()
        self.story_pages = {"rendered": 0, "cached": 0}
        return files

    @event_priority(0)  # i18n's (also 0) only adds a Jinja extension: the order does not matter
    def on_env(self, env, config, files):
        """Give every template, the header's search box included, the words of the page's language."""
        self.script_hashes = csp.theme_hashes(env, {"config": config, "base_url": "."})
        env.globals.update(theme_globals(self.lang, self.urls, self.script_hashes))
        env.globals.update(page_lang=self.lang, site_name=config.site_name, copyright=config.copyright or "")
        return env

    # once per page

    @event_priority(0)  # after i18n's (50), which translates admonition titles stories do not have
    def on_page_markdown(self, markdown: str, page, config, files) -> str:
        found = self._story_of(page)
        if self.lang == TRADITIONAL_LANG:
            # the page's Markdown and front matter are the Chinese file's: the edition converts them
            page.meta.update(
                {key: self.run.convert(page.meta[key]) for key in PAGE_TEXTS if isinstance(page.meta.get(key), str)}
            )
            if not found:
                markdown = self.run.convert(markdown)
        title = page.meta.get("title")
        if isinstance(title, str) and not isinstance(title, Markup):
            # Material prints the title as it is, in <title>: give it the title as text, escaped
            page.meta["title"] = escape(title)
        if not found:
            return markdown
        story, lang = found
        page.meta["template"] = "story.html"
        markdown = views.story_markdown(self.run.site, story, lang, self._site_path(page), self.fragments.figure)
        if self.page_cache:
            # the lowest priority of the site's on_page_markdown handlers: this is what MkDocs converts
            key = self.page_cache.key(self.lang, page.file.dest_uri, markdown)
            cached = self.page_cache.get(key)
            if cached is not None:
                self.cached_blocks[page.file.src_uri] = cached
                return ""  # nothing to convert: on_page_content gives the page its blocks
            self.rendering[page.file.src_uri] = (key, self.run.warnings.count)
        return markdown

    @event_priority(0)  # i18n has no on_page_content
    def on_page_content(self, html: str, page, config, files) -> Markup:
        """Every page's HTML from Markdown passes the allowlist before it is marked safe; the check
        has reported what it takes out, with the line."""
        found = self._story_of(page)
        if not found:
            return sanitize.clean(html)
        story, lang = found
        cached = self.cached_blocks.pop(page.file.src_uri, None)
        self.story_pages["cached" if cached is not None else "rendered"] += 1
        if cached is not None:
            blocks = [sanitize.clean(block) for block in cached]
        else:
            # the bilingual view and the feeds take the story from here; readers never see the marks
            blocks = block_marks.split(html, sanitize.clean)
            self._keep_rendered(page.file.src_uri, blocks)
        body = Markup("").join(blocks)
        output = self.run.outputs[self.lang]
        if story.slug in self.feed_slugs:  # the rest, kept for nothing, grew the build with the archive
            output.story_html[story.slug] = body
        output.paragraphs[story.slug] = [
            rendered for block, rendered in zip(story.file(lang).blocks, blocks[1:]) if block.kind == PARAGRAPH
        ]
        return body

    @event_priority(AFTER_I18N)  # after i18n's (50), which sets its own language links
    def on_page_context(self, context, page, config, nav):
        site, lang, urls = self.run.site, self.lang, self.urls
        found = self._story_of(page)
        page_path = self._site_path(page)
        site_url = config.site_url or "/"
        if found:
            story, _ = found
            # the "skip to content" link goes to the first entry of the table of contents: the headline
            top = AnchorLink(page.title or "", STORY_TOP, 1)
            top.children = list(page.toc.items)
            page.toc.items[:] = [top]
            context["story"] = views.story_view(site, story, lang, page_path, urls)
            context["head"] = seo.story_head(
                site, story, lang, urls.story_languages(story), site_url, config.site_name, self._traditional_locale()
            )
        else:
            key = page_key(page.file.src_uri)
            found_page = site.pages.get(key)
            url_by_lang = urls.page_languages(key, found_page) if found_page else {lang: page_path}
            description = page.meta.get("description") or config.site_description or ""
            title = page.meta.get("title") or page.title or config.site_name
            context["head"] = seo.page_head(
                site_url, lang, url_by_lang, title, description, config.site_name, self._traditional_locale()
            )
            context["page_languages"] = views.page_switch(url_by_lang, page_path, urls)
        if self.command == "serve":
            # a preview never stops on a finding: it shows it on the page it is about, until fixed
            story = found[0] if found else None
            sources = (
                [story_file.path for story_file in story.files.values()] if story else [Path(page.file.abs_src_path)]
            )
            context["preview_findings"] = preview.banner(self.run.findings, sources, self.run.root)
        context["feed"] = feed_link(config.site_name, lang, urls, page_path)
        series_id = page.meta.get("series")
        # a story names its series too, but only a series page lists it: building that list for
        # every story page made the build grow with the cube of the number of stories
        if series_id and isinstance(series_id, str) and not found:
            context["series"] = views.series_view(site, series_id, lang, page_path, urls)
        return context

    @event_priority(0)  # i18n's (-100) only looks at the page; the order does not matter
    def on_post_page(self, output: str, page, config) -> str:
        return self._only_theme_scripts(output, page.file.dest_uri)

    @event_priority(0)  # i18n's (50) adds its own values, which the 404 page does not use
    def on_template_context(self, context, template_name: str, config):
        if template_name == "404.html":
            # served at any depth: the language switch leads to each language's home, absolutely
            base = urlsplit(config.site_url or "/").path or "/"
            context["page_languages"] = views.page_switch({}, "", self.urls, absolute_base=base)
        return context

    @event_priority(0)  # i18n has no on_post_template
    def on_post_template(self, output: str, template_name: str, config) -> str:
        """Every language's build writes 404.html at its root: keep each, to put it in its place."""
        if template_name == "404.html":
            output = self._only_theme_scripts(output, template_name)
            self.run.outputs[self.lang].not_found_page = output
        return output

    # once per language, and once the site is complete

    @event_priority(BEFORE_I18N)  # before i18n's (-100) starts building the next language
    def _language_written(self, config) -> None:
        """A language's pages are written: index them for search while the next language builds."""
        if self.page_cache:
            log.info(
                f"story pages in {self.lang}: {self.story_pages['rendered']} rendered, {self.story_pages['cached']} from the cache"
            )
        if self._indexes_search():
            home = Path(config.site_dir) / self.urls.home(self.lang)[len(self.prefix) :]
            self.run.indexing.append(search.start_indexing(home, self.run.root / self.config.cache_dir))

    @event_priority(AFTER_I18N)  # after i18n's (-100), which has built the other languages by then
    def _site_written(self, config) -> None:
        """Once every language of this run is built, what needs them all."""
        self.languages_in_progress.pop()
        if self.languages_in_progress:
            return  # one of i18n's nested builds
        logging.getLogger("mkdocs").removeHandler(self.run.warnings)
        indexed = self._wait_for_search()
        if self.config.hand_off_dir:
            hand_off(Path(self.config.hand_off_dir), self.run.outputs)
        else:
            self.write_shared_files(config, self.run.outputs)
            if self._indexes_search() and not self.config.only_story and self.config.page_cache:
                runs.prune_caches(self.run.root / self.config.cache_dir, self.run.started)
        if self._indexes_search():
            if not sum(indexed.values()):
                log.warning("search: no page was indexed; the templates must mark content with data-pagefind-body")
            else:
                log.info("search: indexed " + ", ".join(f"{n} {lang} pages" for lang, n in sorted(indexed.items())))
                log.info(search.shards_report(self.run.indexing))

    on_post_build = CombinedEvent(_language_written, _site_written)

    @event_priority(0)  # i18n has no on_build_error
    def on_build_error(self, *, error: Exception) -> None:
        """A build that stopped half-way (`mkdocs serve` goes on): the next one starts afresh."""
        self.languages_in_progress.clear()
        if self.run:
            logging.getLogger("mkdocs").removeHandler(self.run.warnings)

    def prepare_shared_files(self, config) -> None:
        """Read the stories for `write_shared_files` outside a build (`stories.py build` does it
        while its builds run)."""
        if self.run is None:
            self.lang, self.urls = SOURCE_LANG, views.Urls(SOURCE_LANG, self.config.languages())
            self.run = _Run(load_site(Path(config.docs_dir)), Path(config.config_file_path).parent)
            self._add_traditional_edition()

    def write_shared_files(self, config, outputs: dict[str, LanguageOutput]) -> None:
        """What needs every language, from what each language's build left (`stories.py build`
        calls this once its builds of one language each are done)."""
        self.prepare_shared_files(config)
        cache_dir = Path(config.config_file_path).parent / self.config.cache_dir / images.IMAGES_FOLDER
        conversion = self.config.traditional.conversion if self.config.traditional.enabled else ""
        shared = SharedFiles(config, self.run.site, outputs, self.urls, cache_dir, conversion)
        published = shared.write()
        self._report_unpublished(published.failed)
        log.info(f"photos: {published.encoded} variants encoded, {published.reused} taken from {cache_dir}")

    # helpers

    def _keep_rendered(self, src_uri: str, blocks: list[Markup]) -> None:
        key, warnings_before = self.rendering.pop(src_uri, ("", 0))
        if key and self.run.warnings.count == warnings_before:
            self.page_cache.put(key, [str(block) for block in blocks])

    def _story_of(self, page) -> tuple | None:
        """The story a page shows and the language it shows it in (the Traditional edition's
        pages come from the Chinese files)."""
        found = self.run.site.story_for(page.file.src_uri)
        if found and self.lang == TRADITIONAL_LANG:
            return found[0], TRADITIONAL_LANG
        return found

    def _site_path(self, page) -> str:
        """The page's address from the site's root, also in a build of one language below it."""
        return self.prefix + page.url

    def _traditional_locale(self) -> str:
        return traditional.OG_LOCALES[self.config.traditional.conversion]

    def _indexes_search(self) -> bool:
        """`mkdocs serve` rebuilds on every save: indexing every language again would more than
        double the wait before the edit shows, and a preview is for reading, not searching."""
        return self.config.search and self.command != "serve"

    def _wait_for_search(self) -> dict[str, int]:
        indexed: dict[str, int] = {}
        try:
            for indexing in self.run.indexing:
                indexed.update(indexing.wait())
        except search.IndexingFailed as failed:
            raise PluginError(str(failed)) from None
        return indexed

    def _report_unpublished(self, failed: dict[str, str]) -> None:
        for site_path, problem in failed.items():
            finding = photo_checks.unpublished_photo(self.run.site, site_path, problem)
            log.warning("\n".join([finding.format(self.run.root), *messages.explain([finding.code])]))

    def _only_theme_scripts(self, html: str, written_as: str) -> str:
        """Stop the build at a page with an inline script that no template contains: the policy would
        refuse it in the reader's browser, and it did not come from the theme."""
        unlisted = csp.unlisted_scripts(html, self.script_hashes)
        if unlisted:
            raise PluginError(
                f"{written_as}: the page holds an inline script that is not one of the theme's "
                f"({unlisted[0][:60]!r}); a template that adds one must be listed in newsroom/render/csp.py "
                "THEME_SCRIPTS / 页面里有一段不属于网站模板的内联脚本：如是新模板加的，把模板登记到 csp.py 的 THEME_SCRIPTS"
            )
        return html
