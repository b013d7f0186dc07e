"""Headers the action server sends as a trusted front layer: a WeChat conversation on a verified channel asserts
its openid; the same sender id typed into the REST channel asserts nothing."""

import pytest

from actions.service_client import gateway_headers


@pytest.mark.parametrize("channel", ["wechat", "miniprogram"])
def test_wechat_conversation_on_a_verified_channel_asserts_its_openid(
    monkeypatch: pytest.MonkeyPatch, channel: str
) -> None:
    monkeypatch.setenv("BUNDLE_GATEWAY_TOKEN", "gw")
    assert gateway_headers("wechat:oAbc123", channel) == {
        "X-Gateway-Token": "gw",
        "X-Client-Id": "wechat:oAbc123",
        "X-Wechat-Openid": "oAbc123",
    }


@pytest.mark.parametrize("channel", ["rest", None, "socketio"])
def test_a_wechat_sender_id_on_another_channel_asserts_nothing(
    monkeypatch: pytest.MonkeyPatch, channel: str | None
) -> None:
    monkeypatch.setenv("BUNDLE_GATEWAY_TOKEN", "gw")
    assert gateway_headers("wechat:oAbc123", channel) == {"X-Gateway-Token": "gw", "X-Client-Id": "wechat:oAbc123"}


@pytest.mark.parametrize("sender", ["rest-user", "hotline:42", "wechat:", "mywechat:oAbc"])
def test_other_conversations_assert_no_openid(monkeypatch: pytest.MonkeyPatch, sender: str) -> None:
    monkeypatch.setenv("BUNDLE_GATEWAY_TOKEN", "gw")
    assert "X-Wechat-Openid" not in gateway_headers(sender, "miniprogram")
    assert gateway_headers(sender, "miniprogram")["X-Client-Id"] == sender


def test_nothing_without_the_gateway_token(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("BUNDLE_GATEWAY_TOKEN", raising=False)
    assert gateway_headers("wechat:oAbc123", "wechat") == {}
