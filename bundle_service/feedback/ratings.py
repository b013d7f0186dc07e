"""好差评 of conversations and staff handoffs, and the follow-up 诉求 that a 1–2 star rating opens."""

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from bundle_service.core.errors import Conflict, NotFound
from bundle_service.crud import applications
from bundle_service.crud.audit import record
from bundle_service.hotline.appeals.intake import AppealIntake
from bundle_service.hotline.appeals.records import AppealContext
from bundle_service.models import Application
from bundle_service.models.appeal import Appeal
from bundle_service.models.handoff import RETURNED, TAKEN, Handoff
from bundle_service.models.rating import APPLICATION, CONVERSATION, HANDOFF, Rating
from bundle_service.progress.states import OverallState
from contract.conversations import MINIPROGRAM_CHANNEL, wechat_sender

if TYPE_CHECKING:
    from bundle_service.api.deps import Services

BAD_SCORE = 2  # 1 and 2 stars are 差评: they must lead to 整改 and a 回访
TARGET_LABELS = {APPLICATION: "申请办理", CONVERSATION: "智能助手的对话服务", HANDOFF: "人工客服服务"}
RATED_HANDOFF = (TAKEN, RETURNED)
PHONE_CHANNEL = "phone"  # a follow-up without a conversation: staff call the applicant
ALREADY_RATED = "该申请已经评价过了，每份申请只能评价一次。"


@dataclass(frozen=True)
class RatingRequest:
    """A rating of a conversation or a handoff.

    Attributes:
        target: ``conversation`` or ``handoff``.
        conversation_id: The rated conversation (the caller's own).
        channel: The channel the user rates from.
        handoff_id: The rated handoff (target ``handoff``).
        score: 1–5.
        comment: Optional words.
        owner_openid: The logged-in WeChat user, if any (the follow-up's owner).
    """

    target: str
    conversation_id: str
    channel: str
    handoff_id: int | None
    score: int
    comment: str | None
    owner_openid: str | None


def is_bad(score: int) -> bool:
    """Whether a score is a 差评 that opens a follow-up."""
    return score <= BAD_SCORE


@dataclass
class Ratings:
    """Storing ratings and opening follow-ups.

    Args:
        intake: The 诉求 intake (opens follow-ups).
    """

    intake: AppealIntake

    def rate(self, request: RatingRequest, actor: str) -> tuple[Rating, Appeal | None]:
        """Store the rating; a 1–2 star one opens a follow-up 诉求 linked to it.

        Raises:
            NotFound: 404 ``handoff_not_found`` for a handoff not of that conversation or never taken.
            Conflict: 409 ``already_rated`` (a handoff once, a conversation once a day).
        """
        context = self.intake.context
        now = context.clock.now()
        with context.sessions.begin() as session:
            if request.target == HANDOFF:
                self._check_handoff(session, request)
            else:
                self._check_conversation(session, request, now)
            rating = Rating(
                target=request.target,
                application_id=None,
                conversation_id=request.conversation_id,
                handoff_id=request.handoff_id if request.target == HANDOFF else None,
                channel=request.channel,
                score=request.score,
                comment=request.comment,
                rated_by="owner",
                created_at=now,
            )
            session.add(rating)
            session.flush()
            details = {
                "rating": rating.id,
                "target": request.target,
                "score": request.score,
                "comment": request.comment,
            }
            if request.handoff_id is not None:
                details["handoff"] = request.handoff_id
            record(session, at=now, actor=actor, action="rating.created", details=details)
            session.expunge(rating)
        followup = None
        if is_bad(request.score):
            followup = self.intake.open_followup(
                rating_id=rating.id,
                what=TARGET_LABELS[request.target],
                score=request.score,
                comment=request.comment,
                application_id=None,
                conversation_id=request.conversation_id,
                channel=request.channel,
                owner_openid=request.owner_openid,
            )
        return rating, followup

    @staticmethod
    def _check_handoff(session: Session, request: RatingRequest) -> None:
        handoff = session.get(Handoff, request.handoff_id) if request.handoff_id is not None else None
        if handoff is None or handoff.conversation_id != request.conversation_id or handoff.status not in RATED_HANDOFF:
            raise NotFound("没有找到这次人工服务。", code="handoff_not_found")
        query = select(Rating.id).where(Rating.target == HANDOFF, Rating.handoff_id == handoff.id)
        if session.scalar(query) is not None:
            raise Conflict("这次人工服务已经评价过了。", code="already_rated")

    def _check_conversation(self, session: Session, request: RatingRequest, now: datetime) -> None:
        clock = self.intake.context.clock
        local = clock.local(now)
        midnight = local.replace(hour=0, minute=0, second=0, microsecond=0)
        query = select(Rating.id).where(
            Rating.target == CONVERSATION,
            Rating.conversation_id == request.conversation_id,
            Rating.created_at >= midnight,
            Rating.created_at < midnight + timedelta(days=1),
        )
        if session.scalar(query) is not None:
            raise Conflict("今天已经评价过本次对话了，感谢您的反馈。", code="already_rated")

    def rate_application(
        self, application: Application, score: int, comment: str | None
    ) -> tuple[Rating, Appeal | None]:
        """Store the owner's rating of a finished application (once); a 1–2 star one opens a follow-up.

        Staff reach the owner in their mini-program chat when they filed logged in, and by the application's phone.

        Args:
            application: The application, already verified as the caller's.
            score: 1–5.
            comment: Optional words (blank counts as none).

        Returns:
            The stored rating (detached) and the follow-up 诉求, if one was opened.

        Raises:
            Conflict: 409 ``not_finished`` before every department is done, ``already_rated`` the second time.
        """
        if not OverallState(application.state).closed:
            raise Conflict("申请尚未办结，办结后才能评价。", code="not_finished")
        if application.rating is not None:
            raise Conflict(ALREADY_RATED, code="already_rated")
        now = self.intake.context.clock.now()
        comment = (comment or "").strip() or None
        try:
            with self.intake.context.sessions.begin() as session:
                stored = applications.by_number(session, application.number)
                assert stored is not None
                rating = applications.add_rating(session, stored, score, comment, "owner", now)
                session.flush()
                record(
                    session,
                    at=now,
                    actor="applicant",
                    action="rating.created",
                    application_id=stored.id,
                    details={"number": stored.number, "score": score, "comment": comment},
                )
                session.expunge(rating)
        except IntegrityError:
            raise Conflict(ALREADY_RATED, code="already_rated") from None
        if not is_bad(score):
            return rating, None
        openid = application.owner_openid
        followup = self.intake.open_followup(
            rating_id=rating.id,
            what=f"申请{application.number}的办理",
            score=score,
            comment=comment,
            application_id=application.id,
            conversation_id=wechat_sender(openid) if openid else None,
            channel=MINIPROGRAM_CHANNEL if openid else PHONE_CHANNEL,
            owner_openid=openid,
            contact_name=application.applicant_name,
            contact_phone=application.phone,
        )
        return rating, followup

    def latest_handoff(self, conversation_id: str) -> tuple[Handoff, bool] | None:
        """The conversation's latest handoff that staff took, and whether it has been rated."""
        with self.intake.context.sessions() as session:
            query = (
                select(Handoff)
                .where(Handoff.conversation_id == conversation_id, Handoff.status.in_(RATED_HANDOFF))
                .order_by(Handoff.id.desc())
                .limit(1)
            )
            handoff = session.scalars(query).first()
            if handoff is None:
                return None
            rated = session.scalar(select(Rating.id).where(Rating.target == HANDOFF, Rating.handoff_id == handoff.id))
            return handoff, rated is not None


def follow_ups(services: "Services") -> Ratings:
    """The ratings workflow of the service container (for the routes)."""
    context = AppealContext(services.settings, services.engine, services.sessions, services.clock)
    return Ratings(AppealIntake(context, services.verifier))
