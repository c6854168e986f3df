"""Labelled placeholder images for photos that have not arrived yet.

The check recognises a placeholder by its pixels (the drawn landscape and frame around the
text), so it still warns when the placeholder was saved again as a JPEG or resized.
"""

from __future__ import annotations

from functools import lru_cache

from PIL import Image, ImageChops, ImageDraw, ImageStat

SIZE = (1600, 1000)
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



