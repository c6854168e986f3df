"""`stories.py new`: a new story folder whose two files already have every field the check needs."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from newsroom.model import files, yaml_writer
from newsroom.model.blocks import UNTRANSLATED_MARK
from newsroom.model.files import write_text
from newsroom.model.findings import shown_path
from newsroom.model.schema import LANGUAGES
from newsroom.model.site import Site
from newsroom.model.story import IMAGES_DIR, STORIES_DIR, slug_problem


class SlugProblem(Exception):
    """A slug that cannot become a story folder; the message says why and what to do."""


def new_story_folder(site: Site, slug: str, *, force: bool = False) -> Path:
    """The folder for a new story, or SlugProblem when the slug is unusable or (without `force`) taken."""
    stories = site.docs_dir / STORIES_DIR
    problem = slug_problem(slug, stories, may_exist=force)
    if problem:
        raise SlugProblem(problem)
    return stories / slug


def refusal(folder: Path, again: str) -> str | None:
    """Why `new` or `import` will not write into `folder` without --force, naming what is there;
    `again` is the command to run with --force. None when the folder does not exist."""
    if not folder.exists():
        return None
    texts = [path for path in (folder / f"index.{lang}.md" for lang in LANGUAGES) if path.exists()]
    leftovers = files.leftovers(folder)
    if texts:
        names = " and ".join(path.name for path in texts)
        return (
            f"{shown_path(folder)} already exists ({names}); nothing was changed — choose another slug, "
            f"or replace {'it' if len(texts) == 1 else 'them'} with `{again} --force`"
            "（稿件已存在，未做任何改动：换一个网址名，或加 --force 覆盖）"
        )
    if leftovers:
        names = ", ".join(shown_path(path) for path in leftovers)
        return (
            f"{names} is a half-written file left by an interrupted `new` or `import`, not a story; "
            f"nothing was changed — write the story again with `{again} --force`, which also removes the leftover"
            "（这是上次中断的 new 或 import 留下的未写完的文件；加 --force 重新运行即可，会一并删除它）"
        )
    return (
        f"{shown_path(folder)}/ already exists (without index.zh.md or index.en.md); nothing was changed — "
        f"choose another slug, or write the story into it with `{again} --force`"
        "（文件夹已存在，未做任何改动：换一个网址名，或加 --force 写入）"
    )


# the fields as the journalist first sees them, with guidance where they fill in
_CHINESE_FIELDS = """\
title:
deck: ""  # 副题：标题下的一句话 / the subtitle under the headline
series:
date:
summary: ""  # 摘要：一两句话，用于系列页和分享 / one or two sentences for the series page
byline:
  text: []  # 作者，如 [张凯鹏]（须在 docs/_data/contributors.yml 中）/ authors, e.g. [张凯鹏]
  photos: []  # 摄影，如 [程婧] / photographers, e.g. [程婧]
lead_photo: ""  # 题图文件，如 images/lead.jpg / the lead photo's file
photos: []
# photos:
#   - file: images/lead.jpg
#     caption: 图片说明
#     credit: 程婧
#     alt: 替代文字：照片里有什么（供看不到图片的读者）
"""
_ENGLISH_FIELDS = """\
title:
deck: ""  # the subtitle, translated
series:
date:
summary: ""  # the summary, translated
byline:
  text: []  # the same people as the Chinese byline, in English (e.g. [Zhang Kaipeng])
  photos: []
  translation: []  # who translated the story
lead_photo: ""
photos: []  # the same photos as the Chinese file, with English caption and alt text
"""
_CHINESE_BODY = """
<!-- 在这里写正文：段落之间空一行。小标题以 "## " 开头。
     插图单独占一行：![](images/文件名.jpg)，并在上面的 photos: 里登记说明、署名和替代文字。 -->
"""
_ENGLISH_BODY = f"\n{UNTRANSLATED_MARK} Translate the Chinese text here, paragraph for paragraph.\n"


def new_story_texts(site: Site, title: str, date: dt.date) -> tuple[str, str]:
    """The Chinese and English files of a new story, with guidance where the journalist fills in."""
    series = next(iter(site.registry.series)) if len(site.registry.series) == 1 else None
    chinese, english = yaml_writer.template(_CHINESE_FIELDS), yaml_writer.template(_ENGLISH_FIELDS)
    for fields, shown_title in ((chinese, title), (english, f"{UNTRANSLATED_MARK} {title}")):
        for name, value in (("title", shown_title), ("series", series), ("date", date)):
            yaml_writer.put(fields, (name,), value)
    choices = "" if series else f": {', '.join(site.registry.series) or 'add one first'}"
    chinese.yaml_add_eol_comment(
        f"# 系列 id，见 docs/_data/series.yml / the series id{choices}",
        "series",
        column=len(f"series: {series or ''}".rstrip()) + 2,  # two spaces before the `#`, as in the template
    )
    return yaml_writer.dump(chinese) + _CHINESE_BODY, yaml_writer.dump(english) + _ENGLISH_BODY


def create_story(site: Site, slug: str, title: str, date: dt.date, *, force: bool = False) -> Path:
    """Write the new story's files; with `force`, over those of a story already there."""
    folder = new_story_folder(site, slug, force=force)
    chinese, english = new_story_texts(site, title, date)
    write_text(folder / "index.zh.md", chinese, replace=force)
    write_text(folder / "index.en.md", english, replace=force)
    (folder / IMAGES_DIR).mkdir(exist_ok=True)
    files.remove_leftovers(folder)
    return folder
