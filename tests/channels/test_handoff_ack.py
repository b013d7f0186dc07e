"""A handed-off conversation answers the user's next message once ("已转人工…"), instead of silence."""

import json
from collections.abc import AsyncIterator
from types import SimpleNamespace
from typing import Any

import pytest
from rasa.core.channels.channel import CollectingOutputChannel, UserMessage
from rasa.core.lock_store import InMemoryLockStore
from rasa.core.tracker_store import InMemoryTrackerStore
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import (
    ActionExecuted,
    BotUttered,
    ConversationPaused,
    ConversationResumed,
    UserUttered,
)

from channels.handoff_ack import ACKNOWLEDGEMENT, MARK, acknowledging, needs_acknowledgement
from channels.rest import SandboxedRestInput
from tests.channels.channel_server import ChannelHost

SENDER = "web:caller-1"


class PausingBot(ChannelHost):
    """A channel host whose stub bot behaves like Rasa: it stores every message, and answers only when not paused."""

    def __init__(self) -> None:
        super().__init__(SandboxedRestInput())
        self.store = InMemoryTrackerStore(Domain.empty())
        self.app.ctx.agent = SimpleNamespace(tracker_store=self.store, lock_store=InMemoryLockStore())

    async def _bot(self, message: UserMessage) -> None:
        self.turns.append(message)
        tracker = await self.store.get_or_create_tracker(message.sender_id)
        tracker.update(UserUttered(message.text))
        if not tracker.is_paused():
            await message.output_channel.send_text_message(message.sender_id, f"收到：{message.text}")
        await self.store.save(tracker)

    async def append(self, *events: Any) -> None:
        tracker = await self.store.get_or_create_tracker(SENDER)
        for event in events:
            tracker.update(event)
        await self.store.save(tracker)

    async def say(self, text: str) -> list[str]:
        status, replies = await self.post(
            json.dumps({"sender": "caller-1", "message": text}).encode(), {"Content-Type": "application/json"}
        )
        assert status == 200
        return [reply["text"] for reply in replies]


@pytest.fixture
async def host() -> AsyncIterator[PausingBot]:
    bot = PausingBot()
    await bot.start()
    yield bot
    await bot.stop()


async def test_the_first_message_after_a_handoff_is_acknowledged_once_and_staff_see_both(host: PausingBot) -> None:
    await host.append(ActionExecuted("action_listen"), UserUttered("转人工"), BotUttered("好的，正在为您转接人工客服"))
    await host.append(ConversationPaused())

    assert await host.say("有人吗") == [ACKNOWLEDGEMENT]
    assert await host.say("我等着呢") == []  # once per handoff, not on every message

    tracker = await host.store.retrieve(SENDER)
    assert tracker is not None
    said = [e.text for e in tracker.events if isinstance(e, UserUttered)]
    assert said[-2:] == ["有人吗", "我等着呢"]  # stored: the staff member sees them in the console
    acks = [e for e in tracker.events if isinstance(e, BotUttered) and e.metadata.get(MARK)]
    assert [a.text for a in acks] == [ACKNOWLEDGEMENT]


async def test_after_the_hand_back_the_bot_answers_and_a_new_handoff_is_acknowledged_again(host: PausingBot) -> None:
    await host.append(ConversationPaused())
    assert await host.say("在吗") == [ACKNOWLEDGEMENT]
    await host.append(ConversationResumed(), ActionExecuted("action_listen"))
    assert await host.say("贷款要多久") == ["收到：贷款要多久"]
    await host.append(ConversationPaused())
    assert await host.say("还是找人吧") == [ACKNOWLEDGEMENT]


async def test_a_conversation_not_handed_off_gets_only_the_bots_answer(host: PausingBot) -> None:
    assert await host.say("你好") == ["收到：你好"]


async def test_a_turn_the_bot_answered_is_not_read_back_again_to_look_for_a_handoff(host: PausingBot) -> None:
    reads: list[str] = []
    read = host.store.retrieve

    async def counting(sender_id: str) -> Any:
        reads.append(sender_id)
        return await read(sender_id)

    host.store.retrieve = counting
    assert await host.say("你好") == ["收到：你好"]
    assert reads == [SENDER]  # the bot's own read of the conversation, no second one


def test_needs_acknowledgement_reads_the_event_log() -> None:
    user: dict[str, Any] = {"event": "user", "text": "喂"}
    ack: dict[str, Any] = {"event": "bot", "text": ACKNOWLEDGEMENT, "metadata": {MARK: True}}
    staff: dict[str, Any] = {"event": "bot", "text": "您好，我是工作人员", "metadata": {"staff_id": "s1"}}
    pause, resume = {"event": "pause"}, {"event": "resume"}
    assert not needs_acknowledgement([user])
    assert not needs_acknowledgement([user, pause])  # the handoff message itself already said so
    assert needs_acknowledgement([pause, user])
    assert not needs_acknowledgement([pause, user, ack, user])
    assert not needs_acknowledgement([pause, user, ack, staff, user])
    assert not needs_acknowledgement([pause, user, resume])
    assert needs_acknowledgement([pause, user, ack, resume, pause, user])


async def test_acknowledging_wraps_a_callback_and_is_silent_without_an_agent() -> None:
    seen: list[str] = []

    async def bot(message: UserMessage) -> None:
        seen.append(message.text or "")

    collector = CollectingOutputChannel()
    await acknowledging(bot, SimpleNamespace(ctx=SimpleNamespace()))(UserMessage("你好", collector, SENDER))
    assert seen == ["你好"] and collector.messages == []
