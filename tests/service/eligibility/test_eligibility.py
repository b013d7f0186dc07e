"""Eligibility matching per bundle.md, and 免申即享 one-click offers from the shared records."""

from datetime import date
from typing import Any

import pytest
from fastapi.testclient import TestClient

from bundle_service.api.deps import Services
from bundle_service.eligibility.rules import Profile, assess_benefits, assess_items, startup_subsidy
from contract.labels import ITEM_NAMES

from ..callers import anonymous, hotline_call, owner, verify_caller
from ..conftest import GATEWAY_TOKEN
from ..factories import LI_MING, LIU_YANG, NEWCOMER, WANG_FANG, ZHANG_WEI, ZHOU_TING, make_id
from ..hotline_fixtures import *  # noqa: F403  (fixtures)

TODAY = date(2026, 9, 28)
URL = "/api/v1/eligibility"
GATEWAY = {"X-Gateway-Token": GATEWAY_TOKEN}  # the action server's: lookups by ID number need it
ONE_CLICK = f"{URL}/one-click"


def _by_code(body: dict[str, Any], section: str = "items") -> dict[str, dict[str, Any]]:
    return {entry["code"]: entry for entry in body[section]}


def graduate(**overrides: Any) -> Profile:
    base: dict[str, Any] = {
        "today": TODAY,
        "person_category": "college_graduate",
        "graduation_year": 2022,
        "business_started_on": date(2025, 6, 1),
        "first_time_founder": True,
        "business_type": "individual_business",
    }
    base.update(overrides)
    return Profile(**base)


def test_graduate_within_five_years_with_a_year_old_business_qualifies() -> None:
    result = startup_subsidy(graduate())
    assert result.qualifies
    assert "5000元" in result.reason


@pytest.mark.parametrize(
    ("today", "year", "qualifies"),
    [
        (date(2026, 9, 28), 2021, False),  # graduated in the summer of 2021: five years passed in July 2026
        (date(2026, 6, 30), 2021, True),  # the day before the five years run out
        (date(2026, 9, 28), 2022, True),
    ],
)
def test_the_five_years_run_from_the_usual_graduation_month(today: date, year: int, qualifies: bool) -> None:
    result = startup_subsidy(graduate(today=today, graduation_year=year))
    assert result.qualifies is qualifies
    if not qualifies:
        assert "2021年毕业（按当年7月毕业算）已满5年" in result.reason


@pytest.mark.parametrize(
    ("overrides", "fragment"),
    [
        ({"graduation_year": 2020}, "毕业5年内"),
        ({"business_started_on": date(2026, 1, 1)}, "经营满1年"),
        ({"first_time_founder": False}, "首次创业"),
        ({"business_type": "cooperative"}, "小微企业和个体工商户"),
        ({"person_category": "veteran"}, "不在其列"),
        ({"applying_items": frozenset({"business_registration"}), "business_started_on": None}, "本次才登记"),
    ],
)
def test_startup_subsidy_refusals_say_why(overrides: dict[str, Any], fragment: str) -> None:
    result = startup_subsidy(graduate(**overrides))
    assert not result.qualifies
    assert fragment in result.reason


def test_unknown_facts_are_listed_as_missing() -> None:
    result = startup_subsidy(Profile(today=TODAY, person_category="registered_unemployed"))
    assert not result.qualifies
    assert set(result.missing) == {"first_time_founder", "business_started_on"}
    assert "还需要知道" in result.reason


def test_loan_groups() -> None:
    def loan(**kw: Any) -> Any:
        return next(a for a in assess_items(Profile(today=TODAY, **kw)) if a.code == "guaranteed_loan")

    assert loan(person_category="veteran").qualifies
    assert loan(person_category="other", other_category="online_merchant").qualifies
    assert loan(person_category="other").missing == ("other_category",)
    assert not loan(person_category="other", other_category="student").qualifies


def test_the_loan_verdict_gives_the_partnership_rule_besides_the_individual_limit() -> None:
    """Partners asking how much they may borrow hear the partnership rule, not the individual limit alone."""
    verdict = next(a for a in assess_items(graduate()) if a.code == "guaranteed_loan")
    assert verdict.qualifies and "个人最高20万元" in verdict.reason
    assert "合伙" in verdict.reason and "10%" in verdict.reason


def test_the_loan_verdict_says_who_a_category_also_covers() -> None:
    """bundle.md counts village officials and returnees from abroad as graduates, disabled people as hard to employ."""
    verdict = next(a for a in assess_items(graduate()) if a.code == "guaranteed_loan")
    assert verdict.qualifies and "高校毕业生（含大学生村官、留学回国学生）" in verdict.reason
    disabled = next(
        a for a in assess_items(Profile(today=TODAY, person_category="hard_to_employ")) if a.code == "guaranteed_loan"
    )
    assert "含残疾人" in disabled.reason
    veteran = next(
        a for a in assess_items(Profile(today=TODAY, person_category="veteran")) if a.code == "guaranteed_loan"
    )
    assert "（含" not in veteran.reason


def test_an_unpaid_business_loan_rules_the_loan_out_with_the_reason(app_client: TestClient) -> None:
    body = app_client.post(URL, json={"person_category": "退伍军人", "other_business_loans": True}).json()
    loan = _by_code(body)["guaranteed_loan"]
    assert loan["qualifies"] is False and "除房贷、车贷、助学贷款外" in loan["reason"] and "还清后" in loan["reason"]
    repaid = app_client.post(URL, json={"person_category": "退伍军人", "other_business_loans": False}).json()
    assert _by_code(repaid)["guaranteed_loan"]["qualifies"] is True


def test_benefits_follow_items_and_free_training_needs_the_certificate() -> None:
    profile = Profile(today=TODAY, person_category="other", birth_date=date(1950, 1, 1))
    benefits = {b.code: b for b in assess_benefits(assess_items(profile), profile)}
    assert not benefits["free_training"].qualifies  # past working age: no certificate, so no free training
    holder = Profile(today=TODAY, holds_employment_cert=True)
    benefits = {b.code: b for b in assess_benefits(assess_items(holder), holder)}
    assert benefits["free_training"].qualifies


def test_endpoint_assesses_every_item_and_benefit(app_client: TestClient) -> None:
    body = app_client.post(
        URL,
        json={
            "person_category": "大学生",
            "graduation_year": "2023",
            "business_age_months": 14,
            "first_time_founder": "是",
        },
    ).json()
    items = _by_code(body)
    assert list(items) == list(ITEM_NAMES)  # every item, in the bundle's order
    assert items["startup_subsidy"]["qualifies"] is True
    assert all(isinstance(i["reason"], str) and i["reason"] for i in items.values())
    assert _by_code(body, "benefits")["startup_subsidy_payment"]["qualifies"] is True
    assert body["found_in_shared_records"] is False and body["one_click_items"] == []
    assert body["identified"] is False


def test_endpoint_rejects_wrong_profile_values(app_client: TestClient) -> None:
    response = app_client.post(URL, json={"person_category": "宇航员", "graduation_year": 1800})
    assert response.status_code == 422
    assert {e["field"] for e in response.json()["errors"]} == {"person_category", "graduation_year"}


def test_shared_records_override_the_stated_profile(app_client: TestClient) -> None:
    body = app_client.post(
        URL,
        headers=owner(LIU_YANG),
        json={"id_number": LIU_YANG, "person_category": "veteran", "first_time_founder": True},
    ).json()
    subsidy = _by_code(body)["startup_subsidy"]
    assert not subsidy["qualifies"] and "首次创业" in subsidy["reason"]  # two licences on record


def test_people_in_the_support_databases_get_one_click_offers(app_client: TestClient) -> None:
    wang = app_client.post(URL, headers=owner(WANG_FANG), json={"id_number": WANG_FANG}).json()
    assert wang["identified"] is True and wang["found_in_shared_records"] is True
    assert wang["one_click_items"] == ["employment_cert", "training", "startup_subsidy"]
    assert _by_code(wang)["startup_subsidy"]["one_click"] is True
    assert _by_code(wang)["guaranteed_loan"]["one_click"] is False
    zhang = app_client.post(URL, headers=owner(ZHANG_WEI), json={"id_number": ZHANG_WEI}).json()
    assert zhang["one_click_items"] == ["training"]  # already holds the certificate
    assert _by_code(zhang)["employment_cert"]["qualifies"] is False
    li = app_client.post(URL, headers=owner(LI_MING), json={"id_number": LI_MING}).json()
    assert li["found_in_shared_records"] is True and li["one_click_items"] == []


def test_confirming_one_click_offers_files_them(app_client: TestClient) -> None:
    request = {"id_number": ZHOU_TING.lower(), "phone": "13400000006"}
    headers = {**owner(ZHOU_TING), "Idempotency-Key": "oc-1"}
    response = app_client.post(f"{URL}/one-click", json=request, headers=headers)
    assert response.status_code == 201, response.text
    body = response.json()
    assert body["one_click"] is True
    assert [i["code"] for i in body["items"]] == ["employment_cert", "training"]
    assert {d["department_code"] for d in body["departments"]} == {"public_employment", "training_institution"}
    again = app_client.post(f"{URL}/one-click", json=request, headers=headers)
    assert (again.status_code, again.json()["number"]) == (200, body["number"])


def test_one_click_subsidy_without_the_bank_account_lists_it_to_provide(app_client: TestClient) -> None:
    request = {"id_number": WANG_FANG, "phone": "13900000002", "items": ["startup_subsidy"]}
    without = app_client.post(f"{URL}/one-click", json=request, headers=owner(WANG_FANG))
    assert without.status_code == 201, without.text
    assert without.json()["departments"][0]["department_code"] == "startup_subsidy_office"
    account = next(m for m in without.json()["materials"] if m["code"] == "bank_account")
    assert (account["exempt"], account["status"]) == (False, "需提交")


def test_one_click_subsidy_with_the_bank_account_has_nothing_more_to_provide(app_client: TestClient) -> None:
    request = {"id_number": WANG_FANG, "phone": "13900000002", "items": ["startup_subsidy"]}
    filed = app_client.post(
        f"{URL}/one-click", json={**request, "bank_account": "6222020200112233445"}, headers=owner(WANG_FANG)
    )
    assert filed.status_code == 201
    assert "bank_account" not in {m["code"] for m in filed.json()["materials"]}


def test_one_click_refuses_wrong_identity_and_items_not_on_offer(app_client: TestClient) -> None:
    wrong_phone = app_client.post(
        f"{URL}/one-click", json={"id_number": WANG_FANG, "phone": "13900000009"}, headers=owner(WANG_FANG)
    )
    nobody = app_client.post(
        f"{URL}/one-click", json={"id_number": NEWCOMER, "phone": "13900000002"}, headers=owner(NEWCOMER)
    )
    assert wrong_phone.status_code == nobody.status_code == 404
    assert wrong_phone.json() == nobody.json()
    loan = app_client.post(
        f"{URL}/one-click",
        json={"id_number": WANG_FANG, "phone": "13900000002", "items": ["guaranteed_loan"]},
        headers=owner(WANG_FANG),
    )
    assert (loan.status_code, loan.json()["errors"][0]["code"]) == (422, "not_one_click")


def test_a_lookup_by_id_number_needs_the_gateway_token_a_stated_profile_does_not(app_client: TestClient) -> None:
    refused = app_client.post(URL, json={"id_number": WANG_FANG})
    assert refused.status_code == 401 and refused.json()["code"] == "gateway_token_required"
    assert "found_in_shared_records" not in refused.json()  # nothing about the person
    assert app_client.post(URL, json={"person_category": "veteran"}).status_code == 200


@pytest.mark.parametrize(
    "caller",
    [anonymous(), owner(LI_MING), {**GATEWAY, "X-Wechat-Openid": "dev_nobody"}],
    ids=["anonymous", "someone-else-identified", "not-real-name-authenticated"],
)
def test_eligibility_by_id_number_reveals_nothing_to_anyone_but_the_person(
    app_client: TestClient, caller: dict[str, str]
) -> None:
    """The ID number gives the birth date only: people in and out of the databases get the same answer."""
    answers = [
        app_client.post(URL, headers=caller, json={"id_number": number, "person_category": "other"}).json()
        for number in (WANG_FANG, ZHANG_WEI, ZHOU_TING, make_id(born="19880304"))
    ]
    assert answers[0]["identified"] is False and answers[0]["found_in_shared_records"] is False
    assert answers[0]["one_click_items"] == [] and not any(i["one_click"] for i in answers[0]["items"])
    assert all(answer == answers[0] for answer in answers)


def test_one_click_is_for_the_identified_person_only(app_client: TestClient) -> None:
    request = {"id_number": WANG_FANG, "phone": "13900000002", "bank_account": "6222020200112233445"}
    for caller in (anonymous(), owner(LI_MING), {}):
        refused = app_client.post(ONE_CLICK, json=request, headers=caller)
        assert (refused.status_code, refused.json()["code"]) == (403, "identity_not_verified"), caller
        stranger = app_client.post(ONE_CLICK, json={**request, "id_number": NEWCOMER}, headers=caller)
        assert stranger.json() == refused.json()  # the same whoever the number belongs to
        assert "实名认证" in refused.json()["message"]
    assert app_client.post(ONE_CLICK, json=request, headers=owner(WANG_FANG)).status_code == 201


def test_staff_see_eligibility_and_confirm_offers_for_the_caller_they_verified(
    app_client: TestClient, hotline: Services
) -> None:
    console, call = hotline_call(app_client)
    assert app_client.post(URL, headers=call, json={"id_number": ZHOU_TING}).json()["one_click_items"] == []
    request = {"id_number": ZHOU_TING, "phone": "13400000006"}
    assert app_client.post(ONE_CLICK, json=request, headers=call).status_code == 403
    verify_caller(app_client, console, call, ZHOU_TING, "周婷")
    offered = app_client.post(URL, headers=call, json={"id_number": ZHOU_TING}).json()
    assert offered["identified"] is True and offered["one_click_items"] == ["employment_cert", "training"]
    filed = app_client.post(ONE_CLICK, json=request, headers=call)
    assert filed.status_code == 201 and filed.json()["filed_by"] == "zhangsan"
