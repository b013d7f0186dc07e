"""WeChat waits 5 seconds for an answer: the push is acknowledged at once, the bot answers later."""

import asyncio
import time

from tests.channels.fake_api import FakeWeChatApi
from tests.channels.wechat_peer import StartServer, WeChatPeer, eventually

SLOW_BOT_S = 8.0


async def test_a_slow_bot_is_still_acknowledged_well_within_5_seconds(
    start_server: StartServer, peer: WeChatPeer, wechat_api: FakeWeChatApi
) -> None:
    server = await start_server(bot_delay_s=SLOW_BOT_S)
    push = peer.push(peer.text("帮我查一下进度"), encrypted=True)

    started = time.perf_counter()
    assert await server.post(*push) == (200, "success")
    elapsed = time.perf_counter() - started

    assert elapsed < 1.0, f"acknowledged after {elapsed:.2f}s"
    await eventually(lambda: len(server.turns) == 1)  # the bot is busy with it...
    assert wechat_api.sends == []  # ...and has not answered yet


async def test_many_pushes_to_a_busy_bot_are_all_acknowledged_quickly(
    start_server: StartServer, peer: WeChatPeer
) -> None:
    server = await start_server(bot_delay_s=SLOW_BOT_S)
    pushes = [peer.push(peer.text(f"问题{n}", openid=f"o-user-{n:03d}"), encrypted=True) for n in range(20)]

    started = time.perf_counter()
    results = await asyncio.gather(*(server.post(*push) for push in pushes))
    elapsed = time.perf_counter() - started

    assert results == [(200, "success")] * 20
    assert elapsed < 2.0, f"20 concurrent pushes acknowledged in {elapsed:.2f}s"
    await eventually(lambda: len(server.turns) == 20)
