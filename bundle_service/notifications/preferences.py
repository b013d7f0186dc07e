"""What a user chose: notifications on or off, and the subscribe messages they accepted in the mini program."""

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from bundle_service.core.errors import FieldError, InvalidInput
from bundle_service.models import NotificationPreference, SubscribeGrant
from bundle_service.notifications.templates import load_templates

# wx.requestSubscribeMessage answers per template: accept, reject, ban (the user banned this mini program's
# messages) or filter (WeChat hid the template). Only accept allows a message.
ANSWERS = ("accept", "reject", "ban", "filter")
MAX_REMAINING = 50  # WeChat keeps no more either; a buggy client cannot grow it without bound


@dataclass(frozen=True)
class Subscription:
    """One subscribe-message template as the user's settings page shows it."""

    key: str
    template_id: str
    title: str
    remaining: int
    refused: bool


def enabled(session: Session, recipient: str) -> bool:
    """Whether notifications to ``recipient`` (openid or phone) are on (the default)."""
    preference = session.get(NotificationPreference, recipient)
    return preference is None or preference.enabled


def switched_by(session: Session, recipient: str) -> str | None:
    """Who last turned ``recipient``'s notifications on or off (``user``, ``bot``, ``sms_reply``, ``staff:<id>``)."""
    preference = session.get(NotificationPreference, recipient)
    return preference.updated_by if preference is not None else None


def set_enabled(session: Session, recipient: str, on: bool, by: str, now: datetime) -> None:
    """Turn notifications to ``recipient`` on or off (``by``: who asked, e.g. ``user``, ``bot``)."""
    preference = session.get(NotificationPreference, recipient)
    if preference is None:
        session.add(NotificationPreference(recipient=recipient, enabled=on, updated_by=by, updated_at=now))
    else:
        preference.enabled, preference.updated_by, preference.updated_at = on, by, now


def subscriptions(session: Session, openid: str) -> list[Subscription]:
    """Every template of the templates file with what the user has left of it."""
    grants = {g.template_id: g for g in session.scalars(select(SubscribeGrant).where(SubscribeGrant.openid == openid))}
    found = []
    for template in load_templates().wechat.values():
        grant = grants.get(template.template_id)
        remaining, refused = (grant.remaining, grant.refused) if grant else (0, False)
        found.append(Subscription(template.key, template.template_id, template.title, remaining, refused))
    return found


def record_answers(session: Session, openid: str, answers: Mapping[str, str], now: datetime) -> list[Subscription]:
    """Record the user's answers to ``wx.requestSubscribeMessage``: each accept allows one more message.

    Args:
        session: Open session.
        openid: The logged-in user.
        answers: Template id → ``accept``, ``reject``, ``ban`` or ``filter``.
        now: When.

    Raises:
        InvalidInput: a template this service does not send, or an answer WeChat does not give.
    """
    known = {t.template_id for t in load_templates().wechat.values()}
    errors = [
        FieldError(f"answers.{template_id}", "unknown_template", f"没有这个订阅消息模板：{template_id[:64]}。")
        for template_id in answers
        if template_id not in known
    ] + [
        FieldError(f"answers.{template_id}", "unknown_answer", f"订阅结果只能是 {'、'.join(ANSWERS)}。")
        for template_id, answer in answers.items()
        if template_id in known and answer not in ANSWERS
    ]
    if errors:
        raise InvalidInput(errors, errors[0].message)
    for template_id, answer in answers.items():
        query = select(SubscribeGrant).where(SubscribeGrant.openid == openid, SubscribeGrant.template_id == template_id)
        grant = session.scalars(query.with_for_update()).first()
        if grant is None:
            grant = SubscribeGrant(openid=openid, template_id=template_id, remaining=0, refused=False, updated_at=now)
            session.add(grant)
        if answer == "accept":
            grant.remaining, grant.refused = min((grant.remaining or 0) + 1, MAX_REMAINING), False
        else:
            grant.refused = answer in ("reject", "ban")
        grant.updated_at = now
    session.flush()
    return subscriptions(session, openid)
