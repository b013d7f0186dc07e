"""Failed verifications, kept in the database so throttling holds across workers."""

from datetime import datetime

from sqlalchemy import String
from sqlalchemy.orm import Mapped, mapped_column

from bundle_service.models.base import Base, UTCDateTime

CLIENT_KEY_LENGTH = 128  # every throttle key (id:…, ip:…, lookup|…, login|…) is cut to the column's length


class VerificationFailure(Base):
    """One wrong verification attempt against an application number from a client."""

    __tablename__ = "verification_failures"

    id: Mapped[int] = mapped_column(primary_key=True)
    subject: Mapped[str] = mapped_column(String(64), index=True)
    client_key: Mapped[str] = mapped_column(String(CLIENT_KEY_LENGTH), index=True)
    failed_at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)
