"""Working days: weekends, statutory holidays and make-up working days (调休).

Sources, in order: a schedule an admin loaded for the year (stored in the database), the ``chinese-calendar``
package (2004–2026 in the pinned version), and for any other year weekends only — due dates that touch such a year
are flagged as estimated with a Chinese note. Nothing here raises for an unknown year.
"""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta
from enum import Enum

import chinese_calendar

SATURDAY = 5
MAX_SCAN_DAYS = 3660  # a 20-working-day limit never needs more than a few weeks; this only bounds bad input


class YearSource(str, Enum):
    """Where a year's working days come from."""

    ADMIN = "admin"
    LIBRARY = "chinese_calendar"
    WEEKENDS_ONLY = "weekends_only"


@dataclass(frozen=True)
class YearSchedule:
    """One year's official schedule as an admin loaded it.

    Attributes:
        year: Calendar year.
        holidays: Statutory holidays (days off, weekends included or not).
        workdays: Make-up working days (调休), usually weekend days.
        source: Where the schedule comes from (e.g. the State Council notice).
    """

    year: int
    holidays: frozenset[date]
    workdays: frozenset[date]
    source: str = ""


@dataclass(frozen=True)
class DueDate:
    """A due date and whether it rests on an estimate.

    Attributes:
        day: The last working day of the limit.
        estimated: True when a year in the counted span had no official schedule (weekends only).
        note: Chinese explanation when estimated, else None.
    """

    day: date
    estimated: bool
    note: str | None


@dataclass
class WorkingCalendar:
    """Decides working days from admin schedules, the library, or weekends only.

    Args:
        schedules: Admin-loaded schedules by year; they take precedence over the library.
    """

    schedules: Mapping[int, YearSchedule] = field(default_factory=dict)

    def source_of(self, year: int) -> YearSource:
        """Where the working days of ``year`` come from."""
        if year in self.schedules:
            return YearSource.ADMIN
        if library_knows(year):
            return YearSource.LIBRARY
        return YearSource.WEEKENDS_ONLY

    def is_working_day(self, day: date) -> bool:
        """Whether ``day`` is a working day (weekends only for years without a schedule)."""
        schedule = self.schedules.get(day.year)
        if schedule is not None:
            if day in schedule.workdays:
                return True
            if day in schedule.holidays:
                return False
            return day.weekday() < SATURDAY
        if library_knows(day.year):
            return bool(chinese_calendar.is_workday(day))
        return day.weekday() < SATURDAY

    def add_working_days(self, start: date, days: int) -> DueDate:
        """The ``days``-th working day after ``start`` (the receipt day itself is not counted).

        Args:
            start: Day the department received the task.
            days: Time limit in working days (0 gives ``start``).

        Returns:
            The due date, flagged as estimated when any year it spans has no official schedule.
        """
        day = start
        counted = 0
        for _ in range(MAX_SCAN_DAYS):
            if counted >= days:
                break
            day += timedelta(days=1)
            if self.is_working_day(day):
                counted += 1
        return self._due(start, day)

    def working_days_after(self, start: date, end: date) -> int:
        """Number of working days in ``(start, end]``; 0 when ``end`` is not after ``start``."""
        count = 0
        day = start
        for _ in range(min(MAX_SCAN_DAYS, max(0, (end - start).days))):
            day += timedelta(days=1)
            if self.is_working_day(day):
                count += 1
        return count

    def _due(self, start: date, end: date) -> DueDate:
        unknown = [year for year in range(start.year, end.year + 1) if self.source_of(year) is YearSource.WEEKENDS_ONLY]
        if not unknown:
            return DueDate(end, estimated=False, note=None)
        years = "、".join(f"{year}年" for year in unknown)
        note = f"{years}的法定节假日和调休安排尚未载入，截止日期仅扣除周末估算，以官方公布的安排为准。"
        return DueDate(end, estimated=True, note=note)


def library_knows(year: int) -> bool:
    """Whether the ``chinese-calendar`` package has the official schedule of ``year``."""
    try:
        chinese_calendar.is_workday(date(year, 1, 1))
    except NotImplementedError:
        return False
    return True


def schedule_from_strings(year: int, holidays: Iterable[str], workdays: Iterable[str], source: str) -> YearSchedule:
    """Build a schedule from ISO date strings as stored in the database."""
    return YearSchedule(
        year=year,
        holidays=frozenset(date.fromisoformat(d) for d in holidays),
        workdays=frozenset(date.fromisoformat(d) for d in workdays),
        source=source,
    )
