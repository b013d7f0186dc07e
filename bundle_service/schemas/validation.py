"""Validation of one form field."""

from typing import Any

from pydantic import BaseModel

from bundle_service.schemas.common import FieldErrorOut


class FieldValidationIn(BaseModel):
    """A value to check and the other fields it depends on (e.g. the borrower type for a loan amount)."""

    value: Any = None
    context: dict[str, Any] = {}


class FieldValidationOut(BaseModel):
    """Verdict: the normalised value when valid, else the code and Chinese message to re-prompt with."""

    field: str
    valid: bool
    value: Any = None
    code: str | None = None
    message: str


class FormCheckOut(BaseModel):
    """Verdict on a whole form without filing it.

    Attributes:
        complete: True when a submit would be accepted as is.
        missing: Fields still to ask for, in the form's order (免提交 fields never appear).
        errors: Fields given but wrong, or rules not met (e.g. ``items``/``not_eligible``).
    """

    complete: bool
    missing: list[str]
    errors: list[FieldErrorOut]
