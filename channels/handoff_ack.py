"""While a person has the conversation, a user's message is acknowledged once instead of meeting silence.

``action_handoff`` pauses the conversation (``ConversationPaused``): from then on Rasa stores each user message,
so the staff member sees it in the console, but runs no action, so the user got no reply at all and could not
tell whether anyone was there. Every channel calls :func:`acknowledge_handoff` right after the bot has handled a
message: when the conversation is paused and nothing has told the user so since the pause, it answers
:data:`ACKNOWLEDGEMENT` on the user's channel and records it in the tracker (a ``bot`` event marked
``{"handoff_ack": true}``), so the staff member sees what the user was told and the next messages stay quiet
(one acknowledgement per handoff, not one per message). Staff replies and the hand-back are the service's.

A turn the bot answered on a collecting channel (REST, mini-program, hotline) was not a paused one: Rasa runs no
action for a paused conversation, so the conversation is not read again to find out (that read, the whole tracker
from the store, cost as much as the turn's own read: ``docs/benchmarks.md``, "Issue 16, round 2").
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable, Iterable, Mapping
from typing import Any

from rasa.core.channels.channel import CollectingOutputChannel, UserMessage
from rasa.shared.core.events import BotUttered

logger = logging.getLogger(__name__)

ACKNOWLEDGEMENT = "已转人工，请稍候，工作人员会在这里回复您；您发的消息工作人员都能看到。"
MARK = "handoff_ack"
OnNewMessage = Callable[[UserMessage], Awaitable[None]]


def needs_acknowledgement(events: Iterable[Mapping[str, Any]]) -> bool:
    """Whether the latest user message of a paused conversation should be acknowledged.

    Args:
        events: The conversation's events as dicts (oldest first).

    Returns:
        True when the conversation is paused, a user message came after the pause, and no acknowledgement has
        been given since the pause.
    """
    paused = acknowledged = heard = False
    for event in events:
        kind = event.get("event")
        if kind == "pause":
            paused, acknowledged, heard = True, False, False
        elif kind in ("resume", "restart"):
            paused = False
        elif kind == "user" and paused:
            heard = True
        elif kind == "bot" and paused and (event.get("metadata") or {}).get(MARK):
            acknowledged = True
    return paused and heard and not acknowledged


async def acknowledge_handoff(app: Any, message: UserMessage) -> bool:
    """Tell the user of a handed-off conversation, once per handoff, that a person will answer here.

    Args:
        app: The Sanic app the channel runs in (its ``ctx.agent`` holds the tracker and lock stores); without an
            agent (a channel tested on its own) nothing happens.
        message: The user message the bot has just handled (its output channel receives the acknowledgement).

    Returns:
        Whether the acknowledgement was sent.
    """
    agent = getattr(getattr(app, "ctx", None), "agent", None)
    store = getattr(agent, "tracker_store", None)
    locks = getattr(agent, "lock_store", None)
    if store is None or locks is None:
        return False
    if isinstance(message.output_channel, CollectingOutputChannel) and message.output_channel.messages:
        return False  # the bot answered: the conversation was not paused, or was paused only by this turn
    try:
        async with locks.lock(message.sender_id):
            tracker = await store.retrieve(message.sender_id)
            if tracker is None or not tracker.is_paused():
                return False
            if not needs_acknowledgement(event.as_dict() for event in tracker.events):
                return False
            tracker.update(BotUttered(ACKNOWLEDGEMENT, metadata={MARK: True}))
            await store.save(tracker)
    except Exception as error:  # the user's message is stored either way; never fail the channel's answer
        logger.warning("handoff acknowledgement skipped: %s", type(error).__name__)
        return False
    await message.output_channel.send_text_message(message.sender_id, ACKNOWLEDGEMENT)
    return True


def acknowledging(on_new_message: Callable[[UserMessage], Awaitable[Any]], app: Any) -> OnNewMessage:
    """``on_new_message`` followed by :func:`acknowledge_handoff` (for channels that hand the callback on)."""

    async def handle(message: UserMessage) -> None:
        await on_new_message(message)
        await acknowledge_handoff(app, message)

    return handle
