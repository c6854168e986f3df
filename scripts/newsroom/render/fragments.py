"""The templates' pieces (overrides/newsroom/fragments.html) as Python calls, for the HTML the
build puts into pages before the page templates run: photos in a story body, the bilingual
view's body. The macros escape what they print, so their output is safe to mark as such."""

from __future__ import annotations

from markupsafe import Markup

TEMPLATE = "newsroom/fragments.html"


class Fragments:
    def __init__(self, env) -> None:
        """`env`: the theme's Jinja environment (config.theme.get_env()), which finds overrides/."""
        self._macros = env.get_template(TEMPLATE).module

    def figure(self, view) -> Markup:
        return Markup(self._macros.figure(view))

    def bilingual_body(self, body) -> Markup:
        return Markup(self._macros.bilingual_body(body))
