"""The logged-in user's own applications: listed, and each one's progress without retyping verification."""

from fastapi import APIRouter

from bundle_service.api.callers import ClientKeyDep, OpenidDep
from bundle_service.api.deps import ServicesDep, SessionDep, calendar_of
from bundle_service.api.presenters import application_answer, application_out
from bundle_service.crud import applications as crud
from bundle_service.progress.owner_verification import Claim
from bundle_service.schemas.application import ApplicationOut
from bundle_service.schemas.common import ErrorOut
from bundle_service.schemas.me import MyApplicationsOut

router = APIRouter(prefix="/me", tags=["me"])
ERRORS: dict[int | str, dict[str, object]] = {401: {"model": ErrorOut}}


@router.get("/applications", responses=ERRORS)
def my_applications(openid: OpenidDep, services: ServicesDep, session: SessionDep) -> MyApplicationsOut:
    """Applications filed with this user's openid (the owner), newest first, with state and lights.

    Raises:
        Unauthenticated: 401 without a valid login token.
    """
    owned = crud.by_owner_openid(session, openid)
    calendar = calendar_of(session)
    today = services.clock.today()
    return MyApplicationsOut(applications=[application_out(a, calendar, today) for a in owned])


@router.get("/applications/{number}", responses={404: {"model": ErrorOut}, 429: {"model": ErrorOut}, **ERRORS})
def my_application(number: str, openid: OpenidDep, services: ServicesDep, client: ClientKeyDep) -> ApplicationOut:
    """One owned application's progress; another user's number answers 404 like an unknown one.

    Raises:
        Unauthenticated: 401 without a valid login token.
        NotFound: 404, unknown number or not this user's.
        TooManyAttempts: 429 after repeated misses.
    """
    application = services.verifier.verify(number, Claim(id_last6=None, openid=openid), client)
    return application_answer(application, services)
