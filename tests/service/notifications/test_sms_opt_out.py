"""SMS-only users turn notifications off by replying TD (the gateway's callback), or through hotline staff."""

import json
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient
from pydantic import SecretStr
from sqlalchemy import select

from bundle_service.api.deps import Services
from bundle_service.models import AuditEvent, Notification
from bundle_service.notifications.sms_replies import meaning, normalise_phone
from bundle_service.notifications.worker import Worker
from devtools.fake_sms_gateway import FakeSmsGateway
from tests.apps import client_for
from tests.in_thread_server import serve_in_thread

from ..factories import NEWCOMER
from ..hotline_fixtures import fake_rasa, fake_wechat, hotline, login  # noqa: F401  (fixtures)
from .conftest import TASKS, file_application, key, task_id

INBOUND_TOKEN = "inbound-token-of-the-sms-provider-0123456789"
GATEWAY = {"Authorization": f"Bearer {INBOUND_TOKEN}"}
PHONE = "13912345678"  # the phone of the forms filed by file_application
REPLIES = "/api/v1/sms/replies"
SWITCH = "/api/v1/notifications/switch"


@pytest.fixture
def client(hotline: Services) -> Iterator[TestClient]:  # noqa: F811
    """The app with staff accounts and an inbound SMS token."""
    hotline.settings = hotline.settings.model_copy(update={"sms_inbound_token": SecretStr(INBOUND_TOKEN)})
    with client_for(hotline) as test_client:
        yield test_client


def _accepted(client: TestClient, application: dict[str, object], department: str) -> None:
    response = client.post(f"{TASKS}/{task_id(application, department)}/accept", headers=key(department))
    assert response.status_code == 200, response.text


@pytest.mark.parametrize(
    ("text", "action"),
    [
        *[("TD", "off"), ("td", "off"), ("ＴＤ", "off"), (" 退订。", "off"), ("T", "off"), ("N", "off")],
        *[("订阅", "on"), ("DY", "on"), ("恢复通知", "on"), ("什么时候能办好", "ignored"), ("人工", "ignored")],
    ],
)
def test_reply_words(text: str, action: str) -> None:
    assert meaning(text) == action


def test_phone_numbers_are_read_as_the_gateway_writes_them() -> None:
    assert normalise_phone("+86 139-1234-5678") == normalise_phone("8613912345678") == PHONE
    assert normalise_phone("0731-88888888") is None


def test_every_text_message_ends_with_how_to_unsubscribe_and_the_in_app_line_does_not(
    client: TestClient, services: Services, sms: FakeSmsGateway, make_worker: Callable[..., Worker]
) -> None:
    by_phone = file_application(client, wechat=False)
    by_wechat = file_application(client, wechat=True)
    _accepted(client, by_phone, "tax")
    _accepted(client, by_wechat, "tax")
    make_worker().run_once()
    [delivered] = sms.delivered
    assert delivered["phone"] == PHONE and delivered["text"].endswith("回复TD退订")
    with services.sessions() as session:
        texts = {n.channel: n.text for n in session.scalars(select(Notification))}
    assert texts["sms"].endswith("回复TD退订") and not texts["inbox"].endswith("回复TD退订")


def test_td_turns_that_phones_notifications_off_and_dy_back_on(
    client: TestClient, services: Services, sms: FakeSmsGateway, make_worker: Callable[..., Worker]
) -> None:
    application = file_application(client, wechat=False)
    assert client.post(REPLIES, json={"phone": PHONE, "text": "TD"}).status_code == 401
    wrong = client.post(REPLIES, json={"phone": PHONE, "text": "TD"}, headers={"Authorization": "Bearer nope"})
    assert wrong.status_code == 401
    off = client.post(REPLIES, json={"phone": "+86 139 1234 5678", "text": "TD"}, headers=GATEWAY)
    assert off.json() == {"action": "off", "enabled": False}
    again = client.post(REPLIES, json={"phone": PHONE, "text": "退订"}, headers=GATEWAY)
    assert again.json() == {"action": "off", "enabled": False}
    _accepted(client, application, "tax")
    make_worker().run_once()
    assert sms.delivered == []  # nothing is texted to a phone that replied TD
    question = client.post(REPLIES, json={"phone": PHONE, "text": "我的执照什么时候好"}, headers=GATEWAY)
    assert question.json() == {"action": "ignored", "enabled": False}
    on = client.post(REPLIES, json={"phone": PHONE, "text": "订阅"}, headers=GATEWAY)
    assert on.json() == {"action": "on", "enabled": True}
    other = next(d["department_code"] for d in application["departments"] if d["department_code"] != "tax")
    _accepted(client, application, other)
    make_worker().run_once()
    assert len(sms.delivered) == 1
    with services.sessions() as session:
        events = session.scalars(select(AuditEvent).where(AuditEvent.action == "notifications.sms_reply")).all()
    assert [(e.actor, e.details["enabled"]) for e in events] == [("sms_gateway", False), ("sms_gateway", True)]
    assert PHONE not in str([e.details for e in events])  # audited masked


def _user_texts_back(gateway: FakeSmsGateway, text: str) -> tuple[int, Any]:
    """The user's handset replying to the fake gateway's number (what a developer does with curl)."""
    request = urllib.request.Request(
        f"{gateway.base_url}/sms/reply",
        data=json.dumps({"phone": PHONE, "text": text}).encode(),
        headers={"Content-Type": "application/json"},
    )
    try:
        with urllib.request.urlopen(request, timeout=10) as answer:
            return answer.status, json.load(answer)
    except urllib.error.HTTPError as error:
        return error.code, json.load(error)


def test_a_td_reply_through_the_development_gateway_turns_that_phones_texts_off(
    client: TestClient, services: Services, sms: FakeSmsGateway, make_worker: Callable[..., Worker]
) -> None:
    application = file_application(client, wechat=False)
    _accepted(client, application, "tax")
    make_worker().run_once()
    assert [m["phone"] for m in sms.delivered] == [PHONE]
    assert _user_texts_back(sms, "TD")[0] == 503  # a gateway started without a service forwards nothing
    with serve_in_thread(client.app, lifespan="off") as service_url:
        sms.service_url, sms.inbound_token = service_url, "not-the-token"
        assert _user_texts_back(sms, "TD")[0] == 401  # the service checks the gateway's token
        sms.inbound_token = INBOUND_TOKEN
        assert _user_texts_back(sms, "TD") == (200, {"action": "off", "enabled": False})
    other = next(d["department_code"] for d in application["departments"] if d["department_code"] != "tax")
    _accepted(client, application, other)
    make_worker().run_once()
    assert len(sms.delivered) == 1  # nothing more is texted to that phone
    with services.sessions() as session:
        skipped = session.scalars(select(Notification).where(Notification.channel == "sms")).all()
    assert sorted(n.status for n in skipped) == ["sent", "skipped"]
    assert [(r["text"], r["status"]) for r in sms.replies] == [("TD", 401), ("TD", 200)]


def test_replies_are_refused_while_no_inbound_token_is_configured(hotline: Services) -> None:  # noqa: F811
    with client_for(hotline) as bare:
        refused = bare.post(REPLIES, json={"phone": PHONE, "text": "TD"}, headers=GATEWAY)
    assert (refused.status_code, refused.json()["code"]) == (401, "sms_inbound_disabled")


def test_staff_switch_a_verified_callers_notifications_off_and_on_with_an_audit(
    client: TestClient, services: Services, sms: FakeSmsGateway, make_worker: Callable[..., Worker]
) -> None:
    application = file_application(client, wechat=False)
    number = application["number"]
    staff = login(client, "zhangsan")
    unproven = client.put(SWITCH, params={"application": number}, json={"enabled": False}, headers=staff)
    assert unproven.status_code == 404  # the caller's proof first, as for the lookup
    staff["X-Id-Last6"] = NEWCOMER[-6:]
    off = client.put(SWITCH, params={"application": number}, json={"enabled": False}, headers=staff)
    assert off.status_code == 200, off.text
    assert (off.json()["enabled"], off.json()["enabled_by"]) == (False, "staff:zhangsan")
    _accepted(client, application, "tax")
    make_worker().run_once()
    assert sms.delivered == []
    shown = client.get("/api/v1/notifications", params={"application": number}, headers=staff).json()
    assert shown["enabled"] is False and shown["notifications"][0]["status_label"] == "未发送"
    on = client.put(SWITCH, params={"application": number}, json={"enabled": True}, headers=staff)
    assert on.json()["enabled"] is True
    assert client.put(SWITCH, params={"application": number}, json={"enabled": True}).status_code == 401
    with services.sessions() as session:
        events = session.scalars(select(AuditEvent).where(AuditEvent.action == "notifications.switched")).all()
    assert [(e.actor, e.details["enabled"], e.details["channel"]) for e in events] == [
        ("staff:zhangsan", False, "sms"),
        ("staff:zhangsan", True, "sms"),
    ]
