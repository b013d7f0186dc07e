"""Satisfaction ratings (好差评): of a finished application, a conversation with the assistant, or a staff handoff."""

from datetime import datetime
from typing import TYPE_CHECKING

from sqlalchemy import ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from bundle_service.models.base import Base, UTCDateTime

if TYPE_CHECKING:
    from bundle_service.models.application import Application

APPLICATION = "application"
CONVERSATION = "conversation"
HANDOFF = "handoff"


class Rating(Base):
    """A 1–5 rating with an optional comment; ``target`` says what was rated (one per application)."""

    __tablename__ = "ratings"

    id: Mapped[int] = mapped_column(primary_key=True)
    target: Mapped[str] = mapped_column(String(20), default=APPLICATION, server_default=APPLICATION, index=True)
    application_id: Mapped[int | None] = mapped_column(ForeignKey("applications.id"), unique=True)
    conversation_id: Mapped[str | None] = mapped_column(String(200), index=True)
    handoff_id: Mapped[int | None] = mapped_column(Integer, index=True)
    channel: Mapped[str | None] = mapped_column(String(40))
    score: Mapped[int] = mapped_column(Integer)
    comment: Mapped[str | None] = mapped_column(Text)
    rated_by: Mapped[str] = mapped_column(String(80))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)

    application: Mapped["Application | None"] = relationship(back_populates="rating")
