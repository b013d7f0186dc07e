"""Conversation ids: which channel may create which namespace, and who a conversation's messages speak for.

A conversation id (Rasa's sender id) belongs to the channel that authenticated it:

- ``wechat:<openid>``: a WeChat user. Created only by the WeChat customer-service channel (after its signature
  check) and the mini-program channel (after verifying the service's login token); both name the same user, so
  the two chats are one conversation.
- ``hotline:<call id>``: a hotline call. Created only by the hotline channel, which only the service's console
  relay can call (a request signed with the secret they share, :mod:`contract.staff_claim`).
- ``web:<sender>``: an anonymous visitor of the public REST channel. Whatever sender a caller writes there is put
  under this prefix, so it can never land in the other namespaces.

The actions decide identity from the namespace AND the channel of the latest message together
(:func:`identify`): a ``wechat:`` id speaks for its user only on the ``wechat`` and ``miniprogram`` channels, a
``hotline:`` id for its staff member only on the ``hotline`` channel. Standard library only.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

WECHAT_PREFIX = "wechat:"
HOTLINE_PREFIX = "hotline:"
WEB_PREFIX = "web:"

WECHAT_CHANNEL = "wechat"  # customer-service messages pushed by WeChat
MINIPROGRAM_CHANNEL = "miniprogram"  # the mini program's own chat and the H5 page (login token)
HOTLINE_CHANNEL = "hotline"  # the console relay
REST_CHANNEL = "rest"  # the public, anonymous REST channel

# The channels allowed to speak for each namespace.
CHANNELS_OF = {
    WECHAT_PREFIX: frozenset({WECHAT_CHANNEL, MINIPROGRAM_CHANNEL}),
    HOTLINE_PREFIX: frozenset({HOTLINE_CHANNEL}),
    WEB_PREFIX: frozenset({REST_CHANNEL}),
}

MAX_OPENID_LENGTH = 64
MAX_WEB_SENDER_LENGTH = 128
CALL_ID_PATTERN = r"[0-9A-Za-z_-]{1,64}"  # what the console's new call produces: ``20260101093000-a1b2c3``
_CALL_ID = re.compile(CALL_ID_PATTERN)


@dataclass(frozen=True)
class Identity:
    """Who the latest message of a conversation speaks for.

    Attributes:
        kind: ``wechat`` (a verified WeChat user), ``hotline`` (a call relayed by the console) or ``anonymous``.
        subject: The openid (``wechat``) or the call id (``hotline``); ``None`` when anonymous.
    """

    kind: str
    subject: str | None = None

    @property
    def openid(self) -> str | None:
        """The verified WeChat openid, or ``None``."""
        return self.subject if self.kind == "wechat" else None

    @property
    def call_id(self) -> str | None:
        """The hotline call id, or ``None``."""
        return self.subject if self.kind == "hotline" else None


ANONYMOUS = Identity("anonymous")


def wechat_sender(openid: str) -> str:
    """The conversation id of a WeChat user (for the WeChat and mini-program channels only)."""
    return f"{WECHAT_PREFIX}{openid}"


def wechat_openid(sender_id: str) -> str:
    """The openid of a ``wechat:<openid>`` conversation id (a bare openid is returned as it is)."""
    return sender_id.removeprefix(WECHAT_PREFIX)


def hotline_sender(call_id: str) -> str:
    """The conversation id of a hotline call (for the hotline channel only).

    Raises:
        ValueError: ``call_id`` is not of the form the console creates (:data:`CALL_ID_PATTERN`).
    """
    if not is_call_id(call_id):
        raise ValueError("not a call id")
    return f"{HOTLINE_PREFIX}{call_id}"


def web_sender(sender: str) -> str:
    """The sandboxed conversation id of whatever sender a REST caller wrote (``web:`` + it, always).

    ``wechat:o1`` becomes ``web:wechat:o1``: a different conversation from the WeChat user's. The prefix is added
    even to a sender that already starts with ``web:``, so two different senders never share a conversation.
    """
    return f"{WEB_PREFIX}{sender[:MAX_WEB_SENDER_LENGTH]}"


def is_call_id(call_id: str) -> bool:
    """Whether ``call_id`` has the form of a console call id."""
    return _CALL_ID.fullmatch(call_id) is not None


def identify(sender_id: str | None, channel: str | None) -> Identity:
    """Who a conversation's latest message speaks for, from its id and the channel it came through.

    Args:
        sender_id: The conversation id.
        channel: The input channel of the conversation's latest user message.

    Returns:
        A WeChat user only for ``wechat:<openid>`` on the ``wechat``/``miniprogram`` channels, a hotline call only
        for ``hotline:<call id>`` on the ``hotline`` channel; anything else is :data:`ANONYMOUS`.
    """
    if not sender_id or not channel:
        return ANONYMOUS
    if sender_id.startswith(WECHAT_PREFIX) and channel in CHANNELS_OF[WECHAT_PREFIX]:
        openid = sender_id[len(WECHAT_PREFIX) :]
        if 0 < len(openid) <= MAX_OPENID_LENGTH:
            return Identity("wechat", openid)
    if sender_id.startswith(HOTLINE_PREFIX) and channel in CHANNELS_OF[HOTLINE_PREFIX]:
        call_id = sender_id[len(HOTLINE_PREFIX) :]
        if is_call_id(call_id):
            return Identity("hotline", call_id)
    return ANONYMOUS
