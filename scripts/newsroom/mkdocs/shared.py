"""What needs every language: the bilingual views, photo variants, feeds, sitemaps, robots.txt,
`_headers` and each language's 404 page, written once the languages' pages are.

Each language's build leaves a LanguageOutput: in memory when one MkDocs run builds them all, in
a hand-off folder when `stories.py build` builds each in a process of its own; SharedFiles
writes the same files from either.
"""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass, field
from pathlib import Path

from markupsafe import Markup, escape
from mkdocs.commands.build import get_context
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import AnchorLink, TableOfContents

from newsroom.model import files
from newsroom.model.schema import TRADITIONAL_LANG
from newsroom.model.site import Site
from newsroom.render import bilingual, csp, feeds, fragments, images, labels, search, seo, traditional, views

HAND_OFF_FILE = "{lang}.json"
STORY_TOP = "story"  # the id of a story page's header (story.html, bilingual.html)
BILINGUAL_TEMPLATE = "bilingual.html"


@dataclass
class LanguageOutput:
    """What one language's build leaves for the pages and files that need every language."""

    site_name: str = ""
    copyright: str = ""
    story_html: dict[str, str] = field(default_factory=dict)  # slug -> the rendered story, for the feed's stories
    paragraphs: dict[str, list[str]] = field(default_factory=dict)  # slug -> each paragraph's HTML
    not_found_page: str = ""


def theme_globals(lang: str, urls: views.Urls, script_hashes: frozenset[str]) -> dict:
    """What every template of a language's pages may print besides MkDocs' own context."""
    return {
        "labels": labels.table(lang),
        "search_bundle": f"{urls.home(lang)}{search.OUTPUT_DIR}/pagefind.js",
        "search_characters": f"{urls.home(lang)}{traditional.QUERY_TABLE_FILE}" if lang == TRADITIONAL_LANG else "",
        "content_security_policy": csp.policy(script_hashes),
    }


def hand_off(folder: Path, outputs: dict[str, LanguageOutput]) -> None:
    for lang, output in outputs.items():
        # whole or not at all: the step after both builds must never read half a file
        files.write_text(folder / HAND_OFF_FILE.format(lang=lang), json.dumps(asdict(output), ensure_ascii=False), replace=True)


def handed_off(folder: Path, languages) -> dict[str, LanguageOutput]:
    outputs = {}
    for lang in languages:
        data = json.loads((folder / HAND_OFF_FILE.format(lang=lang)).read_text(encoding="utf-8"))
        data["story_html"] = {slug: Markup(html) for slug, html in data["story_html"].items()}
        data["paragraphs"] = {slug: [Markup(html) for html in list_] for slug, list_ in data["paragraphs"].items()}
        outputs[lang] = LanguageOutput(**data)
    return outputs


@dataclass
class SharedFiles:
    config: object  # the MkDocs config of the run
    site: Site
    outputs: dict[str, LanguageOutput]
    urls: views.Urls
    cache_dir: Path
    conversion: str = ""  # the Traditional edition's, when the site has one

    def write(self) -> images.Published:
        """Write everything; returns what became of the photos."""
        site_dir = Path(self.config.site_dir)
        env = self.config.theme.get_env()
        script_hashes = csp.theme_hashes(env, {"config": self.config, "base_url": "."})
        if all(self.urls.is_built(lang) for lang in self.outputs) and len(self.outputs) > 1:
            for chinese in self.urls.chinese_editions():
                self._write_bilingual_views(env, script_hashes, chinese)
        published = images.publish(views.site_photos(self.site), self.cache_dir, site_dir, processes=os.cpu_count() or 1)
        self._write_feeds_and_sitemaps(site_dir)
        if self.urls.is_built(TRADITIONAL_LANG) and self.conversion:
            table = traditional.query_table(self.site.chinese_texts(), self.conversion)
            (site_dir / self.urls.home(TRADITIONAL_LANG) / traditional.QUERY_TABLE_FILE).write_text(
                json.dumps(table, ensure_ascii=False, separators=(",", ":")), encoding="utf-8"
            )
        (site_dir / csp.HEADERS_FILE).write_text(csp.headers_file(script_hashes), encoding="utf-8")
        for lang, output in self.outputs.items():
            if output.not_found_page:
                (site_dir / self.urls.home(lang) / "404.html").write_text(output.not_found_page, encoding="utf-8")
        return published

    def _write_feeds_and_sitemaps(self, site_dir: Path) -> None:
        site_url, urls = self.config.site_url or "/", self.urls
        for lang in urls.languages:
            output = self.outputs.get(lang, LanguageOutput())
            feed = feeds.atom_feed(self.site, lang, urls, site_url, output.site_name, output.story_html)
            (site_dir / urls.home(lang) / feeds.FEED_FILE).write_text(feed, encoding="utf-8")
        pages = views.published_pages(self.site, urls)
        (site_dir / "sitemap.xml").write_text(feeds.sitemap(site_url, pages), encoding="utf-8")
        for lang in urls.languages:
            if urls.home(lang):  # Material's script looks for a sitemap at each language's home
                (site_dir / urls.home(lang) / "sitemap.xml").write_text(
                    feeds.sitemap(site_url, pages, only=lang), encoding="utf-8"
                )
        (site_dir / "sitemap.xml.gz").unlink(missing_ok=True)  # Material's, listing pages by MkDocs' view
        (site_dir / "robots.txt").write_text(feeds.robots(site_url), encoding="utf-8")

    def _write_bilingual_views(self, env, script_hashes: frozenset[str], chinese: str) -> None:
        """Each view through the theme's own template, as MkDocs renders a page."""
        template = env.get_template(BILINGUAL_TEMPLATE)
        site_dir = Path(self.config.site_dir)
        body = fragments.Fragments(env)
        nav = Navigation([], [])
        if self.urls.home(chinese):
            # as i18n does for its languages' pages: the masthead and footer lead to the edition's home
            # (the templates ask `nav`, which is false while it lists no page)
            home_file = File("index.md", None, str(site_dir), self.config.use_directory_urls, dest_uri=f"{self.urls.home(chinese)}index.html")
            home = Page(None, home_file, self.config)
            nav = Navigation([home], [home])
            nav.homepage = home
        paragraphs = {lang: output.paragraphs for lang, output in self.outputs.items()}
        site_name = self.outputs[chinese].site_name
        site_url = self.config.site_url or "/"
        for story in self.site.stories:
            if not self.site.has_bilingual_view(story):
                continue
            data = bilingual.view(
                self.site, story, self.urls, {lang: found[story.slug] for lang, found in paragraphs.items()}, chinese
            )
            file = File(
                bilingual.src_uri(story, self.urls.home(chinese)), None, str(site_dir), self.config.use_directory_urls
            )
            page = Page(data.title, file, self.config)
            page.meta = {"title": escape(data.title), "template": BILINGUAL_TEMPLATE}
            page.content = body.bilingual_body(data.body)
            page.toc = TableOfContents([AnchorLink(data.title, STORY_TOP, 1)])
            context = get_context(nav, Files([]), self.config, page)
            context.update(theme_globals(chinese, self.urls, script_hashes))
            context.update(
                story=data.story,
                page_lang=chinese,
                site_name=site_name,
                copyright=self.outputs[chinese].copyright,
                head=seo.page_head(
                    site_url,
                    chinese,
                    {chinese: page.url},
                    data.title,
                    data.story.summary,
                    site_name,
                    traditional.OG_LOCALES.get(self.conversion, "zh_TW"),
                ),
                feed=feed_link(site_name, chinese, self.urls, page.url),
            )
            html = template.render(context)
            unlisted = csp.unlisted_scripts(html, script_hashes)
            if unlisted:
                raise PluginError(f"{file.dest_uri}: an inline script that is not one of the theme's ({unlisted[0][:60]!r})")
            path = Path(self.config.site_dir) / file.dest_uri
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(html, encoding="utf-8")


def feed_link(site_name: str, lang: str, urls: views.Urls, page_path: str) -> dict[str, str]:
    """The page head's link to its language's Atom feed."""
    return {
        "title": f"{site_name} · {labels.label(lang, 'feed')}",
        "url": views.relative_to(urls.home(lang) + feeds.FEED_FILE, page_path),
    }
