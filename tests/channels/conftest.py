"""Fixtures of the WeChat channel tests: the fake WeChat API and the channel in a real server."""

from collections.abc import AsyncIterator

import pytest

from channels.wechat import WeChatInput
from tests.channels.fake_api import FakeWeChatApi
from tests.channels.wechat_peer import ChannelServer, StartServer, WeChatPeer, make_settings


@pytest.fixture
async def wechat_api() -> AsyncIterator[FakeWeChatApi]:
    api = await FakeWeChatApi().start()
    yield api
    await api.stop()


@pytest.fixture
def peer() -> WeChatPeer:
    return WeChatPeer()


@pytest.fixture
async def start_server(wechat_api: FakeWeChatApi) -> AsyncIterator[StartServer]:
    """Start channel servers (settings overridable per call); all are stopped after the test."""
    servers: list[ChannelServer] = []

    async def start(bot_delay_s: float = 0.0, **overrides: object) -> ChannelServer:
        channel = WeChatInput(make_settings(wechat_api.base_url, **overrides))
        server = await ChannelServer(channel, bot_delay_s=bot_delay_s).start()
        servers.append(server)
        return server

    yield start
    for server in servers:
        await server.stop()
