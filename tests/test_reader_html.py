"""What search engines, feed readers and sharing previews get: head metadata, feeds, sitemap,
robots.txt, 404 pages, the bilingual view and the Content-Security-Policy, from real builds."""

from __future__ import annotations

import json
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from conftest import FIRST_STORY, FIXTURE_DOCS, PROJECT, build, make_project, page
from devtools.bench_stories import write_docs
from newsroom.model.site import load_site
from newsroom.render.feeds import FEED_ENTRIES, atom_feed
from newsroom.render.placeholder import is_placeholder
from newsroom.render.views import Urls
from PIL import Image

SITE_URL = "https://example.org/"
ATOM = "{http://www.w3.org/2005/Atom}"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML = "{http://www.w3.org/1999/xhtml}"


@pytest.fixture(scope="module")
def partly_translated_site(tmp_path_factory) -> Path:
    """The fixture stories plus one whose English is still a stub and one out of step."""
    docs = tmp_path_factory.mktemp("docs") / "docs"
    shutil.copytree(FIXTURE_DOCS, docs)
    stub = docs / "stories/untranslated"
    shutil.copytree(docs / "stories/wetland-birds", stub)
    english = stub / "index.en.md"
    english.write_text(
        english.read_text(encoding="utf-8").replace("The park's management office", "[TRANSLATE] 公园管理处"),
        encoding="utf-8",
    )
    project = make_project(tmp_path_factory.mktemp("partly"), docs)
    result = build(project, "--no-strict")  # the stub is an error, as it should be; build anyway
    assert result.returncode == 0, result.stderr
    assert "this paragraph is not translated yet" in result.stderr
    return project / "site"


def test_story_head_has_canonical_url_and_no_link_that_material_would_probe(real_site: Path):
    zh, en = page(real_site, f"stories/{FIRST_STORY}/"), page(real_site, f"en/stories/{FIRST_STORY}/")
    assert zh.select_one('link[rel="canonical"]')["href"] == f"{SITE_URL}stories/{FIRST_STORY}/"
    assert en.select_one('link[rel="canonical"]')["href"] == f"{SITE_URL}en/stories/{FIRST_STORY}/"
    # Material fetches sitemap.xml beside every head <link rel="alternate">: only the feed may be one
    for soup in (zh, en):
        assert [link.get("type") for link in soup.select('head link[rel="alternate"]')] == ["application/atom+xml"]


def test_an_untranslated_story_is_never_presented_as_english(partly_translated_site: Path):
    site = partly_translated_site
    assert not (site / "en/stories/untranslated").exists()
    zh = page(site, "stories/untranslated/")
    assert zh.select_one(".nr-other-language") is None and zh.select_one(".nr-bilingual-link") is None
    assert "has not been translated into English yet" in zh.select_one(".nr-notice").get_text()
    assert zh.select_one(".nr-notice")["lang"] == "en"
    switch = {a["hreflang"]: a["href"] for a in zh.select(".nr-masthead a.nr-languages__link")}
    # the masthead's switch leads to the English home, not a Chinese page
    assert (site / "stories/untranslated" / switch["en"]).resolve() == (site / "en").resolve()
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    assert "stories/untranslated/" in sitemap and "en/stories/untranslated/" not in sitemap
    english_feed = (site / "en/feed.xml").read_text(encoding="utf-8")
    assert "untranslated" not in english_feed
    assert not (site / "stories/untranslated/bilingual").exists()
    english_home = page(site, "en/")
    assert "untranslated" not in str(english_home.select_one(".nr-story-list"))


def test_open_graph_twitter_and_news_article_data(real_site: Path):
    en = page(real_site, f"en/stories/{FIRST_STORY}/")
    properties = {}
    for meta in en.select("head meta[property]"):
        properties.setdefault(meta["property"], []).append(meta["content"])
    assert properties["og:type"] == ["article"]
    assert properties["og:locale"] == ["en_US"] and properties["og:locale:alternate"] == ["zh_CN", "zh_TW"]
    assert properties["article:published_time"] == ["2025-12-01"]
    assert properties["article:author"] == ["Zhang Kaipeng"]
    article = json.loads(en.select_one('script[type="application/ld+json"]').string)
    assert article["@type"] == "NewsArticle" and article["inLanguage"] == "en"
    assert article["headline"] == en.select_one("h1.nr-title").get_text(strip=True)
    assert [a["name"] for a in article["author"]] == ["Zhang Kaipeng"]
    assert [t["name"] for t in article["translator"]] == ["Translation Desk"]
    assert article["translationOfWork"]["url"] == f"{SITE_URL}stories/{FIRST_STORY}/"
    zh_article = json.loads(
        page(real_site, f"stories/{FIRST_STORY}/").select_one('script[type="application/ld+json"]').string
    )
    assert zh_article["inLanguage"] == "zh-Hans"


def share_data(soup: BeautifulSoup) -> tuple[dict, dict[str, str]]:
    """A page's NewsArticle data, and its Open Graph and Twitter image tags by name."""
    article = json.loads(soup.select_one('script[type="application/ld+json"]').string)
    tags = {
        meta.get("property") or meta.get("name"): meta["content"]
        for meta in soup.select("head meta[property^='og:image'], head meta[name^='twitter:']")
    }
    return article, tags


@pytest.fixture(scope="module")
def photos_to_come_site(tmp_path_factory) -> Path:
    """The fixture stories with the dredging story's lead photo still to come, and a copy of
    that story whose every photo is."""
    to_come = PROJECT / "docs/stories" / FIRST_STORY / "images/changyuan-wetland.png"
    with Image.open(to_come) as picture:
        assert is_placeholder(picture), f"{to_come} is a real photo now: these tests need another placeholder"
    docs = tmp_path_factory.mktemp("docs") / "docs"
    shutil.copytree(FIXTURE_DOCS, docs)
    shutil.copy(to_come, docs / "stories/river-cleanup/images/river.png")
    shutil.copytree(docs / "stories/river-cleanup", docs / "stories/river-later")
    shutil.copy(to_come, docs / "stories/river-later/images/walkers.png")
    project = make_project(tmp_path_factory.mktemp("to-come"), docs)
    result = build(project)
    assert result.returncode == 0, result.stderr
    return project / "site"


@pytest.mark.parametrize(("home", "credit"), [("", "摄影：王芳"), ("en/", "Photo: Wang Fang")])
def test_a_lead_photo_to_come_is_not_shared_or_credited_the_next_real_photo_is(
    photos_to_come_site: Path, home: str, credit: str
):
    article, tags = share_data(page(photos_to_come_site, f"{home}stories/river-cleanup/"))
    walkers = f"{SITE_URL}stories/river-cleanup/images/walkers.png"
    assert article["image"]["url"] == walkers and article["image"]["creditText"] == credit
    assert tags["og:image"] == tags["twitter:image"] == walkers
    assert tags["twitter:card"] == "summary_large_image"
    assert "river.png" not in json.dumps(article) + json.dumps(tags)


@pytest.mark.parametrize("url", ["stories/river-later/", "en/stories/river-later/", f"stories/{FIRST_STORY}/"])
def test_a_story_whose_photos_are_all_to_come_has_no_share_image_and_credits_no_photographer(
    photos_to_come_site: Path, real_site: Path, url: str
):
    site = real_site if FIRST_STORY in url else photos_to_come_site
    soup = page(site, url)
    article, tags = share_data(soup)
    assert "image" not in article
    assert not [name for name in tags if name.startswith(("og:image", "twitter:image"))], tags
    assert tags["twitter:card"] == "summary"
    credited = json.dumps(article, ensure_ascii=False)
    assert not any(name in credited for name in ("王芳", "Wang Fang", "程婧", "Cheng Jing")), credited


@pytest.mark.parametrize(("lang", "home", "title"), [("zh", "", "晋中专题报道"), ("en", "en/", "Jinzhong Features")])
def test_feed_per_language_lists_that_language_only_and_is_advertised(
    fixture_site: Path, lang: str, home: str, title: str
):
    feed = ET.parse(fixture_site / home / "feed.xml").getroot()
    assert feed.get("{http://www.w3.org/XML/1998/namespace}lang") == {"zh": "zh-Hans", "en": "en"}[lang]
    assert feed.find(f"{ATOM}title").text == title
    entries = feed.findall(f"{ATOM}entry")
    links = [entry.find(f"{ATOM}link").get("href") for entry in entries]
    prefix = f"{SITE_URL}{home}stories/"
    assert links == [f"{prefix}river-cleanup/", f"{prefix}wetland-birds/"]  # newest first
    content = entries[0].find(f"{ATOM}content").text
    assert ("清淤" in content) == (lang == "zh") and ("dredging" in content) == (lang == "en")
    # type="html": the entry's text is the story's HTML, escaped once by XML, which the parser undoes
    body = BeautifulSoup(content, "lxml")
    assert body.find("p") is not None and "&lt;" not in content and "<p>" in content
    for url in (home, f"{home}stories/river-cleanup/", f"{home}about/"):
        advertised = page(fixture_site, url).select_one('head link[type="application/atom+xml"]')
        assert (fixture_site / url / advertised["href"]).resolve() == (fixture_site / home / "feed.xml").resolve()


def test_sitemap_lists_every_page_with_its_alternates_and_robots_points_to_it(real_site: Path):
    urlset = ET.parse(real_site / "sitemap.xml").getroot()
    entries = {url.find(f"{SITEMAP}loc").text: url for url in urlset.findall(f"{SITEMAP}url")}
    story = entries[f"{SITE_URL}en/stories/{FIRST_STORY}/"]
    alternates = {link.get("hreflang"): link.get("href") for link in story.findall(f"{XHTML}link")}
    assert alternates == {
        "zh-Hans": f"{SITE_URL}stories/{FIRST_STORY}/",
        "en": f"{SITE_URL}en/stories/{FIRST_STORY}/",
        "zh-Hant": f"{SITE_URL}zh-Hant/stories/{FIRST_STORY}/",
        "x-default": f"{SITE_URL}stories/{FIRST_STORY}/",
    }
    assert story.find(f"{SITEMAP}lastmod").text == "2025-12-01"
    assert set(entries) >= {
        SITE_URL,
        f"{SITE_URL}en/",
        f"{SITE_URL}about/",
        f"{SITE_URL}stories/{FIRST_STORY}/bilingual/",
    }
    for loc in entries:
        path = loc.removeprefix(SITE_URL)
        assert (real_site / path / "index.html").is_file(), loc
    assert f"Sitemap: {SITE_URL}sitemap.xml" in (real_site / "robots.txt").read_text(encoding="utf-8")
    english = ET.parse(real_site / "en/sitemap.xml").getroot()
    assert all(url.find(f"{SITEMAP}loc").text.startswith(f"{SITE_URL}en/") for url in english.findall(f"{SITEMAP}url"))


def test_a_404_page_per_language(real_site: Path):
    for path, lang, words in (
        ("404.html", "zh", "页面不存在"),
        ("en/404.html", "en", "Page not found"),
        ("zh-Hant/404.html", "zh-Hant", "頁面不存在"),
    ):
        soup = BeautifulSoup((real_site / path).read_text(encoding="utf-8"), "lxml")
        assert soup.html["lang"] == lang
        assert words in soup.select_one(".nr-not-found").get_text()
        # a missing page has no translation: the language switch leads to the home pages
        switch = {a["hreflang"]: a["href"] for a in soup.select(".nr-masthead a.nr-languages__link")}
        assert switch == {"zh": "/", "zh-Hant": "/zh-Hant/", "en": "/en/"}


def test_bilingual_view_pairs_every_paragraph_with_anchors(real_site: Path):
    view = page(real_site, f"stories/{FIRST_STORY}/bilingual/")
    pairs = view.select("section.nr-pair")
    assert len(pairs) == 9
    assert [pair["id"] for pair in pairs] == [f"p{n}" for n in range(1, 10)]
    first = pairs[0]
    assert first.select_one(".nr-pair__zh")["lang"] == "zh" and first.select_one(".nr-pair__en")["lang"] == "en"
    assert first.select_one(".nr-pair__zh").get_text().strip().startswith("一方好山水")
    assert first.select_one(".nr-pair__en").get_text().strip().startswith("Fine hills and waters")
    assert [h.get_text(" ", strip=True) for h in view.select("h2.nr-pair-heading")][1] == "祁县 Qi County"
    lead = view.select_one("figure.nr-photo--lead figcaption").get_text(" ", strip=True)
    assert (
        "祁县昌源河国家湿地公园" in lead
        and "Changyuan River National Wetland Park" in lead
        and "程婧" not in lead  # a photo still to come credits nobody
        and "Cheng Jing" not in lead
    )
    translator = view.select_one(".nr-byline__entry--translation").get_text(strip=True)
    assert translator == "译／本站翻译组"
    assert len(view.select("figure.nr-photo")) == 1  # the photo once, with both captions
    # the paragraphs are the story pages' own, in order, and no mark is left on any page
    for lang, url in (("zh", f"stories/{FIRST_STORY}/"), ("en", f"en/stories/{FIRST_STORY}/")):
        story_paragraphs = [str(p) for p in page(real_site, url).select(".nr-body > p")]
        assert len(story_paragraphs) == len(pairs)
        assert [str(p) for pair in pairs for p in pair.select(f".nr-pair__{lang} > p")] == story_paragraphs
    for path in (f"stories/{FIRST_STORY}/index.html", f"en/stories/{FIRST_STORY}/index.html", "feed.xml"):
        text = (real_site / path).read_text(encoding="utf-8")
        assert "nr-block" not in text and "\u2063" not in text, path
    assert view.select("script[src]") and all("pagefind" not in s["src"] for s in view.select("script[src]"))
    for url in (f"stories/{FIRST_STORY}/", f"en/stories/{FIRST_STORY}/"):
        link = page(real_site, url).select_one(".nr-bilingual-link a")["href"]
        assert (real_site / url / link).resolve() == (real_site / f"stories/{FIRST_STORY}/bilingual").resolve()


def test_dates_in_each_language(fixture_site: Path):
    assert page(fixture_site, "stories/river-cleanup/").select_one(".nr-dateline time").get_text() == "2026年3月15日"
    assert (
        page(fixture_site, "en/stories/river-cleanup/").select_one(".nr-dateline time").get_text() == "March 15, 2026"
    )


def test_theme_checkboxes_carry_no_autocomplete(real_site: Path):
    """The W3C checker rejects `autocomplete` on a checkbox, which Material's template writes."""
    for url in ("", f"en/stories/{FIRST_STORY}/", f"stories/{FIRST_STORY}/bilingual/"):
        assert page(real_site, url).select('input[type="checkbox"][autocomplete]') == []


@pytest.mark.parametrize("url", ["en/", "en/about/", "en/corrections/", f"en/stories/{FIRST_STORY}/"])
def test_english_pages_are_set_with_typographic_quotes(real_site: Path, url: str):
    # the stories are set with “ ” and ’; a page of the same paper with typewriter quotes looks unfinished
    article = page(real_site, url).select_one("article.nr-page")
    for code in article.select("code, pre"):
        code.decompose()
    straight = [line for line in article.get_text().splitlines() if '"' in line or "'" in line]
    assert straight == []


def test_a_feed_carries_the_newest_stories_whole_not_the_whole_archive(tmp_path: Path):
    write_docs(tmp_path / "docs", FEED_ENTRIES + 3, PROJECT / "docs")
    site = load_site(tmp_path / "docs")
    feed = ET.fromstring(atom_feed(site, "en", Urls(), "https://example.org/", "Features", {}).encode("utf-8"))
    dates = [entry.findtext(f"{ATOM}published") for entry in feed.iter(f"{ATOM}entry")]
    newest = sorted((story.date.isoformat() for story in site.stories), reverse=True)[:FEED_ENTRIES]
    assert len(dates) == FEED_ENTRIES
    assert [date[:10] for date in dates] == newest
