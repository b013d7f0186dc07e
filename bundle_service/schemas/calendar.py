"""Holiday schedules and due dates."""

from datetime import date, datetime

from pydantic import BaseModel, Field


class CalendarYearIn(BaseModel):
    """A year's official schedule: statutory holidays and make-up working days (调休)."""

    holidays: list[date]
    workdays: list[date] = []
    source: str = Field(default="", max_length=200)


class CalendarYearOut(BaseModel):
    """Where a year's working days come from, and an admin schedule if loaded."""

    year: int
    origin: str
    holidays: list[date]
    workdays: list[date]
    source: str | None
    loaded_at: datetime | None
    recomputed_tasks: int | None = None


class DueDateOut(BaseModel):
    """Due date of a limit counted in working days from a receipt date."""

    start: date
    working_days: int
    due_date: date
    due_date_estimated: bool
    due_date_note: str | None
