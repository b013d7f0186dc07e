"""Department tasks (one per involved department) and their status history."""

from datetime import date, datetime
from typing import TYPE_CHECKING

from sqlalchemy import JSON, Boolean, Date, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from bundle_service.models.base import Base, UTCDateTime

if TYPE_CHECKING:
    from bundle_service.models.application import Application


class DepartmentTask(Base):
    """The part of an application one department handles, with its statutory clock."""

    __tablename__ = "department_tasks"
    __table_args__ = (UniqueConstraint("application_id", "department_code", name="uq_department_tasks_app_dept"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    application_id: Mapped[int] = mapped_column(ForeignKey("applications.id"), index=True)
    department_code: Mapped[str] = mapped_column(String(40), index=True)
    items: Mapped[list[str]] = mapped_column(JSON)
    status: Mapped[str] = mapped_column(String(20), index=True)
    reason: Mapped[str | None] = mapped_column(Text)
    received_at: Mapped[datetime] = mapped_column(UTCDateTime)
    time_limit_days: Mapped[int] = mapped_column(Integer)
    due_date: Mapped[date] = mapped_column(Date)
    due_date_estimated: Mapped[bool] = mapped_column(Boolean, default=False)
    due_date_note: Mapped[str | None] = mapped_column(Text)
    finished_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)

    application: Mapped["Application"] = relationship(back_populates="tasks")
    history: Mapped[list["TaskStatusChange"]] = relationship(
        back_populates="task", order_by="TaskStatusChange.id", cascade="all, delete-orphan"
    )


class TaskStatusChange(Base):
    """One status change of a task: from, to, why, who, when."""

    __tablename__ = "task_status_history"

    id: Mapped[int] = mapped_column(primary_key=True)
    task_id: Mapped[int] = mapped_column(ForeignKey("department_tasks.id"), index=True)
    from_status: Mapped[str | None] = mapped_column(String(20))
    to_status: Mapped[str] = mapped_column(String(20))
    reason: Mapped[str | None] = mapped_column(Text)
    actor: Mapped[str] = mapped_column(String(80))
    at: Mapped[datetime] = mapped_column(UTCDateTime)

    task: Mapped[DepartmentTask] = relationship(back_populates="history")
