"""The outbox's one entry point: rows per channel, once per event, masked, in the caller's transaction."""

from sqlalchemy import select

from bundle_service.api.deps import Services
from bundle_service.models import Notification
from bundle_service.notifications.outbox import Notice, Recipient, enqueue

from ..conftest import DEFAULT_NOW

REASON = "身份证号430111199601010024的复印件不清晰，请联系13912345678补交"


def _rows(services: Services) -> list[Notification]:
    with services.sessions() as session:
        return list(session.scalars(select(Notification).order_by(Notification.channel)))


def test_a_wechat_user_gets_a_subscribe_message_and_a_chat_line_once_per_event(services: Services) -> None:
    notice = Notice(
        event_key="test:1",
        kind="material_requested",
        recipient=Recipient(openid="o-user-1", phone="13912345678"),
        values={
            "number": "CY20260928000001",
            "department": "市场监督管理部门",
            "items": "个体工商户登记",
            "reason": REASON,
            "due_date": "2026年10月12日",
            "date": "2026年9月28日",
        },
    )
    for _ in range(2):  # a retried request enqueues the same event again
        with services.sessions.begin() as session:
            enqueue(session, notice, DEFAULT_NOW)
    rows = _rows(services)
    assert [(r.channel, r.recipient, r.status, r.urgent) for r in rows] == [
        ("inbox", "o-user-1", "queued", True),
        ("wechat", "o-user-1", "queued", True),
    ]
    assert "430111********0024" in rows[0].text and "139****5678" in rows[0].text
    assert "13912345678" not in rows[0].text and "430111199601010024" not in rows[0].text
    data = rows[1].fields["data"]
    assert data["phrase3"] == "需补正" and data["character_string2"] == "CY20260928000001"
    assert len(data["thing4"]) == 20 and data["thing4"].endswith("…")


def test_someone_without_wechat_gets_an_sms_and_a_rolled_back_change_sends_nothing(services: Services) -> None:
    notice = Notice(
        event_key="test:2",
        kind="task_finished",
        recipient=Recipient(phone="13912345678"),
        values={"number": "CY1", "department": "税务部门", "items": "新办纳税人套餐"},
    )
    try:
        with services.sessions.begin() as session:
            enqueue(session, notice, DEFAULT_NOW)
            raise RuntimeError("the status change failed")
    except RuntimeError:
        pass
    assert _rows(services) == []
    with services.sessions.begin() as session:
        assert enqueue(session, notice, DEFAULT_NOW) == 1
    [row] = _rows(services)
    assert (row.channel, row.recipient, row.text) == (
        "sms",
        "13912345678",
        "您的申请CY1：税务部门已办结新办纳税人套餐。回复TD退订",  # every SMS says how to unsubscribe
    )
