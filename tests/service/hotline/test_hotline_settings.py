"""Admins change the 诉求 categories, time limits and service hours through the API: permissions, Chinese 422s,
the audit log, and the next filing uses the change."""

from typing import Any

from fastapi.testclient import TestClient

from bundle_service.api.deps import Services
from bundle_service.crud.audit import events
from tests.service.conftest import ADMIN_TOKEN
from tests.service.hotline.appeal_fixtures import *  # noqa: F403  (fixtures)
from tests.service.hotline.appeal_fixtures import file_appeal
from tests.service.hotline_fixtures import login

ADMIN = {"Authorization": f"Bearer {ADMIN_TOKEN}"}
CATEGORIES = "/api/v1/admin/hotline/categories"
HOURS = "/api/v1/admin/hotline/service-hours"


def _categories(client: TestClient) -> dict[str, Any]:
    answer = client.get(CATEGORIES, headers=ADMIN)
    assert answer.status_code == 200, answer.text
    body: dict[str, Any] = answer.json()
    return body


def _save(client: TestClient, body: dict[str, Any], headers: dict[str, str] | None = None) -> Any:
    payload = {"categories": body["categories"]}
    return client.put(CATEGORIES, json=payload, headers=headers or ADMIN)


def test_the_defaults_come_from_the_data_files_until_an_admin_saves(client: TestClient) -> None:
    body = _categories(client)
    assert len(body["categories"]) == 14 and (body["updated_by"], body["updated_at"]) == (None, None)
    assert body["categories"][0] == {**body["categories"][0], "code": "progress", "time_limit_days": 5}
    hours = client.get(HOURS, headers=ADMIN).json()
    assert hours["periods"] == [{"start": "09:00", "end": "12:00"}, {"start": "13:30", "end": "17:30"}]


def test_staff_without_the_admin_role_get_a_chinese_403_and_strangers_a_401(client: TestClient) -> None:
    staff = login(client, "zhangsan")
    for method, path in (("GET", CATEGORIES), ("PUT", CATEGORIES), ("GET", HOURS), ("PUT", HOURS)):
        payload = {"periods": [{"start": "08:00", "end": "18:00"}]} if path == HOURS else _categories(client)
        json = payload if method == "PUT" else None
        forbidden = client.request(method, path, json=json, headers=staff)
        assert forbidden.status_code == 403 and forbidden.json()["message"] == "需要管理员权限。"
        assert client.request(method, path, json=json).status_code == 401
    assert client.get(HOURS, headers=ADMIN).json()["updated_by"] is None  # nothing was saved


def test_a_new_category_and_a_changed_time_limit_apply_to_the_next_filing(
    client: TestClient, hotline: Services
) -> None:
    body = _categories(client)
    for category in body["categories"]:
        if category["code"] == "conduct":
            category["time_limit_days"] = 3
    body["categories"].insert(
        0,
        {"code": "fees", "label": "收费与费用", "time_limit_days": 7, "keywords": ["收费", "费用"], "reason": "乱收费"},
    )
    saved = _save(client, body, headers=login(client, "admin"))
    assert saved.status_code == 200, saved.text
    assert (saved.json()["updated_by"], saved.json()["categories"][0]["code"]) == ("admin:admin", "fees")
    conduct = file_appeal(client)  # 态度…跑了三趟: still conduct, now 3 working days
    assert (conduct["category"], conduct["time_limit_days"]) == ("conduct", 3) and "3个工作日" in conduct["message"]
    fees = file_appeal(client, description="办事时被多收了费用")
    assert (fees["category"], fees["category_label"], fees["time_limit_days"]) == ("fees", "收费与费用", 7)
    offered = [c["code"] for c in client.get("/api/v1/appeals/categories").json()["categories"]]
    assert offered[0] == "fees" and "followup" not in offered
    with hotline.sessions() as session:
        changes = [e for e in events(session) if e.action == "settings.appeal_categories.updated"]
    assert [(e.actor, e.details["added"], e.details["time_limits"]) for e in changes] == [
        ("admin:admin", ["fees"], {"conduct": "5→3"})
    ]


def test_invalid_categories_get_precise_chinese_422s_and_change_nothing(client: TestClient) -> None:
    body = _categories(client)
    without_other = {"categories": [c for c in body["categories"] if c["code"] != "other"]}
    answer = _save(client, without_other)
    assert answer.status_code == 422 and "必须保留代码为 other 的类别" in answer.json()["message"]
    doubled = {"categories": [*body["categories"], {**body["categories"][0], "label": "另一个名称"}]}
    assert "类别代码重复：progress" in _save(client, doubled).json()["message"]
    offered_followup = {"categories": [{**c, "selectable": True} for c in body["categories"]]}
    assert "不能设为用户可选" in _save(client, offered_followup).json()["message"]
    zero = {"categories": [{**c, "time_limit_days": 0} for c in body["categories"]]}
    answer = _save(client, zero)
    assert (
        answer.status_code == 422
        and "类别“办理进度与时限”的答复时限须为1–60个工作日（现为0）" in answer.json()["message"]
    )
    assert _categories(client)["updated_by"] is None


def test_a_field_the_settings_do_not_have_is_refused_as_for_the_providers(client: TestClient) -> None:
    """A misspelt field is named, not silently dropped (a category's ``keyword`` would otherwise lose its words)."""
    body = _categories(client)
    misspelt = {"categories": [{**body["categories"][0], "keyword": ["进度"]}, *body["categories"][1:]]}
    answer = _save(client, misspelt)
    assert answer.status_code == 422 and "不认识的字段" in answer.json()["message"]
    period = client.put(HOURS, json={"periods": [{"start": "09:00", "end": "17:00", "until": "18:00"}]}, headers=ADMIN)
    assert period.status_code == 422 and "不认识的字段" in period.json()["message"]
    assert _categories(client)["updated_by"] is None


def test_service_hours_change_what_users_are_told_and_bad_periods_are_refused(
    client: TestClient, hotline: Services
) -> None:
    # The test clock stands on Monday 28 September 2026, 10:00 Beijing time (open by default).
    assert client.get("/api/v1/service-hours").json()["open_now"] is True
    overlap = {"periods": [{"start": "09:00", "end": "12:00"}, {"start": "11:00", "end": "13:00"}]}
    answer = client.put(HOURS, json=overlap, headers=ADMIN)
    assert answer.status_code == 422 and "时段 09:00–12:00 与 11:00–13:00 重叠" in answer.json()["message"]
    backwards = client.put(HOURS, json={"periods": [{"start": "18:00", "end": "08:00"}]}, headers=ADMIN)
    assert backwards.status_code == 422 and "结束时间必须晚于开始时间" in backwards.json()["message"]
    badly_written = client.put(HOURS, json={"periods": [{"start": "9点", "end": "17:00"}]}, headers=ADMIN)
    assert badly_written.status_code == 422 and "时间须写成“09:00”的格式：9点" in badly_written.json()["message"]
    afternoon = client.put(HOURS, json={"periods": [{"start": "14:00", "end": "18:00"}]}, headers=ADMIN)
    assert afternoon.status_code == 200 and afternoon.json()["updated_by"] == "admin"
    told = client.get("/api/v1/service-hours").json()
    assert told["open_now"] is False and "今天14:00" in told["message"] and "14:00–18:00" in told["hours"]
    with hotline.sessions() as session:
        changes = [e.details for e in events(session) if e.action == "settings.service_hours.updated"]
    assert changes == [{"before": "09:00–12:00、13:30–17:30", "after": "14:00–18:00"}]


def test_a_category_in_use_cannot_be_removed_but_may_be_withdrawn_from_users(client: TestClient) -> None:
    file_appeal(client, category="venue")
    body = _categories(client)
    without_venue = {"categories": [c for c in body["categories"] if c["code"] != "venue"]}
    answer = _save(client, without_venue)
    assert answer.status_code == 422
    assert "已有诉求使用的类别不能删除：创业场地与孵化（venue）" in answer.json()["message"]
    withdrawn = {
        "categories": [{**c, "selectable": c["selectable"] and c["code"] != "venue"} for c in body["categories"]]
    }
    assert _save(client, withdrawn).status_code == 200
    offered = [c["code"] for c in client.get("/api/v1/appeals/categories").json()["categories"]]
    assert "venue" not in offered and len(offered) == 12
    unused = {"categories": [c for c in body["categories"] if c["code"] != "training"]}
    assert _save(client, unused).status_code == 200
