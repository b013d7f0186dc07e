"""Validation of one form field."""

from typing import Any

from pydantic import BaseModel


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
