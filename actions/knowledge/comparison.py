"""A question that compares two items ("补贴和贷款有什么区别", "培训和孵化哪个适合我", "两个能一起申请吗").

The knowledge base holds one answer per question about one item, so such a question used to get one item's answer
or a menu of neighbouring questions. It is answered here, item by item, from the service's catalogue (the owner of
each item's summary, department and time limit, ``GET /api/v1/items/{code}``), and closed by what the comparison
asks: which one suits (the eligibility check decides), or both together (one form files several items).
"""

import re
from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.conversation import context, question_shape
from actions.service_client import ServiceError, get_json

# Words that ask which of two things to take; with the words of a difference, those that compare two things.
WHICH_WORDS = r"哪个|哪一个|哪样|哪种|哪项|选哪|划算|更好|更合适|更适合"
COMPARE = re.compile(rf"区别|不同|差别|差异|不一样|一样吗|比较|对比|相比|比起|{WHICH_WORDS}")
TOGETHER = re.compile(r"一起|同时|都能|都可以|都申请|都办|两个都|两样都|一块|一并|兼得|叠加|既.{1,8}又|能不能都|可以都")
WHICH = re.compile(rf"{WHICH_WORDS}|适合")
# Which to do first is no comparison: the knowledge base answers the order (some items wait for another one).
ORDER = re.compile(r"哪个先|先后|顺序|还是先|先办|先申请|先弄|先去办")
BOTH = (
    "这几项可以在同一张《个人创业“一件事”信息采集表》里一起申请，一次提交，各部门并联审批；能不能都享受，看上面各自的条件。"
    "想办的话说“我要申请”，我帮您填表。"
)
SUITS = (
    "哪个更适合要看您的情况（身份类别、是否已经办了执照、经营多久），而且符合条件的可以在一张表里一起申请。"
    "说“帮我匹配政策”，我按您的情况逐项告诉您能不能享受。"
)
DIFFERENCE = (
    "符合条件的话，这几项可以在同一张信息采集表里一起申请、并联审批。想知道自己能享受哪几项，说“帮我匹配政策”。"
)


async def describe(code: str) -> str | None:
    """One item as the catalogue says it: name, summary, department and time limit; ``None`` if unreachable."""
    try:
        item: dict[str, Any] = await get_json(f"/api/v1/items/{code}")
    except ServiceError:
        return None
    return f"【{item['name']}】{item['summary']}（{item['department']}办理，{item['time_limit_days']}个工作日）"


def compared_items(tracker: Tracker) -> list[str]:
    """The items the latest message compares or combines (two or more), or an empty list when it does not."""
    text = context.text_of(tracker)
    entities = tracker.latest_message.get("entities") or []
    codes = list(dict.fromkeys(str(e["value"]) for e in entities if e.get("entity") == "item"))
    if len(codes) < 2 or not (COMPARE.search(text) or TOGETHER.search(text) or question_shape.is_choice(text)):
        return []
    if ORDER.search(text):
        return []
    return codes


def closing(text: str) -> str:
    """The line that answers what the comparison asks: both together, which one suits, or the difference."""
    if TOGETHER.search(text):
        return BOTH
    if WHICH.search(text) or question_shape.is_choice(text):
        return SUITS
    return DIFFERENCE


async def compare(dispatcher: CollectingDispatcher, tracker: Tracker) -> list[EventType] | None:
    """Answer a comparison of two or more items from the catalogue; ``None`` when the message is none.

    An item the service does not return is left out; with fewer than two left, the knowledge base answers.
    """
    codes = compared_items(tracker)
    if not codes:
        return None
    described = [line for code in codes if (line := await describe(code)) is not None]
    if len(described) < 2:
        return None
    dispatcher.utter_message(text="\n\n".join([*described, closing(context.text_of(tracker))]))
    return [SlotSet("item", codes[0])]
