"""When a notification may go: quiet hours, the per-user rate limit and the retry backoff."""

from dataclasses import dataclass
from datetime import datetime, time, timedelta

from bundle_service.core.clock import Clock

MAX_BACKOFF = timedelta(hours=1)
RATE_WINDOW = timedelta(hours=1)


@dataclass(frozen=True)
class QuietHours:
    """Local hours in which only urgent notifications go out (``21:00-08:00``; may wrap midnight).

    Attributes:
        start: First quiet minute.
        end: First minute after the quiet hours.
    """

    start: time
    end: time

    @classmethod
    def parse(cls, text: str) -> "QuietHours | None":
        """``HH:MM-HH:MM`` → quiet hours; empty → None.

        Raises:
            ValueError: any other text.
        """
        if not text.strip():
            return None
        try:
            first, last = (time.fromisoformat(part.strip()) for part in text.split("-"))
        except ValueError:
            raise ValueError(f"quiet hours must read HH:MM-HH:MM, got {text!r}") from None
        return cls(first, last)

    def _quiet(self, moment: time) -> bool:
        if self.start <= self.end:
            return self.start <= moment < self.end
        return moment >= self.start or moment < self.end

    def resume_at(self, now: datetime, clock: Clock) -> datetime | None:
        """When the quiet hours around ``now`` end (an instant in UTC), or None when ``now`` is not quiet."""
        local = clock.local(now)
        if not self._quiet(local.time().replace(tzinfo=None)):
            return None
        end = local.replace(hour=self.end.hour, minute=self.end.minute, second=0, microsecond=0)
        if end <= local:
            end += timedelta(days=1)
        return end.astimezone(now.tzinfo)


def backoff(attempts: int, base_seconds: int) -> timedelta:
    """Wait before the next attempt after ``attempts`` failed ones: base, 2×, 4× … at most an hour."""
    return min(timedelta(seconds=base_seconds * 2 ** max(attempts - 1, 0)), MAX_BACKOFF)
