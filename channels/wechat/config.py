"""The channel's settings: credentials.yml first, then ``WECHAT_*`` environment variables.

Rasa substitutes ``${VAR}`` in credentials files but refuses to start when such a
variable is unset, so optional settings are better left out of the file: the
channel then reads them from the environment itself.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, cast

from channels.wechat.api import DEFAULT_BASE_URL, TokenEndpoint
from channels.wechat.crypto import AES_KEY_LENGTH
from channels.wechat.dedupe import DEFAULT_TTL_SECONDS
from channels.wechat.messages import MessageFormat

# credentials key → environment variable read when the key is missing or empty
ENVIRONMENT = {
    "token": "WECHAT_TOKEN",
    "app_id": "WECHAT_APP_ID",
    "app_secret": "WECHAT_APP_SECRET",
    "encoding_aes_key": "WECHAT_ENCODING_AES_KEY",
    "message_format": "WECHAT_MESSAGE_FORMAT",
    "api_base_url": "WECHAT_API_BASE_URL",
    "redis_url": "WECHAT_REDIS_URL",
    "dedupe_ttl_seconds": "WECHAT_DEDUPE_TTL_SECONDS",
    "token_endpoint": "WECHAT_TOKEN_ENDPOINT",
}
REQUIRED = ("token", "app_id", "app_secret")


class SettingsError(ValueError):
    """A required setting is missing or a value is invalid."""


@dataclass(frozen=True)
class WeChatSettings:
    """Everything the channel needs to know.

    Attributes:
        token: Token of the mini program's message push (消息推送) settings.
        app_id: the mini program's AppID.
        app_secret: its AppSecret (for the access_token).
        encoding_aes_key: EncodingAESKey for safe mode; None for plain mode only.
        message_format: ``xml`` or ``json``, the push data format chosen in the settings.
        api_base_url: root of the WeChat API.
        redis_url: Redis for de-duplication across workers; None = in memory.
        dedupe_ttl_seconds: how long a handled MsgId is remembered.
        token_endpoint: ``stable`` or ``classic`` access_token endpoint.
    """

    token: str
    app_id: str
    app_secret: str
    encoding_aes_key: str | None = None
    message_format: MessageFormat = "xml"
    api_base_url: str = DEFAULT_BASE_URL
    redis_url: str | None = None
    dedupe_ttl_seconds: int = DEFAULT_TTL_SECONDS
    token_endpoint: TokenEndpoint = "stable"

    @classmethod
    def load(cls, credentials: Mapping[str, Any] | None, environ: Mapping[str, str] | None = None) -> WeChatSettings:
        """Settings from a credentials.yml block, falling back to the environment.

        Args:
            credentials: the channel's block of credentials.yml (may be None or partial).
            environ: environment to fall back to (``os.environ`` by default).

        Returns:
            Validated settings.

        Raises:
            SettingsError: a required value is missing or a value is invalid.
        """
        env = os.environ if environ is None else environ
        given = dict(credentials or {})
        values: dict[str, str] = {}
        for key, variable in ENVIRONMENT.items():
            value = given.get(key)
            text = "" if value is None else str(value).strip()
            values[key] = text or env.get(variable, "").strip()
        missing = [f"{key} ({ENVIRONMENT[key]})" for key in REQUIRED if not values[key]]
        if missing:
            raise SettingsError("WeChat channel: missing settings: " + ", ".join(missing))

        message_format = (values["message_format"] or "xml").lower()
        if message_format not in ("xml", "json"):
            raise SettingsError(f"WeChat channel: message_format must be xml or json, not {message_format!r}")
        token_endpoint = (values["token_endpoint"] or "stable").lower()
        if token_endpoint not in ("stable", "classic"):
            raise SettingsError(f"WeChat channel: token_endpoint must be stable or classic, not {token_endpoint!r}")
        aes_key = values["encoding_aes_key"] or None
        if aes_key is not None and len(aes_key) != AES_KEY_LENGTH:
            raise SettingsError(f"WeChat channel: encoding_aes_key must have {AES_KEY_LENGTH} characters")
        try:
            ttl = int(values["dedupe_ttl_seconds"] or DEFAULT_TTL_SECONDS)
        except ValueError as error:
            raise SettingsError("WeChat channel: dedupe_ttl_seconds must be a whole number") from error
        return cls(
            token=values["token"],
            app_id=values["app_id"],
            app_secret=values["app_secret"],
            encoding_aes_key=aes_key,
            message_format=cast(MessageFormat, message_format),
            api_base_url=values["api_base_url"] or DEFAULT_BASE_URL,
            redis_url=values["redis_url"] or None,
            dedupe_ttl_seconds=max(ttl, 1),
            token_endpoint=cast(TokenEndpoint, token_endpoint),
        )
