"""Filing the one form: ``POST /api/v1/applications`` (idempotent with ``Idempotency-Key``)."""

from typing import Annotated

from fastapi import APIRouter, Header, Response

from bundle_service.api.callers import FilerDep, RecordsAccessDep
from bundle_service.api.deps import ServicesDep
from bundle_service.api.presenters import filing_out
from bundle_service.schemas.application import ApplicationIn, ApplicationOut
from bundle_service.schemas.common import ErrorOut

router = APIRouter(prefix="/applications", tags=["applications"])
ERRORS: dict[int | str, dict[str, object]] = {
    401: {"model": ErrorOut},
    409: {"model": ErrorOut},
    422: {"model": ErrorOut},
}


@router.post("", status_code=201, responses={200: {"model": ApplicationOut}, **ERRORS})
def submit(
    body: ApplicationIn,
    response: Response,
    services: ServicesDep,
    filer: FilerDep,
    access: RecordsAccessDep,
    idempotency_key: Annotated[str | None, Header(max_length=128)] = None,
) -> ApplicationOut:
    """File the form and dispatch it to every department involved, in parallel.

    Shared records (免提交, the name check) are used only for a caller identified as the applicant
    (``docs/bundle-service.md``, "Identity and shared records").

    A repeat with the same ``Idempotency-Key`` answers 200 with the first filing (header
    ``Idempotent-Replayed: true``); the same key with a different form answers 409. Hotline staff file on a
    caller's behalf with ``X-Staff-Key``. Personal data is masked in the answer.

    Raises:
        InvalidInput: 422 with every wrong field (field, code, Chinese message).
        Conflict: 409 when the key was used for another form.
        Unauthenticated: 401 for a wrong staff key.
    """
    filing = services.filings.submit(
        body.model_dump(exclude_none=True), filer, idempotency_key, person=access.own_records
    )
    return filing_out(filing, response, services)
