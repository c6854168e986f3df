"""Every kind of finding, explained for journalists in Chinese and English.

The check prints each finding in one line; after them it explains, in Chinese, each kind of
problem it found. The journalists' guides (GUIDE.zh.md, GUIDE.en.md) list every kind with its
fix, and a test keeps them complete.
"""

from __future__ import annotations

from pathlib import Path

from newsroom.model.findings import ERROR, Finding
from newsroom.model.story import STORIES_DIR

# code -> (Chinese: what is wrong and what to do, English: the same)
EXPLANATIONS: dict[str, tuple[str, str]] = {
    "missing-translation": (
        "缺少英文稿：在同一文件夹里新建 index.en.md，逐段翻译。",
        "The English file is missing: create index.en.md in the same folder and translate paragraph by paragraph.",
    ),
    "missing-source": (
        "缺少中文稿：在同一文件夹里补上 index.zh.md。",
        "The Chinese file is missing: add index.zh.md in the same folder.",
    ),
    "no-front-matter": (
        "文件开头缺少“---”包围的信息区：按模板补上标题等字段。",
        "The file does not start with the fields between `---` lines: copy them from the template.",
    ),
    "front-matter-syntax": (
        "信息区格式有误：冒号、空格须用半角（英文输入法），缩进用空格不用 Tab；值里有“: ”时给整个值加英文双引号。",
        "The fields are not valid YAML: type colons and spaces in half-width (English) mode, indent with spaces not tabs, and put a value containing `: ` in double quotes.",
    ),
    "missing-field": ("缺少必填字段或字段为空：按提示补上。", "A required field is missing or empty: fill it in."),
    "wrong-type": (
        "字段类型不对：例如 photos 应是列表，每项以“- ”开头。",
        "A field has the wrong kind of value: for example `photos` must be a list whose items start with `- `.",
    ),
    "curly-quotes": (
        '字段值被中文弯引号“…”包住，引号会显示在网页上：删掉引号，或在英文输入法下输入直引号 "…"。',
        'A field is wrapped in curly quotes “…”, which would show on the page: remove them, or type straight quotes "…" in half-width (English) mode.',
    ),
    "unknown-field": (
        "字段名不认识（可能拼错）：按提示改成正确的名字。",
        "An unknown field name, probably misspelt: use the name suggested.",
    ),
    "bad-date": (
        "日期不存在或格式不对：写成 YYYY-MM-DD，如 2025-12-01。",
        "The date is not a real date: write it as YYYY-MM-DD, e.g. 2025-12-01.",
    ),
    "bad-date-precision": ("date_precision 只能是 day 或 month。", "`date_precision` can only be `day` or `month`."),
    "english-only-field": (
        "translation、alignment 只写在英文稿里。",
        "`translation` and `alignment` belong in the English file only.",
    ),
    "bad-alignment-rule": (
        '段落对应规则写错：格式如 "zh 5-6 = en 5"，段落号须存在。',
        'An alignment rule cannot be read or names missing paragraphs: write it like "zh 5-6 = en 5".',
    ),
    "unknown-series": (
        "系列不存在：使用 docs/_data/series.yml 里的系列 id，或先在那里添加。",
        "The series does not exist: use an id from docs/_data/series.yml, or add the series there.",
    ),
    "no-text": (
        "正文还是空的：在信息区下面写正文，段落之间空一行。",
        "The story has no text yet: write the paragraphs below the fields, with a blank line between them.",
    ),
    "no-author": (
        "署名里没有作者：在 byline 下写 text: [姓名]。",
        "The byline names no author: add `text: [name]` under `byline:`.",
    ),
    "no-photographer": (
        "有图片但署名里没有摄影：在 byline 下写 photos: [姓名]。",
        "The story has photos but no photographer in the byline: add `photos: [name]`.",
    ),
    "no-translator": (
        "英文稿没有注明译者：在 byline 下写 translation: [姓名]。",
        "The English byline names no translator: add `translation: [name]`.",
    ),
    "translator-in-chinese": ("译者只写在英文稿里。", "Name the translator in the English file only."),
    "unknown-contributor": (
        "此人不在人员名录里：请在 docs/_data/contributors.yml 中添加其中英文姓名（或检查错别字）。",
        "The person is not in the contributor record: add their names in both languages to docs/_data/contributors.yml (or fix the spelling).",
    ),
    "byline-mismatch": (
        "中英文署名的人不一致：两种语言要署同样的人。",
        "The two languages credit different people: name the same people in both.",
    ),
    "photo-malformed": (
        "图片登记格式不对：每张图写成“- file: images/…”，下面缩进写 caption、credit、alt。",
        "A photo entry is malformed: write `- file: images/…` with caption, credit and alt indented below.",
    ),
    "photo-no-file": (
        "图片登记缺少 file：写上图片文件，如 images/lead.jpg。",
        "A photo has no `file`: give the image file, e.g. images/lead.jpg.",
    ),
    "photo-no-caption": (
        "图片缺少图片说明（caption）：两种语言都要写。",
        "A photo has no caption: write one in each language.",
    ),
    "photo-no-credit": (
        "图片缺少摄影署名（credit）：两种语言都要写。",
        "A photo has no credit: say who took it, in each language.",
    ),
    "photo-no-alt": (
        "图片缺少替代文字（alt）：用一句话描述照片内容，供看不到图片的读者使用。",
        "A photo has no alt text: describe what it shows in one sentence, for readers who cannot see it.",
    ),
    "photo-undeclared": (
        "正文里用了图片却没有登记：在 photos 里登记说明、署名和替代文字。",
        "A photo in the text is not declared: add it under `photos:` with caption, credit and alt.",
    ),
    "photo-unused": (
        "登记了图片但没有使用：放进正文（单独一行 ![](images/…)），设为 lead_photo，或删除登记。",
        "A declared photo is not shown: put ![](images/…) on its own line, make it `lead_photo`, or remove it.",
    ),
    "lead-photo-undeclared": ("题图没有在 photos 里登记。", "The lead photo is not declared under `photos:`."),
    "photo-missing": (
        "图片文件不存在：把照片放进该稿件的 images/ 文件夹，文件名要一致。",
        "The photo file does not exist: put it into the story's images/ folder under that name.",
    ),
    "photo-case": (
        "文件名大小写不一致（如 .JPG 与 .jpg）：网站上二者不同，请改成一致。",
        "The file name differs only in upper/lower case (e.g. .JPG and .jpg): the web server sees two names; make them the same.",
    ),
    "photo-remote": (
        "图片来自其他网站：境内读者可能打不开，请下载放进 images/。",
        "The photo is loaded from another site, which many readers cannot reach: save it into images/.",
    ),
    "photo-outside": (
        "图片在稿件文件夹之外：放进该稿件的 images/。",
        "The photo is outside the story folder: move it into the story's images/.",
    ),
    "photo-placeholder": (
        "图片还是占位图：收到原图后用同名文件替换。",
        "The photo is still a placeholder: replace the file with the real photo under the same name.",
    ),
    "photo-empty": (
        "图片文件是空的（0 字节）：复制或上传没有完成，请从原图重新复制一次。",
        "The photo file is empty (0 bytes): the copy or upload did not finish; copy it again from the original.",
    ),
    "photo-not-image": (
        "这个文件不是图片（可能是文字、网页或别的文件改了扩展名）：换成照片本身，存为 JPEG、PNG 或 WebP。",
        "The file is not an image (perhaps text, a saved web page or another file renamed): replace it with the photo itself, as JPEG, PNG or WebP.",
    ),
    "photo-damaged": (
        "图片文件损坏或不完整（传输中断）：向摄影记者重新要一份原图。",
        "The photo file is damaged or cut off (an interrupted transfer): get the original again from the photographer.",
    ),
    "photo-bomb": (
        "图片声称的像素多得异常（文件损坏，或是恶意构造的文件）：按相机原尺寸重新导出为 JPEG。",
        "The photo claims an absurd number of pixels (a damaged file or one made to exhaust memory): export it again at camera size as a JPEG.",
    ),
    "photo-format": (
        "网站只发布 JPEG、PNG、WebP 格式的照片（不收 TIFF、HEIC、BMP 等）：导出为 JPEG（质量 85）。",
        "The site publishes photos as JPEG, PNG or WebP only (not TIFF, HEIC, BMP…): export it as a JPEG (quality 85).",
    ),
    "photo-wrong-format": (
        "图片的实际格式与扩展名不符（如 PNG 文件叫 .jpg）：按提示改文件名，并改 file: 一行。",
        "The photo's real format does not match its extension (e.g. a PNG named .jpg): rename the file as suggested and change its file: line.",
    ),
    "photo-too-small": (
        "图片太小（宽不足 480 像素），手机上会模糊：向摄影记者要原图，不要缩略图、预览图或聊天软件转发的图。",
        "The photo is too small (under 480 pixels across) and looks blurred on phones: ask for the original, not a thumbnail, preview or chat-app copy.",
    ),
    "photo-narrow-lead": (
        "题图宽度不足 1680 像素，大屏幕上会发虚：换用相机原图，或换一张更宽的照片做题图。",
        "The lead photo is narrower than 1680 pixels and looks soft on large screens: use the camera original, or a wider photo as the lead.",
    ),
    "photo-cmyk": (
        "图片是印刷用的 CMYK 色彩：网站给读者的版本已转换，但随之发布的原图颜色可能不对；请导出为 RGB（sRGB）。",
        "The photo is in print colours (CMYK): the versions readers see are converted, but the original published beside them may look wrong; export it in RGB (sRGB).",
    ),
    "photo-private-metadata": (
        "图片里带有拍摄地点（GPS）或相机序列号，原图会随网站发布，可能暴露消息来源：去掉位置和相机信息后重新导出。",
        "The photo carries its GPS position or a camera serial number, and the original is published with the site, which could expose a source: export it again without location and camera details.",
    ),
    "photo-large": (
        "原图超过 20 MB：读者下载的是网站缩小后的版本（提示中给出大小）；为节省仓库空间，可先压缩原图。",
        "The original is over 20 MB: readers download the resized versions (the message gives their size); shrink the original to keep the repository small.",
    ),
    "photo-language": (
        "中英文稿登记的图片不一致：两种语言要有同样的图片。",
        "The two languages declare different photos: declare the same photos in both.",
    ),
    "credit-mismatch": (
        "同一张图片中英文署名的摄影者不同：两种语言要署同一人。",
        "The two languages credit the same photo to different people: credit the same person.",
    ),
    "languages-disagree": (
        "中英文稿的日期、系列或题图不一致：改成一样。",
        "The date, series or lead photo differ between the languages: make them the same.",
    ),
    "untranslated": (
        "还有未翻译的内容：把以 [TRANSLATE] 开头的内容换成英文译文。",
        "Something is not translated yet: replace the text starting with [TRANSLATE] with the English.",
    ),
    "structure": (
        "中英文段落没有对齐：按提示补译缺少的段落或小标题；有意合并、拆分段落时在英文稿的 alignment 里写明。",
        "The two files are out of step: translate the missing paragraph or heading; declare deliberate merges or splits under `alignment:`.",
    ),
    "translation-unrecorded": (
        "英文稿没有记录对应的中文版本：核对译文后运行 mark-translated。",
        "The translation does not record which Chinese version it matches: check it, then run mark-translated.",
    ),
    "translation-outdated": (
        "中文稿改过，英文译文未跟上：更新译文后运行 mark-translated。",
        "The Chinese changed after the translation: update the English, then run mark-translated.",
    ),
    "unsafe": (
        "正文里有不允许的代码或标签（脚本、事件属性、嵌入框、表单、meta/base/style 等）、javascript:/data: 链接或外站图片：网页上会被删掉；改用普通链接或本地图片。",
        "The text contains code or tags a story may not hold (scripts, event handlers, embeds, forms, meta/base/style…), a javascript:/data: link or a foreign image: the page leaves it out; use a plain link or a local image.",
    ),
    "html-not-allowed": (
        "正文里有网站不保留的 HTML 标签或属性：网页上会被删掉；改用 Markdown（**加粗**、*斜体*、[链接](https://…)）或纯文字。",
        "The text contains an HTML tag or attribute the site does not keep: the page leaves it out; use Markdown (**bold**, *italic*, [link](https://…)) or plain text.",
    ),
    "markup-in-field": (
        "标题、提要、摘要、日期说明、图片说明、署名或替代文字里有标签或 &…; 代码：这些字段只能写纯文字，直接输入字符本身。",
        "A title, deck, summary, date note, caption, credit or alt text contains a tag or an &…; code: these fields are plain text; type the character itself.",
    ),
    "misnamed-file": (
        "文件名没有标明语言或语言代码不对：中文稿叫 index.zh.md，英文稿叫 index.en.md（按文件内容判断是哪种语言）；该名字的文件已存在时不要改名覆盖，先比较两个文件、合并内容，再删掉多余的。",
        "The file name does not say its language, or says it wrongly: the Chinese file is index.zh.md, the English index.en.md (the message says which language the text is in); when a file of that name exists, do not rename over it: compare the two, merge, then delete the extra one.",
    ),
    "misplaced-file": (
        "稿件文字放错了位置：应为 docs/stories/<稿件名>/index.zh.md 或 index.en.md。",
        "A story text is in the wrong place: it belongs at docs/stories/<slug>/index.zh.md or index.en.md.",
    ),
    "linked-folder": (
        "docs 里有指向文件夹的链接（快捷方式），网站不跟随链接：把文件夹复制过来，或删除链接。",
        "docs/ contains a link to a folder, which the site does not follow: copy the folder instead, or delete the link.",
    ),
    "name-not-utf8": (
        "文件或文件夹名不是 UTF-8 编码（多见于在中文 Windows 上打包的 ZIP）：按提示重新输入名字。",
        "A file or folder name is not UTF-8 (common in ZIP files made on Chinese Windows): retype the name as the message shows.",
    ),
    "interrupted-write": (
        "有中断的命令（new、import 或 mark-translated）留下的未写完的隐藏文件（.….tmp）：按提示加 --force 重新运行该命令，或核对后删除。",
        "A command (new, import or mark-translated) was interrupted and left a half-written hidden file (.….tmp): run it again as the message says (with --force), or check and delete it.",
    ),
    "empty-story-folder": (
        "稿件文件夹里没有稿件：补上文字或删除空文件夹。",
        "A story folder has no text: add it, or delete the empty folder.",
    ),
    "unreadable": (
        "文件无法读取：检查文件是否存在、是否有权限。",
        "The file cannot be read: check that it exists and is readable.",
    ),
    "not-utf8": (
        "文件不是 UTF-8 编码（可能是 GBK）：在编辑器里另存为 UTF-8。",
        "The file is not saved as UTF-8 (it may be GBK): save it again as UTF-8.",
    ),
    "binary-file": (
        "文件里有二进制数据（NUL 字符）：稿件应为纯文本。",
        "The file contains binary data (a NUL character): a story is plain text.",
    ),
    "file-too-large": (
        "文件太大，不像是稿件：拆分或删掉粘贴进来的数据。",
        "The file is too large for a story: split it or remove pasted data.",
    ),
    "record-missing": (
        "人员或系列名录文件不见了：从 git 恢复 docs/_data/ 下的文件。",
        "A contributor or series record is missing: restore it under docs/_data/ from git.",
    ),
    "record-unreadable": ("名录文件无法读取：另存为 UTF-8。", "A record cannot be read: save it as UTF-8."),
    "record-syntax": (
        "名录文件格式有误：对照现有条目修改。",
        "A record is not valid YAML: compare it with the existing entries.",
    ),
    "record-incomplete": (
        "名录条目不完整：人员要有中英文姓名，系列要有中英文标题。",
        "A record entry is incomplete: a person needs names, a series a title, in both languages.",
    ),
    "glossary-miss": (
        "中文里有译名表（docs/_data/glossary.yml）中的术语，英文却没有用规定的译法：按提示改译文；译名表的译法不合适时改译名表。",
        "The Chinese has a term of the glossary (docs/_data/glossary.yml) but the English does not use its rendering: render it as the message says, or change the glossary entry if the rendering is wrong.",
    ),
    "unused-traditional-form": (
        "译名表中一条繁体写法（`zh-Hant:`）的术语在任何中文稿件、页面和名录里都没有出现，这条写法从未生效：术语写错了就改正，不再需要就删去 `zh-Hant:` 这一行。",
        "A glossary term's 繁體 form (`zh-Hant:`) keeps nothing: no Chinese story, page or record has the term. Correct the term if it is misspelt, or remove its `zh-Hant:` line.",
    ),
    "xliff-unreadable": (
        "XLIFF 文件无法读取（不是 XML、不是 XLIFF 1.2 或同一单元出现两次）：从翻译软件重新导出为 XLIFF 1.2，或重新运行 export-xliff。",
        "The XLIFF file cannot be read (not XML, not XLIFF 1.2, or a unit twice): save it again from the CAT tool as XLIFF 1.2, or run export-xliff again.",
    ),
    "xliff-wrong-story": (
        "XLIFF 文件不属于本站的稿件，或语言不是中译英：导入到导出它的网站，或重新导出。",
        "The XLIFF file is for a story this site does not have, or is not Chinese into English: import it where it was exported, or export again.",
    ),
    "xliff-missing-unit": (
        "XLIFF 文件缺少稿件现有的某段内容：重新运行 export-xliff，在新文件里翻译。",
        "The XLIFF file lacks a unit the story has: run export-xliff again and translate in the new file.",
    ),
    "xliff-unknown-unit": (
        "XLIFF 文件里有中文稿已删掉的内容：重新运行 export-xliff，在新文件里翻译。",
        "The XLIFF file has a unit for a block the Chinese no longer has: run export-xliff again and translate in the new file.",
    ),
    "xliff-source-changed": (
        "导出后中文稿改过，XLIFF 里的原文已不是现在的中文：未写入任何内容；重新导出，翻译软件的记忆库会提供已译内容。",
        "The Chinese changed after the export, so a unit's source is no longer the story's: nothing was written; export again (the CAT tool's memory offers what was translated).",
    ),
    "xliff-markup": (
        "译文里有标签或 &…; 代码：稿件只能保留纯文字和 Markdown（**加粗**、[链接](https://…)），请直接输入字符本身。",
        "A target holds tags or &…; codes: a story keeps only text and Markdown (**bold**, [words](https://…)); type the character itself.",
    ),
    "xliff-english-changed": (
        "导出后有人改过英文稿里的这段：未写入任何内容；重新导出后再翻译，或手工把改动抄过去。",
        "The English of a unit was edited after the export: nothing was written; export again and translate in the new file, or copy the change by hand.",
    ),
    "xliff-bad-target": (
        "译文会改变稿件的结构（多出段落或换行、以 # 或 ![ 开头，或英文稿没有登记这张图片）：在翻译软件里修改后再导入。",
        "A target would change the story's structure (extra paragraphs or line breaks, a start with # or ![, or a photo the English does not declare): fix it in the CAT tool and import again.",
    ),
}


def explain(codes, lang: str = "zh") -> list[str]:
    """One line per distinct code, in order of first appearance."""
    index = 0 if lang == "zh" else 1
    seen = dict.fromkeys(code for code in codes if code)
    return [f"  [{code}] {EXPLANATIONS[code][index]}" for code in seen if code in EXPLANATIONS]


def unfinished_stories(findings: list[Finding], docs_dir: Path) -> str | None:
    """The line that closes a build's findings: which stories have errors and what to run next
    (a strict build stops on them, and MkDocs' own last word is only a count of warnings)."""
    errors = [finding for finding in findings if finding.severity == ERROR]
    if not errors:
        return None
    slugs = list(dict.fromkeys(slug for slug in (_story_slug(f.path, docs_dir) for f in errors) if slug))
    if not slugs:
        return (
            "the files above have errors: a strict build (`mkdocs build`, CI) stops on them; "
            "run `python scripts/stories.py check` for the list"
            "（上面的文件有错误，严格构建会因此停止；运行 python scripts/stories.py check 查看）"
        )
    check = "python scripts/stories.py check" + (f" docs/{STORIES_DIR}/{slugs[0]}" if len(slugs) == 1 else "")
    preview = f"python scripts/stories.py preview {slugs[0]}"
    return (
        f"unfinished: {', '.join(slugs)} ({'has' if len(slugs) == 1 else 'have'} errors, so a strict build "
        f"(`mkdocs build`, CI) stops): run `{check}` for the list, or `{preview}` to read the page while you fix it"
        f"（未完成的稿件：{'、'.join(slugs)}；严格构建会因此停止。运行 {check} 查看问题，或用 {preview} 边改边看）"
    )


def _story_slug(path: Path, docs_dir: Path) -> str | None:
    try:
        parts = Path(path).resolve().relative_to(Path(docs_dir).resolve()).parts
    except ValueError:
        return None
    return parts[1] if len(parts) >= 2 and parts[0] == STORIES_DIR else None
