"""Photos for phones: WebP variants in srcset, sized and prioritised, cached between builds."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import FIRST_STORY, FIXTURE_DOCS, build, make_project, page, run_stories
from newsroom.render import images
from PIL import ExifTags, Image

VARIANT_NAME = re.compile(r"^(?P<stem>.+)-(?P<fingerprint>[0-9a-f]{8})-(?P<width>\d+)\.webp$")
RIVER = "stories/river-cleanup"
ROTATE_TO_VIEW = 6  # EXIF: turn the stored picture a quarter clockwise to see it upright
RED, BLUE = (220, 30, 30), (30, 30, 220)


def srcset(img, page_dir: Path) -> list[tuple[Path, int]]:
    """The files a srcset offers, with the width each claims."""
    entries = []
    for candidate in img["srcset"].split(","):
        url, descriptor = candidate.split()
        assert descriptor.endswith("w"), candidate
        entries.append(((page_dir / url).resolve(), int(descriptor[:-1])))
    return entries


def original_of(variant: Path) -> Path:
    stem = VARIANT_NAME.match(variant.name)["stem"]
    (original,) = [p for p in variant.parent.glob(f"{stem}.*") if p.suffix != ".webp"]
    return original


def photos_on(site: Path, url: str) -> list:
    return page(site, url).select("img[srcset]")


@pytest.fixture
def built(fixture_site: Path) -> tuple[Path, list[str]]:
    """A built site and the pages with photos on it (a story and its series page). The real
    site's only photo is still to come: its pages show a panel instead (test_site.py)."""
    return fixture_site, [f"{RIVER}/", f"en/{RIVER}/", "", "en/"]


def test_every_srcset_entry_is_a_webp_file_no_wider_than_its_original(built):
    site, urls = built
    for url in urls:
        images_on_page = photos_on(site, url)
        assert images_on_page, url
        for img in images_on_page:
            entries = srcset(img, site / url)
            widths = [width for _, width in entries]
            assert widths == sorted(set(widths)), img["srcset"]
            for file, width in entries:
                assert file.is_file() and file.is_relative_to(site.resolve()), file
                with Image.open(file) as variant, Image.open(original_of(file)) as original:
                    assert variant.format == "WEBP"
                    assert variant.width == width <= min(original.width, images.WIDTHS[-1])


def test_src_is_a_mid_width_variant_with_its_intrinsic_size(built):
    site, urls = built
    for url in urls:
        for img in photos_on(site, url):
            src = (site / url / img["src"]).resolve()
            assert VARIANT_NAME.match(src.name), "the fallback is a variant, not the original"
            offered = dict(srcset(img, site / url))
            mid_width = max((w for w in offered.values() if w <= images.FALLBACK_WIDTH), default=min(offered.values()))
            assert offered.get(src) == mid_width
            with Image.open(src) as fallback, Image.open(original_of(src)) as original:
                assert (int(img["width"]), int(img["height"])) == fallback.size
                assert abs(fallback.width / fallback.height - original.width / original.height) < 0.01
            assert img["decoding"] == "async" and img["sizes"]


def test_lead_photo_loads_first_and_the_others_lazily(fixture_site: Path):
    story = page(fixture_site, f"{RIVER}/")
    lead = story.select_one("figure.nr-photo--lead img")
    assert lead["fetchpriority"] == "high" and not lead.has_attr("loading")
    in_text = story.select(".nr-body figure.nr-photo img")
    assert in_text and all(img["loading"] == "lazy" and not img.has_attr("fetchpriority") for img in in_text)
    # the front page leads with the newest story, large; the others' photos load lazily
    newest, *older = page(fixture_site, "").select(".nr-story-card img")
    assert newest["fetchpriority"] == "high" and not newest.has_attr("loading") and newest["sizes"] == lead["sizes"]
    assert all(img["loading"] == "lazy" and img["sizes"] != lead["sizes"] for img in older)


def test_the_original_stays_in_the_site(real_site: Path):
    name = f"stories/{FIRST_STORY}/images/changyuan-wetland.png"
    assert (real_site / name).read_bytes() == (Path(__file__).parents[1] / "docs" / name).read_bytes()


# --- a camera-sized original and a rotated one, built twice ------------------------------------


def _camera_photo(path: Path) -> None:
    """A 6000x4000 photo of pure noise: the worst case for size, over 20 MB as a JPEG."""
    noise = Image.merge("RGB", [Image.effect_noise((6000, 4000), 64) for _ in range(3)])
    noise.save(path, "JPEG", quality=95)


def _sideways_photo(path: Path) -> None:
    """A portrait photo, red at the top, stored lying on its side as phone cameras do."""
    upright = Image.new("RGB", (800, 1200), BLUE)
    upright.paste(RED, (0, 0, 800, 300))
    exif = Image.Exif()
    exif[ExifTags.Base.Orientation] = ROTATE_TO_VIEW
    upright.rotate(90, expand=True).save(path, "JPEG", quality=90, exif=exif)


def _replace_photo(docs: Path, old: str, new: str) -> None:
    for name in ("index.zh.md", "index.en.md"):
        story = docs / RIVER / name
        story.write_text(story.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")
    (docs / RIVER / old).unlink()


def _files(folder: Path) -> dict[Path, bytes]:
    return {path.relative_to(folder): path.read_bytes() for path in sorted(folder.rglob("*")) if path.is_file()}


@pytest.fixture(scope="module")
def camera_project(tmp_path_factory):
    """The fixture stories with a camera original as lead photo and a sideways in-text photo, built
    twice: the project, its docs/ before building and, for each build, its log, cache, site and docs/."""
    project = make_project(tmp_path_factory.mktemp("camera"), FIXTURE_DOCS)
    docs = project / "docs"
    _camera_photo(docs / RIVER / "images/river.jpg")
    _sideways_photo(docs / RIVER / "images/walkers.jpg")
    _replace_photo(docs, "images/river.png", "images/river.jpg")
    _replace_photo(docs, "images/walkers.png", "images/walkers.jpg")
    docs_before = _files(docs)
    cache = images.cache_dir_for(docs)
    runs = []
    for _ in range(2):
        result = build(project)
        assert result.returncode == 0, result.stderr
        runs.append(
            {
                "stderr": result.stderr,
                "cache": {path.name: path.stat().st_mtime_ns for path in cache.iterdir()},
                "site": _files(project / "site"),
                "docs": _files(docs),
            }
        )
    return project, docs_before, runs


def test_camera_original_gives_variants_no_wider_than_the_largest_width(camera_project):
    project, _, _ = camera_project
    site = project / "site"
    lead = page(site, f"{RIVER}/").select_one("figure.nr-photo--lead img")
    entries = srcset(lead, site / RIVER)
    assert [width for _, width in entries] == list(images.WIDTHS)
    for file, width in entries:
        with Image.open(file) as variant:
            assert variant.size == (width, round(width * 4000 / 6000))
    assert max(file.stat().st_size for file, _ in entries) < 1_000_000
    assert (site / RIVER / "images/river.jpg").stat().st_size > images.LARGE_ORIGINAL_BYTES


def test_sideways_photo_comes_out_upright(camera_project):
    project, _, _ = camera_project
    site = project / "site"
    img = page(site, f"{RIVER}/").select_one(".nr-body figure.nr-photo img")
    assert int(img["width"]) < int(img["height"]), "portrait, as the camera held it"
    for file, _ in srcset(img, site / RIVER):
        with Image.open(file) as variant:
            top = variant.getpixel((variant.width // 2, variant.height // 10))
            bottom = variant.getpixel((variant.width // 2, variant.height * 9 // 10))
        assert top[0] > 150 and top[2] < 100, f"{file.name}: the top is not red: {top}"
        assert bottom[2] > 150 and bottom[0] < 100, f"{file.name}: the bottom is not blue: {bottom}"


def test_second_build_encodes_nothing_and_the_site_is_byte_identical(camera_project):
    _, _, (first, second) = camera_project
    assert "photos: 0 variants encoded" in second["stderr"], second["stderr"]
    assert first["cache"] == second["cache"], "no cached variant was written again"
    # pagefind-entry.json lists its languages in varying order from build to build: a search matter
    differing = [
        path
        for path in first["site"].keys() | second["site"].keys()
        if first["site"].get(path) != second["site"].get(path)
    ]
    assert [path for path in differing if path.parts[0] != "pagefind"] == []


def test_building_writes_nothing_inside_docs(camera_project):
    _, docs_before, runs = camera_project
    assert all(run["docs"] == docs_before for run in runs)


def test_check_warns_about_a_huge_original_with_what_readers_download(camera_project):
    project, _, _ = camera_project
    story = project / "docs" / RIVER / "index.zh.md"
    result = run_stories("check", docs=project / "docs")
    assert result.returncode == 0, result.stdout + result.stderr
    photo_line = story.read_text(encoding="utf-8").split("\n").index("  - file: images/river.jpg") + 1
    (warning,) = [line for line in result.stdout.splitlines() if "images/river.jpg is" in line]
    largest = (project / "site" / RIVER / "images").glob(f"river-*-{images.WIDTHS[-1]}.webp")
    expected_kb = round(next(largest).stat().st_size / 1000)
    assert warning.startswith(f"{story}:{photo_line}: warning: the photo images/river.jpg is 2")
    assert f"the largest variant readers download is {expected_kb} KB" in warning


# --- the encoder on its own ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "mode", "colour", "expected_mode"),
    [
        ("print.jpg", "CMYK", (255, 0, 0, 0), "RGB"),
        ("cutout.png", "RGBA", (200, 0, 0, 128), "RGBA"),
        ("grey.png", "LA", (90, 255), "RGB"),
        ("shared.webp", "RGB", (0, 255, 255), "RGB"),
    ],
)
def test_any_colour_mode_becomes_a_webp_browsers_show(tmp_path: Path, name, mode, colour, expected_mode):
    original = tmp_path / name
    Image.new(mode, (900, 600), colour).save(original)
    plan = images.plan(original)
    assert [variant.width for variant in plan.variants] == [480, 840, 900]
    assert images.ensure_cached(plan, tmp_path / "cache") == 3
    with Image.open(plan.cached(plan.fallback, tmp_path / "cache")) as variant:
        assert variant.mode == expected_mode and variant.size == (840, 560)
        if mode in ("CMYK", "RGB"):  # both are cyan
            red, green, blue = variant.getpixel((10, 10))
            assert red < 80 and green > 150 and blue > 150, (red, green, blue)


def test_the_same_original_always_encodes_to_the_same_bytes(tmp_path: Path):
    original = tmp_path / "photo.png"
    Image.effect_noise((1300, 900), 40).convert("RGB").save(original)
    plan = images.plan(original)
    for cache in ("one", "two"):
        images.ensure_cached(plan, tmp_path / cache)
    assert _files(tmp_path / "one") == _files(tmp_path / "two")
    assert images.ensure_cached(plan, tmp_path / "one") == 0
