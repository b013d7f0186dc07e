"""Eligibility matching (免申即享) and one-click confirmation."""

from datetime import date

from pydantic import BaseModel, ConfigDict, Field


class ProfileIn(BaseModel):
    """What the person says about themselves; their shared records override it once they are identified."""

    model_config = ConfigDict(extra="forbid")

    person_category: str | None = None
    other_category: str | None = None
    graduation_year: int | str | None = None
    business_started_on: date | str | None = None
    business_age_months: int | None = Field(default=None, ge=0, le=1200)
    first_time_founder: bool | str | None = None
    has_licence: bool | None = None
    business_type: str | None = None
    holds_employment_cert: bool | None = None
    other_business_loans: bool | None = Field(
        default=None, description="Still repaying a business loan other than housing, car or student loans."
    )
    id_number: str | None = None
    items: list[str] | None = None


class AssessmentOut(BaseModel):
    """Whether the person qualifies for one item or benefit, and why."""

    code: str
    name: str
    qualifies: bool
    reason: str
    missing: list[str]
    one_click: bool = False


class EligibilityOut(BaseModel):
    """Every item and benefit assessed; ``one_click_items`` can be confirmed without an application.

    Attributes:
        identified: The caller is identified as the person of ``id_number``; only then are records consulted.
        found_in_shared_records: The identified person's shared records were found and used (false otherwise).
    """

    identified: bool
    found_in_shared_records: bool
    items: list[AssessmentOut]
    benefits: list[AssessmentOut]
    one_click_items: list[str]


class OneClickIn(BaseModel):
    """Confirm 免申即享 offers: the identified person's ID, the phone on file, and which offered items to file."""

    model_config = ConfigDict(extra="forbid")

    id_number: str
    phone: str
    items: list[str] | None = None
    bank_account: str | None = None
