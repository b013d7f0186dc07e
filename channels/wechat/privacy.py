"""Keeping personal data (openids) out of the logs."""

from __future__ import annotations

import hashlib

from contract.conversations import WECHAT_PREFIX, wechat_sender

SENDER_PREFIX = WECHAT_PREFIX  # the namespace is defined once, in contract/conversations.py


def mask_openid(openid: str) -> str:
    """A log-safe stand-in for an openid: its first 4 characters and a short hash.

    The hash lets one follow a user through the logs without the logs holding the id.

    Args:
        openid: the user's openid, or a ``wechat:<openid>`` sender id.

    Returns:
        For example ``oyOR…#3f9a1c``.
    """
    bare = openid.removeprefix(SENDER_PREFIX)
    if not bare:
        return "<none>"
    digest = hashlib.sha256(bare.encode("utf-8")).hexdigest()[:6]
    return f"{bare[:4]}…#{digest}"


def sender_id_for(openid: str) -> str:
    """The Rasa sender id of a WeChat user (``wechat:<openid>``; handoff relies on the prefix).

    Args:
        openid: the user's openid.

    Returns:
        The conversation's sender id.
    """
    return wechat_sender(openid)


def openid_of(sender_id: str) -> str:
    """The openid inside a ``wechat:<openid>`` sender id (a bare openid is returned as is).

    Args:
        sender_id: a Rasa sender id.

    Returns:
        The openid.
    """
    return sender_id.removeprefix(SENDER_PREFIX)
