"""What the form asks, asked outside it ("申请创业担保贷款要在表里填哪些信息", "那张采集表要写哪些").

The knowledge base answers who may apply or how; which fields the one form 《信息采集表》 asks is the service's
rule: ``POST /api/v1/validation`` of an empty form for the items named says what is still missing, which for an
empty form is every field those items need. The answer lists them by their labels, fields shared by data sharing
included (the form says at the ID number which are spared), and offers to fill it here.
"""

import re

from rasa_sdk import Tracker
from rasa_sdk.events import EventType
from rasa_sdk.executor import CollectingDispatcher

from actions.conversation import context
from actions.service_client import ServiceError, post_json, tracker_headers
from contract.labels import FIELD_LABELS, ITEM_NAMES

# "表里要填哪些信息", "采集表要写啥", "申请表上填什么": the form's fields, not a how-to.
ASKS_FIELDS = re.compile(
    r"(?:表|表格|表里|表上|表中)[^，,。？?]{0,6}?(?:填|写)[^，,。？?]{0,2}?(?:哪些|什么|啥|哪几|几项|哪样)"
    r"|(?:要|需要|得)(?:填|写)(?:哪些|什么|啥|哪几项)(?:信息|内容|东西|项目)?"
)
BASE_ITEMS: list[str] = []  # no item named: the fields every form asks (and the items to choose)
FIELDS_LIST = "{whose}要填这些：{fields}。能通过数据共享获取的（例如身份证明、营业执照）不用另交材料。"
OFFER = "需要的话我可以现在带您一项一项填，说“我要申请”就开始。"


def asks_fields(tracker: Tracker) -> bool:
    """Whether the latest message asks which fields the form asks, outside any form."""
    return not (tracker.active_loop or {}).get("name") and bool(ASKS_FIELDS.search(context.text_of(tracker)))


async def answer(dispatcher: CollectingDispatcher, tracker: Tracker) -> list[EventType] | None:
    """The fields the form asks for the items the message names (every form's fields with none); else ``None``.

    ``None`` also when the service cannot say: the knowledge base answers then.
    """
    if not asks_fields(tracker):
        return None
    entities = tracker.latest_message.get("entities") or []
    items = list(dict.fromkeys(str(e["value"]) for e in entities if e.get("entity") == "item"))
    try:
        check = await post_json("/api/v1/validation", {"items": items or BASE_ITEMS}, tracker_headers(tracker))
    except ServiceError:
        return None
    fields = [FIELD_LABELS[name] for name in check.get("missing") or [] if name in FIELD_LABELS]
    if not fields:
        return None
    whose = "申请" + "、".join(ITEM_NAMES[code] for code in items if code in ITEM_NAMES) if items else "信息采集表"
    dispatcher.utter_message(text=f"{FIELDS_LIST.format(whose=whose, fields='、'.join(fields))}{OFFER}")
    return []
