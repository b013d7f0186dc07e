"""What the conversation already said for a new application: every field named since the last one ended.

A new attempt of the one form takes every field named since the last application ended (filed, cancelled or a new
session), the latest message winning; a cancel the latest message takes back ("刚才点错了，继续办") ends nothing.
Read by ``action_start_application`` (:mod:`actions.application.application_start`).
"""

import re
from typing import Any

from rasa_sdk import Tracker

from actions.application.form_fields import BY_SLOT, CANCEL_ACTION, FORM_ENDS
from actions.application.form_guard import is_question
from actions.application.form_items import items_in_words, later
from actions.application.form_labels import business_type_in_words, read_labelled
from actions.application.form_values import speaks_for_a_caller
from actions.knowledge.query_text import read_text

# A wish to apply ("我要办", "想贷", "报名"): read here for an earlier message, by the start for the latest one.
APPLY_WORDS = re.compile(r"申请|办理|我要办|想办|帮我办|要贷|想贷|想借|要借|填表|报名")
# Taking back a cancel ("刚才点错了，继续办", "还是办吧", "接着刚才那个"): what was said before it still counts.
CANCEL_TAKEN_BACK = re.compile(
    r"点错|按错|说错了|继续办|接着办|还是办|还是要办|还是申请|刚才那个|刚才那份|不取消|别取消"
)


def _user_messages(tracker: Tracker) -> list[dict[str, Any]]:
    """The user's messages since the last application ended (filed, cancelled or a new session), oldest first.

    A cancel the latest message takes back ("刚才点错了，继续办") ends nothing: the messages before it count too.
    """
    messages_: list[dict[str, Any]] = []
    taken_back = bool(CANCEL_TAKEN_BACK.search(str(tracker.latest_message.get("text") or "")))
    for event in reversed(tracker.events):
        name = event.get("name")
        if event.get("event") == "action" and name in FORM_ENDS and not (taken_back and name == CANCEL_ACTION):
            break
        if event.get("event") == "user":
            messages_.append(event)
    return list(reversed(messages_))


def _items_of(entities: list[dict[str, Any]], text: str) -> list[str]:
    named = [e for e in entities if e.get("entity") == "item"]
    now = [e for e in named if not (isinstance(e.get("start"), int) and later(text, int(e["start"]), int(e["end"])))]
    if named and not now:
        return []  # "补贴以后再说": nothing to file now
    items = list(dict.fromkeys(str(e["value"]) for e in now))
    return items + items_in_words(text, items)  # "贷15万", "工商和税那两样": items in everyday words


def _a_question_in(slot: str, value: Any) -> bool:
    """A free-text field whose value is a question the message asked (no name, project or address is one)."""
    return slot in BY_SLOT and BY_SLOT[slot].free_text and is_question(str(value))


def seeded_values(tracker: Tracker) -> tuple[dict[str, Any], list[str]]:
    """Every field named in this conversation since the last application ended: the latest message wins.

    Returns:
        Slot → raw value (validated when the form starts), and the items named (the latest message's first).
    """
    values: dict[str, Any] = {}
    items: list[str] = []
    third_person = speaks_for_a_caller(tracker)
    for event in _user_messages(tracker):
        entities = list((event.get("parse_data") or {}).get("entities") or [])
        text = read_text(event)  # as the NLU read it (dictated "逗号" written as ","): its entities' offsets fit it
        # "帮我爸办，他叫王刚": a third-person name is the applicant's unless the user named themselves
        labelled = read_labelled(text, entities, third_person=third_person or "applicant_name" not in values)
        # "想借8万开个水果店，最长能借多久": the question is answered, never kept as the industry
        values.update({slot: v for slot, v in labelled.values.items() if not _a_question_in(slot, v)})
        for slot, value in labelled.implied.items():  # "22年毕业的": 高校毕业生, unless a category was said
            values.setdefault(slot, value)
        if "business_type" not in values and (kind := business_type_in_words(text)):
            values["business_type"] = kind  # "我要办个体户登记", "准备成立一家有限公司": the wish names the type
        items = _items_of(entities, text) or items
    return values, items


def _wished_before(tracker: Tracker) -> bool:
    """An earlier message (since the last application ended) asked to apply for an item ("来电人想办执照和培训")."""
    for event in _user_messages(tracker)[:-1]:
        text = read_text(event)
        entities = list((event.get("parse_data") or {}).get("entities") or [])
        if APPLY_WORDS.search(text) and _items_of(entities, text):
            return True
    return False
