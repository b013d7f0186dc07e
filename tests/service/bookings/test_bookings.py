"""Booking seal engraving and bank account opening after the licence (issue 15, the Mianyang point-to-point rule)."""

import dataclasses

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select

from bundle_service.adapters.booking_desk import BookingFailed, LocalBookingDesk
from bundle_service.api.deps import Services
from bundle_service.core.clock import FixedClock
from bundle_service.identity.session_tokens import SessionTokens
from bundle_service.models import AuditEvent, Booking, Notification

from ..callers import owner
from ..conftest import ADMIN_TOKEN
from ..factories import NEWCOMER
from .fake_desk import FakeDesk
from .helpers import SESSION_SECRET, filed, finish_registration, url

OPENID = "dev_zhaoxin"  # real-name bound to NEWCOMER (赵新)
SEAL_FIELDS = {"business_name", "business_type", "operator_name", "phone", "application_number"}
BANK_FIELDS = SEAL_FIELDS | {"id_number", "premises_address"}


def test_nothing_can_be_booked_before_the_licence(client: TestClient, desk: FakeDesk) -> None:
    application = filed(client)
    options = client.get(url(application), headers=owner(NEWCOMER)).json()
    assert options["available"] is False and "营业执照办结后" in options["note"]
    assert all(kind["providers"] == [] for kind in options["kinds"])
    refused = client.post(
        url(application), json={"kind": "seal", "provider": "seal_cs_furong_1"}, headers=owner(NEWCOMER)
    )
    assert (refused.status_code, refused.json()["code"]) == (409, "registration_not_finished")
    assert desk.received == []


def test_after_the_licence_both_are_offered_near_the_premises_and_the_user_is_told(
    client: TestClient, services: Services
) -> None:
    application = filed(client)
    finish_registration(client, application)
    options = client.get(url(application), headers=owner(NEWCOMER)).json()
    assert options["available"] is True
    kinds = {kind["kind"]: kind for kind in options["kinds"]}
    assert set(kinds) == {"seal", "bank"}
    assert {p["city"] for k in kinds.values() for p in k["providers"]} == {"长沙市"}  # premises in 长沙市雨花区
    assert "经营者身份证号码" in kinds["bank"]["passed_fields"]
    assert "经营者身份证号码" not in kinds["seal"]["passed_fields"]
    with services.sessions() as session:
        told = session.scalars(select(Notification).where(Notification.template == "bookings_open")).all()
    assert {(n.channel, n.recipient) for n in told} == {("wechat", OPENID), ("inbox", OPENID)}
    assert "同时预约刻章和银行开户" in told[0].text


def test_each_provider_receives_only_its_kinds_fields_after_the_choice(
    client: TestClient, desk: FakeDesk, services: Services
) -> None:
    application = filed(client)
    finish_registration(client, application)
    assert desk.received == []  # nothing leaves before the user chose
    seal = client.post(url(application), json={"kind": "seal", "provider": "seal_cs_kaifu_1"}, headers=owner(NEWCOMER))
    assert seal.status_code == 201, seal.text
    bank = client.post(
        url(application), json={"kind": "bank", "provider": "bank_cs_furong_ccb"}, headers=owner(NEWCOMER)
    )
    assert bank.status_code == 201, bank.text
    seal_request, bank_request = desk.received
    assert (seal_request["kind"], seal_request["provider"]) == ("seal", "seal_cs_kaifu_1")
    assert set(seal_request["data"]) == SEAL_FIELDS
    assert set(bank_request["data"]) == BANK_FIELDS
    assert bank_request["data"]["id_number"] == NEWCOMER and NEWCOMER not in str(seal_request)
    assert seal_request["data"]["business_name"] == "湘味米粉店"
    body = bank.json()
    assert body["reference"] == "BANK-0002" and body["provider_name"] == "建设银行长沙芙蓉支行"
    assert set(body["passed"]) == BANK_FIELDS and NEWCOMER not in str(body["passed"])  # recorded, masked
    with services.sessions() as session:
        audit = session.scalars(select(AuditEvent).where(AuditEvent.action == "booking.created")).all()
    assert [sorted(e.details["passed_fields"]) for e in audit] == [sorted(SEAL_FIELDS), sorted(BANK_FIELDS)]


def test_the_progress_view_shows_the_bookings_to_the_owner_only(client: TestClient, clock: FixedClock) -> None:
    application = filed(client)
    finish_registration(client, application)
    client.post(url(application), json={"kind": "seal", "provider": "seal_cs_kaifu_1"}, headers=owner(NEWCOMER))
    token = SessionTokens(SESSION_SECRET, 7200).issue(OPENID, clock.now().timestamp())
    for headers in ({"Authorization": f"Bearer {token}"}, {"X-Id-Last6": NEWCOMER[-6:]}, owner(NEWCOMER)):
        view = client.get(url(application), headers=headers)
        assert view.status_code == 200, view.text
        kinds = {kind["kind"]: kind for kind in view.json()["kinds"]}
        assert kinds["seal"]["booking"]["provider_name"] == "开福区公安备案刻章中心"
        assert kinds["seal"]["providers"] == [] and kinds["bank"]["booking"] is None and kinds["bank"]["providers"]
    stranger = client.get(url(application), headers={"X-Id-Last6": "000000"})
    assert stranger.status_code == 404 and "providers" not in stranger.text


def test_wrong_choices_and_a_second_booking_are_refused_and_a_desk_failure_records_nothing(
    client: TestClient, desk: FakeDesk, services: Services
) -> None:
    application = filed(client)
    finish_registration(client, application)
    elsewhere = client.post(
        url(application), json={"kind": "seal", "provider": "seal_zz_tianyuan_1"}, headers=owner(NEWCOMER)
    )
    assert (elsewhere.status_code, elsewhere.json()["errors"][0]["code"]) == (422, "provider_not_offered")
    assert "刻章店" in elsewhere.json()["errors"][0]["message"]
    kind = client.post(url(application), json={"kind": "notary", "provider": "x"}, headers=owner(NEWCOMER))
    assert (kind.status_code, kind.json()["errors"][0]["code"]) == (422, "kind_unknown")
    desk.failing = True
    down = client.post(url(application), json={"kind": "seal", "provider": "seal_cs_kaifu_1"}, headers=owner(NEWCOMER))
    assert (down.status_code, down.json()["code"]) == (503, "booking_desk_unavailable")
    with services.sessions() as session:
        assert session.scalars(select(Booking)).all() == []
    desk.failing = False
    first = client.post(url(application), json={"kind": "seal", "provider": "seal_cs_kaifu_1"}, headers=owner(NEWCOMER))
    again = client.post(
        url(application), json={"kind": "seal", "provider": "seal_cs_furong_1"}, headers=owner(NEWCOMER)
    )
    assert first.status_code == 201
    assert (again.status_code, again.json()["code"]) == (409, "already_booked")
    assert "开福区公安备案刻章中心" in again.json()["message"]


def test_admins_edit_the_provider_list_with_an_audit_and_users_see_it(client: TestClient, services: Services) -> None:
    admin = {"Authorization": f"Bearer {ADMIN_TOKEN}"}
    endpoint = "/api/v1/admin/bookings/providers"
    current = client.get(endpoint, headers=admin).json()
    assert current["updated_by"] is None and len(current["providers"]) >= 12
    providers = [dict(p, active=p["code"] != "bank_cs_furong_ccb") for p in current["providers"]]
    providers.append(
        {
            "code": "seal_cs_yuhua_1",
            "kind": "seal",
            "name": "雨花区劳动路刻章店",
            "city": "长沙市",
            "county": "雨花区",
            "address": "长沙市雨花区劳动东路180号",
            "phone": "0731-85000001",
            "active": True,
        }
    )
    saved = client.put(endpoint, json={"providers": providers}, headers=admin)
    assert saved.status_code == 200, saved.text
    assert saved.json()["updated_by"] == "admin"
    bad = client.put(endpoint, json={"providers": [dict(providers[0], kind="notary", phone="电话")]}, headers=admin)
    assert bad.status_code == 422
    assert {e["code"] for e in bad.json()["errors"]} == {"kind_unknown", "phone_format"}
    assert client.get(endpoint).status_code == 401
    application = filed(client)
    finish_registration(client, application)
    kinds = {k["kind"]: k for k in client.get(url(application), headers=owner(NEWCOMER)).json()["kinds"]}
    assert kinds["seal"]["providers"][0]["code"] == "seal_cs_yuhua_1"  # the premises' own county first
    assert "bank_cs_furong_ccb" not in {p["code"] for p in kinds["bank"]["providers"]}
    with services.sessions() as session:
        event = session.scalars(
            select(AuditEvent).where(AuditEvent.action == "settings.booking_providers.updated")
        ).one()
    assert event.details["added"] == ["seal_cs_yuhua_1"] and event.details["changed"] == ["bank_cs_furong_ccb"]


def test_without_a_desk_development_simulates_and_production_books_nothing(services: Services) -> None:
    assert isinstance(services.booking_desk, LocalBookingDesk)
    assert services.booking_desk.book("seal", "seal_cs_kaifu_1", {"application_number": "CY1"}, "CY1-seal").reference
    production = dataclasses.replace(services, settings=services.settings.model_copy(update={"profile": "production"}))
    with pytest.raises(BookingFailed):
        production.booking_desk.book("seal", "seal_cs_kaifu_1", {"application_number": "CY1"}, "CY1-seal")
