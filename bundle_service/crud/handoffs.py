"""The handoff queue and the staff-reply outbox (also 诉求 messages); taking a handoff is a conditional UPDATE."""

from datetime import datetime

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from bundle_service.crud.conditional import won
from bundle_service.models.handoff import RETURNED, TAKEN, WAITING, Handoff, OutboxMessage


def open_for(session: Session, conversation_id: str) -> Handoff | None:
    """The waiting or taken handoff of a conversation, if any."""
    query = (
        select(Handoff)
        .where(Handoff.conversation_id == conversation_id, Handoff.status.in_((WAITING, TAKEN)))
        .order_by(Handoff.id.desc())
        .limit(1)
    )
    return session.scalars(query).first()


def create(session: Session, *, conversation_id: str, channel: str, reason: str, now: datetime) -> Handoff:
    """Queue a conversation (flushes to get the id)."""
    handoff = Handoff(conversation_id=conversation_id, channel=channel, reason=reason, status=WAITING, created_at=now)
    session.add(handoff)
    session.flush()
    return handoff


def listing(session: Session, statuses: tuple[str, ...], limit: int = 100) -> list[Handoff]:
    """Handoffs in the given states, oldest first (the queue order)."""
    query = select(Handoff).where(Handoff.status.in_(statuses)).order_by(Handoff.id).limit(limit)
    return list(session.scalars(query))


def get(session: Session, handoff_id: int) -> Handoff | None:
    """One handoff."""
    return session.get(Handoff, handoff_id)


def take(session: Session, handoff_id: int, staff_id: str, now: datetime) -> bool:
    """Assign a waiting handoff to ``staff_id``: true for exactly one of any number of concurrent callers."""
    return won(
        session,
        update(Handoff)
        .where(Handoff.id == handoff_id, Handoff.status == WAITING)
        .values(status=TAKEN, taken_by=staff_id, taken_at=now),
    )


def hand_back(session: Session, handoff_id: int, staff_id: str, now: datetime) -> bool:
    """Close a handoff taken by ``staff_id``; false when it is not theirs or not taken."""
    return won(
        session,
        update(Handoff)
        .where(Handoff.id == handoff_id, Handoff.status == TAKEN, Handoff.taken_by == staff_id)
        .values(status=RETURNED, returned_at=now),
    )


def add_message(
    session: Session,
    *,
    conversation_id: str,
    handoff_id: int | None,
    staff_id: str,
    text: str,
    delivery: str,
    now: datetime,
    appeal_id: int | None = None,
) -> OutboxMessage:
    """Store a staff reply, of a handoff or of a 诉求 (flushes to get its id, the polling cursor)."""
    message = OutboxMessage(
        conversation_id=conversation_id,
        handoff_id=handoff_id,
        appeal_id=appeal_id,
        staff_id=staff_id,
        text=text,
        delivery=delivery,
        created_at=now,
    )
    session.add(message)
    session.flush()
    return message


def messages_after(session: Session, conversation_id: str, after: int, limit: int = 100) -> list[OutboxMessage]:
    """Staff replies of a conversation with an id above ``after``, oldest first."""
    query = (
        select(OutboxMessage)
        .where(OutboxMessage.conversation_id == conversation_id, OutboxMessage.id > after)
        .order_by(OutboxMessage.id)
        .limit(limit)
    )
    return list(session.scalars(query))
