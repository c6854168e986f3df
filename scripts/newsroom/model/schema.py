"""The fields a story file may have, in one place: the check, `new`, `import` and the guide read them."""

from __future__ import annotations

SOURCE_LANG = "zh"
TRANSLATION_LANG = "en"
LANGUAGES = (SOURCE_LANG, TRANSLATION_LANG)
LANGUAGE_NAMES = {"zh": "Chinese", "en": "English"}
# the Traditional Chinese edition: never a file of its own, converted from the Chinese at build time
TRADITIONAL_LANG = "zh-Hant"


def base_language(lang: str) -> str:
    """The language whose text and rules an edition follows: the Traditional edition is the Chinese."""
    return SOURCE_LANG if lang == TRADITIONAL_LANG else lang

# field -> (python type, required in zh, required in en, what it is for)
STORY_FIELDS: dict[str, tuple[type, bool, bool, str]] = {
    "title": (str, True, True, "the headline"),
    "deck": (str, True, True, "the subtitle under the headline"),
    "series": (str, True, True, "the id of the series in docs/_data/series.yml"),
    "date": (str, True, True, "the publication date, YYYY-MM-DD"),
    "date_precision": (str, False, False, "`day` (default) or `month` when only the month is known"),
    "date_note": (str, False, False, "how the date was established, shown to readers"),
    "summary": (str, True, True, "one or two sentences for the series page and for sharing"),
    "byline": (dict, True, True, "who wrote, photographed and translated the story"),
    "lead_photo": (str, False, False, "the file of the photo shown under the headline"),
    "photos": (list, True, True, "every photo with file, caption, credit and alt text"),
    "translation": (dict, False, False, "English only: which Chinese text it translates"),
    "alignment": (list, False, False, "English only: paragraphs deliberately merged or split"),
}
BYLINE_ROLES = ("text", "photos", "translation")
PHOTO_FIELDS = ("file", "caption", "credit", "alt")
TRANSLATION_FIELDS = ("source", "updated")
DATE_PRECISIONS = ("day", "month")

# Pages that are not stories (home, about) need only a title; they may pick a template.
PAGE_FIELDS = {"title", "template", "series", "hide", "description"}
