"""Staff book seal and bank for a verified caller: in the console (X-Id-Last6) and through the bot in a hotline call."""

import dataclasses
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select

from bundle_service.adapters.booking_desk import HttpBookingDesk
from bundle_service.api.deps import Services
from bundle_service.models import AuditEvent, Booking
from tests.apps import client_for

from ..callers import hotline_call, verify_caller
from ..factories import make_id
from ..hotline_fixtures import fake_rasa, fake_wechat, hotline, login  # noqa: F401  (fixtures)
from .fake_desk import FakeDesk
from .helpers import finish_registration, url

CALLER = make_id(sequence="047")  # filed by hotline staff: no WeChat account
SEAL = {"kind": "seal", "provider": "seal_cs_kaifu_1"}
BANK = {"kind": "bank", "provider": "bank_cs_furong_ccb"}
CALL_OPTIONS = "/api/v1/hotline/call/bookings"


@pytest.fixture
def staff_client(hotline: Services, desk: FakeDesk) -> Iterator[TestClient]:  # noqa: F811
    container = dataclasses.replace(hotline, booking_desk_override=HttpBookingDesk(desk.url))
    with client_for(container) as test_client:
        yield test_client


def _verified_call(client: TestClient) -> tuple[dict[str, str], dict[str, str], dict[str, object]]:
    """A call whose caller the console verified (after filing for them); their registration finished."""
    console, call = hotline_call(client)
    verify_caller(client, console, call, CALLER, "孙立")
    options = client.get(CALL_OPTIONS, headers=call)
    assert options.status_code == 200, options.text
    number = options.json()["number"]
    application = client.get(f"/api/v1/applications/{number}/progress", headers={"X-Id-Last6": CALLER[-6:]})
    assert application.status_code == 200, application.text
    finish_registration(client, application.json())
    return console, call, application.json()


def test_console_staff_book_for_a_verified_caller_as_themselves(
    staff_client: TestClient, desk: FakeDesk, services: Services
) -> None:
    console, _call, application = _verified_call(staff_client)
    unproven = staff_client.post(url(application), json=SEAL, headers=console)
    assert unproven.status_code == 404 and desk.received == []
    proven = {**console, "X-Id-Last6": CALLER[-6:]}
    kinds = {k["kind"]: k for k in staff_client.get(url(application), headers=proven).json()["kinds"]}
    assert kinds["seal"]["providers"] and kinds["bank"]["providers"]
    assert desk.received == []  # listing tells no provider anything
    booked = staff_client.post(url(application), json=SEAL, headers=proven)
    assert booked.status_code == 201, booked.text
    assert set(desk.received[0]["data"]) == {"business_name", "business_type", "operator_name", "phone"} | {
        "application_number"
    }
    with services.sessions() as session:
        row = session.scalars(select(Booking)).one()
        event = session.scalars(select(AuditEvent).where(AuditEvent.action == "booking.created")).one()
    assert row.booked_by == event.actor == "staff:zhangsan"


def test_the_bot_books_for_the_caller_verified_in_this_call_only(
    staff_client: TestClient, desk: FakeDesk, services: Services
) -> None:
    _console, call, application = _verified_call(staff_client)
    both = [staff_client.post(url(application), json=body, headers=call) for body in (SEAL, BANK)]
    assert [r.status_code for r in both] == [201, 201], [r.text for r in both]
    assert [r["provider"] for r in desk.received] == ["seal_cs_kaifu_1", "bank_cs_furong_ccb"]
    shown = staff_client.get(CALL_OPTIONS, headers=call).json()
    assert {k["kind"]: k["booking"]["reference"] for k in shown["kinds"]} == {"seal": "SEAL-0001", "bank": "BANK-0002"}
    with services.sessions() as session:
        assert {b.booked_by for b in session.scalars(select(Booking))} == {"staff:zhangsan"}
    _other_console, other_call = hotline_call(staff_client, "lisi")  # another call: nobody verified in it
    missing = staff_client.get(CALL_OPTIONS, headers=other_call)
    assert (missing.status_code, missing.json()["code"]) == (404, "no_verified_caller")
    assert staff_client.get(url(application), headers=other_call).status_code == 404
    forged = {k: v for k, v in call.items() if k != "X-Gateway-Token"}  # the staff claim counts from the gateway only
    assert staff_client.get(CALL_OPTIONS, headers=forged).status_code == 404
