"""A rating given after staff hand a conversation back rates that handoff (a tracker with a ``resume`` event).

Against the real service: a handoff is requested for the conversation and taken by a staff member; once the
tracker shows the conversation handed back, "五星好评" is stored as the rating of that handoff (the service then
reports it rated). The same words in a conversation that was never handed back rate the conversation.
"""

from __future__ import annotations

import json
import urllib.request
from typing import Any

from actions.service_client import gateway_headers
from tests.actions.test_appeals import STAFF, Chat, _post


def _get(url: str, headers: dict[str, str]) -> Any:
    with urllib.request.urlopen(urllib.request.Request(url, headers=headers), timeout=10) as answer:
        return json.load(answer)


def _handed_to_staff(service_url: str, conversation: str) -> int:
    """Request a handoff of ``conversation`` as the action server does, and have a staff member take it."""
    handoff = _post(
        f"{service_url}/api/v1/handoffs",
        gateway_headers(conversation),
        {"conversation_id": conversation, "channel": "rest"},
    )
    staff = {"Authorization": "Bearer " + _post(f"{service_url}/api/v1/staff/login", {}, STAFF)["token"]}
    _post(f"{service_url}/api/v1/handoffs/{handoff['id']}/take", staff)
    return int(handoff["id"])


async def test_five_stars_after_staff_hand_the_conversation_back_rate_the_handoff(service_url: str) -> None:
    conversation = "web:rating-after-handback"
    handoff_id = _handed_to_staff(service_url, conversation)
    lookup = f"{service_url}/api/v1/ratings/latest-handoff?conversation_id={conversation}"
    assert _get(lookup, gateway_headers(conversation)) == {"handoff_id": handoff_id, "rated": False}

    chat = Chat(conversation)
    chat.events.append({"event": "resume"})  # staff handed the conversation back to the bot
    said = await chat.say("五星好评", "give_feedback")
    assert "对人工服务的评价（5星）已记录" in said
    assert _get(lookup, gateway_headers(conversation)) == {"handoff_id": handoff_id, "rated": True}
    again = await chat.say("五星好评", "give_feedback")
    assert "对人工服务的评价" not in again  # the handoff is rated once; a second rating is the conversation's


async def test_without_a_hand_back_the_same_words_rate_the_conversation(service_url: str) -> None:
    conversation = "web:rating-still-with-staff"
    handoff_id = _handed_to_staff(service_url, conversation)
    said = await Chat(conversation).say("五星好评", "give_feedback")
    assert "对这次对话的评价（5星）已记录" in said
    lookup = f"{service_url}/api/v1/ratings/latest-handoff?conversation_id={conversation}"
    assert _get(lookup, gateway_headers(conversation)) == {"handoff_id": handoff_id, "rated": False}
