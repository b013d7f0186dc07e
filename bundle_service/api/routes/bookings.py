"""Booking seal engraving and bank account opening after the licence: by the verified owner, or staff for a caller.

Who may see and book an application's bookings: its owner (``X-Id-Last6``, the gateway's openid, the login
token), console staff with the caller's ``X-Id-Last6`` (booked as ``staff:<id>``), and the action server in a
hotline call for the application the console verified in that call (``X-Staff-Id`` + the call's ``X-Client-Id``).
"""

from fastapi import APIRouter
from sqlalchemy.orm import Session

from bundle_service.api.booking_presenters import booking_out, bookings_out
from bundle_service.api.callers import (
    CallApplicationDep,
    ClientKeyDep,
    FilerDep,
    OptionalStaffDep,
    OwnerClaimDep,
)
from bundle_service.api.deps import ServicesDep, SessionDep
from bundle_service.bookings import booking as bookings
from bundle_service.bookings.cancelling import cancel
from bundle_service.core.errors import NotFound
from bundle_service.core.security import StaffSession
from bundle_service.crud import applications as crud
from bundle_service.crud.audit import staff_actor
from bundle_service.progress.owner_verification import Claim
from bundle_service.schemas.bookings import BookingIn, BookingOut, BookingsOut
from bundle_service.schemas.common import ErrorOut

router = APIRouter(tags=["bookings"])
ERRORS: dict[int | str, dict[str, object]] = {404: {"model": ErrorOut}, 429: {"model": ErrorOut}}
NO_CALLER = "请先在工作台“来电核验”中核验来电人（申请编号和身份证后6位），再为其预约。"


def _verified_number(
    number: str,
    claim: Claim,
    services: ServicesDep,
    client: str,
    staff: StaffSession | None,
    in_call: str | None,
) -> str:
    """The application number once the caller proved it is theirs (or staff verified it in this call)."""
    if in_call is not None and in_call == number.strip().upper():
        return in_call
    throttled_as = staff_actor(staff.staff_id) if staff is not None else client
    return services.verifier.verify(number, claim, throttled_as).number


def _options(session: Session, number: str) -> BookingsOut:
    application = crud.by_number(session, number)
    assert application is not None  # verified just before
    return bookings_out(bookings.options(session, application))


@router.get("/applications/{number}/bookings", responses=ERRORS)
def booking_options(
    number: str,
    services: ServicesDep,
    session: SessionDep,
    claim: OwnerClaimDep,
    client: ClientKeyDep,
    staff: OptionalStaffDep,
    in_call: CallApplicationDep,
) -> BookingsOut:
    """Whether seal and bank can be booked, with whom near the premises, what each would receive; what was booked.

    Bookings open once business registration is 已办结. Ownership as for progress: ``X-Id-Last6``, the gateway's
    ``X-Wechat-Openid``, or the owner's login token; or the caller verified in this hotline call.

    Raises:
        NotFound: 404, the same for an unknown number and a wrong verification.
        TooManyAttempts: 429 after repeated failures.
    """
    return _options(session, _verified_number(number, claim, services, client, staff, in_call))


@router.get("/hotline/call/bookings", responses={404: {"model": ErrorOut}})
def call_booking_options(session: SessionDep, in_call: CallApplicationDep) -> BookingsOut:
    """The bookings of the application the console verified in this hotline call (the bot acting for its staff).

    Raises:
        NotFound: 404 ``no_verified_caller`` when nobody was verified in this call (or not through the gateway).
    """
    if in_call is None:
        raise NotFound(NO_CALLER, code="no_verified_caller")
    return _options(session, in_call)


@router.post(
    "/applications/{number}/bookings",
    status_code=201,
    responses={**ERRORS, 409: {"model": ErrorOut}, 422: {"model": ErrorOut}, 503: {"model": ErrorOut}},
)
def book(
    number: str,
    body: BookingIn,
    services: ServicesDep,
    claim: OwnerClaimDep,
    client: ClientKeyDep,
    filer: FilerDep,
    staff: OptionalStaffDep,
    in_call: CallApplicationDep,
) -> BookingOut:
    """Book the chosen engraver or bank branch: only now, and only it, receives the data its kind needs.

    Staff booking for a caller (the console with ``X-Id-Last6``, or the bot in a hotline call) are recorded and
    audited as ``staff:<id>``.

    Raises:
        NotFound: 404 for an unknown number or wrong verification.
        Conflict: 409 ``registration_not_finished``, ``not_registering``, ``already_booked`` or ``booking_pending``.
        InvalidInput: 422 for an unknown kind or a provider not offered for the premises.
        DeskUnavailable: 503 when the booking desk does not take it (nothing recorded).
    """
    offered = Claim(id_last6=body.id_last6 or claim.id_last6, openid=claim.openid)
    verified = _verified_number(number, offered, services, client, staff, in_call)
    actor = staff_actor(staff.staff_id) if staff is not None else filer.actor
    made = bookings.book(
        services.sessions, services.booking_desk, verified, body.kind, body.provider, actor, services.clock.now()
    )
    return booking_out(made)


@router.delete(
    "/applications/{number}/bookings/{kind}",
    responses={**ERRORS, 409: {"model": ErrorOut}, 422: {"model": ErrorOut}, 503: {"model": ErrorOut}},
)
def cancel_booking(
    number: str,
    kind: str,
    services: ServicesDep,
    claim: OwnerClaimDep,
    client: ClientKeyDep,
    filer: FilerDep,
    staff: OptionalStaffDep,
    in_call: CallApplicationDep,
) -> BookingOut:
    """Cancel the seal or bank booking: its provider is told (the desk), then it is recorded as cancelled.

    Who may cancel: whoever may book (the owner, staff with the caller's ``X-Id-Last6``, the bot in a hotline call).
    The cancelled booking stays in the progress view (``cancelled``) until the kind is booked again; audited as
    ``booking.cancelled``.

    Raises:
        NotFound: 404 for an unknown number or wrong verification.
        Conflict: 409 ``not_booked`` when nothing of this kind is booked.
        InvalidInput: 422 for an unknown kind.
        DeskUnavailable: 503 when the desk does not take the cancellation (the booking stands).
    """
    verified = _verified_number(number, claim, services, client, staff, in_call)
    actor = staff_actor(staff.staff_id) if staff is not None else filer.actor
    return booking_out(cancel(services.sessions, services.booking_desk, verified, kind, actor, services.clock.now()))
