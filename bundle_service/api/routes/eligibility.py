"""Eligibility matching (免申即享) and one-click confirmation of offers."""

from typing import Annotated, Any

from fastapi import APIRouter, Header, Request, Response

from bundle_service.api.deps import ClientKeyDep, FilerDep, ServicesDep, require_gateway_for_records
from bundle_service.api.routes.applications import filing_out
from bundle_service.catalog import load_items
from bundle_service.core.errors import FieldError, InvalidInput
from bundle_service.schemas.application import ApplicationOut
from bundle_service.schemas.common import ErrorOut
from bundle_service.schemas.eligibility import AssessmentOut, EligibilityOut, OneClickIn, ProfileIn
from bundle_service.services import fields as f
from bundle_service.services import one_click
from bundle_service.services.eligibility import Assessment, Profile, assess_benefits, assess_items, facts_from_records
from bundle_service.services.id_numbers import birth_date
from bundle_service.services.problems import FieldProblem

router = APIRouter(prefix="/api/v1/eligibility", tags=["eligibility"])
PROFILE_FIELDS = (
    "person_category",
    "other_category",
    "graduation_year",
    "business_started_on",
    "first_time_founder",
    "business_type",
    "id_number",
)


def _normalise(body: ProfileIn, context: f.FieldContext) -> dict[str, Any]:
    values: dict[str, Any] = {}
    errors: list[FieldError] = []
    for name in PROFILE_FIELDS:
        raw = getattr(body, name)
        if raw is None or raw == "":
            continue
        try:
            values[name] = f.VALIDATORS[name](raw, context)
        except FieldProblem as problem:
            errors.append(FieldError(name, problem.code, problem.message))
    unknown = [code for code in body.items or [] if code not in load_items()]
    if unknown:
        errors.append(FieldError("items", "item_unknown", f"不认识的事项：{'、'.join(unknown)}。"))
    if errors:
        raise InvalidInput(errors)
    return values


def _out(assessment: Assessment, offered: list[str]) -> AssessmentOut:
    return AssessmentOut(
        code=assessment.code,
        name=assessment.name,
        qualifies=assessment.qualifies,
        reason=assessment.reason,
        missing=list(assessment.missing),
        one_click=assessment.code in offered,
    )


@router.post("", responses={401: {"model": ErrorOut}, 422: {"model": ErrorOut}})
def match(body: ProfileIn, request: Request, services: ServicesDep) -> EligibilityOut:
    """Every item and benefit with ``qualifies`` and the reason.

    Facts in the shared records (found by ``id_number``) override the stated profile, and people in the
    unemployed or hard-to-employ databases get ``one_click`` offers.

    Raises:
        Unauthenticated: 401 when ``id_number`` is given without the gateway token (a stated profile is open).
        InvalidInput: 422 for a wrongly filled profile field.
    """
    if body.id_number:
        require_gateway_for_records(request, services)
    today = services.clock.today()
    values = _normalise(body, f.FieldContext(today))
    records = services.shared.person(values["id_number"]) if "id_number" in values else None
    if records is not None:
        values.update(facts_from_records(records))
    if body.has_licence is not None and "has_licence" not in values:
        values["has_licence"] = body.has_licence
    if body.holds_employment_cert and not values.get("holds_employment_cert"):
        values["holds_employment_cert"] = True
    id_number = values.pop("id_number", None)
    profile = Profile(
        today=today,
        birth_date=birth_date(id_number) if id_number else None,
        business_age_months=body.business_age_months,
        applying_items=frozenset(body.items or []),
        **values,
    )
    items = assess_items(profile)
    offered = one_click.offers(records, today)
    return EligibilityOut(
        found_in_shared_records=records is not None,
        items=[_out(a, offered) for a in items],
        benefits=[_out(a, []) for a in assess_benefits(items, profile)],
        one_click_items=offered,
    )


@router.post(
    "/one-click",
    status_code=201,
    responses={
        200: {"model": ApplicationOut},
        404: {"model": ErrorOut},
        422: {"model": ErrorOut},
        429: {"model": ErrorOut},
    },
)
def confirm_one_click(
    body: OneClickIn,
    response: Response,
    services: ServicesDep,
    filer: FilerDep,
    client: ClientKeyDep,
    idempotency_key: Annotated[str | None, Header(max_length=128)] = None,
) -> ApplicationOut:
    """Confirm 免申即享 offers: files them as an application built from the shared records.

    Raises:
        NotFound: 404 when the ID and the phone on file do not match a person with offers.
        InvalidInput: 422 for an item not on offer or a missing bank account for the subsidy.
        TooManyAttempts: 429 after repeated failures.
    """
    context = f.FieldContext(services.clock.today())
    try:
        id_number = f.id_number(body.id_number, context)
        phone = f.phone(body.phone, context)
    except FieldProblem as problem:
        name = "phone" if problem.code.startswith("phone") else "id_number"
        raise InvalidInput([FieldError(name, problem.code, problem.message)]) from None
    filing = one_click.confirm(
        services.filings,
        services.verifier,
        id_number=id_number,
        phone=phone,
        items=body.items,
        bank_account=body.bank_account,
        filer=filer,
        client_key=client,
        idempotency_key=idempotency_key,
    )
    return filing_out(filing, response, services)
