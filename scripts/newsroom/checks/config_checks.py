"""Mistakes in mkdocs.yml, reported like a story's: the file, the line and the fix.

MkDocs warns about a misspelt setting ("Unrecognised configuration name") without its line
or the setting that was meant, and it accepts an i18n configuration that quietly stops
building one of the site's languages, or a plugin list without the newsroom's own plugin.
The build checks the configuration it loaded; `stories.py check` loads mkdocs.yml as MkDocs
does (validating it, without building) and checks the same.
"""

from __future__ import annotations

import difflib
import logging
import re
from pathlib import Path

import yaml

from newsroom.model.catalogue import Code, report
from newsroom.model.findings import Finding
from newsroom.model.schema import LANGUAGE_NAMES, LANGUAGES, SOURCE_LANG

CONFIG_FILE = "mkdocs.yml"
NEWSROOM_PLUGIN = "newsroom"
HOOKS_FILE = "mkdocs_hooks.py"  # the build hooks, until they become the newsroom plugin
_UNRECOGNISED = re.compile(
    r"^Config value '[^']+': (?:Plugin '(?P<plugin>[^']+)' option '(?P<option>[^']+)': )?"
    r".*Unrecognised configuration name: (?P<name>\S+)"
)


def unknown_setting(warning: str, config_file: Path) -> Finding | None:
    """The finding for MkDocs' warning about an unknown setting, or None for any other warning."""
    match = _UNRECOGNISED.match(warning)
    if not match:
        return None
    name, plugin, option = match["name"], match["plugin"], match["option"]
    if plugin is None:
        where, known = "", _top_level_settings()
    elif option == name:
        where, known = f" under plugins → {plugin}", _plugin_settings(plugin)
    else:  # a setting inside one of the plugin's lists, e.g. of a language
        where, known = f" under plugins → {plugin} → {option}", []
    close = difflib.get_close_matches(name, known, n=1, cutoff=0.6)
    line = _line_of_key(config_file, name, after=plugin)
    if close:
        return report(Code.UNKNOWN_SETTING_LIKE, config_file, line, name=name, where=where, guess=close[0])
    return report(Code.UNKNOWN_SETTING, config_file, line, name=name, where=where)


class ExplainUnknownSettings(logging.Filter):
    """Turns MkDocs' warnings about unknown settings into findings with their line and fix."""

    def __init__(self, config_file: Path):
        super().__init__()
        self.config_file = config_file

    def filter(self, record: logging.LogRecord) -> bool:
        finding = unknown_setting(record.getMessage(), self.config_file)
        if finding:
            record.msg, record.args = finding.format(self.config_file.parent), ()
        return True


def explain_unknown_settings(logger: logging.Logger, config_file: Path) -> None:
    """Attach the filter to `logger`, replacing one attached by an earlier load of the hooks."""
    for old in [f for f in logger.filters if isinstance(f, ExplainUnknownSettings)]:
        logger.removeFilter(old)
    logger.addFilter(ExplainUnknownSettings(config_file))


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
        for locale in sorted(set(locales) - set(LANGUAGES))
    ]
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
            Code.LANGUAGE_NOT_BUILT,
            config_file,
            _line_of_key(config_file, "locale", after="i18n", value=language.locale),
            locale=language.locale,
        )
        for language in languages
        if language.locale in LANGUAGES and not language.build
    ]
    return findings


def check_plugins(plugins: list[str], hooks: list[str], config_file: Path) -> list[Finding]:
    """The newsroom plugin builds the stories: `plugins:` lists it after i18n, so that it sees
    each language i18n builds. Until the build hooks become that plugin, `hooks:` listing
    scripts/mkdocs_hooks.py stands for it. `plugins` are the names as listed, in their order."""
    if NEWSROOM_PLUGIN not in plugins:
        if any(Path(hook).name == HOOKS_FILE for hook in hooks):
            return []
        return [report(Code.NEWSROOM_PLUGIN_MISSING, config_file, _line_of_key(config_file, "plugins"))]
    if "i18n" in plugins and plugins.index(NEWSROOM_PLUGIN) < plugins.index("i18n"):
        return [report(Code.NEWSROOM_BEFORE_I18N, config_file, _line_of_item(config_file, NEWSROOM_PLUGIN))]
    return []


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
        mark = getattr(problem.__context__ or problem, "problem_mark", None)  # MkDocs wraps YAML's error
        line = mark.line + 1 if mark else 1
        return [report(Code.CONFIG_UNREADABLE, config_file, line, problem=" ".join(str(problem).split()))]
    # the plugins as listed, before validation loads them (one that fails to load is still in its place)
    listed = [next(iter(entry), "") if isinstance(entry, dict) else str(entry) for entry in config.get("plugins") or []]
    plugin_findings = check_plugins(listed, [str(hook) for hook in config.get("hooks") or []], config_file)
    try:
        errors, warnings = config.validate()
    except Exception as problem:  # a plugin's or a hook's own code fails as MkDocs loads it
        line = _line_of_key(config_file, "plugins")
        return [report(Code.PLUGIN_UNLOADABLE, config_file, line, problem=f"{type(problem).__name__}: {problem}")] + plugin_findings
    findings = [
        finding
        for name, warning in warnings
        if (finding := unknown_setting(f"Config value '{name}': {warning}", config_file))
    ]
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
    start = next((i for i, line in enumerate(lines) if after and re.match(rf"^\s*-\s+{re.escape(after)}\b", line)), 0)
    return next((i + 1 for i in range(start, len(lines)) if pattern.match(lines[i])), start + 1)


def _line_of_item(config_file: Path, item: str) -> int:
    """The line of the list item `- item` (e.g. a plugin without settings) in the config file."""
    try:
        lines = config_file.read_text(encoding="utf-8").split("\n")
    except (OSError, UnicodeDecodeError):
        return 1
    pattern = re.compile(rf"^\s*-\s+{re.escape(item)}\s*:?\s*$")
    return next((number for number, line in enumerate(lines, 1) if pattern.match(line)), 1)


def _top_level_settings() -> list[str]:
    from mkdocs.config.defaults import MkDocsConfig

    return [name for name, _ in MkDocsConfig._schema]


def _plugin_settings(plugin: str) -> list[str]:
    from mkdocs.plugins import get_plugins

    entry_point = get_plugins().get(plugin)
    return [name for name, _ in entry_point.load().config_scheme] if entry_point else []
