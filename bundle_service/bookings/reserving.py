"""The three short transactions of one booking: reserve the kind, record the desk's receipt, or release it.

No database row lock is held across the call to the booking desk: :func:`reserve` locks the application, checks
and inserts a pending booking (``reference`` empty; the unique ``(application, kind)`` keeps a second request out)
and commits; the caller then calls the desk with an idempotency key; :func:`record` fills in the receipt and
audits, :func:`release` deletes the pending row when the desk did not take it. A reservation left behind by a
crash between the steps is taken over by the next request once it is older than :data:`STALE_AFTER` (the desk's
idempotency key makes the repeated call return the first booking when the provider is the same). A cancelled
booking's row is reused by the next booking of its kind, whose key then counts the cancellations (a new booking).
"""

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from bundle_service.adapters.booking_desk import Receipt
from bundle_service.bookings.kinds import REGISTRATION_ITEM, BookingKind, load_kinds
from bundle_service.bookings.passing import payload, record_of
from bundle_service.bookings.providers import Provider, near, providers
from bundle_service.core.errors import Conflict, FieldError, InvalidInput, NotFound
from bundle_service.crud import applications as crud
from bundle_service.crud.audit import record as audit
from bundle_service.models import Application, AuditEvent
from bundle_service.models.booking import Booking
from bundle_service.progress.states import TaskStatus

NOT_YET = "营业执照办结后，才能预约刻章和银行开户。"
NOT_REGISTERING = "这份申请不含经营主体登记注册，无需在这里预约刻章和银行开户。"
PENDING = ""  # the reference of a reservation the desk has not confirmed yet
CANCELLED_ACTION = "booking.cancelled"
STALE_AFTER = timedelta(minutes=2)  # the desk answers within seconds; an older reservation was abandoned


@dataclass(frozen=True)
class Reservation:
    """A kind reserved for one booking, and what the chosen provider is to receive.

    Attributes:
        booking_id: The pending booking row.
        number: The application number.
        kind: The kind booked.
        provider: The chosen provider.
        data: Exactly the fields its kind passes (unmasked: for the desk only, never stored).
        key: The desk's idempotency key (the same booking asked again is booked once).
    """

    booking_id: int
    number: str
    kind: BookingKind
    provider: Provider
    data: dict[str, str]
    key: str


def registration_finished(application: Application) -> bool:
    """Whether the task of business registration is 已办结."""
    return any(
        REGISTRATION_ITEM in task.items and task.status == TaskStatus.FINISHED.value for task in application.tasks
    )


def chosen(session: Session, application: Application, kind: str, provider: str) -> tuple[BookingKind, Provider]:
    """The kind and the provider the user chose, if these premises are offered it.

    Raises:
        InvalidInput: an unknown kind or a provider not offered near the premises.
    """
    kinds = load_kinds()
    if kind not in kinds:
        names = "、".join(f"{k.code}（{k.label}）" for k in kinds.values())
        raise InvalidInput([FieldError("kind", "kind_unknown", f"可以预约的是{names}。")])
    offered = near(providers(session), kind, application.city, application.county)
    found = next((p for p in offered if p.code == provider), None)
    if found is None:
        message = f"请从经营场所附近的{kinds[kind].provider_label}中选择（“{provider}”不在可选名单里）。"
        raise InvalidInput([FieldError("provider", "provider_not_offered", message)])
    return kinds[kind], found


def existing(session: Session, application_id: int, kind: str) -> Booking | None:
    """The application's booking row of ``kind`` (pending, booked or cancelled), if any."""
    query = select(Booking).where(Booking.application_id == application_id, Booking.kind == kind)
    return session.scalars(query).first()


def reserve(
    sessions: sessionmaker[Session], number: str, kind: str, provider: str, actor: str, now: datetime
) -> Reservation:
    """Check everything and claim the kind with a pending booking, in one short transaction.

    Raises:
        NotFound: no such application.
        Conflict: 409 ``not_registering``, ``registration_not_finished``, ``already_booked`` or ``booking_pending``.
        InvalidInput: 422, an unknown kind or a provider not offered for these premises.
    """
    with sessions.begin() as session:
        session.execute(select(Application.id).where(Application.number == number).with_for_update())
        application = crud.by_number(session, number)
        if application is None:
            raise NotFound("申请不存在。", code="application_not_found")
        if REGISTRATION_ITEM not in application.items:
            raise Conflict(NOT_REGISTERING, code="not_registering")
        if not registration_finished(application):
            raise Conflict(NOT_YET, code="registration_not_finished")
        booking_kind, provider_chosen = chosen(session, application, kind, provider)
        data = payload(application, booking_kind)
        row = existing(session, application.id, kind)
        if row is not None and row.reference != PENDING and row.cancelled_at is None:
            message = f"{booking_kind.label}已预约（{row.provider_name}，预约号{row.reference}）。"
            raise Conflict(message, code="already_booked")
        if row is not None and row.reference == PENDING and now - row.booked_at < STALE_AFTER:
            raise Conflict(f"{booking_kind.label}正在预约中，请稍后刷新查看。", code="booking_pending")
        if row is None:
            row = Booking(application_id=application.id, kind=kind)
            session.add(row)
        row.provider_code, row.provider_name = provider_chosen.code, provider_chosen.name
        row.provider_address, row.provider_phone = provider_chosen.address, provider_chosen.phone
        row.reference, row.note, row.passed = PENDING, None, record_of(data)
        row.booked_by, row.booked_at, row.cancelled_at, row.cancelled_by = actor, now, None, None
        session.flush()
        key = f"{number}-{kind}-{provider_chosen.code}"
        rounds = cancellations(session, application.id, kind)
        key += f"-{rounds}" if rounds else ""  # a booking made again after a cancellation is a new one
        return Reservation(row.id, number, booking_kind, provider_chosen, data, key)


def cancellations(session: Session, application_id: int, kind: str) -> int:
    """How many bookings of ``kind`` of the application were cancelled (the audit keeps every one)."""
    query = select(AuditEvent).where(AuditEvent.application_id == application_id, AuditEvent.action == CANCELLED_ACTION)
    return [event.details.get("kind") for event in session.scalars(query)].count(kind)


def record(sessions: sessionmaker[Session], reserved: Reservation, receipt: Receipt, now: datetime) -> Booking:
    """Fill in the desk's receipt and audit ``booking.created`` (once: a recorded booking is returned as it is)."""
    with sessions.begin() as session:
        row = session.get(Booking, reserved.booking_id, with_for_update=True)
        if row is None:  # released meanwhile (cannot happen in one request; kept safe)
            raise Conflict("预约未能保存，请重试。", code="booking_lost")
        if row.reference == PENDING:
            row.reference, row.note = receipt.reference, receipt.note
            audit(
                session,
                at=now,
                actor=row.booked_by,
                action="booking.created",
                application_id=row.application_id,
                details={
                    "number": reserved.number,
                    "kind": reserved.kind.code,
                    "provider": reserved.provider.code,
                    "reference": receipt.reference,
                    "passed_fields": sorted(reserved.data),
                },
            )
        session.flush()
        session.expunge(row)
        return row


def release(sessions: sessionmaker[Session], reserved: Reservation) -> None:
    """Give the kind back after the desk did not take the booking (only while it is still pending)."""
    with sessions.begin() as session:
        row = session.get(Booking, reserved.booking_id, with_for_update=True)
        if row is not None and row.reference == PENDING:
            session.delete(row)
