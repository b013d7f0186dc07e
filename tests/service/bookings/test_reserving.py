"""Reserve, call the desk, record: no row lock is held while the desk answers, and a retried booking is booked once."""

from datetime import timedelta

from fastapi.testclient import TestClient
from sqlalchemy import select, update

from bundle_service.api.deps import Services
from bundle_service.core.clock import FixedClock
from bundle_service.models import Application, AuditEvent, Booking

from ..callers import owner
from ..factories import NEWCOMER
from .fake_desk import FakeDesk
from .helpers import filed, finish_registration, url

SEAL = {"kind": "seal", "provider": "seal_cs_kaifu_1"}


def test_the_desk_is_called_after_the_reservation_committed_and_the_application_stays_writable(
    client: TestClient, desk: FakeDesk, services: Services
) -> None:
    application = filed(client)
    finish_registration(client, application)
    seen: list[tuple[str, str]] = []

    def meanwhile() -> None:  # inside the desk's answer: another transaction writes the application
        with services.sessions.begin() as session:
            number = application["number"]
            session.execute(update(Application).where(Application.number == number).values(phone="13900001111"))
            seen.extend((b.kind, b.reference) for b in session.scalars(select(Booking)))

    desk.during = meanwhile
    booked = client.post(url(application), json=SEAL, headers=owner(NEWCOMER))
    assert booked.status_code == 201, booked.text
    assert seen == [("seal", "")]  # reserved and committed (pending) before the desk was asked
    assert booked.json()["reference"] == "SEAL-0001"
    assert desk.keys == [f"{application['number']}-seal-seal_cs_kaifu_1"]


def test_a_desk_failure_gives_the_kind_back_and_the_next_try_books(
    client: TestClient, desk: FakeDesk, services: Services
) -> None:
    application = filed(client)
    finish_registration(client, application)
    desk.failing = True
    down = client.post(url(application), json=SEAL, headers=owner(NEWCOMER))
    assert (down.status_code, down.json()["code"]) == (503, "booking_desk_unavailable")
    with services.sessions() as session:
        assert session.scalars(select(Booking)).all() == []
    desk.failing = False
    assert client.post(url(application), json=SEAL, headers=owner(NEWCOMER)).status_code == 201


def test_a_reservation_abandoned_by_a_crash_is_taken_over_and_the_desk_books_it_once(
    client: TestClient, desk: FakeDesk, services: Services, clock: FixedClock
) -> None:
    application = filed(client)
    finish_registration(client, application)
    first = client.post(url(application), json=SEAL, headers=owner(NEWCOMER)).json()
    with services.sessions.begin() as session:  # as if the service died after the desk took it, before recording
        session.execute(update(Booking).values(reference=""))
        session.execute(update(AuditEvent).where(AuditEvent.action == "booking.created").values(action="x"))
    waiting = client.post(url(application), json=SEAL, headers=owner(NEWCOMER))
    assert (waiting.status_code, waiting.json()["code"]) == (409, "booking_pending")
    view = client.get(url(application), headers=owner(NEWCOMER)).json()
    assert next(k for k in view["kinds"] if k["kind"] == "seal")["booking"] is None  # not shown as booked yet
    clock.instant += timedelta(minutes=3)
    again = client.post(url(application), json=SEAL, headers=owner(NEWCOMER))
    assert again.status_code == 201, again.text
    assert again.json()["reference"] == first["reference"] and len(desk.received) == 1  # the same key: once
    with services.sessions() as session:
        assert [b.reference for b in session.scalars(select(Booking))] == [first["reference"]]
        assert len(session.scalars(select(AuditEvent).where(AuditEvent.action == "booking.created")).all()) == 1
