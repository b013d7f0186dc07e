"""Booking seal engraving and bank account opening after the licence, by the application's verified owner."""

from fastapi import APIRouter

from bundle_service.api.booking_presenters import booking_out, bookings_out
from bundle_service.api.callers import ClientKeyDep, FilerDep, OwnerClaimDep
from bundle_service.api.deps import ServicesDep, SessionDep
from bundle_service.bookings import booking as bookings
from bundle_service.crud import applications as crud
from bundle_service.progress.owner_verification import Claim
from bundle_service.schemas.bookings import BookingIn, BookingOut, BookingsOut
from bundle_service.schemas.common import ErrorOut

router = APIRouter(prefix="/applications", tags=["bookings"])
ERRORS: dict[int | str, dict[str, object]] = {404: {"model": ErrorOut}, 429: {"model": ErrorOut}}


@router.get("/{number}/bookings", responses=ERRORS)
def booking_options(
    number: str, services: ServicesDep, session: SessionDep, claim: OwnerClaimDep, client: ClientKeyDep
) -> BookingsOut:
    """Whether seal and bank can be booked, with whom near the premises, what each would receive; what was booked.

    Bookings open once business registration is 已办结. Ownership as for progress: ``X-Id-Last6``, the gateway's
    ``X-Wechat-Openid``, or the owner's login token.

    Raises:
        NotFound: 404, the same for an unknown number and a wrong verification.
        TooManyAttempts: 429 after repeated failures.
    """
    verified = services.verifier.verify(number, claim, client)
    application = crud.by_number(session, verified.number)
    assert application is not None  # verified just before
    return bookings_out(bookings.options(session, application))


@router.post(
    "/{number}/bookings",
    status_code=201,
    responses={**ERRORS, 409: {"model": ErrorOut}, 422: {"model": ErrorOut}, 503: {"model": ErrorOut}},
)
def book(
    number: str, body: BookingIn, services: ServicesDep, claim: OwnerClaimDep, client: ClientKeyDep, filer: FilerDep
) -> BookingOut:
    """Book the chosen engraver or bank branch: only now, and only it, receives the data its kind needs.

    Raises:
        NotFound: 404 for an unknown number or wrong verification.
        Conflict: 409 ``registration_not_finished``, ``not_registering`` or ``already_booked``.
        InvalidInput: 422 for an unknown kind or a provider not offered for the premises.
        DeskUnavailable: 503 when the booking desk does not take it (nothing recorded).
    """
    offered = Claim(id_last6=body.id_last6 or claim.id_last6, openid=claim.openid)
    application = services.verifier.verify(number, offered, client)
    made = bookings.book(
        services.sessions,
        services.booking_desk,
        application.number,
        body.kind,
        body.provider,
        filer.actor,
        services.clock.now(),
    )
    return booking_out(made)
