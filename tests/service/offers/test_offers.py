"""免申即享 told before anyone asks (issue 15): offered once, never before identification, confirmed in one step."""

from fastapi.testclient import TestClient
from sqlalchemy import func, select

from bundle_service.api.deps import Services
from bundle_service.models import BenefitOffer, Notification
from bundle_service.offers.sweep import sweep
from tests.apps import client_for

from ..callers import GATEWAY, anonymous, hotline_call, owner, verify_caller
from ..factories import WANG_FANG, ZHANG_WEI, ZHOU_TING
from ..hotline_fixtures import *  # noqa: F403  (fixtures)

OFFERS = "/api/v1/me/offers"
BANK_ACCOUNT = "6222020200112233445"


def _notifications(services: Services, template: str = "benefit_offer") -> list[Notification]:
    with services.sessions() as session:
        return list(session.scalars(select(Notification).where(Notification.template == template)))


def test_an_identified_user_is_offered_what_the_records_prove_with_the_reason_once(
    app_client: TestClient, services: Services
) -> None:
    first = app_client.get(OFFERS, headers=owner(WANG_FANG))
    assert first.status_code == 200, first.text
    body = first.json()
    assert body["identified"] is True
    offers = {offer["item"]: offer for offer in body["offers"]}
    assert list(offers) == ["employment_cert", "training", "startup_subsidy"]
    assert "5000元" in offers["startup_subsidy"]["reason"] and offers["startup_subsidy"]["needs"] == ["bank_account"]
    told = _notifications(services)
    assert {(n.channel, n.recipient) for n in told} == {("wechat", "dev_wangfang"), ("inbox", "dev_wangfang")}
    assert len(told) == 6  # three benefits, two channels each
    assert any("创业补贴" in n.text and "确认领取" in n.text for n in told)
    again = app_client.get(OFFERS, headers=owner(WANG_FANG)).json()
    assert [o["item"] for o in again["offers"]] == list(offers)  # still open, shown again
    assert len(_notifications(services)) == 6  # never told twice
    assert sweep(services.sessions, services.shared, services.realname, services.clock) == 0


def test_nothing_is_looked_up_or_told_before_the_person_is_identified(
    app_client: TestClient, services: Services
) -> None:
    for caller in (anonymous(), {**GATEWAY, "X-Wechat-Openid": "dev_nobody"}, {}):
        answer = app_client.get(OFFERS, headers=caller)
        assert answer.status_code == 200
        assert answer.json()["identified"] is False and answer.json()["offers"] == []
        assert "实名认证" in answer.json()["note"]
        refused = app_client.post(f"{OFFERS}/confirm", json={}, headers=caller)
        assert (refused.status_code, refused.json()["code"]) == (403, "identity_not_verified")
    with services.sessions() as session:
        assert session.scalar(select(func.count()).select_from(BenefitOffer)) == 0
    assert _notifications(services) == []


def test_confirming_without_the_account_files_and_lists_it_to_provide_before_payment(app_client: TestClient) -> None:
    app_client.get(OFFERS, headers=owner(WANG_FANG))
    confirmed = app_client.post(f"{OFFERS}/confirm", json={}, headers=owner(WANG_FANG))
    assert confirmed.status_code == 201, confirmed.text
    account = next(m for m in confirmed.json()["materials"] if m["code"] == "bank_account")
    assert account["status"] == "需提交"


def test_confirming_is_one_step_and_files_through_the_one_click_path(app_client: TestClient) -> None:
    app_client.get(OFFERS, headers=owner(WANG_FANG))
    confirmed = app_client.post(f"{OFFERS}/confirm", json={"bank_account": BANK_ACCOUNT}, headers=owner(WANG_FANG))
    assert confirmed.status_code == 201, confirmed.text
    application = confirmed.json()
    assert "bank_account" not in {m["code"] for m in application["materials"]}  # given with the confirmation
    assert application["one_click"] is True
    assert {i["code"] for i in application["items"]} == {"employment_cert", "training", "startup_subsidy"}
    assert application["applicant"]["name"].startswith("王")
    mine = app_client.get("/api/v1/me/applications", headers=owner(WANG_FANG)).json()["applications"]
    assert [a["number"] for a in mine] == [application["number"]]
    after = app_client.get(OFFERS, headers=owner(WANG_FANG)).json()
    assert after["offers"] == []  # confirmed, and never offered again
    nothing = app_client.post(f"{OFFERS}/confirm", json={}, headers=owner(WANG_FANG))
    assert (nothing.status_code, nothing.json()["code"]) == (409, "no_open_offer")


def test_a_benefit_already_claimed_is_not_offered_and_the_sweep_finds_the_rest(
    app_client: TestClient, services: Services
) -> None:
    claimed = app_client.post(
        "/api/v1/eligibility/one-click",
        json={"id_number": ZHOU_TING, "phone": "13400000006", "items": ["employment_cert"]},
        headers=owner(ZHOU_TING),
    )
    assert claimed.status_code == 201, claimed.text
    assert sweep(services.sessions, services.shared, services.realname, services.clock) == 1
    with services.sessions() as session:
        assert [o.item for o in session.scalars(select(BenefitOffer))] == ["training"]
    assert [n.recipient for n in _notifications(services) if n.channel == "wechat"] == ["dev_zhouting"]
    assert sweep(services.sessions, services.shared, services.realname, services.clock) == 0


def test_a_caller_staff_verified_is_offered_and_told_by_sms(hotline: Services) -> None:
    with client_for(hotline) as client:
        console, call = hotline_call(client)
        before = client.get(OFFERS, headers=call).json()
        assert before["identified"] is False
        verify_caller(client, console, call, ZHANG_WEI, "张伟")
        offered = client.get(OFFERS, headers=call).json()
    assert offered["identified"] is True
    assert [o["item"] for o in offered["offers"]] == ["training"]  # he holds the certificate already
    assert [(n.channel, n.recipient) for n in _notifications(hotline)] == [("sms", "13700000003")]
