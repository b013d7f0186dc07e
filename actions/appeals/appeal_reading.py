"""What a message says for the complaint form (诉求): what happened, where and when, an application, a phone.

One long message ("昨天上午在岳麓区政务服务中心3号窗口办执照，工作人员态度很差，让我跑了三趟，电话13912345678")
fills every field it names; the form asks only for the rest. Times are read by JioNLP through
:mod:`actions.steps.dates` (the same reader as the application form's dates) and shown back with the day they mean.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from actions.conversation.question_shape import is_question
from actions.progress.progress import FULL_ID, LAST6, NUMBER, NUMBER_LIKE
from actions.steps import dates
from contract.masking import mask_phone
from contract.phones import PHONE_IN_TEXT

APPEAL_NUMBER = re.compile(r"SQ\s*\d{14}", re.IGNORECASE)
# "我要投诉", "想反映个问题", "提个诉求": the request itself, not what happened.
OPENING = re.compile(
    r"^(?:你好|您好|喂)?[，,\s]*(?:我|我们|本人)?(?:就是|只是|就)?(?:要|想|想要|得|必须|需要|来)?"
    r"(?:投诉|举报|反映|反应|(?:提|有|想提)(?:个|一个|一下|一点|点|几个|几条|一条|条)?(?:小)?(?:诉求|意见|建议)|"
    r"登记(?:一下)?(?:投诉|诉求)?|诉求)"
    r"(?:一下|个问题|一个问题|一个情况|个情况|下)?(?:是)?[，,：:。！!\s]*"
)
# The words around a phone or a number said on its own ("我的联系电话是…", "申请编号…"): no story of what happened.
VALUE_WORDS = re.compile(
    r"[\dXx*＊\s-]+|我的?|联系|电话|手机|号码|号|方式|身份证|后六位|后6位|编号|申请|是|为|CY|SQ|[:：，,。！!]"
)
FILLER = re.compile(r"^(?:你们|你|一下|这个|那个|的|了|呢|吧|啊|，|,|。|！|!|\s)*$")
MIN_DESCRIPTION = 5  # characters left after the opening words: "窗口态度差" is a description, "你们" is not
PLACE = re.compile(
    r"(?:[\u4e00-\u9fff\d]{0,12}?(?:政务服务中心|政务中心|政务大厅|服务大厅|办事大厅|市民之家|市民中心|人社局|税务局|"
    r"市场监管局|行政审批局|营业厅|银行|社区|街道办?|服务站|服务中心)(?:[\u4e00-\u9fff\d]{0,6}?(?:号窗口|窗口|楼))?"
    r"|[\u4e00-\u9fff]{0,6}?\d+号窗口|湘易办(?:App|APP|小程序)?|小程序|网上|网站|12345热线|热线电话"
    r"|(?<=在)[\u4e00-\u9fff]{1,6}?(?:区|县|市)(?=办|那边|那里|的))"  # "在开福区办的": the county is the place
)
# A time the user demands something by ("今天就要弄好", "明天之前必须给我答复", "这周内得解决"): not when it happened.
DEMAND_AFTER = re.compile(
    r"(?:之前|以前|前|之内|以内|内|为止)?[^，,。！!？?]{0,3}?(?:就要|一定要|必须|务必|得|要|需要|能|给我)"
    r"[^，,。！!？?]{0,5}?(?:弄好|办好|办完|办结|办下来|弄完|处理|解决|答复|回复|回电|搞定|批下来|批|到账|落实|说法|交代|结果)"
)
DEMAND_BEFORE = re.compile(r"(?:最晚|最迟|务必|必须|限|截至|截止)$")
CORRECTION_CUE = re.compile(r"^(?:地点|时间|地方|日期)?(?:改成|改为|换成|应该是|应为|是|为)")
NOT_REMEMBERED = re.compile(r"记不清|不记得|忘了|记不住|不清楚|说不清|想不起")
NO_APPLICATION = re.compile(r"没有|无关|不涉及|没关系|不是申请|没申请|没有编号|不是|没")
ABOUT_APPLICATION = re.compile(r"申请|办件|审批|审核|受理|进度|材料|补贴|贷款|执照|登记|证|培训|孵化|纳税|社保|养老")
PHONE = PHONE_IN_TEXT
# Saying there is no application to link ("我没有编号", "没申请过", "跟申请没关系"): the number is not asked.
NO_NUMBER = re.compile(
    r"没有?(?:申请|办件)?编号|编号(?:也|都)?没有|没(?:有)?(?:申请|办)过|还没(?:有)?(?:申请|提交)|"
    r"(?:不|没|没有)涉及(?:任何|具体|什么|哪个)?的?(?:申请|办件)|"
    r"(?:和|跟|与)(?:任何|具体|什么|哪个)?的?(?:具体)?(?:申请|办件)(?:都|也)?(?:无关|没关系|没有关系|不相关)|"
    r"编号.{0,6}(?:想不起|记不得|记不清|忘了).{0,6}(?:不关联|不用关联|不挂)|不关联|不用挂|不挂|"
    r"(?:不用|无需|不需要|不必|别|不要)(?:再|去)?关联|"  # "办件不用关联了"
    r"(?:申请|办件)?(?:编号|号码|号)(?:我|俺)?(?:也|都)?(?:想不起|记不得|记不清|忘了|不记得)|"  # "申请号码想不起来了"
    r"(?:不|没|没有)涉及(?:任何|具体|什么|哪个)?的?(?:申请|办件)?编号|"
    r"(?:和|跟|与)(?:我的?)?(?:申请|办件)(?:都|也)?(?:不相干|不相关|无关|没关系|没有关系|没啥关系)|"
    r"(?:没有|没|无)(?:什么|任何|具体的?|相关的?)?办件|不关(?:办件|申请)的?事"  # "没有办件", "不关办件的事"
)
# Leaving the category to the bot ("类别随便归", "归哪类都行", "分类你们定"): a clause naming the category and
# saying any will do. The proposal the service makes stands; nothing about the category is asked.
CATEGORY_WORD = re.compile(r"类别|分类|哪类|哪一类|什么类|归类|归哪|哪个类")
ANY_WILL_DO = re.compile(r"随便|都行|都可以|都成|无所谓|不用管|不管|你们?(?:来|帮我)?(?:定|看着办|选|决定|说了算)")
CLAUSE = re.compile(r"[^，,。；;：:！!？?\s]+")  # "投诉：…" ends its clause at the colon
# A message that opens by complaining ("投诉，补贴一个月没消息", "来电人反映窗口不讲差哪样材料", "举报一下…").
OPENS_COMPLAINT = re.compile(
    r"^(?:你好|您好|喂)?[，,\s]*(?:来电人|来电群众|客户|对方|群众|老乡|他|她)?(?:说|讲)?(?:我|我们|本人)?(?:就是|就)?"
    r"(?:要|想|想要|来)?(?:投诉|反映|举报)"
)
# What someone would not say ("不讲还差哪样", "也没说要什么"): told of, not asked.
NOT_TOLD = re.compile(r"(?:不|没|没有)(?:肯|愿意)?(?:讲|说|告诉|交代|解释|讲清楚|说清楚|讲明白|说明白)[^，,。；;？?]*")
MIN_OPENING_REST = 3  # "投诉一下", "反映个问题": no more than the opening words in the first clause
# A reproach in a question's shape inside a story ("你们不是说三天就好吗", "不是讲好了当场办吗"): told, not asked.
RHETORICAL = re.compile(
    r"(?:你们|窗口|他们|她们|他|她|工作人员)?(?:不是|不是都)(?:说|讲|答应|承诺|告诉我|保证)(?:过|了|好了|好的)?"
    r"[^，,。；;？?！!]{1,24}?(?:吗|嘛|么)"
)
# Words right after the opening that a question about complaints begins with: an unpunctuated voice complaint is
# judged by them ("投诉一般几天有答复" asks), not by a question deep inside its story.
OPENING_WORDS = 12
LONG_STORY = 20  # characters of one clause after the opening: a story told without punctuation, not a question
# No complaint meant ("我不是要投诉", "算了不投诉了", "没要投诉"; not "之前没投诉过"), whatever the intent.
NOT_MEANT = re.compile(
    r"(?:(?:不是|没|没有|没说|不想|不用|不要|不)(?:要|想)?(?:投诉|登记投诉|反映问题)|投诉.{0,2}不用了)(?!过)"
)


@dataclass
class AppealReading:
    """The complaint fields one message names.

    Attributes:
        values: Slot → value (``appeal_description``, ``appeal_place_time``, ``appeal_application``,
            ``appeal_id_last6``, ``appeal_contact``).
        shown: Slot → how a normalised value is shown back (``昨天上午 → 12月4日上午``).
        any_category: The category is left to the bot ("类别随便归").
        no_application: The message says there is no application to link ("我没有编号").
        demand: The time the user demands it done by, as said ("今天就要弄好"): never where and when it happened.
    """

    values: dict[str, Any] = field(default_factory=dict)
    shown: dict[str, str] = field(default_factory=dict)
    any_category: bool = False
    no_application: bool = False
    demand: str | None = None


def tells_a_complaint(text: str) -> bool:
    """Whether the message opens by complaining and goes on to tell what happened.

    "来电人反映在窗口交材料，工作人员也不讲还缺哪样" is a complaint although a clause asks something; "投诉一般几天有
    答复", "反映问题找哪个部门" or "投诉的话要多久" ask about complaints (their first clause asks, or is a condition).
    A voice complaint without punctuation ("我想投诉我上个月交的材料你们不是说三天就好吗到现在没动静") is one long
    clause: a reproach in a question's shape inside it (不是说…吗) is told, and only the words right after the
    opening are judged as a question.

    """
    opening = OPENS_COMPLAINT.search(text)
    if not opening:
        return False
    first, *rest = CLAUSE.findall(RHETORICAL.sub("", NOT_TOLD.sub("", text))) or [""]
    judged = first[: opening.end() + OPENING_WORDS] if len(first) - opening.end() > LONG_STORY else first
    if is_question(judged) or first.endswith("的话") or first.endswith("时"):
        return False
    # "反映一下，补贴什么时候发": only the opening words, then only questions
    return len(first) - opening.end() > MIN_OPENING_REST or any(not is_question(clause) for clause in rest)


def any_category(text: str) -> bool:
    """Whether the message leaves the category to the bot ("类别随便归", "归哪类都行")."""
    return any(CATEGORY_WORD.search(c) and ANY_WILL_DO.search(c) for c in CLAUSE.findall(text))


def leaves_it_to_the_bot(text: str) -> bool:
    """Only "随便", "都行", "你定吧": at the summary, the category proposed stands."""
    return bool(ANY_WILL_DO.fullmatch(text.strip(" 吧啊呀了哈。！!，,")))


def _without_category_remark(text: str) -> str:
    """The message without its remark about the category ("类别随便归"): no part of what happened, nor a place."""
    clauses = CLAUSE.findall(text)
    kept = [c for c in clauses if not (CATEGORY_WORD.search(c) and ANY_WILL_DO.search(c))]
    return text if len(kept) == len(clauses) else "，".join(kept)


def description(text: str) -> str | None:
    """What happened: the message without its opening words ("我要投诉，"), when something is left to tell.

    A phone number in it is masked: the phone is the contact field's, shown to staff only when they need it.
    """
    rest = OPENING.sub("", text.strip(), count=1).strip(" ，,。！!")
    if len(rest) < MIN_DESCRIPTION or FILLER.match(rest) or len(VALUE_WORDS.sub("", rest)) < MIN_DESCRIPTION - 1:
        return None  # nothing to tell besides a phone or a number ("我电话是139…"): that goes to its own step
    return PHONE.sub(lambda m: mask_phone(m.group(1)), rest)


def demanded(text: str, today: date) -> str | None:
    """The time the user demands the matter settled by, with the demand ("今天就要给我弄好"), or ``None``."""
    for reading in dates.read_jionlp(text, today):
        if (span := _demand_span(text, reading, today)) is not None:
            return span
    return None


def _demand_span(text: str, reading: dates.Reading, today: date) -> str | None:
    """The words of a demand around ``reading`` ("今天就要给我弄好"), when the time is one; ``None`` otherwise."""
    start = text.find(reading.text)
    if start < 0:
        return None
    end = start + len(reading.text)
    after = DEMAND_AFTER.match(text, end)
    if after:
        return text[start : after.end()]
    future = reading.first is not None and reading.first > today
    if DEMAND_BEFORE.search(text[max(0, start - 2) : start]) or future:
        return reading.text  # "最晚后天", "明天": a time still to come is no time it happened
    return None


def place_time(text: str, today: date) -> tuple[str, str] | None:
    """Where and when, as said (``昨天上午，岳麓区政务服务中心``), and as shown back with the day meant.

    A time demanded ("今天就要弄好", "明天之前给我答复") is not when it happened.
    """
    match = PLACE.search(text)
    place = re.split(r"[在到去于，,]", match.group(0))[-1] if match else None  # "昨天上午在…"
    place = CORRECTION_CUE.sub("", place) if place else None  # "地点改成…"
    # "现在怎么办", "目前还没人管": the moment of speaking, never when it happened
    readings = [
        r
        for r in dates.read_jionlp(text, today)
        if r.first is not None and not dates.SPEAKING_NOW.fullmatch(r.text) and _demand_span(text, r, today) is None
    ]
    when = readings[0] if readings else None
    if not place and when is None:
        return None
    said = "，".join(p for p in (when.text if when else None, place) if p)
    if when is not None and when.first is not None and when.first == when.last:
        day = f"{when.first.month}月{when.first.day}日"
        shown_when = when.text if day in when.text else f"{when.text}（{day}）"
        return said, "，".join(p for p in (shown_when, place) if p)
    return said, said


def application_number(text: str, entities: list[dict[str, Any]]) -> str | None:
    """A CY application number in the message (entity or pattern), upper case without spaces."""
    entity = next((str(e["value"]) for e in entities if e.get("entity") == "application_id"), None)
    match = NUMBER.search(text)
    raw = entity or (match.group(0) if match else None)
    return re.sub(r"\s", "", raw).upper() if raw else None


def the_application(number: object) -> str:
    """The user's own application said back without its full number: "您的申请（尾号1234）".

    A complaint or a rating names an application the user sent; its full number is theirs, and said back in full it
    reads like a new filing. Only the last 4 characters are shown.
    """
    return f"您的申请（尾号{str(number)[-4:]}）"


def numbers_shortened(text: str) -> str:
    """``text`` said back with each application number as its tail: "申请CY2026…0001拖着" → "申请（尾号0001）拖着"."""
    return NUMBER.sub(lambda match: f"（尾号{match.group(0)[-4:]}）", text)


def id_last6(text: str) -> str | None:
    """The last 6 characters of an ID number: a full ID, or 6 digits (the last may be X) standing alone."""
    without = APPEAL_NUMBER.sub(" ", NUMBER_LIKE.sub(" ", text))
    without = PHONE.sub(" ", without)
    if full := FULL_ID.search(without):
        return full.group(0)[-6:].upper()
    match = LAST6.search(without)
    return match.group(0).upper() if match else None


def phone(text: str, entities: list[dict[str, Any]]) -> str | None:
    """A mobile or fixed-line number (the NLU's phone entity first)."""
    entity = next((str(e["value"]) for e in entities if e.get("entity") == "phone"), None)
    if entity:
        return entity
    match = PHONE.search(NUMBER_LIKE.sub(" ", APPEAL_NUMBER.sub(" ", text)))
    return match.group(1) if match else None


def appeal_number(text: str) -> str | None:
    """A 诉求 tracking number (``SQ`` + 14 digits)."""
    match = APPEAL_NUMBER.search(text)
    return re.sub(r"\s", "", match.group(0)).upper() if match else None


def concerns_application(text: str, entities: list[dict[str, Any]]) -> bool:
    """The complaint is about an application (it names an item or an application step)."""
    return any(e.get("entity") in ("item", "application_id") for e in entities) or bool(ABOUT_APPLICATION.search(text))


def read_appeal(text: str, entities: list[dict[str, Any]], today: date | None = None) -> AppealReading:
    """Every complaint field the message names.

    Args:
        text: The user's message.
        entities: The NLU's entities for it.
        today: The day relative times count from (today by default).

    Returns:
        The values found and how each is shown back.
    """
    found = AppealReading(any_category=any_category(text))
    found.no_application = not application_number(text, entities) and bool(NO_NUMBER.search(text))
    text = _without_category_remark(text)
    found.demand = demanded(text, today or date.today())
    if said := description(text):
        found.values["appeal_description"] = said
    if where_when := place_time(text, today or date.today()):
        found.values["appeal_place_time"], found.shown["appeal_place_time"] = where_when
    if number := application_number(text, entities):
        found.values["appeal_application"] = number
        if last6 := id_last6(text):
            found.values["appeal_id_last6"] = last6
    if contact := phone(text, entities):
        found.values["appeal_contact"] = contact
    return found


def completes(current: str, said: str, today: date | None = None) -> str | None:
    """Where and when with the part ``said`` adds (a place to "上个月", a time to "开福区政务大厅"), or ``None``.

    The story's place and time often come in two messages; the second completes the first instead of being
    dropped as a retelling.
    """
    day = today or date.today()
    has_place, has_time = bool(PLACE.search(current)), bool(dates.read_jionlp(current, day))
    adds_place = not has_place and PLACE.search(said)
    adds_time = not has_time and any(r.first is not None for r in dates.read_jionlp(said, day))
    return f"{current}，{said}" if adds_place or adds_time else None
