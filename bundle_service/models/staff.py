"""Hotline staff accounts (roles ``staff`` and ``admin``)."""

from datetime import datetime

from sqlalchemy import Boolean, String
from sqlalchemy.orm import Mapped, mapped_column

from bundle_service.models.base import Base, UTCDateTime

ROLES = ("staff", "admin")


class StaffAccount(Base):
    """A person who logs in to the hotline console.

    The login name is the staff id used everywhere else (``filed_by``, audit actor ``staff:<id>``).
    """

    __tablename__ = "staff_accounts"

    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    display_name: Mapped[str] = mapped_column(String(80))
    role: Mapped[str] = mapped_column(String(10))
    password_hash: Mapped[str] = mapped_column(String(200))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
