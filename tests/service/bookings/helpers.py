"""Steps the bookings tests share: file a registration, finish it as market regulation, the bookings URL."""

from typing import Any

from fastapi.testclient import TestClient

from ..callers import owner
from ..conftest import DEPARTMENT_KEYS
from ..factories import NEWCOMER, form

SESSION_SECRET = "booking-test-secret-of-32-bytes-at-least"
MARKET = {"X-Department-Key": DEPARTMENT_KEYS["market_regulation"]}


def filed(client: TestClient, headers: dict[str, str] | None = None) -> dict[str, Any]:
    """An application of NEWCOMER with business registration, filed by its WeChat owner."""
    response = client.post("/api/v1/applications", json=form(), headers=headers or owner(NEWCOMER))
    assert response.status_code == 201, response.text
    body: dict[str, Any] = response.json()
    return body


def finish_registration(client: TestClient, application: dict[str, Any]) -> None:
    """Market regulation accepts and finishes the registration task (the licence is issued)."""
    task = next(d["task_id"] for d in application["departments"] if d["department_code"] == "market_regulation")
    for action in ("accept", "finish"):
        response = client.post(f"/api/v1/department/tasks/{task}/{action}", headers=MARKET)
        assert response.status_code == 200, response.text


def url(application: dict[str, Any]) -> str:
    """The bookings of ``application``."""
    return f"/api/v1/applications/{application['number']}/bookings"
