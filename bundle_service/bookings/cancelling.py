"""Cancelling a seal or bank booking: the provider is told first, then the booking is marked cancelled and audited.

Like booking (``reserving``), no row lock is held while the desk answers: one short transaction reads the live
booking, the desk is told (``BookingDesk.cancel``), and a second transaction marks the row cancelled (kept, shown in
the progress view as 已取消, until the kind is booked again) and audits ``booking.cancelled``. A desk that does not
take the cancellation leaves the booking as it was (503): the provider must never keep a booking the user
believes cancelled, nor the user one the provider dropped. Cancelling the same booking twice answers it once more.
"""

from datetime import datetime

from sqlalchemy.orm import Session, sessionmaker

from bundle_service.adapters.booking_desk import BookingDesk, BookingFailed
from bundle_service.bookings.booking import DeskUnavailable
from bundle_service.bookings.kinds import load_kinds
from bundle_service.bookings.reserving import CANCELLED_ACTION, PENDING, existing
from bundle_service.core.errors import Conflict, FieldError, InvalidInput, NotFound
from bundle_service.crud import applications as crud
from bundle_service.crud.audit import record as audit
from bundle_service.models.booking import Booking


def _live(session: Session, number: str, kind: str) -> Booking:
    application = crud.by_number(session, number)
    if application is None:
        raise NotFound("申请不存在。", code="application_not_found")
    kinds = load_kinds()
    if kind not in kinds:
        names = "、".join(f"{k.code}（{k.label}）" for k in kinds.values())
        raise InvalidInput([FieldError("kind", "kind_unknown", f"可以取消的是{names}的预约。")])
    row = existing(session, application.id, kind)
    if row is None or row.reference == PENDING or row.cancelled_at is not None:
        raise Conflict(f"{kinds[kind].label}还没有预约，无需取消。", code="not_booked")
    return row


def cancel(
    sessions: sessionmaker[Session], desk: BookingDesk, number: str, kind: str, actor: str, now: datetime
) -> Booking:
    """Cancel the booking of ``kind``: tell its provider, then record the cancellation.

    Args:
        sessions: Session factory.
        desk: The booking desk adapter (the same protocol as the booking).
        number: The application (its owner already verified by the caller).
        kind: ``seal`` or ``bank``.
        actor: Who cancels (``applicant`` or ``staff:<id>``).
        now: When.

    Returns:
        The cancelled booking (``cancelled_at`` set).

    Raises:
        NotFound: no such application.
        InvalidInput: 422, an unknown kind.
        Conflict: 409 ``not_booked``, nothing booked of this kind (or already cancelled).
        DeskUnavailable: 503, the desk did not take the cancellation (the booking stands).
    """
    with sessions.begin() as session:
        row = _live(session, number, kind)
        booking_id, reference, provider, name = row.id, row.reference, row.provider_code, row.provider_name
    try:
        desk.cancel(kind, provider, reference)
    except BookingFailed:
        raise DeskUnavailable(f"{name}的预约系统暂时连不上，预约仍然有效，请稍后再取消。") from None
    with sessions.begin() as session:
        marked = session.get(Booking, booking_id, with_for_update=True)
        if marked is None or marked.reference != reference:  # cannot happen: a booking is rebooked once cancelled
            raise Conflict("预约已变更，请刷新查看。", code="booking_changed")
        if marked.cancelled_at is None:
            marked.cancelled_at, marked.cancelled_by = now, actor
            audit(
                session,
                at=now,
                actor=actor,
                action=CANCELLED_ACTION,
                application_id=marked.application_id,
                details={"number": number, "kind": kind, "provider": provider, "reference": reference},
            )
        session.flush()
        session.expunge(marked)
        return marked
