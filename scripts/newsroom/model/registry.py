"""The newsroom's records shared by every story: contributors and series (docs/_data/*.yml)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path

from newsroom.model import frontmatter
from newsroom.model.catalogue import Code, report
from newsroom.model.findings import Finding
from newsroom.model.schema import LANGUAGES

DATA_DIR = "_data"
CONTRIBUTORS_FILE = "contributors.yml"
SERIES_FILE = "series.yml"


@dataclass(frozen=True)
class Contributor:
    id: str
    names: dict[str, str]
    titles: dict[str, str]
    in_byline: dict[str, str] = field(default_factory=dict)
    line: int = 1  # of its entry in contributors.yml

    def name(self, lang: str) -> str:
        return self.names.get(lang) or next(iter(self.names.values()), self.id)

    def byline_name(self, lang: str) -> str:
        """The name as a byline sets it, where that differs: a desk takes an article in English."""
        return self.in_byline.get(lang) or self.name(lang)

    def title(self, lang: str) -> str:
        return self.titles.get(lang, "")


@dataclass(frozen=True)
class Series:
    id: str
    title: dict[str, str]
    subtitle: dict[str, str]
    description: dict[str, str]
    line: int = 1  # of its entry in series.yml


@dataclass
class Registry:
    contributors: dict[str, Contributor] = field(default_factory=dict)
    series: dict[str, Series] = field(default_factory=dict)
    problems: list[Finding] = field(default_factory=list)
    contributors_path: Path = Path(DATA_DIR, CONTRIBUTORS_FILE)
    series_path: Path = Path(DATA_DIR, SERIES_FILE)
    _by_name: dict[str, Contributor] = field(default_factory=dict, repr=False)

    def series_titled(self, title: str, lang: str) -> str | None:
        """The id of the series whose title in `lang` is `title`, spacing aside."""
        wanted = "".join(title.split())
        return next(
            (sid for sid, series in self.series.items() if "".join(series.title.get(lang, "").split()) == wanted), None
        )

    def contributor(self, name_or_id: object) -> Contributor | None:
        """A contributor by id or by their name in any language (`程婧`, `Cheng Jing`, `cheng-jing`)."""
        if not isinstance(name_or_id, str):
            return None
        key = " ".join(name_or_id.split()).casefold()
        return self._by_name.get(key)

    def add_language(self, lang: str, from_lang: str, convert: Callable[[str], str]) -> None:
        """Names, titles and descriptions in `lang`, converted from `from_lang` (the Traditional
        edition's from the Chinese); a story of that edition names its contributors in it."""

        def extended(texts: dict[str, str]) -> dict[str, str]:
            return {**texts, lang: convert(texts[from_lang])} if from_lang in texts else texts

        converted = {
            person.id: replace(
                person,
                names=extended(person.names),
                titles=extended(person.titles),
                in_byline=extended(person.in_byline),
            )
            for person in self.contributors.values()
        }
        self.contributors = converted
        self._by_name = {key: converted[person.id] for key, person in self._by_name.items()}
        for person in converted.values():
            if lang in person.names:
                self._by_name.setdefault(" ".join(person.names[lang].split()).casefold(), person)
        for series_id, series in list(self.series.items()):
            self.series[series_id] = replace(
                series,
                title=extended(series.title),
                subtitle=extended(series.subtitle),
                description=extended(series.description),
            )


def load_registry(docs_dir: Path) -> Registry:
    data_dir = docs_dir / DATA_DIR
    registry = Registry(contributors_path=data_dir / CONTRIBUTORS_FILE, series_path=data_dir / SERIES_FILE)
    people, people_lines = load_data_file(registry.contributors_path, registry.problems)
    for person_id, record in people.items():
        names = _language_texts(record.get("name") if isinstance(record, dict) else None)
        if not names:
            registry.problems.append(
                report(Code.CONTRIBUTOR_NO_NAME, registry.contributors_path, people_lines(person_id), id=person_id)
            )
            continue
        contributor = Contributor(
            str(person_id),
            names,
            _language_texts(record.get("title")),
            _language_texts(record.get("in_byline")),
            people_lines(person_id),
        )
        registry.contributors[contributor.id] = contributor
        for key in [contributor.id, *names.values()]:
            registry._by_name[" ".join(key.split()).casefold()] = contributor
    all_series, series_lines = load_data_file(registry.series_path, registry.problems)
    for series_id, record in all_series.items():
        record = record if isinstance(record, dict) else {}
        title = _language_texts(record.get("title"))
        if not title:
            registry.problems.append(report(Code.SERIES_NO_TITLE, registry.series_path, series_lines(series_id), id=series_id))
        registry.series[str(series_id)] = Series(
            str(series_id),
            title,
            _language_texts(record.get("subtitle")),
            _language_texts(record.get("description")),
            series_lines(series_id),
        )
    return registry


def _language_texts(value: object) -> dict[str, str]:
    if not isinstance(value, dict):
        return {}
    return {lang: str(value[lang]).strip() for lang in LANGUAGES if value.get(lang)}


def load_data_file(path: Path, problems: list[Finding]):
    """The YAML mapping in `path`, and a function giving the line of one of its keys."""
    no_lines = lambda key: 1
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        problems.append(report(Code.RECORD_MISSING, path, 1, name=path.name))
        return {}, no_lines
    except (OSError, UnicodeDecodeError) as error:
        problems.append(report(Code.RECORD_UNREADABLE, path, 1, name=path.name, error=error))
        return {}, no_lines
    try:
        fields = frontmatter.parse_document(text)
    except frontmatter.FrontMatterProblem as problem:
        problems.append(report(Code.RECORD_SYNTAX, path, problem.line, problem=problem.message, fix=problem.fix))
        return {}, no_lines
    return fields.data, fields.line_of
