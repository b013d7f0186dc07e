"""Hotline settings admins change through the API: the 诉求 categories and the service hours."""

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, String
from sqlalchemy.orm import Mapped, mapped_column

from bundle_service.models.base import Base, UTCDateTime


class HotlineSetting(Base):
    """One settings document (the same shape as its YAML default file), replacing that file once saved.

    ``key`` is ``appeal_categories`` or ``service_hours``; without a row the data file in ``bundle_service/data``
    is in force.
    """

    __tablename__ = "hotline_settings"

    key: Mapped[str] = mapped_column(String(40), primary_key=True)
    document: Mapped[dict[str, Any]] = mapped_column(JSON)
    updated_by: Mapped[str] = mapped_column(String(80))
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)
