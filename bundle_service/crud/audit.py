"""Audit log writes and reads; details are masked before they are stored."""

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from bundle_service.core.clock import Clock
from bundle_service.core.masking import mask_details
from bundle_service.models import Application, AuditEvent

STAFF_ACTOR = "staff:"  # a console staff member: ``staff:<login name>`` (also their verification caller key)


def staff_actor(staff_id: str) -> str:
    """The actor of what a console staff member does: ``staff:<login name>``."""
    return f"{STAFF_ACTOR}{staff_id}"


def record(
    session: Session,
    *,
    at: datetime,
    actor: str,
    action: str,
    application_id: int | None = None,
    details: dict[str, Any] | None = None,
) -> AuditEvent:
    """Add an audit event to the session (committed with the caller's transaction).

    Args:
        session: Open session.
        at: When it happened.
        actor: Who: ``applicant``, ``staff:<id>``, ``department:<code>``, ``admin``, ``system``.
        action: What, e.g. ``application.submitted``.
        application_id: The application concerned, if any.
        details: Context; ID and mobile numbers are masked before storing.

    Returns:
        The new event.
    """
    event = AuditEvent(
        at=at, actor=actor, action=action, application_id=application_id, details=mask_details(details or {})
    )
    session.add(event)
    return event


@dataclass(frozen=True)
class AuditLog:
    """Audit events written in a transaction of their own, committed at once (kept when the request then fails).

    Args:
        sessions: The session factory.
        clock: Stamps each event.
    """

    sessions: sessionmaker[Session]
    clock: Clock

    def write(
        self, actor: str, action: str, details: dict[str, Any] | None = None, application_id: int | None = None
    ) -> None:
        """Store one event now (see :func:`record`)."""
        with self.sessions.begin() as session:
            record(
                session,
                at=self.clock.now(),
                actor=actor,
                action=action,
                application_id=application_id,
                details=details,
            )


def events(session: Session, application_number: str | None = None, limit: int = 200) -> list[AuditEvent]:
    """Newest audit events first, optionally for one application."""
    query = select(AuditEvent).order_by(AuditEvent.id.desc()).limit(limit)
    if application_number is not None:
        query = query.join(Application, AuditEvent.application_id == Application.id).where(
            Application.number == application_number
        )
    return list(session.scalars(query))
