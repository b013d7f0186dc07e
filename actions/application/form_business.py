"""The business in a message: the project's name and its industry (its address: :mod:`form_address`).

Part of the labelled extractor (:mod:`actions.application.form_labels`): each value is taken after its cue (项目叫,
行业, 地址) or in a form that is plainly that field (…店, …业, an address with place markers), never from position
alone.
"""

from __future__ import annotations

import re

from actions.application.form_address import address_only, places_in_address
from actions.application.form_cues import (
    BARE_SHOP_NAME,
    BUSINESS_BEFORE,
    BUSINESS_CUE,
    COMPANY_NAME,
    GENERIC_BUSINESS,
    INDUSTRY_DOING,
    INDUSTRY_LABELLED,
    INDUSTRY_SEGMENT,
    INDUSTRY_WORDS,
    NAME_ENDING,
    NAME_OF_SHOP,
    NOT_A_PROPER_NAME,
    NOT_INDUSTRY,
    PROJECT_CALLED,
    PROJECT_FOUNDED,
    PROJECT_LABELLED,
    PROJECT_OPENED,
    PROJECT_RUN,
    PROJECT_SUFFIX,
    SHOP_NAME,
    SHOP_NAMED,
    TRADE_ENDINGS,
    segments,
)
from actions.application.form_leftover import an_item
from actions.application.form_name_cues import PERSON_BEFORE
from actions.application.form_names import introduces_person, speaker_named

__all__ = [  # the address is read by form_address; the form's older callers import it from here
    "address_only",
    "kind_of_free_text",
    "places_in_address",
    "project_answered",
    "read_industry",
    "read_project",
    "split_project",
]


# "项目是…"/"项目做…" describes the plan; 项目名称/店名/公司名 name it, and win when both are said.
PLAN_LABEL = re.compile(r"项目(?:就)?(?:是|为|[:：])?\s*(?:做|搞|开|卖)|项目(?:就)?是")


def read_project(text: str) -> str | None:
    """A project name, from the cue that marks it best.

    The proper name after 叫/名字定为 in a business's words first, then after 项目叫/店名, in 开个…店 or 成立…公司,
    or a registered name on its own between commas ("湘楚文化传媒有限公司，…").
    """
    if called := _called(text) or _labelled_name(text):
        return called
    for pattern in (PROJECT_LABELLED, SHOP_NAMED, PROJECT_FOUNDED, PROJECT_OPENED):
        if (match := pattern.search(text)) and _proper(_value(match)):
            return _whole(text, match)
    if run_or_shop := _run_or_shop(text):
        return run_or_shop
    parts = segments(text)
    if registered := next((part for part in parts if COMPANY_NAME.fullmatch(part) and _registered_name(part)), None):
        return registered
    if len(parts) >= 3:  # a list of fields: a part that is only a shop's name ("…，晓川快修，…")
        return next((part for part in parts if len(part) >= 4 and BARE_SHOP_NAME.match(part) and _proper(part)), None)
    return None


def _labelled_name(text: str) -> str | None:
    """The name after 项目名称/店名/公司名, before a plan after 项目是 ("项目是做社区团购，项目名称邻里鲜生")."""
    labelled = [match for match in PROJECT_LABELLED.finditer(text) if _proper(_value(match))]
    named = next((match for match in labelled if not PLAN_LABEL.match(match.group(0))), None)
    return _whole(text, named) if named else None


def _run_or_shop(text: str) -> str | None:
    """What the person runs, or a shop's name by its ending after 名字.

    "我经营的是老王烧烤" (not "经营的是餐饮", an industry); "我叫王芳，名字湘里人家".
    """
    if (run := PROJECT_RUN.search(text)) and _proper(value := _value(run)) and not _an_industry(value):
        return value
    if (shop := NAME_OF_SHOP.search(text)) and SHOP_NAME.match(value := _value(shop)) and _proper(value):
        return value
    return None


# Words said after a proper name that are no part of it: "就叫张记吧", "叫鲜果优选的网店".
TRAILING_FILLER = re.compile(r"(?:(?<![书酒网茶氧陶水琴画球冰])吧|呗|啦|呀|哈|好了|就行)$")  # not 书吧, 酒吧
KIND_AFTER_NAME = re.compile(r"^(?P<name>.{2,}?)的(?:小店|网店|店铺|门店|店|饭店|餐馆|馆子|铺子|公司|工作室|厂|摊子?)$")


def _value(match: re.Match[str]) -> str:
    """The name a project pattern matched (``value``, or ``described`` for "开个小禾果坊卖水果").

    A filler after it is dropped, and after 叫 the kind of shop too ("叫鲜果优选的网店" → 鲜果优选).
    """
    group = next((name for name in ("value", "described", "bare") if match.groupdict().get(name)), "value")
    value = TRAILING_FILLER.sub("", str(match.group(group) or ""))
    if re.search(r"叫做?[“\"「]?$", match.string[: match.start(group)]) and (kind := KIND_AFTER_NAME.match(value)):
        return kind.group("name")
    return value


PROJECT_ANSWER_CUE = re.compile(
    r"^(?:名字|店名|名称)?(?:就|准备|打算|暂定|先|那就)?(?:叫做|叫|定为|定成|取名为?|起名叫|改成|改为|换成|改叫)[“\"「]?"
)


# A plan said before the project's name at its step ("开个汽修", "我经营的是一家农家乐"): no part of the name.
PROJECT_PLAN_LEAD = re.compile(
    r"^(?:我们?|本人)?(?:就|是)?(?:想|准备|打算|计划|要|就)?"
    r"(?:(?:开|办|搞|做|弄|经营)(?:了|着)?(?:一家|一个|一间|个|家|间)|(?:经营|开|做|干|搞)的(?:是|就是)(?:一家|一个|个|家|间)?)"
)


# A bare 开 before the kind of shop ("开奶茶店", "想开米粉店"): the plan's verb when Jieba makes it a word of its own.
BARE_OPEN = re.compile(r"^(?:我们?|本人)?(?:就)?(?:想|准备|打算|计划|要)?(?=开)")
OPEN_WORDS = frozenset({"开", "了", "家", "个", "间", "一家", "一个", "一间"})  # 开了家, 开个: the plan's words


def _open_dropped(answer: str) -> str:
    """A plan's 开 before the kind of shop dropped: "开奶茶店" → 奶茶店; "开心奶茶店", "开元酒店" are names as said.

    Jieba tells the verb from a name's first word (开心, 开元, 开福区) and a measure word from a trade's (家政).
    """
    lead = BARE_OPEN.match(answer)
    if not lead:
        return answer
    import jieba  # the NLU's segmenter (its dictionary loaded once)

    words = jieba.lcut(answer[lead.end() :])
    if words[0] != "开":
        return answer
    plan = next((index for index, word in enumerate(words) if word not in OPEN_WORDS), len(words))
    rest = "".join(words[plan:])
    return rest if kind_of_free_text(rest) == "project_name" else answer


def project_answered(answer: str, cued: bool = False) -> str:
    """A project name answered at its step without the words around it: "就叫乐乐工坊吧" → 乐乐工坊.

    A remark about the name ("就用我名字吧", "还没想好") is left as said, for the guard to refuse, unless the
    words came after their cue already (``cued``: "项目名称改成乐乐工坊吧"). A plan's bare 开 before the kind of
    shop is no part of the name ("开奶茶店" → 奶茶店).
    """
    answer = _open_dropped(answer)
    name = PROJECT_ANSWER_CUE.sub("", PROJECT_PLAN_LEAD.sub("", answer, count=1), count=1).rstrip('”"」')
    cued = cued or name != answer
    name = TRAILING_FILLER.sub("", name) if cued else name
    kind = KIND_AFTER_NAME.match(name) if cued else None
    return (kind.group("name") if kind else name) or answer


def _called(text: str) -> str | None:
    """The name after 叫/名字定为/就叫 when words of a business come before it and no person does."""
    for match in PROJECT_CALLED.finditer(text):
        before = text[: match.start()]
        business = (
            BUSINESS_CUE.search(match.group(0)) or BUSINESS_BEFORE.search(before) or SHOP_NAME.match(match["value"])
        )
        person = (
            PERSON_BEFORE.search(before)
            or introduces_person(text, _value(match))  # "…，叫张伟，身份证…"
            or speaker_named(before, _value(match))  # "…，我是牵头人，叫雷满仓"
        )
        if business and not person and _proper(_value(match)):
            return _whole(text, match)
    return None


def _an_industry(value: str) -> bool:
    """An industry rather than a business's name ("餐饮", "种植业", "卖水果的").

    Also a business's kind said with 的 (卖水果的) or a value holding a verb of a plan.
    """
    industry = INDUSTRY_SEGMENT.match(value) and not NOT_INDUSTRY.search(value)
    return bool(industry or re.search(rf"^(?:{INDUSTRY_WORDS})|的$|^(?:卖|做|搞|干)", value))


def _registered_name(part: str) -> bool:
    """A registered name said on its own ("湘楚文化传媒有限公司"), not a plan ("准备注册一家有限公司")."""
    return _proper(part) and not re.search(r"准备|打算|注册|成立|想|要|开办|创办|申请|一家|一个", part)


def _proper(value: str) -> bool:
    """A proper name, not a remark ("还没想好"), only a kind of business ("有限公司") nor an item ("创业培训")."""
    return (
        bool(value)
        and not NOT_A_PROPER_NAME.search(value)
        and not GENERIC_BUSINESS.fullmatch(value)
        and not an_item(value)
    )


def _whole(text: str, match: re.Match[str]) -> str:
    """The name a cue matched, with the rest of a registered name its pattern stopped before (…合作社, …有限公司)."""
    ending = NAME_ENDING.match(text[match.end() :])
    return _value(match) + (ending.group(0) if ending else "")


def split_project(project: str) -> tuple[str, str | None]:
    """A project glued to its industry in dictation ("红梅裁缝铺服装加工" → 红梅裁缝铺, 服装加工; "王记米粉餐饮业")."""
    match = re.match(rf"(?P<project>.+?{PROJECT_SUFFIX})(?P<rest>[\u4e00-\u9fff]{{2,8}})$", project)
    if match and re.search(INDUSTRY_WORDS, match.group("rest")) and not NOT_INDUSTRY.search(match.group("rest")):
        return match.group("project"), match.group("rest")
    # an industry said with 业/行业 right after the name: never part of the name
    match = re.match(
        rf"(?P<project>[\u4e00-\u9fffA-Za-z0-9]{{2,}}?)(?P<rest>(?:{INDUSTRY_WORDS})(?:行业|业))$", project
    )
    if match and not NOT_INDUSTRY.search(match.group("rest")):
        return match.group("project"), match.group("rest")
    return project, None


# An industry word glued to the business type by voice ("就是餐饮个体户", "做零售的个体户"): the industry.
INDUSTRY_BEFORE_TYPE = re.compile(
    rf"(?<![\u4e00-\u9fff])(?:就是|是|做|搞)?(?P<value>(?:{INDUSTRY_WORDS}){{1,2}})(?:的)?(?=个体工商户|个体户)"
    rf"|(?:就是|是|做|搞)(?P<glued>(?:{INDUSTRY_WORDS}){{1,2}})(?:的)?(?=个体工商户|个体户)"
)


def read_industry(text: str) -> str | None:
    """An industry after 行业 or a part like 餐饮业 / 零售, or glued before the business type (…就是餐饮个体户)."""
    if match := INDUSTRY_LABELLED.search(text):
        return re.sub(r"(?<=..)的$", "", match.group("value"))  # "农业种蔬菜的" → 农业种蔬菜
    if match := INDUSTRY_DOING.search(text):
        return match.group("value")
    if match := INDUSTRY_BEFORE_TYPE.search(text):
        return match.group("value") or match.group("glued")
    for part in segments(text):
        if (match := INDUSTRY_SEGMENT.match(part)) and not NOT_INDUSTRY.search(match.group("value")):
            value = match.group("value")
            return value[:-2] if value.endswith("行业") else value
    return None


# A trade said where the project's name is asked ("水果", "卖水果的", "做奶茶的", "奶茶这块"): the trade, no name.
TRADE_ONLY = re.compile(
    rf"^(?:就是|是|我们?是?)?(?:卖|做|搞|干|开|弄)?(?P<trade>(?:{INDUSTRY_WORDS}|{TRADE_ENDINGS}){{1,2}})"
    r"(?:的|这块|这一块|这行|这一行|生意|买卖)?(?:吧|啊|呀|呢)?$"
)


def trade_only(value: str) -> str | None:
    """The trade a bare answer names instead of a name ("卖水果的" → 水果, "奶茶" → 奶茶), or ``None``."""
    match = TRADE_ONLY.match(value.strip(" 。.，,！!"))
    return match.group("trade") if match and not NOT_INDUSTRY.search(match.group("trade")) else None


def kind_of_free_text(value: str) -> str | None:
    """Which free-text field a bare answer plainly is: ``industry`` (餐饮, 零售业) or ``project_name`` (…米粉店)."""
    if (match := INDUSTRY_SEGMENT.match(value)) and not NOT_INDUSTRY.search(match.group("value")):
        return "industry"
    if re.fullmatch(rf"[\u4e00-\u9fffA-Za-z0-9]{{1,14}}{PROJECT_SUFFIX}", value):
        return "project_name"
    return None
