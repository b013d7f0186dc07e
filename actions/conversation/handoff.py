"""Pass the conversation to a person: queue it at the service's handoff queue and pause the bot."""

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import ConversationPaused, EventType, FollowupAction
from rasa_sdk.executor import CollectingDispatcher

from actions.conversation import filed_appeal, question_shape
from actions.conversation.person_words import ASKS_FOR_PERSON
from actions.conversation.replies import answer_question
from actions.eligibility import own_case
from actions.service_client import ServiceError, post_json, tracker_headers
from nlu_components.person_asked import asks_for_person

HANDED_OFF = (
    "好的，正在为您转接人工客服，请稍候，工作人员会在这里回复您。如果着急，也可以拨打12345政务服务便民热线，"
    "或到政务服务大厅的创业服务窗口当面咨询。"
)
STAFF_UNAVAILABLE = (
    "抱歉，人工客服暂时无法接入。您可以拨打12345政务服务便民热线，或到政务服务大厅的创业服务窗口当面咨询；"
    "我也可以继续为您解答。"
)

# The NLU sure of a request for a person ("要转业务专员" at 1.0): words this list lacks, still a request.
SURE = 0.95


def handoff_reason(tracker: Tracker) -> str:
    """Why the conversation goes to a person: the latest intent (``request_human``, ``nlu_fallback`` …)."""
    intent = (tracker.latest_message or {}).get("intent") or {}
    return str(intent.get("name") or "request_human")


class ActionHandoff(Action):
    """Queue the conversation at ``POST /api/v1/handoffs``, say so, and pause until staff hand it back."""

    def name(self) -> str:
        """Action name used in the domain."""
        return "action_handoff"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]) -> list[EventType]:
        """Hand the conversation to a person (see :func:`hand_off`) only when asked in words.

        Inside a form the form reads the message; outside, a fact after a verdict is judged again and anything else
        takes the not-understood path (which offers a person after the second miss).
        """
        loop = (tracker.active_loop or {}).get("name")
        text = str(tracker.latest_message.get("text") or "")
        # a button's payload ("/request_human", the "转人工" button) is the request itself
        sure = float((tracker.latest_message.get("intent") or {}).get("confidence") or 0) >= SURE and not loop
        asked = bool(ASKS_FOR_PERSON.search(text)) or asks_for_person(text) or text.lstrip().startswith("/") or sure
        asked = asked or not text.strip()  # no words at all: handed over by another action, not read from a message
        if loop and not asked:
            return [FollowupAction(str(loop))]  # the form reads the message (a name relayed by hotline staff)
        if not loop and (said := filed_appeal.reply_after_filing(tracker)):
            dispatcher.utter_message(text=said)  # "到时候会有人打电话给我不" after a filing: yes, by when, the number
            return []
        if not loop and not asked and question_shape.is_question(text):
            return await answer_question(dispatcher, tracker, domain)  # "那我个人呢": a question about one's case
        if not loop and not asked:  # no person asked for in words: never a handoff
            from actions.conversation.fallback import ActionHandleLowConfidence  # fallback → here: imported when run

            # "门面还没租好呢" after a verdict: judged again; anything else: not understood (rephrase, then a person)
            judged = await own_case.fact_after_verdict(dispatcher, tracker, domain)
            return judged if judged is not None else await ActionHandleLowConfidence().run(dispatcher, tracker, domain)
        return await hand_off(dispatcher, tracker, HANDED_OFF)


async def hand_off(dispatcher: CollectingDispatcher, tracker: Tracker, text: str) -> list[EventType]:
    """Queue the conversation, say ``text`` and pause the bot; if it cannot be queued, keep the bot talking.

    While paused, Rasa stores the user's messages without answering; the console shows them to the staff member,
    whose replies reach the user's channel, and the service's ``resume`` event lets the bot answer again.
    """
    body = {
        "conversation_id": tracker.sender_id,
        "channel": tracker.get_latest_input_channel(),
        "reason": handoff_reason(tracker),
    }
    try:
        queued = await post_json("/api/v1/handoffs", body, tracker_headers(tracker))
    except ServiceError:
        dispatcher.utter_message(text=STAFF_UNAVAILABLE)
        return []
    dispatcher.utter_message(text=text)
    hours = (queued.get("service_hours") if isinstance(queued, dict) else None) or {}
    if hours.get("open_now") is False and hours.get("message"):  # outside service hours: when staff will answer
        dispatcher.utter_message(text=str(hours["message"]))
    return [ConversationPaused()]
