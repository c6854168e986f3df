"""What the check sees when it opens a photo: whether it is a whole, real image of the kind its
name says, large enough for the widths the site publishes, and free of what could identify a source.

Judging reads the file and never writes: the build encodes the variants (images.py).
"""

from __future__ import annotations

import functools
import re
import warnings
from collections.abc import Iterator
from pathlib import Path

from PIL import ExifTags, Image, UnidentifiedImageError

from newsroom.model.catalogue import Code, report
from newsroom.model.findings import Finding
from newsroom.model.schema import SOURCE_LANG
from newsroom.model.site import Site
from newsroom.render.images import WIDTHS, upright_size
from newsroom.render.placeholder import has_placeholder_shape, is_placeholder
from newsroom.render.views import photo_path

# What the site publishes, by the extensions each kind of file goes by.
EXTENSIONS = {"JPEG": (".jpg", ".jpeg"), "PNG": (".png",), "WEBP": (".webp",)}
_SERIAL_NUMBERS = (ExifTags.Base.BodySerialNumber, ExifTags.Base.CameraSerialNumber, ExifTags.Base.LensSerialNumber)
_JPEG_END = b"\xff\xd9"  # the marker that ends a JPEG; picture data never contains it
_TEXT_START = 60  # characters of a text file shown, enough to recognise a saved web page or a note


def judge_photo(story_file_path: Path, line: int, file: str, path: Path, *, lead: bool) -> list[Finding]:
    """Findings about the image at `path`, declared as `file` on `line` of `story_file_path`."""
    finding = functools.partial(_finding, story_file_path, line, file)
    if path.stat().st_size == 0:
        return [finding(Code.PHOTO_EMPTY)]
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # e.g. "possibly corrupt EXIF data": the pixels still decide
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(path) as image:
                return list(_judge_open(image, file, path, finding, lead))
    except UnidentifiedImageError:
        return [_not_an_image(file, path, finding)]
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as bomb:
        pixels, limit = (int(number) for number in re.findall(r"\d+", str(bomb))[:2])
        return [finding(Code.PHOTO_BOMB, pixels=pixels, limit=limit)]
    except Exception as problem:  # Pillow's decoders raise many kinds for a broken file
        return [finding(Code.PHOTO_DAMAGED, problem=problem or type(problem).__name__)]


def _judge_open(image: Image.Image, file: str, path: Path, finding, lead: bool) -> Iterator[Finding]:
    extension = path.suffix.lower()
    kind = "JPEG" if image.format == "MPO" else image.format  # MPO: a camera's JPEG with a preview inside
    if kind not in EXTENSIONS:
        yield _other_format(kind, finding)
        return
    if extension not in EXTENSIONS[kind]:
        renamed = Path(file).with_suffix(EXTENSIONS[kind][0]).as_posix()
        yield finding(
            Code.PHOTO_WRONG_FORMAT,
            kind=kind,
            extension=extension or "its name",
            name=Path(renamed).name,
            renamed=renamed,
        )
    width, height = upright_size(image)
    exif = image.getexif()
    print_colours = image.mode == "CMYK"
    _read_to_the_end(image, path)
    if has_placeholder_shape((width, height)) and _is_placeholder(path):
        yield finding(Code.PHOTO_PLACEHOLDER)
        return  # its size and colours are the placeholder's, not the photo's
    if width < WIDTHS[0]:
        yield finding(Code.PHOTO_TOO_SMALL, width=width, height=height, minimum=WIDTHS[0])
    elif lead and width < WIDTHS[-1]:
        yield finding(Code.PHOTO_NARROW_LEAD, width=width, widest=WIDTHS[-1])
    if print_colours:
        yield finding(Code.PHOTO_CMYK)
    private = _private_metadata(exif)
    if private:
        yield finding(Code.PHOTO_PRIVATE_METADATA, private=" and ".join(private))


def _read_to_the_end(image: Image.Image, path: Path) -> None:
    """Raise if the file stops before its picture does, or (PNG) any part of it is corrupt.

    Decoding a camera photo costs tens of milliseconds, too slow for a check of a thousand stories
    run on every commit; a JPEG's end marker after its picture data, and a PNG's checksums, are
    read in about a millisecond. The build decodes every pixel and reports what still fails there.
    """
    if image.format in ("JPEG", "MPO"):
        with path.open("rb") as file:
            file.seek(-2, 2)
            if file.read() == _JPEG_END:
                return
            # something follows the picture (e.g. a phone's motion clip): look for the end marker
            # after the picture data starts, past the end marker of an EXIF thumbnail
            file.seek(_picture_data_start(file))
            if _JPEG_END not in file.read():
                raise OSError("the file ends before the picture does")
    elif image.format == "PNG":
        with Image.open(path) as unread:  # reading the EXIF may have read the pixels already
            unread.verify()
    else:
        image.load()


def _picture_data_start(file) -> int:
    """Where a JPEG's picture data starts: after the segments (EXIF, colour profile, tables) that
    precede its first scan, each a marker and a two-byte length."""
    file.seek(2)  # past the start marker
    while True:
        marker = file.read(2)
        if len(marker) < 2 or marker[0] != 0xFF:
            raise OSError("the file ends before the picture does")
        if marker[1] == 0xFF:  # a fill byte before the marker
            file.seek(-1, 1)
            continue
        length = int.from_bytes(file.read(2), "big")
        if marker[1] == 0xDA:  # start of scan
            return file.tell() + length - 2
        file.seek(length - 2, 1)


def _is_placeholder(path: Path) -> bool:
    with Image.open(path) as image:
        image.draft(None, (1, 1))  # a JPEG decodes at 1/8 scale several times faster
        return is_placeholder(image)


def _other_format(kind: str, finding) -> Finding:
    return finding(Code.PHOTO_FORMAT, kind=kind)


def _not_an_image(file: str, path: Path, finding) -> Finding:
    with path.open("rb") as opened:
        start = opened.read(4096)
    if start[4:8] == b"ftyp":  # the ISO container of HEIC (iPhones' own format) and AVIF
        return _other_format("HEIC or AVIF", finding)
    try:
        text = start.decode("utf-8")
    except UnicodeDecodeError:
        text = None
    if text is not None and "\0" not in text:
        return finding(Code.PHOTO_IS_TEXT, begins=" ".join(text.split())[:_TEXT_START])
    return finding(Code.PHOTO_NOT_IMAGE, size=path.stat().st_size)


def _private_metadata(exif: Image.Exif) -> list[str]:
    """What in the photo's EXIF could identify where it was taken or whose camera took it."""
    found = []
    gps = exif.get_ifd(ExifTags.IFD.GPSInfo)
    if ExifTags.GPS.GPSLatitude in gps or ExifTags.GPS.GPSLongitude in gps:
        found.append(f"the GPS position where it was taken{_position(gps)}")
    camera = {**exif, **exif.get_ifd(ExifTags.IFD.Exif)}
    if any(str(camera.get(tag, "")).strip() for tag in _SERIAL_NUMBERS):
        found.append("the serial number of the camera or lens")
    return found


def _position(gps: dict) -> str:
    """` (39.9040 N, 116.4074 E)`, or nothing when the values are not the usual degrees, minutes, seconds."""
    try:
        parts = []
        for value, reference in (
            (ExifTags.GPS.GPSLatitude, ExifTags.GPS.GPSLatitudeRef),
            (ExifTags.GPS.GPSLongitude, ExifTags.GPS.GPSLongitudeRef),
        ):
            degrees, minutes, seconds = (float(number) for number in gps[value])
            parts.append(f"{degrees + minutes / 60 + seconds / 3600:.4f} {gps.get(reference, '')}".strip())
        return f" ({', '.join(parts)})"
    except (KeyError, TypeError, ValueError, ZeroDivisionError):
        return ""


def unpublished_photo(site: Site, site_path: str, problem: str) -> Finding:
    """The build could not encode the photo published at `site_path`: where the story declares it."""
    declared = [
        (story_file, photo)
        for story in site.stories
        for story_file in sorted(story.files.values(), key=lambda f: f.lang != SOURCE_LANG)
        for photo in story_file.photos
        if photo.file and photo_path(story, photo.file) == site_path
    ]
    story_file, photo = declared[0]
    return report(Code.PHOTO_NOT_ENCODED, story_file.path, photo.line, file=photo.file, problem=problem)


def _finding(story_file_path: Path, line: int, file: str, kind: Code, /, **details: object) -> Finding:
    return report(kind, story_file_path, line, file=file, **details)
