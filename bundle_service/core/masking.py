"""Masking of personal data (ID numbers, mobile numbers) in answers and logs."""

import logging
import re
from typing import Any

_ID_PATTERN = re.compile(r"(?<![0-9])([1-9][0-9]{5})[0-9]{8}([0-9]{3}[0-9Xx])(?![0-9])")
_PHONE_PATTERN = re.compile(r"(?<![0-9])(1[3-9][0-9])[0-9]{4}([0-9]{4})(?![0-9])")
PERSONAL_KEYS = {"id_number", "phone"}


def mask_id_number(id_number: str) -> str:
    """Keep the first 6 and the last 4 characters of an ID number: ``430104********123X``."""
    if len(id_number) < 10:
        return "*" * len(id_number)
    return id_number[:6] + "*" * (len(id_number) - 10) + id_number[-4:]


def mask_phone(phone: str) -> str:
    """Keep the first 3 and last 4 digits of a mobile number: ``138****0001``."""
    if len(phone) < 7:
        return "*" * len(phone)
    return phone[:3] + "*" * (len(phone) - 7) + phone[-4:]


def mask_name(name: str) -> str:
    """Keep the first character of a name: ``王*``, ``欧**``."""
    return name[:1] + "*" * (len(name) - 1) if name else name


def mask_text(text: str) -> str:
    """Mask every ID number and mobile number found in free text."""
    text = _ID_PATTERN.sub(lambda m: m.group(1) + "********" + m.group(2), text)
    return _PHONE_PATTERN.sub(lambda m: m.group(1) + "****" + m.group(2), text)


def mask_details(details: dict[str, Any]) -> dict[str, Any]:
    """Copy of an audit detail dict with personal values masked (recursively)."""
    masked: dict[str, Any] = {}
    for key, value in details.items():
        if key == "id_number" and isinstance(value, str):
            masked[key] = mask_id_number(value)
        elif key == "phone" and isinstance(value, str):
            masked[key] = mask_phone(value)
        elif isinstance(value, dict):
            masked[key] = mask_details(value)
        elif isinstance(value, str):
            masked[key] = mask_text(value)
        else:
            masked[key] = value
    return masked


class MaskingFilter(logging.Filter):
    """Logging filter that masks ID and mobile numbers in every record's final message."""

    def filter(self, record: logging.LogRecord) -> bool:
        """Rewrite the record's message with personal data masked; never drops a record."""
        message = record.getMessage()
        masked = mask_text(message)
        if masked != message:
            record.msg = masked
            record.args = None
        return True


def install_log_masking() -> None:
    """Attach the masking filter to every handler of the root and uvicorn loggers."""
    for name in ("", "uvicorn", "uvicorn.access", "uvicorn.error"):
        logger = logging.getLogger(name)
        for handler in logger.handlers:
            if not any(isinstance(f, MaskingFilter) for f in handler.filters):
                handler.addFilter(MaskingFilter())
