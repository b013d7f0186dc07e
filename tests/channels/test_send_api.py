"""The customer-service send API against a fake WeChat API on 127.0.0.1: tokens, expiry, quota errors."""

import asyncio
import logging
from collections.abc import AsyncIterator

import pytest

from channels.wechat.api import WeChatApiClient
from channels.wechat.output import WeChatOutput, split_for_wechat
from tests.channels.fake_api import FakeWeChatApi
from tests.channels.wechat_peer import APP_ID, APP_SECRET, OPENID, StartServer, WeChatPeer, eventually, settle


@pytest.fixture(params=["stable", "classic"])
async def client(request: pytest.FixtureRequest, wechat_api: FakeWeChatApi) -> AsyncIterator[WeChatApiClient]:
    api_client = WeChatApiClient(APP_ID, APP_SECRET, wechat_api.base_url, token_endpoint=request.param)
    yield api_client
    await api_client.close()


async def test_send_is_a_text_message_with_a_cached_token(client: WeChatApiClient, wechat_api: FakeWeChatApi) -> None:
    for text in ["您好", "创业担保贷款最高20万元"]:
        result = await client.send_text(OPENID, text)
        assert result.ok and result.attempts == 1

    assert len(wechat_api.token_requests) == 1  # cached
    request = wechat_api.token_requests[0]
    assert (request["grant_type"], request["appid"], request["secret"]) == ("client_credential", APP_ID, APP_SECRET)
    assert [sent.body for sent in wechat_api.sends] == [
        {"touser": OPENID, "msgtype": "text", "text": {"content": "您好"}},
        {"touser": OPENID, "msgtype": "text", "text": {"content": "创业担保贷款最高20万元"}},
    ]
    assert {sent.access_token for sent in wechat_api.sends} == {"ACCESS_TOKEN_1"}
    assert wechat_api.problems == []


async def test_stable_token_endpoint_is_the_default(wechat_api: FakeWeChatApi) -> None:
    api_client = WeChatApiClient(APP_ID, APP_SECRET, wechat_api.base_url)
    assert (await api_client.send_text(OPENID, "hi")).ok
    await api_client.close()
    assert wechat_api.token_requests[0]["endpoint"] == "stable_token"
    assert wechat_api.token_requests[0]["force_refresh"] is False


async def test_expired_token_is_refreshed_once_and_the_send_retried(
    client: WeChatApiClient, wechat_api: FakeWeChatApi
) -> None:
    assert (await client.send_text(OPENID, "第一条")).ok
    wechat_api.expire_tokens()  # WeChat now answers 40001 to the cached token

    result = await client.send_text(OPENID, "第二条")

    assert result.ok and result.attempts == 2
    assert [sent.errcode for sent in wechat_api.sends] == [0, 40001, 0]
    assert [sent.access_token for sent in wechat_api.sends] == ["ACCESS_TOKEN_1", "ACCESS_TOKEN_1", "ACCESS_TOKEN_2"]
    assert len(wechat_api.token_requests) == 2
    assert wechat_api.delivered[-1].body["text"]["content"] == "第二条"


async def test_concurrent_sends_with_an_expired_token_refresh_it_once(
    client: WeChatApiClient, wechat_api: FakeWeChatApi
) -> None:
    assert (await client.send_text(OPENID, "warm up")).ok
    wechat_api.expire_tokens()

    results = await asyncio.gather(*(client.send_text(f"o-user-{n}", "你好") for n in range(5)))

    assert all(result.ok for result in results)
    assert len({request["endpoint"] for request in wechat_api.token_requests}) == 1
    assert 2 <= len(wechat_api.token_requests) <= 3  # one refresh (stable: plus its force_refresh call)
    assert len(wechat_api.delivered) == 6


async def test_a_token_rejected_again_is_not_retried_in_a_loop(
    client: WeChatApiClient, wechat_api: FakeWeChatApi, caplog: pytest.LogCaptureFixture
) -> None:
    wechat_api.scripted = [40001, 40001, 40001, 40001]
    with caplog.at_level(logging.INFO, logger="channels"):
        result = await client.send_text(OPENID, "你好")
    assert (result.ok, result.errcode, result.attempts) == (False, 40001, 2)
    assert len(wechat_api.sends) == 2


@pytest.mark.parametrize(("errcode", "meaning"), [(45015, "reply time limit"), (45047, "send count")])
async def test_quota_errors_are_logged_and_not_retried(
    client: WeChatApiClient,
    wechat_api: FakeWeChatApi,
    caplog: pytest.LogCaptureFixture,
    errcode: int,
    meaning: str,
) -> None:
    wechat_api.always = errcode
    with caplog.at_level(logging.WARNING, logger="channels"):
        results = [await client.send_text(OPENID, "你好") for _ in range(3)]
    assert [result.errcode for result in results] == [errcode] * 3
    assert [result.attempts for result in results] == [1, 1, 1]
    assert len(wechat_api.sends) == 3  # one call per message: no retry storm
    assert len(wechat_api.token_requests) == 1
    warnings = [record.getMessage() for record in caplog.records if record.levelno == logging.WARNING]
    assert len(warnings) == 3 and all(str(errcode) in w and meaning in w for w in warnings)
    assert all(OPENID not in w for w in warnings)


async def test_refused_credentials_are_an_error_result_without_a_send(wechat_api: FakeWeChatApi) -> None:
    api_client = WeChatApiClient(APP_ID, "wrong-secret", wechat_api.base_url, token_endpoint="classic")
    result = await api_client.send_text(OPENID, "你好")
    await api_client.close()
    assert (result.ok, result.errcode, result.attempts) == (False, 40125, 0)
    assert wechat_api.sends == []


async def test_unreachable_api_is_an_error_result() -> None:
    api_client = WeChatApiClient(APP_ID, APP_SECRET, "http://127.0.0.1:1")
    result = await api_client.send_text(OPENID, "你好")
    await api_client.close()
    assert (result.ok, result.errcode) == (False, -1)


async def test_quota_error_through_the_channel_is_not_retried(
    start_server: StartServer, peer: WeChatPeer, wechat_api: FakeWeChatApi
) -> None:
    server = await start_server()
    wechat_api.always = 45047
    await server.post(*peer.push(peer.text("你好"), encrypted=True))
    await eventually(lambda: len(wechat_api.sends) == 1)
    await settle()
    assert len(wechat_api.sends) == 1 and len(server.turns) == 1


async def test_token_expiry_through_the_channel(
    start_server: StartServer, peer: WeChatPeer, wechat_api: FakeWeChatApi
) -> None:
    server = await start_server(token_endpoint="classic")
    await server.post(*peer.push(peer.text("第一条")))
    await eventually(lambda: len(wechat_api.delivered) == 1)
    wechat_api.expire_tokens()
    await server.post(*peer.push(peer.text("第二条")))
    await eventually(lambda: len(wechat_api.delivered) == 2)
    assert [sent.errcode for sent in wechat_api.sends] == [0, 40001, 0]
    assert wechat_api.delivered[-1].body["text"]["content"] == "收到：第二条"


async def test_a_turns_replies_go_out_together(wechat_api: FakeWeChatApi) -> None:
    api_client = WeChatApiClient(APP_ID, APP_SECRET, wechat_api.base_url)
    output = WeChatOutput(api_client, buffered=True)
    await output.send_response(f"wechat:{OPENID}", {"text": "您好！"})
    await output.send_response(
        f"wechat:{OPENID}", {"text": "想了解哪一项？", "buttons": [{"title": "创业补贴"}, {"title": "创业担保贷款"}]}
    )
    await output.send_response(f"wechat:{OPENID}", {"custom": {"form": "apply"}})
    assert wechat_api.sends == []
    results = await output.flush(f"wechat:{OPENID}")
    await api_client.close()

    assert [result.ok for result in results] == [True]
    assert wechat_api.sends[0].body["text"]["content"] == "您好！\n\n想了解哪一项？\n1. 创业补贴\n2. 创业担保贷款"


async def test_an_unbuffered_output_sends_at_once(wechat_api: FakeWeChatApi) -> None:
    api_client = WeChatApiClient(APP_ID, APP_SECRET, wechat_api.base_url)
    await WeChatOutput(api_client).send_text_message(f"wechat:{OPENID}", "工作人员回复：您好")
    await api_client.close()
    assert wechat_api.sends[0].body["touser"] == OPENID


def test_long_replies_are_split_under_the_size_limit() -> None:
    assert split_for_wechat(["甲", "乙"]) == ["甲\n\n乙"]
    long = "创业" * 1500  # 9000 bytes
    messages = split_for_wechat(["开头", long, "结尾"], max_bytes=2000)
    assert all(len(m.encode("utf-8")) <= 2000 for m in messages)
    assert "".join(m.replace("\n\n", "") for m in messages) == "开头" + long + "结尾"
    assert split_for_wechat(["", "  "]) == []
