"""A user's reply to one of our text messages: "TD"/"退订" turns that phone's notifications off, "订阅" back on.

SMS rules require every marketing-or-notice message to say how to unsubscribe (the templates file's
``sms_suffix``, "回复TD退订") and the sender to honour the reply. The gateway delivers replies to
``POST /api/v1/sms/replies``; this module decides what a reply means and records it. Anything else a user texts
back is not an instruction (the hotline number is in the messages for questions) and changes nothing.
"""

import re
import unicodedata
from dataclasses import dataclass
from datetime import datetime
from typing import Literal

from sqlalchemy.orm import Session

from bundle_service.crud.audit import record
from bundle_service.notifications.preferences import enabled, set_enabled

# The usual unsubscribe words of Chinese SMS providers and carriers (TD = 退订), and how to subscribe again.
OFF_WORDS = frozenset({"TD", "T", "N", "退订", "退定", "取消", "取消订阅", "退订通知", "不要再发"})
ON_WORDS = frozenset({"DY", "订阅", "恢复", "恢复通知", "重新订阅", "开启通知"})
MAINLAND_MOBILE = re.compile(r"1[3-9]\d{9}")
BY = "sms_reply"  # ``notification_preferences.updated_by`` of a change made by a reply

Action = Literal["off", "on", "ignored"]


@dataclass(frozen=True)
class ReplyOutcome:
    """What a reply did.

    Attributes:
        action: ``off``, ``on``, or ``ignored`` (not an unsubscribe word, or not a mainland mobile number).
        enabled: Whether the phone gets notifications now.
        phone: The phone as stored (11 digits), or None when the number was not one.
    """

    action: Action
    enabled: bool
    phone: str | None


def normalise_phone(phone: str) -> str | None:
    """The 11-digit mainland mobile number of ``phone`` (``+86 139-1234-5678`` → ``13912345678``), or None."""
    digits = re.sub(r"\D", "", phone)
    if digits.startswith("86") and len(digits) == 13:
        digits = digits[2:]
    return digits if MAINLAND_MOBILE.fullmatch(digits) else None


def meaning(text: str) -> Action:
    """``off``, ``on`` or ``ignored`` for the words of a reply (full-width letters, case and punctuation aside)."""
    word = re.sub(r"[\s\W_]+", "", unicodedata.normalize("NFKC", text)).upper()
    if word in OFF_WORDS:
        return "off"
    if word in ON_WORDS:
        return "on"
    return "ignored"


def handle_reply(session: Session, phone: str, text: str, now: datetime) -> ReplyOutcome:
    """Apply a reply from ``phone`` in the caller's transaction and audit a change (``notifications.sms_reply``).

    Idempotent: "TD" twice leaves the phone off, and the second is not audited again.
    """
    number = normalise_phone(phone)
    action = meaning(text)
    if number is None:
        return ReplyOutcome("ignored", True, None)
    before = enabled(session, number)
    if action == "ignored" or (action == "off") != before:
        return ReplyOutcome(action, before, number)
    set_enabled(session, number, action == "on", BY, now)
    record(
        session,
        at=now,
        actor="sms_gateway",
        action="notifications.sms_reply",
        application_id=None,
        details={"phone": number, "enabled": action == "on", "reply": text[:20]},
    )
    return ReplyOutcome(action, action == "on", number)
