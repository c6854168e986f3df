"""The rules of a translation: the English agrees with the Chinese on the facts of the page, has
nothing left to translate, keeps step with the Chinese paragraphs, and records which Chinese
version it translates."""

from __future__ import annotations

import difflib
from collections.abc import Iterator

from newsroom.model import alignment as alignment_mod
from newsroom.model.blocks import HEADING, PARAGRAPH, PHOTO, UNTRANSLATED_MARK, Block
from newsroom.model.catalogue import Code, report
from newsroom.model.findings import ERROR, WARNING, Finding, shown_path
from newsroom.model.story import Story, StoryFile


def same_facts(zh: StoryFile, en: StoryFile) -> Iterator[Finding]:
    for name in ("series", "date", "date_precision", "lead_photo"):
        if zh.meta.get(name) != en.meta.get(name) and en.meta.get(name) is not None:
            yield report(
                Code.LANGUAGES_DISAGREE,
                en.path,
                en.line_of(name),
                name=name,
                english=en.meta.get(name),
                chinese=zh.meta.get(name),
            )


def untranslated(en: StoryFile) -> Iterator[Finding]:
    for name in ("title", "deck", "summary"):
        if en.text_field(name).startswith(UNTRANSLATED_MARK):
            yield report(Code.UNTRANSLATED_FIELD, en.path, en.line_of(name), name=name, mark=UNTRANSLATED_MARK)
    for photo in en.photos:
        for key in ("caption", "alt"):
            if getattr(photo, key).startswith(UNTRANSLATED_MARK):
                yield report(
                    Code.UNTRANSLATED_PHOTO_FIELD,
                    en.path,
                    en.line_of("photos", photo.index, key),
                    name=key,
                    file=photo.file,
                    mark=UNTRANSLATED_MARK,
                )
    for block in en.untranslated_blocks:
        yield report(Code.UNTRANSLATED_BLOCK, en.path, block.line, block=_describe(block), mark=UNTRANSLATED_MARK)


def _describe(block: Block) -> str:
    return {HEADING: "heading", PARAGRAPH: "paragraph", PHOTO: "photo"}.get(block.kind, block.kind)


def in_step(zh: StoryFile, en: StoryFile) -> Iterator[Finding]:
    for rule in en.alignment:
        if (
            rule.zh[1] > len(zh.paragraphs)
            or rule.en[1] > len(en.paragraphs)
            or rule.zh[0] > rule.zh[1]
            or rule.en[0] > rule.en[1]
        ):
            yield report(
                Code.ALIGNMENT_OUT_OF_RANGE,
                en.path,
                rule.line,
                zh_count=len(zh.paragraphs),
                en_count=len(en.paragraphs),
            )
            return
    result = alignment_mod.align(zh.blocks, en.blocks, en.alignment)
    if result.in_step:
        return
    for index, pair in enumerate(result.pairs):
        if pair.zh and not pair.en:
            block = pair.zh[0]
            where = _next_line(result.pairs, index, en)
            if block.kind == PARAGRAPH:
                yield report(
                    Code.PARAGRAPH_NOT_TRANSLATED,
                    en.path,
                    where,
                    number=pair.zh_numbers[0],
                    total=result.zh_paragraph_count,
                    zh_line=block.line,
                )
            else:
                yield report(
                    Code.BLOCK_NOT_TRANSLATED,
                    en.path,
                    where,
                    block=_describe(block),
                    quoted=_quote(block),
                    zh_line=block.line,
                )
        elif pair.en and not pair.zh:
            block = pair.en[0]
            yield report(Code.BLOCK_NOT_IN_CHINESE, en.path, block.line, block=_describe(block))


def _where_in_chinese(block: Block, zh: StoryFile) -> str:
    if block.kind == PARAGRAPH:
        return f"paragraph {zh.paragraphs.index(block) + 1} (Chinese line {block.line})"
    return f"{_describe(block)} {_quote(block)}(Chinese line {block.line})"


def _quote(block: Block) -> str:
    if block.kind == PHOTO:
        return f"{block.src} "
    if block.kind == HEADING:
        return f"“{block.text}” "
    return ""


def _next_line(pairs, index: int, en: StoryFile) -> int:
    for pair in pairs[index + 1 :]:
        if pair.en:
            return pair.en[0].line
    for pair in reversed(pairs[:index]):
        if pair.en:
            return pair.en[-1].line + 1
    return en.body_line


def freshness(story: Story, zh: StoryFile, en: StoryFile, strict: bool) -> Iterator[Finding]:
    severity = ERROR if strict else WARNING
    folder = shown_path(en.path.parent)
    recorded = en.translation_source
    if not recorded:
        yield report(Code.TRANSLATION_UNRECORDED, en.path, en.line_of("translation"), severity=severity, folder=folder)
        return
    current = story.current_fingerprint
    if recorded == current:
        return
    old, new = recorded.split(), current.split()
    counted = [block for block in zh.blocks if block.kind != "break"]
    changed: list[str] = []
    for tag, _, _, j1, j2 in difflib.SequenceMatcher(a=old, b=new, autojunk=False).get_opcodes():
        if tag in ("replace", "insert"):
            changed += [_where_in_chinese(block, zh) for block in counted[j1:j2]]
        elif tag == "delete":
            changed.append("a removed block")
    since = en.translation_updated
    listed = "; ".join(changed[:5]) + (f" and {len(changed) - 5} more" if len(changed) > 5 else "")
    yield report(
        Code.TRANSLATION_OUTDATED,
        en.path,
        en.line_of("translation", "source"),
        severity=severity,
        since=f" since {since.isoformat()}" if since else "",
        changes=listed,
        folder=folder,
    )
