"""Photos as journalists really hand them in: the check opens each one and says what is wrong with
it at the line that declares it, in English and in Chinese; the build publishes clean variants."""

from __future__ import annotations

import io
import struct
import zlib
from pathlib import Path

import pytest
from conftest import FIRST_STORY, PROJECT, build, make_project, run_stories
from newsroom.checks.messages import EXPLANATIONS
from newsroom.render import images
from PIL import ExifTags, Image

RIVER = "stories/river-cleanup"
LEAD, IN_TEXT = "images/river.png", "images/walkers.png"
ROTATE_TO_VIEW = 6  # EXIF: turn the stored picture a quarter clockwise to see it upright
RED, BLUE = (220, 30, 30), (30, 30, 220)
GPS_POSITION = {  # Jinzhong, as a phone writes it: degrees, minutes, seconds
    ExifTags.GPS.GPSLatitudeRef: "N",
    ExifTags.GPS.GPSLatitude: (37.0, 41.0, 13.2),
    ExifTags.GPS.GPSLongitudeRef: "E",
    ExifTags.GPS.GPSLongitude: (112.0, 45.0, 7.2),
}


# --- making the photos journalists hand in -----------------------------------------------------


def jpeg_bytes(size=(1000, 625), mode="RGB", colour=BLUE, **save) -> bytes:
    buffer = io.BytesIO()
    Image.new(mode, size, colour).save(buffer, "JPEG", quality=90, **save)
    return buffer.getvalue()


def png_bytes(size=(1000, 625), mode="RGB", colour=BLUE) -> bytes:
    buffer = io.BytesIO()
    Image.new(mode, size, colour).save(buffer, "PNG")
    return buffer.getvalue()


def noisy_jpeg_bytes(size=(1000, 625), **save) -> bytes:
    buffer = io.BytesIO()
    Image.merge("RGB", [Image.effect_noise(size, 64) for _ in range(3)]).save(buffer, "JPEG", quality=90, **save)
    return buffer.getvalue()


def noisy_png_bytes(size=(1000, 625)) -> bytes:
    buffer = io.BytesIO()
    Image.effect_noise(size, 64).save(buffer, "PNG")
    return buffer.getvalue()


def bomb_png_bytes(width: int, height: int) -> bytes:
    """A PNG of a few dozen bytes whose header claims `width`×`height` pixels."""
    data = bytearray(png_bytes((1, 1), "L", 0))
    data[16:24] = struct.pack(">II", width, height)  # IHDR's data follows the signature and chunk header
    data[29:33] = struct.pack(">I", zlib.crc32(data[12:29]))
    return bytes(data)


def sideways_jpeg_bytes(stored=(1200, 800), mode="RGB", top=RED, bottom=BLUE) -> bytes:
    """A portrait photo, `top` colour at the top, stored lying on its side as phone cameras do."""
    width, height = stored[1], stored[0]
    upright = Image.new(mode, (width, height), bottom)
    upright.paste(top, (0, 0, width, height // 4))
    exif = Image.Exif()
    exif[ExifTags.Base.Orientation] = ROTATE_TO_VIEW
    buffer = io.BytesIO()
    upright.rotate(90, expand=True).save(buffer, "JPEG", quality=90, exif=exif)
    return buffer.getvalue()


def located_jpeg_bytes(size=(1800, 1125)) -> bytes:
    """A photo as a phone or a newsroom camera writes it: where it was taken, the camera's serial
    number, and who took it."""
    exif = Image.Exif()
    exif[ExifTags.Base.Artist] = "Wang Fang"
    exif[ExifTags.Base.Copyright] = "Jinzhong Daily"
    exif[ExifTags.Base.Make] = "Canon"
    exif.get_ifd(ExifTags.IFD.GPSInfo).update(GPS_POSITION)
    exif.get_ifd(ExifTags.IFD.Exif)[ExifTags.Base.BodySerialNumber] = "032024001234"
    return jpeg_bytes(size, exif=exif)


def use_photo(docs: Path, declared: str, file: str, content: bytes) -> Path:
    """Replace the story's photo `declared` with `file` holding `content`, in both languages, as a
    journalist would (and record the translation as current again); returns the Chinese story."""
    story = docs / RIVER
    (story / declared).unlink()
    (story / file).write_bytes(content)
    if file != declared:
        for name in ("index.zh.md", "index.en.md"):
            path = story / name
            path.write_text(path.read_text(encoding="utf-8").replace(declared, file), encoding="utf-8")
        marked = run_stories("mark-translated", str(story), docs=docs)
        assert marked.returncode == 0, marked.stdout + marked.stderr
    return story / "index.zh.md"


def declaration_line(story: Path, file: str) -> int:
    return story.read_text(encoding="utf-8").split("\n").index(f"  - file: {file}") + 1


def shown(path: Path) -> str:
    return str(path.relative_to(PROJECT) if path.is_relative_to(PROJECT) else path)


def assert_reported(result, story: Path, file: str, severity: str, code: str, words: str) -> str:
    """The finding names the file and the photo's front matter line, says what to do, and the
    Chinese explanation of its kind follows; returns the finding's line."""
    assert "Traceback" not in result.stderr, result.stderr
    prefix = f"{shown(story)}:{declaration_line(story, file)}: {severity}: "
    matching = [line for line in result.stdout.splitlines() if line.startswith(prefix) and words in line]
    assert len(matching) == 1, (prefix, words, result.stdout)
    assert " — " in matching[0], "every finding says what to do"
    assert f"  [{code}] {EXPLANATIONS[code][0]}" in result.stdout.splitlines(), result.stdout
    return matching[0]


# --- one case per broken photo ------------------------------------------------------------------

BROKEN = [
    ("empty", IN_TEXT, lambda: b"", "photo-empty", f"the photo file {IN_TEXT} is empty (0 bytes)"),
    ("stub", "images/walkers.jpg", lambda: noisy_jpeg_bytes()[:200], "photo-damaged", "is damaged and cannot be shown"),
    (
        "truncated",
        "images/walkers.jpg",
        lambda: (data := noisy_jpeg_bytes())[: len(data) // 2],
        "photo-damaged",
        "is damaged and cannot be shown (the file ends before the picture does)",
    ),
    (
        "truncated-with-a-thumbnail-before-it",
        "images/walkers.jpg",
        lambda: (data := noisy_jpeg_bytes((1200, 800), comment=b"thumbnail \xff\xd8...\xff\xd9"))[: len(data) // 2],
        "photo-damaged",
        "is damaged and cannot be shown (the file ends before the picture does)",
    ),
    (
        "truncated-png",
        IN_TEXT,
        lambda: (data := noisy_png_bytes())[: len(data) * 2 // 3],
        "photo-damaged",
        f"the photo {IN_TEXT} is damaged and cannot be shown",
    ),
    (
        "wrong-extension",
        IN_TEXT,
        lambda: jpeg_bytes(),
        "photo-wrong-format",
        f"the photo {IN_TEXT} is really a JPEG file, not what .png says — rename the file to walkers.jpg and write file: images/walkers.jpg",
    ),
    (
        "text-as-jpeg",
        "images/walkers.jpg",
        lambda: "照片稍后补发 Photo to follow\n".encode(),
        "photo-not-image",
        "the photo file images/walkers.jpg is text, not an image (it begins “照片稍后补发 Photo to follow”)",
    ),
    (
        "saved-web-page",
        "images/walkers.jpg",
        lambda: b"<!DOCTYPE html>\n<html><head><title>403 Forbidden</title></head></html>\n",
        "photo-not-image",
        "is text, not an image (it begins “<!DOCTYPE html> <html><head><title>403 Forbidden",
    ),
    (
        "decompression-bomb",
        IN_TEXT,
        lambda: bomb_png_bytes(30_000, 30_000),
        "photo-bomb",
        f"the photo {IN_TEXT} claims 900,000,000 pixels, more than the {Image.MAX_IMAGE_PIXELS * 2:,} the site opens",
    ),
    (
        "bomb-below-the-hard-limit",
        IN_TEXT,
        lambda: bomb_png_bytes(10_000, 10_000),
        "photo-bomb",
        f"claims 100,000,000 pixels, more than the {Image.MAX_IMAGE_PIXELS:,} the site opens",
    ),
    (
        "too-small",
        IN_TEXT,
        lambda: png_bytes((320, 200)),
        "photo-too-small",
        f"the photo {IN_TEXT} is only 320×200 pixels; the site needs at least {images.WIDTHS[0]} pixels across",
    ),
    (
        "too-small-once-upright",
        "images/walkers.jpg",
        lambda: sideways_jpeg_bytes(stored=(800, 460)),
        "photo-too-small",
        "is only 460×800 pixels",
    ),
    (
        "gps-and-serial-number",
        "images/walkers.jpg",
        lambda: located_jpeg_bytes(),
        "photo-private-metadata",
        "carries the GPS position where it was taken (37.6870 N, 112.7520 E) and the serial number of the camera or lens",
    ),
    (
        "not-a-web-format",
        "images/walkers.tif",
        lambda: _tiff_bytes(),
        "photo-format",
        "is a TIFF image; the site publishes photos as JPEG, PNG or WebP",
    ),
    (
        "iphone-heic",
        "images/walkers.heic",
        lambda: b"\0\0\0\x18ftypheic\0\0\0\0mif1heic" + bytes(200),
        "photo-format",
        "is a HEIC or AVIF image",
    ),
]


def _mpo_bytes() -> bytes:
    """A JPEG with a second, smaller picture inside (MPO), as many cameras and phones write them."""
    buffer = io.BytesIO()
    main, preview = Image.new("RGB", (1200, 800), BLUE), Image.new("RGB", (640, 427), RED)
    main.save(buffer, "MPO", save_all=True, append_images=[preview])
    return buffer.getvalue()


def _tiff_bytes() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (1000, 625), BLUE).save(buffer, "TIFF")
    return buffer.getvalue()


@pytest.mark.parametrize(("name", "file", "content", "code", "words"), BROKEN, ids=[case[0] for case in BROKEN])
def test_a_broken_photo_is_an_error_at_its_line_in_both_languages(fixture_docs: Path, name, file, content, code, words):
    story = use_photo(fixture_docs, IN_TEXT, file, content())
    result = run_stories("check", docs=fixture_docs)
    assert result.returncode == 1, result.stdout + result.stderr
    assert_reported(result, story, file, "error", code, words)
    assert "中文说明" in result.stdout
    english = [line for line in result.stdout.splitlines() if line.startswith(shown(story.with_name("index.en.md")))]
    assert not [line for line in english if file in line], "the file is judged once, not once per language"


WARNED = [
    (
        "narrow-lead",
        LEAD,
        lambda: png_bytes((1200, 750)),
        "photo-narrow-lead",
        f"the lead photo {LEAD} is 1200 pixels wide; large screens show it {images.WIDTHS[-1]} pixels wide",
    ),
    (
        "lead-narrow-once-upright",
        "images/river.jpg",
        lambda: sideways_jpeg_bytes(stored=(1800, 1000)),
        "photo-narrow-lead",
        "the lead photo images/river.jpg is 1000 pixels wide",
    ),
    (
        "cmyk",
        "images/river.jpg",
        lambda: jpeg_bytes((1800, 1125), "CMYK", (255, 0, 0, 0)),
        "photo-cmyk",
        "is in print colours (CMYK)",
    ),
]


@pytest.mark.parametrize(("name", "file", "content", "code", "words"), WARNED, ids=[case[0] for case in WARNED])
def test_a_doubtful_photo_is_a_warning_at_its_line_in_both_languages(
    fixture_docs: Path, name, file, content, code, words
):
    story = use_photo(fixture_docs, LEAD, file, content())
    result = run_stories("check", docs=fixture_docs)
    assert result.returncode == 0, result.stdout + result.stderr
    assert_reported(result, story, file, "warning", code, words)
    assert "0 errors, 1 warning" in result.stdout


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("sixteen-bit-grey", lambda: png_bytes((1000, 625), "I;16", 40_000)),
        ("palette", lambda: png_bytes((1000, 625), "P", 3)),
        ("camera-jpeg", lambda: noisy_jpeg_bytes((2000, 1250))),
        ("camera-jpeg-with-its-preview-inside", lambda: _mpo_bytes()),
        (
            "phone-jpeg-with-a-motion-clip-after-it",
            lambda: jpeg_bytes((1200, 800)) + b"\0\0\0\x18ftypmp42" + bytes(5000),
        ),
        ("phone-jpeg-on-its-side", lambda: sideways_jpeg_bytes(stored=(1200, 800))),
    ],
)
def test_sound_photos_of_any_kind_pass(fixture_docs: Path, name, content):
    file = "images/walkers.jpg" if "jpeg" in name else IN_TEXT
    use_photo(fixture_docs, IN_TEXT, file, content())
    result = run_stories("check", docs=fixture_docs)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.strip() == "checked 2 stories: 0 errors, 0 warnings — all good"


# --- placeholders, by their pixels ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("file", "fmt", "size"),
    [(LEAD, "PNG", None), ("images/river.jpg", "JPEG", None), ("images/river.jpg", "JPEG", (800, 500))],
    ids=["as-drawn", "saved-as-jpeg", "resized-jpeg"],
)
def test_a_placeholder_is_recognised_by_its_pixels(fixture_docs: Path, tmp_path: Path, file, fmt, size):
    drawn = PROJECT / "docs" / "stories" / FIRST_STORY / "images" / "changyuan-wetland.png"  # still to come
    buffer = io.BytesIO()
    with Image.open(drawn) as image:
        (image.resize(size) if size else image).convert("RGB").save(buffer, fmt)
    story = use_photo(fixture_docs, LEAD, file, buffer.getvalue())
    result = run_stories("check", docs=fixture_docs)
    assert result.returncode == 0, result.stdout + result.stderr
    assert_reported(result, story, file, "warning", "photo-placeholder", f"the photo {file} is a placeholder")
    assert "0 errors, 1 warning" in result.stdout, "a placeholder's size is not judged as a photo's"


def test_text_in_place_of_the_placeholder_is_no_longer_all_good(fixture_docs: Path):
    story = use_photo(fixture_docs, LEAD, LEAD, b"the photographer will send the picture tomorrow\n")
    result = run_stories("check", docs=fixture_docs)
    assert result.returncode == 1, result.stdout
    assert_reported(result, story, LEAD, "error", "photo-not-image", "is text, not an image")


# --- the check reads, the build writes --------------------------------------------------------------


def test_the_check_writes_nothing_even_for_a_huge_original(fixture_docs: Path):
    huge = io.BytesIO()  # over 20 MB uncompressed: the check warns, and must not encode to say by how much
    Image.merge("RGB", [Image.effect_noise((3000, 2500), 64) for _ in range(3)]).save(huge, "PNG", compress_level=0)
    use_photo(fixture_docs, LEAD, LEAD, huge.getvalue())
    project = fixture_docs.parent
    before = sorted(project.rglob("*"))
    result = run_stories("check", docs=fixture_docs)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "the photo images/river.png is 22.5 MB —" in result.stdout
    assert sorted(project.rglob("*")) == before


@pytest.fixture(scope="module")
def awkward_site(tmp_path_factory) -> Path:
    """The fixture stories with a located, serial-numbered lead photo and a CMYK photo on its side."""
    project = make_project(tmp_path_factory.mktemp("awkward"), PROJECT / "tests" / "fixtures" / "docs")
    use_photo(project / "docs", LEAD, "images/river.jpg", located_jpeg_bytes())
    cyan_top = sideways_jpeg_bytes(mode="CMYK", top=(255, 0, 0, 0), bottom=(0, 0, 0, 0))
    use_photo(project / "docs", IN_TEXT, "images/walkers.jpg", cyan_top)
    result = build(project)
    # strict mode stops the build only once the site is written: the check's error is the reason
    assert result.returncode == 1 and "error: the photo images/river.jpg carries the GPS position" in result.stderr
    assert "Traceback" not in result.stderr, result.stderr
    return project / "site"


def _variants(site: Path, stem: str) -> list[Path]:
    found = sorted((site / RIVER / "images").glob(f"{stem}-*.webp"))
    assert found, list((site / RIVER / "images").iterdir())
    return found


def test_variants_keep_the_credit_and_drop_the_position_and_serial_number(awkward_site: Path):
    for variant in _variants(awkward_site, "river"):
        with Image.open(variant) as image:
            exif = image.getexif()
            assert exif.get(ExifTags.Base.Artist) == "Wang Fang", variant.name
            assert exif.get(ExifTags.Base.Copyright) == "Jinzhong Daily", variant.name
            assert ExifTags.Base.Make not in exif
            assert not exif.get_ifd(ExifTags.IFD.GPSInfo), f"{variant.name} tells where the photo was taken"
            assert not exif.get_ifd(ExifTags.IFD.Exif), f"{variant.name} keeps camera details"
            assert not image.info.get("xmp"), variant.name


def test_a_cmyk_photo_on_its_side_comes_out_upright_in_screen_colours(awkward_site: Path):
    for variant in _variants(awkward_site, "walkers"):
        with Image.open(variant) as image:
            assert image.mode == "RGB" and image.width < image.height, (variant.name, image.mode, image.size)
            red, green, blue = image.getpixel((image.width // 2, image.height // 10))
            assert red < 90 and green > 140 and blue > 170, f"{variant.name}: the top is not cyan"
            assert max(image.getpixel((image.width // 2, image.height * 9 // 10))) > 230, "the bottom is not white"


def test_a_photo_the_build_cannot_encode_is_reported_at_its_line_in_both_languages(tmp_path: Path):
    project = make_project(tmp_path / "broken", PROJECT / "tests" / "fixtures" / "docs")
    data = noisy_jpeg_bytes((1800, 1125))
    story = use_photo(project / "docs", LEAD, "images/river.jpg", data[: len(data) // 2])
    result = build(project)
    assert result.returncode == 1 and "Traceback" not in result.stderr, result.stderr
    line = declaration_line(story, "images/river.jpg")
    expected = f"docs/{RIVER}/index.zh.md:{line}: error: the photo images/river.jpg could not be made into the versions readers see"
    assert expected in result.stderr, result.stderr
    assert EXPLANATIONS["photo-damaged"][0] in result.stderr
    assert "photos: cannot read" not in result.stderr


@pytest.mark.parametrize(
    ("name", "original", "expected"),
    [
        ("sixteen-bit-grey.png", Image.new("I;16", (900, 600), 40_000), (156, 156, 156)),
        ("palette.png", Image.new("RGB", (900, 600), (0, 153, 204)).convert("P"), (0, 153, 204)),
        ("palette-with-transparency.png", Image.new("RGBA", (900, 600), (0, 160, 200, 0)).convert("P"), None),
    ],
)
def test_deep_and_palette_photos_come_out_in_their_colours(tmp_path: Path, name, original, expected):
    original.save(tmp_path / name)
    plan = images.plan(tmp_path / name)
    images.ensure_cached(plan, tmp_path / "cache")
    for variant in plan.variants:
        with Image.open(plan.cached(variant, tmp_path / "cache")) as encoded:
            if expected is None:
                assert encoded.mode == "RGBA" and encoded.getpixel((5, 5))[3] == 0, "transparency is kept"
            else:
                assert encoded.mode == "RGB"
                assert all(abs(a - b) <= 12 for a, b in zip(encoded.getpixel((5, 5)), expected)), encoded.getpixel(
                    (5, 5)
                )
