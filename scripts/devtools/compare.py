"""The benchmark's side-by-side mode: this project's build against plain Material and Hugo.

On one generated corpus per size, round after round in the same order (so that a busy moment
of the shared machine falls on every setup alike): the production build (`stories.py build`)
cold, warm and after a one-story edit, then plain Material + i18n with and without its search,
then Hugo. Each setup's figures are the medians over the rounds.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import statistics
import sys
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path

from newsroom.mkdocs import page_cache
from newsroom.model.story import STORIES_DIR
from newsroom.render import search

from devtools import alternatives
from devtools.bench_stories import write_docs
from devtools.measure import BenchFailed, cpu_seconds, folder_size, peak_rss_bytes, run_measured, size_text
from devtools.project import PROJECT_ROOT, build_command, make_project

DEFAULT_SIZES = (100, 1000)
DEFAULT_ROUNDS = 3
# what the plugin keeps between builds by content (rendered story pages, search shards); the
# photo variants stay: a cold build here is a full build with the photos encoded already
CONTENT_CACHES = tuple(Path(".cache") / folder for folder in (page_cache.CACHE_FOLDER, search.CACHE_FOLDER))
EDITED_STORY = "bench-0000"  # the newest story, the likeliest to be corrected
EDITED_ENDING = "，这句话改过。"  # replaces the full stop of the story's last sentence
HUGO = "hugo"
HUGO_MISSING = "hugo not installed"
HUGO_LABEL = "Hugo, same content, JSON search index per language"


@dataclass
class Round:
    wall_seconds: float
    cpu_seconds: float
    peak_rss_bytes: int
    output_bytes: int
    output_files: int


@dataclass
class SetupFigures:
    key: str
    label: str
    rounds: list[Round] = field(default_factory=list)
    missing: str = ""  # why the setup did not run

    @property
    def wall_seconds(self) -> float:
        return statistics.median(run.wall_seconds for run in self.rounds)

    @property
    def cpu_seconds(self) -> float:
        return statistics.median(run.cpu_seconds for run in self.rounds)

    @property
    def peak_rss_bytes(self) -> int:
        return max(run.peak_rss_bytes for run in self.rounds)

    def summary(self) -> dict:
        medians = (
            {
                "median_wall_seconds": self.wall_seconds,
                "median_cpu_seconds": self.cpu_seconds,
                "peak_rss_bytes": self.peak_rss_bytes,
                "output_bytes": self.rounds[-1].output_bytes,
                "output_files": self.rounds[-1].output_files,
            }
            if self.rounds
            else {}
        )
        return {
            "setup": self.key,
            "label": self.label,
            "missing": self.missing,
            **medians,
            "rounds": [asdict(run) for run in self.rounds],
        }


@dataclass
class SizeFigures:
    stories: int
    rounds: int
    setups: list[SetupFigures]
    load_at_start: tuple[float, float, float]
    load_at_end: tuple[float, float, float]

    def setup(self, key: str) -> SetupFigures:
        return next(figures for figures in self.setups if figures.key == key)

    def summary(self) -> dict:
        return {
            "stories": self.stories,
            "rounds": self.rounds,
            "load_at_start": self.load_at_start,
            "load_at_end": self.load_at_end,
            "setups": [figures.summary() for figures in self.setups],
        }


@dataclass
class Setup:
    key: str
    label: str
    command: list[str]
    cwd: Path
    output: Path
    # what a round does around the build: empty a cache, edit a story (and put it back)
    around: Callable[[], contextlib.AbstractContextManager] = contextlib.nullcontext


def measure(stories: int, workdir: Path, rounds: int) -> SizeFigures:
    """Generate `stories` stories in `workdir`, the other setups' copies of them, and measure
    every setup `rounds` times, interleaved."""
    setups = _setups(stories, workdir)
    figures = [SetupFigures(setup.key, setup.label) for setup in setups]
    hugo = shutil.which(HUGO)
    if hugo:
        setups.append(_hugo_setup(hugo, workdir))
        figures.append(SetupFigures(setups[-1].key, setups[-1].label))
    else:
        figures.append(SetupFigures("hugo", HUGO_LABEL, missing=HUGO_MISSING))
    _build(setups[0], "the first build, which caches the photos")
    load_at_start = os.getloadavg()
    for number in range(1, rounds + 1):
        for setup, setup_figures in zip(setups, figures):
            setup_figures.rounds.append(_measured_round(setup))
            wall = setup_figures.rounds[-1].wall_seconds
            print(
                f"compare: {stories} stories, round {number}: {setup.label}: {wall:.1f} s", file=sys.stderr, flush=True
            )
    return SizeFigures(stories, rounds, figures, load_at_start, os.getloadavg())


def _setups(stories: int, workdir: Path) -> list[Setup]:
    project = workdir / "project"
    write_docs(project / "docs", stories, PROJECT_ROOT / "docs")
    make_project(project, project / "docs")
    production = build_command(project, side_by_side=True)
    site = project / "site"
    edited = project / "docs" / STORIES_DIR / EDITED_STORY / "index.zh.md"
    material = alternatives.write_material_project(project / "docs", workdir / "material", search=True)
    plain = alternatives.write_material_project(project / "docs", workdir / "material-without-search", search=False)
    return [
        Setup("cold", "this project (`stories.py build`), cold: page and search caches emptied", production, project,
              site, lambda: _emptied(*(project / cache for cache in CONTENT_CACHES))),
        Setup("warm", "this project, warm: built again, nothing changed", production, project, site),
        Setup("edit", "this project, one sentence of one story's Chinese changed", production, project, site,
              lambda: _edited_sentence(edited)),
        Setup("material", "plain Material + i18n + Material's search", alternatives.material_build_command(material),
              material.parent, alternatives.material_site(material)),
        Setup("material-without-search", "plain Material + i18n, no search",
              alternatives.material_build_command(plain), plain.parent, alternatives.material_site(plain)),
    ]  # fmt: skip


def _hugo_setup(hugo: str, workdir: Path) -> Setup:
    site = alternatives.write_hugo_site(workdir / "project" / "docs", workdir / "hugo")
    output = alternatives.hugo_site_output(site)
    return Setup("hugo", HUGO_LABEL, alternatives.hugo_build_command(hugo), site, output, lambda: _emptied(output))


def _measured_round(setup: Setup) -> Round:
    with setup.around():
        usage, seconds = _build(setup, setup.label)
    output_bytes, output_files = folder_size(setup.output)
    return Round(seconds, cpu_seconds(usage), peak_rss_bytes(usage), output_bytes, output_files)


def _build(setup: Setup, what: str):
    result, seconds, usage = run_measured(setup.command, setup.cwd)
    if result.returncode != 0:
        raise BenchFailed(f"{what} failed ({' '.join(setup.command)}):\n{result.stderr[-3000:]}")
    return usage, seconds


@contextlib.contextmanager
def _emptied(*folders: Path):
    for folder in folders:
        shutil.rmtree(folder, ignore_errors=True)
    yield


@contextlib.contextmanager
def _edited_sentence(story_file: Path):
    """The story's last sentence changed for the length of the round, then put back."""
    original = story_file.read_text(encoding="utf-8")
    text = original.rstrip("\n")
    if not text.endswith("。"):
        raise BenchFailed(f"{story_file} does not end with a Chinese sentence to edit")
    story_file.write_text(text[: -len("。")] + EDITED_ENDING + "\n", encoding="utf-8")
    try:
        yield
    finally:
        story_file.write_text(original, encoding="utf-8")


# --- the report ------------------------------------------------------------------------------


def markdown_table(results: list[SizeFigures]) -> str:
    lines = [
        "| stories | setup | wall (median) | × Hugo | CPU, user + system (median) | peak memory, biggest process | output |",
        "|---:|---|---:|---:|---:|---:|---:|",
    ]
    for size in results:
        hugo = size.setup("hugo")
        for figures in size.setups:
            if figures.missing:
                lines.append(f"| {size.stories:,} | {figures.label} | {figures.missing} | | | | |")
                continue
            ratio = f"{figures.wall_seconds / hugo.wall_seconds:.1f}×" if hugo.rounds else "–"
            output = figures.rounds[-1]
            lines.append(
                f"| {size.stories:,} | {figures.label} | {_seconds(figures.wall_seconds)} | {ratio} "
                f"| {_seconds(figures.cpu_seconds)} | {size_text(figures.peak_rss_bytes)} "
                f"| {size_text(output.output_bytes)} in {output.output_files:,} files |"
            )
    notes = [
        "",
        "Medians of the rounds, which ran interleaved (each round builds every setup once, in this order). "
        "Peak memory is the largest resident size of any one process of the build (`ru_maxrss` of `wait4`, "
        "which on Linux is the biggest process of the tree, not their sum). This project's site has three "
        "editions (中文, English, 繁體) and Pagefind search; the others two languages. “× Hugo” is the wall "
        "time over Hugo's full build.",
        "",
        *(
            f"- {size.stories:,} stories, {size.rounds} round{'' if size.rounds == 1 else 's'}: load average "
            f"(1, 5, 15 min) {_load(size.load_at_start)} at the start, {_load(size.load_at_end)} at the end"
            for size in results
        ),
    ]
    return "\n".join(lines + notes)


def _seconds(seconds: float) -> str:
    return f"{seconds:.2f} s" if seconds < 10 else f"{seconds:.1f} s"


def _load(load: tuple[float, float, float]) -> str:
    return " / ".join(f"{value:.2f}" for value in load)
