"""Labelled placeholder images for photos that have not arrived yet.

The check recognises a placeholder by its pixels (the drawn landscape and frame around the
text), so it still warns when the placeholder was saved again as a JPEG or resized.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from PIL import Image, ImageChops, ImageDraw, ImageFont, ImageStat, PngImagePlugin

SIZE = (1600, 1000)
_FONT_CANDIDATES = (
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc",
    "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
    "/System/Library/Fonts/PingFang.ttc",
    "C:/Windows/Fonts/msyh.ttc",
)
# Compared at this size, on the margins and the hills at the bottom, where the text never reaches.
_THUMBNAIL = (32, 20)
_TEXT_FREE = ((0, 0, 2, 20), (30, 0, 32, 20), (0, 16, 32, 20))
_MOST_DIFFERENCE = 12  # mean difference per channel (0-255) that JPEG re-encoding stays well under


def has_placeholder_shape(size: tuple[int, int]) -> bool:
    """Whether a picture of `size` pixels could be a placeholder, resized or not."""
    width, height = size
    return bool(height) and abs(width / height - SIZE[0] / SIZE[1]) <= 0.02


def is_placeholder(image: Image.Image) -> bool:
    """Whether the pixels of `image` (already opened, at any size) are those of a placeholder."""
    if not has_placeholder_shape(image.size):
        return False
    seen = image.convert("RGB").resize(_THUMBNAIL, Image.Resampling.BOX)
    expected, text_free = _thumbnail_of_background()
    difference = ImageChops.difference(seen, expected)
    return max(ImageStat.Stat(difference, text_free).mean) <= _MOST_DIFFERENCE


@lru_cache(maxsize=1)
def _thumbnail_of_background() -> tuple[Image.Image, Image.Image]:
    """The background at the size compared, and a mask of the part of it no text covers."""
    text_free = Image.new("L", _THUMBNAIL, 0)
    for box in _TEXT_FREE:
        text_free.paste(255, box)
    return _background().resize(_THUMBNAIL, Image.Resampling.BOX), text_free


def _background() -> Image.Image:
    """A quiet water-and-hills gradient in a white frame, so the page layout reads as it will."""
    width, height = SIZE
    image = Image.new("RGB", SIZE)
    pixels = ImageDraw.Draw(image)
    for y in range(height):
        shade = y / height
        pixels.line([(0, y), (width, y)], fill=(int(196 - 60 * shade), int(221 - 40 * shade), int(214 - 70 * shade)))
    pixels.polygon(
        [(0, 760), (420, 560), (820, 720), (1200, 520), (1600, 700), (1600, 1000), (0, 1000)], fill=(96, 140, 112)
    )
    pixels.rectangle([(60, 60), (width - 60, height - 60)], outline=(255, 255, 255), width=6)
    return image


def draw_placeholder(path: Path, lines: list[str]) -> None:
    """Write a PNG that says, in large type, that it stands in for the photo described by `lines`."""
    image = _background()
    pixels = ImageDraw.Draw(image)
    y = 150
    for index, text in enumerate(lines):
        font = _font(84 if index == 0 else 52)
        box = pixels.textbbox((0, 0), text, font=font)
        pixels.text(((SIZE[0] - (box[2] - box[0])) / 2, y), text, font=font, fill=(20, 40, 34))
        y += (box[3] - box[1]) + (70 if index == 0 else 36)
    info = PngImagePlugin.PngInfo()
    info.add_text("Description", " / ".join(lines))
    path.parent.mkdir(parents=True, exist_ok=True)
    image.save(path, "PNG", pnginfo=info, optimize=True)


def _font(size: int):
    for candidate in _FONT_CANDIDATES:
        if Path(candidate).exists():
            return ImageFont.truetype(candidate, size)
    return ImageFont.load_default(size)
