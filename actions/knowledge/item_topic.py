"""An item's name said alone is a topic: what the item is, kept as the conversation's item, and an offer to apply.

"孵化基地" or "说说担保贷款" as a first message asks about the item, not to file it: the catalogue's summary (who,
how much, department, time limit) is shown, the item stays the topic for the follow-ups ("那要多久"), and the
application is offered ("好的" starts it). Right after an offer to apply ("要办哪项？"), the item's name accepts the
offer instead. A message naming two items or more ("贷款和培训") chooses them, and is left to the form.
"""

import re

from rasa_sdk import Tracker
from rasa_sdk.events import EventType, FollowupAction, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.conversation import context
from actions.knowledge.comparison import describe
from actions.knowledge.query_text import ITEM_ENTITY, WHAT_ABOUT, item_spans, previous_user_event

OFFER = "offer_pending"  # the slots of the offer to apply (actions.application.application_actions)
OFFERED_ITEMS = "offered_items"
# What may surround an item's name said as a topic ("说说担保贷款", "孵化基地这块", "关于创业培训？").
TOPIC_WORDS = re.compile(
    r"说说|讲讲|讲一下|说一下|介绍一下|介绍下|介绍介绍|了解一下|了解下|关于|请问|就是|那个|这个|这块|这一块|方面|的|一下"
    r"|[吗啊呀哦嘛吧呢？?。！!~～，,\s]"
)
OFFER_APPLY = "需要的话我可以现在帮您填表申请，回复“好的”就开始；也可以接着问条件、材料或时限。"


def bare_item(tracker: Tracker) -> str | None:
    """The one item the latest message consists of ("创业补贴", "讲讲孵化基地"), else ``None``.

    "补贴呢" after an earlier message is a follow-up (:data:`WHAT_ABOUT`), never a topic of its own.
    """
    text = context.text_of(tracker)
    spans = item_spans(tracker)
    codes = {code for _, _, code in spans}
    if len(codes) != 1 or (WHAT_ABOUT.match(text) and previous_user_event(tracker) is not None):
        return None
    raw = str(tracker.latest_message.get("text") or "")
    named = {at for start, end, _ in spans for at in range(start, end)}
    rest = "".join(char for at, char in enumerate(raw) if at not in named)
    return codes.pop() if not TOPIC_WORDS.sub("", rest) else None


async def answer(dispatcher: CollectingDispatcher, tracker: Tracker) -> list[EventType] | None:
    """The item's summary with an offer to apply, or the offer accepted; ``None`` when the message is no bare item.

    Inside a form the form reads the item as its answer (never here). The summary comes from the service's
    catalogue; when it cannot be reached, the knowledge base answers as for any question.
    """
    if (tracker.active_loop or {}).get("name"):
        return None
    code = bare_item(tracker)
    if code is None:
        return None
    if tracker.get_slot(OFFER):  # "要办哪项？" … "营业执照": the offer accepted, the form seeded with that item
        return [FollowupAction("action_start_application")]
    summary = await describe(code)
    if summary is None:
        return None
    dispatcher.utter_message(text=f"{summary}\n{OFFER_APPLY}")
    return [SlotSet(ITEM_ENTITY, code), SlotSet(OFFER, True), SlotSet(OFFERED_ITEMS, [code])]
