"""Notifications: the user's settings, the subscribe answers of the mini program, and what staff see sent."""

from datetime import datetime
from typing import Literal

from pydantic import BaseModel, Field


class SubscriptionOut(BaseModel):
    """One subscribe-message template: what the mini program asks for, and what the user has left of it."""

    key: str
    template_id: str
    title: str
    remaining: int
    refused: bool


class NotificationSettingsOut(BaseModel):
    """The logged-in user's notification settings (``enabled`` false: nothing is sent to them)."""

    enabled: bool
    subscriptions: list[SubscriptionOut]
    quiet_hours: str


class NotificationSettingsIn(BaseModel):
    """Turn notifications on or off."""

    enabled: bool


class SubscribeAnswersIn(BaseModel):
    """What ``wx.requestSubscribeMessage`` answered: template id → accept, reject, ban or filter."""

    answers: dict[str, Literal["accept", "reject", "ban", "filter"]] = Field(min_length=1, max_length=10)


class NotificationOut(BaseModel):
    """One notification as staff see it next to the application (recipient masked)."""

    id: int
    event: str
    channel: str
    channel_label: str
    recipient: str
    text: str
    status: str
    status_label: str
    attempts: int
    last_error: str | None
    urgent: bool
    created_at: datetime
    next_attempt_at: datetime | None
    sent_at: datetime | None
    history: list[dict[str, str]]


class NotificationsOut(BaseModel):
    """The notifications of one application, newest first, and whether its applicant gets them."""

    application_number: str
    notifications: list[NotificationOut]
    enabled: bool = Field(description="Whether the applicant (WeChat account, else the phone) gets notifications.")
    enabled_by: str | None = Field(description="Who switched them last (user, bot, sms_reply, staff:<id>), or None.")


class StaffSwitchIn(BaseModel):
    """Hotline staff turn a verified caller's notifications on or off."""

    enabled: bool


class SmsReplyIn(BaseModel):
    """A user's reply to one of our text messages, delivered by the SMS gateway (上行短信)."""

    phone: str = Field(max_length=20, description="The sender's number (11 digits; +86 and separators allowed).")
    text: str = Field(max_length=500, description="What they replied (TD, 退订, 订阅 …).")


class SmsReplyOut(BaseModel):
    """What the reply did: ``off``, ``on`` or ``ignored``, and whether the phone gets notifications now."""

    action: Literal["off", "on", "ignored"]
    enabled: bool
