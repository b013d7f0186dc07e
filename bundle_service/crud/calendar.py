"""Admin-loaded holiday schedules."""

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from bundle_service.models import CalendarYear
from bundle_service.progress.working_days import WorkingCalendar, YearSchedule, schedule_from_strings


def load_calendar(session: Session) -> WorkingCalendar:
    """A working calendar with every admin-loaded year (a handful of small rows)."""
    schedules: dict[int, YearSchedule] = {
        row.year: schedule_from_strings(row.year, row.holidays, row.workdays, row.source)
        for row in session.scalars(select(CalendarYear))
    }
    return WorkingCalendar(schedules)


def get_year(session: Session, year: int) -> CalendarYear | None:
    """The stored schedule of ``year``, if an admin loaded one."""
    return session.get(CalendarYear, year)


def save_year(session: Session, schedule: YearSchedule, loaded_by: str, at: datetime) -> CalendarYear:
    """Insert or replace the schedule of a year."""
    row = session.get(CalendarYear, schedule.year)
    if row is None:
        row = CalendarYear(year=schedule.year)
        session.add(row)
    row.holidays = sorted(d.isoformat() for d in schedule.holidays)
    row.workdays = sorted(d.isoformat() for d in schedule.workdays)
    row.source = schedule.source
    row.loaded_by = loaded_by
    row.loaded_at = at
    return row
