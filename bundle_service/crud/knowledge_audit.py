"""Reading the knowledge base's audit events (``faq.*``, ``document.*``, ``unanswered.*``) with filters."""

from dataclasses import dataclass

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from bundle_service.core.errors import FieldError, InvalidInput
from bundle_service.models import AuditEvent

KNOWLEDGE_PREFIXES = ("faq.", "document.", "unanswered.")
SCAN_LIMIT = 20_000


@dataclass(frozen=True)
class AuditFilter:
    """Which events to show (all given conditions must hold).

    Attributes:
        action: An action (``faq.updated``) or a prefix ending in a dot (``faq.``).
        actor: Who did it, exactly.
        faq_id: Events about this FAQ.
        path: Events about this document.
    """

    action: str | None = None
    actor: str | None = None
    faq_id: str | None = None
    path: str | None = None


def knowledge_events(session: Session, wanted: AuditFilter, limit: int = 200) -> list[AuditEvent]:
    """Newest knowledge-base events first that match ``wanted``.

    Raises:
        InvalidInput: ``action`` is not a knowledge-base action or prefix.
    """
    query = select(AuditEvent).order_by(AuditEvent.id.desc())
    action = (wanted.action or "").strip()
    if action:
        if not action.startswith(KNOWLEDGE_PREFIXES):
            allowed = "、".join(KNOWLEDGE_PREFIXES)
            raise InvalidInput([FieldError("action", "unknown_action", f"只能查看知识库的操作（{allowed}开头）。")])
        query = query.where(
            AuditEvent.action.startswith(action) if action.endswith(".") else AuditEvent.action == action
        )
    else:
        query = query.where(or_(*(AuditEvent.action.startswith(p) for p in KNOWLEDGE_PREFIXES)))
    if wanted.actor:
        query = query.where(AuditEvent.actor == wanted.actor.strip())
    if not (wanted.faq_id or wanted.path):
        return list(session.scalars(query.limit(limit)))
    found: list[AuditEvent] = []
    for event in session.scalars(query.limit(SCAN_LIMIT)):  # details are JSON: filtered here, portably
        details = event.details or {}
        if wanted.faq_id and details.get("faq_id") != wanted.faq_id:
            continue
        if wanted.path and details.get("path") != wanted.path:
            continue
        found.append(event)
        if len(found) >= limit:
            break
    return found
