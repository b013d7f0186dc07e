"""Service hours of the staff (``data/service_hours.yml``): open now, or when staff will next answer.

The days are the working days of the service's holiday calendar (the same as the departments' time limits); the
periods come from the data file. Outside them the user is told when staff will answer.
"""

from dataclasses import dataclass
from datetime import datetime, time, timedelta
from functools import lru_cache
from pathlib import Path
from zoneinfo import ZoneInfo

import yaml

from bundle_service.progress.working_days import WorkingCalendar

HOURS_FILE = Path(__file__).resolve().parents[1] / "data" / "service_hours.yml"
WEEKDAYS = "一二三四五六日"
MAX_DAYS_AHEAD = 60  # the longest run of days off (Spring Festival plus weekends) is far shorter


@dataclass(frozen=True)
class Period:
    """Staff answer from ``start`` to ``end`` (local time) on every working day."""

    start: time
    end: time


@dataclass(frozen=True)
class HoursAnswer:
    """Whether staff answer now and, if not, from when.

    Attributes:
        open_now: Whether ``now`` falls in a period of a working day.
        now: The instant asked about (UTC).
        next_open_at: Start of the next period (UTC) when closed, else ``None``.
        hours: The periods in words (``工作日 9:00–12:00、13:30–17:30``).
        message: What to tell the user.
    """

    open_now: bool
    now: datetime
    next_open_at: datetime | None
    hours: str
    message: str


def _clock_text(moment: time) -> str:
    return f"{moment.hour}:{moment.minute:02d}"


@dataclass(frozen=True)
class ServiceHours:
    """The periods of a working day."""

    periods: tuple[Period, ...]

    @property
    def hours_text(self) -> str:
        """The periods in words."""
        return "工作日 " + "、".join(f"{_clock_text(p.start)}–{_clock_text(p.end)}" for p in self.periods)

    def answer(self, now: datetime, tz: ZoneInfo, calendar: WorkingCalendar) -> HoursAnswer:
        """Whether staff answer at ``now`` and otherwise when they will.

        Args:
            now: The instant (aware).
            tz: The service's time zone.
            calendar: Working days.

        Returns:
            The answer with a Chinese message for the user.
        """
        local = now.astimezone(tz)
        if calendar.is_working_day(local.date()) and any(p.start <= local.time() < p.end for p in self.periods):
            return HoursAnswer(True, now, None, self.hours_text, "工作人员在线，会尽快回复您。")
        upcoming = self._next_start(local, tz, calendar)
        if upcoming is None:
            message = f"现在是非工作时间（{self.hours_text}），工作人员上班后会回复您。"
            return HoursAnswer(False, now, None, self.hours_text, message)
        when = f"{upcoming.month}月{upcoming.day}日（周{WEEKDAYS[upcoming.weekday()]}）{_clock_text(upcoming.time())}"
        if upcoming.date() == local.date():
            when = f"今天{_clock_text(upcoming.time())}"
        message = f"现在是非工作时间（{self.hours_text}），工作人员将于{when}起回复您。"
        return HoursAnswer(False, now, upcoming.astimezone(ZoneInfo("UTC")), self.hours_text, message)

    def _next_start(self, local: datetime, tz: ZoneInfo, calendar: WorkingCalendar) -> datetime | None:
        day = local.date()
        for _ in range(MAX_DAYS_AHEAD):
            if calendar.is_working_day(day):
                for period in self.periods:
                    start = datetime.combine(day, period.start, tzinfo=tz)
                    if start > local:
                        return start
            day += timedelta(days=1)
        return None


def parse_hours(raw: object) -> ServiceHours:
    """Build the hours from the YAML document.

    Raises:
        ValueError: for a malformed file (no periods, or a period ending before it starts).
    """
    if not isinstance(raw, dict) or not raw.get("periods"):
        raise ValueError("service_hours.yml: a non-empty 'periods' list is required")
    periods = tuple(
        Period(time.fromisoformat(str(entry["start"])), time.fromisoformat(str(entry["end"])))
        for entry in raw["periods"]
    )
    if any(period.end <= period.start for period in periods):
        raise ValueError("service_hours.yml: every period must end after it starts")
    return ServiceHours(tuple(sorted(periods, key=lambda period: period.start)))


@lru_cache(maxsize=4)
def load_hours(path: Path = HOURS_FILE) -> ServiceHours:
    """The service hours of ``path`` (read once per process)."""
    return parse_hours(yaml.safe_load(path.read_text(encoding="utf-8")))
