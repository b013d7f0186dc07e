"""免申即享 offers made to an identified person, each benefit once."""

from datetime import datetime

from sqlalchemy import String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from bundle_service.models.base import Base, UTCDateTime


class BenefitOffer(Base):
    """A benefit (an item of ``policy.yml`` ``one_click_items``) shared records prove a person qualifies for.

    ``person`` is a digest of the ID number (the offer is found again only for that identified person); the unique
    pair (person, item) is what makes an offer happen once. ``application_number`` is set when it was confirmed.
    """

    __tablename__ = "benefit_offers"
    __table_args__ = (UniqueConstraint("person", "item", name="uq_benefit_offers_person_item"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    person: Mapped[str] = mapped_column(String(64), index=True)
    item: Mapped[str] = mapped_column(String(32))
    reason: Mapped[str] = mapped_column(Text)
    openid: Mapped[str | None] = mapped_column(String(64))
    offered_at: Mapped[datetime] = mapped_column(UTCDateTime)
    shown_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    confirmed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    application_number: Mapped[str | None] = mapped_column(String(16))
