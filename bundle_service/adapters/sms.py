"""The SMS gateway: one interface, an HTTP client of the gateway chosen by settings.

The gateway's protocol (what ``devtools/fake_sms_gateway.py`` serves and a real provider's adapter must offer):
``POST {base}/sms/send`` with ``Authorization: Bearer <token>`` and JSON ``{"phone", "text", "out_id"}``;
answer ``{"code": "OK", "message_id": …}`` or ``{"code": <error>, "message": …}``. ``out_id`` is the caller's
idempotency key: a second send with the same ``out_id`` is not delivered again and answers the first message id.
A provider with such a key (most have one: Aliyun's ``OutId`` with de-duplication, Tencent's ``SessionContext``)
maps it there; one without it makes the SMS at-least-once (``docs/notifications.md``).
"""

from dataclasses import dataclass, field
from typing import Protocol

import httpx

TIMEOUT_S = 10.0
# Errors that will not go away by sending again: the number, the text or the account is wrong.
PERMANENT_CODES = frozenset({"INVALID_PHONE", "INVALID_TEXT", "BLACKLISTED", "UNAUTHORIZED"})


@dataclass(frozen=True)
class SmsResult:
    """Outcome of one send.

    Attributes:
        ok: The gateway accepted the message.
        message_id: The gateway's id of it.
        code: ``OK`` or the gateway's error code (``NETWORK`` when there was no answer).
        message: The gateway's words.
        permanent: Sending again cannot help.
    """

    ok: bool
    message_id: str | None
    code: str
    message: str
    permanent: bool = False


class SmsGateway(Protocol):
    """Sends one text message."""

    def send(self, phone: str, text: str, out_id: str) -> SmsResult:
        """Send ``text`` to ``phone``; ``out_id`` makes a repeated send of the same message a no-op. Never raises."""
        ...


@dataclass(frozen=True)
class HttpSmsGateway:
    """The gateway over HTTP (the fake in development and tests, a provider's adapter in production).

    Args:
        base_url: Root of the gateway.
        token: Its bearer token, or None.
    """

    base_url: str
    token: str | None = None
    # One client per gateway: a new httpx client per send builds a TLS context each time (~70 ms measured per send).
    client: httpx.Client = field(default_factory=lambda: httpx.Client(timeout=TIMEOUT_S), compare=False, repr=False)

    def send(self, phone: str, text: str, out_id: str) -> SmsResult:
        """Send one message; transport errors and non-JSON answers are retryable failures."""
        headers = {"Authorization": f"Bearer {self.token}"} if self.token else {}
        try:
            response = self.client.post(
                f"{self.base_url.rstrip('/')}/sms/send",
                json={"phone": phone, "text": text, "out_id": out_id},
                headers=headers,
            )
            answer = response.json()
        except (httpx.HTTPError, ValueError) as error:
            return SmsResult(False, None, "NETWORK", type(error).__name__)
        if not isinstance(answer, dict):
            return SmsResult(False, None, f"HTTP_{response.status_code}", "not a JSON object")
        code = str(answer.get("code", f"HTTP_{response.status_code}"))
        if code == "OK" and response.status_code == 200:
            return SmsResult(True, str(answer.get("message_id", "")), code, str(answer.get("message", "")))
        return SmsResult(False, None, code, str(answer.get("message", ""))[:150], code in PERMANENT_CODES)
