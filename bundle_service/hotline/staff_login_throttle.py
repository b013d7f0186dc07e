"""Throttling of the staff login: growing lockouts per address, per account and per trusted device.

Failures are counted in the verification-throttle table (so limits hold across workers) under their own keys:
subject ``login:<account>``, client ``login|ip:<address>`` or ``login|device:<id>``. After ``free`` failures within
the window, each further failure locks for a delay that doubles (1 s, 2 s, 4 s … up to the window) from the latest
failure; a locked attempt answers 429 with ``Retry-After`` and is not counted, and the password is not even
checked.

- A browser without a device cookie for the account is held by its address (5 free failures, over all accounts)
  and by the account (10 free failures, over all such browsers).
- A browser with a valid device cookie for the account (it logged in before, ``core/device_cookie.py``) is held
  only by its own failures: strangers guessing from elsewhere lock out neither the staff member nor their
  browser.
"""

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy.orm import Session, sessionmaker

from bundle_service.core.clock import Clock
from bundle_service.core.errors import TooManyAttempts
from bundle_service.crud import throttle
from bundle_service.models.throttle import CLIENT_KEY_LENGTH

ADDRESS_FREE_FAILURES = 5
DEVICE_FREE_FAILURES = 5
ACCOUNT_FREE_FAILURES = 10
CLIENT_PREFIX = "login|"
SUBJECT_PREFIX = "login:"


class LoginLocked(TooManyAttempts):
    """Too many wrong passwords: try again after ``retry_after`` seconds (429)."""

    default_code = "login_locked"

    def __init__(self, retry_after: int) -> None:
        wait = f"{retry_after}秒" if retry_after < 120 else f"{(retry_after + 59) // 60}分钟"
        super().__init__(retry_after, f"密码错误次数过多，请{wait}后再试。")


def lock_seconds(failures: int, free: int, cap: int) -> int:
    """How long the latest failure locks: 0 up to ``free`` failures, then 1, 2, 4 … seconds, at most ``cap``."""
    if failures < free:
        return 0
    return int(min(cap, 2 ** min(failures - free, 30)))


@dataclass
class LoginThrottle:
    """Counts wrong staff passwords and refuses attempts during a lockout.

    Args:
        sessions: Session factory (the throttle table).
        clock: Clock of the service.
        window_seconds: How long a failure counts, and the longest lockout.
    """

    sessions: sessionmaker[Session]
    clock: Clock
    window_seconds: int

    @staticmethod
    def _keys(account: str, address: str, device: str | None) -> tuple[str, str]:
        client = f"{CLIENT_PREFIX}device:{device}" if device else f"{CLIENT_PREFIX}ip:{address}"
        return SUBJECT_PREFIX + account.strip().lower()[:100], client[:CLIENT_KEY_LENGTH]

    def _locked_until(self, session: Session, since: datetime, free: int, **scope: str) -> datetime | None:
        count, latest = throttle.latest_failures(session, since=since, **scope)
        seconds = lock_seconds(count, free, self.window_seconds)
        return latest + timedelta(seconds=seconds) if seconds and latest is not None else None

    def check(self, account: str, address: str, device: str | None) -> None:
        """Refuse an attempt while the caller (device, or address and account) is locked.

        Args:
            account: The login name tried.
            address: The caller's address (after the configured proxies).
            device: The device id of a valid device cookie for ``account``, if any.

        Raises:
            LoginLocked: with the seconds until the lockout ends.
        """
        now = self.clock.now()
        since = now - timedelta(seconds=self.window_seconds)
        subject, client = self._keys(account, address, device)
        with self.sessions() as session:
            if device:
                ends = [self._locked_until(session, since, DEVICE_FREE_FAILURES, client_key=client)]
            else:
                ends = [
                    self._locked_until(session, since, ADDRESS_FREE_FAILURES, client_key=client),
                    self._locked_until(session, since, ACCOUNT_FREE_FAILURES, subject=subject),
                ]
        latest_end = max((end for end in ends if end is not None), default=None)
        if latest_end is not None and latest_end > now:
            raise LoginLocked(max(1, int((latest_end - now).total_seconds() + 0.999)))

    def fail(self, account: str, address: str, device: str | None) -> None:
        """Count a wrong password (or unknown or disabled account)."""
        now = self.clock.now()
        subject, client = self._keys(account, address, device)
        purge = now - timedelta(seconds=self.window_seconds)
        with self.sessions.begin() as session:
            throttle.add_failure(session, subject=subject, client_key=client, at=now, purge_before=purge)
