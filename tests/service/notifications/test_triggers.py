"""Every trigger: a department's accept, 补正 (with the reason), finish, refuse; the bundle finishing; the lights."""

from datetime import datetime, timedelta

from fastapi.testclient import TestClient
from sqlalchemy import select

from bundle_service.api.deps import Services
from bundle_service.core.clock import FixedClock
from bundle_service.models import Notification
from bundle_service.notifications.triggers import check_lights

from ..conftest import TZ
from .conftest import OPENID, TASKS, file_application, key, task_id

REASON = "经营场所证明不清晰，请重新上传租赁合同"


def _rows(services: Services) -> list[tuple[str, str, str]]:
    with services.sessions() as session:
        rows = session.scalars(select(Notification).order_by(Notification.id))
        return [(row.template, row.channel, row.text) for row in rows]


def test_each_status_change_tells_the_wechat_owner_on_wechat_and_in_the_chat(
    app_client: TestClient, services: Services
) -> None:
    application = file_application(app_client, wechat=True)
    number, tax = application["number"], task_id(application, "tax")
    assert _rows(services) == []  # filing itself is answered in the conversation
    assert app_client.post(f"{TASKS}/{tax}/accept", headers=key("tax")).status_code == 200
    response = app_client.post(f"{TASKS}/{tax}/request-material", json={"reason": REASON}, headers=key("tax"))
    assert response.status_code == 200
    app_client.post(f"{TASKS}/{tax}/accept", headers=key("tax"))
    app_client.post(f"{TASKS}/{tax}/finish", headers=key("tax"))
    rows = _rows(services)
    assert [(kind, channel) for kind, channel, _ in rows] == [
        (kind, channel)
        for kind in ("task_accepted", "material_requested", "task_accepted", "task_finished")
        for channel in ("wechat", "inbox")
    ]
    material = rows[2][2]
    assert material.startswith(f"您的申请{number}：税务部门需要您补正材料") and REASON in material
    with services.sessions() as session:
        row = session.scalars(select(Notification).where(Notification.template == "material_requested")).first()
        assert row is not None and (row.recipient, row.urgent) == (OPENID, True)
        assert row.fields["data"]["phrase3"] == "需补正"


def test_a_refusal_with_its_reason_and_the_whole_bundle_finishing_reach_an_sms_user_once(
    app_client: TestClient, services: Services
) -> None:
    application = file_application(app_client, wechat=False)
    departments = [d["department_code"] for d in application["departments"]]
    for department in departments[:-1]:
        task = task_id(application, department)
        app_client.post(f"{TASKS}/{task}/accept", headers=key(department))
        app_client.post(f"{TASKS}/{task}/finish", headers=key(department))
    assert not any(kind == "bundle_finished" for kind, _, _ in _rows(services))
    last = task_id(application, departments[-1])
    refused = app_client.post(
        f"{TASKS}/{last}/refuse", json={"reason": "经营范围不属于本部门"}, headers=key(departments[-1])
    )
    assert refused.status_code == 200
    rows = _rows(services)
    assert {channel for _, channel, _ in rows} == {"sms"}
    assert rows[-2][0] == "task_refused" and "原因：经营范围不属于本部门" in rows[-2][2]
    assert rows[-1][0] == "bundle_finished" and "部分办结" in rows[-1][2]
    assert [kind for kind, _, _ in rows].count("bundle_finished") == 1


def test_a_light_turning_yellow_then_red_is_told_once_each(
    app_client: TestClient, services: Services, clock: FixedClock
) -> None:
    application = file_application(app_client, wechat=False)
    assert any(d["light"] == "yellow" and d["time_limit_days"] <= 1 for d in application["departments"])
    with services.sessions.begin() as session:
        assert check_lights(session, clock.now(), clock) == 0  # a one-day item is yellow at once: no news
    latest = max(application["departments"], key=lambda d: d["due_date"])
    clock.instant = datetime.fromisoformat(latest["due_date"]).replace(hour=10, tzinfo=TZ)  # its last day: yellow
    with services.sessions.begin() as session:
        assert check_lights(session, clock.now(), clock) > 0
    with services.sessions.begin() as session:
        assert check_lights(session, clock.now(), clock) == 0  # the same lights again: nothing new
    yellow = [text for kind, _, text in _rows(services) if kind == "task_yellow"]
    assert any(latest["department"] in text and "即将到期" in text for text in yellow)
    clock.instant += timedelta(days=1)
    with services.sessions.begin() as session:
        check_lights(session, clock.now(), clock)
    red = [text for kind, _, text in _rows(services) if kind == "task_red"]
    assert any(latest["department"] in text and "已超过办结期限" in text for text in red)
