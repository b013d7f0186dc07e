"""Cancelling a seal or bank booking (issue 15): the provider is told, the progress view shows it, rebooking works."""

from typing import Any

from fastapi.testclient import TestClient
from sqlalchemy import select

from bundle_service.api.deps import Services
from bundle_service.models import AuditEvent

from ..callers import owner
from ..factories import NEWCOMER
from .fake_desk import FakeDesk
from .helpers import filed, finish_registration, url

SEAL = {"kind": "seal", "provider": "seal_cs_kaifu_1"}
BANK = {"kind": "bank", "provider": "bank_cs_furong_ccb"}


def _booked(client: TestClient) -> dict[str, Any]:
    application = filed(client)
    finish_registration(client, application)
    for choice in (SEAL, BANK):
        made = client.post(url(application), json=choice, headers=owner(NEWCOMER))
        assert made.status_code == 201, made.text
    return application


def _kinds(client: TestClient, application: dict[str, Any]) -> dict[str, Any]:
    options = client.get(url(application), headers=owner(NEWCOMER)).json()
    return {kind["kind"]: kind for kind in options["kinds"]}


def test_a_cancelled_seal_booking_tells_the_engraver_and_shows_as_cancelled(
    client: TestClient, desk: FakeDesk, services: Services
) -> None:
    application = _booked(client)
    cancelled = client.delete(f"{url(application)}/seal", headers=owner(NEWCOMER))
    assert cancelled.status_code == 200, cancelled.text
    assert cancelled.json()["cancelled_at"] is not None and cancelled.json()["reference"] == "SEAL-0001"
    assert desk.cancelled == [{"reference": "SEAL-0001", "kind": "seal", "provider": "seal_cs_kaifu_1"}]
    kinds = _kinds(client, application)
    assert kinds["seal"]["booking"] is None and kinds["seal"]["cancelled"]["provider_name"]
    assert kinds["seal"]["providers"], "the seal can be booked again"
    assert kinds["bank"]["booking"]["reference"] == "BANK-0002" and kinds["bank"]["cancelled"] is None
    with services.sessions() as session:
        audit = session.scalars(select(AuditEvent).where(AuditEvent.action == "booking.cancelled")).all()
    assert [(e.actor, e.details["kind"], e.details["reference"]) for e in audit] == [("applicant", "seal", "SEAL-0001")]


def test_nothing_to_cancel_is_a_conflict_and_a_stranger_cannot_cancel(client: TestClient, desk: FakeDesk) -> None:
    application = _booked(client)
    assert client.delete(f"{url(application)}/seal", headers={"X-Id-Last6": "000000"}).status_code == 404
    assert client.delete(f"{url(application)}/seal", headers=owner(NEWCOMER)).status_code == 200
    again = client.delete(f"{url(application)}/seal", headers=owner(NEWCOMER))
    assert (again.status_code, again.json()["code"]) == (409, "not_booked")
    unknown = client.delete(f"{url(application)}/lawyer", headers=owner(NEWCOMER))
    assert unknown.status_code == 422
    assert len(desk.cancelled) == 1


def test_a_desk_that_does_not_take_the_cancellation_leaves_the_booking(client: TestClient, desk: FakeDesk) -> None:
    application = _booked(client)
    desk.failing = True
    down = client.delete(f"{url(application)}/bank", headers=owner(NEWCOMER))
    assert (down.status_code, down.json()["code"]) == (503, "booking_desk_unavailable")
    assert "预约仍然有效" in down.json()["message"]
    assert _kinds(client, application)["bank"]["booking"]["reference"] == "BANK-0002"


def test_booking_the_same_provider_again_after_cancelling_is_a_new_booking(client: TestClient, desk: FakeDesk) -> None:
    application = _booked(client)
    assert client.delete(f"{url(application)}/seal", headers=owner(NEWCOMER)).status_code == 200
    again = client.post(url(application), json=SEAL, headers=owner(NEWCOMER))
    assert again.status_code == 201, again.text
    assert again.json()["reference"] == "SEAL-0003"  # not the cancelled SEAL-0001 answered by the idempotency key
    assert len(set(desk.keys)) == 3
    kinds = _kinds(client, application)
    assert kinds["seal"]["booking"]["reference"] == "SEAL-0003" and kinds["seal"]["cancelled"] is None
