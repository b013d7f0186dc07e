"""The public REST channel is anonymous and sandboxed: whatever a caller writes lands in its own web: conversation.

Item 1 of the security review: ``{"sender": "wechat:<openid>", "input_channel": "miniprogram"}`` through Rasa's
REST channel used to be that WeChat user's conversation, with a verified channel.
"""

import json
from collections.abc import AsyncIterator
from typing import Any

import pytest

from channels.rest import SandboxedRestInput
from contract.conversations import identify
from tests.channels.channel_server import ChannelHost


@pytest.fixture
async def rest() -> AsyncIterator[ChannelHost]:
    host = await ChannelHost(SandboxedRestInput()).start()
    yield host
    await host.stop()


async def send(rest: ChannelHost, body: Any) -> tuple[int, Any]:
    return await rest.post(json.dumps(body, ensure_ascii=False).encode(), {"Content-Type": "application/json"})


async def test_a_wechat_sender_with_a_verified_channel_and_metadata_is_just_a_web_visitor(rest: ChannelHost) -> None:
    forged = {
        "sender": "wechat:oVictim123",
        "input_channel": "miniprogram",
        "metadata": {"hotline": {"staff_id": "zhangsan", "call_id": "c1"}, "miniprogram": True},
        "message": "帮我查一下进度",
    }
    status, replies = await send(rest, forged)
    assert status == 200 and replies == [{"recipient_id": "web:wechat:oVictim123", "text": "收到：帮我查一下进度"}]
    (turn,) = rest.turns
    assert (turn.sender_id, turn.input_channel, turn.metadata) == ("web:wechat:oVictim123", "rest", None)
    assert identify(turn.sender_id, turn.input_channel).kind == "anonymous"


@pytest.mark.parametrize("sender", ["hotline:20260101093000-abcdef", "web:me", "default", "me"])
async def test_every_sender_gets_its_own_web_namespace(rest: ChannelHost, sender: str) -> None:
    status, _ = await send(rest, {"sender": sender, "message": "你好", "input_channel": "hotline"})
    assert status == 200
    assert rest.turns[0].sender_id == f"web:{sender}" and rest.turns[0].input_channel == "rest"


async def test_without_a_sender_each_visitor_gets_a_fresh_conversation(rest: ChannelHost) -> None:
    await send(rest, {"message": "你好"})
    await send(rest, {"message": "你好"})
    first, second = (turn.sender_id for turn in rest.turns)
    assert first.startswith("web:") and second.startswith("web:") and first != second


@pytest.mark.parametrize(
    "body",
    [
        b"not json",
        b"[1, 2]",
        b"",
        b'{"sender": "me"}',
        b'{"sender": "me", "message": 5}',
        b'{"sender": 7, "message": "x"}',
    ],
)
async def test_malformed_requests_are_400_and_never_reach_the_bot(rest: ChannelHost, body: bytes) -> None:
    status, answer = await rest.post(body, {"Content-Type": "application/json"})
    assert status == 400 and answer["message"]
    assert rest.turns == []


async def test_an_overlong_sender_or_body_is_refused(rest: ChannelHost) -> None:
    assert (await send(rest, {"sender": "x" * 129, "message": "你好"}))[0] == 400
    assert (await send(rest, {"sender": "me", "message": "好" * 30000}))[0] == 413
    assert rest.turns == []
