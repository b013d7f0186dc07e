"""One labelled extractor: every application field a message names, wherever it is said.

A message like "我叫孙强，身份证…，手机…，返乡农民工，项目叫湘味米粉店，餐饮业，个体户，地址长沙市岳麓区…，贷15万3年"
names many fields at once. The NLU gives the ID, phone, items, category, business type, amount and regions as
entities; this module adds what only a label or cue marks (a name after 我叫/他叫/姓名, a project after 项目叫/开个…店,
an industry ending in 业, an address with place markers, a loan term, dates of graduation and registration). It is
used for the message that starts the form, for the user's earlier turns, and for every turn inside it. A value is
taken only when its cue is there: nothing is guessed from position, so nothing lands in a field the user did not mean.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from typing import Any

import cn2an

from actions import dates
from actions.form_guard import plausible_name

SEPARATORS = re.compile(r"[，,。；;！!\n、\s]+")
# What may follow a name in a voice-style message without punctuation ("我叫刘洋然后我的电话是…").
STOP_BEFORE = (
    r"(?=[，,。；;！!、\s\d]|身份|手机|电话|号码|联系|今年|来自|住在|家住|想|要|申请|是|的|然后|那个|就是|我|在|$)"
)
NAME_CUES = (
    r"我叫|我的名字叫|我的名字是|名字叫|名字是|姓名是|姓名[:：]?|本人叫|本人|申请人叫|申请人是|申请人[:：]?"
    r"|叫做|我是|(?<!项目)(?<!店)(?<!公司)(?<!网店)(?<!门店)(?<!店铺)名叫"
)
# Cues naming someone else: in a hotline call the staff member types for the caller, so 他/她/来电人 is the
# applicant; in a user's own chat "他叫…" is somebody else (a son, a partner) and never the applicant's name.
THIRD_PERSON_CUES = r"来电人叫|来电人是|来电人[:：]?|他叫|她叫|他的名字叫|她的名字叫|对方叫|客户叫"
NAME = re.compile(rf"(?:{NAME_CUES})\s*(?P<name>[\u4e00-\u9fff·]{{2,4}}?){STOP_BEFORE}")
NAME_THIRD_PERSON = re.compile(rf"(?:{THIRD_PERSON_CUES})\s*(?P<name>[\u4e00-\u9fff·]{{2,4}}?){STOP_BEFORE}")
THIRD_PERSON = re.compile(rf"{THIRD_PERSON_CUES}|[他她](?:的)?(?:身份证|手机|电话)")
# "我姓王，叫王建国": the full name after 叫, when it starts with the surname just said.
SURNAME_THEN_NAME = re.compile(
    r"姓(?P<surname>[\u4e00-\u9fff])[，,\s]*(?:我)?叫(?P<name>(?P=surname)[\u4e00-\u9fff]{1,3}?)" + STOP_BEFORE
)
SURNAME_GIVEN = re.compile(
    r"姓(?P<surname>[\u4e00-\u9fff])[，,\s]*(?:名|名字叫|叫)(?P<given>[\u4e00-\u9fff]{1,2})(?![\u4e00-\u9fff])"
)
LEADING_NAME = re.compile(r"^(?P<name>[\u4e00-\u9fff·]{2,4})(?=[\s，,。]|\d)")
PROJECT_LABELLED = re.compile(
    r"(?:项目(?:名称|名字|名)?|店名|店铺名|门店名|名称|(?:网店|店铺|小店|店子|门店|店|馆|厂|坊|铺|吧|屋|园|场|超市|农场|餐厅|公司|工作室|作坊|合作社)"
    r"(?:的)?(?:名字|名称)?(?=叫))"
    r"(?:叫做|叫|是|为|[:：])?\s*[“\"「『]?"
    r"(?P<value>[^，,。；;“”\"」』\s]{2,30}?)[”\"」』]?"
    r"(?=[，,。；;\s]|$|行业|属于|地址|经营|开在|位于|个体|企业|合作社|身份|手机|电话|贷款|想|要|申请)"
)
PROJECT_SUFFIX = r"(?:店|馆|厂|坊|铺|行|吧|屋|园|场|中心|工作室|超市|农场|基地|工坊|餐厅|小吃|作坊|门市|商行)"
PROJECT_OPENED = re.compile(
    rf"(?:开|做|办|搞|经营)(?:了|一)?(?:个|家|间|一个|一家|一间)(?:叫)?[“\"]?(?P<value>[\u4e00-\u9fffA-Za-z0-9]{{1,14}}?{PROJECT_SUFFIX})"
    rf"(?![\u4e00-\u9fff])"
)
INDUSTRY_WORDS = (
    "餐饮|零售|批发|电商|电子商务|农业|种植|农业种植|养殖|畜牧|渔业|物流|运输|教育|培训|美容|美发|美容美发|家政|维修|"
    "制造|加工|食品加工|服装|旅游|民宿|文化|传媒|科技|软件|信息技术|互联网|手工|建筑|装修|餐饮服务|服务|汽车维修|茶叶"
)
INDUSTRY_LABELLED = re.compile(
    r"(?:所属行业|行业类别|行业)(?:是|为|属于|[:：])?\s*(?P<value>[\u4e00-\u9fff]{2,10}?)(?:行业|业)?"
    r"(?=[，,。；;\s]|$|个体|公司|企业|合作社|地址|经营|开在|位于|项目|身份|手机|电话|贷款|想|要|申请)"
)
INDUSTRY_SEGMENT = re.compile(
    rf"^(?:属于|做|搞|干)?(?P<value>(?:{INDUSTRY_WORDS})(?:行业|业)?|[\u4e00-\u9fff]{{1,6}}(?:行业|业))$"
)
# Words ending in 业 that are not an industry (创业, 毕业, 企业 …).
NOT_INDUSTRY = re.compile(r"(?:创|就|毕|失|开|营|企|专|作|事|学|结|停|歇|复|产)业$|想|要|我|了")
ADDRESS_MARKERS = re.compile(r"省|市|州|区|县|镇|乡|街道|村")
ADDRESS_DETAIL = re.compile(r"路|街|巷|号|组|村|栋|楼|弄|小区|大道|广场|大厦|市场|社区|门面|商铺")
ADDRESS_LABELLED = re.compile(
    r"(?:经营场所|经营地址|店铺地址|场所地址|详细地址|地址)(?:是|在|为|[:：])?\s*(?P<value>[\u4e00-\u9fff0-9\-]{5,60}?)"
    r"(?=[，,。；;\s]|$|想|要|申请|贷款|身份|手机|电话|项目|行业)"
)
PLACES = re.compile(
    r"^(?:湖南省?)?(?P<city>[\u4e00-\u9fff]{2,9}?(?:市|自治州|州))?(?P<county>[\u4e00-\u9fff]{1,5}?(?:区|县|市))?"
)
HOME = re.compile(r"^(?:我)?(?:家住|住在|家在|户口|户籍|老家)")
ADDRESS_PREFIX = re.compile(
    r"^(?:经营场所|经营地址|店铺地址|店面地址|场所地址|详细地址|地址|店|店铺|门面|铺子)?(?:开在|设在|位于|在|是|为|[:：])?\s*"
)
TERM = re.compile(
    r"(?:期限|贷款期|借|贷|还款期|分)[^，,。；;\d一二两三四五六七八九十]{0,4}(?P<n>\d{1,3}|[一二两三四五六七八九十]{1,3})\s*(?P<unit>年|个月)"
    r"|(?P<n2>\d{1,3}|[一二两三四五六七八九十]{1,3})\s*(?P<unit2>年|个月)期"
    r"|万元?[，,\s]*(?:分|借|贷)?(?P<n3>\d{1,2}|[一二两三四五])\s*(?P<unit3>年|个月)(?!前|后|毕业)"
)
LOAN_WORDS = re.compile(r"贷款|贷\s*\d|贷[一二两三四五六七八九十]|借款|借\s*\d")
GRADUATION = re.compile(r"毕业|毕的业")
STARTED = re.compile(r"成立|开业|注册|领(?:的|了)?执照|开了|开的|开张|营业了")
ID_CUED = re.compile(r"身份证(?:号码|号)?(?:是|为|[:：])?\s*(?P<value>[0-9XxＸｘ][0-9XxＸｘ\s-]{4,24})")
PHONE_CUED = re.compile(r"(?:手机|电话|联系方式)(?:号码|号)?(?:是|为|[:：])?\s*(?P<value>\d[\d\s-]{4,18}\d)")
ENTITY_SLOTS = ("id_number", "phone", "person_category", "business_type")


@dataclass
class Labelled:
    """Every field a message names.

    Attributes:
        values: Slot → raw value (validated by the service later).
        shown: Slot → how a normalised value is shown back (``去年毕业的 → 2025年毕业``).
        not_yet_registered: The message says the business is not registered yet.
    """

    values: dict[str, Any] = field(default_factory=dict)
    shown: dict[str, str] = field(default_factory=dict)
    not_yet_registered: bool = False


def _entity_values(entities: list[dict[str, Any]], name: str) -> list[str]:
    return [str(e["value"]) for e in entities if e.get("entity") == name]


def segments(text: str) -> list[str]:
    """The message cut at punctuation, each part stripped."""
    return [part.strip() for part in SEPARATORS.split(text) if part.strip()]


def _surname_and_name(text: str) -> str | None:
    """A name said with its surname first: 姓王名建国, 姓王叫建国, 我姓王，叫王建国."""
    if match := SURNAME_THEN_NAME.search(text):
        return match.group("name")
    if match := SURNAME_GIVEN.search(text):
        return match.group("surname") + match.group("given")
    return None


def read_name(text: str, has_numbers: bool, third_person: bool = False) -> str | None:
    """A personal name said with a cue (我叫/姓X名Y), or leading a message that gives an ID or phone.

    Args:
        text: The message.
        has_numbers: The message also gives an ID number or a phone number.
        third_person: The conversation is a hotline call, where 他叫/她叫/来电人叫 name the applicant (the caller);
            anywhere else those cues name somebody else and nothing is read from them.
    """
    if said := _surname_and_name(text):
        return said
    patterns = (NAME, NAME_THIRD_PERSON) if third_person else (NAME,)
    for match in (m for pattern in patterns for m in pattern.finditer(text)):
        if plausible_name(match.group("name")):
            return match.group("name")
    if not third_person and THIRD_PERSON.search(text):
        return None  # "他叫王刚，身份证…" in a user's own chat: someone else's details, not a name to guess
    leading = LEADING_NAME.match(text) if has_numbers else None
    if leading is not None and plausible_name(leading.group("name")):
        return leading.group("name")
    if has_numbers:  # "帮来电人办理：黄大明，身份证…": a part that is only a name, near the start
        parts = [part.strip() for part in re.split(r"[，,。；;：:\s]+", text) if part.strip()]
        return next((part for part in parts[:4] if plausible_name(part)), None)
    return None


def read_project(text: str) -> str | None:
    """A project name after 项目叫/店名 or in 开个…店."""
    for pattern in (PROJECT_LABELLED, PROJECT_OPENED):
        if match := pattern.search(text):
            return match.group("value")
    return None


def read_industry(text: str) -> str | None:
    """An industry after 行业 or a part like 餐饮业 / 零售."""
    if match := INDUSTRY_LABELLED.search(text):
        return match.group("value")
    for part in segments(text):
        if (match := INDUSTRY_SEGMENT.match(part)) and not NOT_INDUSTRY.search(match.group("value")):
            value = match.group("value")
            return value[:-2] if value.endswith("行业") else value
    return None


def read_address(text: str) -> str | None:
    """The part of a message that is an address: place markers and a road, number, village or group."""
    if (match := ADDRESS_LABELLED.search(text)) and ADDRESS_MARKERS.search(match.group("value")):
        return match.group("value")
    for part in segments(text):
        if re.search(r"\d{7,}", part) or not (ADDRESS_MARKERS.search(part) and ADDRESS_DETAIL.search(part)):
            continue
        if HOME.match(part):
            continue  # where someone lives is not where the business is
        value = ADDRESS_PREFIX.sub("", part, count=1).strip()
        if len(value) >= 5:
            return value
    return None


def places_in_address(address: str) -> list[str]:
    """Candidate city and county names written in an address (长沙市岳麓区… → 长沙市, 岳麓区), city first."""
    match = PLACES.match(address)
    return [name for name in (match.group("city"), match.group("county")) if name] if match else []


def _number(word: str) -> int | None:
    try:
        return int(cn2an.cn2an(word, "smart"))
    except ValueError:
        return None


def read_term(text: str) -> int | None:
    """The loan term in months from 期限3年 / 贷三年 / 36个月 / 3年期."""
    match = TERM.search(text)
    if not match:
        return None
    number = _number(match.group("n") or match.group("n2") or match.group("n3"))
    unit = match.group("unit") or match.group("unit2") or match.group("unit3")
    if number is None:
        return None
    return number * 12 if unit == "年" else number


def read_dates(text: str, today: date, found: Labelled) -> None:
    """Graduation year (…毕业) and business start (开业/成立/开了…) through :mod:`actions.dates`."""
    graduated = next((part for part in segments(text) if GRADUATION.search(part)), None)
    if graduated and (year := dates.graduation_year(graduated, today)) is not None:
        found.values["graduation_year"] = year.year
        found.shown["graduation_year"] = year.shown
    started = next((part for part in segments(text) if STARTED.search(part) and not GRADUATION.search(part)), None)
    if started and (start := dates.business_start(started, today)):
        if start.not_yet:
            found.not_yet_registered = True
        elif start.started_on is not None:
            found.values["business_started_on"] = start.started_on.isoformat()
            found.shown["business_started_on"] = start.shown


def read_labelled(
    text: str, entities: list[dict[str, Any]], today: date | None = None, third_person: bool = False
) -> Labelled:
    """Every field the message names with an entity or a cue.

    Args:
        text: The user's message.
        entities: The NLU's entities for it.
        today: The day relative dates count from (today by default).
        third_person: The conversation is a hotline call: 他叫/她叫/来电人叫 name the applicant (:func:`read_name`).

    Returns:
        The values found, and how dates are shown back.
    """
    found = Labelled()
    for slot in ENTITY_SLOTS:
        if values := _entity_values(entities, slot):
            found.values[slot] = values[0]
    if "id_number" not in found.values and (match := ID_CUED.search(text)):
        found.values["id_number"] = re.sub(r"[\s-]", "", match.group("value"))
    if "phone" not in found.values and (match := PHONE_CUED.search(text)):
        found.values["phone"] = re.sub(r"[\s-]", "", match.group("value"))
    has_numbers = "id_number" in found.values or "phone" in found.values
    readers = (
        ("applicant_name", lambda: read_name(text, has_numbers, third_person)),
        ("project_name", lambda: read_project(text)),
        ("industry", lambda: read_industry(text)),
        ("premises_address", lambda: read_address(text)),
        ("loan_term_months", lambda: read_term(text)),
    )
    for slot, reader in readers:
        if (value := reader()) is not None:
            found.values[slot] = value
    amounts = _entity_values(entities, "amount")
    if amounts and (LOAN_WORDS.search(text) or "额度" in text or "金额" in text):
        found.values["loan_amount"] = amounts[0]
    read_dates(text, today or date.today(), found)
    return found


def kind_of_free_text(value: str) -> str | None:
    """Which free-text field a bare answer plainly is: ``industry`` (餐饮, 零售业) or ``project_name`` (…米粉店)."""
    if (match := INDUSTRY_SEGMENT.match(value)) and not NOT_INDUSTRY.search(match.group("value")):
        return "industry"
    if re.fullmatch(rf"[\u4e00-\u9fffA-Za-z0-9]{{1,14}}{PROJECT_SUFFIX}", value):
        return "project_name"
    return None


def loan_named(text: str) -> bool:
    """The message asks for a loan in words (贷15万, 贷款, 借款) without naming the item."""
    return bool(LOAN_WORDS.search(text))
