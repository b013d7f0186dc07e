"""Masking of personal data in answers and audit details; the rules themselves live in ``contract.masking``."""

from typing import Any

from contract.masking import mask_id_number, mask_name, mask_openid, mask_phone, mask_text

__all__ = ["PERSONAL_KEYS", "mask_details", "mask_id_number", "mask_name", "mask_openid", "mask_phone", "mask_text"]

PERSONAL_KEYS = {"id_number", "phone"}


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
