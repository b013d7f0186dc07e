"""Headers the action server sends as a trusted front layer: a WeChat conversation on a verified channel asserts
its openid; the same sender id on any other channel asserts nothing. Identity needs the conversation id's
namespace and the latest message's channel together (``contract/conversations.py``)."""

import pytest

from actions.service_client import gateway_headers, tracker_identity
from tests.actions.conftest import make_tracker, user_event


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


@pytest.mark.parametrize("channel", ["rest", None, "socketio", "hotline"])
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


@pytest.mark.parametrize(
    ("sender", "channel", "kind"),
    [
        ("wechat:oAbc123", "miniprogram", "wechat"),
        ("wechat:oAbc123", "wechat", "wechat"),
        ("wechat:oAbc123", "rest", "anonymous"),  # Rasa's REST channel used to take this from the body
        ("wechat:oAbc123", "hotline", "anonymous"),
        ("wechat:" + "o" * 65, "miniprogram", "anonymous"),  # longer than any openid
        ("web:wechat:oAbc123", "miniprogram", "anonymous"),  # what the sandboxed REST channel makes of it
        ("hotline:20260101093000-a1b2c3", "hotline", "hotline"),
        ("hotline:20260101093000-a1b2c3", "rest", "anonymous"),
        ("hotline:20260101093000-a1b2c3", "miniprogram", "anonymous"),
        ("hotline:a:b", "hotline", "anonymous"),
        ("web:me", "rest", "anonymous"),
    ],
)
def test_identity_needs_the_namespace_and_the_channel_together(sender: str, channel: str, kind: str) -> None:
    tracker = make_tracker([user_event("我的申请到哪了", "check_progress", channel=channel)])
    tracker.sender_id = sender
    assert tracker_identity(tracker).kind == kind
