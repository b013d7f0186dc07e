"""Failed verification attempts, counted per subject (application number) and per client."""

from datetime import datetime

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from bundle_service.models import VerificationFailure


def failures_since(
    session: Session, *, subject: str | None = None, client_key: str | None = None, since: datetime
) -> tuple[int, datetime | None]:
    """Count failures after ``since`` for a subject or a client, with the oldest of them."""
    query = select(func.count(), func.min(VerificationFailure.failed_at)).where(VerificationFailure.failed_at > since)
    if subject is not None:
        query = query.where(VerificationFailure.subject == subject)
    if client_key is not None:
        query = query.where(VerificationFailure.client_key == client_key)
    count, oldest = session.execute(query).one()
    return int(count), oldest


def add_failure(session: Session, *, subject: str, client_key: str, at: datetime, purge_before: datetime) -> None:
    """Record a failure and drop the ones too old to matter."""
    session.execute(delete(VerificationFailure).where(VerificationFailure.failed_at < purge_before))
    session.add(VerificationFailure(subject=subject, client_key=client_key, failed_at=at))


def latest_failures(
    session: Session, *, subject: str | None = None, client_key: str | None = None, since: datetime
) -> tuple[int, datetime | None]:
    """Count failures after ``since`` for a subject and/or a client, with the latest of them."""
    query = select(func.count(), func.max(VerificationFailure.failed_at)).where(VerificationFailure.failed_at > since)
    if subject is not None:
        query = query.where(VerificationFailure.subject == subject)
    if client_key is not None:
        query = query.where(VerificationFailure.client_key == client_key)
    count, latest = session.execute(query).one()
    return int(count), latest
