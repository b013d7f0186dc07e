"""Audit events as admins read them."""

from datetime import datetime
from typing import Any

from pydantic import BaseModel


class AuditEventOut(BaseModel):
    """One audit event (personal data masked)."""

    at: datetime
    actor: str
    action: str
    details: dict[str, Any]
