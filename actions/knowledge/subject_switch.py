"""A follow-up that changes the subject of the question before: another kind of borrower, aspect, time or place.

"换成公司呢" / "要是办公司的话呢" after "个人最多能贷多少" asks the small enterprise's limit; "时间呢" after "材料减少了
多少" asks how much the time was cut; "以前呢" the bundle's before and after; "那我们湖南呢" right after another
province's question was redirected asks that question about Hunan. :mod:`actions.knowledge.query_text` makes the
follow-up whole with these.
"""

import re

from rasa_sdk import Tracker

from actions.conversation import context, question_shape
from actions.conversation.last_answer import last_turn
from contract.labels import CHOICE_LABELS
from contract.query_length import fitted
from nlu_components.gazetteer import load_gazetteer

# "以前呢" / "现在呢": before the bundle and now. Asked alone (right after the overview), the comparison the knowledge
# base holds; after a question with the other time word, that question about this time ("以前要跑几个部门" → "现在…").
BEFORE = re.compile(r"以前|之前|原来|过去|从前|改革前|没有一件事")
NOW = re.compile(r"现在|如今|目前|改革后|有了一件事|一件事以后")
THEN_AND_NOW = {True: "以前办这些手续要多久，要跑几个部门", False: "现在办一件事能快多少，材料能少多少"}
# "换成公司呢", "要是合作社呢", "小微企业呢": the previous question asked for another kind of business or person.
SWITCH = re.compile(r"^(?:换成|换做|换作|改成|变成|如果是|要是|假如是|若是|假如|如果)")
WHO = re.compile(
    r"小微企业|有限公司|公司|企业|个体工商户|个体户|个体|合作社|网店|合伙|农民工|毕业生|大学生|退役军人|退伍军人|军人"
    r"|失业人员|困难人员|残疾人|个人"
)
# What may surround the kind in a switch ("要是办公司的话", "以公司名义贷呢", "换成开个体户"): with the kind and these
# taken away nothing is left, and the subject is that kind.
WHO_FILLERS = re.compile(
    r"的话|名义|以|用|拿|开个|开家|开一个|开|办个|办一个|办|注册个|注册|成立个|成立|搞个|搞|做个|弄个|我是|我们是|本人是|是"
    r"|成|为|贷款|贷|借钱|借|申请|来|的|呢|[，,\s]"
)
# A company, for the loan, is what the policy calls a small or micro enterprise (its own limits: 300万, 2 years).
COMPANY = re.compile(r"^(?:有限公司|公司|企业|小微企业)$")
LOAN_ASKED = re.compile(r"贷|借")
SMALL_ENTERPRISE = CHOICE_LABELS["loan_borrower"]["enterprise"]
# "那我们湖南呢", "湖南这边呢", "咱长沙有没有": the subject is Hunan (or one of its places) and nothing else.
HOME = re.compile(r"湖南省|湖南|本省|省内|咱们这边|咱这边|我们这边|我们这里|咱们这里|本地")
HOME_FILLERS = re.compile(
    r"那么|那|我们|咱们|咱|俺们|我|在|这边|那边|这里|那里|这块|省|的|呢|有吗|有没有|有不|可以吗|行吗|能办吗|能不能办|"
    r"怎么样|咋样|如何|呀|啊|吧|[？?！!。，,~～\s]"
)
# The service's redirect for another place's policy (bundle_service/knowledge/elsewhere.py, REDIRECT) names it so.
REDIRECTED = re.compile(r"(?P<place>[^，。、\s“”]{1,12}?)的政策不在我的服务范围")
MAX_HOME_FOLLOW_UP = 14


def without_then(question: str) -> str:
    """Drop the leading "那/那么" of a follow-up ("那要多久" → "要多久"): it says nothing to the search."""
    return re.sub(r"^(?:那么|那)", "", question)


def kind_switched(subject: str, before: str) -> str | None:
    """The question before for another kind, when ``subject`` is that kind said with a plan ("要是注册成公司").

    Read before any item the subject's words may name: 注册 in "注册成公司" plans the company, it asks nothing about
    the registration. ``None`` when the subject is more than a kind with a plan or condition.
    """
    return other_who(subject, before) if planned_kind(subject) else None


def planned_kind(subject: str) -> bool:
    """Whether ``subject`` is a kind of business or person said with a plan or condition ("要是注册成公司")."""
    bare = SWITCH.sub("", subject)
    kind = WHO.search(bare)
    return not (kind is None or kind.group() == bare or WHO_FILLERS.sub("", bare[: kind.start()] + bare[kind.end() :]))


def other_who(subject: str, before: str) -> str | None:
    """The question before, for another kind of business or person ("换成公司呢" after "个体户贷款最多几年").

    The kind said before is replaced; with none, the new one goes in front ("小微企业呢" after "贷款最多几年" is
    "小微企业贷款最多几年"). A kind said with a plan or a condition ("要是办公司的话", "以公司名义贷") is that kind.
    ``None`` when the subject names no such kind and switches nothing, or nothing was asked.
    """
    bare = SWITCH.sub("", subject)
    asked = question_shape.is_question(before) or bool(question_shape.HOW_MANY_UNITS.search(before))
    if not bare or not (bare != subject or WHO.search(bare)) or not asked:
        return None
    kind = WHO.search(bare)
    if kind is not None and not WHO_FILLERS.sub("", bare[: kind.start()] + bare[kind.end() :]):
        bare = kind.group()  # "要是办公司的话" → 公司
    if COMPANY.match(bare) and LOAN_ASKED.search(before):
        bare = SMALL_ENTERPRISE  # "那公司呢" after "担保贷款个人能贷多少": the small enterprise's limit
    said = WHO.search(before)
    if said is not None and said.group() != bare:
        mine = re.compile(rf"(?:我们|我|咱们|咱)?{re.escape(said.group())}")  # "我个人" → 小微企业, not 我小微企业
        return without_then(mine.sub(bare, before, count=1))
    return f"{bare}{without_then(before)}"


def other_aspect(subject: str, before: str) -> str | None:
    """The question before about another aspect ("时间呢" after "材料减少了多少"), or about another time ("以前呢")."""
    if (then_now := then_and_now(subject, before)) is not None:
        return then_now
    aspect = next((word for word in context.ASPECTS if word in before), None)
    if subject not in context.ASPECTS or aspect is None:
        return None
    return without_then(before.replace(aspect, subject, 1))


def then_and_now(subject: str, before: str) -> str | None:
    """The whole question "以前呢" / "现在呢" stands for, or ``None`` when the subject is no time word."""
    earlier, now = bool(BEFORE.fullmatch(subject)), bool(NOW.fullmatch(subject))
    if not (earlier or now):
        return None
    other = NOW if earlier else BEFORE
    if match := other.search(before):
        return fitted(
            without_then(before[: match.start()] + subject + before[match.end() :]), question_shape.is_question
        )
    return THEN_AND_NOW[earlier]


def home_named(text: str) -> str | None:
    """The Hunan place a short follow-up consists of ("那我们湖南呢" → 湖南, "长沙这边有没有" → 长沙), else ``None``."""
    if len(text) > MAX_HOME_FOLLOW_UP:
        return None
    found = HOME.search(text)
    place = found.group() if found else None
    if place is None:
        place = next((text[s.start : s.end] for s in load_gazetteer().find(text) if s.entity == "region"), None)
    if place is None or HOME_FILLERS.sub("", text.replace(place, "", 1)):
        return None
    return place


def home_again(tracker: Tracker, text: str, before: str) -> str | None:
    """The question before about Hunan, when it was redirected as another place's and ``text`` asks "湖南呢".

    "广东开店有补贴吗" got the redirect (another province's policy); "那我们湖南呢" then asks "湖南开店有补贴吗", not
    the entry points. ``None`` when the bot's previous turn was no such redirect or ``text`` names no Hunan place.
    """
    home = home_named(text)
    redirect = next((m for line in last_turn(tracker) if (m := REDIRECTED.search(line))), None)
    if home is None or redirect is None or redirect.group("place") not in before:
        return None
    place = re.escape(redirect.group("place"))
    named = home if not HOME.fullmatch(home) or home.startswith("湖南") else "湖南"  # "我们这边" → 湖南
    return fitted(re.sub(rf"{place}(?:省|市)?", named, before, count=1), question_shape.is_question)
