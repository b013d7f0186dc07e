"""Bodies of the 诉求 API (contract: ``docs/closed_loop_api.md``)."""

from datetime import date, datetime

from pydantic import BaseModel, Field


class CategoryOut(BaseModel):
    """A category users may choose."""

    code: str
    label: str
    time_limit_days: int
    description: str


class CategoriesOut(BaseModel):
    """The categories in the order of the data file."""

    categories: list[CategoryOut]


class ClassifyIn(BaseModel):
    """The text to propose a category for."""

    text: str = Field(min_length=1, max_length=2000)


class CategoryRef(BaseModel):
    """A category by code and label."""

    code: str
    label: str


class ClassifyOut(BaseModel):
    """The proposed category, the words that decided it and the other candidates."""

    category: str
    label: str
    matched: list[str]
    alternatives: list[CategoryRef]


class AppealIn(BaseModel):
    """A 诉求 as the bot (or a logged-in page) files it."""

    kind: str = Field("complaint", max_length=20)
    description: str = Field(min_length=2, max_length=2000)
    place_time: str | None = Field(None, max_length=200)
    category: str | None = Field(None, max_length=40)
    application_number: str | None = Field(None, max_length=32)
    id_last6: str | None = Field(None, max_length=6)
    contact_name: str | None = Field(None, max_length=40)
    contact_phone: str | None = Field(None, max_length=20)
    conversation_id: str | None = Field(None, max_length=200)
    channel: str | None = Field(None, max_length=40)


class OwnerStatusIn(BaseModel):
    """The owner's proof: the last 4 digits of the contact phone (not needed by the logged-in filer)."""

    phone_last4: str | None = Field(None, max_length=4)


class AppealMessageOut(BaseModel):
    """A staff message of a 诉求 as the user received it."""

    text: str
    at: datetime


class AppealOut(BaseModel):
    """A 诉求 as its owner sees it (contact masked)."""

    number: str
    kind: str
    kind_label: str
    category: str
    category_label: str
    status: str
    status_label: str
    time_limit_days: int
    due_date: date
    light: str | None
    created_at: datetime
    closed_at: datetime | None
    result: str | None
    application_number: str | None
    contact: str | None
    replies: list[AppealMessageOut]
    message: str | None = None


class OwnerAppealsOut(BaseModel):
    """A logged-in user's own 诉求, newest first."""

    appeals: list[AppealOut]


class RatedRef(BaseModel):
    """What a follow-up 诉求 comes from: the rating and what it rated."""

    kind: str
    ref: str | None
    score: int


class AuditLine(BaseModel):
    """One audited step of a 诉求."""

    action: str
    actor: str
    at: datetime


class StaffAppealOut(AppealOut):
    """A 诉求 as staff see it: everything they handle with, personal data masked."""

    id: int
    conversation_id: str | None
    channel: str
    assigned_to: str | None
    taken_at: datetime | None
    closed_by: str | None
    description: str
    place_time: str | None
    contact_name: str | None
    source: RatedRef | None
    working_days_left: int | None
    events: list[AuditLine] | None = None


class AppealQueueOut(BaseModel):
    """The console's 诉求 queue with the counts of the whole queue."""

    appeals: list[StaffAppealOut]
    counts: dict[str, int]


class AppealReplyIn(BaseModel):
    """A staff message to the user."""

    text: str = Field(min_length=1, max_length=2000)


class AppealReplyOut(BaseModel):
    """The stored message and how it was delivered."""

    id: int
    text: str
    at: datetime
    delivery: str


class CloseIn(BaseModel):
    """The result the user is told."""

    result: str = Field(min_length=2, max_length=2000)


class RecategorizeIn(BaseModel):
    """The new category."""

    category: str = Field(min_length=1, max_length=40)


class ContactOut(BaseModel):
    """The full contact, for the holder to call back."""

    contact_name: str | None
    contact_phone: str | None
