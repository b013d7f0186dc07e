"""Dependencies of the routes: the service container, database sessions and the working calendar.

Routes take their sessions from here, in one of three styles: :data:`SessionDep` to read, :data:`TransactionDep`
for a unit of work committed when the route returns (rolled back when it raises), and :data:`AuditDep` for audit
events committed at once (kept when the route then fails, e.g. a failed verification). A wing that owns a
transaction (filing, ratings, handoffs) opens it itself; an ``async`` route reads inside its worker thread.

Who is calling is decided in :mod:`bundle_service.api.callers`.
"""

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Annotated

import yaml
from fastapi import Depends, Request
from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from bundle_service.adapters.booking_desk import BookingDesk, HttpBookingDesk, LocalBookingDesk, UnconfiguredDesk
from bundle_service.adapters.data_sharing import SharedData
from bundle_service.adapters.realname import RealNameAuthority
from bundle_service.applications.filing import Filings
from bundle_service.core.clock import Clock
from bundle_service.core.config import Settings
from bundle_service.crud.audit import AuditLog
from bundle_service.crud.calendar import load_calendar
from bundle_service.knowledge.service import KnowledgeBase
from bundle_service.progress.owner_verification import Verifier
from bundle_service.progress.working_days import WorkingCalendar


def load_department_keys(settings: Settings) -> dict[str, str]:
    """Department code → API key, from the optional YAML file overlaid with ``BUNDLE_DEPARTMENT_KEYS``."""
    keys: dict[str, str] = {}
    if settings.department_keys_file is not None:
        raw = yaml.safe_load(settings.department_keys_file.read_text(encoding="utf-8")) or {}
        keys.update({str(code): str(key) for code, key in raw.items()})
    keys.update(settings.department_keys)
    return {code: key for code, key in keys.items() if key}


@dataclass
class Services:
    """Everything a request needs, built once per app (``app.state.services``); tests may swap the clock."""

    settings: Settings
    engine: Engine
    sessions: sessionmaker[Session]
    clock: Clock
    shared: SharedData
    realname: RealNameAuthority
    department_keys: dict[str, str] = field(default_factory=dict)
    knowledge: KnowledgeBase | None = None
    booking_desk_override: BookingDesk | None = None  # tests: a desk of their own

    @property
    def booking_desk(self) -> BookingDesk:
        """The seal and bank booking desk: ``BUNDLE_BOOKING_API_BASE``'s, else the local simulation.

        Never the simulation in production: without the setting no booking is taken there (503 to the user).
        """
        if self.booking_desk_override is not None:
            return self.booking_desk_override
        base = self.settings.booking_api_base
        if base:
            return HttpBookingDesk(base)
        return UnconfiguredDesk() if self.settings.profile == "production" else LocalBookingDesk()

    @property
    def filings(self) -> Filings:
        """The filing service bound to the current clock."""
        return Filings(self.engine, self.sessions, self.shared, self.clock)

    @property
    def verifier(self) -> Verifier:
        """The owner verifier bound to the current clock and throttling settings."""
        return Verifier(
            self.sessions,
            self.clock,
            self.settings.verify_max_failures,
            self.settings.verify_window_seconds,
            self.settings.verify_number_ceiling,
        )


def get_services(request: Request) -> Services:
    """The app's service container."""
    services: Services = request.app.state.services
    return services


ServicesDep = Annotated[Services, Depends(get_services)]


def get_session(services: ServicesDep) -> Iterator[Session]:
    """A session closed after the request."""
    with services.sessions() as session:
        yield session


SessionDep = Annotated[Session, Depends(get_session)]


def get_transaction(services: ServicesDep) -> Iterator[Session]:
    """A session in one transaction, committed before the answer is sent, rolled back if the route raises."""
    with services.sessions.begin() as session:
        yield session


TransactionDep = Annotated[Session, Depends(get_transaction)]


def audit_log(services: ServicesDep) -> AuditLog:
    """The audit log, each event in a transaction of its own."""
    return AuditLog(services.sessions, services.clock)


AuditDep = Annotated[AuditLog, Depends(audit_log)]


def calendar_of(session: Session) -> WorkingCalendar:
    """The working calendar with admin-loaded years."""
    return load_calendar(session)
