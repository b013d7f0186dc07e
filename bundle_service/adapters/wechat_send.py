"""WeChat send APIs with a cached token: customer-service messages (staff replies) and subscribe messages.

The same protocol as ``channels/wechat/api.py`` (Rasa side), synchronous: a cached ``stable_token``, one refresh
and retry on token errors, quota errors reported and never retried.
"""

import logging
import threading
import time
from dataclasses import dataclass, field

from bundle_service.adapters import wechat_api
from bundle_service.adapters.wechat_api import WeChatApiError

logger = logging.getLogger(__name__)
TOKEN_ERRORS = frozenset({40001, 40014, 42001})
QUOTA_ERRORS = frozenset({45015, 45047})
EARLY_REFRESH_S = 300
TIMEOUT_S = 10.0


@dataclass(frozen=True)
class SendResult:
    """Outcome of one send.

    Attributes:
        ok: Delivered to WeChat.
        errcode: WeChat's error code (0 on success, -1 for a network or configuration failure).
        errmsg: WeChat's message or the failure.
    """

    ok: bool
    errcode: int
    errmsg: str


@dataclass
class WeChatSender:
    """Sends text to a WeChat user through the customer-service API.

    Args:
        base_url: Root of the WeChat API (a local fake in tests).
        app_id: The mini program's AppID.
        app_secret: Its AppSecret.
    """

    base_url: str
    app_id: str
    app_secret: str
    _token: str | None = None
    _expires: float = 0.0
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def _fetch_token(self, force: bool) -> str:
        body = {"grant_type": "client_credential", "appid": self.app_id, "secret": self.app_secret}
        if force:
            body["force_refresh"] = True  # type: ignore[assignment]
        try:
            data = wechat_api.call(
                "POST", f"{self.base_url.rstrip('/')}/cgi-bin/stable_token", body=body, timeout=TIMEOUT_S
            )
        except WeChatApiError as error:
            if error.errcode is None:
                raise
            raise RuntimeError(f"access_token refused: {error.errcode} {error.errmsg}") from None
        if "access_token" not in data:
            raise RuntimeError(f"access_token refused: {data.get('errcode')} {data.get('errmsg')}")
        self._token = str(data["access_token"])
        self._expires = time.monotonic() + int(data.get("expires_in", 7200)) - EARLY_REFRESH_S
        return self._token

    def _access_token(self, rejected: str | None = None) -> str:
        with self._lock:
            if self._token and self._token != rejected and time.monotonic() < self._expires:
                return self._token
            token = self._fetch_token(force=False)
            if rejected is not None and token == rejected:
                token = self._fetch_token(force=True)
            return token

    def _post(self, token: str, path: str, body: object) -> tuple[int, str]:
        """WeChat's ``errcode`` and ``errmsg`` for one call (a refusal is an answer, not an exception)."""
        try:
            data = wechat_api.call(
                "POST",
                f"{self.base_url.rstrip('/')}{path}",
                params={"access_token": token},
                body=body,
                timeout=TIMEOUT_S,
            )
        except WeChatApiError as error:
            if error.errcode is None:
                raise
            return error.errcode, error.errmsg
        return 0, str(data.get("errmsg", ""))

    def post(self, path: str, body: object) -> SendResult:
        """POST ``body`` to a send API (``/cgi-bin/message/…``) with the cached token; never raises.

        A token WeChat calls invalid or expired (40001, 40014, 42001) is refreshed once and the call retried;
        a network or configuration failure is ``errcode`` -1.
        """
        try:
            token = self._access_token()
            code, message = self._post(token, path, body)
            if code in TOKEN_ERRORS:
                token = self._access_token(rejected=token)
                code, message = self._post(token, path, body)
        except (WeChatApiError, RuntimeError, ValueError) as error:
            logger.error("WeChat send failed: %s", error)
            return SendResult(ok=False, errcode=-1, errmsg=str(error))
        if code in QUOTA_ERRORS:
            logger.warning("WeChat send refused by quota: %s %s", code, message)
        elif code:
            logger.error("WeChat send refused: %s %s", code, message)
        return SendResult(ok=code == 0, errcode=code, errmsg=message)

    def send_text(self, openid: str, text: str) -> SendResult:
        """Send ``text`` to ``openid`` as a customer-service message; never raises."""
        return self.post(
            "/cgi-bin/message/custom/send", {"touser": openid, "msgtype": "text", "text": {"content": text}}
        )


_SENDERS: dict[tuple[str, str], WeChatSender] = {}
_SENDERS_LOCK = threading.Lock()


def sender_for(base_url: str, app_id: str, app_secret: str) -> WeChatSender:
    """One sender (one token cache) per API root and AppID in this process."""
    with _SENDERS_LOCK:
        key = (base_url, app_id)
        if key not in _SENDERS or _SENDERS[key].app_secret != app_secret:
            _SENDERS[key] = WeChatSender(base_url, app_id, app_secret)
        return _SENDERS[key]
