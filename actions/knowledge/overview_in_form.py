"""A question about the bundle as a whole asked inside a form: "这一件事一共包括哪些", "总共几个部门审批" (issue 12).

Inside a form such a question got the knowledge base's page for one item (the form's), or the overview for
"几个部门". Whichever intent the NLU gave it, a question that names no item gets the bundle's answer, and the
form asks its step again: what the bundle is made of (the overview), or which departments handle it (the
catalogue, :func:`actions.knowledge.overview_followups.departments`). An overview question about something in particular
(材料, 时限, 意思 …; :data:`actions.conversation.routing.SPECIFIC_TOPIC`) is left to the knowledge base. Every form
answers its questions through ``action_answer_question``, which asks this module first.
"""

import re

from rasa_sdk import Tracker
from rasa_sdk.events import EventType
from rasa_sdk.executor import CollectingDispatcher

from actions.conversation import context
from actions.knowledge.overview_followups import departments

# "几个部门审批", "哪些部门参与", "涉及多少个部门": the departments of the whole bundle.
DEPARTMENTS = re.compile(r"(?:几个|多少个?|哪些|哪几个|什么|啥)(?:政府)?部门|部门(?:有|是)?(?:哪些|哪几个|多少|几个)")
# "一件事包括哪些", "总共有哪几项", "一共几个事项", "合起来是哪些": what the bundle is made of.
MADE_OF = re.compile(
    r"(?:包括|包含|涵盖|有|是|合了|合成|合并了)(?:哪些|哪几|什么|啥|几个|几项|多少)|(?:几个|多少个?|哪些|哪几个?)(?:事项|事|项)"
)
WHOLE = re.compile(r"一件事|总共|一共|全部|整个|加起来|合起来|这个事|这件事")
OVERVIEW = "ask_bundle_overview"


def _names_item(tracker: Tracker) -> bool:
    return any(e.get("entity") == "item" for e in tracker.latest_message.get("entities") or [])


def asked(tracker: Tracker) -> str | None:
    """What a question inside a form asks of the whole bundle: ``departments``, ``overview`` or ``None``."""
    from actions.conversation.routing import SPECIFIC_TOPIC  # routing answers through this module's callers

    if not (tracker.active_loop or {}).get("name") or _names_item(tracker):
        return None
    text = context.text_of(tracker)
    if DEPARTMENTS.search(text) and (WHOLE.search(text) or len(text) <= context.SHORT):
        return "departments"
    intent = (tracker.latest_message.get("intent") or {}).get("name")
    made_of = MADE_OF.search(text) and WHOLE.search(text)
    if (made_of or intent == OVERVIEW) and not SPECIFIC_TOPIC.search(text):
        return "overview"
    return None


async def answer(dispatcher: CollectingDispatcher, tracker: Tracker) -> list[EventType] | None:
    """Answer an overview question inside a form (no events: the form asks its step again), else ``None``."""
    kind = asked(tracker)
    if kind == "departments":
        dispatcher.utter_message(text=await departments())
        return []
    if kind == "overview":
        dispatcher.utter_message(response="utter_bundle_overview")
        return []
    return None
