"""Typed exceptions of the service; ``api/errors.py`` maps each to its HTTP answer."""

import dataclasses
from dataclasses import asdict, dataclass


@dataclass(frozen=True)
class FieldError:
    """Why one field is wrong.

    Attributes:
        field: Name of the form field (``items``, ``loan_amount`` …).
        code: Machine-readable reason (``id_checksum``, ``loan_amount_over_limit`` …).
        message: The reason in Chinese, fit to show the applicant.
        item: The item concerned when one chosen item cannot be applied for (``items``/``not_eligible``), so a
            client can drop that item and keep the others.
    """

    field: str
    code: str
    message: str
    item: str | None = dataclasses.field(default=None, kw_only=True)  # keyword-only: subclasses add positional fields

    def as_dict(self) -> dict[str, str]:
        """The error as a JSON-ready dict (``item`` only when set)."""
        return {key: value for key, value in asdict(self).items() if value is not None}


class ServiceError(Exception):
    """Base of every error the API answers with a precise status.

    Attributes:
        status_code: HTTP status of the answer.
        code: Machine-readable error code.
        message: Chinese message for the client.
    """

    status_code = 500
    default_code = "internal_error"

    def __init__(self, message: str, code: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.code = code or self.default_code


class InvalidInput(ServiceError):
    """One or more fields are wrong (422)."""

    status_code = 422
    default_code = "validation_failed"

    def __init__(self, errors: list[FieldError], message: str | None = None) -> None:
        reasons = "；".join(e.message.rstrip("。") for e in errors)
        super().__init__(message or f"有{len(errors)}项填写有误：{reasons}。")
        self.errors = errors


class NotFound(ServiceError):
    """The resource does not exist or may not be revealed (404)."""

    status_code = 404
    default_code = "not_found"


class Conflict(ServiceError):
    """The request contradicts the resource's state (409)."""

    status_code = 409
    default_code = "conflict"


class TooManyAttempts(ServiceError):
    """Too many failed verifications (429).

    Attributes:
        retry_after: Seconds until the next attempt is allowed.
    """

    status_code = 429
    default_code = "too_many_attempts"

    def __init__(self, retry_after: int, message: str | None = None, code: str | None = None) -> None:
        minutes = max(1, (retry_after + 59) // 60)
        super().__init__(message or f"验证失败次数过多，请{minutes}分钟后再试。", code)
        self.retry_after = retry_after


class Unauthenticated(ServiceError):
    """Missing or wrong credentials (401)."""

    status_code = 401
    default_code = "unauthenticated"


class Forbidden(ServiceError):
    """Valid credentials that do not cover this resource (403)."""

    status_code = 403
    default_code = "forbidden"
