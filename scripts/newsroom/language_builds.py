"""What each language's build leaves behind, and building a language in a second process.

mkdocs-static-i18n builds the languages one after the other in one process. A full build can
instead hand the translation to a forked copy of the build, which renders the English pages
while this process renders the Chinese ones, and sends back what the steps after both
languages need (feeds, bilingual views, the policy's hashes, the 404 page).
"""

from __future__ import annotations

import multiprocessing
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from multiprocessing.connection import Connection

from mkdocs.exceptions import Abort


@dataclass
class LanguageOutput:
    """What one language's build leaves for the steps that need every language."""

    site_name: str = ""
    story_html: dict[str, str] = field(default_factory=dict)  # slug -> the rendered story (feeds)
    paragraphs: dict[str, list[str]] = field(default_factory=dict)  # slug -> each paragraph's HTML
    not_found_page: str = ""
    script_hashes: set[str] = field(default_factory=set)  # the Content-Security-Policy's hashes
    style_hashes: set[str] = field(default_factory=set)
    pages_indexed: dict[str, int] = field(default_factory=dict)  # by search, if indexed where it was built


class LanguageBuildFailed(Exception):
    pass


@dataclass
class BackgroundBuild:
    language: str
    process: multiprocessing.process.BaseProcess
    connection: Connection

    def result(self) -> LanguageOutput:
        """Wait for the build; raises LanguageBuildFailed, with its reason, if it failed."""
        try:
            outcome = self.connection.recv()
        except EOFError:
            outcome = f"the process building it stopped (exit code {self.process.exitcode})"
        finally:
            self.connection.close()
            self.process.join()
        if isinstance(outcome, str):
            raise LanguageBuildFailed(f"The '{self.language}' pages were not built: {outcome}")
        return outcome


def build_in_background(language: str, build: Callable[[], LanguageOutput]) -> BackgroundBuild:
    """Run `build` in a forked copy of this process, which has read everything this one has."""
    context = multiprocessing.get_context("fork")
    receiving, sending = context.Pipe(duplex=False)
    # daemonic: if this process stops first (a failed build), the copy goes with it
    process = context.Process(target=_run, args=(build, sending), name=f"build-{language}", daemon=True)
    process.start()
    sending.close()
    return BackgroundBuild(language, process, receiving)


def _run(build: Callable[[], LanguageOutput], connection: Connection) -> None:
    try:
        outcome: LanguageOutput | str = build()
    except Abort as stopped:  # MkDocs has already logged why (strict mode, a broken page)
        outcome = str(stopped)
    except Exception:  # a fault in a hook or plugin: its traceback is what a developer needs
        outcome = traceback.format_exc()
    connection.send(outcome)
    connection.close()
