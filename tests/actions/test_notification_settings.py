"""Turning notifications off and on in conversation (issue 15), against the real service."""

from __future__ import annotations

import json
import urllib.request

import pytest
from rasa_sdk.executor import CollectingDispatcher

from actions.after_filing.notification_settings import ActionNotificationSettings, wants_notifications
from actions.service_client import gateway_headers
from tests.actions.conftest import make_tracker, user_event


async def _say(sender: str, text: str, intent: str, channel: str = "miniprogram") -> str:
    tracker = make_tracker([user_event(text, intent, channel=channel)])
    tracker.sender_id = sender
    dispatcher = CollectingDispatcher()
    await ActionNotificationSettings().run(dispatcher, tracker, {})
    return "\n".join(str(m.get("text") or "") for m in dispatcher.messages)


def _enabled(service_url: str, sender: str) -> bool:
    request = urllib.request.Request(
        f"{service_url}/api/v1/me/notifications", headers=gateway_headers(sender, "miniprogram")
    )
    with urllib.request.urlopen(request, timeout=10) as answer:
        return bool(json.load(answer)["enabled"])


async def test_a_wechat_user_turns_notifications_off_and_on(service_url: str) -> None:
    sender = "wechat:dev_notify_switch"
    assert _enabled(service_url, sender) is True
    off = await _say(sender, "别给我发通知了", "notifications_off")
    assert off.startswith("好的，已关闭办理进度通知") and _enabled(service_url, sender) is False
    on = await _say(sender, "开启通知", "notifications_on")
    assert on.startswith("好的，已开启办理进度通知") and _enabled(service_url, sender) is True


async def test_an_anonymous_chat_is_told_where_notifications_go(service_url: str) -> None:
    said = await _say("web:visitor", "别给我发通知了", "notifications_off", channel="rest")
    assert "微信小程序登录" in said and "好的" not in said


@pytest.mark.parametrize(
    ("text", "intent", "wanted"),
    [
        ("消息提醒帮我关一下", "notifications_on", False),  # the words say off, whatever the classifier read
        ("能不能不要总发短信给我", "notifications_on", False),
        ("以后还是给我发吧，重新打开", "notifications_off", True),
        ("办完了别忘了通知我", "notifications_on", True),  # 别忘了 is no opt-out: the intent decides
        ("通知", "notifications_off", False),
    ],
)
def test_the_words_decide_the_direction_when_they_are_clear(text: str, intent: str, wanted: bool) -> None:
    assert wants_notifications(text, intent) is wanted
