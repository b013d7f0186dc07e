"""诉求 rows: create, find, list with filters, and the conditional updates of the staff workflow."""

from datetime import date, datetime

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from bundle_service.crud import handoffs
from bundle_service.crud.conditional import won
from bundle_service.models.appeal import CLOSED, HANDLING, PENDING, Appeal
from bundle_service.models.handoff import OutboxMessage


def add(session: Session, appeal: Appeal) -> Appeal:
    """Store a new 诉求 (flushes to get its id)."""
    session.add(appeal)
    session.flush()
    return appeal


def by_number(session: Session, number: str) -> Appeal | None:
    """The 诉求 of a tracking number."""
    return session.scalars(select(Appeal).where(Appeal.number == number)).first()


def of_owner(session: Session, openid: str, limit: int = 50) -> list[Appeal]:
    """A logged-in user's 诉求, newest first."""
    query = select(Appeal).where(Appeal.owner_openid == openid).order_by(Appeal.id.desc()).limit(limit)
    return list(session.scalars(query))


def listing(
    session: Session,
    *,
    statuses: tuple[str, ...],
    category: str | None = None,
    kind: str | None = None,
    assigned_to: str | None = None,
    limit: int = 200,
) -> list[Appeal]:
    """诉求 in the given states, earliest due first (then oldest)."""
    query = select(Appeal).where(Appeal.status.in_(statuses))
    if category:
        query = query.where(Appeal.category == category)
    if kind:
        query = query.where(Appeal.kind == kind)
    if assigned_to:
        query = query.where(Appeal.assigned_to == assigned_to)
    return list(session.scalars(query.order_by(Appeal.due_date, Appeal.id).limit(limit)))


def counts(session: Session, today: date) -> dict[str, int]:
    """How many 诉求 are pending, handling, closed, and open past their due date."""
    rows = session.execute(select(Appeal.status, func.count()).group_by(Appeal.status)).all()
    found = {str(status): int(count) for status, count in rows}
    overdue = session.scalar(
        select(func.count()).select_from(Appeal).where(Appeal.status != CLOSED, Appeal.due_date < today)
    )
    return {
        PENDING: found.get(PENDING, 0),
        HANDLING: found.get(HANDLING, 0),
        CLOSED: found.get(CLOSED, 0),
        "overdue": int(overdue or 0),
    }


def take(session: Session, appeal_id: int, staff_id: str, now: datetime) -> bool:
    """Assign a pending 诉求: true for exactly one of any number of concurrent takers."""
    return won(
        session,
        update(Appeal)
        .where(Appeal.id == appeal_id, Appeal.status == PENDING)
        .values(status=HANDLING, assigned_to=staff_id, taken_at=now),
    )


def close(session: Session, appeal_id: int, staff_id: str, result_text: str, now: datetime) -> bool:
    """Close a 诉求 that is still open; false when someone closed it first."""
    return won(
        session,
        update(Appeal)
        .where(Appeal.id == appeal_id, Appeal.status != CLOSED)
        .values(status=CLOSED, closed_by=staff_id, closed_at=now, result=result_text),
    )


def add_message(
    session: Session, *, appeal: Appeal, conversation_id: str, staff_id: str, text: str, delivery: str, now: datetime
) -> OutboxMessage:
    """Store a staff message of a 诉求 in the outbox (the user's clients poll it; flushes to get its id)."""
    return handoffs.add_message(
        session,
        conversation_id=conversation_id,
        handoff_id=None,
        appeal_id=appeal.id,
        staff_id=staff_id,
        text=text,
        delivery=delivery,
        now=now,
    )


def messages(session: Session, appeal_id: int) -> list[OutboxMessage]:
    """The staff messages of a 诉求, oldest first."""
    query = select(OutboxMessage).where(OutboxMessage.appeal_id == appeal_id).order_by(OutboxMessage.id)
    return list(session.scalars(query))
