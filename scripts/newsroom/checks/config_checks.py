"""Mistakes in mkdocs.yml, reported like a story's: the file, the line and the fix.

MkDocs warns about a misspelt setting without its line or the setting that was meant, and it
accepts an i18n configuration that quietly stops building one of the site's languages.
`stories.py build` and `stories.py check` read mkdocs.yml with MkDocs' own configuration
classes first; a plain `mkdocs build` meets the same language rules in the newsroom plugin.
"""

from __future__ import annotations

import difflib
import re
from pathlib import Path

from newsroom.model.findings import ERROR, Finding
from newsroom.model.schema import LANGUAGE_NAMES, LANGUAGES, SOURCE_LANG, TRADITIONAL_LANG

CONFIG_FILE = "mkdocs.yml"
def check_config_file(config_file: Path) -> list[Finding]:
    """What MkDocs would refuse or ignore in mkdocs.yml, and what the site needs of it, before
    anything is built: unknown settings (also of a plugin), settings MkDocs refuses, the languages."""
    from mkdocs.config.defaults import MkDocsConfig

    config = MkDocsConfig(config_file_path=str(config_file))
    try:
        with open(config_file, "rb") as opened:
            config.load_file(opened)
    except Exception as unreadable:  # MkDocs' YAML and file errors are of several kinds
        return [Finding(config_file, 1, ERROR, f"MkDocs cannot read the file: {unreadable}", "correct the YAML")]
    findings = [_unknown(config_file, name, None, _top_level_settings()) for name in config if name not in _top_level_settings()]
    plugins = config.get("plugins") or []
    entries = plugins.items() if isinstance(plugins, dict) else [next(iter(p.items())) if isinstance(p, dict) else (p, {}) for p in plugins]
    for plugin, options in entries:
        known = _plugin_settings(plugin)
        findings += [_unknown(config_file, name, plugin, known) for name in (options or {}) if known and name not in known]
    if findings:
        return findings
    failed, _ = config.validate()
    findings += [
        Finding(config_file, _line_of_key(config_file, name), ERROR, f"`{name}`: {error}", "correct the setting")
        for name, error in failed
    ]
    return findings or check_languages(config, config_file)


def _unknown(config_file: Path, name: str, plugin: str | None, known: list[str]) -> Finding:
    close = difflib.get_close_matches(name, known, n=1, cutoff=0.6)
    guess = f"did you mean `{close[0]}`? " if close else ""
    where = f" under plugins → {plugin}" if plugin else ""
    return Finding(
        config_file,
        _line_of_key(config_file, name, after=plugin),
        ERROR,
        f"unknown setting `{name}`{where}",
        f"{guess}MkDocs ignores settings it does not know; correct or remove it",
    )


def check_languages(config, config_file: Path) -> list[Finding]:
    """The i18n plugin must build Chinese (the default, at the site's root) and English."""
    i18n = config.plugins.get("i18n")
    if i18n is None:
        return [
            Finding(
                config_file,
                _line_of_key(config_file, "plugins"),
                ERROR,
                "the i18n plugin is missing, so the site would be built in one language only",
                "restore the `i18n:` entry under `plugins:` from git",
            )
        ]
    languages = i18n.config.languages
    locales = [language.locale for language in languages]
    line = _line_of_key(config_file, "languages", after="i18n")
    findings = [
        Finding(
            config_file,
            line,
            ERROR,
            f"plugins → i18n → languages has no `{locale}` ({LANGUAGE_NAMES[locale]})",
            f"add it back under `languages:`: `- locale: {locale}`, with its `name:` and `build: true`",
        )
        for locale in LANGUAGES
        if locale not in locales
    ]
    findings += [
        Finding(
            config_file,
            _line_of_key(config_file, "locale", after="i18n", value=locale),
            ERROR,
            f"plugins → i18n → languages lists `{locale}`, which the stories are not written in",
            f"remove it; the languages are {' and '.join(LANGUAGES)}",
        )
        for locale in sorted(set(locales) - {*LANGUAGES, TRADITIONAL_LANG})
    ]
    newsroom = config.plugins.get("newsroom")
    traditional = bool(newsroom and newsroom.config.traditional.enabled)
    if traditional and TRADITIONAL_LANG not in locales:
        findings.append(
            Finding(
                config_file,
                line,
                ERROR,
                f"plugins → newsroom → traditional is enabled, but i18n's languages have no `{TRADITIONAL_LANG}`",
                f"add `- locale: {TRADITIONAL_LANG}` with `name: 繁體` and `build: true` under `languages:` "
                f"/ 启用了繁体版，但 i18n 的语言里没有 {TRADITIONAL_LANG}",
            )
        )
    if i18n.config.build_only_locale:
        return findings  # a preview of one language turns the others off on purpose
    defaults = [language.locale for language in languages if language.default]
    if defaults != [SOURCE_LANG]:
        findings.append(
            Finding(
                config_file,
                line,
                ERROR,
                f"the default language must be {SOURCE_LANG} alone, not {', '.join(defaults) or 'none'}",
                f"give `default: true` to the `{SOURCE_LANG}` language only",
            )
        )
    findings += [
        Finding(
            config_file,
            _line_of_key(config_file, "locale", after="i18n", value=language.locale),
            ERROR,
            f"i18n builds `{TRADITIONAL_LANG}`, but plugins → newsroom → traditional is not enabled, so it would "
            "be the Simplified pages under another address",
            f"set `traditional: {{enabled: true}}` under the newsroom plugin, or `build: false` for `{TRADITIONAL_LANG}` "
            "/ 繁体版没有启用：请启用 traditional，或不构建该语言",
        )
        for language in languages
        if language.locale == TRADITIONAL_LANG and language.build and not traditional
    ]
    findings += [
        Finding(
            config_file,
            _line_of_key(config_file, "locale", after="i18n", value=language.locale),
            ERROR,
            f"the language `{language.locale}` is not built",
            "set `build: true` for it",
        )
        for language in languages
        # `stories.py build` builds English in a process of its own
        if language.locale in LANGUAGES and not language.build and not (newsroom and newsroom.config.hand_off_dir)
    ]
    return findings


def _line_of_key(config_file: Path, key: str, after: str | None = None, value: str | None = None) -> int:
    """The line of `key:` (with `value`, if given) in the config file, below the line naming `after`."""
    try:
        lines = config_file.read_text(encoding="utf-8").split("\n")
    except (OSError, UnicodeDecodeError):
        return 1
    pattern = re.compile(rf"^\s*(?:-\s+)?{re.escape(key)}\s*:\s*{re.escape(value) if value else ''}")
    start = next((i for i, line in enumerate(lines) if after and re.match(rf"^\s*(?:-\s+)?{re.escape(after)}\s*:", line)), 0)
    return next((i + 1 for i in range(start, len(lines)) if pattern.match(lines[i])), start + 1)


def _top_level_settings() -> list[str]:
    from mkdocs.config.defaults import MkDocsConfig

    return [name for name, _ in MkDocsConfig._schema]


def _plugin_settings(plugin: str) -> list[str]:
    from mkdocs.plugins import get_plugins

    entry_point = get_plugins().get(plugin)
    return [name for name, _ in entry_point.load().config_scheme] if entry_point else []
