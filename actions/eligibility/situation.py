"""What a message says about the person's situation: category, graduation year, business start, first start-up.

Used by an item-specific question ("我2019年毕业的还能领补贴吗") and to seed the eligibility form. Dates and
durations go through :mod:`actions.steps.dates` (JioNLP); the words shown back say how each was read.
"""

import re
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from actions.application.form_cues import UNIVERSITY_GRADUATE
from actions.eligibility import first_start
from actions.eligibility.loans_owed import business_loans, loans_shown
from actions.eligibility.negation import negated_at, not_negated
from actions.eligibility.what_is_asked import SELF, WHAT_FITS
from actions.steps import dates
from nlu_components.gazetteer import DEFAULT_DIRECTORY, read_entity_file

# "我就是普通老百姓，没什么特殊身份": the person says they belong to no group; read also in a message full of fields.
PLAIN_PERSON = re.compile(
    r"普通人|一般人|老百姓|普通群众|普通百姓|普通居民|没(?:有|什么|啥)特殊身份|没(?:有|什么|啥)特别的?身份"
    r"|(?:普通|一般)的?(?:农民|村民|市民|工人|打工的|上班的|上班族)(?!工)"  # "种地的普通农民": a trade, no group
)
# "都不是，就普通人": none of the listed groups, i.e. the category "other".
NONE_OF_THEM = re.compile(
    r"都不是|都不属于|都不算|哪类都不|哪个都不|以上都不|以上皆不|啥也不是|啥都不是|什么都不是"
    r"|不属于(?:这些|上面)|都挨不上|都沾不上|都不沾|都不搭边|都对不上|都不符合|都不占|都不靠"
    # "不是什么大学生也不是退伍的", "既不是…也不是…": listed groups denied one after the other
    r"|(?:既|又)?不是(?:什么)?[^，,。；;！!？?]{1,10}?[，,、\s]?也不是|" + PLAIN_PERSON.pattern
)
GRADUATION = re.compile(r"毕业")
# "铺子还没开起来", "门面去年开的": the shop named by its everyday word is a business too.
BUSINESS = re.compile(
    r"开了|开的|开业|开张|开店|注册|成立|营业|经营|执照|办的店|干了|做了|店|铺子|门面|档口|摊子|公司|办了|开办"
)
# A plan to start up with no business named ("还没找工作 想自己干", "打算出来创业"): with the person described,
# nothing runs yet (尚未成立).
PLANS_TO_START = re.compile(
    r"(?<![不没别])(?:想|打算|准备|计划)(?:着)?(?:自己|出来|回来)?(?:干|单干|创业|闯一闯|做生意|当老板)"
)
# Working for someone ("在电子厂干了二十年", "在工地上做了三年", "打工五年"): how long the person worked, not how long
# a business of theirs has run. Words of their own business (店, 开业, 注册 …) in the clause make it a business again.
EMPLOYED = re.compile(
    r"厂|工地|打工|上班|务工|做工|干活|打零工|车间|流水线|单位|上岗|工作|当兵|服役|部队|给人|帮人|替人|老板手下|在外"
    r"|在.{1,10}?(?:干了|做了|待了|呆了)"
)
OWN_BUSINESS = re.compile(r"店|铺|摊|开业|开张|开了|注册|成立|执照|营业|经营|生意|自己干|自己做|自己开|个体|门面|档口")
SHORT = 10  # a clause this short is shown back in the user's words ("开了半年 → 约2026年6月成立")
CLAUSES = re.compile(r"[，,。；;！!？?\s]+")


@dataclass
class Situation:
    """The profile fields a message states, and how each was read (shown back to the user).

    Attributes:
        profile: Fields for ``POST /api/v1/eligibility`` (``person_category``, ``graduation_year`` …).
        shown: The user's words and their reading, e.g. ``开了半年 → 约2026年6月成立``.
    """

    profile: dict[str, Any] = field(default_factory=dict)
    shown: list[str] = field(default_factory=list)


def _hunan_places() -> str:
    """Every name of a Hunan place the region gazetteer matches (醴陵, 衡阳县, 湘西州 …), longest first, as a regex."""
    names = {name for aliases in read_entity_file(DEFAULT_DIRECTORY / "region.yml").values.values() for name in aliases}
    return "|".join(re.escape(name) for name in sorted(names | {"湖南"}, key=len, reverse=True))


HUNAN_PLACE = _hunan_places()
# Back to a Hunan place or home ("回醴陵了", "回到衡阳县", "回了老家"); a bare 回家 is every evening's word.
BACK_HOME = rf"回(?:来|到|了|去)?(?:{HUNAN_PLACE})|回来|回老家|回乡|返乡|回村|回到老家|回了老家|回家乡"
# Worked elsewhere and came back ("在深圳打了八年工回醴陵了", "在外务工多年，回到攸县"): the category itself.
# Only having been elsewhere ("从外省回来") is a hint (:func:`came_back`): a returning student says the same.
WORKED_AWAY = r"在外|厂|工地|打工|打.{1,6}工|务工|上班|上.{1,6}班|农民工"
# A category described rather than named: "在浙江厂里干了好些年，今年回老家" is a returning migrant worker.
DESCRIBED = (
    (
        "returning_migrant_worker",
        re.compile(rf"(?:{WORKED_AWAY}).{{0,16}}?(?:{BACK_HOME}|回家)|回乡创业|返乡创业|回老家创业"),
    ),
    # "转业回来两年了", "复员三年", "从部队回来": left the army, said in passing ("转业务" is no army word)
    (
        "veteran",
        re.compile(r"退伍|退役|当过兵|从部队|部队(?:里|上)?(?:退|回|下来|出来)|转业(?!务)|复员|服完兵役|兵役期满"),
    ),
    # "下岗在家好几年了，登记过失业": said in passing, not by the category's name
    ("registered_unemployed", re.compile(r"下岗|登记(?:过|了)?失业|失业登记|失业在家|待业在家|失业(?:好几|多|几)年")),
)


# The rarer groups of the category "other", described ("我开网店的", "我家是脱贫户"): the loan is open to them.
OTHER_GROUPS = (
    ("online_merchant", re.compile(r"网店|网商|电商|淘宝店|拼多多|抖音小店|快手小店|直播带货|网上开店|网上卖")),
    ("poverty_alleviated", re.compile(r"脱贫户|脱贫人口|贫困户|建档立卡")),
    ("released_prisoner", re.compile(r"刑满释放|出狱|坐过牢|服刑")),
)


def other_group(text: str) -> str | None:
    """The group of the category "other" a message describes (开网店的 → online merchant), or ``None``."""
    return next((code for code, pattern in OTHER_GROUPS if pattern.search(text)), None)


def category(entities: list[dict[str, Any]], text: str) -> str | None:
    """The person category the message names (an entity) or describes, or ``other`` for "none of these".

    A group denied ("不算失业的") names none; :func:`read` takes groups that are all denied for "other".
    """
    entities = not_negated(text, entities) if text else entities
    named = next((str(e["value"]) for e in entities if e.get("entity") == "person_category"), None)
    if named:
        return named
    if NONE_OF_THEM.search(text):
        return "other"
    return described_category(text) or ("other" if other_group(text) else None)  # a bare "脱贫户": 其他 with its group


def denied_groups(text: str, entities: list[dict[str, Any]]) -> bool:
    """Whether the message denies a group ("既没下岗也不是退役军人", "不是大学生、也不算困难人员")."""
    named = any(e.get("entity") == "person_category" for e in entities)
    return (named and len(not_negated(text, entities)) < len(entities)) or any(p.search(text) for _, p in DESCRIBED)


# Words saying the group is the person's own, also inside a question ("我是退役军人，能贷多少", "我属于就业困难人员").
OWN_GROUP = re.compile(r"我是|本人是|我属于|我就是|我家是|我们家是|来电人是|(?<!其)[他她]是")
ASKING = re.compile(
    r"[?？]|吗|么$|呢$|什么|啥|哪|是指|指的是|意思|包括|算不算|属不属于|是不是|怎么算|咋算|怎么界定|定义"
)


def stated_part(text: str) -> str:
    """The clauses of a message that state something rather than ask ("退役军人，要交什么材料吗" → 退役军人).

    A group named only inside a question ("什么叫就业困难人员", "其他是指哪些人", "我算不算返乡农民工") is asked about,
    not said to be the person's; a question with the person's own words ("我是退役军人能贷多少") still states it.
    """
    if OWN_GROUP.search(text):
        return text
    return "，".join(part for part in CLAUSES.split(text) if part and not ASKING.search(part))


def asked_groups_dropped(
    text: str, entities: list[dict[str, Any]], values: dict[str, Any], keys: tuple[str, str, str]
) -> None:
    """Remove from ``values`` a category, group or business type the message names only inside a question.

    Args:
        text: The message.
        entities: Its entities.
        values: The values read from it, changed in place.
        keys: The keys of the category, the group and the business type in ``values``.
    """
    stated = stated_part(text)
    if stated == text:
        return
    kept = group_entities(text, entities)
    category_key, group_key, type_key = keys
    if category(kept, stated) is None and not UNIVERSITY_GRADUATE.search(stated):
        values.pop(category_key, None)
    if other_group(stated) is None:
        values.pop(group_key, None)
    if not any(e.get("entity") == "business_type" for e in kept):
        values.pop(type_key, None)


def group_entities(text: str, entities: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The entities, without a category or business type named only inside a question (see :func:`stated_part`)."""
    stated = stated_part(text)
    if stated == text:
        return entities
    return [
        e
        for e in entities
        if e.get("entity") not in ("person_category", "business_type")
        or (isinstance(e.get("start"), int) and str(text[int(e["start"]) : int(e["end"])]).strip() in stated)
    ]  # a span may hold the space after it ("… 其他 项目…"), which stated_part turns into a comma


# Studied elsewhere and came back ("在外面读了四年书回来了"): no migrant worker, no veteran.
STUDIED = re.compile(r"读|念书|上学|留学|大学|学校|毕业")
# Came back from elsewhere to Hunan or home, without saying work ("从福建回到衡阳县", "刚从外地回来", "回老家了"):
# a hint that the person may be a returning migrant worker, offered at the category step, never set silently (D2).
CAME_BACK = re.compile(
    rf"从[^，,。；;？?！!]{{1,10}}?(?:{BACK_HOME}|回家)|回(?:到|了)(?:{HUNAN_PLACE})|回(?:到|了)?(?:老家|家乡)|回乡|返乡"
)


def came_back(text: str) -> bool:
    """Whether a message says the person came back home from elsewhere, without naming or describing a category.

    "从福建回到衡阳县，打算开个早餐铺" → True; "在深圳打了八年工回醴陵了" (the category itself) and a denied return
    ("没回老家") → False.
    """
    if described_category(text) is not None:
        return False
    return any(not negated_at(text, m.start()) for m in CAME_BACK.finditer(text))


def described_category(text: str) -> str | None:
    """The category a description implies (打工多年回老家 → returning migrant worker), or ``None``.

    A description denied ("没下岗", "也不是退伍的") implies nothing.
    """
    return next(
        (
            code
            for code, pattern in DESCRIBED
            if any(not negated_at(text, m.start()) and not STUDIED.search(m.group()) for m in pattern.finditer(text))
        ),
        None,
    )


# A change to a company already registered ("公司法人变更要啥材料", "股东退出怎么办", "注销公司要多久"): not part of the
# bundle (it registers a new business); the knowledge base declines it, never an eligibility verdict.
COMPANY_CHANGE = re.compile(
    r"(?:股东|法人|法定代表人|注册资本|经营范围|公司名称|监事|董事)[^，,。；;？?]{0,4}(?:变更|更换|换人|转让|退出|改)"
    r"|增资|减资|股权转让|注销|吊销|(?:公司|企业|个体户?|执照)[^，,。；;？?]{0,4}(?:变更|迁移|迁址)"
)


def is_business(clause: str) -> bool:
    """Whether a clause speaks of the person's own business (开了一年半), not of a job (在电子厂干了二十年)."""
    if not BUSINESS.search(clause) or COMPANY_CHANGE.search(clause):
        return False  # "公司股东要变更": a change to a company, no start date of one's own
    return not EMPLOYED.search(clause) or bool(OWN_BUSINESS.search(clause))


def first_time(text: str) -> bool | None:
    """Whether the message says this is the first start-up, or ``None`` (:mod:`actions.eligibility.first_start`)."""
    return first_start.first_time(text)


def read(text: str, entities: list[dict[str, Any]], today: date) -> Situation:
    """The situation stated in one message.

    Args:
        text: The user's message.
        entities: The NLU's entities for it.
        today: The day relative words ("去年", "半年前") count from.

    Returns:
        The fields found (possibly none) with the readings to show back.
    """
    found = Situation()
    if person := category(entities, text):
        found.profile["person_category"] = person
    if found.profile.get("person_category") in (None, "other") and (group := other_group(text)):
        found.profile.update(person_category="other", other_category=group)
    for clause in (c for c in CLAUSES.split(text) if c):
        _read_clause(clause, today, found)
    # "我硕士今年毕业 想自己干": the person described with a plan, so no business runs yet ("想创业" alone says nothing)
    described = "person_category" in found.profile and not {"business_started_on", "has_licence"} & set(found.profile)
    if described and (plan := PLANS_TO_START.search(text)):
        found.profile["has_licence"] = False
        found.shown.append(f"{plan.group()} → 尚未成立")
    if (first := first_time(text)) is not None:
        found.profile["first_time_founder"] = first
    if "person_category" not in found.profile and denied_groups(text, entities):
        found.profile["person_category"] = "other"  # every group named is denied: the rules say who else qualifies
    return found


def _read_clause(clause: str, today: date, found: Situation) -> None:
    """One clause's fact: unpaid business loans, the graduation year, or the business's start (the first of each)."""
    if (owes := business_loans(clause)) is not None:
        if "other_business_loans" not in found.profile:
            found.profile["other_business_loans"] = owes
            found.shown.append(f"{clause} → {loans_shown(clause, owes)}")
    elif GRADUATION.search(clause) and "graduation_year" not in found.profile:
        if year := dates.graduation_year(clause, today):
            found.profile["graduation_year"] = year.year
            found.shown.append(year.shown if len(clause) <= SHORT else year.text)
            if "person_category" not in found.profile:
                found.profile["person_category"] = "college_graduate"
    elif is_business(clause) and "business_started_on" not in found.profile:
        start = dates.business_start(clause, today)
        if start is None:
            return
        if start.started_on is None:
            found.profile["has_licence"] = False
        else:
            found.profile["business_started_on"] = start.started_on.isoformat()
        found.shown.append(start.shown if len(clause) <= SHORT else start.described)


def asks_what_fits(text: str, entities: list[dict[str, Any]], today: date) -> bool:
    """Whether the person describes themselves and asks what support fits them ("退伍三年了，有什么扶持").

    The rules' verdict answers it (the eligibility router), not a search: "退役军人有哪些优惠" with no word of
    the person asks the policy in general.
    """
    if not WHAT_FITS.search(text) or not read(text, entities, today).profile.get("person_category"):
        return False
    named = any(e.get("entity") == "person_category" for e in entities)
    return bool(SELF.search(text)) or not named
