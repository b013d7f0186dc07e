"""Eligibility matching (免申即享) and one-click confirmation of offers."""

from typing import Annotated

from fastapi import APIRouter, Header, Request, Response

from bundle_service.api.callers import ClientKeyDep, FilerDep, RecordsAccessDep, require_gateway_for_records
from bundle_service.api.deps import ServicesDep
from bundle_service.api.presenters import filing_out
from bundle_service.applications import one_click
from bundle_service.eligibility.profile import normalise_stated, stated_profile
from bundle_service.eligibility.rules import Assessment, assess_benefits, assess_items
from bundle_service.schemas.application import ApplicationOut
from bundle_service.schemas.common import ErrorOut
from bundle_service.schemas.eligibility import AssessmentOut, EligibilityOut, OneClickIn, ProfileIn

router = APIRouter(prefix="/eligibility", tags=["eligibility"])


def _out(assessment: Assessment, offered: list[str]) -> AssessmentOut:
    return AssessmentOut(
        code=assessment.code,
        name=assessment.name,
        qualifies=assessment.qualifies,
        reason=assessment.reason,
        missing=list(assessment.missing),
        one_click=assessment.code in offered,
    )


@router.post("", responses={401: {"model": ErrorOut}, 422: {"model": ErrorOut}, 429: {"model": ErrorOut}})
def match(body: ProfileIn, request: Request, services: ServicesDep, access: RecordsAccessDep) -> EligibilityOut:
    """Every item and benefit with ``qualifies`` and the reason.

    For a caller identified as the person with ``id_number`` (``identified``), facts in their shared records
    override the stated profile, and people in the unemployed or hard-to-employ databases get ``one_click`` offers.
    For anyone else the ID number gives the birth date only: the answer rests on the stated profile and is the
    same whoever the number belongs to.

    Raises:
        Unauthenticated: 401 when ``id_number`` is given without the gateway token (a stated profile is open).
        InvalidInput: 422 for a wrongly filled profile field.
        LookupRateLimited: 429 after questions about too many different ID numbers.
    """
    if body.id_number:
        require_gateway_for_records(request, services)
    today = services.clock.today()
    values = normalise_stated(body.model_dump(), body.items or [], today)
    if body.other_business_loans is not None:
        values["other_business_loans"] = body.other_business_loans  # a stated fact the records do not hold
    records = access.person(values["id_number"]) if "id_number" in values else None
    identified = "id_number" in values and access.identified_as(values["id_number"])
    profile = stated_profile(
        today,
        values,
        records,
        has_licence=body.has_licence,
        holds_employment_cert=body.holds_employment_cert,
        business_age_months=body.business_age_months,
        items=body.items or [],
    )
    items = assess_items(profile)
    offered = one_click.offers(records, today)
    return EligibilityOut(
        identified=identified,
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
        403: {"model": ErrorOut},
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
    access: RecordsAccessDep,
    idempotency_key: Annotated[str | None, Header(max_length=128)] = None,
) -> ApplicationOut:
    """Confirm 免申即享 offers: files them as an application built from the shared records.

    Only for the person themselves, identified (real-name authentication, or hotline staff after verifying the
    caller); anyone else gets 403 before anything is looked up.

    Raises:
        Forbidden: 403 ``identity_not_verified`` when the caller is not identified as this person.
        NotFound: 404 when the ID and the phone on file do not match a person with offers.
        InvalidInput: 422 for an item not on offer or a missing bank account for the subsidy.
        TooManyAttempts: 429 after repeated failures or questions about too many different ID numbers.
    """
    id_number, phone = one_click.checked_identity(body.id_number, body.phone, services.clock.today())
    filing = one_click.confirm(
        services.filings,
        services.verifier,
        access,
        id_number=id_number,
        phone=phone,
        items=body.items,
        bank_account=body.bank_account,
        filer=filer,
        client_key=client,
        idempotency_key=idempotency_key,
    )
    return filing_out(filing, response, services)
