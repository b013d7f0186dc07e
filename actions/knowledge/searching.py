"""The knowledge base asked about a message, in the context of the conversation's item and region."""

from typing import Any

from rasa_sdk import Tracker

from actions.knowledge import knowledge_client
from actions.knowledge.borrower import with_borrower
from actions.knowledge.carried_subject import another_scheme, names_other_scheme
from actions.knowledge.query_text import (
    ITEM_ENTITY,
    WHAT_ABOUT,
    gist,
    in_chinese,
    item_words,
    query_text,
    subject_item,
)
from actions.knowledge.subject_switch import planned_kind
from actions.knowledge.yuan_sums import in_wan


def named_other_item(text: str, kept: str) -> bool:
    """Whether ``text`` names an item other than ``kept`` by one of its words, and not another scheme by it."""
    if any(word in text for word in item_words() if subject_item(word) == kept):
        return False
    code = subject_item(text)
    return bool(code) and code != kept and not another_scheme(text, str(code))


def mentioned_item(tracker: Tracker) -> str | None:
    """The item to search within: the conversation's, for a message that names none (a follow-up).

    A message that names an item says what it asks in its own words, so the NLU's item is not sent with it: the
    dev sets measure such questions without an item, and an item sent along lifts that item's sources by a bonus
    the out-of-scope examples do not get ("稳岗补贴怎么申请", read as the start-up subsidy, got its how-to). So is a
    message naming another item by a word the NLU did not tag ("注册").
    """
    if next(tracker.get_latest_entity_values(ITEM_ENTITY), None) is not None:
        return None
    kept = tracker.get_slot(ITEM_ENTITY)
    text = str(tracker.latest_message.get("text") or "")
    if kept and not planned_kind(text) and named_other_item(text, str(kept)):
        return None  # "那登记注册又要几天" after the tax question: the words name the registration
    follow_up = WHAT_ABOUT.match(text.strip())
    if follow_up and names_other_scheme(follow_up.group("subject")):
        return None  # "那医保呢" after the pension's rate: another scheme, never searched within the pension
    return kept


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
    item = item or mentioned_item(tracker)
    asked = in_wan(in_chinese(tracker, gist(tracker, query or query_text(tracker))))  # "150000元" → 15万
    body = {
        "query": with_borrower(tracker, asked, item),  # "能贷多少" in a small enterprise's application: its 300万
        "item": item,
        "region": region,
        "conversation_id": tracker.sender_id,
        "record_unanswered": record_unanswered,
    }
    return await knowledge_client.ask(body)  # context the service refuses is dropped, never "service down"
