"""Headers the action server sends as a trusted front layer: a WeChat conversation asserts its openid."""

import pytest

from actions.service_client import gateway_headers


def test_wechat_conversation_asserts_its_openid(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BUNDLE_GATEWAY_TOKEN", "gw")
    assert gateway_headers("wechat:oAbc123") == {
        "X-Gateway-Token": "gw",
        "X-Client-Id": "wechat:oAbc123",
        "X-Wechat-Openid": "oAbc123",
    }


@pytest.mark.parametrize("sender", ["rest-user", "hotline:42", "wechat:", "mywechat:oAbc"])
def test_other_conversations_assert_no_openid(monkeypatch: pytest.MonkeyPatch, sender: str) -> None:
    monkeypatch.setenv("BUNDLE_GATEWAY_TOKEN", "gw")
    assert "X-Wechat-Openid" not in gateway_headers(sender)
    assert gateway_headers(sender)["X-Client-Id"] == sender


def test_nothing_without_the_gateway_token(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("BUNDLE_GATEWAY_TOKEN", raising=False)
    assert gateway_headers("wechat:oAbc123") == {}
