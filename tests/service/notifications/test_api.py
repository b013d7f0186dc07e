"""The notification API: a user turns notifications off and on and records subscribe answers; staff see each send."""

from collections.abc import Callable, Iterator

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select

from bundle_service.api.deps import Services
from bundle_service.models import AuditEvent
from bundle_service.notifications.worker import Worker
from devtools.fake_sms_gateway import FakeSmsGateway
from devtools.fake_wechat_subscribe import FakeWeChatSubscribe
from tests.apps import client_for

from ..conftest import GATEWAY_TOKEN
from ..factories import NEWCOMER
from ..hotline_fixtures import fake_rasa, fake_wechat, hotline, login  # noqa: F401  (fixtures)
from .conftest import OPENID, PROGRESS_TEMPLATE, TASKS, file_application, key, task_id

USER = {"X-Gateway-Token": GATEWAY_TOKEN, "X-Wechat-Openid": OPENID}  # what the action server sends for the user
SETTINGS = "/api/v1/me/notifications"


@pytest.fixture
def client(hotline: Services) -> Iterator[TestClient]:  # noqa: F811
    """The app with staff accounts."""
    with client_for(hotline) as test_client:
        yield test_client


def test_a_user_turns_notifications_off_and_nothing_more_is_sent(
    client: TestClient, services: Services, sms: FakeSmsGateway, make_worker: Callable[..., Worker]
) -> None:
    assert client.get(SETTINGS).status_code == 401
    assert client.get(SETTINGS, headers=USER).json()["enabled"] is True
    off = client.put(SETTINGS, json={"enabled": False}, headers=USER)
    assert off.status_code == 200 and off.json()["enabled"] is False
    application = file_application(client, wechat=True)
    client.post(f"{TASKS}/{task_id(application, 'tax')}/accept", headers=key("tax"))
    make_worker().run_once()
    admin = login(client, "admin")  # admins read without the caller's proof
    shown = client.get("/api/v1/notifications", params={"application": application["number"]}, headers=admin).json()
    assert {(n["channel"], n["status_label"], n["last_error"]) for n in shown["notifications"]} == {
        ("wechat", "未发送", "用户已关闭通知"),
        ("inbox", "未发送", "用户已关闭通知"),
    }
    assert client.put(SETTINGS, json={"enabled": True}, headers=USER).json()["enabled"] is True


def test_subscribe_answers_are_counted_per_template_and_unknown_ones_refused(client: TestClient) -> None:
    before = {s["template_id"]: s["remaining"] for s in client.get(SETTINGS, headers=USER).json()["subscriptions"]}
    assert before[PROGRESS_TEMPLATE] == 0
    for _ in range(2):
        answer = client.post(f"{SETTINGS}/subscriptions", json={"answers": {PROGRESS_TEMPLATE: "accept"}}, headers=USER)
        assert answer.status_code == 200
    after = {s["template_id"]: s for s in answer.json()["subscriptions"]}
    assert after[PROGRESS_TEMPLATE]["remaining"] == 2 and after[PROGRESS_TEMPLATE]["title"] == "办理进度通知"
    unknown = client.post(f"{SETTINGS}/subscriptions", json={"answers": {"someone-elses": "accept"}}, headers=USER)
    assert unknown.status_code == 422 and unknown.json()["message"] == "没有这个订阅消息模板：someone-elses。"
    anonymous = client.post(f"{SETTINGS}/subscriptions", json={"answers": {PROGRESS_TEMPLATE: "accept"}})
    assert anonymous.status_code == 401


def test_staff_see_each_notification_masked_with_wechats_error_and_retries(
    client: TestClient,
    services: Services,
    wechat: FakeWeChatSubscribe,
    sms: FakeSmsGateway,
    make_worker: Callable[..., Worker],
) -> None:
    application = file_application(client, wechat=False)
    number = application["number"]
    sms.fail_next = ["BUSY"]
    client.post(f"{TASKS}/{task_id(application, 'tax')}/accept", headers=key("tax"))
    make_worker().run_once()
    assert client.get("/api/v1/notifications", params={"application": number}).status_code == 401
    staff = login(client, "zhangsan")
    unproven = client.get("/api/v1/notifications", params={"application": number}, headers=staff)
    assert unproven.status_code == 404  # staff prove the caller's application like the console's lookup
    staff["X-Id-Last6"] = NEWCOMER[-6:]
    [shown] = client.get("/api/v1/notifications", params={"application": number}, headers=staff).json()["notifications"]
    assert (shown["channel_label"], shown["recipient"], shown["status_label"]) == (
        "短信",
        "139****5678",
        "重试中（已尝试1次）",
    )
    assert "BUSY" in shown["last_error"] and shown["next_attempt_at"] is not None
    assert [h["status"] for h in shown["history"]] == ["queued", "sending", "queued"]
    missing = client.get("/api/v1/notifications", params={"application": "CY000"}, headers=login(client, "admin"))
    assert (missing.status_code, missing.json()["message"]) == (404, "申请不存在。")
    with services.sessions() as session:
        viewed = session.scalars(select(AuditEvent).where(AuditEvent.action == "notifications.viewed")).one()
    assert (viewed.actor, viewed.details["number"]) == ("staff:zhangsan", number)
