"""A project's name said bare in a list of fields: the one part of the list that no other field took.

"打算开文具店，晓明文具，零售，个体户，娄底市娄星区青苔巷5号": the industry, the business type and the address are read
by their own cues; "晓明文具" has no cue and no shop ending, yet it is plainly the project. A part is taken only when
the message is a list (several parts, other values read), it holds no value read, no cue word, no place, no plan, no
item, no category and no industry, and it is the only such part (or the first of two, the second being its industry:
"小梅推拿，推拿按摩，…"). At the project's own step one other value read is enough ("晓明文具，零售").
"""

from __future__ import annotations

import re
from typing import Any

from actions.application.form_cues import (
    BARE_SHOP_NAME,
    INDUSTRY_SEGMENT,
    INDUSTRY_WORDS,
    NOT_INDUSTRY,
    OPENED_KINDS,
    PROJECT_SUFFIX,
    segments,
)
from actions.application.form_guard import ACKNOWLEDGEMENTS, COMMANDS, is_question, plausible_name
from actions.application.form_money import only_figure
from actions.eligibility import situation
from nlu_components.gazetteer import load_gazetteer

# Words no bare value of a list holds: cues of other fields, plans, pronouns, particles, items and categories.
NOT_A_BARE_VALUE = (
    r"我|你|[他她它]|俺|咱|叫|名字|姓|身份|号码|项目|地址|贷|借|补贴|执照|申请|办理|登记"
    r"|注册|毕业|军人|退役|农民工|失业|困难|个体|公司|企业|合作社|性质|类型|创业|首次|第一次|以前|之前|没有|还没|已经"
    r"|今年|去年|前年|明年|上个月|全部|一起|都|想|要|打算|准备|是|在|的|了|吗|呢|吧|啊|呀|嗯|哦"
    r"|谢|请|帮|麻烦|可以|不|对|来电|申请人|本人|客户|先生|女士|师傅|阿姨|个人|名义"  # "个人名义": the borrower
    r"|妹子|美女|帅哥|老板|你好"  # a vocative ("老板，…") is never a value
)
# A bare project's name holds none of them, nor a plan's verb or an industry's cue ("行业", "培训").
NOT_IN_A_BARE_NAME = re.compile(
    rf"{NOT_A_BARE_VALUE}|手机(?=号|[:：是为\s]*\d)|电话(?=号|[:：是为\s]*\d)|行业|经营|场所|培训|开|做|办|搞|弄|卖(?!部)|(?<![车商])行"
)
# A bare industry ("水电安装", "农机维修") holds none of them, nor a number of a sum, a term or an age.
NOT_IN_A_BARE_INDUSTRY = re.compile(
    rf"{NOT_A_BARE_VALUE}|手机号|电话号|没|还|[一二两三四五六七八九十百千万\d]+(?:万|年|个月|岁|号|块|元)"
    r"|^(?:搞|开|做|弄|办|干|卖)(?:了|一|个|家|间)|取名|起名|名称|字号|招牌|店名"  # a plan ("搞个农庄"), not 开锁
)
BARE_PART = re.compile(r"[\u4e00-\u9fffA-Za-z]{2,12}")
# A part ending like a business ("绿野山庄", "晓明文具店"): of two bare parts, the project's name.
SHOP_SHAPED = re.compile(rf"(?:{PROJECT_SUFFIX}|{OPENED_KINDS})$")
BARE_INDUSTRY = re.compile(r"[\u4e00-\u9fff]{2,8}")
# A part that ends like a place ("娄星区", "青苔村"): an address's, not a project's.
PLACE_ENDING = re.compile(r"(?:省|市|区|县|州|镇|乡|村|街道|路|街|巷|号|组)$")
NOT_NAME_ENTITIES = frozenset({"item", "person_category", "business_type"})
SHORTEST_UNASKED = 3  # outside the project's step a two-character part ("可以") is too easily something else
PERSON_NAME_LONGEST = 3  # a plausible personal name this short is a person's ("王芳"); "王记烧烤" is a shop's


def leftover_project(text: str, named: dict[str, Any], asked: bool = False) -> str | None:
    """The project's name said bare in a list of fields, or ``None``.

    Args:
        text: The message.
        named: The values read from it so far (slot → value).
        asked: The project's name is the step asked (one other value and two parts suffice).

    Returns:
        The one part that can only be the project's name.
    """
    parts = segments(text)
    read = [str(value) for value in named.values() if isinstance(value, str | int) and str(value)]
    known = [part for part in parts if _known(part, read)]  # parts that are other fields: the message is a list
    if len(parts) < (2 if asked else 3) or len(known) < (1 if asked else 2) or is_question(text):
        return None
    shortest = 2 if asked else SHORTEST_UNASKED
    parts = [_plan_dropped(part, read) for part in parts]  # "想开个建军家电维修": the name the plan opens
    found = [(i, part) for i, part in enumerate(parts) if len(part) >= shortest and _bare_name(part, read)]
    if len(found) == 1:
        return found[0][1]
    shops = [part for _, part in found if BARE_SHOP_NAME.match(part)]
    if len(shops) == 1:
        return shops[0]
    if len(found) == 2 and "industry" not in named:  # a name and then its industry, in the order the form asks them
        kinds = [part for _, part in found if SHOP_SHAPED.search(part)]  # unless only the second is shaped a shop
        return kinds[0] if len(kinds) == 1 else found[0][1]
    return None


# A plan opening a business said with its own name as one part of a list ("想开个建军家电维修，居民服务业，个体户").
PLAN_OPENS = re.compile(
    r"^(?:我|他|她)?(?:想|要|打算|准备|计划)?(?:开|办|搞)(?:个|家|间|一个|一家|一间)(?P<name>.{4,12})$"
)


def _plan_dropped(part: str, read: list[str]) -> str:
    """The name a plan in a list opens ("想开个建军家电维修" → 建军家电维修), or the part as it is.

    Only a name of its own: not a kind of business alone (an industry, "家电维修"), nor a value read already.
    """
    match = PLAN_OPENS.match(part)
    name = match.group("name") if match else ""
    if not name or _an_industry(name) or any(name in value or value in name for value in read):
        return part
    return name


def _known(part: str, read: list[str]) -> bool:
    """The part holds a value read, or a type, category or item the NLU's gazetteer knows ("个体户")."""
    held = any(value in part or part in value for value in read)
    return held or any(span.entity in NOT_NAME_ENTITIES for span in load_gazetteer().find(part))


def _bare_name(part: str, read: list[str]) -> bool:
    """Whether ``part`` can be nothing but a project's name said bare."""
    if not BARE_PART.fullmatch(part) or NOT_IN_A_BARE_NAME.search(part) or ACKNOWLEDGEMENTS.match(part):
        return False
    if only_figure(part):  # "十六万", "两年": the loan's amount or term
        return False
    if any(part in value or (value in part and not _owner_named(part, value)) for value in read):
        return False  # a value read already (the industry, the address, …); "黄敏童装" only holds its owner's name
    if PLACE_ENDING.search(part) or _an_industry(part) or _someone(part):
        return False
    spans = load_gazetteer().find(part)
    if any(s.entity in NOT_NAME_ENTITIES or (s.entity == "region" and s.end - s.start == len(part)) for s in spans):
        return False
    return not (len(part) <= PERSON_NAME_LONGEST and plausible_name(part))


def bare_industry(part: str, read: list[str]) -> bool:
    """Whether ``part`` can be an industry said bare in a list ("水电安装", "宠物美容").

    A few Chinese characters holding no value read, no cue, no place, no person's name, no category, item or type.
    """
    if not BARE_INDUSTRY.fullmatch(part) or NOT_IN_A_BARE_INDUSTRY.search(part) or ACKNOWLEDGEMENTS.match(part):
        return False
    if COMMANDS.search(part) or is_question(part):  # "确认提交", "多久能办好"
        return False
    if any(value in part for value in read) or PLACE_ENDING.search(part) or _someone(part):
        return False
    if NOT_INDUSTRY.search(part) or (len(part) <= PERSON_NAME_LONGEST and plausible_name(part)):
        return False  # "创业" is no industry, "王芳" a person
    spans = load_gazetteer().find(part)
    return not any(s.entity in NOT_NAME_ENTITIES or s.entity == "region" for s in spans)


def leftover_industry(parts: list[str], named: dict[str, Any]) -> str | None:
    """The industry said bare in a list whose project is read: the one part that can be nothing else, or ``None``.

    "晓明文具，个体户，娄底市娄星区青苔巷5号，文具零售批发": the project, the type and the address are read; the one
    part left is the industry.
    """
    read = [str(value) for value in named.values() if isinstance(value, str | int) and str(value)]
    known = [part for part in parts if _known(part, read)]
    if not named.get("project_name") or len(parts) < 3 or len(known) < 2:
        return None
    found = [part for part in parts if bare_industry(part, read)]
    return found[0] if len(found) == 1 else None


def _owner_named(part: str, value: str) -> bool:
    """The part is a shop's name built on a person's name read ("黄敏童装", "陈刚车行"), not that value itself."""
    return len(part) > len(value) + 1 and plausible_name(value) and part.startswith(value)


def _an_industry(part: str) -> bool:
    return bool(INDUSTRY_SEGMENT.match(part) or re.fullmatch(rf"(?:{INDUSTRY_WORDS})+", part))


def _someone(part: str) -> bool:
    """Who the person is ("普通人", "脱贫户", "刚从广州回来"), not a business."""
    plain = situation.PLAIN_PERSON.search(part) or situation.came_back(part)
    return bool(plain or situation.described_category(part) or situation.other_group(part))


def an_item(value: str) -> bool:
    """The value is one of the bundle's items by name ("还是先办个创业培训吧" names no project)."""
    return any(s.entity == "item" and s.end - s.start == len(value) for s in load_gazetteer().find(value))
