"""Ratings (好差评) of conversations and handoffs, and 👍/👎 on answers. HTTP only: rules in ``feedback/``."""

from typing import Annotated

from fastapi import APIRouter, Query, Response

from bundle_service.api.callers import ChatCallerDep
from bundle_service.api.deps import ServicesDep
from bundle_service.core.errors import FieldError, InvalidInput, NotFound
from bundle_service.feedback.answers import AnswerVotes, Vote
from bundle_service.feedback.ratings import RatingRequest, Ratings, follow_ups
from bundle_service.schemas.common import ErrorOut
from bundle_service.schemas.feedback import (
    AnswerFeedbackIn,
    AnswerFeedbackOut,
    LatestHandoffOut,
    ServiceRatingIn,
    ServiceRatingOut,
)

router = APIRouter(tags=["feedback"])
ERRORS: dict[int | str, dict[str, object]] = {
    401: {"model": ErrorOut},
    403: {"model": ErrorOut},
    404: {"model": ErrorOut},
    409: {"model": ErrorOut},
}
THANKS = "感谢您的评价！"


def _ratings(services: ServicesDep) -> Ratings:
    return follow_ups(services)


def _conversation(caller_conversation: str | None) -> str:
    if not caller_conversation:
        raise InvalidInput([FieldError("conversation_id", "conversation_required", "缺少对话编号")])
    return caller_conversation


@router.post("/ratings", status_code=201, responses=ERRORS)
def rate(body: ServiceRatingIn, services: ServicesDep, caller: ChatCallerDep) -> ServiceRatingOut:
    """Rate a conversation or a handoff 1–5; 1–2 stars open a follow-up 诉求 (整改 + 回访).

    Raises:
        InvalidInput: 422 without a conversation, or a handoff rating without ``handoff_id``.
        NotFound: 404 ``handoff_not_found``.
        Conflict: 409 ``already_rated``.
    """
    conversation = _conversation(caller.conversation(body.conversation_id))
    if body.target == "handoff" and body.handoff_id is None:
        raise InvalidInput([FieldError("handoff_id", "handoff_required", "评价人工服务需要会话编号（handoff_id）")])
    request = RatingRequest(
        target=body.target,
        conversation_id=conversation,
        channel=caller.channel(body.channel, conversation),
        handoff_id=body.handoff_id,
        score=body.score,
        comment=(body.comment or "").strip() or None,
        owner_openid=caller.openid,
    )
    rating, followup = _ratings(services).rate(request, caller.actor)
    message = THANKS
    if followup is not None:
        due = followup.due_date
        message = (
            f"{THANKS}很抱歉没有让您满意，我们已登记整改回访（编号{followup.number}），"
            f"工作人员会在{due.month}月{due.day}日前联系您。"
        )
    return ServiceRatingOut(
        id=rating.id,
        target=rating.target,
        score=rating.score,
        comment=rating.comment,
        rated_at=rating.created_at,
        followup=followup.number if followup else None,
        message=message,
    )


@router.get("/ratings/latest-handoff", responses=ERRORS)
def latest_handoff(
    services: ServicesDep, caller: ChatCallerDep, conversation_id: Annotated[str | None, Query(max_length=200)] = None
) -> LatestHandoffOut:
    """Which handoff of the conversation to rate after staff handed it back (404 ``handoff_not_found``)."""
    conversation = _conversation(caller.conversation(conversation_id))
    found = _ratings(services).latest_handoff(conversation)
    if found is None:
        raise NotFound("该对话没有人工服务记录。", code="handoff_not_found")
    handoff, rated = found
    return LatestHandoffOut(handoff_id=handoff.id, rated=rated)


@router.post("/feedback/answers", status_code=201, responses=ERRORS)
def answer_feedback(
    body: AnswerFeedbackIn, response: Response, services: ServicesDep, caller: ChatCallerDep
) -> AnswerFeedbackOut:
    """Store 👍/👎 on an answer with the question, the answer and its source (200 when it replaces a vote)."""
    conversation = _conversation(caller.conversation(body.conversation_id))
    source = body.source
    vote = Vote(
        conversation_id=conversation,
        channel=caller.channel(body.channel, conversation),
        message_id=body.message_id,
        helpful=body.helpful,
        reason=(body.reason or "").strip() or None,
        question=body.question.strip(),
        answer=body.answer.strip(),
        source_kind=source.kind if source else None,
        source_id=source.id if source else None,
        source_title=source.title if source else None,
    )
    row, created = AnswerVotes(services.sessions, services.clock).store(vote, caller.actor)
    if not created:
        response.status_code = 200
    return AnswerFeedbackOut(id=row.id, helpful=row.helpful, stored_at=row.updated_at)
