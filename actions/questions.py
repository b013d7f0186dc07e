"""Answers to policy questions from the bundle service's knowledge base, with their source.

Follow-ups keep their subject: the item of the conversation (slot ``item``) goes with every question, so the
service can put it in front of an elliptical one ("那要多久"); "补贴呢" asks the previous question again about
the item it names ("贷款要多久" → "补贴要多久"). Right after the overview or a progress result the context alone
may answer (:mod:`actions.context`). A message with two questions gets both answers.
"""

import re
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions import context, knowledge_client
from actions.answer_feedback import answer_payload
from actions.service_client import ServiceUnavailable

ITEM_ENTITY = "item"
SERVICE_DOWN = "抱歉，政策资料服务暂时连不上，请稍后再问，或说“转人工”找工作人员。"
MAX_QUERY_CHARS = 500
# "补贴呢", "那贷款的呢": a subject and nothing else, asking the previous question about it.
WHAT_ABOUT = re.compile(r"^(?:那么|那)?(?P<subject>[^，,。？?！!]{1,12}?)的?呢[？?。！!~～]*$")
ANSWERED = ("faq", "answer")
LABEL_CHARS = 20  # a long part (a story before its question) is headed by its end
NOT_FOUND_PART = "这一问暂时没有找到准确的政策依据，可以换个问法，或说“转人工”由工作人员解答。"


def mentioned_item(tracker: Tracker) -> str | None:
    """The item to search within: the conversation's, for a message that names none (a follow-up).

    A message that names an item says what it asks in its own words, so the NLU's item is not sent with it: the
    dev sets measure such questions without an item, and an item sent along lifts that item's sources by a bonus
    the out-of-scope examples do not get ("稳岗补贴怎么申请", read as the start-up subsidy, got its how-to).
    """
    if next(tracker.get_latest_entity_values(ITEM_ENTITY), None) is not None:
        return None
    return tracker.get_slot(ITEM_ENTITY)


def previous_user_event(tracker: Tracker) -> dict[str, Any] | None:
    """The user message before the latest one, if any."""
    users = (event for event in reversed(tracker.events) if event.get("event") == "user")
    next(users, None)  # the latest message
    return next(users, None)


def query_text(tracker: Tracker) -> str:
    """The question to search: the latest message, or for "X呢" the previous question asked about X.

    Only when the latest message names an item: "补贴呢" after "贷款要多久" is "补贴要多久" (the previous
    question's item replaced; put in front when it named none).
    """
    text = str(tracker.latest_message.get("text") or "").strip()
    match = WHAT_ABOUT.match(text)
    named = any(e.get("entity") == ITEM_ENTITY for e in tracker.latest_message.get("entities") or [])
    previous = previous_user_event(tracker) if match and named else None
    if match is None or previous is None:
        return text[:MAX_QUERY_CHARS]
    before = re.sub(r"^(?:那么|那)", "", str(previous.get("text") or ""))
    subject = match.group("subject")
    spans = [
        e
        for e in (previous.get("parse_data") or {}).get("entities") or []
        if e.get("entity") == ITEM_ENTITY and isinstance(e.get("start"), int) and isinstance(e.get("end"), int)
    ]
    if spans:
        first = min(spans, key=lambda e: int(e["start"]))
        return (before[: first["start"]] + subject + before[first["end"] :])[:MAX_QUERY_CHARS]
    return f"{subject}{before}"[:MAX_QUERY_CHARS]


async def search(
    tracker: Tracker, record_unanswered: bool = True, query: str | None = None, item: str | None = None
) -> dict[str, Any]:
    """Ask the knowledge base about the latest message, in the context of the conversation's item and region.

    Args:
        tracker: The conversation.
        record_unanswered: Put the question in the unanswered queue when nothing fits.
        query: One question of the message (default: the message, or the follow-up it stands for).
        item: The item that question is about (default: the one named, else the conversation's).

    Raises:
        ServiceUnavailable: the service cannot be reached (or is still building its index).
    """
    region = next(tracker.get_latest_entity_values("region"), None)
    body = {
        "query": query or query_text(tracker),
        "item": item or mentioned_item(tracker),
        "region": region,
        "conversation_id": tracker.sender_id,
        "record_unanswered": record_unanswered,
    }
    return await knowledge_client.ask(body)  # context the service refuses is dropped, never "service down"


def answered_item(tracker: Tracker, answer: dict[str, Any]) -> str | None:
    """The item to keep in context: the one the user named, else the one a direct answer is about.

    Titles offered to pick from (``suggest``) say nothing about the item: the context stays as it was.
    """
    named = next(tracker.get_latest_entity_values(ITEM_ENTITY), None)
    if named:
        return str(named)
    if answer.get("status") in ANSWERED:
        best = next((h for h in answer.get("hits") or [] if h.get("kind") != "out_of_scope"), None)
        item = best.get("item") if best else None
        return str(item) if item else None
    return None


def items_in(tracker: Tracker, part: str) -> list[str]:
    """The items the latest message names inside ``part`` of its text."""
    text = str(tracker.latest_message.get("text") or "")
    found = []
    for entity in tracker.latest_message.get("entities") or []:
        start, end = entity.get("start"), entity.get("end")
        named = text[start:end] if isinstance(start, int) and isinstance(end, int) else ""
        if entity.get("entity") == ITEM_ENTITY and named and named in part:
            found.append(str(entity["value"]))
    return found


async def answer_each(tracker: Tracker) -> list[tuple[str, dict[str, Any]]]:
    """The knowledge base's answer to each question of the latest message (one, or one per question).

    A question that names no item is asked about the item of the question before it (or the conversation's).
    """
    text = str(tracker.latest_message.get("text") or "").strip()
    parts = [] if WHAT_ABOUT.match(text) else context.questions(text)
    if len(parts) < 2:
        return [(text, await search(tracker))]
    answers = []
    item = None
    for part in parts:
        item = next(iter(items_in(tracker, part)), None) or item
        answers.append((part, await search(tracker, query=part[:MAX_QUERY_CHARS], item=item)))
    return answers


def combined(answers: list[tuple[str, dict[str, Any]]]) -> dict[str, Any]:
    """One answer for the message: each question's answer under the question, the same answer said once.

    When no question was answered, the first one's honest "not found" stands for all.
    """
    if len(answers) == 1:
        return answers[0][1]
    found = [(part, a) for part, a in answers if a.get("status") in ANSWERED]
    if not found:
        return answers[0][1]
    texts: list[str] = []
    said_already: set[str] = set()
    for part, answer in answers:
        said = str(answer["answer"]) if answer.get("status") in ANSWERED else NOT_FOUND_PART
        if said not in said_already:
            said_already.add(said)
            texts.append(f"【{part if len(part) <= LABEL_CHARS else '…' + part[-LABEL_CHARS:]}】\n{said}")
    sources = [s for _, a in found for s in a.get("sources") or []]
    return {**found[0][1], "answer": "\n\n".join(texts), "sources": sources}


class ActionAnswerQuestion(Action):
    """Answer from the knowledge base, naming the source; say honestly when nothing fits."""

    def name(self) -> str:
        """Action name used in the domain."""
        return "action_answer_question"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]) -> list[EventType]:
        """Reply with the service's short answer (its last line names the source) and keep the item in context.

        Not found: the service's honest answer (offers a person; the question goes to the unanswered queue).
        """
        named = next(tracker.get_latest_entity_values(ITEM_ENTITY), None) is not None
        if (fixed := context.fixed_reply(tracker, named)) is not None:
            dispatcher.utter_message(text=fixed)
            return []
        try:
            answer = combined(await answer_each(tracker))
        except ServiceUnavailable:
            dispatcher.utter_message(text=SERVICE_DOWN)
            return []
        dispatcher.utter_message(text=str(answer["answer"]))
        # Sources for the hotline console; the H5 and mini-program chats put 👍/👎 under the answer.
        dispatcher.utter_message(json_message=answer_payload(tracker, answer))
        item = answered_item(tracker, answer)
        return [SlotSet(ITEM_ENTITY, item)] if item else []
