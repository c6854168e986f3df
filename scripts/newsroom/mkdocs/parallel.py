"""What each language's build leaves behind, and work done in a forked copy of the build.

mkdocs-static-i18n builds the languages one after the other in one process. A full build can
instead hand the translation to a forked copy of the build, which renders the English pages
while this process renders the Chinese ones, and sends back what the steps after both
languages need (feeds, bilingual views, the 404 page). The check runs in
a copy of its own while this process reads the files.
"""

from __future__ import annotations

import multiprocessing
import traceback
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from multiprocessing.connection import Connection
from typing import Any

from mkdocs.exceptions import Abort


@dataclass
class LanguageOutput:
    """What one language's build leaves for the steps that need every language."""

    site_name: str = ""
    story_html: dict[str, str] = field(default_factory=dict)  # slug -> the rendered story (feeds)
    paragraphs: dict[str, list[str]] = field(default_factory=dict)  # slug -> each paragraph's HTML
    not_found_page: str = ""


class ForkFailed(Exception):
    pass


@dataclass(frozen=True)
class _Failure:
    reason: str


@dataclass
class Forked:
    """Work going on in a forked copy of this process; `receive` takes what it yields, in order."""

    name: str
    process: multiprocessing.process.BaseProcess
    connection: Connection

    def receive(self) -> Any:
        """Wait for the next thing the work yields; raises ForkFailed, with the reason, if it failed."""
        try:
            message = self.connection.recv()
        except EOFError:
            message = _Failure(f"it stopped (exit code {self.process.exitcode})")
        if isinstance(message, _Failure):
            self.close()
            raise ForkFailed(f"{self.name} failed: {message.reason}")
        return message

    def close(self) -> None:
        self.connection.close()
        self.process.join()


def fork(name: str, work: Callable[[], Iterator[Any]]) -> Forked:
    """Run `work` in a forked copy of this process, which has everything this one has read.

    `work` yields its results one by one, so that this process can go on with the first while
    the copy is still busy with the next."""
    context = multiprocessing.get_context("fork")
    receiving, sending = context.Pipe(duplex=False)
    # daemonic: if this process stops first (a failed build), the copy goes with it
    process = context.Process(target=_run, args=(work, sending), name=name, daemon=True)
    process.start()
    sending.close()
    return Forked(name, process, receiving)


def _run(work: Callable[[], Iterator[Any]], connection: Connection) -> None:
    try:
        for result in work():
            connection.send(result)
    except Abort as stopped:  # MkDocs has already logged why (strict mode, a broken page)
        connection.send(_Failure(str(stopped)))
    except Exception:  # a fault in a hook or plugin: its traceback is what a developer needs
        connection.send(_Failure(traceback.format_exc()))
    connection.close()
