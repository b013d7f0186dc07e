"""Filing the one form: the answer, idempotency, cross-field rules, staff filing, masking."""

import asyncio
import json

import httpx
from fastapi.testclient import TestClient
from sqlalchemy import func, select

from bundle_service.api.deps import Services
from bundle_service.models import Application
from tests.apps import app_for

from ..callers import anonymous, owner
from ..conftest import ADMIN_TOKEN, STAFF_KEYS
from ..factories import CHEN_JING, LI_MING, NEWCOMER, WANG_FANG, form

URL = "/api/v1/applications"


def _count(services: Services) -> int:
    with services.sessions() as session:
        return int(session.scalar(select(func.count()).select_from(Application)) or 0)


def _errors(response: httpx.Response) -> set[tuple[str, str]]:
    assert response.status_code == 422, response.text
    return {(e["field"], e["code"]) for e in response.json()["errors"]}


def test_submit_answers_number_state_checklist_and_departments(app_client: TestClient) -> None:
    response = app_client.post(URL, json=form(items=["business_registration", "taxpayer_confirmation", "training"]))
    assert response.status_code == 201
    body = response.json()
    assert body["number"] == "CY20260928000001"
    assert (body["state"], body["state_label"], body["filed_by"]) == ("received", "已受理", "self")
    departments = {d["department_code"]: d for d in body["departments"]}
    assert set(departments) == {"market_regulation", "tax", "training_institution"}
    registration = departments["market_regulation"]
    assert registration["items"] == [{"code": "business_registration", "name": "经营主体登记注册"}]
    assert (registration["time_limit_days"], registration["due_date"]) == (3, "2026-10-08")
    assert (registration["status_label"], registration["light"]) == ("已受理", "green")
    assert departments["training_institution"]["due_date"] == "2026-10-10"  # make-up Saturday
    assert departments["tax"]["due_date"] == "2026-09-29"
    materials = {m["code"]: m for m in body["materials"]}
    assert materials["id_proof"]["status"] == "免提交"
    assert materials["premises_proof"] == {
        "code": "premises_proof",
        "name": "经营场所证明",
        "items": ["business_registration"],
        "exempt": False,
        "status": "需提交",
        "source": None,
    }


def test_answer_masks_personal_data(app_client: TestClient) -> None:
    body = app_client.post(URL, json=form()).json()
    assert body["applicant"] == {
        "name": "赵*",
        "id_number": NEWCOMER[:6] + "********" + NEWCOMER[-4:],
        "phone": "139****5678",
    }
    text = json.dumps(body, ensure_ascii=False)
    assert NEWCOMER not in text and "13912345678" not in text


def test_retry_with_the_same_key_returns_the_first_filing(app_client: TestClient, services: Services) -> None:
    headers = {"Idempotency-Key": "chat-42-submit"}
    first = app_client.post(URL, json=form(), headers=headers)
    again = app_client.post(URL, json=form(), headers=headers)
    assert (first.status_code, again.status_code) == (201, 200)
    assert again.headers["Idempotent-Replayed"] == "true"
    assert again.json() == first.json()
    assert _count(services) == 1


def test_the_same_key_for_another_form_is_a_conflict(app_client: TestClient, services: Services) -> None:
    headers = {"Idempotency-Key": "k-1"}
    app_client.post(URL, json=form(), headers=headers)
    response = app_client.post(URL, json=form(project_name="另一个项目"), headers=headers)
    assert response.status_code == 409
    assert response.json()["code"] == "idempotency_key_reused"
    assert _count(services) == 1


async def _race(services: Services, n: int) -> list[httpx.Response]:
    with app_for(services) as app:
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://service", timeout=60) as client:
            return await asyncio.gather(
                *(client.post(URL, json=form(), headers={"Idempotency-Key": "same-key"}) for _ in range(n))
            )


def test_concurrent_retries_file_once(services: Services) -> None:
    responses = asyncio.run(_race(services, 25))
    assert {r.status_code for r in responses} <= {200, 201}
    assert sum(r.status_code == 201 for r in responses) == 1
    assert len({r.json()["number"] for r in responses}) == 1
    assert _count(services) == 1


def test_every_wrong_field_is_reported_and_nothing_is_filed(app_client: TestClient, services: Services) -> None:
    bad = form(
        id_number=NEWCOMER[:-1] + ("0" if NEWCOMER[-1] != "0" else "1"),
        phone="1391234567",
        city="武汉市",
        person_category="学生",
        items=["business_registration"],
    )
    response = app_client.post(URL, json=bad)
    assert _errors(response) == {
        ("id_number", "id_checksum"),
        ("phone", "phone_length"),
        ("city", "city_not_in_hunan"),
        ("person_category", "person_category_unknown"),
        ("items", "items_together"),
    }
    body = response.json()
    assert body["code"] == "validation_failed"
    assert "身份证号码校验位不正确" in body["message"]
    assert _count(services) == 0


def test_missing_fields_are_named(app_client: TestClient) -> None:
    assert _errors(app_client.post(URL, json=form(project_name=None, county=None))) == {
        ("project_name", "required"),
        ("county", "required"),
    }


def test_request_shape_errors_are_precise(app_client: TestClient) -> None:
    response = app_client.post(URL, json={**form(), "items": 5, "favourite_colour": "red"})
    assert response.status_code == 422
    body = response.json()
    assert body["code"] == "invalid_request"
    fields = {e["field"] for e in body["errors"]}
    assert {"items", "favourite_colour"} <= fields


def test_loan_limits(app_client: TestClient) -> None:
    loan = form(items=["guaranteed_loan"], loan_amount=200000, loan_term_months=36)
    assert app_client.post(URL, json=loan).status_code == 201
    over = app_client.post(URL, json={**loan, "loan_amount": "20.5万"})
    assert _errors(over) == {("loan_amount", "loan_amount_over_limit")}
    assert "最高20万元" in over.json()["errors"][0]["message"]
    assert _errors(app_client.post(URL, json={**loan, "loan_term_months": "4年"})) == {
        ("loan_term_months", "loan_term_over_limit")
    }
    assert _errors(app_client.post(URL, json={**loan, "loan_amount": None, "loan_term_months": None})) == {
        ("loan_amount", "required"),
        ("loan_term_months", "required"),
    }


def test_enterprise_and_partnership_loan_limits(app_client: TestClient) -> None:
    enterprise = form(items=["guaranteed_loan"], business_type="enterprise", loan_amount="300万", loan_term_months=24)
    assert app_client.post(URL, json=enterprise).status_code == 201
    assert _errors(app_client.post(URL, json={**enterprise, "loan_amount": 3000001})) == {
        ("loan_amount", "loan_amount_over_limit")
    }
    assert _errors(app_client.post(URL, json={**enterprise, "loan_term_months": 36})) == {
        ("loan_term_months", "loan_term_over_limit")
    }
    partners = form(
        items=["guaranteed_loan"], loan_borrower="合伙", partner_count=3, loan_amount=660000, loan_term_months=36
    )
    assert app_client.post(URL, json=partners).status_code == 201
    assert _errors(app_client.post(URL, json={**partners, "loan_amount": 660001})) == {
        ("loan_amount", "loan_amount_over_limit")
    }
    assert _errors(app_client.post(URL, json={**partners, "partner_count": None})) == {("partner_count", "required")}


def test_loan_needs_an_eligible_category(app_client: TestClient) -> None:
    loan = form(items=["guaranteed_loan"], loan_amount=100000, loan_term_months=12, person_category="other")
    refused = app_client.post(URL, json=loan)
    assert _errors(refused) == {("other_category", "required_for_item")}
    # The item's official name already begins with 申请: the message must not say it twice.
    assert [e["message"] for e in refused.json()["errors"]] == ["申请创业担保贷款，请填写其他人员类别。"]
    assert app_client.post(URL, json={**loan, "other_category": "网商"}).status_code == 201


def test_startup_subsidy_rules(app_client: TestClient) -> None:
    newcomer = form(
        items=["startup_subsidy", "business_registration", "taxpayer_confirmation"],
        first_time_founder=True,
        bank_account="6222020200112233445",
    )
    response = app_client.post(URL, json=newcomer)
    assert _errors(response) == {("items", "not_eligible")}
    assert "满1年" in response.json()["errors"][0]["message"]
    assert response.json()["errors"][0]["item"] == "startup_subsidy"  # a client keeps the other items
    # Chen Jing: graduated 2020 (more than 5 years) and her company is younger than a year — both reported.
    chen = form(
        applicant_name="陈静",
        id_number=CHEN_JING,
        person_category="college_graduate",
        items=["startup_subsidy"],
        bank_account="6222020200112233445",
    )
    # Her records prove both (graduation year, licence date); they count for her, identified by real-name login.
    message = app_client.post(URL, json=chen, headers=owner(CHEN_JING)).json()["errors"][0]["message"]
    assert "毕业5年内" in message and "2020年毕业" in message and "经营满1年" in message


def test_startup_subsidy_with_shared_records(app_client: TestClient) -> None:
    wang = form(
        applicant_name="王芳", id_number=WANG_FANG, person_category=None, items=["startup_subsidy"], business_type=None
    )
    # Her shared records fill what the form leaves out, because she is identified (real-name login) as herself.
    body = app_client.post(
        URL, json={**wang, "bank_account": "6222 0202 0011 2233 445"}, headers=owner(WANG_FANG)
    ).json()
    assert "bank_account" not in {m["code"] for m in body["materials"]}  # given on the form: nothing to hand in
    assert body["shared_fields"]["person_category"] == "城镇登记失业人员信息库"
    assert body["shared_fields"]["business_started_on"].startswith("市场监管登记注册数据库")
    licence = next(m for m in body["materials"] if m["code"] == "business_licence")
    assert licence["exempt"] and licence["status"] == "免提交"
    assert body["departments"][0]["due_date"] == "2026-10-30"  # 20 working days across National Day + 10 Oct


def test_name_must_match_the_shared_records(app_client: TestClient) -> None:
    assert _errors(
        app_client.post(URL, json=form(id_number=LI_MING, applicant_name="李四"), headers=owner(LI_MING))
    ) == {("applicant_name", "name_mismatch")}


def test_records_are_neither_used_nor_revealed_for_someone_not_identified(app_client: TestClient) -> None:
    wang = form(applicant_name="李四", id_number=WANG_FANG, person_category=None, items=["startup_subsidy"])
    # No name mismatch, nothing filled: every value the records would have given is asked for.
    assert _errors(app_client.post(URL, json=wang, headers=anonymous())) == {
        ("person_category", "required"),
        ("business_started_on", "required_for_item"),
        ("first_time_founder", "required_for_item"),
    }


def test_subsidy_filed_without_a_bank_account_lists_it_as_a_material_to_provide(app_client: TestClient) -> None:
    """bundle.md: the account is among what the subsidy asks to provide, not among the form's fields."""
    wang = form(
        applicant_name="王芳", id_number=WANG_FANG, person_category=None, items=["startup_subsidy"], business_type=None
    )
    response = app_client.post(URL, json=wang, headers=owner(WANG_FANG))
    assert response.status_code == 201, response.text
    account = next(m for m in response.json()["materials"] if m["code"] == "bank_account")
    assert (account["exempt"], account["status"]) == (False, "需提交")
    assert "银行账户" in account["name"] and "发放前" in account["name"]


def test_staff_file_on_a_callers_behalf(app_client: TestClient) -> None:
    staff = {"X-Staff-Key": STAFF_KEYS["hotline-007"]}
    assert app_client.post(URL, json=form(), headers=staff).json()["filed_by"] == "hotline-007"
    wrong = app_client.post(URL, json=form(), headers={"X-Staff-Key": "guess"})
    assert (wrong.status_code, wrong.json()["code"]) == (401, "invalid_staff_key")


def test_audit_log_records_the_filing_masked(app_client: TestClient) -> None:
    number = app_client.post(URL, json=form()).json()["number"]
    events = app_client.get(
        "/api/v1/admin/audit",
        params={"application_number": number},
        headers={"Authorization": f"Bearer {ADMIN_TOKEN}"},
    ).json()
    submitted = next(e for e in events if e["action"] == "application.submitted")
    assert submitted["actor"] == "applicant"
    assert submitted["details"]["id_number"] == NEWCOMER[:6] + "********" + NEWCOMER[-4:]
    assert submitted["details"]["phone"] == "139****5678"
    assert NEWCOMER not in json.dumps(events)
