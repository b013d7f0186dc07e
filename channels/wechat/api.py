"""The customer-service send API (客服消息) with a cached access_token.

``POST {base}/cgi-bin/message/custom/send?access_token=…`` with
``{"touser": openid, "msgtype": "text", "text": {"content": …}}``.

The access_token comes from ``{base}/cgi-bin/stable_token`` (default: every
worker and replica gets the same token, so they do not invalidate each other)
or the classic ``{base}/cgi-bin/token``; it is cached until 5 minutes before it
expires. A send answered with an invalid/expired-token error (40001, 40014,
42001) refreshes the token once and is retried once. Quota errors - 45015 (the
user's 48-hour reply window is over) and 45047 (too many messages for this user
message) - are logged and never retried: retrying cannot succeed.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Literal

import aiohttp

from contract.masking import mask_openid

logger = logging.getLogger(__name__)

DEFAULT_BASE_URL = "https://api.weixin.qq.com"
TOKEN_ERRORS = frozenset({40001, 40014, 42001})  # invalid credential, invalid token, token expired
QUOTA_ERRORS = {45015: "reply time limit exceeded", 45047: "send count exceeded"}
EXPIRY_MARGIN_S = 300.0
NETWORK_ERROR = -1

TokenEndpoint = Literal["stable", "classic"]


class TokenError(Exception):
    """WeChat refused to issue an access_token (wrong AppID/secret, IP not whitelisted, ...)."""

    def __init__(self, errcode: int, errmsg: str) -> None:
        """Keep WeChat's error code and message.

        Args:
            errcode: WeChat's ``errcode``.
            errmsg: WeChat's ``errmsg``.
        """
        super().__init__(f"access_token refused: {errcode} {errmsg}")
        self.errcode = errcode
        self.errmsg = errmsg


@dataclass(frozen=True)
class SendResult:
    """Outcome of one send.

    Attributes:
        errcode: WeChat's ``errcode`` (0 = sent; -1 = network error or no token).
        errmsg: WeChat's ``errmsg`` or the local error.
        attempts: send-API calls made (2 when the token was refreshed).
    """

    errcode: int
    errmsg: str
    attempts: int

    @property
    def ok(self) -> bool:
        """True when WeChat accepted the message."""
        return self.errcode == 0


class WeChatApiClient:
    """Sends customer-service messages for one mini program."""

    def __init__(
        self,
        app_id: str,
        app_secret: str,
        base_url: str = DEFAULT_BASE_URL,
        token_endpoint: TokenEndpoint = "stable",
        timeout_s: float = 10.0,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        """Configure the client; the HTTP session is opened on first use.

        Args:
            app_id: the mini program's AppID.
            app_secret: its AppSecret.
            base_url: API root (a local fake in tests).
            token_endpoint: ``stable`` (``/cgi-bin/stable_token``) or ``classic`` (``/cgi-bin/token``).
            timeout_s: total timeout of each HTTP call.
            clock: monotonic time source (tests).
        """
        self._app_id = app_id
        self._app_secret = app_secret
        self._base = base_url.rstrip("/")
        self._token_endpoint = token_endpoint
        self._timeout = aiohttp.ClientTimeout(total=timeout_s)
        self._clock = clock
        self._session: aiohttp.ClientSession | None = None
        self._token: str | None = None
        self._token_expires_at = 0.0
        self._token_lock: asyncio.Lock | None = None

    def _http(self) -> aiohttp.ClientSession:
        if self._session is None or self._session.closed:
            self._session = aiohttp.ClientSession(timeout=self._timeout)
        return self._session

    def _lock(self) -> asyncio.Lock:
        if self._token_lock is None:
            self._token_lock = asyncio.Lock()
        return self._token_lock

    async def access_token(self, rejected: str | None = None) -> str:
        """A valid access_token, fetched only when none is cached or the cached one was rejected.

        Concurrent callers share one fetch: whoever gets the lock second sees the fresh token.

        Args:
            rejected: a token WeChat just refused; it is replaced even if not yet expired.

        Returns:
            The access_token.

        Raises:
            TokenError: WeChat refused to issue a token.
            aiohttp.ClientError: the token endpoint could not be reached.
        """
        async with self._lock():
            fresh = self._token is not None and self._clock() < self._token_expires_at
            if fresh and self._token != rejected:
                assert self._token is not None
                return self._token
            token, expires_in = await self._fetch_token(force_refresh=rejected is not None and self._token == rejected)
            self._token = token
            self._token_expires_at = self._clock() + max(expires_in - EXPIRY_MARGIN_S, expires_in / 2)
            return token

    async def _fetch_token(self, force_refresh: bool) -> tuple[str, float]:
        if self._token_endpoint == "stable":
            body = {
                "grant_type": "client_credential",
                "appid": self._app_id,
                "secret": self._app_secret,
                "force_refresh": False,
            }
            async with self._http().post(f"{self._base}/cgi-bin/stable_token", json=body) as response:
                data = await response.json(content_type=None)
            token = data.get("access_token") if isinstance(data, dict) else None
            if force_refresh and token == self._token:
                # WeChat still hands out the token it just rejected: ask for a new one.
                body["force_refresh"] = True
                async with self._http().post(f"{self._base}/cgi-bin/stable_token", json=body) as response:
                    data = await response.json(content_type=None)
        else:
            params = {"grant_type": "client_credential", "appid": self._app_id, "secret": self._app_secret}
            async with self._http().get(f"{self._base}/cgi-bin/token", params=params) as response:
                data = await response.json(content_type=None)
        if not isinstance(data, dict) or not data.get("access_token"):
            errcode = int(data.get("errcode", NETWORK_ERROR)) if isinstance(data, dict) else NETWORK_ERROR
            errmsg = str(data.get("errmsg", "no access_token")) if isinstance(data, dict) else "bad response"
            raise TokenError(errcode, errmsg)
        logger.info("WeChat access_token obtained (%s endpoint)", self._token_endpoint)
        return str(data["access_token"]), float(data.get("expires_in", 7200))

    async def _post_send(self, token: str, payload: dict[str, Any]) -> tuple[int, str]:
        url = f"{self._base}/cgi-bin/message/custom/send"
        async with self._http().post(url, params={"access_token": token}, json=payload) as response:
            data = await response.json(content_type=None)
        if not isinstance(data, dict):
            return NETWORK_ERROR, f"unexpected answer (HTTP {response.status})"
        return int(data.get("errcode", 0)), str(data.get("errmsg", ""))

    async def send_text(self, openid: str, content: str) -> SendResult:
        """Send a text message to a user; never raises, the outcome is logged and returned.

        Args:
            openid: the recipient's openid.
            content: the text.

        Returns:
            What WeChat answered.
        """
        payload = {"touser": openid, "msgtype": "text", "text": {"content": content}}
        who = mask_openid(openid)
        attempts = 0
        try:
            token = await self.access_token()
            attempts += 1
            errcode, errmsg = await self._post_send(token, payload)
            if errcode in TOKEN_ERRORS:
                logger.info("WeChat send to %s: token rejected (%s); refreshing once", who, errcode)
                token = await self.access_token(rejected=token)
                attempts += 1
                errcode, errmsg = await self._post_send(token, payload)
        except TokenError as error:
            logger.error("WeChat send to %s not possible: %s", who, error)
            return SendResult(error.errcode, error.errmsg, attempts)
        except (aiohttp.ClientError, asyncio.TimeoutError) as error:
            logger.error("WeChat send to %s failed: %s", who, error or type(error).__name__)
            return SendResult(NETWORK_ERROR, str(error) or type(error).__name__, attempts)
        if errcode in QUOTA_ERRORS:
            logger.warning(
                "WeChat send to %s refused, %s (%s: %s); not retried", who, QUOTA_ERRORS[errcode], errcode, errmsg
            )
        elif errcode:
            logger.error("WeChat send to %s refused: %s %s", who, errcode, errmsg)
        else:
            logger.debug("WeChat send to %s ok", who)
        return SendResult(errcode, errmsg, attempts)

    async def close(self) -> None:
        """Close the HTTP session."""
        if self._session is not None and not self._session.closed:
            await self._session.close()
