"""The worker against the fake WeChat subscribe API and SMS gateway: every outcome a user or staff member sees."""

import threading
from collections.abc import Callable
from datetime import datetime, timedelta

from fastapi.testclient import TestClient
from sqlalchemy import select

from bundle_service.api.deps import Services
from bundle_service.core.clock import FixedClock
from bundle_service.models import Notification, SubscribeGrant
from bundle_service.notifications.preferences import record_answers, set_enabled
from bundle_service.notifications.worker import Worker
from devtools.fake_sms_gateway import FakeSmsGateway
from devtools.fake_wechat_subscribe import FakeWeChatSubscribe

from ..conftest import GATEWAY_TOKEN, TZ
from .conftest import OPENID, PROGRESS_TEMPLATE, act, file_application, task_id

REASON = "经营场所证明不清晰，请重新上传租赁合同"


def _grant(services: Services, count: int = 1) -> None:
    """The mini program reports ``count`` accepts of the progress template (as its settings endpoint does)."""
    with services.sessions.begin() as session:
        for _ in range(count):
            record_answers(session, OPENID, {PROGRESS_TEMPLATE: "accept"}, datetime.now(TZ))


def _rows(services: Services, channel: str) -> list[Notification]:
    with services.sessions() as session:
        query = select(Notification).where(Notification.channel == channel).order_by(Notification.id)
        return list(session.scalars(query))


def _file(client: TestClient, wechat: bool) -> tuple[str, int]:
    """File (as the WeChat user, or anonymously with SMS): the application number and the tax department's task."""
    application = file_application(client, wechat=wechat)
    return str(application["number"]), task_id(application, "tax")


def _ask_material(client: TestClient, wechat: bool) -> tuple[str, int]:
    """File, and the tax department asks for material: the application number and the tax task."""
    number, tax = _file(client, wechat)
    act(client, tax, "request-material", REASON)
    return number, tax


def test_the_wechat_user_gets_the_subscribe_message_and_the_chat_line(
    app_client: TestClient, services: Services, wechat: FakeWeChatSubscribe, make_worker: Callable[..., Worker]
) -> None:
    number, _ = _ask_material(app_client, wechat=True)
    _grant(services)
    wechat.grant(OPENID, PROGRESS_TEMPLATE)
    assert make_worker().run_once() == 2
    [sent] = wechat.sent
    assert (sent["touser"], sent["template_id"], sent["page"]) == (
        OPENID,
        PROGRESS_TEMPLATE,
        "pages/applications/applications",
    )
    assert sent["data"]["character_string2"] == {"value": number}
    assert sent["data"]["phrase3"] == {"value": "需补正"}
    assert [r.status for r in _rows(services, "wechat")] == ["sent"]
    messages = app_client.get(
        f"/api/v1/conversations/wechat:{OPENID}/messages", headers={"X-Gateway-Token": GATEWAY_TOKEN}
    ).json()
    assert [m["staff_id"] for m in messages] == ["notification"]
    assert REASON in messages[0]["text"] and number in messages[0]["text"]
    with services.sessions() as session:
        assert session.scalars(select(SubscribeGrant)).one().remaining == 0  # one accept, one message


def test_without_a_subscription_nothing_is_pushed_and_a_refusal_by_wechat_is_shown_to_staff(
    app_client: TestClient, services: Services, wechat: FakeWeChatSubscribe, make_worker: Callable[..., Worker]
) -> None:
    _, tax = _ask_material(app_client, wechat=True)
    make_worker().run_once()
    [skipped] = _rows(services, "wechat")
    assert (skipped.status, skipped.last_error) == ("skipped", "用户未订阅该消息（没有剩余次数）")
    assert wechat.sent == [] and "/cgi-bin/message/subscribe/send" not in wechat.calls
    assert [r.status for r in _rows(services, "inbox")] == ["sent"]  # the chat line still tells them

    _grant(services)  # the mini program reported an accept, WeChat has none (the user revoked it since)
    act(app_client, tax, "accept")
    make_worker().run_once()
    refused = _rows(services, "wechat")[-1]
    assert refused.status == "failed" and refused.last_error is not None and refused.last_error.startswith("43101")
    with services.sessions() as session:
        grant = session.scalars(select(SubscribeGrant)).one()
        assert (grant.remaining, grant.refused) == (0, True)


def test_a_template_field_wechat_refuses_fails_for_good_with_47003(
    app_client: TestClient, services: Services, wechat: FakeWeChatSubscribe, make_worker: Callable[..., Worker]
) -> None:
    wechat.templates[PROGRESS_TEMPLATE] = ["thing1", "character_string2", "phrase3", "thing9", "date5"]
    wechat.grant(OPENID, PROGRESS_TEMPLATE)
    _grant(services)
    _ask_material(app_client, wechat=True)
    make_worker().run_once()
    [row] = _rows(services, "wechat")
    assert row.status == "failed" and row.last_error is not None and row.last_error.startswith("47003 模板参数不正确")
    with services.sessions() as session:
        assert session.scalars(select(SubscribeGrant)).one().remaining == 1  # nothing was delivered


def test_an_expired_or_invalid_token_is_refreshed_once_and_the_message_goes(
    app_client: TestClient, services: Services, wechat: FakeWeChatSubscribe, make_worker: Callable[..., Worker]
) -> None:
    wechat.grant(OPENID, PROGRESS_TEMPLATE, 2)
    _grant(services, 2)
    worker = make_worker()
    _, tax = _file(app_client, wechat=True)
    act(app_client, tax, "accept")
    worker.run_once()
    wechat.expire_token()  # 42001 on the next send
    act(app_client, tax, "request-material", REASON)
    worker.run_once()
    assert [r.status for r in _rows(services, "wechat")] == ["sent", "sent"]
    assert wechat.calls.count("/cgi-bin/stable_token") == 2
    wechat.fail_next = [40001]
    wechat.grant(OPENID, PROGRESS_TEMPLATE)
    _grant(services)
    act(app_client, tax, "accept")
    worker.run_once()
    assert [r.status for r in _rows(services, "wechat")] == ["sent", "sent", "sent"]
    assert len(wechat.sent) == 3


def test_wechats_daily_quota_is_retried_later_with_backoff(
    app_client: TestClient,
    services: Services,
    wechat: FakeWeChatSubscribe,
    clock: FixedClock,
    make_worker: Callable[..., Worker],
) -> None:
    wechat.grant(OPENID, PROGRESS_TEMPLATE)
    _grant(services)
    wechat.fail_next = [45009]
    _ask_material(app_client, wechat=True)
    worker = make_worker(notify_retry_seconds=60)
    worker.run_once()
    [row] = _rows(services, "wechat")
    assert (row.status, row.attempts) == ("queued", 1)
    assert row.last_error is not None and "45009" in row.last_error and "将重试" in row.last_error
    assert row.next_attempt_at == clock.now() + timedelta(seconds=60)
    assert worker.run_once() == 0  # not due yet
    clock.instant += timedelta(seconds=61)
    worker.run_once()
    assert [(r.status, r.attempts) for r in _rows(services, "wechat")] == [("sent", 2)]
    assert len(wechat.sent) == 1


def test_sms_is_sent_with_its_id_retried_when_busy_and_given_up_when_refused(
    app_client: TestClient,
    services: Services,
    sms: FakeSmsGateway,
    clock: FixedClock,
    make_worker: Callable[..., Worker],
) -> None:
    number, task = _ask_material(app_client, wechat=False)
    worker = make_worker(notify_max_attempts=2, notify_retry_seconds=30)
    sms.fail_next = ["BUSY"]
    worker.run_once()
    [row] = _rows(services, "sms")
    assert (row.status, row.attempts) == ("queued", 1) and row.last_error is not None and "BUSY" in row.last_error
    clock.instant += timedelta(seconds=31)
    worker.run_once()
    [delivered] = sms.delivered
    assert delivered["phone"] == "13912345678" and delivered["out_id"] == f"n{row.id}"
    assert delivered["text"].startswith(f"【创业一件事】您的申请{number}") and REASON in delivered["text"]
    assert [(r.status, r.provider_id) for r in _rows(services, "sms")] == [("sent", "sms-1")]

    sms.fail_next = ["BUSY", "BUSY"]
    act(app_client, task, "accept")
    worker.run_once()
    clock.instant += timedelta(seconds=61)
    worker.run_once()
    assert _rows(services, "sms")[-1].status == "failed"  # two attempts, the limit
    sms.fail_next = ["INVALID_PHONE"]
    act(app_client, task, "refuse", "不符合条件")
    worker.run_once()
    refused = _rows(services, "sms")[-1]
    assert (refused.status, refused.attempts) == ("failed", 1) and "INVALID_PHONE" in (refused.last_error or "")


def test_an_opted_out_user_is_not_told(
    app_client: TestClient, services: Services, sms: FakeSmsGateway, make_worker: Callable[..., Worker]
) -> None:
    with services.sessions.begin() as session:
        set_enabled(session, "13912345678", False, "user", datetime.now(TZ))
    _ask_material(app_client, wechat=False)
    make_worker().run_once()
    assert [(r.status, r.last_error) for r in _rows(services, "sms")] == [("skipped", "用户已关闭通知")]
    assert sms.requests == []


def test_quiet_hours_hold_what_can_wait_and_let_a_material_request_through(
    app_client: TestClient,
    services: Services,
    sms: FakeSmsGateway,
    clock: FixedClock,
    make_worker: Callable[..., Worker],
) -> None:
    clock.instant = datetime(2026, 9, 28, 22, 30, tzinfo=TZ)
    _, tax = _file(app_client, wechat=False)
    act(app_client, tax, "accept")  # not urgent
    act(app_client, tax, "request-material", REASON)  # urgent
    worker = make_worker(notify_quiet_hours="21:00-08:00")
    worker.run_once()
    accepted, material = _rows(services, "sms")
    assert (accepted.status, material.status) == ("deferred", "sent")
    assert accepted.next_attempt_at == datetime(2026, 9, 29, 8, 0, tzinfo=TZ)
    assert accepted.last_error == "免打扰时段，09-29 08:00后发送"
    assert [m["text"] for m in sms.delivered] == [f"【创业一件事】{material.text}"]
    clock.instant = datetime(2026, 9, 29, 7, 59, tzinfo=TZ)
    worker.run_once()
    assert len(sms.delivered) == 1
    clock.instant = datetime(2026, 9, 29, 8, 0, tzinfo=TZ)
    worker.run_once()
    assert [r.status for r in _rows(services, "sms")] == ["sent", "sent"] and len(sms.delivered) == 2


def test_one_user_gets_at_most_the_hourly_number_of_pushes(
    app_client: TestClient,
    services: Services,
    sms: FakeSmsGateway,
    clock: FixedClock,
    make_worker: Callable[..., Worker],
) -> None:
    _, tax = _file(app_client, wechat=False)
    for action, reason in (("accept", None), ("request-material", REASON), ("accept", None)):
        act(app_client, tax, action, reason)
    worker = make_worker(notify_rate_per_hour=2)
    worker.run_once()
    assert [r.status for r in _rows(services, "sms")] == ["sent", "sent", "deferred"]
    assert "每小时条数已达上限" in (_rows(services, "sms")[2].last_error or "")
    clock.instant += timedelta(minutes=59)
    worker.run_once()
    assert len(sms.delivered) == 2
    clock.instant += timedelta(minutes=1)
    worker.run_once()
    assert len(sms.delivered) == 3


def test_a_lights_check_that_keeps_failing_does_not_hold_back_what_is_due(
    app_client: TestClient, services: Services, make_worker: Callable[..., Worker]
) -> None:
    _ask_material(app_client, wechat=True)
    worker = make_worker()
    stop = threading.Event()

    def broken_lights() -> int:
        raise RuntimeError("calendar unavailable")

    def last_sweep() -> int:
        stop.set()  # one pass of the loop, then it ends
        return 0

    worker.check_lights = broken_lights  # type: ignore[method-assign]
    worker.sweeps = (last_sweep,)
    worker.serve(stop)
    assert [r.status for r in _rows(services, "inbox")] == ["sent"]  # the chat line went out all the same
