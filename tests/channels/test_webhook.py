"""The webhook as WeChat's servers call it: URL check, XML/JSON, plain/safe mode, refusals, message types."""

import logging

import pytest

from channels.wechat.channel import NON_TEXT_REPLY
from tests.channels.fake_api import FakeWeChatApi
from tests.channels.test_crypto import OFFICIAL
from tests.channels.wechat_peer import OPENID, StartServer, WeChatPeer, eventually, settle, signature, to_xml

FORMATS = [("xml", False), ("xml", True), ("json", False), ("json", True)]


async def test_url_check_echoes_echostr(start_server: StartServer, peer: WeChatPeer) -> None:
    server = await start_server()
    assert await server.get(peer.url_check("4958745983745")) == (200, "4958745983745")


@pytest.mark.parametrize("field", ["signature", "timestamp", "nonce"])
async def test_url_check_with_a_bad_signature_is_forbidden(
    start_server: StartServer, peer: WeChatPeer, field: str
) -> None:
    server = await start_server()
    query = peer.url_check()
    query[field] = query[field][:-1] + ("0" if query[field][-1] != "0" else "1")
    status, text = await server.get(query)
    assert status == 403 and "echo" not in text
    query.pop("signature")
    assert (await server.get(query))[0] == 403


@pytest.mark.parametrize(("message_format", "encrypted"), FORMATS)
async def test_text_reaches_the_bot_and_the_reply_goes_out(
    start_server: StartServer, peer: WeChatPeer, wechat_api: FakeWeChatApi, message_format: str, encrypted: bool
) -> None:
    server = await start_server(message_format=message_format)
    query, body = peer.push(peer.text("创业担保贷款能贷多少"), message_format, encrypted)

    assert await server.post(query, body) == (200, "success")

    await eventually(lambda: len(wechat_api.sends) == 1)
    (turn,) = server.turns
    assert (turn.sender_id, turn.text, turn.input_channel) == (f"wechat:{OPENID}", "创业担保贷款能贷多少", "wechat")
    assert turn.metadata["wechat"]["msg_type"] == "text"
    (sent,) = wechat_api.sends
    assert sent.body == {"touser": OPENID, "msgtype": "text", "text": {"content": "收到：创业担保贷款能贷多少"}}
    assert sent.access_token in wechat_api.valid_tokens
    assert wechat_api.problems == []


async def test_wechats_official_encrypted_example_is_accepted(
    start_server: StartServer, wechat_api: FakeWeChatApi
) -> None:
    server = await start_server(
        token=OFFICIAL["token"], encoding_aes_key=OFFICIAL["encoding_aes_key"], app_id=OFFICIAL["app_id"]
    )
    query = {
        "signature": OFFICIAL["signature"],
        "timestamp": OFFICIAL["timestamp"],
        "nonce": OFFICIAL["nonce"],
        "encrypt_type": "aes",
        "msg_signature": OFFICIAL["msg_signature"],
    }
    body = to_xml({"ToUserName": "gh_10f6c3c3ac5a", "Encrypt": OFFICIAL["encrypt"]}).encode()

    assert await server.post(query, body) == (200, "success")
    await eventually(lambda: len(server.turns) == 1)
    assert (server.turns[0].sender_id, server.turns[0].text) == ("wechat:oyORnuP8q7ou2gfYjqLzSIWZf0rs", "abcdteT")


@pytest.mark.parametrize(("message_format", "encrypted"), FORMATS)
async def test_tampered_signature_is_forbidden_and_never_reaches_the_bot(
    start_server: StartServer, peer: WeChatPeer, wechat_api: FakeWeChatApi, message_format: str, encrypted: bool
) -> None:
    server = await start_server(message_format=message_format)
    query, body = peer.push(peer.text("你好"), message_format, encrypted)
    name = "msg_signature" if encrypted else "signature"
    query[name] = "0" * 40

    assert (await server.post(query, body))[0] == 403
    del query[name]
    assert (await server.post(query, body))[0] == 403
    await settle()
    assert server.turns == [] and wechat_api.sends == []


async def test_tampered_ciphertext_never_reaches_the_bot(
    start_server: StartServer, peer: WeChatPeer, wechat_api: FakeWeChatApi
) -> None:
    server = await start_server()
    query, body = peer.push(peer.text("你好"), "xml", encrypted=True)
    forged = body.replace(b"<Encrypt><![CDATA[", b"<Encrypt><![CDATA[AAAA")
    assert (await server.post(query, forged))[0] == 403  # the msg_signature covers the ciphertext
    await settle()
    assert server.turns == []


@pytest.mark.parametrize("message_format", ["xml", "json"])
async def test_wrong_appid_is_forbidden_and_never_reaches_the_bot(
    start_server: StartServer, wechat_api: FakeWeChatApi, message_format: str
) -> None:
    server = await start_server(message_format=message_format)
    stranger = WeChatPeer(app_id="wx0000000000000000")  # same token and key, another mini program
    query, body = stranger.push(stranger.text("你好"), message_format, encrypted=True)

    assert (await server.post(query, body))[0] == 403
    await settle()
    assert server.turns == [] and wechat_api.sends == []


async def test_safe_mode_push_without_an_aes_key_is_forbidden(start_server: StartServer, peer: WeChatPeer) -> None:
    server = await start_server(encoding_aes_key="")
    query, body = peer.push(peer.text("你好"), encrypted=True)
    assert (await server.post(query, body))[0] == 403
    await settle()
    assert server.turns == []


@pytest.mark.parametrize(
    "body",
    [b"<xml><FromUserName>", b'{"FromUserName": "x"}', b"<xml></xml>", b'<!DOCTYPE x [<!ENTITY a "b">]><xml/>'],
)
async def test_malformed_push_is_a_bad_request(start_server: StartServer, peer: WeChatPeer, body: bytes) -> None:
    server = await start_server()
    query, _ = peer.push(peer.text("x"))
    assert (await server.post(query, body))[0] == 400
    await settle(0.1)
    assert server.turns == []


async def test_json_push_to_an_xml_channel_is_a_bad_request(start_server: StartServer, peer: WeChatPeer) -> None:
    server = await start_server(message_format="xml")
    query, body = peer.push(peer.text("你好"), "json")
    assert (await server.post(query, body))[0] == 400


@pytest.mark.parametrize("kind", ["image", "card"])
@pytest.mark.parametrize("message_format", ["xml", "json"])
async def test_non_text_gets_a_polite_reply_without_the_bot(
    start_server: StartServer, peer: WeChatPeer, wechat_api: FakeWeChatApi, kind: str, message_format: str
) -> None:
    server = await start_server(message_format=message_format)
    fields = peer.image() if kind == "image" else peer.card()
    assert await server.post(*peer.push(fields, message_format, encrypted=True)) == (200, "success")

    await eventually(lambda: len(wechat_api.sends) == 1)
    assert wechat_api.sends[0].body["text"]["content"] == NON_TEXT_REPLY
    assert wechat_api.sends[0].body["touser"] == OPENID
    assert server.turns == []


async def test_entering_the_chat_greets_through_the_bot(
    start_server: StartServer, peer: WeChatPeer, wechat_api: FakeWeChatApi
) -> None:
    server = await start_server()
    assert await server.post(*peer.push(peer.enter_session(), encrypted=True)) == (200, "success")

    await eventually(lambda: len(server.turns) == 1 and len(wechat_api.sends) == 1)
    assert (server.turns[0].text, server.turns[0].sender_id) == ("/greet", f"wechat:{OPENID}")
    assert server.turns[0].metadata["wechat"]["session_from"] == "home"


async def test_other_events_are_acknowledged_and_ignored(
    start_server: StartServer, peer: WeChatPeer, wechat_api: FakeWeChatApi
) -> None:
    server = await start_server()
    fields = peer.enter_session() | {"Event": "subscribe_msg_popup_event"}
    assert await server.post(*peer.push(fields)) == (200, "success")
    await settle()
    assert server.turns == [] and wechat_api.sends == []


async def test_openids_never_reach_the_channels_logs(
    start_server: StartServer, peer: WeChatPeer, wechat_api: FakeWeChatApi, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG, logger="channels")
    server = await start_server()
    wechat_api.always = 45015
    push = peer.push(peer.text("你好"), encrypted=True)
    for _ in range(2):  # the second one is logged as an ignored retry
        await server.post(*push)
    await server.post(*peer.push(peer.image()))
    await eventually(lambda: len(wechat_api.sends) == 2)
    await settle(0.1)

    records = [record for record in caplog.records if record.name.startswith("channels")]
    assert records, "the channel logs what it does"
    assert all(OPENID not in record.getMessage() for record in records)
    assert any("oyOR…#" in record.getMessage() for record in records)


async def test_health(start_server: StartServer) -> None:
    import aiohttp

    server = await start_server()
    async with aiohttp.ClientSession() as session, session.get(server.url.removesuffix("webhook")) as response:
        assert response.status == 200 and (await response.json()) == {"status": "ok"}


def test_signature_helper_is_wechatpys() -> None:
    assert signature("spamtest", "1409735669", "1320562132") == OFFICIAL["signature"]
