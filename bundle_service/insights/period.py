"""The date range of the dashboard: whole local days in the service's time zone, both ends included."""

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone
from zoneinfo import ZoneInfo

from bundle_service.core.errors import FieldError, InvalidInput

DEFAULT_DAYS = 30
MAX_DAYS = 366


@dataclass(frozen=True)
class Period:
    """Local calendar days ``start`` … ``end`` (inclusive) in ``tz``.

    Attributes:
        start: First day.
        end: Last day.
        tz: The service's time zone (``BUNDLE_TIMEZONE``): a day is a local day.
    """

    start: date
    end: date
    tz: ZoneInfo

    @property
    def since(self) -> datetime:
        """The first instant of the period, in UTC."""
        return datetime.combine(self.start, time.min, self.tz).astimezone(timezone.utc)

    @property
    def until(self) -> datetime:
        """The first instant after the period (exclusive bound), in UTC."""
        return datetime.combine(self.end + timedelta(days=1), time.min, self.tz).astimezone(timezone.utc)

    @property
    def length(self) -> int:
        """How many days the period has."""
        return (self.end - self.start).days + 1

    def days(self) -> list[date]:
        """Every day of the period, in order."""
        return [self.start + timedelta(days=n) for n in range((self.end - self.start).days + 1)]

    def day_of(self, instant: datetime) -> date:
        """The local day of an instant (a naive instant is UTC)."""
        if instant.tzinfo is None:
            instant = instant.replace(tzinfo=timezone.utc)
        return instant.astimezone(self.tz).date()

    def contains(self, instant: datetime) -> bool:
        """Whether the instant lies in the period."""
        return self.start <= self.day_of(instant) <= self.end


def period_of(start: date | None, end: date | None, today: date, tz: ZoneInfo) -> Period:
    """The period an admin asked for; by default the last :data:`DEFAULT_DAYS` days up to today.

    Args:
        start: First day, or ``None`` (``end`` minus 29 days).
        end: Last day, or ``None`` (today).
        today: Today in the service's time zone.
        tz: The service's time zone.

    Returns:
        The period.

    Raises:
        InvalidInput: 422 when ``start`` is after ``end`` or the period is longer than :data:`MAX_DAYS` days.
    """
    last = end or today
    first = start or last - timedelta(days=DEFAULT_DAYS - 1)
    if first > last:
        raise InvalidInput([FieldError("from", "range_reversed", "开始日期不能晚于结束日期。")])
    if (last - first).days + 1 > MAX_DAYS:
        raise InvalidInput([FieldError("from", "range_too_long", f"统计区间最长{MAX_DAYS}天，请缩短日期范围。")])
    return Period(first, last, tz)


def parse_day(text: str | None, field: str, label: str) -> date | None:
    """A day written ``YYYY-MM-DD`` (``None`` or blank: not given).

    Raises:
        InvalidInput: 422 naming ``label`` when the text is not such a date.
    """
    if text is None or not text.strip():
        return None
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise InvalidInput([FieldError(field, "date_parsing", f"{label}应为日期，例如2026-09-01。")]) from None
