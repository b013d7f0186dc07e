"""Delivering a staff message to a user on their own channel (handoff replies and 诉求 replies alike).

``wechat:<openid>`` conversations that came through WeChat customer-service messages get a customer-service
message; everything else (the H5 page and the mini program's own chat, channel ``miniprogram``; the anonymous web
chat) reads the outbox by polling; a ``hotline:`` call needs nothing (staff speak to the caller).
"""

import logging

from bundle_service.adapters.wechat_send import SendResult, sender_for
from bundle_service.core.config import Settings
from contract.conversations import HOTLINE_PREFIX, MINIPROGRAM_CHANNEL, WECHAT_PREFIX

logger = logging.getLogger(__name__)


def deliver(settings: Settings, conversation_id: str, channel: str, text: str) -> str:
    """Push ``text`` where the user reads it; the caller stores it in the outbox in any case.

    Args:
        settings: Service settings (WeChat credentials).
        conversation_id: Rasa sender id of the user's conversation.
        channel: The channel the user spoke on (``wechat``, ``miniprogram``, ``hotline``, ``rest``).
        text: The message.

    Returns:
        How it went: ``wechat``, ``wechat_error:<code>``, ``wechat_unconfigured``, ``hotline`` or ``outbox``.
    """
    if conversation_id.startswith(WECHAT_PREFIX) and channel != MINIPROGRAM_CHANNEL:
        if not settings.wechat_app_id or settings.wechat_app_secret is None:
            logger.error("staff message to a WeChat user but BUNDLE_WECHAT_APP_ID/SECRET are unset")
            return "wechat_unconfigured"
        result: SendResult = sender_for(
            settings.wechat_api_base, settings.wechat_app_id, settings.wechat_app_secret.get_secret_value()
        ).send_text(conversation_id[len(WECHAT_PREFIX) :], text)
        return "wechat" if result.ok else f"wechat_error:{result.errcode}"
    if conversation_id.startswith(HOTLINE_PREFIX):
        return "hotline"
    return "outbox"
