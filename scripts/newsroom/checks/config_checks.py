"""Mistakes in mkdocs.yml, reported like a story's: the file, the line and the fix.

MkDocs warns about a misspelt setting without its line or the setting that was meant, and it
accepts an i18n configuration that quietly stops building one of the site's languages, or a
plugin list without the newsroom's own plugin. `stories.py check` and `stories.py build` read
mkdocs.yml with MkDocs' own configuration classes (validating it, without building) and check
it; a plain `mkdocs build` meets the same language rules in the newsroom plugin.
"""

from __future__ import annotations

import difflib
import re
from pathlib import Path

import yaml

from newsroom.model.catalogue import Code, report
from newsroom.model.findings import Finding
from newsroom.model.frontmatter import key_lines
from newsroom.model.schema import LANGUAGE_NAMES, LANGUAGES, SOURCE_LANG, TRADITIONAL_LANG

CONFIG_FILE = "mkdocs.yml"
NEWSROOM_PLUGIN = "newsroom"


def _unknown(config_file: Path, name: str, plugin: str | None, known: list[str]) -> Finding:
    close = difflib.get_close_matches(name, known, n=1, cutoff=0.6)
    where = f" under plugins → {plugin}" if plugin else ""
    line = _line_of_key(config_file, name, after=plugin)
    if close:
        return report(Code.UNKNOWN_SETTING_LIKE, config_file, line, name=name, where=where, guess=close[0])
    return report(Code.UNKNOWN_SETTING, config_file, line, name=name, where=where)


def unknown_settings(config, config_file: Path) -> list[Finding]:
    """Settings in mkdocs.yml, at the top or of a plugin, that MkDocs or the plugin does not know
    (MkDocs only warns about them, and goes on without them)."""
    findings = [_unknown(config_file, name, None, _top_level_settings()) for name in config if name not in _top_level_settings()]
    plugins = config.get("plugins") or []
    entries = plugins.items() if isinstance(plugins, dict) else [_plugin_entry(entry) for entry in plugins]
    for plugin, options in entries:
        known = _plugin_settings(plugin)
        findings += [_unknown(config_file, name, plugin, known) for name in options or {} if known and name not in known]
    return findings


def _plugin_entry(entry) -> tuple[str, dict]:
    return next(iter(entry.items())) if isinstance(entry, dict) else (str(entry), {})


def check_languages(config, config_file: Path) -> list[Finding]:
    """The i18n plugin must build Chinese (the default, at the site's root) and English."""
    i18n = config.plugins.get("i18n")
    if i18n is None:
        return [report(Code.I18N_MISSING, config_file, _line_of_key(config_file, "plugins"))]
    languages = i18n.config.languages
    locales = [language.locale for language in languages]
    line = _line_of_key(config_file, "languages", after="i18n")
    findings = [
        report(Code.LANGUAGE_MISSING, config_file, line, locale=locale, language=LANGUAGE_NAMES[locale])
        for locale in LANGUAGES
        if locale not in locales
    ]
    findings += [
        report(
            Code.LANGUAGE_UNKNOWN,
            config_file,
            _line_of_key(config_file, "locale", after="i18n", value=locale),
            locale=locale,
            languages=" and ".join(LANGUAGES),
        )
        for locale in sorted(set(locales) - {*LANGUAGES, TRADITIONAL_LANG})
    ]
    newsroom = config.plugins.get("newsroom")
    traditional = bool(newsroom and newsroom.config.traditional.enabled)
    if traditional and TRADITIONAL_LANG not in locales:
        findings.append(report(Code.TRADITIONAL_WITHOUT_LANGUAGE, config_file, line, locale=TRADITIONAL_LANG))
    if i18n.config.build_only_locale:
        return findings  # a preview of one language turns the others off on purpose
    defaults = [language.locale for language in languages if language.default]
    if defaults != [SOURCE_LANG]:
        findings.append(
            report(
                Code.DEFAULT_LANGUAGE, config_file, line, source=SOURCE_LANG, defaults=", ".join(defaults) or "none"
            )
        )
    findings += [
        report(
            Code.TRADITIONAL_NOT_CONVERTED,
            config_file,
            _line_of_key(config_file, "locale", after="i18n", value=language.locale),
            locale=TRADITIONAL_LANG,
        )
        for language in languages
        # without the newsroom plugin, that is what the check reports
        if language.locale == TRADITIONAL_LANG and language.build and newsroom and not traditional
    ]
    findings += [
        report(
            Code.LANGUAGE_NOT_BUILT,
            config_file,
            _line_of_key(config_file, "locale", after="i18n", value=language.locale),
            locale=language.locale,
        )
        for language in languages
        # `stories.py build` builds English in a process of its own
        if language.locale in LANGUAGES and not language.build and not (newsroom and newsroom.config.hand_off_dir)
    ]
    return findings


def check_plugins(plugins: list[str], config_file: Path) -> list[Finding]:
    """The newsroom plugin builds the stories: `plugins:` must list it (beside i18n; its handlers
    state their priorities, so the order of the two does not matter). `plugins` are the names as listed."""
    if NEWSROOM_PLUGIN not in plugins:
        return [report(Code.NEWSROOM_PLUGIN_MISSING, config_file, _line_of_key(config_file, "plugins"))]
    return []


def newsroom_setting_errors(config, config_file: Path) -> list[Finding]:
    """The newsroom plugin's own settings, validated as the plugin will validate them, each error at
    its line (MkDocs reports them all at `plugins:`, with Python's names for the types)."""
    from mkdocs.plugins import get_plugins

    plugins = config.get("plugins")
    options = plugins.get(NEWSROOM_PLUGIN) if isinstance(plugins, dict) else None
    entry_point = get_plugins().get(NEWSROOM_PLUGIN)
    if not isinstance(options, dict) or entry_point is None:
        return []
    settings = entry_point.load().config_class()
    settings.load_dict(options)
    failed, _ = settings.validate()
    lines = key_lines(config_file)
    return [
        report(
            Code.CONFIG_INVALID,
            config_file,
            lines.get(("plugins", NEWSROOM_PLUGIN, name), lines.get(("plugins",), 1)),
            name=f"plugins → {NEWSROOM_PLUGIN} → {name}",
            problem=str(error),
        )
        for name, error in failed
    ]


def check_config_file(config_file: Path) -> list[Finding]:
    """What the check tells of mkdocs.yml without building: it is read and validated as MkDocs
    reads it (which loads its plugins and hooks), then its settings, languages and plugins are checked."""
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.exceptions import ConfigurationError

    config = MkDocsConfig(config_file_path=str(config_file))
    try:
        with config_file.open("rb") as opened:
            config.load_file(opened)
    except (OSError, UnicodeDecodeError, yaml.YAMLError, ConfigurationError) as problem:
        error = problem.__context__ or problem  # MkDocs wraps YAML's error
        # where an unclosed list or quote opens, else where YAML stopped
        mark = getattr(error, "context_mark", None) or getattr(error, "problem_mark", None)
        line = mark.line + 1 if mark else 1
        return [report(Code.CONFIG_UNREADABLE, config_file, line, problem=" ".join(str(problem).split()))]
    # the plugins as listed, before validation loads them (one that fails to load is still in its place)
    plugins = config.get("plugins") or []
    listed = list(plugins) if isinstance(plugins, dict) else [_plugin_entry(entry)[0] for entry in plugins]
    plugin_findings = check_plugins(listed, config_file)
    unknown = unknown_settings(config, config_file)
    if unknown:
        return unknown + plugin_findings
    newsroom = newsroom_setting_errors(config, config_file)
    if newsroom:
        return newsroom + plugin_findings
    try:
        errors, _ = config.validate()
    except Exception as problem:  # a plugin's or a hook's own code fails as MkDocs loads it
        line = _line_of_key(config_file, "plugins")
        return [report(Code.PLUGIN_UNLOADABLE, config_file, line, problem=f"{type(problem).__name__}: {problem}")] + plugin_findings
    findings = []
    if errors:
        findings += [
            report(Code.CONFIG_INVALID, config_file, _line_of_key(config_file, name), name=name, problem=error)
            for name, error in errors
        ]
    else:
        findings += check_languages(config, config_file)
    return findings + plugin_findings


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
