"""The department side: keys, own tasks only, the status workflow, history, audit and the overall state."""

from typing import Any

from fastapi.testclient import TestClient

from bundle_service.core.clock import FixedClock

from ..conftest import ADMIN_TOKEN, DEPARTMENT_KEYS
from ..factories import NEWCOMER, form

TASKS = "/api/v1/department/tasks"


def _key(code: str) -> dict[str, str]:
    return {"X-Department-Key": DEPARTMENT_KEYS[code]}


def _file(client: TestClient, **overrides: Any) -> dict[str, Any]:
    response = client.post("/api/v1/applications", json=form(**overrides))
    assert response.status_code == 201, response.text
    body: dict[str, Any] = response.json()
    return body


def _task_id(application: dict[str, Any], department: str) -> int:
    return int(next(d["task_id"] for d in application["departments"] if d["department_code"] == department))


def _progress(client: TestClient, number: str) -> dict[str, Any]:
    body: dict[str, Any] = client.post(
        f"/api/v1/applications/{number}/progress", json={"id_last6": NEWCOMER[-6:]}
    ).json()
    return body


def test_keys_are_required_and_checked(app_client: TestClient) -> None:
    missing = app_client.get(TASKS)
    assert (missing.status_code, missing.json()["code"]) == (401, "missing_department_key")
    wrong = app_client.get(TASKS, headers={"X-Department-Key": "nope"})
    assert (wrong.status_code, wrong.json()["code"]) == (401, "invalid_department_key")


def test_a_department_sees_its_own_tasks_with_full_data(app_client: TestClient) -> None:
    application = _file(app_client)
    mine = app_client.get(TASKS, headers=_key("market_regulation")).json()
    assert mine["department"] == "市场监督管理部门"
    assert [t["application_number"] for t in mine["tasks"]] == [application["number"]]
    task = mine["tasks"][0]
    assert task["applicant"] == {"name": "赵新", "id_number": NEWCOMER, "phone": "13912345678"}
    assert task["form"]["premises_address"] == "长沙市雨花区劳动东路200号"
    assert task["history"][0]["to_status"] == "received"
    assert app_client.get(TASKS, headers=_key("incubator_operator")).json()["tasks"] == []


def test_another_departments_task_is_forbidden(app_client: TestClient) -> None:
    task_id = _task_id(_file(app_client), "tax")
    other = _key("market_regulation")
    assert app_client.get(f"{TASKS}/{task_id}", headers=other).status_code == 403
    response = app_client.post(f"{TASKS}/{task_id}/accept", headers=other)
    assert (response.status_code, response.json()["code"]) == (403, "not_your_task")
    assert app_client.get(f"{TASKS}/{task_id}", headers=_key("tax")).status_code == 200
    assert app_client.post(f"{TASKS}/999999/accept", headers=other).status_code == 404


def test_workflow_with_reasons_history_and_state(app_client: TestClient) -> None:
    application = _file(app_client)
    number = application["number"]
    task_id = _task_id(application, "market_regulation")
    key = _key("market_regulation")

    accepted = app_client.post(f"{TASKS}/{task_id}/accept", headers=key).json()
    assert (accepted["status"], accepted["status_label"]) == ("reviewing", "审核中")
    assert _progress(app_client, number)["state"] == "in_progress"

    no_reason = app_client.post(f"{TASKS}/{task_id}/request-material", json={}, headers=key)
    assert no_reason.status_code == 422
    assert no_reason.json()["errors"] == [{"field": "reason", "code": "required", "message": "需补正须说明原因。"}]

    reason = "经营场所证明不清晰，请重新上传租赁合同"
    asked = app_client.post(f"{TASKS}/{task_id}/request-material", json={"reason": reason}, headers=key).json()
    assert (asked["status_label"], asked["reason"]) == ("需补正", reason)
    progress = _progress(app_client, number)
    assert (progress["state"], progress["state_label"]) == ("needs_material", "需补正")
    shown = next(d for d in progress["departments"] if d["department_code"] == "market_regulation")
    assert shown["reason"] == reason

    assert app_client.post(f"{TASKS}/{task_id}/accept", headers=key).json()["status"] == "reviewing"
    finished = app_client.post(f"{TASKS}/{task_id}/finish", headers=key).json()
    assert (finished["status_label"], finished["light"], finished["reason"]) == ("已办结", None, None)
    assert [h["to_status"] for h in finished["history"]] == [
        "received",
        "reviewing",
        "needs_material",
        "reviewing",
        "finished",
    ]
    assert {h["actor"] for h in finished["history"][1:]} == {"department:market_regulation"}

    again = app_client.post(f"{TASKS}/{task_id}/finish", headers=key)
    assert (again.status_code, again.json()["code"]) == (409, "invalid_transition")


def test_finish_needs_review_first(app_client: TestClient) -> None:
    task_id = _task_id(_file(app_client), "tax")
    response = app_client.post(f"{TASKS}/{task_id}/finish", headers=_key("tax"))
    assert response.status_code == 409
    assert "已受理" in response.json()["message"]


def test_refusal_needs_a_reason_and_the_state_follows_all_tasks(app_client: TestClient) -> None:
    application = _file(app_client)
    number = application["number"]
    for department in ("market_regulation", "tax"):
        task_id = _task_id(application, department)
        app_client.post(f"{TASKS}/{task_id}/accept", headers=_key(department))
        app_client.post(f"{TASKS}/{task_id}/finish", headers=_key(department))
    assert _progress(app_client, number)["state"] == "in_progress"
    task_id = _task_id(application, "public_employment")
    assert (
        app_client.post(
            f"{TASKS}/{task_id}/refuse", json={"reason": " "}, headers=_key("public_employment")
        ).status_code
        == 422
    )
    refused = app_client.post(
        f"{TASKS}/{task_id}/refuse", json={"reason": "已在外省领取就业创业证"}, headers=_key("public_employment")
    ).json()
    assert (refused["status_label"], refused["reason"]) == ("不予受理", "已在外省领取就业创业证")
    progress = _progress(app_client, number)
    assert (progress["state"], progress["state_label"], progress["finished"]) == ("partly_finished", "部分办结", True)


def test_all_finished_is_finished(app_client: TestClient) -> None:
    application = _file(app_client)
    for department in ("market_regulation", "tax", "public_employment"):
        task_id = _task_id(application, department)
        app_client.post(f"{TASKS}/{task_id}/accept", headers=_key(department))
        app_client.post(f"{TASKS}/{task_id}/finish", headers=_key(department))
    assert _progress(app_client, application["number"])["state_label"] == "已办结"


def test_status_filter_and_order(app_client: TestClient, clock: FixedClock) -> None:
    first = _file(app_client)
    clock.instant = clock.instant.replace(day=29)
    second = _file(app_client)
    key = _key("market_regulation")
    app_client.post(f"{TASKS}/{_task_id(second, 'market_regulation')}/accept", headers=key)
    numbers = [t["application_number"] for t in app_client.get(TASKS, headers=key).json()["tasks"]]
    assert numbers == [first["number"], second["number"]]
    reviewing = app_client.get(TASKS, params={"status": "审核中"}, headers=key).json()["tasks"]
    assert [t["application_number"] for t in reviewing] == [second["number"]]
    bad = app_client.get(TASKS, params={"status": "lost"}, headers=key)
    assert (bad.status_code, bad.json()["errors"][0]["code"]) == (422, "status_unknown")


def test_status_changes_are_audited(app_client: TestClient) -> None:
    application = _file(app_client)
    task_id = _task_id(application, "tax")
    app_client.post(f"{TASKS}/{task_id}/refuse", json={"reason": "联系电话13912345678无法接通"}, headers=_key("tax"))
    events = app_client.get(
        "/api/v1/admin/audit",
        params={"application_number": application["number"]},
        headers={"Authorization": f"Bearer {ADMIN_TOKEN}"},
    ).json()
    change = next(e for e in events if e["action"] == "task.status_changed")
    assert change["actor"] == "department:tax"
    assert (change["details"]["from"], change["details"]["to"]) == ("received", "refused")
    assert change["details"]["reason"] == "联系电话139****5678无法接通"
