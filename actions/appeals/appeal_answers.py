"""Reading answers for the complaint form: what each step accepts, the category a user picks, and saying back.

Used by ``validate_appeal_form`` (:mod:`actions.appeals.appeal_form`); every check works on what the user wrote.
"""

from __future__ import annotations

import re
from typing import Any

from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.appeals.appeal_reading import (
    FILLER,
    MIN_DESCRIPTION,
    NO_APPLICATION,
    NOT_REMEMBERED,
    OPENING,
    VALUE_WORDS,
    application_number,
    id_last6,
    numbers_shortened,
    phone,
    the_application,
)
from actions.appeals.appeals import CHANNEL, NONE, categories
from actions.application.form_guard import ACKNOWLEDGEMENTS, COMMANDS, ONLY_DIGITS
from contract.masking import mask_phone

LABELS = {
    "appeal_description": "事情经过",
    "appeal_place_time": "地点和时间",
    "appeal_application": "涉及的申请",
    "appeal_id_last6": "申请人身份证后6位",
    "appeal_contact": "联系电话",
}
NOT_PLACE = re.compile(r"类别|改成|改为|电话|手机|编号|身份证")  # "类别改为其他" is no place or time
# What a place or a time is said with, when the readers found none ("县里那个大厅", "前几天"); anything else
# ("他们还骂人") is no place or time and is not stored as one.
PLACE_OR_TIME = re.compile(
    r"省|市|区|县|镇|乡|村|街|路|号|楼|窗口|大厅|中心|局|所|站|厅|办事处|网上|线上|手机上|电话里|app|APP|App|湘易办|"
    r"小程序|热线|上午|下午|晚上|早上|中午|今天|昨天|前天|前几天|上周|这周|周[一二三四五六日天末]|星期|月|日|年|天前|点"
)
# Not saying where or when, on purpose ("随便", "不想说"): the step is done, shown as not given.
SKIPPED = re.compile(r"^(?:随便|都行|无所谓|不重要|不想说|跳过|不用了?|没必要|没有|无|不知道|不晓得)[吧啊呀了。！!]*$")
NOT_GIVEN = "未说明"
# Wanting to file as it is ("对，就这样提交", "直接提交吧") while a step that may be left open is asked.
SUBMITTED_NOW = re.compile(r"(?:就这样|直接|先|赶紧|马上)?(?:提交|确认提交|交上去)(?:吧|了|就行)?[。！!]*$")
# Filing as it is ("直接交", "就这样交吧", "直接帮我提交"): with what happened and a contact given, filed in that turn,
# no summary to confirm again (docs/decisions.md, "A complaint the user tells to file as it is").
AS_IS = re.compile(
    r"^(?!.*(?:别|不要|不|先不|暂不)(?:直接)?(?:交|提交))"
    r".*(?:就这样|就这么|照这样|直接|赶紧|马上)(?:帮我|给我)?(?:提交|交|报|递|登记)(?:上去)?(?:吧|了|就行|就好|算了)?[。.！!~～]*$"
)
NOT_LINKED = "好的，这份投诉先不关联申请。"


def _plain_answer(text: str) -> bool:
    """Text that can be a free-text answer: not a bare yes/no, a command or a string of digits."""
    return bool(text) and not (ACKNOWLEDGEMENTS.match(text) or COMMANDS.search(text) or ONLY_DIGITS.match(text))


# Said with a category to pick it ("改成培训", "归到贷款那类"); a bare part is a category only when it is long enough.
CHOOSING = ("改成", "改为", "换成", "应该是", "属于", "归到", "归为", "归入", "算作", "算", "选", "是")
# Yes and submit words at the summary ("嗯 提交", "对，提交吧", "好的确认") and pointers ("贷款那类"): never (part
# of) a category.
AGREEING = re.compile(
    r"确认提交|确认无误|确认|提交|交上去|就这样|没问题|可以|是的|对的|好的|嗯+|对|行|好|吧|了|呀|啊|哈|那个|这个|那|这"
)
PIECES = re.compile(r"[\s，,。！!？?：:；;、]+")
MIN_BARE_PART = 3  # "培训" alone is no choice; "创业培训", "改成培训" are


def category_choice(text: str, known: list[dict[str, Any]]) -> dict[str, Any] | None:
    """The category the user picks by (part of) its label: "改成窗口服务类" → that category.

    A part with a choosing word (改成/换成/选/属于/归到…) or said with "类别" needs 2 characters, a bare one 3;
    yes and submit words ("嗯 提交", "对，提交吧") are never a part, so they never change the category.
    """
    parts = _parts(text.replace("类别", " ").replace("类", ""), chosen="类别" in text)
    for category in known:
        label = str(category.get("label") or "")
        if label and (label in text or any(part in label for part in parts)):
            return category
    return None


def _parts(words: str, chosen: bool) -> list[str]:
    """The parts of the message that may name a category: with a choosing word (or "类别"), ≥2 characters, else ≥3."""
    marked = words.replace("不是这个", " ")
    for verb in CHOOSING:
        marked = marked.replace(verb, " \x00")
    parts = []
    for piece in PIECES.split(marked):
        after_verb = piece.startswith("\x00")
        part = AGREEING.sub("", piece.replace("\x00", ""))
        if len(part) >= (2 if after_verb or chosen else MIN_BARE_PART):
            parts.append(part)
    return parts


def _description(text: str, intent: str, entities: list[dict[str, Any]], values: dict[str, Any]) -> Any:
    rest = OPENING.sub("", text, count=1).strip(" ，,。！!")  # "我要投诉" again is not what happened
    if values and len(VALUE_WORDS.sub("", rest)) < MIN_DESCRIPTION - 1:
        return None  # only another step's value ("我电话是139…"): what happened is still asked
    return rest if _plain_answer(rest) and len(rest) >= 3 and not FILLER.match(rest) else None


def _place_time(text: str, intent: str, entities: list[dict[str, Any]], values: dict[str, Any]) -> Any:
    if NOT_REMEMBERED.search(text):
        return "记不清了"
    if (SKIPPED.match(text) or SUBMITTED_NOW.search(text)) and not values:
        return NOT_GIVEN  # "就这样提交吧" at where/when: nothing more to say, the step is done
    plausible = _plain_answer(text) and PLACE_OR_TIME.search(text) and not NOT_PLACE.search(text)
    return text if plausible and not values else None


def _application(text: str, intent: str, entities: list[dict[str, Any]], values: dict[str, Any]) -> Any:
    if application_number(text, entities) is None and (NO_APPLICATION.search(text) or intent == "deny"):
        return NONE
    return None


def _last6(text: str, intent: str, entities: list[dict[str, Any]], values: dict[str, Any]) -> Any:
    if NO_APPLICATION.search(text) or "不关联" in text:
        values["appeal_application"] = NONE  # "不关联": go on without the application
        return None
    return id_last6(text)


def _contact(text: str, intent: str, entities: list[dict[str, Any]], values: dict[str, Any]) -> Any:
    return phone(text, entities)


ANSWERS = {
    "appeal_description": _description,
    "appeal_place_time": _place_time,
    "appeal_application": _application,
    "appeal_id_last6": _last6,
    "appeal_contact": _contact,
}


def store(
    dispatcher: CollectingDispatcher, values: dict[str, Any], shown: dict[str, str], slots: dict[str, Any]
) -> list[EventType]:
    """Set the values read, saying where each went when it was not simply the step asked (nothing lands silently)."""
    events: list[EventType] = []
    for slot, value in values.items():
        another = slot == "appeal_application" and value not in (NONE, slots.get("appeal_application"))
        if another and slots.get("appeal_id_last6") is not None:
            slots["appeal_id_last6"] = None  # another application: its digits are asked again
            events.append(SlotSet("appeal_id_last6", None))
        before = slots.get(slot)
        slots[slot] = value
        events.append(SlotSet(slot, value))
        if value == NONE:
            if slot == "appeal_application" and before not in (None, NONE):
                dispatcher.utter_message(text=NOT_LINKED)
        elif slot in LABELS and slot != "appeal_contact" and before not in (None, NONE, value):
            verb = "补充为" if str(value).startswith(f"{before}，") else "改为"  # a place added to the time said
            said = the_application(value) if slot == "appeal_application" else numbers_shortened(shown.get(slot, value))
            dispatcher.utter_message(text=f"好的，{LABELS[slot]}{verb}：{said}。")
        elif slot in shown and shown[slot] != value:
            dispatcher.utter_message(text=f"好的，记下了{LABELS[slot]}：{numbers_shortened(shown[slot])}。")
        elif slot == "appeal_contact" and value != CHANNEL:
            changed = "改为" if before not in (None, CHANNEL) else "记下了"
            dispatcher.utter_message(text=f"好的，联系电话{changed}：{mask_phone(str(value))}。")
    return events


def choose_category(dispatcher: CollectingDispatcher, chosen: dict[str, Any], slots: dict[str, Any]) -> list[EventType]:
    """The category the user picked, said back."""
    proposal = {"category": chosen["code"], "label": chosen["label"], "matched": [], "alternatives": [], "chosen": True}
    slots["appeal_category"] = proposal
    dispatcher.utter_message(text=f"好的，类别改为：{chosen['label']}。")
    return [SlotSet("appeal_category", proposal)]


async def time_limits() -> str:
    """How long an answer takes: the categories' time limits in working days (the service's data)."""
    days = sorted({int(c["time_limit_days"]) for c in await categories() if c.get("time_limit_days")})
    span = f"{days[0]}到{days[-1]}个工作日" if len(days) > 1 else f"{days[0]}个工作日" if days else "规定时限内"
    return f"登记后按类别时限答复，一般{span}；登记成功时会告诉您这件事的编号和具体答复日期。我们接着登记："
