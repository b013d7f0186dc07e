"""Owner verification for progress and rating, throttled per caller (and, for anonymous callers, per number).

A wrong verification reveals nothing: it answers exactly like a number that does not exist, in the same time
(ownership is checked on one minimal row before anything else is loaded, and an unknown number does the same
work). Failures are stored in the database, so the limits hold across worker processes.

Who is counted:

- a caller: the openid of a logged-in owner (``user:<hash>``), a console staff member (``staff:<id>``), a trusted
  gateway's ``X-Client-Id`` (``id:…``) or the peer address (``ip:…``, after the configured proxies). Each caller
  may fail ``max_failures`` times per window, over all numbers: a stranger locks only themselves.
- a number, over all anonymous callers together (``number_ceiling`` per window): the bound on a guesser with many
  addresses. Logged-in owners and staff are never held by it, so strangers cannot lock them out.
"""

import hashlib
import hmac
import math
from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy.orm import Session, sessionmaker

from bundle_service.core.clock import Clock
from bundle_service.core.errors import NotFound, TooManyAttempts
from bundle_service.crud import applications as crud
from bundle_service.crud import throttle
from bundle_service.crud.audit import STAFF_ACTOR, record
from bundle_service.models import Application

NOT_FOUND_MESSAGE = "未找到该申请，或验证信息不符。请核对申请编号和身份证号码后6位。"
CEILING_MESSAGE = "该申请近期验证失败次数过多，请{minutes}分钟后再试；申请人可登录后在“我的申请”中查看，或拨打热线。"
MAX_SUBJECT_LENGTH = 64
STAFF_CALLER = STAFF_ACTOR  # the console's callers, keyed as their audit actor (identification finds them there)
USER_CALLER = "user:"  # a logged-in owner, by a hash of the openid (no openid is stored in the throttle table)
AUTHENTICATED_CALLERS = (STAFF_CALLER, USER_CALLER)
_NO_ID_NUMBER = "0" * 18  # what an unknown number is compared with, so both cost the same


@dataclass(frozen=True)
class Claim:
    """What the caller offers as proof of ownership.

    Attributes:
        id_last6: Last 6 characters of the applicant's ID number.
        openid: WeChat openid of a logged-in user, or asserted by a trusted front layer.
    """

    id_last6: str | None = None
    openid: str | None = None


def user_caller(openid: str) -> str:
    """The caller key of a logged-in user: ``user:`` and a hash of the openid."""
    return USER_CALLER + hashlib.sha256(openid.encode("utf-8")).hexdigest()[:32]


def caller_of(claim: Claim, client_key: str) -> str:
    """Who is counted for a claim: the logged-in user when it carries an openid, else ``client_key``."""
    return user_caller(claim.openid) if claim.openid else client_key


@dataclass
class Verifier:
    """Checks claims against applications, with throttling.

    Args:
        sessions: Session factory.
        clock: Clock of the service.
        max_failures: Failures allowed per caller within the window.
        window_seconds: Length of the window.
        number_ceiling: Failures allowed per number from all anonymous callers together (0: no ceiling).
    """

    sessions: sessionmaker[Session]
    clock: Clock
    max_failures: int
    window_seconds: int
    number_ceiling: int = 0

    def check(self, subject: str, client_key: str) -> None:
        """Refuse early when the caller, or (for an anonymous caller) the subject, has too many recent failures.

        Raises:
            TooManyAttempts: with the seconds until the oldest counted failure leaves the window.
        """
        since = self.clock.now() - timedelta(seconds=self.window_seconds)
        with self.sessions() as session:
            count, oldest = throttle.failures_since(session, since=since, client_key=client_key)
            if count >= self.max_failures and oldest is not None:
                raise TooManyAttempts(self._retry_after(oldest - since))
            if self.number_ceiling <= 0 or client_key.startswith(AUTHENTICATED_CALLERS):
                return
            count, oldest = throttle.failures_since(session, since=since, subject=subject)
            if count >= self.number_ceiling and oldest is not None:
                retry = self._retry_after(oldest - since)
                message = CEILING_MESSAGE.format(minutes=max(1, (retry + 59) // 60))
                raise TooManyAttempts(retry, message, code="number_throttled")

    @staticmethod
    def _retry_after(left: timedelta) -> int:
        return max(1, math.ceil(left.total_seconds()))

    def fail(self, subject: str, client_key: str, method: str, application_id: int | None = None) -> None:
        """Record a failed verification (and audit it) in its own transaction."""
        now = self.clock.now()
        since = now - timedelta(seconds=self.window_seconds)
        with self.sessions.begin() as session:
            throttle.add_failure(session, subject=subject, client_key=client_key, at=now, purge_before=since)
            record(
                session,
                at=now,
                actor=f"client:{client_key}",
                action="verification.failed",
                application_id=application_id,
                details={"subject": subject, "method": method},
            )

    def verify(self, number: str, claim: Claim, client_key: str) -> Application:
        """The application if the claim proves ownership.

        Args:
            number: Application number as given.
            claim: The proof offered.
            client_key: Who is asking (``staff:<id>``, a trusted client id or the peer address); a claim with an
                openid is counted for that user instead.

        Returns:
            The application with tasks, applicant and rating loaded.

        Raises:
            TooManyAttempts: too many failures of this caller, or of this number from anonymous callers.
            NotFound: unknown number or wrong proof (same answer, same work).
        """
        subject = number.strip().upper()[:MAX_SUBJECT_LENGTH]
        caller = caller_of(claim, client_key)
        self.check(subject, caller)
        with self.sessions() as session:
            found = crud.ownership(session, subject)
        application_id, owner_openid, id_number = found or (None, None, _NO_ID_NUMBER)
        if _proves(owner_openid, id_number, claim) and found is not None:
            with self.sessions() as session:
                application = crud.by_number(session, subject)
            if application is not None:
                return application
        method = "openid" if claim.openid else "id_last6"
        self.fail(subject, caller, method, application_id)
        raise NotFound(NOT_FOUND_MESSAGE, code="application_not_found")


def _proves(owner_openid: str | None, id_number: str, claim: Claim) -> bool:
    if claim.openid and owner_openid:
        return hmac.compare_digest(claim.openid.encode(), owner_openid.encode())
    if claim.id_last6:
        return hmac.compare_digest(claim.id_last6.strip().upper().encode(), id_number[-6:].upper().encode())
    return False
