"""Labelled placeholder images for photos that have not arrived yet.

A placeholder carries a PNG text chunk so that the check can warn that a story still shows one.
"""

from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageDraw, ImageFont, PngImagePlugin

MARKER_KEY = "newsroom-placeholder"
SIZE = (1600, 1000)
_FONT_CANDIDATES = (
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc",
    "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
    "/System/Library/Fonts/PingFang.ttc",
    "C:/Windows/Fonts/msyh.ttc",
)


def is_placeholder(path: Path) -> bool:
    if path.suffix.lower() != ".png":  # placeholders are always PNG; no need to open a photo
        return False
    try:
        with Image.open(path) as image:
            return MARKER_KEY in getattr(image, "text", {})
    except (OSError, ValueError):
        return False


def draw_placeholder(path: Path, lines: list[str]) -> None:
    """Write a PNG that says, in large type, that it stands in for the photo described by `lines`."""
    width, height = SIZE
    image = Image.new("RGB", SIZE)
    pixels = ImageDraw.Draw(image)
    for y in range(height):  # a quiet water-and-hills gradient, so the page layout reads as it will
        shade = y / height
        pixels.line([(0, y), (width, y)], fill=(int(196 - 60 * shade), int(221 - 40 * shade), int(214 - 70 * shade)))
    pixels.polygon(
        [(0, 760), (420, 560), (820, 720), (1200, 520), (1600, 700), (1600, 1000), (0, 1000)], fill=(96, 140, 112)
    )
    pixels.rectangle([(60, 60), (width - 60, height - 60)], outline=(255, 255, 255), width=6)
    y = 150
    for index, text in enumerate(lines):
        font = _font(84 if index == 0 else 52)
        box = pixels.textbbox((0, 0), text, font=font)
        pixels.text(((width - (box[2] - box[0])) / 2, y), text, font=font, fill=(20, 40, 34))
        y += (box[3] - box[1]) + (70 if index == 0 else 36)
    info = PngImagePlugin.PngInfo()
    info.add_text(MARKER_KEY, "true")
    info.add_text("Description", " / ".join(lines))
    path.parent.mkdir(parents=True, exist_ok=True)
    image.save(path, "PNG", pnginfo=info, optimize=True)


def _font(size: int):
    for candidate in _FONT_CANDIDATES:
        if Path(candidate).exists():
            return ImageFont.truetype(candidate, size)
    return ImageFont.load_default(size)
