"""A WeChat push through Rasa's own channel wiring to the trained assistant and out through the send API."""

import asyncio
import socket
import uuid

from rasa.core.agent import Agent
from rasa.core.channels.channel import register
from sanic import Sanic

from channels.wechat import WeChatInput
from tests.channels.fake_api import FakeWeChatApi
from tests.channels.wechat_peer import OPENID, WeChatPeer, eventually, make_settings, post_push


async def _greet_through_wechat(agent: Agent) -> FakeWeChatApi:
    wechat_api = await FakeWeChatApi().start()
    channel = WeChatInput(make_settings(wechat_api.base_url))
    Sanic.test_mode = True
    app = Sanic(f"wechat-agent-{uuid.uuid4().hex[:8]}")
    app.ctx.agent = agent
    register([channel], app, route="/webhooks/")  # exactly what `rasa run` does with credentials.yml
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    server = await app.create_server(sock=sock, return_asyncio_server=True, access_log=False)
    assert server is not None
    await server.startup()
    await server.after_start()
    try:
        url = f"http://127.0.0.1:{sock.getsockname()[1]}/webhooks/wechat/webhook"
        peer = WeChatPeer()
        assert await post_push(url, *peer.push(peer.text("你好"), encrypted=True)) == (200, "success")
        await eventually(lambda: len(wechat_api.sends) >= 1, timeout_s=30)
        await asyncio.sleep(0.5)  # nothing else follows
    finally:
        await channel.drain(timeout_s=5)
        await server.before_stop()
        server.close()
        await server.wait_closed()
        await server.after_stop()
        await wechat_api.stop()
    return wechat_api


def test_wechat_hello_gets_one_chinese_greeting(agent: Agent) -> None:
    wechat_api = asyncio.run(_greet_through_wechat(agent))

    (sent,) = wechat_api.sends
    assert sent.errcode == 0 and wechat_api.problems == []
    assert sent.body["touser"] == OPENID and sent.body["msgtype"] == "text"
    assert "您好" in sent.body["text"]["content"]
