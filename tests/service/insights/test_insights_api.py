"""The dashboard API: admin only (Chinese 401/403), date ranges checked in Chinese, the seeded figures answered."""

from collections.abc import Iterator
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from fastapi.testclient import TestClient

from bundle_service.api.deps import Services
from bundle_service.core.security import hash_password
from bundle_service.crud import staff as staff_crud
from tests.service.conftest import ADMIN_TOKEN
from tests.service.insights.seed import add_asks, add_handoffs, add_unanswered

URL = "/api/v1/admin/insights"
ADMIN = {"Authorization": f"Bearer {ADMIN_TOKEN}"}
TZ = ZoneInfo("Asia/Shanghai")
PASSWORD = "insights-test-pass"


@pytest.fixture
def client(app_client: TestClient, services: Services) -> Iterator[TestClient]:
    """The app with a staff account ``worker`` (role staff) and ``boss`` (role admin), and no tracker store."""
    original = services.settings
    services.settings = original.model_copy(update={"tracker_db_url": None})
    with services.sessions.begin() as session:
        for name, role in (("worker", "staff"), ("boss", "admin")):
            staff_crud.create(
                session,
                staff_id=name,
                display_name=name,
                role=role,
                password_hash=hash_password(PASSWORD),
                now=services.clock.now(),
            )
    try:
        yield app_client
    finally:
        services.settings = original


def session_of(client: TestClient, name: str) -> dict[str, str]:
    response = client.post("/api/v1/staff/login", json={"username": name, "password": PASSWORD})
    assert response.status_code == 200, response.text
    return {"Authorization": f"Bearer {response.json()['token']}"}


def test_only_admins_see_the_figures(client: TestClient) -> None:
    anonymous = client.get(URL)
    assert anonymous.status_code == 401
    assert anonymous.json()["code"] == "login_required" and "请先登录管理员账号" in anonymous.json()["message"]
    wrong = client.get(URL, headers={"Authorization": "Bearer not-a-token"})
    assert wrong.status_code == 401 and wrong.json()["message"] == "管理员令牌或登录状态无效。"
    staff = client.get(URL, headers=session_of(client, "worker"))
    assert staff.status_code == 403 and staff.json() == {
        "code": "admin_required",
        "message": "需要管理员权限。",
        "errors": [],
    }
    resolve = client.post(
        f"{URL}/gaps/resolve",
        headers=session_of(client, "worker"),
        json={"question_ids": [1], "question": "x", "answer": "y"},
    )
    assert resolve.status_code == 403
    assert client.get(URL, headers=session_of(client, "boss")).status_code == 200
    assert client.get(URL, headers=ADMIN).status_code == 200


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ({"from": "2026-09-10", "to": "2026-09-01"}, "开始日期不能晚于结束日期。"),
        ({"from": "2025-01-01"}, "统计区间最长366天，请缩短日期范围。"),
        ({"from": "9月1日"}, "开始日期应为日期，例如2026-09-01。"),
        ({"to": "2026-13-01"}, "结束日期应为日期，例如2026-09-01。"),
    ],
)
def test_bad_ranges_are_refused_in_chinese(client: TestClient, query: dict[str, str], message: str) -> None:
    response = client.get(URL, headers=ADMIN, params=query)
    assert response.status_code == 422
    assert message.rstrip("。") in response.json()["message"]


def test_the_figures_of_a_period(client: TestClient, services: Services) -> None:
    september, august = datetime(2026, 9, 21, 10, 0, tzinfo=TZ), datetime(2026, 8, 10, 10, 0, tzinfo=TZ)
    loan = ("faq", "faq-104", "创业担保贷款个人最多贷多少？")
    with services.sessions.begin() as session:
        add_asks(session, september, "faq", 4, loan)
        add_asks(session, september, "answer", 2, ("doc", "items/subsidy.md#补贴标准", "《一次性创业补贴》· 补贴标准"))
        add_asks(session, september, "suggest", 1)
        add_asks(session, september, "not_found", 3)
        add_asks(session, august, "faq", 5, loan)
        add_handoffs(session, september, 2)
        add_unanswered(session, september, ["公司注销流程是什么", "公司注销流程是什么"])
    body = client.get(URL, headers=ADMIN).json()
    assert body["today"] == "2026-09-28"
    assert body["period"] == {"from": "2026-08-30", "to": "2026-09-28", "days": 30}
    assert body["questions"]["outcomes"] == {
        "asked": 10,
        "answered": 6,
        "suggested": 1,
        "not_found": 3,
        "handed_off": 2,
    }
    top = body["questions"]["most_asked"]
    assert [(t["source_id"], t["count"]) for t in top] == [("faq-104", 4), ("items/subsidy.md#补贴标准", 2)]
    assert top[0]["title"] == "创业担保贷款个人最多贷多少？"
    assert [(g["question"], g["count"]) for g in body["gaps"]] == [("公司注销流程是什么", 2)]
    assert not body["conversations"]["available"]  # this service has no tracker store: said, with zeros
    assert len(body["departments"]) == 8

    august_body = client.get(URL, headers=ADMIN, params={"from": "2026-08-01", "to": "2026-08-31"}).json()
    assert august_body["questions"]["outcomes"]["answered"] == 5 and august_body["gaps"] == []
