"""Nothing a story says can act on a reader's page: front matter text is escaped wherever it
appears, body HTML outside the allowlist is removed and reported with its line, and the
Content-Security-Policy trusts only the scripts the templates contain.

The oracles here are independent of the code under test: pages are read with BeautifulSoup,
feeds with ElementTree, script hashes computed with hashlib."""

from __future__ import annotations

import base64
import hashlib
import json
import re
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup
from conftest import FIXTURE_DOCS, PROJECT, build, make_project, page, run_stories

RIVER = "stories/river-cleanup"
# Quotes, an ampersand and markup: what a careless or hostile writer may type into any field.
PAYLOAD = """<script>alert("field")</script>"'&amp;<b>"""
TEXT_FIELDS = ("title", "deck", "summary", "date_note")
PHOTO_TEXT = {"caption": "</figcaption><script>alert('caption')</script>", "alt": "\"><script>alert('alt')</script>"}
# Each body case: a name, the lines a writer types into a paragraph, the text of the line the
# check must name, and words of its message.
BODY_CASES = [
    ("script", ["<script>alert('body')</script>"], "<script>", "a <script> tag"),
    ("meta-refresh", ['<meta http-equiv="refresh" content="0;url=https://evil.example/">'], "<meta", "a <meta> tag"),
    ("base", ['<base href="https://evil.example/">'], "<base", "a <base> tag"),
    ("form", ['<form action="https://evil.example/"><input name="q"></form>'], "<form", "form element <form>"),
    ("style", ["<style>body{display:none}</style>"], "<style>", "a <style> tag"),
    ("stylesheet", ['<link rel="stylesheet" href="https://evil.example/x.css">'], "<link", "a <link> tag"),
    ("frameset", ['<frameset><frame src="https://evil.example/"></frameset>'], "<frameset", "embedded <frameset>"),
    ("iframe", ['<iframe src="https://evil.example/"></iframe>'], "<iframe", "embedded <iframe>"),
    ("object", ['<object data="movie.swf"></object>'], "<object", "embedded <object>"),
    ("embed", ['<embed src="movie.swf">'], "<embed", "embedded <embed>"),
    ("svg-onload", ["<svg/onload=alert(4)>"], "<svg", "a <svg> tag"),
    ("math", ["<math><mi>x</mi></math>"], "<math", "a <math> tag"),
    ("onerror-on-next-line", ["<img src=x", "onerror=alert(5)>"], "onerror=", "event handler (onerror=)"),
    ("tab-in-javascript", ['<a href="java&Tab;script:alert(1)">tab</a>'], "java&Tab;", "`javascript:` link"),
    ("entity-javascript", ['<a href="&#106;avascript:alert(2)">entity</a>'], "&#106;", "`javascript:` link"),
    ("markdown-javascript", ["[markdown](JavaScript:alert(3))"], "[markdown]", "`javascript:` link"),
    ("vbscript", ["[vb](vbscript:msgbox(1))"], "[vb]", "`vbscript:` link"),
    ("data-url", ["[data](data:text/html;base64,PHNjcmlwdD4=)"], "[data]", "`data:` link"),
    ("style-attribute", ['<span style="position:fixed;inset:0">cover</span>'], "position:fixed", "style attribute"),
    ("foreign-image", ["![](https://evil.example/pixel.png)"], "evil.example/pixel", "image loaded from another site"),
]
PARAGRAPH = "The river dredging project was completed this spring."
JS_TYPES = ("", "text/javascript", "application/javascript", "module")


def quoted(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"  # as YAML reads a single-quoted text


def set_field(text: str, name: str, value: str, after: str | None = None) -> str:
    """`text` with front matter field `name` set to `value`."""
    if re.search(rf"^{name}: ", text, flags=re.M):
        return re.sub(rf"^{name}: .*$", lambda _: f"{name}: {quoted(value)}", text, count=1, flags=re.M)
    return text.replace(f"\n{after}:", f"\n{name}: {quoted(value)}\n{after}:", 1)


def hostile_docs(root: Path) -> Path:
    docs = root / "docs"
    shutil.copytree(FIXTURE_DOCS, docs)
    for lang in ("zh", "en"):
        path = docs / RIVER / f"index.{lang}.md"
        text = path.read_text(encoding="utf-8")
        for name in TEXT_FIELDS:
            text = set_field(text, name, f"{PAYLOAD} {name}", after="summary")
        for key, value in PHOTO_TEXT.items():
            text = re.sub(
                rf"^    {key}: .*$", lambda _, k=key, v=value: f"    {k}: {quoted(v)}", text, count=1, flags=re.M
            )
        path.write_text(text, encoding="utf-8")
    english = docs / RIVER / "index.en.md"
    lines = [line for _, typed, _, _ in BODY_CASES for line in typed]
    text = english.read_text(encoding="utf-8")
    assert PARAGRAPH in text
    english.write_text(text.replace(PARAGRAPH, PARAGRAPH + "\n" + "\n".join(lines), 1), encoding="utf-8")
    return docs


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    """The fixture stories with every case above, checked, and built without --strict (as a
    preview builds), so that what the page makes of them can be read."""
    root = tmp_path_factory.mktemp("hostile")
    docs = hostile_docs(root)
    check = run_stories("check", docs=docs)
    project = make_project(root / "project", docs)
    built = build(project, "--no-strict")  # the last of --strict/--no-strict counts
    assert built.returncode == 0, built.stderr
    return docs, check, project / "site"


def findings(result) -> list[str]:
    return [line for line in result.stdout.splitlines() if ": error: " in line or ": warning: " in line]


def line_number(path: Path, needle: str, start: int = 1) -> int:
    for number, line in enumerate(path.read_text(encoding="utf-8").split("\n"), 1):
        if number >= start and needle in line:
            return number
    raise AssertionError(f"{needle!r} not in {path}")


@pytest.mark.parametrize(("name", "typed", "on_line", "message"), BODY_CASES, ids=[case[0] for case in BODY_CASES])
def test_check_reports_each_kind_of_body_html_with_its_line(hostile, name, typed, on_line, message):
    docs, check, _ = hostile
    english = docs / RIVER / "index.en.md"
    expected = f"{RIVER}/index.en.md:{line_number(english, on_line, start=25)}: error: "
    matching = [line for line in findings(check) if message in line]
    assert any(expected in line for line in matching), (expected, matching)
    assert all(" — " in line for line in matching), "every finding says what to do"
    assert check.returncode == 1 and "Traceback" not in check.stderr


def test_check_explains_the_body_and_field_findings_in_chinese(hostile):
    _, check, _ = hostile
    explained = check.stdout.split("中文说明", 1)[1]
    assert "[unsafe] 正文里有不允许的代码或标签" in explained
    assert "[markup-in-field] 标题、提要、摘要" in explained


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("field", [*TEXT_FIELDS, *PHOTO_TEXT])
def test_check_rejects_markup_in_every_front_matter_text_field(hostile, lang, field):
    docs, check, _ = hostile
    story_file = docs / RIVER / f"index.{lang}.md"
    line = line_number(story_file, f"{field}: ")
    shown = f"`photos` → `{field}`" if field in PHOTO_TEXT else f"`{field}`"
    expected = f"{RIVER}/index.{lang}.md:{line}: error: {shown} contains markup"
    assert any(expected in finding for finding in findings(check)), (expected, findings(check))


def test_the_strict_build_stops_on_the_same_findings(tmp_path):
    project = make_project(tmp_path / "project", hostile_docs(tmp_path))
    result = build(project)
    assert result.returncode != 0
    assert f"{RIVER}/index.en.md:" in result.stderr and "a <script> tag" in result.stderr
    assert "Traceback" not in result.stderr


def html_pages(site: Path) -> list[Path]:
    return sorted(path for path in site.rglob("*.html") if "pagefind" not in path.parts)


def soup_of(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "lxml")


def is_inline_code(script) -> bool:
    return not script.get("src") and script.get("type", "").lower() in JS_TYPES


def test_no_built_page_holds_active_content_the_templates_did_not_put_there(hostile):
    _, _, site = hostile
    for path in html_pages(site):
        soup = soup_of(path)
        where = path.relative_to(site)
        for script in soup.find_all("script"):
            assert "alert" not in (script.string or "") or not is_inline_code(script), where
            assert not script.get("src") or not urlsplit(script["src"]).netloc, where
        for element in soup.find_all(True):
            assert not [name for name in element.attrs if name.lower().startswith("on")], (where, element.name)
            for name in ("href", "src", "action", "formaction", "data"):
                value = re.sub(r"\s", "", str(element.get(name, ""))).lower()
                assert not value.startswith(("javascript:", "vbscript:", "data:")), (where, element)
            assert element.get("style") is None, (where, element.name)
        assert soup.find("meta", attrs={"http-equiv": re.compile("refresh", re.I)}) is None, where
        for tag in ("base", "frame", "frameset", "iframe", "object", "embed", "math", "style"):
            assert soup.find(tag) is None, (where, tag)
        # Material's icons are the only <svg>s, its search box the only <form>
        assert all(svg.find_parent(class_=re.compile("md-")) for svg in soup.find_all("svg")), where
        assert [form.get("class") for form in soup.find_all("form")] in ([], [["md-search__form"]]), where
        for sheet in soup.find_all("link", rel="stylesheet"):
            assert not urlsplit(sheet["href"]).netloc, where
        assert "evil.example" not in str(soup.select_one("article, .md-content")), where


def test_front_matter_text_comes_out_as_text_everywhere(hostile):
    _, _, site = hostile
    for home in ("", "en/"):
        title = f"{PAYLOAD} title"
        story = page(site, f"{home}{RIVER}/")
        assert story.select_one("h1.nr-title").get_text() == title
        assert story.title.get_text().startswith(title)
        assert story.select_one(".nr-deck").get_text() == f"{PAYLOAD} deck"
        assert story.select_one(".nr-date-note p").get_text() == f"{PAYLOAD} date_note"
        head = {meta.get("property") or meta.get("name"): meta.get("content") for meta in story.find_all("meta")}
        assert head["og:title"] == head["twitter:title"] == title
        assert head["og:description"] == head["description"] == f"{PAYLOAD} summary"
        assert head["og:image:alt"] == head["twitter:image:alt"] == PHOTO_TEXT["alt"]
        article = json.loads(story.select_one('script[type="application/ld+json"]').string)
        assert article["headline"] == title and article["image"]["caption"] == PHOTO_TEXT["caption"]
        lead = story.select_one("figure.nr-photo--lead")
        assert lead.img["alt"] == PHOTO_TEXT["alt"]
        assert lead.select_one(".nr-photo__caption").get_text() == PHOTO_TEXT["caption"]
        card = page(site, home).select_one(f'.nr-story-card a[href$="{RIVER}/"]').find_parent("li")
        assert card.select_one(".nr-story-card__title").get_text() == title
        assert card.select_one(".nr-story-card__summary").get_text() == f"{PAYLOAD} summary"
        assert card.img["alt"] == PHOTO_TEXT["alt"]
        feed = ET.parse(site / home / "feed.xml").getroot()
        atom = "{http://www.w3.org/2005/Atom}"
        entry = next(entry for entry in feed.iter(f"{atom}entry") if RIVER in entry.find(f"{atom}id").text)
        assert entry.find(f"{atom}title").text == title
        assert entry.find(f"{atom}summary").text == f"{PAYLOAD} summary"
        body = BeautifulSoup(entry.find(f"{atom}content").text, "lxml")
        assert not body.find(["script", "meta", "base", "form", "iframe", "style"])
    view = page(site, f"{RIVER}/bilingual/")
    assert view.select_one("h1.nr-title").get_text() == f"{PAYLOAD} title{PAYLOAD} title"
    assert [span.get_text() for span in view.select("figure.nr-photo--lead .nr-photo__caption")] == [
        PHOTO_TEXT["caption"]
    ] * 2
    assert view.select_one("figure.nr-photo--lead img")["alt"] == PHOTO_TEXT["alt"]


def test_quotes_and_ampersands_pass_the_check_and_stay_whole_in_attributes(tmp_path, fixture_docs):
    title = """The "Green" River & the Lake's <Banks"""[:-7] + " Banks"
    english = fixture_docs / RIVER / "index.en.md"
    english.write_text(set_field(english.read_text(encoding="utf-8"), "title", title), encoding="utf-8")
    assert run_stories("check", docs=fixture_docs).returncode == 0
    project = make_project(tmp_path / "project", fixture_docs)
    result = build(project)
    assert result.returncode == 0, result.stderr
    story = page(project / "site", f"en/{RIVER}/")
    assert story.select_one('meta[property="og:title"]')["content"] == title
    assert story.select_one("h1.nr-title").get_text() == title
    assert json.loads(story.select_one('script[type="application/ld+json"]').string)["headline"] == title


def sha256(script: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode() + "'"


def policy_of(soup: BeautifulSoup) -> dict[str, list[str]]:
    meta = soup.find("meta", attrs={"http-equiv": "Content-Security-Policy"})
    return {part.split()[0]: part.split()[1:] for part in meta["content"].split(";") if part.strip()}


def test_the_policy_allows_exactly_the_inline_scripts_of_the_pages(real_site: Path):
    used: set[str] = set()
    policies = set()
    for path in html_pages(real_site):
        soup = soup_of(path)
        policy = policy_of(soup)
        policies.add(json.dumps(policy, sort_keys=True))
        allowed = {source for source in policy["script-src"] if source.startswith("'sha256-")}
        inline = {sha256(script.string or "") for script in soup.find_all("script") if is_inline_code(script)}
        assert inline <= allowed, path
        used |= inline
        assert "'unsafe-inline'" not in policy["script-src"] and policy["default-src"] == ["'self'"]
        assert policy["object-src"] == ["'none'"] and policy["base-uri"] == ["'self'"]
        assert policy["form-action"] == ["'self'"]
        head = soup.head.find_all(True)
        assert head.index(soup.find("meta", attrs={"http-equiv": "Content-Security-Policy"})) < min(
            (head.index(script) for script in soup.head.find_all("script")), default=len(head)
        ), "the policy must come before any script"
    assert len(policies) == 1, "one policy for every page: it comes from the templates, not from the page"
    assert allowed == used, "no hash in the policy that no template's script needs"
    headers = (real_site / "_headers").read_text(encoding="utf-8")
    served = headers.split("\n/*\n", 1)[0] if headers.startswith("/*") else headers
    assert "frame-ancestors 'none'" in served and "X-Content-Type-Options: nosniff" in served
    assert "Referrer-Policy: " in served and all(source in served for source in sorted(allowed))


def test_a_template_with_an_unlisted_inline_script_stops_the_build(tmp_path, fixture_docs):
    project = make_project(tmp_path / "project", fixture_docs)
    (project / "overrides").unlink()
    shutil.copytree(PROJECT / "overrides", project / "overrides")
    story_template = project / "overrides" / "story.html"
    text = story_template.read_text(encoding="utf-8")
    story_template.write_text(text.replace("{% endblock %}", "<script>window.added = 1</script>\n{% endblock %}", 1))
    result = build(project)
    assert result.returncode != 0
    assert "stories/river-cleanup/index.html" in result.stderr and "THEME_SCRIPTS" in result.stderr
    assert "Traceback" not in result.stderr


def test_no_html_is_built_in_python_strings():
    sources = sorted((PROJECT / "scripts").rglob("*.py"))
    html_in_f_strings = re.compile(r"f[\"'][^\"']*<[a-z]")
    found = [
        f"{path.relative_to(PROJECT)}:{number}"
        for path in sources
        for number, line in enumerate(path.read_text(encoding="utf-8").split("\n"), 1)
        if html_in_f_strings.search(line)
    ]
    assert found == []


RECORD_VIOLATIONS = """
window.__violations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__violations.push(event.violatedDirective + " " + (event.blockedURI || "inline"));
});
"""


@pytest.mark.browser
@pytest.mark.parametrize("url", ["", "en/", f"{RIVER}/", f"en/{RIVER}/", f"{RIVER}/bilingual/"])
def test_a_hostile_story_does_nothing_in_the_browser(hostile, url):
    """No dialog, no navigation away, no request off 127.0.0.1, and the policy blocks nothing:
    the page holds no script but the theme's."""
    from devtools.browser import SiteServer, launch_chromium
    from playwright.sync_api import sync_playwright

    _, _, site = hostile
    with SiteServer(site) as server, sync_playwright() as playwright:
        browser = launch_chromium(playwright)
        context = browser.new_context()
        elsewhere: list[str] = []

        def only_local(route):
            if urlsplit(route.request.url).hostname == "127.0.0.1":
                route.continue_()
            else:
                elsewhere.append(route.request.url)
                route.abort()

        context.route("**/*", only_local)
        tab = context.new_page()
        dialogs: list[str] = []
        tab.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
        visited: list[str] = []
        tab.on("framenavigated", lambda frame: visited.append(frame.url) if frame == tab.main_frame else None)
        tab.add_init_script(RECORD_VIOLATIONS)
        tab.goto(server.url + url)
        tab.wait_for_load_state("networkidle")
        tab.wait_for_timeout(1500)  # a refresh or a timer would have fired by now
        assert dialogs == [] and elsewhere == []
        assert visited == [server.url + url] and tab.url == server.url + url
        assert tab.evaluate("window.__violations") == []
        # the theme's own script ran: it shows the masthead's search button
        assert tab.locator("[data-nr-search-open]").is_visible(), "the theme's own script did not run"
        browser.close()


def test_markup_in_a_contributor_or_series_record_is_an_error_and_shows_as_text(tmp_path, fixture_docs):
    people = fixture_docs / "_data" / "contributors.yml"
    text = people.read_text(encoding="utf-8").replace("en: Li Ming}", 'en: "<img src=x onerror=alert(6)>Li Ming"}')
    people.write_text(text, encoding="utf-8")
    english = fixture_docs / RIVER / "index.en.md"
    english.write_text(
        english.read_text(encoding="utf-8").replace("text: [Li Ming]", "text: [li-ming]"), encoding="utf-8"
    )
    result = run_stories("check", docs=fixture_docs)
    assert result.returncode == 1
    expected = f"{people}:1: error: contributor `li-ming`: `name` (en) contains markup"
    assert any(line.startswith(expected) for line in findings(result)), result.stdout
    project = make_project(tmp_path / "project", fixture_docs)
    assert build(project, "--no-strict").returncode == 0
    byline = page(project / "site", f"en/{RIVER}/").select_one(".nr-byline__entry--text .nr-byline__people")
    assert byline.get_text() == "<img src=x onerror=alert(6)>Li Ming" and byline.find("img") is None
