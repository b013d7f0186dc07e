"""Validation of single fields, through ``POST /api/v1/validation/{field}`` and the validators themselves."""

from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from bundle_service.api.deps import Services
from bundle_service.applications.field_checks import FieldContext
from bundle_service.applications.field_problem import FieldProblem
from bundle_service.applications.id_numbers import age_on, normalise_id_number
from bundle_service.applications.loan_fields import loan_amount
from bundle_service.core.clock import FixedClock
from bundle_service.core.config import Settings
from bundle_service.main import build_services
from tests.apps import client_for

from ..callers import anonymous, hotline_call, owner, verify_caller
from ..conftest import TZ
from ..factories import LI_MING, NEWCOMER, WANG_FANG, ZHANG_WEI, form, make_id
from ..hotline_fixtures import *  # noqa: F403  (fixtures)

TODAY = date(2026, 9, 28)


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    """These checks touch no database: one backend is enough."""
    path: Path = tmp_path_factory.mktemp("validation") / "unused.db"
    settings = Settings(database_url=f"sqlite:///{path}", migrate_on_startup=False)
    services = build_services(settings, clock=FixedClock(settings.timezone, datetime(2026, 9, 28, 10, tzinfo=TZ)))
    with client_for(services) as test_client:
        yield test_client


def check(client: TestClient, field: str, value: Any, **context: Any) -> dict[str, Any]:
    response = client.post(f"/api/v1/validation/{field}", json={"value": value, "context": context})
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    return body


@pytest.mark.parametrize(
    ("value", "code"),
    [
        ("", "required"),
        ("430104990512123", "id_length"),
        ("4301041999051212", "id_length"),
        ("43010419990512123A", "id_format"),
        (make_id(born="19991332")[:17] + "0", "id_birth_date"),
        (make_id(born="20300101"), "id_birth_date"),
        ("430104199905121230", "id_checksum"),
    ],
)
def test_id_number_reasons(client: TestClient, value: str, code: str) -> None:
    body = check(client, "id_number", value)
    assert (body["valid"], body["code"], body["value"]) == (False, code, None)
    assert body["message"]


def test_id_number_is_normalised(client: TestClient) -> None:
    body = check(client, "id_number", " 430104 19990512 123x ")
    assert (body["valid"], body["value"], body["code"]) == (True, LI_MING, None)


def test_birth_date_and_age() -> None:
    assert normalise_id_number(make_id(born="20000229"), TODAY)
    assert age_on(LI_MING, TODAY) == 27
    with pytest.raises(FieldProblem) as raised:
        normalise_id_number(make_id(born="19990229"), TODAY)
    assert raised.value.code == "id_birth_date"


@pytest.mark.parametrize(
    ("value", "valid", "result"),
    [
        ("+86 139-1234-5678", True, "13912345678"),
        (13912345678, True, "13912345678"),
        ("12912345678", False, "phone_format"),
        ("1391234567", False, "phone_length"),
        ("139abc45678", False, "phone_format"),
    ],
)
def test_phone(client: TestClient, value: Any, valid: bool, result: str) -> None:
    body = check(client, "phone", value)
    assert body["valid"] is valid
    assert (body["value"] if valid else body["code"]) == result


def test_loan_amount_depends_on_the_borrower(client: TestClient) -> None:
    over = check(client, "loan_amount", "25万")
    assert (over["valid"], over["code"]) == (False, "loan_amount_over_limit")
    assert over["message"] == "个人创业担保贷款最高20万元（200000元），您填写的是25万元（250000元）。"
    assert check(client, "loan_amount", "25万", business_type="企业")["value"] == 250000
    assert check(client, "loan_amount", "66万", loan_borrower="合伙", partner_count=3)["valid"] is True
    assert check(client, "loan_amount", "66.1万", loan_borrower="合伙", partner_count=3)["code"] == (
        "loan_amount_over_limit"
    )
    assert check(client, "loan_amount", "两万")["code"] == "loan_amount_format"
    assert check(client, "loan_amount", 0)["code"] == "loan_amount_not_positive"


def test_loan_amount_unit_parsing() -> None:
    ctx = FieldContext(TODAY)
    assert loan_amount("15.5万", ctx) == 155000
    assert loan_amount("200,000元", ctx) == 200000


@pytest.mark.parametrize(
    ("value", "context", "outcome"),
    [
        ("3年", {}, 36),
        ("两年", {"loan_borrower": "enterprise"}, 24),
        ("24个月", {}, 24),
        ("4年", {}, "loan_term_over_limit"),
        ("30个月", {"business_type": "enterprise"}, "loan_term_over_limit"),
        ("很久", {}, "loan_term_format"),
    ],
)
def test_loan_term(client: TestClient, value: str, context: dict[str, str], outcome: Any) -> None:
    body = check(client, "loan_term_months", value, **context)
    assert (body["value"] if body["valid"] else body["code"]) == outcome


def test_items(client: TestClient) -> None:
    alone = check(client, "items", "营业执照")
    assert (alone["code"], alone["message"]) == ("items_together", "经营主体登记注册和纳税人信息确认须一并申请。")
    together = check(client, "items", "纳税人信息确认、营业执照，创业补贴")
    assert together["value"] == ["startup_subsidy", "business_registration", "taxpayer_confirmation"]
    assert check(client, "items", ["mortgage"])["code"] == "item_unknown"
    assert check(client, "items", [])["code"] == "required"


@pytest.mark.parametrize(
    ("field", "value", "outcome"),
    [
        ("city", "长沙", "长沙市"),
        ("city", "湘西州", "湘西土家族苗族自治州"),
        ("city", "武汉市", "city_not_in_hunan"),
        ("county", "岳麓区", "岳麓区"),
        ("county", "岳麓", "county_format"),
        ("person_category", "大学生", "college_graduate"),
        ("person_category", "宇航员", "person_category_unknown"),
        ("business_type", "个体户", "individual_business"),
        ("applicant_name", "阿依古丽·买买提", "阿依古丽·买买提"),
        ("applicant_name", "Tom", "name_format"),
        ("business_started_on", "2025年3月1日", "2025-03-01"),
        ("business_started_on", "2026-10-01", "date_in_future"),
        ("business_started_on", "2025-02-30", "date_format"),
        ("graduation_year", "2023年", 2023),
        ("graduation_year", "2027", "graduation_year_range"),
        ("first_time_founder", "是", True),
        ("first_time_founder", "也许", "boolean_format"),
        ("bank_account", "6222 0202 0011 2233 445", "6222020200112233445"),
        ("bank_account", "62220", "bank_account_format"),
        ("id_last6", "12123x", "12123X"),
        ("project_name", "店", "project_name_length"),
    ],
)
def test_fields(client: TestClient, field: str, value: Any, outcome: Any) -> None:
    body = check(client, field, value)
    assert (body["value"] if body["valid"] else body["code"]) == outcome
    assert body["message"]


def test_unknown_field_is_404(client: TestClient) -> None:
    response = client.post("/api/v1/validation/favourite_colour", json={"value": "red"})
    assert (response.status_code, response.json()["code"]) == (404, "unknown_field")


# The whole-form check looks shared records up (and counts the lookups): these run on the database backends.
FORM_CHECK = "/api/v1/validation"
LOAN_AND_SUBSIDY = {"items": ["startup_subsidy", "guaranteed_loan"], "business_type": "enterprise"}


def test_whole_form_check_lists_what_is_missing_without_filing(app_client: TestClient) -> None:
    """The identified applicant is asked only for ``missing``: held (免提交) fields never appear there."""
    response = app_client.post(FORM_CHECK, json={"id_number": LI_MING, **LOAN_AND_SUBSIDY}, headers=owner(LI_MING))
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["complete"] is False
    assert {"applicant_name", "phone", "loan_amount", "loan_term_months"} <= set(body["missing"])
    assert "bank_account" not in body["missing"]  # the subsidy's account is a material to provide, not a field
    assert "graduation_year" not in body["missing"]  # held by the shared education record
    assert "id_number" not in body["missing"]


def test_whole_form_check_of_someone_not_identified_asks_everything_and_says_nothing(app_client: TestClient) -> None:
    """Whoever the ID number belongs to, a caller not identified as them gets the same answer: every field."""
    answers = []
    for number in (LI_MING, WANG_FANG, ZHANG_WEI, NEWCOMER):
        checked = {"id_number": number, "applicant_name": "李四", "person_category": "college_graduate"}
        response = app_client.post(FORM_CHECK, json={**checked, **LOAN_AND_SUBSIDY}, headers=anonymous())
        assert response.status_code == 200, response.text
        answers.append(response.json())
    assert all(answer == answers[0] for answer in answers)
    assert "graduation_year" in answers[0]["missing"]  # not taken from anybody's records
    assert not any(e["code"] == "name_mismatch" for e in answers[0]["errors"])
    missing = app_client.post(FORM_CHECK, json={"id_number": LI_MING, **LOAN_AND_SUBSIDY}).json()["missing"]
    assert missing == [
        "applicant_name",
        "phone",
        "person_category",
        "project_name",
        "industry",
        "premises_address",
        "city",
        "county",
        "loan_amount",
        "loan_term_months",
        "business_started_on",
        "first_time_founder",
    ]  # without any credentials: the full list of required fields


def test_whole_form_check_compares_the_name_only_for_the_identified_applicant(app_client: TestClient) -> None:
    wrong_name = {**form(id_number=LI_MING, applicant_name="李四")}
    herself = app_client.post(FORM_CHECK, json=wrong_name, headers=owner(LI_MING)).json()
    assert [(e["field"], e["code"]) for e in herself["errors"]] == [("applicant_name", "name_mismatch")]
    stranger = app_client.post(FORM_CHECK, json=wrong_name, headers=anonymous()).json()
    assert stranger == {"complete": True, "missing": [], "errors": []}


def test_whole_form_check_for_staff_uses_the_records_of_the_caller_they_verified(
    app_client: TestClient, hotline: Services
) -> None:
    console, call = hotline_call(app_client)
    body = {"id_number": LI_MING, "person_category": "college_graduate", **LOAN_AND_SUBSIDY}
    assert "graduation_year" in app_client.post(FORM_CHECK, json=body, headers=call).json()["missing"]
    verify_caller(app_client, console, call, LI_MING, "李明")
    assert "graduation_year" not in app_client.post(FORM_CHECK, json=body, headers=call).json()["missing"]


def test_whole_form_checks_are_throttled_per_caller_by_different_id_numbers(
    app_client: TestClient, services: Services
) -> None:
    numbers = [make_id(sequence=f"{n:03d}") for n in range(services.settings.lookup_max_people + 1)]
    for number in numbers[:-1]:
        for _ in range(3):  # the chat form checks on every turn: the same number counts once
            assert (
                app_client.post(FORM_CHECK, json={"id_number": number}, headers=anonymous("web:p")).status_code == 200
            )
    refused = app_client.post(FORM_CHECK, json={"id_number": numbers[-1]}, headers=anonymous("web:p"))
    assert (refused.status_code, refused.json()["code"]) == (429, "too_many_lookups")


def test_whole_form_check_reports_wrong_fields_and_rules(app_client: TestClient) -> None:
    response = app_client.post(
        FORM_CHECK,
        json={"phone": "1391234", "items": ["guaranteed_loan"], "loan_amount": "50万", "loan_term_months": 12},
    )
    body = response.json()
    codes = {(e["field"], e["code"]) for e in body["errors"]}
    assert ("phone", "phone_length") in codes
    assert ("loan_amount", "loan_amount_over_limit") in codes
    assert all(e["message"] for e in body["errors"])


def test_whole_form_check_accepts_a_complete_form(app_client: TestClient) -> None:
    response = app_client.post(FORM_CHECK, json=form())
    assert response.json() == {"complete": True, "missing": [], "errors": []}
