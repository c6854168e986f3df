"""Generated bilingual stories for the benchmark: realistic length and variety, never repeated.

Each story is composed from its own seed: Chinese sentences from real words and phrases of
local reporting (places, offices, projects, people, numbers) in several sentence patterns,
English sentences likewise, about 3,200 Han characters and 1,900 English words. The two
languages are in step (same headings, photos, breaks and paragraph counts) and the English
records the Chinese fingerprint, so `stories.py check` passes; each story has two photos
(one lead photo shared by all, see LEAD_PHOTO_SIZE).
"""

from __future__ import annotations

import datetime as dt
import functools
import io
import random
import shutil
from dataclasses import dataclass
from pathlib import Path

from newsroom.model import yaml_writer
from newsroom.model.schema import SOURCE_LANG, TRANSLATION_LANG
from newsroom.model.story import STORIES_DIR, Story, StoryFile
from newsroom.model.translation import marked_text
from PIL import Image, ImageDraw

HAN_CHARACTERS = 3200
ENGLISH_WORDS = 1900
SERIES = "plenary-session"  # the series in the real docs/_data/series.yml
# Photos as small as the check accepts without a warning, in a camera's 3:2: the lead photo as wide
# as the widest variant, the other as wide as the narrowest. Encoding a 1680-pixel photo's variants
# costs about 0.6 s of CPU, so every story shares one lead photo (encoded once, then copied): the
# benchmark measures the site, not WebP.
LEAD_PHOTO_SIZE = (1680, 1120)
PHOTO_SIZE = (480, 320)
FIRST_DATE = dt.date(2026, 6, 30)

# fmt: off
# (Chinese, English) pairs: the names a story uses in both languages
COUNTIES = [
    ("榆次区", "Yuci District"),
    ("太谷区", "Taigu District"),
    ("介休市", "Jiexiu"),
    ("灵石县", "Lingshi County"),
    ("平遥县", "Pingyao County"),
    ("祁县", "Qixian County"),
    ("寿阳县", "Shouyang County"),
    ("昔阳县", "Xiyang County"),
    ("和顺县", "Heshun County"),
    ("左权县", "Zuoquan County"),
    ("榆社县", "Yushe County"),
]
RIVERS = [
    ("昌源河", "Changyuan River"),
    ("汾河", "Fen River"),
    ("潇河", "Xiao River"),
    ("乌马河", "Wuma River"),
    ("浊漳河", "Zhuozhang River"),
    ("清漳河", "Qingzhang River"),
    ("龙凤河", "Longfeng River"),
    ("象峪河", "Xiangyu River"),
    ("涂河", "Tu River"),
]
SITES = [
    ("湿地公园", "wetland park"),
    ("河道", "river channel"),
    ("育苗基地", "seedling nursery"),
    ("光伏电站", "solar power station"),
    ("污水处理厂", "sewage treatment plant"),
    ("古城街巷", "lanes of the old town"),
    ("合作社大棚", "cooperative's greenhouses"),
    ("生态廊道", "ecological corridor"),
    ("水质监测站", "water quality monitoring station"),
    ("高标准农田", "high-standard farmland"),
    ("村口广场", "village square"),
    ("林场", "forest farm"),
    ("小杂粮加工厂", "coarse grain mill"),
    ("中药材种植基地", "medicinal herb farm"),
]
OFFICES = [
    ("生态环境局", "Ecology and Environment Bureau"),
    ("水利局", "Water Resources Bureau"),
    ("自然资源局", "Natural Resources Bureau"),
    ("农业农村局", "Agriculture and Rural Affairs Bureau"),
    ("文化和旅游局", "Culture and Tourism Bureau"),
    ("林业局", "Forestry Bureau"),
    ("住房和城乡建设局", "Housing and Urban-Rural Development Bureau"),
    ("交通运输局", "Transport Bureau"),
    ("发展和改革局", "Development and Reform Bureau"),
    ("工业和信息化局", "Industry and Information Technology Bureau"),
    ("商务局", "Commerce Bureau"),
    ("应急管理局", "Emergency Management Bureau"),
    ("科技局", "Science and Technology Bureau"),
    ("乡村振兴局", "Rural Revitalization Bureau"),
    ("市场监督管理局", "Market Regulation Bureau"),
]
ROLES = [
    ("局长", "director"),
    ("副局长", "deputy director"),
    ("党组书记", "Party secretary"),
    ("总工程师", "chief engineer"),
    ("办公室主任", "office director"),
    ("科长", "section chief"),
    ("技术员", "technician"),
    ("负责人", "head"),
]
VILLAGE_FIRST = [
    ("东", "Dong"), ("西", "Xi"), ("南", "Nan"), ("北", "Bei"), ("上", "Shang"), ("下", "Xia"),
    ("前", "Qian"), ("后", "Hou"), ("大", "Da"), ("小", "Xiao"), ("王", "Wang"), ("李", "Li"),
    ("张", "Zhang"), ("赵", "Zhao"), ("杨", "Yang"), ("石", "Shi"), ("白", "Bai"), ("红", "Hong"),
    ("黄", "Huang"), ("青", "Qing"), ("马", "Ma"), ("牛", "Niu"), ("高", "Gao"), ("新", "Xin"),
    ("古", "Gu"), ("柳", "Liu"), ("杏", "Xing"), ("桃", "Tao"), ("枣", "Zao"), ("龙", "Long"),
]
VILLAGE_SECOND = [
    ("家", "jia"), ("河", "he"), ("沟", "gou"), ("峪", "yu"), ("庄", "zhuang"), ("堡", "pu"),
    ("岭", "ling"), ("坪", "ping"), ("泉", "quan"), ("湾", "wan"), ("寨", "zhai"), ("坡", "po"),
    ("窑", "yao"), ("营", "ying"), ("头", "tou"), ("口", "kou"), ("关", "guan"), ("塔", "ta"),
]
SURNAMES = [
    ("王", "Wang"), ("李", "Li"), ("张", "Zhang"), ("刘", "Liu"), ("陈", "Chen"), ("杨", "Yang"),
    ("赵", "Zhao"), ("黄", "Huang"), ("周", "Zhou"), ("吴", "Wu"), ("徐", "Xu"), ("孙", "Sun"),
    ("胡", "Hu"), ("朱", "Zhu"), ("高", "Gao"), ("林", "Lin"), ("何", "He"), ("郭", "Guo"),
    ("马", "Ma"), ("罗", "Luo"), ("梁", "Liang"), ("宋", "Song"), ("郑", "Zheng"), ("谢", "Xie"),
    ("韩", "Han"), ("唐", "Tang"), ("冯", "Feng"), ("董", "Dong"), ("程", "Cheng"), ("曹", "Cao"),
    ("袁", "Yuan"), ("邓", "Deng"), ("傅", "Fu"), ("沈", "Shen"), ("曾", "Zeng"), ("彭", "Peng"),
    ("吕", "Lyu"), ("苏", "Su"), ("卢", "Lu"), ("蒋", "Jiang"), ("蔡", "Cai"), ("贾", "Jia"),
    ("丁", "Ding"), ("魏", "Wei"), ("薛", "Xue"), ("阎", "Yan"), ("潘", "Pan"), ("杜", "Du"),
    ("任", "Ren"), ("田", "Tian"), ("武", "Wu"), ("乔", "Qiao"), ("常", "Chang"), ("郝", "Hao"),
    ("侯", "Hou"), ("孟", "Meng"), ("史", "Shi"), ("段", "Duan"), ("范", "Fan"), ("温", "Wen"),
]
GIVEN_NAMES = [
    ("伟", "wei"), ("芳", "fang"), ("娜", "na"), ("敏", "min"), ("静", "jing"), ("丽", "li"),
    ("强", "qiang"), ("磊", "lei"), ("军", "jun"), ("洋", "yang"), ("勇", "yong"), ("艳", "yan"),
    ("杰", "jie"), ("娟", "juan"), ("涛", "tao"), ("明", "ming"), ("超", "chao"), ("秀", "xiu"),
    ("霞", "xia"), ("平", "ping"), ("刚", "gang"), ("英", "ying"), ("华", "hua"), ("建", "jian"),
    ("国", "guo"), ("红", "hong"), ("志", "zhi"), ("海", "hai"), ("燕", "yan"), ("玲", "ling"),
    ("俊", "jun"), ("峰", "feng"), ("鑫", "xin"), ("宇", "yu"), ("浩", "hao"), ("凯", "kai"),
    ("晨", "chen"), ("欣", "xin"), ("雪", "xue"), ("慧", "hui"), ("琳", "lin"), ("婷", "ting"),
    ("斌", "bin"), ("宏", "hong"), ("亮", "liang"), ("鹏", "peng"), ("辉", "hui"), ("波", "bo"),
    ("瑞", "rui"), ("博", "bo"), ("文", "wen"), ("成", "cheng"), ("晓", "xiao"), ("丹", "dan"),
    ("永", "yong"), ("春", "chun"), ("兰", "lan"), ("荣", "rong"), ("利", "li"), ("生", "sheng"),
]

ZH = {
    "time": ["近年来", "今年以来", "连日来", "入夏以来", "去年秋天", "日前", "眼下", "春节前后", "每到周末", "清晨时分", "汛期来临前", "国庆假期"],
    "subject": ["县里", "区政府", "当地干部", "市生态环境部门", "村干部", "志愿者", "水利局的技术人员", "农民专业合作社", "巡河队员", "护林员", "文旅企业", "返乡青年", "技术人员", "乡镇政府"],
    "verb": ["加快推进", "着力实施", "持续完善", "全面加强", "高标准建设", "精心打造", "大力推动", "认真落实", "深入开展", "不断深化", "稳步提升", "统筹优化", "集中整治", "系统修复", "切实保护", "积极培育", "探索发展", "加快构建"],
    "object": [
        "生态修复", "河道治理", "湿地保护", "污水处理设施", "农村人居环境", "绿色发展", "数字乡村", "智慧农业", "文旅融合", "特色产业",
        "基础设施", "节水灌溉", "高标准农田", "林草植被", "水土保持", "大气污染防治", "土壤污染防治", "垃圾分类", "清洁能源", "光伏发电",
        "生物多样性", "古城保护", "非物质文化遗产", "传统村落", "小杂粮产业", "中药材种植", "乡村旅游", "电商直播", "冷链物流", "数字孪生灌区",
        "无人机巡护", "智慧河长平台", "湿地公园", "生态廊道", "防洪工程", "城市更新", "老旧小区改造", "公共文化服务", "养老服务", "候鸟栖息地",
    ],
    "adverbial": ["近三年来", "自今年春天起", "在省级专家的指导下", "运用无人机和数字孪生技术", "沿{river}{n}公里河段", "在{n}个村", "赶在汛期到来之前", "克服夏季干旱的不利影响", "依托河长制", "投入资金{n}万元"],
    "result": ["取得明显成效", "群众满意度不断提升", "生态环境持续向好", "水质稳定达到地表水Ⅲ类标准", "空气质量优良天数明显增加", "村民收入稳步增长", "吸引了大批游客", "带动了周边群众就业", "形成了可复制可推广的经验", "为高质量发展奠定了坚实基础", "候鸟数量逐年增多", "河畅水清岸绿的景象初步显现"],
    "people": ["村民", "游客", "志愿者", "护林员", "巡河员", "技术人员", "党员干部", "施工人员", "农技专家", "返乡青年", "种植户", "养殖户", "环卫工人", "学生"],
    "activity": ["正在栽植树苗", "正在采集水样", "正在收割谷子", "正在修补步道", "聚在一起参加技术培训", "正在分拣生活垃圾", "架起手机直播销售土特产", "正在清理浅滩芦苇", "举着相机拍摄白鹭", "正在检修灌溉管道"],
    "scene": ["河水清澈见底", "白鹭在浅滩觅食", "两岸垂柳成荫", "田间地头一片繁忙", "游人络绎不绝", "新修的步道蜿蜒伸向远方", "山坡上的油松郁郁葱葱", "广场上传来阵阵欢笑声", "成片的光伏板在阳光下闪闪发亮", "古城墙下的街巷干净整洁"],
    "quote": ["我们要让每一滴水都用在刀刃上", "保护好这一方山水是我们的责任", "村里的环境一年比一年好", "现在家门口就能挣到钱", "下一步我们还要在细节上下功夫", "只有把生态保护好了发展才有后劲", "候鸟回来了说明我们的路子走对了", "我们正在修复前人留下的欠账", "这条河关系到每一户人家", "群众的期盼就是我们工作的方向", "我们将继续坚持问题导向", "每一项工程都要经得起时间检验"],
    "compare": ["同比增长{pct}%", "比上年提高{pct}个百分点", "提前完成年度目标任务", "较去年同期翻了一番"],
    "unit": ["亩", "公里", "座", "处", "万株", "吨", "户"],
    "title": ["{county}：{object}绘新景", "{object}的{county}实践", "{village}的{object}之变", "让{object}成为{county}的亮丽名片", "{county}{verb}{object}", "{river}畔{object}新图景"],
}
ZH_SENTENCES = [
    "{time}，{county}{verb}{object}，{result}。",
    "{county}{office}{role}{name}表示，{quote}，{quote2}。",
    "据介绍，{county}{year}年{verb}{object}，{adverbial}，累计完成投资{n}万元，{compare}。",
    "“{quote}，{quote2}。”{village}村民{name}说。",
    "在{village}{site}，{people}{activity}，{scene}。",
    "截至{year}年{month}月底，{county}已累计{verb}{object}{n}{unit}，{compare}。",
    "{subject}{adverbial}{verb}{object}，{result}，{result2}。",
    "{time}，记者走进{county}{village}，只见{scene}，{scene2}。",
    "围绕{object}和{object2}，{subject}{verb}各项任务，{result}。",
]

EN = {
    "time": ["In recent years", "Since the start of this year", "In recent days", "Since early summer", "Last autumn", "Recently", "These days", "Around the Spring Festival", "Every weekend", "At dawn", "Before the flood season", "Over the National Day holiday"],
    "subject": ["the county", "the district government", "local officials", "the city's environmental authorities", "village cadres", "volunteers", "engineers from the water bureau", "farmers' cooperatives", "river patrol teams", "forest rangers", "tourism operators", "young people who have returned home", "technicians", "the township government"],
    "verb": ["stepped up work on", "began restoring", "completed", "kept improving", "built", "expanded", "launched a campaign to clean up", "monitored", "upgraded", "planted trees along", "promoted", "repaired", "surveyed", "cleaned up", "protected", "continued restoring", "introduced drones to patrol", "invested in", "renovated", "dredged"],
    "object": [
        "wetland habitats", "the riverbanks", "sewage treatment facilities", "irrigation channels", "high-standard farmland", "the streets of the old town",
        "shelter forest belts", "rural roads", "solar power stations", "the water supply network", "habitats for migratory birds", "mountain trails",
        "terraced fields", "the ancient city wall", "cold-chain warehouses", "village clinics", "ecological corridors", "flood defences", "greenhouses",
        "millet fields", "medicinal herb plots", "jujube orchards", "the digital twin irrigation district", "the smart river chief platform",
    ],
    "adverbial": ["over the past three years", "since early spring", "with support from provincial experts", "using drones and digital twin technology", "along a {n}-kilometre stretch of the {river}", "in {n} villages", "ahead of the flood season", "despite a dry summer", "under the river chief system", "with funding of {n} million yuan"],
    "result": ["water quality has improved markedly", "more migratory birds have returned", "household incomes have risen steadily", "visitors now come from across the province", "the work has created hundreds of local jobs", "air quality has reached its best level in a decade", "the river runs clear again", "residents say the village looks new", "the local economy has found a new engine", "the water now meets the Grade III standard for surface water"],
    "people": ["villagers", "tourists", "volunteers", "forest rangers", "river patrol officers", "technicians", "Party members", "construction workers", "agricultural experts", "young entrepreneurs", "growers", "herders", "sanitation workers", "students"],
    "activity": ["were planting saplings", "were checking water samples", "were harvesting millet", "were repairing a footpath", "gathered for a training session", "were sorting household waste", "were livestreaming to sell local produce", "were clearing reeds from the shallows", "were photographing egrets", "were mending irrigation pipes"],
    "scene": ["egrets fed in the shallows", "willows shaded both banks", "the fields were busy", "a newly paved trail wound into the hills", "the pines on the slopes were lush and green", "laughter drifted across the square", "the river ran clear over the pebbles", "rows of solar panels glittered in the sun", "the lanes below the old city wall were swept clean"],
    "quote": ["We want every drop of water to count.", "Protecting these hills and rivers is our responsibility.", "The village gets better every year.", "Now people can earn money without leaving home.", "Next we will work on the details.", "Only when the ecology is protected can development last.", "The birds coming back tells us we are on the right track.", "We are restoring what earlier generations lost.", "Every household has a stake in this river.", "What people hope for is what we work for.", "Each project has to stand the test of time."],
    "compare": ["up {pct} percent year on year", "{pct} percentage points higher than last year", "meeting the annual target ahead of schedule", "double the figure for the same period last year"],
    "unit": ["mu of", "kilometres of", "tonnes of work on", "sites along"],
    "title": ["{county}: A New Look for {object_title}", "How {village} Changed Its {object_title}", "{county} Steps Up Work on {object_title}", "New Scenes Along the {river}", "Making {object_title} a Calling Card for {county}"],
}
EN_SENTENCES = [
    "{time}, {subject} {verb} {object} {adverbial}, and {result}.",
    "“{quote} {quote2}” said {name}, {role} of the {county} {office}.",
    "According to the {office} in {county}, {n} {unit} {object} were completed in {year}, {compare}.",
    "In {village}, {people} {activity}, while {scene}.",
    "By the end of {month} {year}, {county} had finished work on {n} {unit} {object}, {compare}.",
    "{Subject} also {verb} {object} {adverbial}, a move that means {result}.",
    "{time}, when a reporter visited {village} in {county}, {scene} and {scene2}.",
    "Work on {object} and {object2} has gone hand in hand, and {result}.",
    "“{quote}” {name}, a resident of {village}, said as {people} {activity} nearby.",
]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]
# fmt: on


@dataclass(frozen=True)
class GeneratedStory:
    slug: str
    han_characters: int
    english_words: int


def write_docs(docs: Path, stories: int, real_docs: Path) -> list[GeneratedStory]:
    """A docs tree with the real home, about and records pages and `stories` generated stories."""
    # without the glossary: a generated story's English is not a translation of its Chinese, so
    # the glossary's renderings cannot be in it
    left_out = {real_docs: [STORIES_DIR], real_docs / "_data": ["glossary.yml"]}
    shutil.copytree(real_docs, docs, ignore=lambda folder, names: left_out.get(Path(folder), []))
    return [write_story(docs / STORIES_DIR, index) for index in range(stories)]


def write_story(stories_dir: Path, index: int) -> GeneratedStory:
    rng = random.Random(f"bench-story-{index}")
    slug = f"bench-{index:04d}"
    folder = stories_dir / slug
    date = FIRST_DATE - dt.timedelta(days=index)
    counties = rng.sample(COUNTIES, k=rng.randint(4, 6))
    shape = _shape(rng, sections=len(counties))
    zh_paragraphs = _paragraphs(rng, SOURCE_LANG, shape.paragraphs)
    en_paragraphs = _paragraphs(rng, TRANSLATION_LANG, shape.paragraphs)
    photos = [_photo(rng, folder, number) for number in (1, 2)]
    credit = ("程婧", "Cheng Jing")
    texts = {}
    for lang, paragraphs, pick in ((SOURCE_LANG, zh_paragraphs, 0), (TRANSLATION_LANG, en_paragraphs, 1)):
        title = _fill(rng.choice((ZH if lang == SOURCE_LANG else EN)["title"]), rng, lang)
        front = {
            "title": title,
            "deck": _sentence(rng, lang).rstrip("。."),
            "series": SERIES,
            "date": date,
            "summary": _sentence(rng, lang),
            "byline": {
                "text": [("张凯鹏", "Zhang Kaipeng")[pick]],
                "photos": [credit[pick]],
                **({"translation": ["Translation Desk"]} if lang == TRANSLATION_LANG else {}),
            },
            "lead_photo": photos[0].file,
            "photos": [
                {"file": photo.file, "caption": photo.caption[pick], "credit": credit[pick], "alt": photo.alt[pick]}
                for photo in photos
            ],
        }
        headings = [county[pick] for county in counties]
        texts[lang] = yaml_writer.new_front_matter(front) + "\n" + _body(shape, paragraphs, headings, photos[1].file)
    for lang, text in texts.items():
        (folder / f"index.{lang}.md").write_text(text, encoding="utf-8")
    story = Story(slug, folder, {lang: StoryFile.read(folder / f"index.{lang}.md", lang) for lang in texts})
    (folder / f"index.{TRANSLATION_LANG}.md").write_text(marked_text(story, date), encoding="utf-8")
    return GeneratedStory(slug, sum(map(_han_count, zh_paragraphs)), sum(map(_word_count, en_paragraphs)))


@dataclass(frozen=True)
class _Shape:
    paragraphs: int
    intro: int  # paragraphs before the first heading
    per_section: list[int]
    photo_after_section: int  # the in-text photo follows this section's first paragraph


def _shape(rng: random.Random, sections: int) -> _Shape:
    per_section = [rng.randint(2, 3) for _ in range(sections)]
    intro = rng.randint(1, 2)
    return _Shape(intro + sum(per_section) + 1, intro, per_section, rng.randrange(sections))


def _body(shape: _Shape, paragraphs: list[str], headings: list[str], photo_file: str) -> str:
    remaining = iter(paragraphs)
    blocks = [next(remaining) for _ in range(shape.intro)]
    for section, (heading, count) in enumerate(zip(headings, shape.per_section)):
        blocks.append(f"## {heading}")
        for number in range(count):
            blocks.append(next(remaining))
            if section == shape.photo_after_section and number == 0:
                blocks.append(f"![]({photo_file})")
    blocks += ["* * *", next(remaining)]
    return "\n\n".join(blocks) + "\n"


def _paragraphs(rng: random.Random, lang: str, count: int) -> list[str]:
    """`count` paragraphs of about 3,200 Han characters or 1,900 English words in all."""
    total, measure, space = (
        (HAN_CHARACTERS, _han_count, "") if lang == SOURCE_LANG else (ENGLISH_WORDS, _word_count, " ")
    )
    paragraphs: list[str] = []
    written = 0
    for left in range(count, 0, -1):
        target = (total - written) / left * rng.uniform(0.7, 1.3)
        sentences: list[str] = []
        while measure(space.join(sentences)) < target:
            sentences.append(_sentence(rng, lang))
        paragraphs.append(space.join(sentences))
        written += measure(paragraphs[-1])
    return paragraphs


def _zh_slots(rng: random.Random) -> dict:
    pick = lambda key: rng.choice(ZH[key])
    return {
        **{
            key: pick(key)
            for key in ("time", "subject", "verb", "object", "result", "people", "activity", "scene", "quote", "unit")
        },
        "object2": pick("object"),
        "result2": pick("result"),
        "scene2": pick("scene"),
        "quote2": pick("quote"),
        "adverbial": pick("adverbial").format(river=rng.choice(RIVERS)[0], n=_number(rng)),
        "compare": pick("compare").format(pct=_percent(rng)),
        "county": rng.choice(COUNTIES)[0],
        "office": rng.choice(OFFICES)[0],
        "role": rng.choice(ROLES)[0],
        "site": rng.choice(SITES)[0],
        "village": _village(rng)[0],
        "name": _person(rng)[0],
        "year": rng.randint(2019, 2026),
        "month": rng.randint(1, 12),
        "n": _number(rng),
    }


def _en_slots(rng: random.Random) -> dict:
    pick = lambda key: rng.choice(EN[key])
    subject = pick("subject")
    return {
        **{
            key: pick(key)
            for key in ("time", "verb", "object", "result", "people", "activity", "scene", "quote", "unit")
        },
        "subject": subject,
        "Subject": subject[0].upper() + subject[1:],
        "object2": pick("object"),
        "scene2": pick("scene"),
        "quote2": pick("quote"),
        "adverbial": pick("adverbial").format(river=rng.choice(RIVERS)[1], n=_number(rng)),
        "compare": pick("compare").format(pct=_percent(rng)),
        "county": rng.choice(COUNTIES)[1],
        "office": rng.choice(OFFICES)[1],
        "role": rng.choice(ROLES)[1],
        "village": _village(rng)[1],
        "name": _person(rng)[1],
        "year": rng.randint(2019, 2026),
        "month": rng.choice(MONTHS),
        "n": f"{_number(rng):,}",
    }


def _fill(pattern: str, rng: random.Random, lang: str) -> str:
    pick = 0 if lang == SOURCE_LANG else 1
    river, village = rng.choice(RIVERS)[pick], _village(rng)[pick]
    if lang == SOURCE_LANG:
        return pattern.format(
            county=rng.choice(COUNTIES)[0],
            object=rng.choice(ZH["object"]),
            verb=rng.choice(ZH["verb"]),
            village=village,
            river=river,
        )
    return pattern.format(
        county=rng.choice(COUNTIES)[1], object_title=rng.choice(EN["object"]).title(), village=village, river=river
    )


def _sentence(rng: random.Random, lang: str) -> str:
    if lang == SOURCE_LANG:
        return rng.choice(ZH_SENTENCES).format(**_zh_slots(rng))
    return rng.choice(EN_SENTENCES).format(**_en_slots(rng))


def _village(rng: random.Random) -> tuple[str, str]:
    (zh1, en1), (zh2, en2) = rng.choice(VILLAGE_FIRST), rng.choice(VILLAGE_SECOND)
    return f"{zh1}{zh2}村", f"{en1}{en2} Village"


def _person(rng: random.Random) -> tuple[str, str]:
    surname = rng.choice(SURNAMES)
    given = rng.sample(GIVEN_NAMES, k=rng.choice((1, 2, 2)))
    return surname[0] + "".join(zh for zh, _ in given), f"{surname[1]} " + "".join(en for _, en in given).capitalize()


def _number(rng: random.Random) -> int:
    return rng.choice((rng.randint(2, 99), rng.randint(100, 999), rng.randint(1000, 99999)))


def _percent(rng: random.Random) -> str:
    return f"{rng.uniform(1, 40):.1f}"


def _han_count(text: str) -> int:
    return sum(1 for char in text if "\u3400" <= char <= "\u9fff")


def _word_count(text: str) -> int:
    return len(text.split())


@dataclass(frozen=True)
class _Photo:
    file: str
    caption: tuple[str, str]
    alt: tuple[str, str]


def _photo(rng: random.Random, folder: Path, number: int) -> _Photo:
    """A landscape-like JPEG with its words in both languages: the lead photo (number 1) the same
    in every story, the other different in each."""
    (county_zh, county_en), (site_zh, site_en) = rng.choice(COUNTIES), rng.choice(SITES)
    file = f"images/photo-{number}.jpg"
    (folder / file).parent.mkdir(parents=True, exist_ok=True)
    if number == 1:
        (folder / file).write_bytes(_lead_jpeg())
    else:
        _landscape(rng, PHOTO_SIZE).save(folder / file, "JPEG", quality=70)
    return _Photo(
        file,
        (f"{county_zh}{site_zh}", f"The {site_en} in {county_en}"),
        (f"{county_zh}{site_zh}的景色", f"A view of the {site_en} in {county_en}"),
    )


@functools.lru_cache(maxsize=1)
def _lead_jpeg() -> bytes:
    buffer = io.BytesIO()
    _landscape(random.Random("bench-lead-photo"), LEAD_PHOTO_SIZE).save(buffer, "JPEG", quality=70)
    return buffer.getvalue()


def _landscape(rng: random.Random, size: tuple[int, int]) -> Image.Image:
    width, height = size
    sky = tuple(rng.randint(150, 230) for _ in range(3))
    land = tuple(rng.randint(40, 140) for _ in range(3))
    image = Image.new("RGB", size, sky)
    draw = ImageDraw.Draw(image)
    step = width // 8
    ridge = (
        [(0, height)]
        + [(x, int(height * rng.uniform(0.35, 0.7))) for x in range(0, width + step, step)]
        + [(width, height)]
    )
    draw.polygon(ridge, fill=land)
    for _ in range(rng.randint(3, 8)):
        x, y, r = rng.randrange(width), rng.randrange(height), rng.randint(width // 100, width // 24)
        draw.ellipse((x - r, y - r, x + r, y + r), fill=tuple(rng.randint(0, 255) for _ in range(3)))
    return image
