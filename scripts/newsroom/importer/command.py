"""The `import` command: write the story's two files and say, line by line, what was recognised."""

from __future__ import annotations

from pathlib import Path

from newsroom.importer.decoding import is_traditional, read_source
from newsroom.importer.layout import FURNITURE, Layout, read_layout
from newsroom.importer.problem import ImportProblem
from newsroom.importer.writing import PHOTO_FILE, story_texts
from newsroom.model.files import WouldOverwrite, write_text
from newsroom.model.findings import shown_path
from newsroom.model.registry import Registry, load_registry
from newsroom.model.schema import SOURCE_LANG, TRANSLATION_LANG
from newsroom.model.story import IMAGES_DIR, STORIES_DIR, slug_problem


def import_story(raw_path: Path, slug: str, docs_dir: Path, *, force: bool = False) -> str:
    """Write docs/stories/<slug>/ from the page text in `raw_path`; returns the report to print."""
    folder = docs_dir / STORIES_DIR / slug
    if folder.exists() and not force:
        raise ImportProblem(
            f"{shown_path(folder)} already exists — choose another --slug, or add --force to replace its index.zh.md and index.en.md（稿件已存在：换一个 --slug，或加 --force 覆盖）"
        )
    problem = slug_problem(slug, docs_dir / STORIES_DIR, may_exist=True)
    if problem:
        raise ImportProblem(problem)
    text, encoding = read_source(raw_path)
    if is_traditional(text):
        encoding += "; Traditional characters, imported as they are (not converted to Simplified)"
    registry = load_registry(docs_dir)
    layout = read_layout(text, registry)
    zh_text, en_text = story_texts(layout, registry)
    try:
        for lang, story_text in ((SOURCE_LANG, zh_text), (TRANSLATION_LANG, en_text)):
            write_text(folder / f"index.{lang}.md", story_text, replace=force)
    except WouldOverwrite as taken:
        raise ImportProblem(
            f"{shown_path(taken.path)} appeared while importing — check it, then import again with another --slug（导入时出现了同名文件，请检查后换 --slug 重新导入）"
        ) from None
    (folder / IMAGES_DIR).mkdir(exist_ok=True)
    return report(layout, registry, raw_path, encoding, folder)


def report(layout: Layout, registry: Registry, raw_path: Path, encoding: str, folder: Path) -> str:
    """What the import recognised and what is left to do, with source line numbers."""
    story = shown_path(folder)
    lines = [
        f"imported {raw_path} into {story}/ (index.zh.md, index.en.md, images/)",
        f"  encoding:  {encoding}",
        f"  title:     {layout.title or '(none found) — write `title:` in both files'}",
        f"  deck:      {layout.front_deck or '(none found) — write `deck:` in both files'}",
        _series_line(layout, registry),
    ]
    for role, label in (("text", "text by"), ("photos", "photos by")):
        names = getattr(layout.byline, role)
        shown = ", ".join(_person(name, layout, registry) for name in names)
        lines.append(f"  {label + ':':<10} {shown or '(none found) — add the names under `byline:`'}")
    lines.append(
        f"  date:      {layout.date.isoformat()}"
        if layout.date
        else "  date:      not in the source — write the publication date in `date:` (YYYY-MM-DD) in both files"
    )
    paragraphs = layout.paragraphs
    if paragraphs:
        first, last = paragraphs[0].lines[0], paragraphs[-1].lines[-1]
        where = f"lines {first}–{last}" if first != last else f"line {first}"
        lines.append(f"  text:      {len(paragraphs)} paragraphs ({where})")
    else:
        lines.append("  text:      no paragraphs found — paste the story text into index.zh.md")
    lines.append(f"  headings:  {len(layout.headings)}" if layout.headings else "  headings:  none")
    lines += [f"             line {heading.place:<4} ## {heading.text}" for heading in layout.headings]
    lines.append(
        f"  photos:    {len(layout.photos)} declared, awaiting their image files"
        if layout.photos
        else "  photos:    none found"
    )
    for number, photo in enumerate(layout.photos, start=1):
        lead = " (lead photo)" if number == 1 else ""
        credit = ", ".join(photo.credit) or _byline_credit(layout)
        lines.append(
            f"             {PHOTO_FILE.format(number=number)}{lead}: {photo.caption} — {credit} (line {photo.line})"
        )
    if layout.repairs:
        lines.append(f"  page breaks repaired: {len(layout.repairs)}")
        for repair in layout.repairs:
            across = f", across lines {_span(repair.between)}" if repair.between else ""
            word = f", joining the word {repair.word}" if repair.word else ""
            lines.append(f"             line {repair.broken_at} continues on line {repair.continues_at}{across}{word}")
    furniture = layout.furniture
    if furniture:
        lines.append("removed page furniture (not story text):")
        lines += [_taken_out_line(item) for item in sorted(furniture, key=lambda item: item.line)]
    lines.append("taken out of the text:")
    for item in sorted(layout.taken_out, key=lambda item: item.line):
        if item.role not in FURNITURE:
            lines.append(_taken_out_line(item))
    if layout.unplaced:
        lines.append("could not place (copy them where they belong, or leave them out):")
        lines += [f"  line {line.place:<4} {line.text}" for line in layout.unplaced]
    if layout.notes:
        lines.append("could not tell:")
        lines += [f"  - {note}" for note in layout.notes]
    lines += _to_do(layout, registry, story)
    return "\n".join(lines)


def _series_line(layout: Layout, registry: Registry) -> str:
    series = registry.series_titled(layout.banner, SOURCE_LANG)
    if series:
        return f"  series:    {series} (banner “{layout.banner}”)"
    if layout.banner:
        return (
            f"  series:    no series in docs/_data/series.yml has the title “{layout.banner}” — "
            "add it there and write its id in `series:` in both files"
        )
    return "  series:    no series banner found — write the series id in `series:` in both files"


def _to_do(layout: Layout, registry: Registry, story: str) -> list[str]:
    lines = ["to do（下一步）:"]
    unknown = [
        name for name in dict.fromkeys([*layout.byline.text, *layout.byline.photos]) if registry.contributor(name) is None
    ]
    if unknown:
        lines.append(
            f"  - {', '.join(unknown)} {'is' if len(unknown) == 1 else 'are'} not in the contributor record: "
            "add them to docs/_data/contributors.yml with their names in both languages"
            "（不在人员名录中：请在名录里添加其中英文姓名）"
        )
    if layout.photos:
        lines.append(
            f"  - put the photos into {story}/{IMAGES_DIR}/ under the names above and write each photo's `alt:`"
            "（把照片按上面的文件名放进 images/，并为每张图写替代文字 alt）"
        )
    lines.append(
        "  - translate index.en.md: replace every `[TRANSLATE] …` with the English（翻译英文稿：替换所有 [TRANSLATE] 内容）"
    )
    lines.append(
        f"  - python scripts/stories.py check {story} lists everything still missing（检查命令列出所有待补内容）"
    )
    return lines


def _person(name: str, layout: Layout, registry: Registry) -> str:
    """`记者 张凯鹏 (Zhang Kaipeng)`: the title printed before the name, and the record's English name."""
    person = registry.contributor(name)
    title = layout.byline.titles.get(name)
    shown = f"{title} {name}" if title else name
    return f"{shown} ({person.name(TRANSLATION_LANG)})" if person else shown


def _taken_out_line(item) -> str:
    return f"  line {item.place or item.line:<4} {item.role:<16} {item.text}"


def _byline_credit(layout: Layout) -> str:
    photographers = layout.byline.photos
    if len(photographers) == 1:
        return f"{photographers[0]} (from the byline)"
    return "no credit beside it — write `credit:`"


def _span(numbers: tuple[int, ...]) -> str:
    return f"{numbers[0]}–{numbers[-1]}" if len(numbers) > 1 else str(numbers[0])
