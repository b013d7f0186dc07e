"""Absurd input answers a precise 4xx with a Chinese message, never a 500 (issue item 9)."""

from typing import Any

import pytest
from fastapi.testclient import TestClient

from bundle_service.applications.fields import VALIDATORS

from .conftest import ADMIN_TOKEN, DEPARTMENT_KEYS, GATEWAY_TOKEN
from .factories import form


def _chinese(text: str) -> bool:
    return any("\u4e00" <= char <= "\u9fff" for char in text)


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("loan_term_months", "9" * 5000),
        ("loan_amount", "1" + "0" * 320 + "万"),
        ("loan_amount", 10**40),
        ("loan_amount", 1e308),
        ("items", ["x"] * 500),
        ("premises_address", "长" * 301),
        ("partner_count", {"a": {"b": {"c": {"d": 1}}}}),
    ],
)
def test_a_value_no_field_can_hold_is_422(app_client: TestClient, field: str, value: Any) -> None:
    answer = app_client.post(f"/api/v1/validation/{field}", json={"value": value})
    assert answer.status_code == 422, answer.text
    assert answer.json()["errors"][0]["code"] == "value_too_large" and _chinese(answer.json()["message"])


def test_an_absurd_context_is_422(app_client: TestClient) -> None:
    answer = app_client.post("/api/v1/validation/loan_amount", json={"value": "15万", "context": {"x": "9" * 5000}})
    assert answer.status_code == 422 and _chinese(answer.json()["message"])


NASTY: list[Any] = [
    "9" * 300,
    "1" + "0" * 200 + "万",
    "9" * 290 + "元",
    "１" * 300,
    "9" * 290 + "个月",
    "十" * 300,
    10**15,
    -(10**15),
    1e15,
    True,
    None,
    [],
    {},
    [True, 1],
    "9999-12-31",
    "0001-01-01",
]


@pytest.mark.parametrize("field", sorted(VALIDATORS))
def test_every_field_answers_nasty_values_without_a_500(app_client: TestClient, field: str) -> None:
    contexts: list[dict[str, Any]] = [
        {},
        {"loan_borrower": "partnership", "partner_count": "9" * 290},
        {"business_type": "enterprise", "business_started_on": "9999-12-31", "graduation_year": 10**15},
    ]
    for value in NASTY:
        for context in contexts:
            answer = app_client.post(f"/api/v1/validation/{field}", json={"value": value, "context": context})
            assert answer.status_code in (200, 422), (value, context, answer.text)
            body = answer.json()
            assert body.get("valid") is not True or answer.status_code == 200
            assert _chinese(body["message"]), body


def test_huge_loan_fields_in_a_filing_are_a_422(app_client: TestClient) -> None:
    answer = app_client.post(
        "/api/v1/applications",
        json=form(
            items=["business_registration", "taxpayer_confirmation", "guaranteed_loan"],
            loan_amount="1" + "0" * 320 + "万",
            loan_term_months="9" * 4000,
        ),
        headers={"X-Gateway-Token": GATEWAY_TOKEN},
    )
    assert answer.status_code == 422 and _chinese(answer.json()["message"])


@pytest.mark.parametrize(
    "query",
    [
        "start=9999-12-31&days=5",
        "start=0001-01-01&days=5",
        "start=2026-12-01&days=99999999",
        "start=2026-02-30&days=1",
        "start=abc&days=1",
    ],
)
def test_due_dates_outside_the_calendar_are_a_422(app_client: TestClient, query: str) -> None:
    answer = app_client.get(f"/api/v1/working-days/due-date?{query}")
    assert answer.status_code == 422 and _chinese(answer.json()["message"]), answer.text


def test_the_calendar_edges_still_compute(app_client: TestClient) -> None:
    assert app_client.get("/api/v1/working-days/due-date?start=2100-12-31&days=365").status_code == 200
    assert app_client.get("/api/v1/working-days/due-date?start=2000-01-01&days=0").status_code == 200


HUGE = "2201943563133611474419712"  # beyond 64 bits: SQLite cannot bind it (found by schemathesis)


@pytest.mark.parametrize(
    ("method", "path", "headers"),
    [
        ("POST", f"/api/v1/admin/knowledge/unanswered/{HUGE}/dismiss", {"Authorization": f"Bearer {ADMIN_TOKEN}"}),
        ("GET", f"/api/v1/conversations/wechat:oTest/messages?after={HUGE}", {"X-Gateway-Token": GATEWAY_TOKEN}),
        ("GET", f"/api/v1/department/tasks/{HUGE}", {"X-Department-Key": DEPARTMENT_KEYS["tax"]}),
    ],
)
def test_ids_beyond_64_bits_are_a_422(app_client: TestClient, method: str, path: str, headers: dict[str, str]) -> None:
    answer = app_client.request(method, path, headers=headers)
    assert answer.status_code in (404, 422), answer.text
    assert _chinese(answer.json()["message"])
