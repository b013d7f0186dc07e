"""Conversations passed to a person (handoff queue) and staff replies waiting for web/mini-program clients."""

from datetime import datetime

from sqlalchemy import String, Text
from sqlalchemy.orm import Mapped, mapped_column

from bundle_service.models.base import Base, UTCDateTime

WAITING = "waiting"
TAKEN = "taken"
RETURNED = "returned"
NOTIFICATION_SENDER = "notification"  # the staff_id of a status notification's line in the user's chat


class Handoff(Base):
    """One request for a person: waiting in the queue, taken by a staff member, then handed back to the bot."""

    __tablename__ = "handoffs"

    id: Mapped[int] = mapped_column(primary_key=True)
    conversation_id: Mapped[str] = mapped_column(String(200), index=True)
    channel: Mapped[str] = mapped_column(String(40))
    reason: Mapped[str] = mapped_column(String(200))
    status: Mapped[str] = mapped_column(String(10), index=True)
    taken_by: Mapped[str | None] = mapped_column(String(40))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    taken_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    returned_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


class OutboxMessage(Base):
    """A staff reply in a conversation; web and mini-program clients poll these, WeChat ones are also pushed."""

    __tablename__ = "outbox_messages"

    id: Mapped[int] = mapped_column(primary_key=True)
    conversation_id: Mapped[str] = mapped_column(String(200), index=True)
    handoff_id: Mapped[int | None] = mapped_column(index=True)
    appeal_id: Mapped[int | None] = mapped_column(index=True)  # a 诉求's staff message (migration 0005)
    staff_id: Mapped[str] = mapped_column(String(40))
    text: Mapped[str] = mapped_column(Text)
    delivery: Mapped[str] = mapped_column(String(20))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)

    @property
    def sender(self) -> str:
        """Who speaks: ``notification`` for a status notification (issue 15), else ``staff``."""
        return NOTIFICATION_SENDER if self.staff_id == NOTIFICATION_SENDER else "staff"
