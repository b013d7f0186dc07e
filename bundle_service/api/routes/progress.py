"""Progress and satisfaction rating of an application, for its verified owner."""

from fastapi import APIRouter
from sqlalchemy.exc import IntegrityError

from bundle_service.api.callers import ClaimDep, ClientKeyDep
from bundle_service.api.deps import ServicesDep
from bundle_service.api.presenters import application_answer
from bundle_service.core.errors import Conflict
from bundle_service.crud import applications as crud
from bundle_service.crud.audit import record
from bundle_service.feedback.ratings import follow_ups
from bundle_service.progress.owner_verification import Claim
from bundle_service.progress.states import OverallState
from bundle_service.schemas.application import ApplicationOut
from bundle_service.schemas.common import ErrorOut
from bundle_service.schemas.progress import RatingIn, RatingOut, VerificationIn

router = APIRouter(prefix="/applications", tags=["progress"])
ERRORS: dict[int | str, dict[str, object]] = {404: {"model": ErrorOut}, 429: {"model": ErrorOut}}


def _progress(services: ServicesDep, number: str, claim: Claim, client: str) -> ApplicationOut:
    return application_answer(services.verifier.verify(number, claim, client), services)


@router.get("/{number}/progress", responses=ERRORS)
def progress_by_header(number: str, services: ServicesDep, claim: ClaimDep, client: ClientKeyDep) -> ApplicationOut:
    """Progress, verified by ``X-Id-Last6`` or the trusted ``X-Wechat-Openid``.

    Raises:
        NotFound: 404, the same for an unknown number and a wrong verification.
        TooManyAttempts: 429 with ``Retry-After`` after repeated failures.
    """
    return _progress(services, number, claim, client)


@router.post("/{number}/progress", responses=ERRORS)
def progress(
    number: str, body: VerificationIn, services: ServicesDep, claim: ClaimDep, client: ClientKeyDep
) -> ApplicationOut:
    """Progress, verified by ``{"id_last6": "…"}`` in the body (or the headers of the GET form).

    Raises:
        NotFound: 404, the same for an unknown number and a wrong verification.
        TooManyAttempts: 429 with ``Retry-After`` after repeated failures.
    """
    offered = Claim(id_last6=body.id_last6 or claim.id_last6, openid=claim.openid)
    return _progress(services, number, offered, client)


@router.post("/{number}/rating", status_code=201, responses={409: {"model": ErrorOut}, **ERRORS})
def rate(number: str, body: RatingIn, services: ServicesDep, claim: ClaimDep, client: ClientKeyDep) -> RatingOut:
    """Rate a finished application 1–5 with an optional comment (好差评), once.

    Raises:
        NotFound: 404 for an unknown number or wrong verification.
        TooManyAttempts: 429 after repeated failures.
        Conflict: 409 ``not_finished`` before every department is done, ``already_rated`` the second time.
    """
    offered = Claim(id_last6=body.id_last6 or claim.id_last6, openid=claim.openid)
    application = services.verifier.verify(number, offered, client)
    if not OverallState(application.state).closed:
        raise Conflict("申请尚未办结，办结后才能评价。", code="not_finished")
    if application.rating is not None:
        raise Conflict("该申请已经评价过了，每份申请只能评价一次。", code="already_rated")
    now = services.clock.now()
    comment = (body.comment or "").strip() or None
    try:
        with services.sessions.begin() as session:
            stored = crud.by_number(session, application.number)
            assert stored is not None
            rating = crud.add_rating(session, stored, body.score, comment, "owner", now)
            session.flush()
            rating_id = rating.id
            record(
                session,
                at=now,
                actor="applicant",
                action="rating.created",
                application_id=stored.id,
                details={"number": stored.number, "score": body.score, "comment": comment},
            )
    except IntegrityError:
        raise Conflict("该申请已经评价过了，每份申请只能评价一次。", code="already_rated") from None
    followup = follow_ups(services).follow_up_application(rating_id, application, body.score, comment)
    opened = followup.number if followup else None
    return RatingOut(number=application.number, score=body.score, comment=comment, rated_at=now, followup=opened)
