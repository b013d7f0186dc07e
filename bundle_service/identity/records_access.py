"""The one gate to a person's shared records: only for the person the caller is identified as, throttled per caller.

Every lookup of shared records by ID number (prefill, whole-form validation, filing, eligibility by ID, one-click)
goes through :class:`RecordsAccess`. For anyone not identified as that very person it returns nothing, so no answer
can tell whether someone is in a database, which one, or whether a name matches.

The questions (prefill, whole-form validation, eligibility by ID, one-click) are throttled: each caller may ask
about at most ``max_people`` different ID numbers within the window (429 beyond), counted in the
verification-throttle table under their own keys (``lookup|<client>``), so the limit holds across workers and
never mixes with failed verifications. Filing is not: it answers nothing about anyone but the identified filer,
and one client (the console, the action server for many chats) may file for many people.
"""

import hashlib
import math
from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy.orm import Session, sessionmaker

from bundle_service.adapters.data_sharing import PersonRecords, SharedData
from bundle_service.core.clock import Clock
from bundle_service.core.errors import ServiceError, TooManyAttempts
from bundle_service.crud import throttle
from bundle_service.identity.identification import Identity
from bundle_service.models.throttle import CLIENT_KEY_LENGTH

LOOKUP_CLIENT_PREFIX = "lookup|"


class LookupRateLimited(TooManyAttempts):
    """The caller asked about too many different people (429 with ``Retry-After``)."""

    default_code = "too_many_lookups"

    def __init__(self, retry_after: int) -> None:
        minutes = max(1, (retry_after + 59) // 60)
        ServiceError.__init__(self, f"短时间内查询的身份证号码过多，请{minutes}分钟后再试。")
        self.retry_after = retry_after


def _digest(id_number: str) -> str:
    return hashlib.sha256(id_number.upper().encode()).hexdigest()[:32]


def person_subject(id_number: str) -> str:
    """The verification-throttle subject of a person (one-click), without storing their ID number."""
    return "person:" + _digest(id_number)


@dataclass
class RecordsAccess:
    """A caller's access to shared records.

    Args:
        shared: The data-sharing adapter.
        sessions: Session factory (the throttle table).
        clock: Clock of the service.
        client_key: Who asks (a trusted front layer's client id, else the peer address).
        identity: The person the caller is identified as, if any.
        max_people: Different ID numbers allowed per caller within the window.
        window_seconds: Length of the window.
    """

    shared: SharedData
    sessions: sessionmaker[Session]
    clock: Clock
    client_key: str
    identity: Identity | None
    max_people: int
    window_seconds: int

    def identified_as(self, id_number: str) -> bool:
        """Whether the caller is identified as the person with ``id_number``."""
        return self.identity is not None and self.identity.id_number == id_number.upper()

    @property
    def method(self) -> str | None:
        """How the caller was identified (``realname``, ``caller_verification``), or None."""
        return self.identity.method if self.identity is not None else None

    def person(self, id_number: str) -> PersonRecords | None:
        """A question about ``id_number``: its records if the caller is identified as that person, else None.

        Raises:
            LookupRateLimited: the caller already asked about ``max_people`` other ID numbers in the window.
        """
        self.count(id_number)
        return self.own_records(id_number)

    def own_records(self, id_number: str) -> PersonRecords | None:
        """The records of ``id_number`` for filing: only if the caller is identified as that person (not counted)."""
        return self.shared.person(id_number) if self.identified_as(id_number) else None

    def count(self, id_number: str) -> None:
        """Count a question about ``id_number`` (a repeat of an ID already counted in the window is free).

        Raises:
            LookupRateLimited: a new ID number beyond ``max_people`` within the window.
        """
        now = self.clock.now()
        since = now - timedelta(seconds=self.window_seconds)
        subject = "lookup:" + _digest(id_number)
        client = (LOOKUP_CLIENT_PREFIX + self.client_key)[:CLIENT_KEY_LENGTH]
        with self.sessions.begin() as session:
            asked, _ = throttle.failures_since(session, subject=subject, client_key=client, since=since)
            if asked:
                return
            count, oldest = throttle.failures_since(session, client_key=client, since=since)
            if count >= self.max_people and oldest is not None:
                raise LookupRateLimited(max(1, math.ceil((oldest - since).total_seconds())))
            throttle.add_failure(session, subject=subject, client_key=client, at=now, purge_before=since)
