"""Bookings of an application: what may be booked, with whom, and booking it (only the chosen provider is told)."""

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from bundle_service.adapters.booking_desk import BookingDesk, BookingFailed
from bundle_service.bookings import reserving
from bundle_service.bookings.kinds import REGISTRATION_ITEM, BookingKind, load_kinds
from bundle_service.bookings.passing import labels
from bundle_service.bookings.providers import Provider, near, providers
from bundle_service.bookings.reserving import NOT_REGISTERING, NOT_YET, PENDING, registration_finished
from bundle_service.core.errors import Conflict, ServiceError
from bundle_service.models import Application
from bundle_service.models.booking import Booking

OPEN = "营业执照已办结：刻章和银行开户可以同时预约，选好后我们只把该机构需要的信息发给它。"


class DeskUnavailable(ServiceError):
    """The booking desk did not take the booking (503); nothing was recorded."""

    status_code = 503
    default_code = "booking_desk_unavailable"


@dataclass(frozen=True)
class KindOptions:
    """One kind of booking for an application.

    Attributes:
        kind: The kind.
        passed: The Chinese names of what its provider would receive.
        booking: The booking made, if any.
        providers: Providers near the premises the user may choose (empty once booked).
        cancelled: The last booking of this kind, cancelled (until the kind is booked again).
    """

    kind: BookingKind
    passed: list[str]
    booking: Booking | None
    providers: list[Provider]
    cancelled: Booking | None = None


@dataclass(frozen=True)
class Options:
    """What an application may book now.

    Attributes:
        number: The application number.
        available: Registration has finished: bookings are open.
        note: Why or why not, in Chinese.
        kinds: Each kind with its providers and booking.
    """

    number: str
    available: bool
    note: str
    kinds: list[KindOptions]


def _bookings(session: Session, application_id: int) -> dict[str, Booking]:
    """The recorded bookings by kind, cancelled ones included (a reservation still waiting for the desk is none)."""
    rows = session.scalars(select(Booking).where(Booking.application_id == application_id))
    return {booking.kind: booking for booking in rows if booking.reference != PENDING}


def options(session: Session, application: Application) -> Options:
    """The kinds, providers near the premises and bookings of ``application`` (loaded in ``session``)."""
    if REGISTRATION_ITEM not in application.items:
        return Options(application.number, False, NOT_REGISTERING, [])
    available = registration_finished(application)
    recorded = _bookings(session, application.id)
    booked = {code: row for code, row in recorded.items() if row.cancelled_at is None}
    listed = providers(session)
    kinds = [
        KindOptions(
            kind,
            labels(kind),
            booked.get(code),
            near(listed, code, application.city, application.county) if available and code not in booked else [],
            recorded[code] if code in recorded and code not in booked else None,
        )
        for code, kind in load_kinds().items()
    ]
    return Options(application.number, available, OPEN if available else NOT_YET, kinds)


def book(
    sessions: sessionmaker[Session], desk: BookingDesk, number: str, kind: str, provider: str, actor: str, now: datetime
) -> Booking:
    """Book ``provider`` for ``kind``: the desk receives only that kind's fields, and what it received is recorded.

    Reserve, call, record (``reserving``): no row lock is held while the desk answers, and the desk gets an
    idempotency key, so a retried booking is booked once.

    Args:
        sessions: Session factory.
        desk: The booking desk adapter.
        number: The application (its owner already verified by the caller).
        kind: ``seal`` or ``bank``.
        provider: Code of a provider near the premises.
        actor: Who books (``applicant`` or ``staff:<id>``).
        now: When.

    Raises:
        NotFound: no such application.
        Conflict: 409 ``registration_not_finished`` / ``not_registering``, ``already_booked`` or ``booking_pending``.
        InvalidInput: 422, an unknown kind or a provider not offered for these premises.
        DeskUnavailable: 503, the desk did not take it (nothing recorded; the user may try again).
    """
    try:
        reserved = reserving.reserve(sessions, number, kind, provider, actor, now)
    except IntegrityError:  # the same kind reserved by a concurrent request
        raise Conflict("该事项刚刚已预约，请刷新查看。", code="already_booked") from None
    try:
        receipt = desk.book(kind, reserved.provider.code, reserved.data, reserved.key)
    except BookingFailed:
        reserving.release(sessions, reserved)
        raise DeskUnavailable(f"{reserved.provider.name}的预约系统暂时连不上，请稍后再试。") from None
    return reserving.record(sessions, reserved, receipt, now)
