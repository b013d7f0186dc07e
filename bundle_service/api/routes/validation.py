"""``POST /api/v1/validation/{field}``: validate and normalise one form field with the service's own reason."""

from datetime import date

from fastapi import APIRouter

from bundle_service.api.callers import RecordsAccessDep
from bundle_service.api.deps import ServicesDep
from bundle_service.applications.field_problem import FieldProblem
from bundle_service.applications.fields import FIELD_LABELS, VALIDATORS, FieldContext
from bundle_service.applications.form import validate_form
from bundle_service.core.errors import InvalidInput, NotFound
from bundle_service.schemas.application import ApplicationIn
from bundle_service.schemas.common import ErrorOut, FieldErrorOut
from bundle_service.schemas.validation import FieldValidationIn, FieldValidationOut, FormCheckOut

MISSING_CODES = frozenset({"required", "required_for_item"})

router = APIRouter(prefix="/validation", tags=["validation"])


@router.post("", responses={429: {"model": ErrorOut}})
def check_form(body: ApplicationIn, services: ServicesDep, access: RecordsAccessDep) -> FormCheckOut:
    """Check a (partly filled) form exactly as a submit by the same caller would, without filing anything.

    The chat form asks for ``missing`` fields in the order given and re-prompts for every entry of ``errors``.
    Shared records count only for a caller identified as the applicant: then the fields they hold (免提交) never
    appear in ``missing`` and the name must match them. For anyone else ``missing`` is every required field not
    given and no error comes from a record.

    Raises:
        LookupRateLimited: 429 after forms with too many different ID numbers.
    """
    try:
        validate_form(body.model_dump(exclude_none=True), services.shared, services.clock.today(), person=access.person)
    except InvalidInput as problem:
        missing = {e.field for e in problem.errors if e.code in MISSING_CODES}
        return FormCheckOut(
            complete=False,
            missing=[name for name in FIELD_LABELS if name in missing],
            errors=[FieldErrorOut(**e.as_dict()) for e in problem.errors if e.code not in MISSING_CODES],
        )
    return FormCheckOut(complete=True, missing=[], errors=[])


@router.post("/{field}", responses={404: {"model": ErrorOut}})
def validate_field(field: str, body: FieldValidationIn, services: ServicesDep) -> FieldValidationOut:
    """Check one value; ``context`` carries the other fields it depends on (loan amount ← borrower type …).

    Always 200 for a known field: ``valid`` false comes with ``code`` and the Chinese ``message``.

    Raises:
        NotFound: 404 for a field the form does not have.
    """
    validator = VALIDATORS.get(field)
    if validator is None:
        raise NotFound(f"表单没有字段“{field}”，可校验的字段：{'、'.join(VALIDATORS)}。", code="unknown_field")
    try:
        value = validator(body.value, FieldContext(services.clock.today(), body.context))
    except FieldProblem as problem:
        return FieldValidationOut(field=field, valid=False, value=None, code=problem.code, message=problem.message)
    if isinstance(value, date):
        value = value.isoformat()
    return FieldValidationOut(field=field, valid=True, value=value, code=None, message="填写正确。")
