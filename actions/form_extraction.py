"""What the latest user message says for the application form: answers, corrections, or a digression.

The NLU gives entities (ID and phone numbers, items, categories, amounts, regions); free-text fields (name,
project, address …) take the message itself when they are the requested slot. A message that is a question or a
command (cancel, a person) is not taken as an answer, so the form rejects and the dialogue rules handle it.
"""

import re
from dataclasses import dataclass, field
from typing import Any

from rasa_sdk import Tracker

from actions.form_fields import BY_SLOT, CONFIRM_SLOT, ITEM_NAMES, ITEMS_TOGETHER

DIGRESSION_INTENTS = frozenset(
    {
        "ask_question",
        "ask_bundle_overview",
        "check_eligibility",
        "check_progress",
        "bot_challenge",
        "out_of_scope",
        "request_human",
        "complain",
        "cancel",
        "greet",
        "thank",
        "goodbye",
    }
)
# Never an answer unless the message also names a value (e.g. "谢谢" is not a project name).
ALWAYS_DIGRESS = frozenset({"cancel", "request_human", "greet", "thank", "goodbye", "bot_challenge"})
QUESTION = re.compile(r"[?？]|吗|么|呢$|多少|多久|怎么|如何|什么|哪些|哪里|为啥|为什么|能不能|可不可以|是否")
ACKNOWLEDGEMENTS = frozenset({"好", "好的", "嗯", "嗯嗯", "是", "是的", "对", "对的", "不是", "不", "没有", "ok", "OK"})
# "手机号填错了，是13912345678" / "项目名称改成湘味小厨"
CORRECTION = re.compile(
    r"(?P<label>姓名|名字|项目名称|项目名|项目|行业|经营场所地址|经营地址|地址|银行账户|银行账号|账户|账号|毕业年份|成立日期)"
    r"(?:填错了|写错了|错了|不对)?[，,。\s]*(?:应该是|应为|改成|改为|换成|更正为|是|为|叫)[:：\s]*(?P<value>.+)"
)
CORRECTION_SLOTS = {
    "姓名": "applicant_name",
    "名字": "applicant_name",
    "项目名称": "project_name",
    "项目名": "project_name",
    "项目": "project_name",
    "行业": "industry",
    "经营场所地址": "premises_address",
    "经营地址": "premises_address",
    "地址": "premises_address",
    "银行账户": "bank_account",
    "银行账号": "bank_account",
    "账户": "bank_account",
    "账号": "bank_account",
    "毕业年份": "graduation_year",
    "成立日期": "business_started_on",
}
ANSWER_PREFIX = re.compile(
    r"^(?:我的|我们的)?(?:姓名|名字|项目名称|项目名|项目|行业|经营场所地址|经营地址|地址|银行账户|账号|账户)?"
    r"(?:是|叫|为|就是|填)?[:：\s]*"
)
NAME_CUE = re.compile(r"(?:我叫|我是|名字是|姓名是|叫)(?P<name>[\u4e00-\u9fff·]{2,10})")
ADD_ITEMS = re.compile(r"加上|再加|还要|增加|也要|也申请|一起办|另外")
REMOVE_ITEMS = re.compile(r"不要|去掉|删掉|删除|不办|不申请|取消")
ALL_ITEMS = re.compile(r"全部|都要|都办|全都|8个|八个|所有")
AMOUNT_CUE = re.compile(r"贷款|额度|金额|贷")


@dataclass
class Extraction:
    """Candidate values from one message.

    Attributes:
        values: Slot → raw value to validate.
        digression: The message is a question or command, not an answer.
        regions: City and county names the NLU found (read only when the address is asked).
    """

    values: dict[str, Any] = field(default_factory=dict)
    digression: bool = False
    regions: list[str] = field(default_factory=list)


def _entities(tracker: Tracker, name: str) -> list[str]:
    return [str(e["value"]) for e in tracker.latest_message.get("entities", []) if e.get("entity") == name]


def _items(tracker: Tracker, text: str, current: list[str] | None, requested: str | None) -> list[str] | None:
    named = list(dict.fromkeys(_entities(tracker, "item")))
    if ALL_ITEMS.search(text) and requested == "application_items":
        return list(ITEM_NAMES)
    if not named:
        return None
    if current and REMOVE_ITEMS.search(text):
        return [code for code in current if code not in named] or None
    if current and ADD_ITEMS.search(text):
        return list(dict.fromkeys([*current, *named]))
    return named if requested in ("application_items", None) else None


def complete_items(items: list[str]) -> tuple[list[str], str | None]:
    """Add the partner of an item that must go with another (registration ↔ taxpayer confirmation)."""
    if any(code in items for code in ITEMS_TOGETHER) and not all(code in items for code in ITEMS_TOGETHER):
        added = [code for code in ITEMS_TOGETHER if code not in items]
        note = f"经营主体登记注册和纳税人信息确认须一并办理，已为您加上“{ITEM_NAMES[added[0]]}”。"
        return [*items, *added], note
    return items, None


def _free_text(slot: str, text: str) -> str | None:
    if slot == "applicant_name":
        cue = NAME_CUE.search(text)
        if cue:
            return cue.group("name")
    value = ANSWER_PREFIX.sub("", text, count=1).strip(" 。.，,！!") or text.strip(" 。.，,！!")
    return None if value in ACKNOWLEDGEMENTS else value


def _confirm(intent: str) -> bool | None:
    if intent == "affirm":
        return True
    if intent == "deny":
        return False
    return None


def _named_values(tracker: Tracker, text: str, intent: str, slots: dict[str, Any]) -> dict[str, Any]:
    """Values the message names explicitly: entities and "X改成Y" corrections, for any field."""
    requested = slots.get("requested_slot")
    values: dict[str, Any] = {}
    for slot in ("id_number", "phone"):
        if entity := next(iter(_entities(tracker, slot)), None):
            values[slot] = entity
    if correction := CORRECTION.search(text):
        values.setdefault(CORRECTION_SLOTS[correction.group("label")], correction.group("value").strip(" 。.，,"))
    items = _items(tracker, text, slots.get("application_items"), requested)
    if items is not None:
        values["application_items"] = items
    for slot in ("person_category", "business_type"):
        if (entity := next(iter(_entities(tracker, slot)), None)) and (requested == slot or intent == "inform"):
            values[slot] = entity
    amount = next(iter(_entities(tracker, "amount")), None)
    if amount and (requested == "loan_amount" or AMOUNT_CUE.search(text)):
        values["loan_amount"] = amount
    return values


def _answer_to_requested(requested: str, text: str, intent: str, named: dict[str, Any]) -> Any:
    """The message as the answer to the requested field, or None."""
    if requested == CONFIRM_SLOT:
        return None if named else _confirm(intent)
    if requested == "first_time_founder" and (confirmed := _confirm(intent)) is not None:
        return confirmed
    if requested not in BY_SLOT or requested in named or requested == "application_items":
        return None
    if named:  # the message answered something else (a correction): only an explicit cue answers this one
        cue = NAME_CUE.search(text) if requested == "applicant_name" else None
        return cue.group("name") if cue else None
    return _free_text(requested, text) if BY_SLOT[requested].free_text else _structured(requested, text)


def extract(tracker: Tracker, slots: dict[str, Any]) -> Extraction:
    """Read the latest message for the application form.

    Args:
        tracker: The conversation; its latest message is read.
        slots: Current slot values (``requested_slot`` included).

    Returns:
        Candidate values, or ``digression`` when the message should be handled outside the form.
    """
    message = tracker.latest_message
    text = str(message.get("text") or "").strip()
    intent = str((message.get("intent") or {}).get("name") or "")
    requested = slots.get("requested_slot")
    values = _named_values(tracker, text, intent, slots)
    if intent in ("cancel", "request_human") or (
        intent in DIGRESSION_INTENTS and not values and (intent in ALWAYS_DIGRESS or _is_question(text, requested))
    ):
        return Extraction(digression=True)
    if requested is not None:
        answer = _answer_to_requested(str(requested), text, intent, values)
        if answer is not None:
            values[str(requested)] = answer
    regions = _entities(tracker, "region") if requested in ("premises_address", "city", "county") else []
    return Extraction(values=values, regions=regions)


def _structured(slot: str, text: str) -> str:
    """The part of the text that answers a structured field (``2021年毕业`` → ``2021``)."""
    if slot == "graduation_year" and (year := re.search(r"(?:19|20)\d{2}", text)):
        return year.group(0)
    return text


def _is_question(text: str, requested: str | None) -> bool:
    """A question or chit-chat rather than an answer to ``requested``."""
    if requested is None or requested not in BY_SLOT or not BY_SLOT[requested].free_text:
        return True
    return bool(QUESTION.search(text))


def just_heard_user(tracker: Tracker) -> bool:
    """True when the form runs right after a user message (not when it resumes after an interruption).

    Rasa logs the form itself (its temporary tracker) and ``action_extract_slots`` after every user message;
    neither counts. Any other action since the last user message means the message was already handled.
    """
    for event in reversed(tracker.events):
        if event.get("event") == "user":
            return True
        name = str(event.get("name") or "")
        if event.get("event") == "action" and name != "action_extract_slots" and not name.endswith("_form"):
            return name == "action_listen"
    return True
