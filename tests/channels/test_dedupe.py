"""WeChat retries a push up to 3 times: each MsgId (events: sender + CreateTime) is one conversation turn."""

import asyncio
import logging
import uuid
from collections.abc import AsyncIterator

import pytest
import redis.asyncio as redis_asyncio

from channels.wechat import WeChatInput
from channels.wechat.dedupe import MemoryDedupeStore, RedisDedupeStore
from tests.channels.fake_api import FakeWeChatApi
from tests.channels.wechat_peer import ChannelServer, StartServer, WeChatPeer, eventually, make_settings, settle

REDIS_URL = "redis://127.0.0.1:6379/5"


async def test_memory_store_claims_once_within_the_ttl() -> None:
    now = [0.0]
    store = MemoryDedupeStore(ttl_seconds=10, clock=lambda: now[0])
    assert await store.claim("msg:1") is True
    assert await store.claim("msg:1") is False
    assert await store.claim("msg:2") is True
    now[0] = 10.5
    assert await store.claim("msg:1") is True  # expired, claimed again
    assert len(store) == 1  # msg:2 was pruned


@pytest.mark.parametrize("encrypted", [False, True])
async def test_triple_retry_of_a_message_is_one_turn(
    start_server: StartServer, peer: WeChatPeer, wechat_api: FakeWeChatApi, encrypted: bool
) -> None:
    server = await start_server()
    fields = peer.text("创业补贴怎么申请")
    # WeChat re-sends the same message; each retry has its own timestamp/nonce/signature.
    pushes = [peer.push(fields, encrypted=encrypted) for _ in range(4)]

    assert [await server.post(*push) for push in pushes] == [(200, "success")] * 4
    await eventually(lambda: len(wechat_api.sends) >= 1)
    await settle()
    assert len(server.turns) == 1 and len(wechat_api.sends) == 1


async def test_concurrent_retries_are_one_turn(
    start_server: StartServer, peer: WeChatPeer, wechat_api: FakeWeChatApi
) -> None:
    server = await start_server(bot_delay_s=0.5)  # retries arrive while the first is still being handled
    fields = peer.text("你好")
    results = await asyncio.gather(*(server.post(*peer.push(fields, encrypted=True)) for _ in range(3)))
    assert results == [(200, "success")] * 3
    await eventually(lambda: len(wechat_api.sends) == 1)
    await settle()
    assert len(server.turns) == 1


async def test_triple_retry_of_an_event_is_one_turn(
    start_server: StartServer, peer: WeChatPeer, wechat_api: FakeWeChatApi
) -> None:
    server = await start_server()
    event = peer.enter_session(create_time=1700000000)
    for _ in range(3):
        assert await server.post(*peer.push(event, encrypted=True)) == (200, "success")
    await eventually(lambda: len(wechat_api.sends) == 1)
    await settle()
    assert [turn.text for turn in server.turns] == ["/greet"]

    later = peer.enter_session(create_time=1700000100)  # entering again later is a new event
    await server.post(*peer.push(later, encrypted=True))
    await eventually(lambda: len(server.turns) == 2)


async def test_different_messages_are_different_turns(
    start_server: StartServer, peer: WeChatPeer, wechat_api: FakeWeChatApi
) -> None:
    server = await start_server()
    for text in ["你好", "你好"]:  # same words, two messages (two MsgIds)
        await server.post(*peer.push(peer.text(text)))
    await eventually(lambda: len(server.turns) == 2 and len(wechat_api.sends) == 2)


@pytest.fixture
async def redis_prefix() -> AsyncIterator[str]:
    prefix = f"test:wechat:{uuid.uuid4().hex}:"
    yield prefix
    client = redis_asyncio.from_url(REDIS_URL)
    keys = [key async for key in client.scan_iter(match=f"{prefix}*")]
    if keys:
        await client.delete(*keys)
    await client.close()


async def test_redis_store_uses_set_nx_with_a_ttl(redis_prefix: str) -> None:
    store = RedisDedupeStore(REDIS_URL, ttl_seconds=120, prefix=redis_prefix)
    other_worker = RedisDedupeStore(REDIS_URL, ttl_seconds=120, prefix=redis_prefix)
    assert await store.claim("msg:42") is True
    assert await other_worker.claim("msg:42") is False
    client = redis_asyncio.from_url(REDIS_URL)
    assert 0 < await client.ttl(f"{redis_prefix}msg:42") <= 120
    await client.close()
    await store.close()
    await other_worker.close()


async def test_two_workers_sharing_redis_handle_a_retried_message_once(
    wechat_api: FakeWeChatApi, peer: WeChatPeer, redis_prefix: str
) -> None:
    def worker() -> WeChatInput:
        settings = make_settings(wechat_api.base_url)
        return WeChatInput(settings, dedupe_store=RedisDedupeStore(REDIS_URL, 600, redis_prefix))

    first, second = await ChannelServer(worker()).start(), await ChannelServer(worker()).start()
    try:
        message, event = peer.text("创业担保贷款"), peer.enter_session(create_time=1700000000)
        for fields in (message, event):
            # WeChat's retries may land on any worker behind the load balancer, even at the same time.
            attempts = [first.post(*peer.push(fields, encrypted=True)) for _ in range(2)]
            attempts.append(second.post(*peer.push(fields, encrypted=True)))
            assert await asyncio.gather(*attempts) == [(200, "success")] * 3
        await eventually(lambda: len(wechat_api.sends) == 2)
        await settle()
        turns = first.turns + second.turns
        assert sorted(turn.text for turn in turns) == ["/greet", "创业担保贷款"]
    finally:
        await first.stop()
        await second.stop()


async def test_without_redis_each_worker_still_dedupes_itself(caplog: pytest.LogCaptureFixture) -> None:
    store = RedisDedupeStore("redis://127.0.0.1:1/0", ttl_seconds=60)  # nothing listens there
    with caplog.at_level(logging.WARNING):
        assert await store.claim("msg:7") is True
        assert await store.claim("msg:7") is False
    assert "Redis unavailable" in caplog.text
    await store.close()
