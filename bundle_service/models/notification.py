"""Notifications to users (issue 15): the outbox, each user's opt-out, and the WeChat subscribe-message grants."""

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, Boolean, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from bundle_service.models.base import Base, UTCDateTime

QUEUED = "queued"  # waiting for the worker (also after a failed attempt that will be retried)
DEFERRED = "deferred"  # held back by quiet hours or the per-user rate limit until ``next_attempt_at``
SENDING = "sending"  # claimed by a worker until ``lease_until``
SENT = "sent"
FAILED = "failed"  # given up: a permanent error or too many attempts
SKIPPED = "skipped"  # never sent: the user opted out or granted no subscribe message
OPEN_STATUSES = (QUEUED, DEFERRED, SENDING)


class Notification(Base):
    """One message about one event to one user on one channel, written with the change it reports.

    ``(event_key, channel)`` is unique: enqueuing the same event twice stores it once.
    """

    __tablename__ = "notifications"
    __table_args__ = (UniqueConstraint("event_key", "channel", name="uq_notifications_event_channel"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    event_key: Mapped[str] = mapped_column(String(120))
    channel: Mapped[str] = mapped_column(String(20))
    template: Mapped[str] = mapped_column(String(40))
    application_id: Mapped[int | None] = mapped_column(ForeignKey("applications.id"), index=True)
    recipient: Mapped[str] = mapped_column(String(64), index=True)  # openid (wechat, inbox) or phone (sms)
    text: Mapped[str] = mapped_column(Text)  # the rendered message, personal data masked
    fields: Mapped[dict[str, Any]] = mapped_column(JSON)  # the template's fields, masked
    urgent: Mapped[bool] = mapped_column(Boolean, default=False)
    status: Mapped[str] = mapped_column(String(10), index=True)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    next_attempt_at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)
    lease_until: Mapped[datetime | None] = mapped_column(UTCDateTime)
    lease_token: Mapped[str | None] = mapped_column(String(40))
    last_error: Mapped[str | None] = mapped_column(String(200))
    provider_id: Mapped[str | None] = mapped_column(String(80))
    history: Mapped[list[dict[str, Any]]] = mapped_column(JSON, default=list)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)
    sent_at: Mapped[datetime | None] = mapped_column(UTCDateTime, index=True)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)


class NotificationPreference(Base):
    """A user's choice about notifications (no row: notifications on)."""

    __tablename__ = "notification_preferences"

    recipient: Mapped[str] = mapped_column(String(64), primary_key=True)
    enabled: Mapped[bool] = mapped_column(Boolean)
    updated_by: Mapped[str] = mapped_column(String(80))
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)


class SubscribeGrant(Base):
    """How many one-time subscribe messages of a template a WeChat user has accepted and not yet received.

    Each ``accept`` in ``wx.requestSubscribeMessage`` allows one message (WeChat's one-time subscription).
    """

    __tablename__ = "subscribe_grants"
    __table_args__ = (UniqueConstraint("openid", "template_id", name="uq_subscribe_grants_openid_template"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    openid: Mapped[str] = mapped_column(String(64), index=True)
    template_id: Mapped[str] = mapped_column(String(64))
    remaining: Mapped[int] = mapped_column(Integer)
    refused: Mapped[bool] = mapped_column(Boolean, default=False)  # the user's last answer was reject / ban
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)
