"""Bookings after the business licence (seal engraving, bank account opening) and their admin-edited provider list."""

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from bundle_service.models.base import Base, UTCDateTime


class BookingSetting(Base):
    """An admin-saved settings document of the bookings (key ``providers``); without a row the YAML file holds."""

    __tablename__ = "booking_settings"

    key: Mapped[str] = mapped_column(String(40), primary_key=True)
    document: Mapped[dict[str, Any]] = mapped_column(JSON)
    updated_by: Mapped[str] = mapped_column(String(80))
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)


class Booking(Base):
    """One booking of an application with the provider the user chose: at most one per kind.

    ``passed`` records what the provider received: field code → the value as passed, masked like the audit log.
    A cancelled booking keeps its row (``cancelled_at``/``cancelled_by``, shown in the progress view) until the
    kind is booked again; the ``booking.cancelled`` audit keeps every cancellation.
    """

    __tablename__ = "bookings"
    __table_args__ = (UniqueConstraint("application_id", "kind", name="uq_bookings_application_kind"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    application_id: Mapped[int] = mapped_column(ForeignKey("applications.id"), index=True)
    kind: Mapped[str] = mapped_column(String(16))
    provider_code: Mapped[str] = mapped_column(String(40))
    provider_name: Mapped[str] = mapped_column(String(100))
    provider_address: Mapped[str] = mapped_column(String(200))
    provider_phone: Mapped[str] = mapped_column(String(30))
    reference: Mapped[str] = mapped_column(String(64))
    note: Mapped[str | None] = mapped_column(String(200))
    passed: Mapped[dict[str, str]] = mapped_column(JSON)
    booked_by: Mapped[str] = mapped_column(String(80))
    booked_at: Mapped[datetime] = mapped_column(UTCDateTime)
    cancelled_at: Mapped[datetime | None] = mapped_column(UTCDateTime, default=None)
    cancelled_by: Mapped[str | None] = mapped_column(String(80), default=None)
