"""Bookings of an application: what may be booked, with whom, and booking it (only the chosen provider is told)."""

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from bundle_service.adapters.booking_desk import BookingDesk, BookingFailed
from bundle_service.bookings.kinds import REGISTRATION_ITEM, BookingKind, load_kinds
from bundle_service.bookings.passing import labels, payload, record_of
from bundle_service.bookings.providers import Provider, near, providers
from bundle_service.core.errors import Conflict, FieldError, InvalidInput, NotFound, ServiceError
from bundle_service.crud import applications as crud
from bundle_service.crud.audit import record
from bundle_service.models import Application
from bundle_service.models.booking import Booking
from bundle_service.progress.states import TaskStatus

NOT_YET = "营业执照办结后，才能预约刻章和银行开户。"
NOT_REGISTERING = "这份申请不含经营主体登记注册，无需在这里预约刻章和银行开户。"
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
    """

    kind: BookingKind
    passed: list[str]
    booking: Booking | None
    providers: list[Provider]


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


def registration_finished(application: Application) -> bool:
    """Whether the task of business registration is 已办结."""
    return any(
        REGISTRATION_ITEM in task.items and task.status == TaskStatus.FINISHED.value for task in application.tasks
    )


def _bookings(session: Session, application_id: int) -> dict[str, Booking]:
    rows = session.scalars(select(Booking).where(Booking.application_id == application_id))
    return {booking.kind: booking for booking in rows}


def options(session: Session, application: Application) -> Options:
    """The kinds, providers near the premises and bookings of ``application`` (loaded in ``session``)."""
    if REGISTRATION_ITEM not in application.items:
        return Options(application.number, False, NOT_REGISTERING, [])
    available = registration_finished(application)
    booked = _bookings(session, application.id)
    listed = providers(session)
    kinds = [
        KindOptions(
            kind,
            labels(kind),
            booked.get(code),
            near(listed, code, application.city, application.county) if available and code not in booked else [],
        )
        for code, kind in load_kinds().items()
    ]
    return Options(application.number, available, OPEN if available else NOT_YET, kinds)


def _chosen(session: Session, application: Application, kind: str, provider: str) -> tuple[BookingKind, Provider]:
    kinds = load_kinds()
    if kind not in kinds:
        names = "、".join(f"{k.code}（{k.label}）" for k in kinds.values())
        raise InvalidInput([FieldError("kind", "kind_unknown", f"可以预约的是{names}。")])
    offered = near(providers(session), kind, application.city, application.county)
    chosen = next((p for p in offered if p.code == provider), None)
    if chosen is None:
        message = f"请从经营场所附近的{kinds[kind].provider_label}中选择（“{provider}”不在可选名单里）。"
        raise InvalidInput([FieldError("provider", "provider_not_offered", message)])
    return kinds[kind], chosen


def book(
    sessions: sessionmaker[Session], desk: BookingDesk, number: str, kind: str, provider: str, actor: str, now: datetime
) -> Booking:
    """Book ``provider`` for ``kind``: the desk receives only that kind's fields, and what it received is recorded.

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
        Conflict: 409 ``registration_not_finished`` / ``not_registering``, or ``already_booked`` for this kind.
        InvalidInput: 422, an unknown kind or a provider not offered for these premises.
        DeskUnavailable: 503, the desk did not take it (nothing recorded; the user may try again).
    """
    try:
        with sessions.begin() as session:
            session.execute(select(Application.id).where(Application.number == number).with_for_update())
            application = crud.by_number(session, number)
            if application is None:
                raise NotFound("申请不存在。", code="application_not_found")
            if REGISTRATION_ITEM not in application.items:
                raise Conflict(NOT_REGISTERING, code="not_registering")
            if not registration_finished(application):
                raise Conflict(NOT_YET, code="registration_not_finished")
            chosen_kind, chosen = _chosen(session, application, kind, provider)
            existing = _bookings(session, application.id).get(kind)
            if existing is not None:
                message = f"{chosen_kind.label}已预约（{existing.provider_name}，预约号{existing.reference}）。"
                raise Conflict(message, code="already_booked")
            data = payload(application, chosen_kind)
            try:
                receipt = desk.book(kind, chosen.code, data)
            except BookingFailed:
                raise DeskUnavailable(f"{chosen.name}的预约系统暂时连不上，请稍后再试。") from None
            booking = Booking(
                application_id=application.id,
                kind=kind,
                provider_code=chosen.code,
                provider_name=chosen.name,
                provider_address=chosen.address,
                provider_phone=chosen.phone,
                reference=receipt.reference,
                note=receipt.note,
                passed=record_of(data),
                booked_by=actor,
                booked_at=now,
            )
            session.add(booking)
            session.flush()
            record(
                session,
                at=now,
                actor=actor,
                action="booking.created",
                application_id=application.id,
                details={
                    "number": number,
                    "kind": kind,
                    "provider": chosen.code,
                    "reference": receipt.reference,
                    "passed_fields": sorted(data),
                },
            )
            session.expunge(booking)
            return booking
    except IntegrityError:  # the same kind booked by a concurrent request
        raise Conflict("该事项刚刚已预约，请刷新查看。", code="already_booked") from None
