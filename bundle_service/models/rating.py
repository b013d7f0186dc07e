"""Satisfaction ratings (好差评): one per finished application."""

from datetime import datetime
from typing import TYPE_CHECKING

from sqlalchemy import ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from bundle_service.models.base import Base, UTCDateTime

if TYPE_CHECKING:
    from bundle_service.models.application import Application


class Rating(Base):
    """The owner's 1–5 rating of a finished application, with an optional comment."""

    __tablename__ = "ratings"

    id: Mapped[int] = mapped_column(primary_key=True)
    application_id: Mapped[int] = mapped_column(ForeignKey("applications.id"), unique=True)
    score: Mapped[int] = mapped_column(Integer)
    comment: Mapped[str | None] = mapped_column(Text)
    rated_by: Mapped[str] = mapped_column(String(80))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)

    application: Mapped["Application"] = relationship(back_populates="rating")
