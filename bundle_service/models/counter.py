"""Daily counter behind the application numbers (CY + yyyymmdd + 6 digits)."""

from sqlalchemy import Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from bundle_service.models.base import Base


class DailyCounter(Base):
    """Last sequence number handed out for one calendar day."""

    __tablename__ = "daily_counters"

    day: Mapped[str] = mapped_column(String(8), primary_key=True)
    value: Mapped[int] = mapped_column(Integer)
