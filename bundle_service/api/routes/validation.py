"""``POST /api/v1/validation/{field}``: validate and normalise one form field with the service's own reason."""

from datetime import date

from fastapi import APIRouter

from bundle_service.api.deps import ServicesDep
from bundle_service.core.errors import NotFound
from bundle_service.schemas.common import ErrorOut
from bundle_service.schemas.validation import FieldValidationIn, FieldValidationOut
from bundle_service.services.fields import VALIDATORS, FieldContext
from bundle_service.services.problems import FieldProblem

router = APIRouter(prefix="/api/v1/validation", tags=["validation"])


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
