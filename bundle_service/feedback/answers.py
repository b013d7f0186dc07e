"""👍/👎 on the assistant's answers, stored with the question, the answer and its source."""

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from bundle_service.core.clock import Clock
from bundle_service.crud.audit import record
from bundle_service.models.feedback import AnswerFeedback


@dataclass(frozen=True)
class Vote:
    """One vote on one answer.

    Attributes:
        conversation_id: The conversation the answer was given in.
        channel: Where the user voted.
        message_id: The client's id of the answer (a second vote with the same id replaces the first).
        helpful: 👍 (true) or 👎 (false).
        reason: Optional "没帮到我，因为…".
        question: The user's message that was answered.
        answer: The answer's text.
        source_kind: Kind of the answer's source (``faq``, ``document``…).
        source_id: Id of the source (the FAQ id).
        source_title: Title of the source.
    """

    conversation_id: str
    channel: str
    message_id: str | None
    helpful: bool
    reason: str | None
    question: str
    answer: str
    source_kind: str | None
    source_id: str | None
    source_title: str | None


@dataclass
class AnswerVotes:
    """Storing votes."""

    sessions: sessionmaker[Session]
    clock: Clock

    def store(self, vote: Vote, actor: str) -> tuple[AnswerFeedback, bool]:
        """Store a vote; the same conversation and message id replace the earlier vote.

        Returns:
            The stored row and whether it is new.
        """
        now = self.clock.now()
        with self.sessions.begin() as session:
            row = None
            if vote.message_id:
                query = select(AnswerFeedback).where(
                    AnswerFeedback.conversation_id == vote.conversation_id,
                    AnswerFeedback.message_id == vote.message_id,
                )
                row = session.scalars(query).first()
            created = row is None
            if row is None:
                row = AnswerFeedback(conversation_id=vote.conversation_id, message_id=vote.message_id, created_at=now)
                session.add(row)
            row.channel, row.helpful, row.reason = vote.channel, vote.helpful, vote.reason
            row.question, row.answer = vote.question, vote.answer
            row.source_kind, row.source_id, row.source_title = vote.source_kind, vote.source_id, vote.source_title
            row.updated_at = now
            session.flush()
            details = {"feedback": row.id, "helpful": vote.helpful, "source": vote.source_id, "replaced": not created}
            record(session, at=now, actor=actor, action="answer.feedback", details=details)
            session.expunge(row)
        return row, created
