"""Bodies of the handoff queue, staff replies and the hotline console."""

from datetime import datetime
from typing import Any

from pydantic import BaseModel, Field


class HandoffIn(BaseModel):
    """A conversation the bot passes to a person (sent by the action server)."""

    conversation_id: str = Field(min_length=1, max_length=200)
    channel: str | None = Field(None, max_length=40)
    reason: str = Field("request_human", max_length=200)


class TurnOut(BaseModel):
    """One message of the history: ``user``, ``bot`` or ``staff``."""

    role: str
    text: str
    at: float


class ServiceHoursOut(BaseModel):
    """Whether staff answer now and otherwise from when (``data/service_hours.yml``)."""

    open_now: bool
    now: datetime
    next_open_at: datetime | None
    hours: str
    message: str


class HandoffOut(BaseModel):
    """A handoff and, when asked for one, the conversation's history from Rasa.

    ``reason_kind``/``reason_label`` say why it waits, ``waited_seconds`` how long (until taken), ``last_message``
    the conversation's latest user message (masked); a new request's answer carries ``service_hours``.
    """

    id: int
    conversation_id: str
    channel: str
    reason: str
    status: str
    taken_by: str | None
    created_at: datetime
    taken_at: datetime | None
    returned_at: datetime | None
    history: list[TurnOut] | None = None
    paused: bool | None = None
    history_error: str | None = None
    reason_kind: str | None = None
    reason_label: str | None = None
    waited_seconds: int | None = None
    last_message: TurnOut | None = None
    service_hours: ServiceHoursOut | None = None


class ReplyIn(BaseModel):
    """A staff reply."""

    text: str = Field(min_length=1, max_length=2000)


class MessageOut(BaseModel):
    """A staff reply as clients poll it; ``id`` is the cursor for ``after``."""

    id: int
    conversation_id: str
    text: str
    sender: str = "staff"
    staff_id: str
    delivery: str
    created_at: datetime


class CallOut(BaseModel):
    """A new hotline call."""

    call_id: str
    conversation_id: str


class CallMessageIn(BaseModel):
    """What the caller said, typed by the staff member."""

    text: str = Field(min_length=1, max_length=2000)


class CallMessageOut(BaseModel):
    """The bot's messages of that turn as Rasa's REST channel sent them (``text``, ``buttons``, ``custom`` …)."""

    conversation_id: str
    messages: list[dict[str, Any]]


class LookupIn(BaseModel):
    """Caller verification: application number and the last 6 characters of the ID number.

    ``call_id``: the call the caller is on; a verified caller then counts as identified in that call's conversation
    (its form may use their shared records).
    """

    number: str = Field(min_length=1, max_length=64)
    id_last6: str = Field(min_length=6, max_length=6)
    call_id: str | None = Field(None, pattern=r"^[0-9A-Za-z_-]{1,64}$")
