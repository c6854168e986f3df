"""From the bytes a layout program, PDF reader or web portal saved to text with `\\n` line ends.

Byte order marks and strict UTF-8 are certain; anything else goes to charset-normalizer, limited
to the encodings Chinese newsrooms save in. GB18030 reads most Big5 bytes without an error, into
nonsense, so no decoder's success counts: the detector judges which reading is language.
"""

from __future__ import annotations

import codecs
import re
import unicodedata

import charset_normalizer

from newsroom.importer.problem import ImportProblem
from newsroom.importer.shapes import HAN
from newsroom.model.story import MAX_STORY_BYTES

# (codec, as the report names it)
_CANDIDATES = {
    "gb18030": "GB18030/GBK, converted to UTF-8",
    "big5": "Big5, converted to UTF-8",
    "utf_16_le": "UTF-16 LE without BOM, converted to UTF-8",
    "utf_16_be": "UTF-16 BE without BOM, converted to UTF-8",
}
TRIED = "UTF-8, GB18030/GBK, Big5, UTF-16 LE/BE"
_MAX_CHAOS = 0.2  # charset-normalizer's share of "mess" in a reading: above it, a guess
_TIE = 0.02  # two readings this close in mess are a coin toss: ask for UTF-8 instead
_TRADITIONAL_SHARE = 0.1


class NotText(ValueError):
    """Bytes that are not text at all (control characters, a picture, a program)."""


class UnsureEncoding(ValueError):
    """Bytes that no candidate encoding reads as language with confidence."""


def decode(raw: bytes) -> tuple[str, str]:
    """The text of a file with `\\n` line ends, and the name of the encoding it was saved in.

    Raises NotText or UnsureEncoding (both ValueError).
    """
    if raw.startswith(codecs.BOM_UTF8):
        text, encoding = raw[len(codecs.BOM_UTF8) :].decode("utf-8", errors="strict"), "UTF-8 with BOM"
    elif raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            text, encoding = raw.decode("utf-16"), "UTF-16"
        except UnicodeDecodeError:
            raise NotText("odd bytes after a UTF-16 byte order mark") from None
    else:
        text, encoding = _detected(raw)
    # PDF exports separate pages with a form feed: a line break like any other here
    text = re.sub(r"\r\n?|[\f\v\x85\u2028\u2029]", "\n", text)
    if any(unicodedata.category(char) in ("Cc", "Cs") and char not in "\n\t" for char in text):
        raise NotText("control characters")
    return text, encoding


def _detected(raw: bytes) -> tuple[str, str]:
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        if "\x00" not in text:  # NUL bytes in valid UTF-8 are UTF-16's high bytes of ASCII
            return text, "UTF-8"
    readings = [
        reading
        for reading in charset_normalizer.from_bytes(raw, cp_isolation=list(_CANDIDATES))
        # every ASCII character of UTF-16 text, line ends included, has a NUL byte
        if not reading.encoding.startswith("utf_16") or b"\x00" in raw
    ]
    best = min(readings, key=lambda reading: reading.chaos, default=None)
    rivals = [
        reading
        for reading in readings
        if reading.chaos - best.chaos < _TIE and str(reading) != str(best)  # two languages, no telling
    ] if best else []
    if best is None or best.chaos > _MAX_CHAOS or rivals:
        if re.search(rb"[\x00-\x08\x0e-\x1f\x7f]", raw):
            raise NotText("control bytes")  # a picture or a program, not text in any encoding
        raise UnsureEncoding(TRIED)
    return str(best), _CANDIDATES[best.encoding]


def is_traditional(text: str) -> bool:
    """Written in Traditional characters: many of its Han characters are outside GB2312, which
    holds the Simplified set, and inside Big5, which holds the Traditional one."""
    hans = set(re.findall(HAN, text))
    if len(hans) < 3:
        return False
    traditional = sum(1 for char in hans if not _encodes(char, "gb2312") and _encodes(char, "big5"))
    return traditional / len(hans) >= _TRADITIONAL_SHARE


def _encodes(char: str, codec: str) -> bool:
    try:
        char.encode(codec)
    except UnicodeEncodeError:
        return False
    return True


def read_source(raw_path) -> tuple[str, str]:
    """The decoded text of the page file, or ImportProblem saying what is wrong with it."""
    if not raw_path.exists():
        raise ImportProblem(
            f"{raw_path} does not exist — check the file name and folder（文件不存在，请检查文件名和文件夹）"
        )
    if raw_path.is_dir():
        raise ImportProblem(
            f"{raw_path} is a folder — give the .txt file exported from the page（这是文件夹，请给出版面导出的 .txt 文件）"
        )
    try:
        raw = raw_path.read_bytes()
    except OSError as error:
        raise ImportProblem(
            f"cannot read {raw_path} ({error.strerror}) — check that it is readable（无法读取该文件）"
        ) from None
    if len(raw) > MAX_STORY_BYTES:
        raise ImportProblem(
            f"{raw_path} is {len(raw):,} bytes, too large for one page — export a single page's text（文件太大，请只导出一个版面的文字）"
        )
    try:
        text, encoding = decode(raw)
    except UnsureEncoding:
        raise ImportProblem(
            f"{raw_path}: cannot tell which encoding it was saved in (tried {TRIED}) — save it again as UTF-8 "
            f"and import that（无法判断文件编码，已尝试 {TRIED}：请另存为 UTF-8 后重新导入）"
        ) from None
    except (NotText, UnicodeDecodeError):
        raise ImportProblem(
            f"{raw_path} is not a text file — export the page from the layout program or PDF as plain text (.txt)（不是文本文件，请从排版软件或 PDF 导出纯文本）"
        ) from None
    if not text.strip():
        raise ImportProblem(f"{raw_path} is empty — export the page's text again（文件是空的，请重新导出）")
    return text, encoding
