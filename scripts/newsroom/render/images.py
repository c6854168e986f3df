"""Photos sized for phones: WebP variants of each original at a few widths, cached by content.

A variant's file name carries a fingerprint of the original's bytes and of the encoding settings,
so it can be cached by browsers forever and rebuilt only when either changes. Encoded variants
are kept in a cache folder beside docs/ and copied into the site on every build.
"""

from __future__ import annotations

import functools
import hashlib
import io
import os
import posixpath
import shutil
import warnings
from collections.abc import Mapping
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from PIL import ExifTags, Image, ImageCms, ImageOps

# On a phone a photo spans the screen, so it needs the screen's width in device pixels; browsers
# take the narrowest variant at least that wide. 840 fits phones 360-420 px wide at 2x and the
# article column (840 px) at 1x; 1080 the usual 1080-pixel-wide Android screen; 1290 the widest
# iPhones (430 px at 3x); 1680 the column at 2x. 480: series-card thumbnails (320 px) at 1x.
WIDTHS = (480, 840, 1080, 1290, 1680)
# What a browser that ignores srcset shows: the article column's width at 1x, a fraction of the bytes.
FALLBACK_WIDTH = 840
# libwebp's own default quality. Method 6 makes camera photos 4-10% smaller than the default 4 but
# encodes 2-3 times slower: affordable, since each variant is encoded once and then cached.
WEBP_QUALITY = 75
WEBP_METHOD = 6
# Part of every fingerprint: change it whenever the same original would give different pixels.
# The widths are in it because the largest one sets how far a JPEG is scaled down while decoding.
ENCODING = f"webp q{WEBP_QUALITY} m{WEBP_METHOD} widths {WIDTHS} lanczos srgb credit-only v2"
LARGE_ORIGINAL_BYTES = 20_000_000
IMAGES_FOLDER = "images"  # in the newsroom plugin's cache folder
CACHE_FOLDER = Path(".cache") / IMAGES_FOLDER

_QUARTER_TURNS = {5, 6, 7, 8}  # EXIF orientations whose stored width is the displayed height
# The only metadata a variant keeps: who took the photo and who owns it. Everything else (the GPS
# position, the camera's and lens's serial numbers, the editing history) could identify a source.
KEPT_METADATA = (ExifTags.Base.Artist, ExifTags.Base.Copyright)
_SRGB = ImageCms.createProfile("sRGB")


@dataclass(frozen=True)
class Variant:
    width: int
    height: int


@dataclass(frozen=True)
class ImagePlan:
    """An original photo and the variants made from it, narrowest first."""

    original: Path
    fingerprint: str
    variants: tuple[Variant, ...]

    @property
    def largest(self) -> Variant:
        return self.variants[-1]

    @property
    def fallback(self) -> Variant:
        fitting = [variant for variant in self.variants if variant.width <= FALLBACK_WIDTH]
        return fitting[-1] if fitting else self.variants[0]

    def cached(self, variant: Variant, cache_dir: Path) -> Path:
        return cache_dir / f"{self.fingerprint}-{variant.width}.webp"


def cache_dir_for(docs_dir: Path) -> Path:
    """The cache lives beside docs/, so that building never writes inside it."""
    return Path(docs_dir).resolve().parent / CACHE_FOLDER


def variant_widths(original_width: int) -> tuple[int, ...]:
    """The standard widths below the original's, then its own width capped at the largest."""
    widest = min(original_width, WIDTHS[-1])
    return (*(width for width in WIDTHS if width < widest), widest)


def variant_path(original_site_path: str, plan: ImagePlan, variant: Variant) -> str:
    """Where a variant lives in the site, beside its original: `images/river-1a2b3c4d-840.webp`."""
    stem = posixpath.splitext(original_site_path)[0]
    return f"{stem}-{plan.fingerprint[:8]}-{variant.width}.webp"


def plan(original: Path) -> ImagePlan | None:
    """The variants to make from `original`, or None if it is not a readable image."""
    try:
        stat = original.stat()
    except (OSError, ValueError):  # ValueError: a file name with a NUL character
        return None
    return _plan(str(original), stat.st_mtime_ns, stat.st_size)


@lru_cache(maxsize=8192)
def _plan(original: str, mtime_ns: int, size: int) -> ImagePlan | None:
    try:
        with warnings.catch_warnings():
            # above Pillow's limit is too large to encode safely, as the check reports (photo_checks.py)
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(original) as image:
                width, height = upright_size(image)
        with open(original, "rb") as file:
            fingerprint = hashlib.file_digest(file, lambda: hashlib.sha256(ENCODING.encode() + b"\0")).hexdigest()
    except (OSError, ValueError, Image.DecompressionBombError, Image.DecompressionBombWarning):
        return None
    variants = tuple(Variant(w, max(1, round(w * height / width))) for w in variant_widths(width))
    return ImagePlan(Path(original), fingerprint, variants)


def upright_size(image: Image.Image) -> tuple[int, int]:
    """The width and height of `image` as shown, after the turn its EXIF orientation asks for."""
    width, height = image.size
    if image.getexif().get(ExifTags.Base.Orientation, 1) in _QUARTER_TURNS:
        return height, width
    return width, height


def ensure_cached(plan: ImagePlan, cache_dir: Path) -> int:
    """Encode the variants that the cache lacks; return how many were encoded."""
    missing = [v for v in plan.variants if not plan.cached(v, cache_dir).is_file()]
    if not missing:
        return 0
    cache_dir.mkdir(parents=True, exist_ok=True)
    upright, credit = _decode_for_web(plan)
    for variant in missing:
        resized = upright.resize((variant.width, variant.height), Image.Resampling.LANCZOS)
        target = plan.cached(variant, cache_dir)
        partial = target.with_name(f"{target.name}.{os.getpid()}.partial")
        # fixed settings and metadata: the same original always gives the same bytes
        resized.save(partial, "WEBP", quality=WEBP_QUALITY, method=WEBP_METHOD, exif=credit)
        os.replace(partial, target)  # an interrupted build never leaves a truncated variant behind
    return len(missing)


def _decode_for_web(plan: ImagePlan) -> tuple[Image.Image, bytes]:
    """The original upright, in sRGB, decoded no larger than the largest variant needs, and the
    EXIF block a variant carries (credit and copyright only)."""
    largest = plan.largest
    with Image.open(plan.original) as image:
        stored_size = (largest.width, largest.height)
        if image.getexif().get(ExifTags.Base.Orientation, 1) in _QUARTER_TURNS:
            stored_size = stored_size[::-1]
        # JPEG decodes at 1/2, 1/4 or 1/8 scale, still at least this size: camera originals load
        # several times faster. Other formats ignore it. The scale depends only on the plan, so a
        # variant's bytes do not depend on which other variants were missing from the cache.
        image.draft(None, stored_size)
        return _in_srgb(ImageOps.exif_transpose(image)), _credit_only(image.getexif())


def _credit_only(exif: Image.Exif) -> bytes:
    kept = Image.Exif()
    for tag in KEPT_METADATA:
        if isinstance(exif.get(tag), str) and exif[tag].strip():
            kept[tag] = exif[tag]
    return kept.tobytes() if len(kept) else b""


def _in_srgb(image: Image.Image) -> Image.Image:
    """RGB, or RGBA if the photo has transparency, in the sRGB that browsers assume for WebP without a profile."""
    if image.mode in ("I", "I;16"):  # 16-bit greyscale PNG
        image = image.point(lambda value: value / 256).convert("L")
    mode = "RGBA" if image.has_transparency_data else "RGB"
    profile = image.info.get("icc_profile")
    if profile:  # Adobe RGB, Display P3 and CMYK photos would look dull or wrong read as sRGB
        try:
            return ImageCms.profileToProfile(
                image, ImageCms.ImageCmsProfile(io.BytesIO(profile)), _SRGB, outputMode=mode
            )
        except (ImageCms.PyCMSError, OSError, ValueError):
            pass  # an unusable profile: read the pixels as sRGB, as a browser would
    return image.convert(mode)


@dataclass
class Published:
    encoded: int = 0
    reused: int = 0
    failed: dict[str, str] = field(default_factory=dict)  # site path of the original → why


def publish(photos: Mapping[str, Path], cache_dir: Path, site_dir: Path, processes: int = 1) -> Published:
    """Copy every variant of `photos` (site path of the original → file) into `site_dir`, encoding
    what the cache lacks first, in `processes` processes (encoding is most of a first build)."""
    result = Published()
    plans = {site_path: image for site_path, original in sorted(photos.items()) if (image := plan(original))}
    # (photos that are not images are shown as they are)
    uncached = [
        site_path
        for site_path, image in plans.items()
        if not all(image.cached(v, cache_dir).is_file() for v in image.variants)
    ]
    encode = functools.partial(_encode_reporting, cache_dir=cache_dir)
    if processes > 1 and len(uncached) > 1:
        with ProcessPoolExecutor(processes) as pool:
            outcomes = dict(zip(uncached, pool.map(encode, [plans[site_path] for site_path in uncached], chunksize=4)))
    else:
        outcomes = {site_path: encode(plans[site_path]) for site_path in uncached}
    for site_path, image in plans.items():
        encoded = outcomes.get(site_path, 0)
        if isinstance(encoded, str):  # e.g. a truncated upload whose header still reads
            result.failed[site_path] = encoded
            continue
        result.encoded += encoded
        result.reused += len(image.variants) - encoded
        for variant in image.variants:
            target = site_dir / variant_path(site_path, image, variant)
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(image.cached(variant, cache_dir), target)
    return result


def _encode_reporting(image: ImagePlan, cache_dir: Path) -> int | str:
    """ensure_cached, with a problem returned as text (it may run in another process)."""
    try:
        return ensure_cached(image, cache_dir)
    except (OSError, ValueError) as problem:
        return str(problem)


def largest_variant_bytes(original: Path, cache_dir: Path) -> int | None:
    """The size of the largest variant readers download, if a build has made it already (the
    check reads photos and never writes)."""
    image = plan(original)
    if image is None:
        return None
    try:
        return image.cached(image.largest, cache_dir).stat().st_size
    except OSError:
        return None
