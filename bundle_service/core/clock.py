"""The service's notion of now and today, replaceable in tests."""

from datetime import date, datetime, timezone
from zoneinfo import ZoneInfo


class Clock:
    """Wall clock in UTC with the calendar date in the service's time zone.

    Args:
        tz_name: IANA time zone of the calendar (e.g. ``Asia/Shanghai``).
    """

    def __init__(self, tz_name: str) -> None:
        self.tz = ZoneInfo(tz_name)

    def now(self) -> datetime:
        """The current instant, timezone-aware in UTC."""
        return datetime.now(timezone.utc)

    def local(self, instant: datetime) -> datetime:
        """An instant in the calendar's time zone (naive instants are taken as UTC)."""
        if instant.tzinfo is None:
            instant = instant.replace(tzinfo=timezone.utc)
        return instant.astimezone(self.tz)

    def today(self) -> date:
        """Today's date in the calendar's time zone."""
        return self.local(self.now()).date()


class FixedClock(Clock):
    """A clock stopped at a given instant; tests and benchmarks move it by assigning ``instant``.

    Args:
        tz_name: IANA time zone of the calendar.
        instant: The instant the clock shows (timezone-aware).
    """

    def __init__(self, tz_name: str, instant: datetime) -> None:
        super().__init__(tz_name)
        self.instant = instant

    def now(self) -> datetime:
        """The stopped instant, in UTC."""
        return self.instant.astimezone(timezone.utc)
