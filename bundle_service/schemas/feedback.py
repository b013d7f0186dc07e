"""Bodies of ratings (好差评) of conversations and handoffs, and of answer feedback (👍/👎)."""

from datetime import datetime
from typing import Literal

from pydantic import BaseModel, Field


class ServiceRatingIn(BaseModel):
    """A rating of a conversation with the assistant or of a staff handoff."""

    target: Literal["conversation", "handoff"]
    conversation_id: str | None = Field(None, max_length=200)
    channel: str | None = Field(None, max_length=40)
    handoff_id: int | None = None
    score: int = Field(ge=1, le=5)
    comment: str | None = Field(None, max_length=500)


class ServiceRatingOut(BaseModel):
    """The stored rating and, for 1–2 stars, the follow-up 诉求's number."""

    id: int
    target: str
    score: int
    comment: str | None
    rated_at: datetime
    followup: str | None
    message: str


class LatestHandoffOut(BaseModel):
    """The conversation's latest handoff staff took, and whether it was rated."""

    handoff_id: int
    rated: bool


class SourceIn(BaseModel):
    """Where an answer came from (as the answer's ``custom.sources`` name it)."""

    kind: str | None = Field(None, max_length=40)
    id: str | None = Field(None, max_length=200)
    title: str | None = Field(None, max_length=300)


class AnswerFeedbackIn(BaseModel):
    """👍/👎 on one answer."""

    conversation_id: str | None = Field(None, max_length=200)
    channel: str | None = Field(None, max_length=40)
    message_id: str | None = Field(None, max_length=100)
    helpful: bool
    reason: str | None = Field(None, max_length=500)
    question: str = Field("", max_length=2000)
    answer: str = Field(min_length=1, max_length=4000)
    source: SourceIn | None = None


class AnswerFeedbackOut(BaseModel):
    """The stored vote."""

    id: int
    helpful: bool
    stored_at: datetime
