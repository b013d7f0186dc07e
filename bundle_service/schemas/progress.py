"""Verification for progress and rating."""

from datetime import datetime

from pydantic import BaseModel, Field


class VerificationIn(BaseModel):
    """Proof of ownership: the last 6 characters of the applicant's ID number."""

    id_last6: str | None = None


class RatingIn(VerificationIn):
    """A satisfaction rating (好差评) of a finished application."""

    score: int = Field(ge=1, le=5)
    comment: str | None = Field(default=None, max_length=500)


class RatingOut(BaseModel):
    """The stored rating."""

    number: str
    score: int
    comment: str | None
    rated_at: datetime
    followup: str | None = None  # the 整改回访 诉求 a 1–2 star rating opened
