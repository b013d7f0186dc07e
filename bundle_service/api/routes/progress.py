"""Progress and satisfaction rating of an application, for its verified owner (HTTP only: rating in ``feedback/``)."""

from fastapi import APIRouter

from bundle_service.api.callers import ClaimDep, ClientKeyDep
from bundle_service.api.deps import ServicesDep
from bundle_service.api.presenters import application_answer
from bundle_service.feedback.ratings import follow_ups
from bundle_service.progress.owner_verification import Claim
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
    rating, followup = follow_ups(services).rate_application(application, body.score, body.comment)
    return RatingOut(
        number=application.number,
        score=rating.score,
        comment=rating.comment,
        rated_at=rating.created_at,
        followup=followup.number if followup else None,
    )
