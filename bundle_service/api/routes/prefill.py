"""``POST /api/v1/prefill``: which fields and materials data sharing already holds for a person (免提交).

Only for the person the caller is identified as (real-name authentication, or hotline staff after verifying the
caller); anyone else learns nothing about the records: the answer is the same for every ID number.
"""

from fastapi import APIRouter, Request

from bundle_service.api.callers import ClientKeyDep, RecordsAccessDep, require_gateway_for_records
from bundle_service.api.deps import AuditDep, ServicesDep
from bundle_service.applications.field_problem import FieldProblem
from bundle_service.applications.fields import FIELD_LABELS, FieldContext, id_number
from bundle_service.applications.form import held_fields
from bundle_service.applications.materials import load_materials
from bundle_service.core.errors import FieldError, InvalidInput
from bundle_service.core.masking import mask_id_number, mask_name
from bundle_service.schemas.common import ErrorOut
from bundle_service.schemas.prefill import HeldField, HeldMaterial, PrefillIn, PrefillOut

router = APIRouter(prefix="/prefill", tags=["prefill"])


@router.post("", responses={401: {"model": ErrorOut}, 422: {"model": ErrorOut}, 429: {"model": ErrorOut}})
def prefill(
    body: PrefillIn,
    request: Request,
    services: ServicesDep,
    client: ClientKeyDep,
    access: RecordsAccessDep,
    audit: AuditDep,
) -> PrefillOut:
    """Tell the form what not to ask: held fields (values stay in the service) and 免提交 materials.

    For a caller not identified as this person (``identified`` false) nothing is looked up: no field is held, only
    the materials everybody is spared (identity, registered premises) are listed.

    Raises:
        Unauthenticated: 401 without the gateway token (a lookup by ID number).
        InvalidInput: 422 for an invalid ID number.
        LookupRateLimited: 429 after questions about too many different ID numbers.
    """
    require_gateway_for_records(request, services)
    try:
        number = id_number(body.id_number, FieldContext(services.clock.today()))
    except FieldProblem as problem:
        raise InvalidInput([FieldError("id_number", problem.code, problem.message)]) from None
    records = access.person(number)
    identified = access.identified_as(number)
    premises = services.shared.premises(body.premises_address) if body.premises_address else None
    holdings = set(records.holdings if records else {"identity"})
    if premises is not None:
        holdings.add("premises")
    materials = [
        HeldMaterial(code=m.code, name=m.name, source=m.source)
        for m in load_materials().materials.values()
        if m.held_by in holdings
    ]
    held = held_fields(records, body.items or []) if records else {}
    fields = [HeldField(field=name, label=FIELD_LABELS[name], source=source) for name, source in held.items()]
    details: dict[str, object] = {"id_number": number, "identified": identified}
    if identified:
        details["found"] = records is not None
    audit.write(f"client:{client}", "shared_data.lookup", details)
    return PrefillOut(
        identified=identified,
        identified_by=access.method if identified else None,
        found=records is not None,
        id_number=mask_id_number(number),
        name_hint=mask_name(records.name) if records else None,
        fields=fields,
        never_ask=[f.field for f in fields],
        materials=materials,
        premises_registered=(premises is not None) if body.premises_address else None,
        one_click_available=bool(records and records.in_support_databases),
    )
