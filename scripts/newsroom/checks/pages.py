"""The rules of a page outside the stories (docs/*.md): both languages, a title, known fields,
a series that exists, and the same text rules as a story's."""

from __future__ import annotations

from newsroom.checks import content
from newsroom.checks.structure import missing_counterpart, unknown_fields, unknown_series, wrong_type
from newsroom.model.catalogue import Code, report
from newsroom.model.findings import Finding
from newsroom.model.schema import PAGE_FIELDS
from newsroom.model.site import Page, Site


def check_page(page: Page, site: Site) -> list[Finding]:
    findings = list(missing_counterpart(page.files, "page"))
    for page_file in page.files.values():
        if page_file.problem:
            findings.append(page_file.problem)
            continue
        if page_file.front is None:
            findings.append(report(Code.PAGE_NO_FRONT_MATTER, page_file.path, 1))
            continue
        if not page_file.text_field("title"):
            findings.append(report(Code.PAGE_NO_TITLE, page_file.path, 1))
        findings += unknown_fields(page_file, PAGE_FIELDS)
        series = page_file.meta.get("series")
        if series is not None and not isinstance(series, str):
            findings.append(
                wrong_type(page_file, ("series",), series, "text", "write the id of a series in docs/_data/series.yml")
            )
        elif series is not None and series not in site.registry.series:
            findings.append(unknown_series(page_file, series, site.registry))
        findings += content.text_findings(page_file)
    return findings
