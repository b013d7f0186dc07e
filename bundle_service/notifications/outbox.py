"""The outbox: the one way any domain event becomes notifications (:func:`enqueue`), in the caller's transaction.

A change and the notifications it causes commit together or not at all: call :func:`enqueue` with the session
that makes the change, before it commits. Each event is stored once per channel (``event_key`` + channel is
unique; a second :func:`enqueue` of the same event does nothing), so a retried request or a periodic check that
sees the same state again never tells the user twice. The worker (:mod:`bundle_service.notifications.worker`)
sends the rows later, outside the transaction.
"""

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import Insert
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from bundle_service.models.application import Application
from bundle_service.models.notification import QUEUED, Notification
from bundle_service.notifications.templates import load_templates, masked_values, render_text, render_wechat

WECHAT = "wechat"  # subscribe message (订阅消息) to the user's openid
INBOX = "inbox"  # a line in the user's own chat (H5 page, mini program), read by polling
SMS = "sms"  # text message to the application's phone
CHANNELS = (WECHAT, INBOX, SMS)


@dataclass(frozen=True)
class Recipient:
    """Who is told: a WeChat user (openid), else a phone number.

    Attributes:
        openid: The verified WeChat openid (mini program or H5 login), or None.
        phone: A mobile number for SMS, used only when there is no openid.
    """

    openid: str | None = None
    phone: str | None = None

    @property
    def channels(self) -> tuple[str, ...]:
        """The channels this recipient is reached on: the one they used."""
        if self.openid:
            return (WECHAT, INBOX)
        if self.phone:
            return (SMS,)
        return ()

    @property
    def key(self) -> str | None:
        """Whose notification switch applies: the openid, else the phone (``notification_preferences.recipient``)."""
        return self.openid or self.phone or None

    def address(self, channel: str) -> str:
        """The openid or the phone a channel sends to."""
        address = self.phone if channel == SMS else self.openid
        if not address:
            raise ValueError(f"no address for channel {channel}")
        return address


def recipient_of(application: Application) -> Recipient:
    """The applicant of ``application``: its owner's openid when filed by a logged-in user, else its phone."""
    return Recipient(openid=application.owner_openid, phone=application.phone)


@dataclass(frozen=True)
class Notice:
    """A domain event to tell a user about.

    Attributes:
        event_key: Unique name of the event (``task:12:change:3``, ``offer:subsidy:430…``): the same key is
            stored once per channel, whoever enqueues it and however often. At most 120 characters.
        kind: The event's template in ``data/notification_templates.yml`` (``material_requested``).
        recipient: Who is told.
        values: The template's values (``number``, ``department``, ``reason`` …); masked before rendering.
        application_id: The application it concerns (staff see the notification next to it), or None.
    """

    event_key: str
    kind: str
    recipient: Recipient
    values: Mapping[str, object] = field(default_factory=dict)
    application_id: int | None = None


def enqueue(session: Session, notice: Notice, now: datetime) -> int:
    """Store ``notice`` for each of its recipient's channels in the caller's transaction.

    Args:
        session: The session making the change the notice reports (not committed here).
        notice: The event.
        now: When (the row is due at once; the worker applies quiet hours and rate limits).

    Returns:
        How many rows were new (0 when the event was enqueued before, or the recipient has no channel).

    Raises:
        KeyError: ``notice.kind`` is not in the templates file.
    """
    templates = load_templates()
    template = templates.event(notice.kind)
    values = masked_values(notice.values)
    text = render_text(template, values)
    created = 0
    for channel in notice.recipient.channels:
        fields: dict[str, Any] = {}
        if channel == WECHAT:
            if template.wechat is None:
                continue
            fields = {"template": template.wechat.key, "data": render_wechat(template, values)}
        row = {
            "event_key": notice.event_key[:120],
            "channel": channel,
            "template": notice.kind,
            "application_id": notice.application_id,
            "recipient": notice.recipient.address(channel),
            "text": text + templates.sms_suffix if channel == SMS else text,  # SMS rules: how to unsubscribe
            "fields": fields,
            "urgent": template.urgent,
            "status": QUEUED,
            "attempts": 0,
            "next_attempt_at": now,
            "history": [{"at": now.isoformat(), "status": QUEUED}],
            "created_at": now,
            "updated_at": now,
        }
        created += len(session.execute(_insert_once(session, row)).all())
    return created


def _insert_once(session: Session, row: dict[str, Any]) -> Insert:
    """``INSERT … ON CONFLICT (event_key, channel) DO NOTHING RETURNING id`` in the session's dialect."""
    dialect = session.get_bind().dialect.name
    insert = postgresql.insert if dialect == "postgresql" else sqlite.insert
    statement = insert(Notification).values(**row).on_conflict_do_nothing(index_elements=["event_key", "channel"])
    return statement.returning(Notification.id)
