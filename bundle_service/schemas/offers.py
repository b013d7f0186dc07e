"""免申即享 offers told to an identified person, and their one-step confirmation."""

from datetime import datetime

from pydantic import BaseModel, ConfigDict, Field


class OfferOut(BaseModel):
    """A benefit shared data proves the person qualifies for."""

    item: str
    name: str
    reason: str
    needs: list[str] = Field(
        description="What the confirmation asks to add (the subsidy's bank_account, optional: else a material)."
    )
    offered_at: datetime


class OffersOut(BaseModel):
    """The open offers of the caller (empty, with ``note``, for anyone not identified)."""

    identified: bool
    note: str | None
    offers: list[OfferOut]


class OfferConfirmIn(BaseModel):
    """Confirm open offers in one step: all of them, or ``items``; a bank account when the subsidy is among them."""

    model_config = ConfigDict(extra="forbid")

    items: list[str] | None = Field(default=None, max_length=8)
    bank_account: str | None = Field(default=None, max_length=40)
