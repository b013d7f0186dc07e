"""免申即享: offers that shared records prove alone, and filing them by one confirmation."""

from datetime import date
from typing import Any

from bundle_service.adapters.data_sharing import PersonRecords
from bundle_service.applications import fields as f
from bundle_service.applications.field_problem import FieldProblem
from bundle_service.applications.filing import Filer, Filing, Filings
from bundle_service.core.errors import FieldError, Forbidden, InvalidInput, NotFound
from bundle_service.eligibility.policy import load_policy
from bundle_service.eligibility.profile import build_profile
from bundle_service.eligibility.rules import RULES, Assessment, facts_from_records
from bundle_service.identity.records_access import RecordsAccess, person_subject
from bundle_service.progress.owner_verification import Verifier

ONE_CLICK_REQUIRED = ("applicant_name", "id_number", "phone", "person_category", "items")
NO_OFFER_MESSAGE = "未找到可一键确认的待遇，请核对身份证号码和预留手机号码，或按一般流程申请。"
NOT_IDENTIFIED_MESSAGE = (
    "免申即享须由本人确认：请在微信小程序完成实名认证后办理，或致电热线，由工作人员核验身份后代为确认。"
)


def offered_assessments(records: PersonRecords | None, today: date) -> list[Assessment]:
    """The one-click items a person found in the unemployed or hard-to-employ databases qualifies for, with why."""
    if records is None or not records.in_support_databases:
        return []
    profile = build_profile(today, facts_from_records(records), id_number=records.id_number)
    assessed = [RULES[code](profile) for code in load_policy().one_click_items]
    return [assessment for assessment in assessed if assessment.qualifies]


def offers(records: PersonRecords | None, today: date) -> list[str]:
    """Items a person found in the unemployed or hard-to-employ databases qualifies for on shared data alone."""
    return [assessment.code for assessment in offered_assessments(records, today)]


def checked_identity(id_number: str, phone: str, today: date) -> tuple[str, str]:
    """The ID number and the phone of a confirmation, normalised.

    Raises:
        InvalidInput: either is malformed (named in the error's field).
    """
    context = f.FieldContext(today)
    try:
        return f.id_number(id_number, context), f.phone(phone, context)
    except FieldProblem as problem:
        name = "phone" if problem.code.startswith("phone") else "id_number"
        raise InvalidInput([FieldError(name, problem.code, problem.message)]) from None


def confirm(
    filings: Filings,
    verifier: Verifier,
    access: RecordsAccess,
    *,
    id_number: str,
    phone: str,
    items: list[str] | None,
    bank_account: str | None,
    filer: Filer,
    client_key: str,
    idempotency_key: str | None,
) -> Filing:
    """File the confirmed offers as an application built from the shared records.

    The caller must be identified as the person (``access``); otherwise nothing is looked up and the answer is the
    same for every ID number. The phone must be the one on file; a wrong pair counts as a failed verification
    (throttled) and answers like a person without offers.

    Raises:
        Forbidden: the caller is not identified as the person with ``id_number``.
        TooManyAttempts: after repeated failures.
        NotFound: no offers for this ID and phone.
        InvalidInput: an item that is not on offer, or a missing bank account for the subsidy.
    """
    if not access.identified_as(id_number):
        raise Forbidden(NOT_IDENTIFIED_MESSAGE, code="identity_not_verified")
    subject = person_subject(id_number)
    verifier.check(subject, client_key)
    today = filings.clock.local(filings.clock.now()).date()
    records = access.person(id_number)
    offered = offers(records, today)
    if records is None or not offered or records.phone != phone:
        verifier.fail(subject, client_key, "one_click")
        raise NotFound(NO_OFFER_MESSAGE, code="no_offer")
    chosen = items or offered
    extra = [code for code in chosen if code not in offered]
    if extra:
        message = f"以下事项不能一键确认，请按一般流程申请：{'、'.join(extra)}。"
        raise InvalidInput([FieldError("items", "not_one_click", message)])
    raw: dict[str, Any] = {
        "applicant_name": records.name,
        "id_number": records.id_number,
        "phone": records.phone,
        "person_category": records.proven_category,
        "items": chosen,
        "bank_account": bank_account,
    }
    licence = records.first_licence
    if licence is not None:
        raw.update(
            project_name=licence.business_name,
            industry=licence.industry,
            business_type=licence.business_type,
            premises_address=licence.address,
            city=licence.city,
            county=licence.county,
        )
    return filings.submit(
        raw, filer, idempotency_key, one_click=True, required=ONE_CLICK_REQUIRED, person=access.own_records
    )
