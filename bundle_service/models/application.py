"""Applicants and their applications (the one form 《个人创业"一件事"信息采集表》)."""

from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import JSON, Boolean, Date, ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from bundle_service.models.base import Base, UTCDateTime

if TYPE_CHECKING:
    from bundle_service.models.rating import Rating
    from bundle_service.models.task import DepartmentTask


class Applicant(Base):
    """A person, identified by their ID number."""

    __tablename__ = "applicants"

    id: Mapped[int] = mapped_column(primary_key=True)
    id_number: Mapped[str] = mapped_column(String(18), unique=True)
    name: Mapped[str] = mapped_column(String(50))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)

    applications: Mapped[list["Application"]] = relationship(back_populates="applicant")


class Application(Base):
    """One filed bundle: the form's fields, who filed it, its state and its material checklist."""

    __tablename__ = "applications"

    id: Mapped[int] = mapped_column(primary_key=True)
    number: Mapped[str] = mapped_column(String(16), unique=True)
    applicant_id: Mapped[int] = mapped_column(ForeignKey("applicants.id"), index=True)
    applicant_name: Mapped[str] = mapped_column(String(50))
    phone: Mapped[str] = mapped_column(String(11))
    person_category: Mapped[str] = mapped_column(String(32))
    other_category: Mapped[str | None] = mapped_column(String(32))
    project_name: Mapped[str | None] = mapped_column(String(100))
    industry: Mapped[str | None] = mapped_column(String(50))
    business_type: Mapped[str | None] = mapped_column(String(32))
    premises_address: Mapped[str | None] = mapped_column(String(200))
    city: Mapped[str | None] = mapped_column(String(20))
    county: Mapped[str | None] = mapped_column(String(30))
    items: Mapped[list[str]] = mapped_column(JSON)
    loan_amount: Mapped[int | None] = mapped_column(Integer)
    loan_term_months: Mapped[int | None] = mapped_column(Integer)
    loan_borrower: Mapped[str | None] = mapped_column(String(16))
    partner_count: Mapped[int | None] = mapped_column(Integer)
    graduation_year: Mapped[int | None] = mapped_column(Integer)
    business_started_on: Mapped[date | None] = mapped_column(Date)
    first_time_founder: Mapped[bool | None] = mapped_column(Boolean)
    bank_account: Mapped[str | None] = mapped_column(String(30))
    filed_by: Mapped[str] = mapped_column(String(64))
    owner_openid: Mapped[str | None] = mapped_column(String(64), index=True)
    idempotency_key: Mapped[str | None] = mapped_column(String(128), unique=True)
    request_fingerprint: Mapped[str | None] = mapped_column(String(64))
    one_click: Mapped[bool] = mapped_column(Boolean, default=False)
    state: Mapped[str] = mapped_column(String(20), index=True)
    materials: Mapped[list[dict[str, Any]]] = mapped_column(JSON)
    shared_fields: Mapped[dict[str, str]] = mapped_column(JSON)
    submitted_at: Mapped[datetime] = mapped_column(UTCDateTime)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)

    applicant: Mapped[Applicant] = relationship(back_populates="applications")
    tasks: Mapped[list["DepartmentTask"]] = relationship(
        back_populates="application", order_by="DepartmentTask.id", cascade="all, delete-orphan"
    )
    rating: Mapped["Rating | None"] = relationship(back_populates="application")
