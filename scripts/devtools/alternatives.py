"""The same stories as other setups would build them, for the benchmark's side-by-side mode.

- Plain Material for MkDocs with mkdocs-static-i18n (and Material's own search, or none): the
  docs as they are, but with Material's templates (no overrides/, no newsroom plugin), and the
  stories kept out of the navigation, as the default navigation of every story on every page
  makes the output grow quadratically.
- Hugo, multilingual by file name: each story folder becomes a page bundle with its photos as
  resources, built with the small layout in devtools/hugo_site/ (a page per story, a list, and a
  JSON search index per language).
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

from newsroom.model import yaml_writer
from newsroom.model.schema import SOURCE_LANG, TRANSLATION_LANG
from newsroom.model.story import STORIES_DIR

HUGO_SITE = Path(__file__).parent / "hugo_site"
# the project's home pages name its own templates, which plain Material does not have
HOME_PAGES = {SOURCE_LANG: "index.zh.md", TRANSLATION_LANG: "index.en.md"}
HOME_TITLES = {SOURCE_LANG: "首页", TRANSLATION_LANG: "Home"}
SITE_NAMES = {SOURCE_LANG: "晋中专题报道", TRANSLATION_LANG: "Jinzhong Features"}


def write_material_project(docs: Path, root: Path, search: bool) -> Path:
    """A plain Material + i18n project in `root` building a copy of `docs`; its mkdocs.yml."""
    shutil.copytree(docs, root / "docs", ignore=shutil.ignore_patterns("_data"))
    for lang, name in HOME_PAGES.items():
        (root / "docs" / name).write_text(_home_page(lang), encoding="utf-8")
    i18n = {
        "docs_structure": "suffix",
        "fallback_to_default": True,
        "reconfigure_material": True,
        "languages": [
            {"locale": SOURCE_LANG, "name": "中文", "default": True, "build": True},
            {"locale": TRANSLATION_LANG, "name": "English", "build": True, "site_name": SITE_NAMES[TRANSLATION_LANG]},
        ],
    }
    config = {
        "site_name": SITE_NAMES[SOURCE_LANG],
        "site_url": "https://example.org/",
        "use_directory_urls": True,
        "theme": {"name": "material", "language": SOURCE_LANG, "font": False},
        "plugins": [*(["search"] if search else []), {"i18n": i18n}],
        "nav": ["index.md", "about.md", "corrections.md"],
        "not_in_nav": f"/{STORIES_DIR}/\n",
        "markdown_extensions": ["toc", "attr_list", "md_in_html"],
    }
    config_file = root / "mkdocs.yml"
    config_file.write_text(yaml_writer.new_document(config), encoding="utf-8")
    return config_file


def material_build_command(config_file: Path) -> list[str]:
    return [sys.executable, "-m", "mkdocs", "build", "--quiet", "--config-file", str(config_file)]


def material_site(config_file: Path) -> Path:
    return config_file.parent / "site"  # MkDocs' default site_dir


def write_hugo_site(docs: Path, root: Path) -> Path:
    """A Hugo site in `root` with the stories of `docs` as page bundles; `root`."""
    shutil.copytree(HUGO_SITE, root)
    content = root / "content"
    shutil.copytree(docs / STORIES_DIR, content / STORIES_DIR)
    for lang, title in HOME_TITLES.items():
        (content / f"_index.{lang}.md").write_text(yaml_writer.new_front_matter({"title": title}), encoding="utf-8")
    return root


def hugo_build_command(hugo: str) -> list[str]:
    return [hugo, "--quiet", "--destination", "public", "--cleanDestinationDir"]


def hugo_site_output(root: Path) -> Path:
    return root / "public"


def _home_page(lang: str) -> str:
    return yaml_writer.new_front_matter({"title": HOME_TITLES[lang]}) + f"\n# {HOME_TITLES[lang]}\n"
