"""Words the site shows readers around a story, in each language."""

from __future__ import annotations

import datetime as dt
from functools import cache

from newsroom.model.schema import SOURCE_LANG, TRADITIONAL_LANG, base_language
from newsroom.render import traditional

LABELS = {
    "zh": {
        "skip": "跳转至",
        "role.text": "文",
        "role.photos": "图",
        "role.translation": "译",
        "credit": "摄影：{name}",
        "other_language": "Read in English",
        "previous": "上一篇",
        "next": "下一篇",
        "series_stories": "本系列报道",
        "untranslated": "This story has not been translated into English yet.",
        "home": "首页",
        "date_note": "日期说明",
        "search": "搜索",
        "search.placeholder": "搜索报道",
        "search.hint": "输入关键词开始搜索",
        "search.loading": "正在载入搜索……",
        "search.none": "没有找到相关报道",
        "search.one": "找到 1 条结果",
        "search.other": "找到 # 条结果",
        "search.failed": "搜索暂时无法使用，请稍后再试。",
        "search.reset": "清空",
        "search.close": "关闭",
        "search.cut": "……",  # where a result's quotation leaves the story's text out
        "bilingual": "中英对照阅读",
        "bilingual_label": "中英对照",
        "chinese_only": "只看中文",
        "pair": "段落",
        "not_found_title": "页面不存在",
        "not_found": "您要找的页面不存在，可能已被移动或删除。",
        "not_found_home": "返回首页",
        "feed": "订阅（Atom）",
        "reading_time": "阅读约{minutes}分钟",
        "about": "关于本站",
        "corrections": "更正说明",
        "contact": "联系编辑部",
        "sections": "栏目",
        "languages": "语言",
        "tagline": "中文原文 · 英文译文",
        "footer_about": "晋中专题报道以中文刊发晋中的专题报道，每篇同时刊发完整的英文译文。",
        "series": "系列报道",
    },
    "en": {
        "skip": "Skip to content",
        "role.text": "Text by",
        "role.photos": "Photos by",
        "role.translation": "Translated by",
        "credit": "Photo: {name}",
        "other_language": "阅读中文原文",
        "previous": "Previous",
        "next": "Next",
        "series_stories": "Stories in this series",
        "outdated": "The Chinese original was revised after this translation was last brought up to date on {date}; the English may not reflect the latest changes.",
        "outdated_undated": "The Chinese original was revised after this translation was made; the English may not reflect the latest changes.",
        "home": "Home",
        "date_note": "About the date",
        "search": "Search",
        "search.placeholder": "Search stories",
        "search.hint": "Type to start searching",
        "search.loading": "Loading search…",
        "search.none": "No matching stories",
        "search.one": "1 result",
        "search.other": "# results",
        "search.failed": "Search is not available right now. Please try again later.",
        "search.reset": "Clear",
        "search.close": "Close",
        "search.cut": "…",
        "bilingual": "Read in Chinese and English side by side",
        "pair": "Paragraph",
        "not_found_title": "Page not found",
        "not_found": "The page you are looking for does not exist. It may have been moved or removed.",
        "not_found_home": "Go to the home page",
        "feed": "Feed (Atom)",
        "reading_time": "{minutes} min read",
        "about": "About",
        "corrections": "Corrections",
        "contact": "Contact the newsroom",
        "sections": "Sections",
        "languages": "Languages",
        "tagline": "Chinese originals with full English translations",
        "footer_about": "Jinzhong Features publishes feature stories from Jinzhong, Shanxi province, in Chinese, each with a complete English translation.",
        "series": "Series",
    },
}

# the language switch names each language in itself; with the Traditional edition beside it, the
# Chinese is named by its script
LANGUAGE_NAMES = {"zh": "中文", "en": "English", TRADITIONAL_LANG: "繁體"}
SIMPLIFIED_NAME = "简体"

_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


def table(lang: str) -> dict[str, str]:
    """Every label in `lang`; the Traditional edition's are the Chinese ones, converted."""
    return _traditional_labels() if lang == TRADITIONAL_LANG else LABELS[lang]


@cache
def _traditional_labels() -> dict[str, str]:
    return traditional.converted_labels(LABELS[SOURCE_LANG])


def label(lang: str, key: str, **values) -> str:
    return table(lang)[key].format(**values)


def language_name(lang: str, languages: tuple[str, ...]) -> str:
    """How the language switch of a site built in `languages` names `lang`."""
    if lang == SOURCE_LANG and TRADITIONAL_LANG in languages:
        return SIMPLIFIED_NAME
    return LANGUAGE_NAMES[lang]


def format_date(date: dt.date, lang: str, precision: str = "day") -> str:
    """2025年12月1日 / December 1, 2025; with month precision 2025年12月 / December 2025."""
    if base_language(lang) == SOURCE_LANG:
        return f"{date.year}年{date.month}月" + ("" if precision == "month" else f"{date.day}日")
    month = _MONTHS[date.month - 1]
    return f"{month} {date.year}" if precision == "month" else f"{month} {date.day}, {date.year}"


def people(contributors, lang: str) -> str:
    """Names as a byline gives them: `记者 张凯鹏、记者 程婧` / `Zhang Kaipeng and the Translation Desk`."""
    if base_language(lang) == SOURCE_LANG:
        return "、".join(" ".join(filter(None, (c.title(lang), c.byline_name(lang)))) for c in contributors)
    names = [c.byline_name(lang) for c in contributors]
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
