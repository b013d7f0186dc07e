"""Rasa output channel that answers through the customer-service send API."""

from __future__ import annotations

import logging
from collections.abc import Iterable
from typing import Any

from rasa.core.channels.channel import OutputChannel

from channels.wechat.api import SendResult, WeChatApiClient
from contract.conversations import WECHAT_CHANNEL, wechat_openid

logger = logging.getLogger(__name__)

CHANNEL_NAME = WECHAT_CHANNEL
MAX_MESSAGE_BYTES = 2000  # conservative size of one text message: longer replies are split, never truncated


def split_for_wechat(texts: Iterable[str], max_bytes: int = MAX_MESSAGE_BYTES) -> list[str]:
    """Join a turn's texts into as few messages as fit, each under ``max_bytes`` of UTF-8.

    Every send costs quota (45047), so a turn's replies travel together, separated
    by a blank line; a text too long on its own is cut at character boundaries.

    Args:
        texts: the bot's texts, in order.
        max_bytes: size limit of one message.

    Returns:
        The messages to send.
    """
    pieces = [chunk for text in texts for chunk in _cut(text.strip(), max_bytes)]
    messages: list[str] = []
    for piece in pieces:
        joined = f"{messages[-1]}\n\n{piece}" if messages else piece
        if messages and len(joined.encode("utf-8")) <= max_bytes:
            messages[-1] = joined
        else:
            messages.append(piece)
    return messages


def _cut(text: str, max_bytes: int) -> list[str]:
    """Cut ``text`` at character boundaries into chunks of at most ``max_bytes`` UTF-8 bytes."""
    chunks: list[str] = []
    current: list[str] = []
    size = 0
    for char in text:
        width = len(char.encode("utf-8"))
        if size + width > max_bytes:
            chunks.append("".join(current))
            current, size = [], 0
        current.append(char)
        size += width
    if current:
        chunks.append("".join(current))
    return chunks


class WeChatOutput(OutputChannel):
    """Sends the bot's messages to a WeChat user.

    With ``buffered=True`` (one user turn) messages are collected and sent
    together by :meth:`flush`; otherwise (pushes outside a turn, e.g. a staff
    reply after handoff) each message is sent at once.
    """

    def __init__(self, client: WeChatApiClient, buffered: bool = False) -> None:
        """Create the output.

        Args:
            client: the send-API client.
            buffered: collect messages until :meth:`flush`.
        """
        self._client = client
        self._buffered = buffered
        self._pending: dict[str, list[str]] = {}

    @classmethod
    def name(cls) -> str:
        """Channel name, as in the responses' ``channel:`` variations."""
        return CHANNEL_NAME

    async def send_text_message(self, recipient_id: str, text: str, **kwargs: Any) -> None:
        """Send (or collect) a text.

        Args:
            recipient_id: ``wechat:<openid>``.
            text: the text.
            **kwargs: ignored.
        """
        if self._buffered:
            self._pending.setdefault(recipient_id, []).append(text)
            return
        for message in split_for_wechat([text]):
            await self._client.send_text(wechat_openid(recipient_id), message)

    async def send_text_with_buttons(
        self, recipient_id: str, text: str, buttons: list[dict[str, Any]], **kwargs: Any
    ) -> None:
        """Buttons become a numbered list under the text (WeChat text has no buttons).

        Args:
            recipient_id: ``wechat:<openid>``.
            text: the text.
            buttons: Rasa buttons (``title``, ``payload``).
            **kwargs: ignored.
        """
        lines = [text, *(f"{number}. {button.get('title', '')}" for number, button in enumerate(buttons, 1))]
        await self.send_text_message(recipient_id, "\n".join(lines))

    async def send_image_url(self, recipient_id: str, image: str, **kwargs: Any) -> None:
        """Images are sent as their link.

        Args:
            recipient_id: ``wechat:<openid>``.
            image: image URL.
            **kwargs: ignored.
        """
        await self.send_text_message(recipient_id, f"图片：{image}")

    async def send_attachment(self, recipient_id: str, attachment: str, **kwargs: Any) -> None:
        """Attachments are sent as text.

        Args:
            recipient_id: ``wechat:<openid>``.
            attachment: the attachment (usually a link).
            **kwargs: ignored.
        """
        await self.send_text_message(recipient_id, f"附件：{attachment}")

    async def send_custom_json(self, recipient_id: str, json_message: dict[str, Any], **kwargs: Any) -> None:
        """Custom payloads are for other channels (the mini program's own chat); not sent here.

        Args:
            recipient_id: ``wechat:<openid>``.
            json_message: the payload.
            **kwargs: ignored.
        """
        logger.debug("WeChat: custom payload not sent (keys %s)", sorted(json_message))

    async def flush(self, recipient_id: str) -> list[SendResult]:
        """Send what a buffered turn collected for ``recipient_id``.

        Args:
            recipient_id: ``wechat:<openid>``.

        Returns:
            One result per message sent.
        """
        texts = self._pending.pop(recipient_id, [])
        return [await self._client.send_text(wechat_openid(recipient_id), m) for m in split_for_wechat(texts)]
