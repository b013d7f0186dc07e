"""Answers to policy questions from the bundle service's knowledge base, with their source."""

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.service_client import Rejected, ServiceUnavailable, post_json

ITEM_ENTITY = "item"
SERVICE_DOWN = "抱歉，政策资料服务暂时连不上，请稍后再问，或说“转人工”找工作人员。"


def mentioned_item(tracker: Tracker) -> str | None:
    """The item named in the latest message, else the one the conversation is about."""
    latest = next(tracker.get_latest_entity_values(ITEM_ENTITY), None)
    return latest or tracker.get_slot(ITEM_ENTITY)


async def search(tracker: Tracker, record_unanswered: bool = True) -> dict[str, Any]:
    """Ask the knowledge base about the latest message, in the context of the conversation's item and region.

    Raises:
        ServiceUnavailable: the service cannot be reached (or is still building its index).
    """
    region = next(tracker.get_latest_entity_values("region"), None)
    body = {
        "query": str(tracker.latest_message.get("text") or "")[:500],
        "item": mentioned_item(tracker),
        "region": region,
        "conversation_id": tracker.sender_id,
        "record_unanswered": record_unanswered,
    }
    try:
        answer: dict[str, Any] = await post_json("/api/v1/knowledge/search", body)
    except Rejected as rejected:  # e.g. an empty question: nothing to search
        return {"status": "not_found", "answer": rejected.message, "hits": []}
    return answer


def answered_item(tracker: Tracker, answer: dict[str, Any]) -> str | None:
    """The item to keep in context: the one the user named, else the one the answer is about."""
    named = next(tracker.get_latest_entity_values(ITEM_ENTITY), None)
    if named:
        return str(named)
    if answer.get("status") != "not_found" and answer.get("hits"):
        item = answer["hits"][0].get("item")
        return str(item) if item else None
    return None


class ActionAnswerQuestion(Action):
    """Answer from the knowledge base, naming the source; say honestly when nothing fits."""

    def name(self) -> str:
        """Action name used in the domain."""
        return "action_answer_question"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]) -> list[EventType]:
        """Reply with the service's short answer (its last line names the source) and keep the item in context.

        Not found: the service's honest answer (offers a person; the question goes to the unanswered queue).
        """
        try:
            answer = await search(tracker)
        except ServiceUnavailable:
            dispatcher.utter_message(text=SERVICE_DOWN)
            return []
        dispatcher.utter_message(text=str(answer["answer"]))
        if answer.get("sources"):  # structured sources for the hotline console; chat channels show the text
            dispatcher.utter_message(json_message={"sources": answer["sources"]})
        item = answered_item(tracker, answer)
        return [SlotSet(ITEM_ENTITY, item)] if item else []
