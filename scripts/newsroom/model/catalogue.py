"""Every kind of finding the tools can print, in one enumeration: its code, its severity, its
message and its fix (format strings filled by named details), and the explanation of its code in
Chinese and English that the check prints after its findings and the guides' tables repeat.

Several kinds may share a code (a photo that is missing, a folder or a broken link are all
`photo-missing`): the code is what a journalist looks up, so its first kind carries the explanation.
Every finding is made with `report`, here in the model (which reads the files) as in the checks.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from pathlib import Path

from newsroom.model.findings import ERROR, WARNING, Finding


@dataclass(frozen=True)
class Kind:
    code: str
    severity: str
    message: str
    fix: str
    zh: str = ""  # the code's explanation, given on the first kind of each code
    en: str = ""


def _left_out(what: str) -> str:
    return f"the text contains {what}, which is not allowed in a story and is left out of the page"


class Code(Enum):
    # --- a story's or page's files and front matter (checks/structure.py, pages.py; model/story.py)
    MISSING_TRANSLATION = Kind(
        "missing-translation",
        ERROR,
        "this {what} has no English version ({missing} is missing)",
        "create {missing} beside it with the translation",
        zh="缺少英文稿：在同一文件夹里新建 index.en.md，逐段翻译。",
        en="The English file is missing: create index.en.md in the same folder and translate paragraph by paragraph.",
    )
    MISSING_SOURCE = Kind(
        "missing-source",
        ERROR,
        "this {what} has no Chinese version ({missing} is missing)",
        "create {missing} beside it",
        zh="缺少中文稿：在同一文件夹里补上 index.zh.md。",
        en="The Chinese file is missing: add index.zh.md in the same folder.",
    )
    NO_FRONT_MATTER = Kind(
        "no-front-matter",
        ERROR,
        "the story has no front matter",
        "start the file with ---, the fields of the guide's template, and ---",
        zh="文件开头缺少“---”包围的信息区：按模板补上标题等字段。",
        en="The file does not start with the fields between `---` lines: copy them from the template.",
    )
    PAGE_NO_FRONT_MATTER = Kind(
        "no-front-matter",
        ERROR,
        "the page has no front matter",
        "start it with ---, a `title:` line and ---",
    )
    FRONT_MATTER_SYNTAX = Kind(
        "front-matter-syntax",
        ERROR,
        "{problem}",
        "{fix}",
        zh="信息区格式有误：冒号、空格须用半角（英文输入法），缩进用空格不用 Tab；值里有“: ”时给整个值加英文双引号。",
        en="The fields are not valid YAML: type colons and spaces in half-width (English) mode, indent with spaces not tabs, and put a value containing `: ` in double quotes.",
    )
    MISSING_FIELD = Kind(
        "missing-field",
        ERROR,
        "the field `{name}` is missing or empty",
        "add `{name}:` with {purpose}",
        zh="缺少必填字段或字段为空：按提示补上。",
        en="A required field is missing or empty: fill it in.",
    )
    PAGE_NO_TITLE = Kind(
        "missing-field",
        ERROR,
        "the page has no `title`",
        "add a line `title: …` to the front matter",
    )
    WRONG_TYPE = Kind(
        "wrong-type",
        ERROR,
        "{field} should be {expected}, not {actual}",
        "{fix}",
        zh="字段类型不对：例如 photos 应是列表，每项以“- ”开头。",
        en="A field has the wrong kind of value: for example `photos` must be a list whose items start with `- `.",
    )
    CURLY_QUOTES = Kind(
        "curly-quotes",
        WARNING,
        "{field} is wrapped in curly quotes {opening}…{closing}, which will show on the page",
        'remove them, or type straight quotes "…" in half-width (English) input mode; keep them only if the whole text is a quotation',
        zh='字段值被中文弯引号“…”包住，引号会显示在网页上：删掉引号，或在英文输入法下输入直引号 "…"。',
        en='A field is wrapped in curly quotes “…”, which would show on the page: remove them, or type straight quotes "…" in half-width (English) mode.',
    )
    UNKNOWN_FIELD = Kind(
        "unknown-field",
        ERROR,
        "unknown field `{name}`",
        "did you mean `{guess}`?",
        zh="字段名不认识（可能拼错）：按提示改成正确的名字。",
        en="An unknown field name, probably misspelt: use the name suggested.",
    )
    UNKNOWN_FIELD_FULL_WIDTH = Kind(
        "unknown-field",
        ERROR,
        "unknown field `{name}`",
        "type the colon and spaces in half-width (English) input mode: `title: …`",
    )
    UNKNOWN_FIELD_NO_GUESS = Kind(
        "unknown-field",
        ERROR,
        "unknown field `{name}`",
        "use one of: {known}",
    )
    BAD_DATE = Kind(
        "bad-date",
        ERROR,
        "`{date}` is not a real date",
        "write the date as YYYY-MM-DD, e.g. 2025-12-01",
        zh="日期不存在或格式不对：写成 YYYY-MM-DD，如 2025-12-01。",
        en="The date is not a real date: write it as YYYY-MM-DD, e.g. 2025-12-01.",
    )
    BAD_DATE_PRECISION = Kind(
        "bad-date-precision",
        ERROR,
        "`date_precision` must be one of {precisions}",
        "write `day` or `month`",
        zh="date_precision 只能是 day 或 month。",
        en="`date_precision` can only be `day` or `month`.",
    )
    ENGLISH_ONLY_FIELD = Kind(
        "english-only-field",
        ERROR,
        "`{name}` belongs in the English file only",
        "move `{name}:` to index.en.md",
        zh="translation、alignment 只写在英文稿里。",
        en="`translation` and `alignment` belong in the English file only.",
    )
    BAD_ALIGNMENT_RULE = Kind(
        "bad-alignment-rule",
        ERROR,
        "cannot read the alignment rule {rule!r}",
        'write it like "zh 5-6 = en 5" (Chinese paragraphs 5 and 6 are English paragraph 5)',
        zh='段落对应规则写错：格式如 "zh 5-6 = en 5"，段落号须存在。',
        en='An alignment rule cannot be read or names missing paragraphs: write it like "zh 5-6 = en 5".',
    )
    ALIGNMENT_OUT_OF_RANGE = Kind(
        "bad-alignment-rule",
        ERROR,
        "this alignment rule names paragraphs that do not exist",
        "the Chinese text has {zh_count} paragraphs and the English {en_count}",
    )
    UNKNOWN_SERIES = Kind(
        "unknown-series",
        ERROR,
        "the series `{series}` does not exist",
        "use a series id from docs/_data/series.yml ({known}) or add the series there",
        zh="系列不存在：使用 docs/_data/series.yml 里的系列 id，或先在那里添加。",
        en="The series does not exist: use an id from docs/_data/series.yml, or add the series there.",
    )
    NO_TEXT = Kind(
        "no-text",
        ERROR,
        "the story has no text yet",
        "write the paragraphs below the front matter, one blank line between them",
        zh="正文还是空的：在信息区下面写正文，段落之间空一行。",
        en="The story has no text yet: write the paragraphs below the fields, with a blank line between them.",
    )
    # --- who a story credits (checks/people.py)
    NO_AUTHOR = Kind(
        "no-author",
        ERROR,
        "the byline names no author",
        "add `text: [name]` under `byline:`",
        zh="署名里没有作者：在 byline 下写 text: [姓名]。",
        en="The byline names no author: add `text: [name]` under `byline:`.",
    )
    NO_PHOTOGRAPHER = Kind(
        "no-photographer",
        ERROR,
        "the story has photos but the byline names no photographer",
        "add `photos: [name]` under `byline:`",
        zh="有图片但署名里没有摄影：在 byline 下写 photos: [姓名]。",
        en="The story has photos but no photographer in the byline: add `photos: [name]`.",
    )
    NO_TRANSLATOR = Kind(
        "no-translator",
        WARNING,
        "the English byline names no translator",
        "add `translation: [name]` under `byline:`",
        zh="英文稿没有注明译者：在 byline 下写 translation: [姓名]。",
        en="The English byline names no translator: add `translation: [name]`.",
    )
    TRANSLATOR_IN_CHINESE = Kind(
        "translator-in-chinese",
        ERROR,
        "the Chinese byline names a translator",
        "name the translator in index.en.md only",
        zh="译者只写在英文稿里。",
        en="Name the translator in the English file only.",
    )
    UNKNOWN_CONTRIBUTOR = Kind(
        "unknown-contributor",
        ERROR,
        "`{name}` is not in the contributor record",
        "add them to docs/_data/contributors.yml with their name in both languages",
        zh="此人不在人员名录里：请在 docs/_data/contributors.yml 中添加其中英文姓名（或检查错别字）。",
        en="The person is not in the contributor record: add their names in both languages to docs/_data/contributors.yml (or fix the spelling).",
    )
    UNKNOWN_CONTRIBUTOR_LIKE = Kind(
        "unknown-contributor",
        ERROR,
        "`{name}` is not in the contributor record",
        "did you mean `{guess}`? Otherwise add them to docs/_data/contributors.yml with their name in both languages",
    )
    BYLINE_MISMATCH = Kind(
        "byline-mismatch",
        ERROR,
        "the `{role}` byline names other people than the Chinese one",
        "name the same people in both languages",
        zh="中英文署名的人不一致：两种语言要署同样的人。",
        en="The two languages credit different people: name the same people in both.",
    )
    # --- photos: as declared (checks/photos.py) and as their files are (checks/photo_checks.py)
    PHOTO_MALFORMED = Kind(
        "photo-malformed",
        ERROR,
        "a photo must list `file`, `caption`, `credit` and `alt`",
        "write it as in the guide: `- file: images/…` then the other fields indented",
        zh="图片登记格式不对：每张图写成“- file: images/…”，下面缩进写 caption、credit、alt。",
        en="A photo entry is malformed: write `- file: images/…` with caption, credit and alt indented below.",
    )
    PHOTO_NO_FILE = Kind(
        "photo-no-file",
        ERROR,
        "a photo has no `file`",
        "add `file: images/<name>.jpg`",
        zh="图片登记缺少 file：写上图片文件，如 images/lead.jpg。",
        en="A photo has no `file`: give the image file, e.g. images/lead.jpg.",
    )
    PHOTO_NO_CAPTION = Kind(
        "photo-no-caption",
        ERROR,
        "the photo {file} has no caption",
        "add `caption:` to this photo in {language}",
        zh="图片缺少图片说明（caption）：两种语言都要写。",
        en="A photo has no caption: write one in each language.",
    )
    PHOTO_NO_CREDIT = Kind(
        "photo-no-credit",
        ERROR,
        "the photo {file} has no credit (who took it)",
        "add `credit:` to this photo in {language}",
        zh="图片缺少摄影署名（credit）：两种语言都要写。",
        en="A photo has no credit: say who took it, in each language.",
    )
    PHOTO_NO_ALT = Kind(
        "photo-no-alt",
        ERROR,
        "the photo {file} has no alt text (what it shows, for readers who cannot see it)",
        "add `alt:` to this photo in {language}",
        zh="图片缺少替代文字（alt）：用一句话描述照片内容，供看不到图片的读者使用。",
        en="A photo has no alt text: describe what it shows in one sentence, for readers who cannot see it.",
    )
    PHOTO_UNDECLARED = Kind(
        "photo-undeclared",
        ERROR,
        "the photo {file} is not declared with its caption and credit",
        "add it to `photos:` in the front matter with file: {file}",
        zh="正文里用了图片却没有登记：在 photos 里登记说明、署名和替代文字。",
        en="A photo in the text is not declared: add it under `photos:` with caption, credit and alt.",
    )
    PHOTO_UNUSED = Kind(
        "photo-unused",
        ERROR,
        "the photo {file} is declared but not shown",
        "put ![]({file}) on its own line in the text, make it `lead_photo`, or remove it",
        zh="登记了图片但没有使用：放进正文（单独一行 ![](images/…)），设为 lead_photo，或删除登记。",
        en="A declared photo is not shown: put ![](images/…) on its own line, make it `lead_photo`, or remove it.",
    )
    LEAD_PHOTO_UNDECLARED = Kind(
        "lead-photo-undeclared",
        ERROR,
        "the lead photo {file} is not in `photos:`",
        "declare it under `photos:` with caption, credit and alt",
        zh="题图没有在 photos 里登记。",
        en="The lead photo is not declared under `photos:`.",
    )
    PHOTO_MISSING = Kind(
        "photo-missing",
        ERROR,
        "the photo file {file} does not exist",
        "put the photo at docs/stories/{slug}/{file}",
        zh="图片文件不存在：把照片放进该稿件的 images/ 文件夹，文件名要一致。",
        en="The photo file does not exist: put it into the story's images/ folder under that name.",
    )
    PHOTO_NAME_CONTROL = Kind(
        "photo-missing",
        ERROR,
        "the photo's file name {file!r} contains an invisible control character",
        "retype the file name",
    )
    PHOTO_NAME_UNREADABLE = Kind(
        "photo-missing",
        ERROR,
        "the photo file {file} cannot be read ({reason})",
        "give the photo a short file name of letters, digits and hyphens",
    )
    PHOTO_IS_FOLDER = Kind(
        "photo-missing",
        ERROR,
        "the photo {file} is a folder, not an image file",
        "write the image's file name, e.g. file: images/<name>.jpg",
    )
    PHOTO_BROKEN_LINK = Kind(
        "photo-missing",
        ERROR,
        "the photo {file} is a link to {target}, which does not lead to a file",
        "replace the link with the photo itself",
    )
    PHOTO_CASE = Kind(
        "photo-case",
        ERROR,
        "the photo {file} is named {on_disk} on disk (letters differ in case)",
        "write file: {corrected}, or rename the file; the web server sees them as different",
        zh="文件名大小写不一致（如 .JPG 与 .jpg）：网站上二者不同，请改成一致。",
        en="The file name differs only in upper/lower case (e.g. .JPG and .jpg): the web server sees two names; make them the same.",
    )
    PHOTO_REMOTE = Kind(
        "photo-remote",
        ERROR,
        "the photo {file} is loaded from another site",
        "save it into the story's images/ folder and write file: images/<name>",
        zh="图片来自其他网站：境内读者可能打不开，请下载放进 images/。",
        en="The photo is loaded from another site, which many readers cannot reach: save it into images/.",
    )
    PHOTO_OUTSIDE = Kind(
        "photo-outside",
        ERROR,
        "the photo {file} is outside the story folder",
        "put it into this story's images/ folder",
        zh="图片在稿件文件夹之外：放进该稿件的 images/。",
        en="The photo is outside the story folder: move it into the story's images/.",
    )
    PHOTO_PLACEHOLDER = Kind(
        "photo-placeholder",
        WARNING,
        "the photo {file} is a placeholder",
        "replace the file with the real photo under the same name",
        zh="图片还是占位图：收到原图后用同名文件替换。",
        en="The photo is still a placeholder: replace the file with the real photo under the same name.",
    )
    PHOTO_EMPTY = Kind(
        "photo-empty",
        ERROR,
        "the photo file {file} is empty (0 bytes)",
        "copy the photo again from the original; the copy or upload did not finish",
        zh="图片文件是空的（0 字节）：复制或上传没有完成，请从原图重新复制一次。",
        en="The photo file is empty (0 bytes): the copy or upload did not finish; copy it again from the original.",
    )
    PHOTO_NOT_IMAGE = Kind(
        "photo-not-image",
        ERROR,
        "the photo file {file} is not an image the site can read ({size:,} bytes)",
        "replace it with the photo itself, saved as JPEG, PNG or WebP",
        zh="这个文件不是图片（可能是文字、网页或别的文件改了扩展名）：换成照片本身，存为 JPEG、PNG 或 WebP。",
        en="The file is not an image (perhaps text, a saved web page or another file renamed): replace it with the photo itself, as JPEG, PNG or WebP.",
    )
    PHOTO_IS_TEXT = Kind(
        "photo-not-image",
        ERROR,
        "the photo file {file} is text, not an image (it begins “{begins}”)",
        "replace it with the photo itself, saved as JPEG, PNG or WebP",
    )
    PHOTO_DAMAGED = Kind(
        "photo-damaged",
        ERROR,
        "the photo {file} is damaged and cannot be shown ({problem})",
        "copy the original again from the photographer; the file was cut off or broken on the way",
        zh="图片文件损坏或不完整（传输中断）：向摄影记者重新要一份原图。",
        en="The photo file is damaged or cut off (an interrupted transfer): get the original again from the photographer.",
    )
    PHOTO_NOT_ENCODED = Kind(
        "photo-damaged",
        ERROR,
        "the photo {file} could not be made into the versions readers see ({problem})",
        "copy the original again from the photographer; the file was cut off or broken on the way",
    )
    PHOTO_BOMB = Kind(
        "photo-bomb",
        ERROR,
        "the photo {file} claims {pixels:,} pixels, more than the {limit:,} the site opens (a damaged file, or one made to exhaust memory)",
        "export the photo again at its camera size (e.g. 6000×4000 pixels) as a JPEG",
        zh="图片声称的像素多得异常（文件损坏，或是恶意构造的文件）：按相机原尺寸重新导出为 JPEG。",
        en="The photo claims an absurd number of pixels (a damaged file or one made to exhaust memory): export it again at camera size as a JPEG.",
    )
    PHOTO_FORMAT = Kind(
        "photo-format",
        ERROR,
        "the photo {file} is a {kind} image; the site publishes photos as JPEG, PNG or WebP",
        "export it as a JPEG (quality 85) and write its new name after file:",
        zh="网站只发布 JPEG、PNG、WebP 格式的照片（不收 TIFF、HEIC、BMP 等）：导出为 JPEG（质量 85）。",
        en="The site publishes photos as JPEG, PNG or WebP only (not TIFF, HEIC, BMP…): export it as a JPEG (quality 85).",
    )
    PHOTO_WRONG_FORMAT = Kind(
        "photo-wrong-format",
        ERROR,
        "the photo {file} is really a {kind} file, not what {extension} says",
        "rename the file to {name} and write file: {renamed}",
        zh="图片的实际格式与扩展名不符（如 PNG 文件叫 .jpg）：按提示改文件名，并改 file: 一行。",
        en="The photo's real format does not match its extension (e.g. a PNG named .jpg): rename the file as suggested and change its file: line.",
    )
    PHOTO_TOO_SMALL = Kind(
        "photo-too-small",
        ERROR,
        "the photo {file} is only {width}×{height} pixels; the site needs at least {minimum} pixels across",
        "ask for the original photo, not a thumbnail, a preview or a copy sent through a chat app",
        zh="图片太小（宽不足 480 像素），手机上会模糊：向摄影记者要原图，不要缩略图、预览图或聊天软件转发的图。",
        en="The photo is too small (under 480 pixels across) and looks blurred on phones: ask for the original, not a thumbnail, preview or chat-app copy.",
    )
    PHOTO_NARROW_LEAD = Kind(
        "photo-narrow-lead",
        WARNING,
        "the lead photo {file} is {width} pixels wide; large screens show it {widest} pixels wide, so it looks soft",
        "use the camera original, at least {widest} pixels wide, or make a wider photo the lead_photo",
        zh="题图宽度不足 1680 像素，大屏幕上会发虚：换用相机原图，或换一张更宽的照片做题图。",
        en="The lead photo is narrower than 1680 pixels and looks soft on large screens: use the camera original, or a wider photo as the lead.",
    )
    PHOTO_CMYK = Kind(
        "photo-cmyk",
        WARNING,
        "the photo {file} is in print colours (CMYK)",
        "export it in screen colours (RGB, sRGB); the versions readers see are converted, but the original published beside them may show wrong colours",
        zh="图片是印刷用的 CMYK 色彩：网站给读者的版本已转换，但随之发布的原图颜色可能不对；请导出为 RGB（sRGB）。",
        en="The photo is in print colours (CMYK): the versions readers see are converted, but the original published beside them may look wrong; export it in RGB (sRGB).",
    )
    PHOTO_PRIVATE_METADATA = Kind(
        "photo-private-metadata",
        ERROR,
        "the photo {file} carries {private}; its original is published beside the versions readers see",
        "export it again without location and camera details, e.g. `exiftool -gps:all= -serialnumber= -bodyserialnumber= -lensserialnumber= {file}`",
        zh="图片里带有拍摄地点（GPS）或相机序列号，原图会随网站发布，可能暴露消息来源：去掉位置和相机信息后重新导出。",
        en="The photo carries its GPS position or a camera serial number, and the original is published with the site, which could expose a source: export it again without location and camera details.",
    )
    PHOTO_LARGE = Kind(
        "photo-large",
        WARNING,
        "the photo {file} is {megabytes:.1f} MB",
        "the original is still published for readers who open the full photo: export it under 20 MB, e.g. as a JPEG at quality 85",
        zh="原图超过 20 MB：读者下载的是网站缩小后的版本（提示中给出大小）；为节省仓库空间，可先压缩原图。",
        en="The original is over 20 MB: readers download the resized versions (the message gives their size); shrink the original to keep the repository small.",
    )
    PHOTO_LARGE_MEASURED = Kind(
        "photo-large",
        WARNING,
        "the photo {file} is {megabytes:.1f} MB; the largest variant readers download is {kilobytes} KB",
        "the original is still published for readers who open the full photo: export it under 20 MB, e.g. as a JPEG at quality 85",
    )
    PHOTO_NOT_IN_ENGLISH = Kind(
        "photo-language",
        ERROR,
        "the photo {file} is in the Chinese story but not in the English one",
        "add it to `photos:` here with an English caption and alt text",
        zh="中英文稿登记的图片不一致：两种语言要有同样的图片。",
        en="The two languages declare different photos: declare the same photos in both.",
    )
    PHOTO_NOT_IN_CHINESE = Kind(
        "photo-language",
        ERROR,
        "the photo {file} is in the English story but not in the Chinese one",
        "add it to `photos:` here, or remove it from index.en.md",
    )
    CREDIT_MISMATCH = Kind(
        "credit-mismatch",
        ERROR,
        "the photo {file} is credited to {english} here but to {chinese} in Chinese",
        "credit the same person in both languages",
        zh="同一张图片中英文署名的摄影者不同：两种语言要署同一人。",
        en="The two languages credit the same photo to different people: credit the same person.",
    )
    # --- the translation (checks/translation.py)
    LANGUAGES_DISAGREE = Kind(
        "languages-disagree",
        ERROR,
        "`{name}` is {english!r} here but {chinese!r} in the Chinese file",
        "make `{name}` the same in both files",
        zh="中英文稿的日期、系列或题图不一致：改成一样。",
        en="The date, series or lead photo differ between the languages: make them the same.",
    )
    UNTRANSLATED_FIELD = Kind(
        "untranslated",
        ERROR,
        "the {name} is not translated yet",
        "replace `{mark} …` with the English {name}",
        zh="还有未翻译的内容：把以 [TRANSLATE] 开头的内容换成英文译文。",
        en="Something is not translated yet: replace the text starting with [TRANSLATE] with the English.",
    )
    UNTRANSLATED_PHOTO_FIELD = Kind(
        "untranslated",
        ERROR,
        "the {name} of {file} is not translated yet",
        "replace `{mark} …` with the English {name}",
    )
    UNTRANSLATED_BLOCK = Kind(
        "untranslated",
        ERROR,
        "this {block} is not translated yet",
        "replace the line starting {mark} with its English translation",
    )
    PARAGRAPH_NOT_TRANSLATED = Kind(
        "structure",
        ERROR,
        "paragraph {number} of {total} has no English counterpart (Chinese line {zh_line})",
        "translate it here, or declare a merge in `alignment:` (see the guide)",
        zh="中英文段落没有对齐：按提示补译缺少的段落或小标题；有意合并、拆分段落时在英文稿的 alignment 里写明。",
        en="The two files are out of step: translate the missing paragraph or heading; declare deliberate merges or splits under `alignment:`.",
    )
    BLOCK_NOT_TRANSLATED = Kind(
        "structure",
        ERROR,
        "the Chinese {block} {quoted}has no English counterpart (Chinese line {zh_line})",
        "translate it here, or declare a merge in `alignment:` (see the guide)",
    )
    BLOCK_NOT_IN_CHINESE = Kind(
        "structure",
        ERROR,
        "this English {block} has no Chinese counterpart",
        "remove it, or declare a split in `alignment:` (see the guide)",
    )
    TRANSLATION_UNRECORDED = Kind(
        "translation-unrecorded",
        WARNING,
        "the translation does not record which Chinese version it translates",
        "once it matches the Chinese text, run `python scripts/stories.py mark-translated {folder}`",
        zh="英文稿没有记录对应的中文版本：核对译文后运行 mark-translated。",
        en="The translation does not record which Chinese version it matches: check it, then run mark-translated.",
    )
    TRANSLATION_OUTDATED = Kind(
        "translation-outdated",
        WARNING,
        "the Chinese text changed{since}: {changes}",
        "update the English, then run `python scripts/stories.py mark-translated {folder}`",
        zh="中文稿改过，英文译文未跟上：更新译文后运行 mark-translated。",
        en="The Chinese changed after the translation: update the English, then run mark-translated.",
    )
    # --- what the text says: markup and HTML (checks/markup.py, content.py)
    CODE_TAG = Kind(
        "unsafe",
        ERROR,
        _left_out("a <{tag}> tag"),
        "stories cannot run code; remove the tag",
        zh="正文里有不允许的代码或标签（脚本、事件属性、嵌入框、表单、meta/base/style 等）、javascript:/data: 链接或外站图片：网页上会被删掉；改用普通链接或本地图片。",
        en="The text contains code or tags a story may not hold (scripts, event handlers, embeds, forms, meta/base/style…), a javascript:/data: link or a foreign image: the page leaves it out; use a plain link or a local image.",
    )
    EMBED = Kind(
        "unsafe",
        ERROR,
        _left_out("an embedded <{tag}>"),
        "embeds load pages and code from other sites; link to the page instead",
    )
    PAGE_SETTING_TAG = Kind(
        "unsafe",
        ERROR,
        _left_out("a <{tag}> tag"),
        "a story cannot change the page's settings, address or design; remove the tag",
    )
    FORM_ELEMENT = Kind(
        "unsafe",
        ERROR,
        _left_out("a form element <{tag}>"),
        "stories cannot hold forms; link to the form's own page instead",
    )
    EVENT_HANDLER = Kind(
        "unsafe",
        ERROR,
        _left_out("an inline event handler ({attribute}=) on <{tag}>"),
        "remove the attribute; stories cannot run code",
    )
    SCRIPT_LINK = Kind(
        "unsafe",
        ERROR,
        _left_out("a `{scheme}:` link ({address!r})"),
        "link to a web address (https://…) instead; save images in the story's images/ folder",
    )
    REMOTE_IMAGE = Kind(
        "unsafe",
        ERROR,
        _left_out("an image loaded from another site ({address})"),
        "save the image into the story's images/ folder and use images/…",
    )
    BAD_ADDRESS = Kind(
        "unsafe",
        ERROR,
        _left_out("the address {address!r}"),
        "use https://, http:// or mailto: addresses, or a path to the site's own pages",
    )
    STYLE_ATTRIBUTE = Kind(
        "unsafe",
        ERROR,
        _left_out("a style attribute on <{tag}>"),
        "the site's design sets the look; remove the attribute",
    )
    HTML_TAG = Kind(
        "html-not-allowed",
        ERROR,
        _left_out("a <{tag}> tag"),
        "write it in Markdown (**bold**, *italic*, [link](https://…), lists) or as plain text",
        zh="正文里有网站不保留的 HTML 标签或属性：网页上会被删掉；改用 Markdown（**加粗**、*斜体*、[链接](https://…)）或纯文字。",
        en="The text contains an HTML tag or attribute the site does not keep: the page leaves it out; use Markdown (**bold**, *italic*, [link](https://…)) or plain text.",
    )
    HTML_ATTRIBUTE = Kind(
        "html-not-allowed",
        ERROR,
        _left_out("the attribute {attribute} on <{tag}>"),
        "remove the attribute; write the text in Markdown",
    )
    HTML_FLOOD = Kind(
        "html-not-allowed",
        ERROR,
        "this paragraph holds {tags:,} HTML tags, which the page leaves out",
        "remove the pasted HTML and keep the text; a paragraph of a story holds a few tags at most",
    )
    MARKUP_IN_FIELD = Kind(
        "markup-in-field",
        ERROR,
        "{field} contains markup ({shown}); it is plain text and would show as typed",
        "write it as plain text: no tags, no &…; codes (type the character itself, e.g. & or <)",
        zh="标题、提要、摘要、日期说明、图片说明、署名或替代文字里有标签或 &…; 代码：这些字段只能写纯文字，直接输入字符本身。",
        en="A title, deck, summary, date note, caption, credit or alt text contains a tag or an &…; code: these fields are plain text; type the character itself.",
    )
    MARKUP_IN_RECORD = Kind(
        "markup-in-field",
        ERROR,
        "{kind} `{record}`: `{key}` ({lang}) contains markup ({shown}); it is plain text",
        "write it as plain text: no tags, no &…; codes (type the character itself)",
    )
    # --- the docs/ tree and the files in it (model/site.py, model/story.py)
    MISNAMED_LANGUAGE = Kind(
        "misnamed-file",
        ERROR,
        "`.{label}.md` is not a language this site uses (zh, en)",
        "{advice}",
        zh="文件名没有标明语言或语言代码不对：中文稿叫 index.zh.md，英文稿叫 index.en.md（按文件内容判断是哪种语言）；该名字的文件已存在时不要改名覆盖，先比较两个文件、合并内容，再删掉多余的。",
        en="The file name does not say its language, or says it wrongly: the Chinese file is index.zh.md, the English index.en.md (the message says which language the text is in); when a file of that name exists, do not rename over it: compare the two, merge, then delete the extra one.",
    )
    MISNAMED_NO_LANGUAGE = Kind(
        "misnamed-file",
        ERROR,
        "the file name does not say its language",
        "{advice}",
    )
    MISPLACED_FILE = Kind(
        "misplaced-file",
        ERROR,
        "a story's text must be docs/stories/<slug>/index.zh.md or index.en.md",
        "move the text into its story folder with that name",
        zh="稿件文字放错了位置：应为 docs/stories/<稿件名>/index.zh.md 或 index.en.md。",
        en="A story text is in the wrong place: it belongs at docs/stories/<slug>/index.zh.md or index.en.md.",
    )
    LINKED_FOLDER = Kind(
        "linked-folder",
        ERROR,
        "{name} is a link to the folder {target}; the site does not follow links",
        "copy the folder here instead of linking it, or delete the link",
        zh="docs 里有指向文件夹的链接（快捷方式），网站不跟随链接：把文件夹复制过来，或删除链接。",
        en="docs/ contains a link to a folder, which the site does not follow: copy the folder instead, or delete the link.",
    )
    NAME_IN_GBK = Kind(
        "name-not-utf8",
        ERROR,
        "the name {readable} in this folder is in the GBK encoding, as in ZIP files made on Chinese Windows",
        "rename it to {readable}, typing the name anew",
        zh="文件或文件夹名不是 UTF-8 编码（多见于在中文 Windows 上打包的 ZIP）：按提示重新输入名字。",
        en="A file or folder name is not UTF-8 (common in ZIP files made on Chinese Windows): retype the name as the message shows.",
    )
    NAME_NOT_UTF8 = Kind(
        "name-not-utf8",
        ERROR,
        "a name in this folder is not UTF-8 text ({raw!r})",
        "rename the file or folder",
    )
    INTERRUPTED_NEW = Kind(
        "interrupted-write",
        ERROR,
        "the story folder {slug}/ holds only {names}, a half-written file left by an interrupted `new` or `import`",
        "write the story again with `python scripts/stories.py new {slug} --title … --force` or `python scripts/stories.py import RAW.txt --slug {slug} --force`, which also removes the leftover",
        zh="有中断的命令（new、import 或 mark-translated）留下的未写完的隐藏文件（.….tmp）：按提示加 --force 重新运行该命令，或核对后删除。",
        en="A command (new, import or mark-translated) was interrupted and left a half-written hidden file (.….tmp): run it again as the message says (with --force), or check and delete it.",
    )
    INTERRUPTED_WRITE = Kind(
        "interrupted-write",
        WARNING,
        "{leftover} is a half-written copy of {original}, left by a command that was interrupted (new, import or mark-translated)",
        "check that {original} is complete (run the command again if not), then delete {leftover}",
    )
    EMPTY_STORY_FOLDER = Kind(
        "empty-story-folder",
        ERROR,
        "the story folder {slug}/ has no index.zh.md or index.en.md",
        "add the story's text, or delete the empty folder",
        zh="稿件文件夹里没有稿件：补上文字或删除空文件夹。",
        en="A story folder has no text: add it, or delete the empty folder.",
    )
    UNREADABLE = Kind(
        "unreadable",
        ERROR,
        "cannot read the file ({reason})",
        "check that it exists and is readable",
        zh="文件无法读取：检查文件是否存在、是否有权限。",
        en="The file cannot be read: check that it exists and is readable.",
    )
    UNREADABLE_FOLDER = Kind(
        "unreadable",
        ERROR,
        "{name} is a folder, not a text file",
        "move what is inside it elsewhere, then save the text as a file named {name}",
    )
    DANGLING_LINK = Kind(
        "unreadable",
        ERROR,
        "the file is a link that leads nowhere",
        "replace the link with the file itself",
    )
    UNREADABLE_LINK = Kind(
        "unreadable",
        ERROR,
        "the file is a link to {target}, which cannot be read ({reason})",
        "replace the link with the file itself",
    )
    NOT_UTF8 = Kind(
        "not-utf8",
        ERROR,
        "{problem}",
        "in your editor choose Save with Encoding → UTF-8",
        zh="文件不是 UTF-8 编码（可能是 GBK）：在编辑器里另存为 UTF-8。",
        en="The file is not saved as UTF-8 (it may be GBK): save it again as UTF-8.",
    )
    BINARY_FILE = Kind(
        "binary-file",
        ERROR,
        "the file contains a NUL character (binary data)",
        "remove it; a story is plain text",
        zh="文件里有二进制数据（NUL 字符）：稿件应为纯文本。",
        en="The file contains binary data (a NUL character): a story is plain text.",
    )
    FILE_TOO_LARGE = Kind(
        "file-too-large",
        ERROR,
        "the file is {size:,} bytes, too large for a story",
        "split it or remove pasted data",
        zh="文件太大，不像是稿件：拆分或删掉粘贴进来的数据。",
        en="The file is too large for a story: split it or remove pasted data.",
    )
    # --- the records and the glossary in docs/_data/ (model/registry.py, checks/glossary.py)
    RECORD_MISSING = Kind(
        "record-missing",
        ERROR,
        "the record {name} is missing",
        "restore docs/_data/{name} from git",
        zh="人员或系列名录文件不见了：从 git 恢复 docs/_data/ 下的文件。",
        en="A contributor or series record is missing: restore it under docs/_data/ from git.",
    )
    RECORD_UNREADABLE = Kind(
        "record-unreadable",
        ERROR,
        "cannot read {name} ({error})",
        "save it as UTF-8 text",
        zh="名录文件无法读取：另存为 UTF-8。",
        en="A record cannot be read: save it as UTF-8.",
    )
    RECORD_SYNTAX = Kind(
        "record-syntax",
        ERROR,
        "{problem}",
        "{fix}",
        zh="名录文件格式有误：对照现有条目修改。",
        en="A record is not valid YAML: compare it with the existing entries.",
    )
    CONTRIBUTOR_NO_NAME = Kind(
        "record-incomplete",
        ERROR,
        "contributor `{id}` has no name",
        "give `name:` with `zh:` and `en:` lines",
        zh="名录条目不完整：人员要有中英文姓名，系列要有中英文标题。",
        en="A record entry is incomplete: a person needs names, a series a title, in both languages.",
    )
    SERIES_NO_TITLE = Kind(
        "record-incomplete",
        ERROR,
        "series `{id}` has no title",
        "give `title:` with `zh:` and `en:` lines",
    )
    TERM_NO_RENDERING = Kind(
        "record-incomplete",
        ERROR,
        "the glossary term `{term}` has no English rendering",
        "write it as `术语: English` or give `en:` under it（为术语写上英文译法）",
    )
    GLOSSARY_MISS = Kind(
        "glossary-miss",
        WARNING,
        "{unit} (Chinese line {zh_line}) has the glossary term {term}, but its English does not say “{rendering}”{others}",
        "render {term} as “{rendering}”, or change its entry in docs/_data/glossary.yml（译名表要求把“{term}”译作“{rendering}”）",
        zh="中文里有译名表（docs/_data/glossary.yml）中的术语，英文却没有用规定的译法：按提示改译文；译名表的译法不合适时改译名表。",
        en="The Chinese has a term of the glossary (docs/_data/glossary.yml) but the English does not use its rendering: render it as the message says, or change the glossary entry if the rendering is wrong.",
    )
    UNUSED_TRADITIONAL_FORM = Kind(
        "unused-traditional-form",
        WARNING,
        "the 繁體 form {form} of {term} is never used: no Chinese text of the site has {term}",
        "correct the term if it is misspelt, or remove its `zh-Hant:` line（没有任何中文稿件用到“{term}”，这条繁体写法从未生效）",
        zh="译名表中一条繁体写法（`zh-Hant:`）的术语在任何中文稿件、页面和名录里都没有出现，这条写法从未生效：术语写错了就改正，不再需要就删去 `zh-Hant:` 这一行。",
        en="A glossary term's 繁體 form (`zh-Hant:`) keeps nothing: no Chinese story, page or record has the term. Correct the term if it is misspelt, or remove its `zh-Hant:` line.",
    )
    # --- an XLIFF file to import (commands/xliff.py)
    XLIFF_NOT_XML = Kind(
        "xliff-unreadable",
        ERROR,
        "the file is not well-formed XML ({problem})",
        "export the story again (`python scripts/stories.py export-xliff SLUG`) and translate in the new file",
        zh="XLIFF 文件无法读取（不是 XML、不是 XLIFF 1.2 或同一单元出现两次）：从翻译软件重新导出为 XLIFF 1.2，或重新运行 export-xliff。",
        en="The XLIFF file cannot be read (not XML, not XLIFF 1.2, or a unit twice): save it again from the CAT tool as XLIFF 1.2, or run export-xliff again.",
    )
    XLIFF_UNREADABLE = Kind(
        "xliff-unreadable",
        ERROR,
        "cannot read the file ({problem})",
        "check the file's name",
    )
    XLIFF_NOT_XLIFF = Kind(
        "xliff-unreadable",
        ERROR,
        'the file is not an XLIFF 1.2 file of one story (an <xliff version="1.2"> with one <file>)',
        "save it from the CAT tool as XLIFF 1.2, or export the story again (`python scripts/stories.py export-xliff SLUG`) and translate in the new file",
    )
    XLIFF_UNIT_TWICE = Kind(
        "xliff-unreadable",
        ERROR,
        "unit {unit} appears twice",
        "export the story again (`python scripts/stories.py export-xliff SLUG`) and translate in the new file",
    )
    XLIFF_OTHER_SITE = Kind(
        "xliff-wrong-story",
        ERROR,
        "the file is for `{named}`, which is no story of {docs}/stories/",
        "import it into the site it was exported from, or export the story again (`python scripts/stories.py export-xliff SLUG`) and translate in the new file",
        zh="XLIFF 文件不属于本站的稿件，或语言不是中译英：导入到导出它的网站，或重新导出。",
        en="The XLIFF file is for a story this site does not have, or is not Chinese into English: import it where it was exported, or export again.",
    )
    XLIFF_WRONG_LANGUAGES = Kind(
        "xliff-wrong-story",
        ERROR,
        "the file translates {source} into {target}, not Chinese into English",
        "export the story again (`python scripts/stories.py export-xliff SLUG`) and translate in the new file",
    )
    XLIFF_STORY_UNREADABLE = Kind(
        "xliff-wrong-story",
        ERROR,
        "stories/{slug} needs a readable index.zh.md and an index.en.md with front matter",
        "run `python scripts/stories.py check stories/{slug}` and fix what it reports",
    )
    XLIFF_MISSING_UNIT = Kind(
        "xliff-missing-unit",
        ERROR,
        "unit {unit} ({context}) is missing from the file",
        "nothing was written; export the story again (`python scripts/stories.py export-xliff SLUG`) and translate in the new file",
        zh="XLIFF 文件缺少稿件现有的某段内容：重新运行 export-xliff，在新文件里翻译。",
        en="The XLIFF file lacks a unit the story has: run export-xliff again and translate in the new file.",
    )
    XLIFF_UNKNOWN_UNIT = Kind(
        "xliff-unknown-unit",
        ERROR,
        "unit {unit} ({name}) is for a block the Chinese no longer has",
        "nothing was written; export the story again (`python scripts/stories.py export-xliff SLUG`) and translate in the new file",
        zh="XLIFF 文件里有中文稿已删掉的内容：重新运行 export-xliff，在新文件里翻译。",
        en="The XLIFF file has a unit for a block the Chinese no longer has: run export-xliff again and translate in the new file.",
    )
    XLIFF_SOURCE_CHANGED = Kind(
        "xliff-source-changed",
        ERROR,
        "unit {unit} ({context}): its Chinese is no longer the story's; now it reads “{now}”",
        "nothing was written; export the story again (`python scripts/stories.py export-xliff SLUG`) and translate in the new file (the CAT tool's memory offers what was translated)",
        zh="导出后中文稿改过，XLIFF 里的原文已不是现在的中文：未写入任何内容；重新导出，翻译软件的记忆库会提供已译内容。",
        en="The Chinese changed after the export, so a unit's source is no longer the story's: nothing was written; export again (the CAT tool's memory offers what was translated).",
    )
    XLIFF_MARKUP_ELEMENT = Kind(
        "xliff-markup",
        ERROR,
        "unit {unit}: the {part} holds markup (<{tag}>), which a story cannot keep",
        "type the text itself; write emphasis and links in Markdown (**bold**, [words](link))",
        zh="译文里有标签或 &…; 代码：稿件只能保留纯文字和 Markdown（**加粗**、[链接](https://…)），请直接输入字符本身。",
        en="A target holds tags or &…; codes: a story keeps only text and Markdown (**bold**, [words](https://…)); type the character itself.",
    )
    XLIFF_MARKUP = Kind(
        "xliff-markup",
        ERROR,
        "{where}: the English holds markup ({shown}), which a story cannot keep",
        "type the text itself; write emphasis and links in Markdown (**bold**, [words](link))",
    )
    XLIFF_ENGLISH_CHANGED = Kind(
        "xliff-english-changed",
        ERROR,
        "{where}: the English in {file} changed after this file was exported",
        "nothing was written; export the story again (`python scripts/stories.py export-xliff SLUG`) and translate in the new file, or copy the new English by hand",
        zh="导出后有人改过英文稿里的这段：未写入任何内容；重新导出后再翻译，或手工把改动抄过去。",
        en="The English of a unit was edited after the export: nothing was written; export again and translate in the new file, or copy the change by hand.",
    )
    XLIFF_PHOTO_UNDECLARED = Kind(
        "xliff-bad-target",
        ERROR,
        "{where}: {file} does not declare this photo under `photos:`",
        "add the photo to the English front matter (`python scripts/stories.py check stories/{slug}` says how), then import again",
        zh="译文会改变稿件的结构（多出段落或换行、以 # 或 ![ 开头，或英文稿没有登记这张图片）：在翻译软件里修改后再导入。",
        en="A target would change the story's structure (extra paragraphs or line breaks, a start with # or ![, or a photo the English does not declare): fix it in the CAT tool and import again.",
    )
    XLIFF_LINE_BREAKS = Kind(
        "xliff-bad-target",
        ERROR,
        "{where}: the English has {parts} paragraphs or line breaks where the story has {expected}",
        "join the lines in the CAT tool; declare split paragraphs under `alignment:` in the English file first",
    )
    XLIFF_CHANGES_STRUCTURE = Kind(
        "xliff-bad-target",
        ERROR,
        "unit {unit}: its English would change the story's structure (a line starting with #, ![ or * * *, or a blank line), so it was not written",
        "rephrase the start of the unit in the CAT tool, then import again",
    )
    # --- mkdocs.yml (checks/config_checks.py)
    UNKNOWN_SETTING = Kind(
        "unknown-setting",
        ERROR,
        "unknown setting `{name}`{where}",
        "MkDocs ignores settings it does not know; correct or remove it",
        zh="mkdocs.yml 里有网站不认识的设置（多为拼错）：按提示改正或删除。",
        en="mkdocs.yml has a setting MkDocs does not know, probably misspelt: correct it as suggested, or remove it.",
    )
    UNKNOWN_SETTING_LIKE = Kind(
        "unknown-setting",
        ERROR,
        "unknown setting `{name}`{where}",
        "did you mean `{guess}`? MkDocs ignores settings it does not know; correct or remove it",
    )
    I18N_MISSING = Kind(
        "i18n-missing",
        ERROR,
        "the i18n plugin is missing, so the site would be built in one language only",
        "restore the `i18n:` entry under `plugins:` from git",
        zh="mkdocs.yml 的 plugins 里没有 i18n，网站只会生成一种语言：从 git 恢复 `- i18n:` 这一项。",
        en="mkdocs.yml lists no i18n plugin, so the site would be built in one language only: restore the `i18n:` entry from git.",
    )
    LANGUAGE_MISSING = Kind(
        "language-missing",
        ERROR,
        "plugins → i18n → languages has no `{locale}` ({language})",
        "add it back under `languages:`: `- locale: {locale}`, with its `name:` and `build: true`",
        zh="mkdocs.yml 的 i18n 设置缺少中文或英文：按提示把该语言加回 languages。",
        en="The i18n settings in mkdocs.yml lack Chinese or English: add the language back under `languages:`.",
    )
    LANGUAGE_UNKNOWN = Kind(
        "language-unknown",
        ERROR,
        "plugins → i18n → languages lists `{locale}`, which the stories are not written in",
        "remove it; the languages are {languages}",
        zh="mkdocs.yml 的 i18n 设置里有稿件不使用的语言：删掉它，网站只有中文和英文。",
        en="The i18n settings in mkdocs.yml list a language the stories are not written in: remove it; the languages are zh and en.",
    )
    DEFAULT_LANGUAGE = Kind(
        "default-language",
        ERROR,
        "the default language must be {source} alone, not {defaults}",
        "give `default: true` to the `{source}` language only",
        zh="默认语言必须只有中文（zh）：只给 zh 写 default: true。",
        en="The default language must be Chinese (zh) alone: give `default: true` to zh only.",
    )
    LANGUAGE_NOT_BUILT = Kind(
        "language-not-built",
        ERROR,
        "the language `{locale}` is not built",
        "set `build: true` for it",
        zh="有一种语言设置为不生成：给它写 build: true。",
        en="A language is set not to be built: set `build: true` for it.",
    )
    TRADITIONAL_WITHOUT_LANGUAGE = Kind(
        "traditional-edition",
        ERROR,
        "plugins → newsroom → traditional is enabled, but i18n's languages have no `{locale}`",
        "add `- locale: {locale}` with `name: 繁體` and `build: true` under `languages:`",
        zh="繁体版的两项设置不一致：newsroom 的 traditional 与 i18n 的 zh-Hant 语言要么都有、要么都没有。按提示补上或删去。",
        en="The Traditional edition's two settings disagree: the newsroom plugin's `traditional` and i18n's `zh-Hant` language go together. Add or remove as the message says.",
    )
    TRADITIONAL_NOT_CONVERTED = Kind(
        "traditional-edition",
        ERROR,
        "i18n builds `{locale}`, but plugins → newsroom → traditional is not enabled, so it would be the Simplified pages under another address",
        "set `traditional: {{enabled: true}}` under the newsroom plugin, or `build: false` for `{locale}`",
    )
    CONFIG_UNREADABLE = Kind(
        "config-invalid",
        ERROR,
        "mkdocs.yml cannot be read ({problem})",
        "correct it at this line; compare it with the file in git",
        zh="mkdocs.yml 无法读取或有 MkDocs 不接受的设置，网站无法构建：按提示改正，或与 git 里的版本比较。",
        en="mkdocs.yml cannot be read, or holds a setting MkDocs refuses, so the site cannot be built: correct it as the message says, or compare it with the file in git.",
    )
    CONFIG_INVALID = Kind(
        "config-invalid",
        ERROR,
        "the setting `{name}` is refused by MkDocs: {problem}",
        "correct the setting; `mkdocs build` stops on it",
    )
    PLUGIN_UNLOADABLE = Kind(
        "config-invalid",
        ERROR,
        "a plugin or hook that mkdocs.yml names fails to load ({problem})",
        "install the site's requirements (`pip install -r requirements.txt`) and check that the hook's file exists",
    )
    NEWSROOM_PLUGIN_MISSING = Kind(
        "newsroom-plugin-missing",
        ERROR,
        "`plugins:` does not list `newsroom`, so the build would neither check the stories nor make their pages",
        "add `newsroom: {{}}` under `plugins:`, below the `i18n:` entry",
        zh="mkdocs.yml 的 plugins 里没有 newsroom，构建时不会检查稿件、也不会生成稿件页面：在 plugins 里 i18n 下面加上 `newsroom: {}`。",
        en="mkdocs.yml lists no newsroom plugin, so the build would neither check the stories nor make their pages: add `newsroom: {}` under `plugins:`, below i18n.",
    )

    @property
    def code(self) -> str:
        return self.value.code


def report(kind: Code, path: Path, line: int, /, *, severity: str | None = None, **details: object) -> Finding:
    """The finding of `kind` at `path`:`line`, its message and fix filled in from `details`;
    `severity` overrides the kind's (a strict check makes an outdated translation an error)."""
    entry = kind.value
    return Finding(
        path,
        line,
        severity or entry.severity,
        entry.message.format(**details),
        entry.fix.format(**details),
        code=entry.code,
    )


# code -> (Chinese: what is wrong and what to do, English: the same), in the order of the guides
EXPLANATIONS: dict[str, tuple[str, str]] = {kind.code: (kind.value.zh, kind.value.en) for kind in Code if kind.value.zh}
