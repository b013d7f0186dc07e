"""Validation of one form field."""

import math
from typing import Any

from pydantic import BaseModel, field_validator
from pydantic_core import PydanticCustomError

from bundle_service.schemas.common import FieldErrorOut

MAX_TEXT = 300  # characters of one value: more than any field holds (an address has at most 200)
MAX_NUMBER = 10**15
MAX_ITEMS = 50
MAX_DEPTH = 3


def _reasonable(value: Any, depth: int = 0) -> bool:
    """Whether a JSON value is small: short texts, moderate finite numbers, short and shallow lists and objects."""
    if isinstance(value, str):
        return len(value) <= MAX_TEXT
    if isinstance(value, bool) or value is None:
        return True
    if isinstance(value, int):
        return abs(value) <= MAX_NUMBER
    if isinstance(value, float):
        return math.isfinite(value) and abs(value) <= MAX_NUMBER
    if isinstance(value, dict):
        value = [*value.keys(), *value.values()] if len(value) <= MAX_ITEMS else None
    return (
        isinstance(value, list)
        and depth < MAX_DEPTH
        and len(value) <= 2 * MAX_ITEMS
        and all(_reasonable(v, depth + 1) for v in value)
    )


class FieldValidationIn(BaseModel):
    """A value to check and the other fields it depends on (e.g. the borrower type for a loan amount).

    Absurd input (a text over 300 characters, a number over 10^15 or not finite, lists over 100 entries, objects over
    50 keys, nesting deeper than 3) is refused with 422 ``value_too_large`` before any validator runs.
    """

    value: Any = None
    context: dict[str, Any] = {}

    @field_validator("value", "context", mode="before")
    @classmethod
    def _not_absurd(cls, given: Any) -> Any:
        if not _reasonable(given):
            raise PydanticCustomError("value_too_large", "value too long or too large")
        return given


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
