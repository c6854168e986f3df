"""The newsroom plugin's settings, under `plugins: newsroom:` in mkdocs.yml.

Everything a build can be asked to do differently is here, never in environment variables:
`stories.py preview` and `stories.py build` write a small configuration that `INHERIT`s
mkdocs.yml and sets these (and i18n's `build_only_locale`).
"""

from __future__ import annotations

import difflib

from mkdocs.config import base
from mkdocs.config import config_options as c

from newsroom.model.schema import SOURCE_LANG, TRADITIONAL_LANG, TRANSLATION_LANG
from newsroom.render.traditional import CONVERSIONS

PLUGIN_NAME = "newsroom"


class TraditionalConfig(base.Config):
    """The Traditional Chinese edition (i18n's `zh-Hant` language), converted from the Chinese."""

    enabled = c.Type(bool, default=False)
    # OpenCC's Taiwan standard with Taiwanese phrases, or its Hong Kong standard
    conversion = c.Choice(CONVERSIONS, default=CONVERSIONS[0])


class NewsroomConfig(base.Config):
    # the one story a preview reads and shows, so that a save shows quickly
    only_story = c.Optional(c.Type(str))
    # a Pagefind index per language; a preview turns it off, it only slows each rebuild down
    search = c.Type(bool, default=True)
    # whether this build runs the check (one of `stories.py build`'s parallel builds does, the other not)
    check = c.Type(bool, default=True)
    # WebP variants of the photos, by content; relative to mkdocs.yml
    cache_dir = c.Type(str, default=".cache")  # runs.CACHE_FOLDER
    # set by `stories.py build` for its builds of one language each: leave what the pages that
    # need both languages are made from in this folder, instead of writing those pages
    hand_off_dir = c.Optional(c.Type(str))
    # each story page's rendered blocks kept in cache_dir/pages/, so that a build renders only
    # the stories that changed (newsroom/mkdocs/page_cache.py)
    page_cache = c.Type(bool, default=True)
    traditional = c.SubConfig(TraditionalConfig)

    def languages(self) -> tuple[str, ...]:
        """Every language of the site, as the language switch shows them: 简体 · 繁體 · English."""
        return (SOURCE_LANG, *((TRADITIONAL_LANG,) if self.traditional.enabled else ()), TRANSLATION_LANG)

    def validate(self):
        failed, warnings = super().validate()
        known = [name for name, _ in self._schema]
        for name, message in list(warnings):
            if str(message).startswith("Unrecognised configuration name"):
                warnings.remove((name, message))
                close = difflib.get_close_matches(name, known, n=1, cutoff=0.6)
                guess = f"did you mean `{close[0]}`? " if close else ""
                failed.append(
                    (
                        name,
                        base.ValidationError(
                            f"unknown setting `{name}` under plugins → {PLUGIN_NAME} in mkdocs.yml; {guess}"
                            f"the settings are {', '.join(known)} / 新闻插件没有 `{name}` 这个设置，请改正或删除"
                        ),
                    )
                )
        return failed, warnings
