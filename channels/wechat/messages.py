"""Parsing the pushed payloads (XML or JSON, plain or inside ``Encrypt``) into messages."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Literal
from xml.etree import ElementTree

MessageFormat = Literal["xml", "json"]

TEXT = "text"
IMAGE = "image"
MINIPROGRAM_PAGE = "miniprogrampage"
EVENT = "event"
ENTER_SESSION = "user_enter_tempsession"


class PayloadError(ValueError):
    """The body is not a well-formed push of the configured format."""


def parse_fields(body: bytes | str, message_format: MessageFormat) -> dict[str, str]:
    """Read the top-level fields of a pushed payload.

    Args:
        body: the request body or a decrypted message.
        message_format: ``xml`` or ``json``, as configured in the mini program's push settings.

    Returns:
        Field name → text value (numbers as their decimal text).

    Raises:
        PayloadError: the body is not a flat XML ``<xml>`` document or JSON object.
    """
    raw = body.encode("utf-8") if isinstance(body, str) else body
    if message_format == "xml":
        return _parse_xml(raw)
    return _parse_json(raw)


def _parse_xml(raw: bytes) -> dict[str, str]:
    # No DTDs: WeChat never sends them, and refusing them rules out entity expansion tricks.
    if b"<!DOCTYPE" in raw.upper() or b"<!ENTITY" in raw.upper():
        raise PayloadError("DTDs are not accepted")
    try:
        root = ElementTree.fromstring(raw)
    except ElementTree.ParseError as error:
        raise PayloadError(f"not XML: {error}") from error
    if root.tag != "xml":
        raise PayloadError(f"root element is <{root.tag}>, expected <xml>")
    return {child.tag: (child.text or "").strip() for child in root}


def _parse_json(raw: bytes) -> dict[str, str]:
    try:
        data = json.loads(raw)
    except (json.JSONDecodeError, UnicodeDecodeError) as error:
        raise PayloadError(f"not JSON: {error}") from error
    if not isinstance(data, dict):
        raise PayloadError("JSON body is not an object")
    return {str(key): _scalar_text(value) for key, value in data.items()}


def _scalar_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, bool | int | float):
        return json.dumps(value)
    return json.dumps(value, ensure_ascii=False)


@dataclass(frozen=True)
class WeChatMessage:
    """One customer-service message or event pushed by WeChat.

    Attributes:
        openid: ``FromUserName``, the user's openid within this mini program.
        to_user: ``ToUserName``, the mini program's original id (gh_...).
        create_time: ``CreateTime`` in seconds since the epoch.
        msg_type: ``MsgType``: text, image, miniprogrampage or event.
        msg_id: ``MsgId`` (messages only).
        content: ``Content`` of a text message.
        event: ``Event`` of an event (e.g. user_enter_tempsession).
        fields: every field as received, for metadata.
    """

    openid: str
    to_user: str
    create_time: int
    msg_type: str
    msg_id: str | None = None
    content: str | None = None
    event: str | None = None
    fields: dict[str, str] = field(default_factory=dict, repr=False, compare=False)

    @classmethod
    def from_fields(cls, fields: dict[str, str]) -> WeChatMessage:
        """Build a message from parsed fields.

        Args:
            fields: the output of :func:`parse_fields`.

        Returns:
            The message.

        Raises:
            PayloadError: ``FromUserName``, ``MsgType`` or a numeric ``CreateTime`` is missing.
        """
        openid = fields.get("FromUserName", "")
        msg_type = fields.get("MsgType", "").lower()
        if not openid or not msg_type:
            raise PayloadError("FromUserName and MsgType are required")
        try:
            create_time = int(fields.get("CreateTime", ""))
        except ValueError as error:
            raise PayloadError("CreateTime is not a number") from error
        return cls(
            openid=openid,
            to_user=fields.get("ToUserName", ""),
            create_time=create_time,
            msg_type=msg_type,
            msg_id=fields.get("MsgId") or None,
            content=fields.get("Content"),
            event=fields.get("Event") or None,
            fields=dict(fields),
        )

    @property
    def dedupe_key(self) -> str:
        """What identifies this push across WeChat's retries.

        Messages carry a ``MsgId``; events have none, and WeChat's guidance is to use
        ``FromUserName`` + ``CreateTime`` for them.
        """
        if self.msg_id:
            return f"msg:{self.msg_id}"
        return f"event:{self.openid}:{self.create_time}"

    @property
    def is_enter_session(self) -> bool:
        """True for the event sent when a user opens the customer-service chat."""
        return self.msg_type == EVENT and (self.event or "").lower() == ENTER_SESSION
