"""Owner verification for progress and rating, throttled per application number and per client.

A wrong verification reveals nothing: it answers exactly like a number that does not exist. Failures are stored
in the database, so the limit holds across worker processes.
"""

import hmac
import math
from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy.orm import Session, sessionmaker

from bundle_service.core.clock import Clock
from bundle_service.core.errors import NotFound, TooManyAttempts
from bundle_service.crud import applications as crud
from bundle_service.crud import throttle
from bundle_service.crud.audit import record
from bundle_service.models import Application

NOT_FOUND_MESSAGE = "未找到该申请，或验证信息不符。请核对申请编号和身份证号码后6位。"
MAX_SUBJECT_LENGTH = 64


@dataclass(frozen=True)
class Claim:
    """What the caller offers as proof of ownership.

    Attributes:
        id_last6: Last 6 characters of the applicant's ID number.
        openid: WeChat openid asserted by a trusted front layer.
    """

    id_last6: str | None = None
    openid: str | None = None


@dataclass
class Verifier:
    """Checks claims against applications, with throttling.

    Args:
        sessions: Session factory.
        clock: Clock of the service.
        max_failures: Failures allowed per number and per client within the window.
        window_seconds: Length of the window.
    """

    sessions: sessionmaker[Session]
    clock: Clock
    max_failures: int
    window_seconds: int

    def check(self, subject: str, client_key: str) -> None:
        """Refuse early when the subject or the client has too many recent failures.

        Raises:
            TooManyAttempts: with the seconds until the oldest counted failure leaves the window.
        """
        since = self.clock.now() - timedelta(seconds=self.window_seconds)
        with self.sessions() as session:
            for scope in ({"subject": subject}, {"client_key": client_key}):
                count, oldest = throttle.failures_since(session, since=since, **scope)
                if count >= self.max_failures and oldest is not None:
                    raise TooManyAttempts(max(1, math.ceil((oldest - since).total_seconds())))

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
            client_key: Who is asking (IP or a trusted client id).

        Returns:
            The application with tasks, applicant and rating loaded.

        Raises:
            TooManyAttempts: too many failures for this number or this client within the window.
            NotFound: unknown number or wrong proof (same answer for both).
        """
        subject = number.strip().upper()[:MAX_SUBJECT_LENGTH]
        self.check(subject, client_key)
        with self.sessions() as session:
            application = crud.by_number(session, subject)
        if application is not None and _proves(application, claim):
            return application
        method = "openid" if claim.openid else "id_last6"
        self.fail(subject, client_key, method, application.id if application is not None else None)
        raise NotFound(NOT_FOUND_MESSAGE, code="application_not_found")


def _proves(application: Application, claim: Claim) -> bool:
    if claim.openid and application.owner_openid:
        return hmac.compare_digest(claim.openid.encode(), application.owner_openid.encode())
    if claim.id_last6:
        expected = application.applicant.id_number[-6:].upper()
        return hmac.compare_digest(claim.id_last6.strip().upper().encode(), expected.encode())
    return False
