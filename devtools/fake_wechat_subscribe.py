"""A local stand-in for WeChat's subscribe-message API, for development and tests.

``POST /cgi-bin/stable_token`` hands out tokens (``force_refresh`` makes a new one); ``POST
/cgi-bin/message/subscribe/send`` checks what WeChat checks and answers its errors:

- the token: unknown → 40001 ``invalid credential``; ``expire_token()`` plays an expired one → 42001;
- the template: an id not registered → 40037; the data's field names not the template's, or a value longer than
  its type allows (thing 20, character_string 32, phrase 5, name 10) → 47003 ``argument invalid! data.thing4.value``;
- the user: no subscription left for that template (``grant(openid, template_id)`` adds one, as the user's accept in
  ``wx.requestSubscribeMessage`` does) → 43101 ``user refuse to accept the msg``;
- the account: more sends than ``daily_quota`` → 45009 ``reach max api daily quota limit``.

Delivered messages are in ``sent``; ``hold`` delays each send's answer after delivering it (a sender killed while
waiting has been delivered). Standard library only.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Mapping, Sequence
from typing import Any

from devtools.fake_json_server import JsonServer

LIMITS = {"thing": 20, "character_string": 32, "phrase": 5, "name": 10, "number": 32, "letter": 32, "symbol": 5}
DEV_TEMPLATES = {
    "dev-tpl-progress-0001": ["thing1", "character_string2", "phrase3", "thing4", "date5"],
    "dev-tpl-deadline-0002": ["thing1", "character_string2", "thing3", "date4"],
    "dev-tpl-offer-0003": ["thing1", "thing2", "date3"],
}


class FakeWeChatSubscribe:
    """The fake in a background thread on 127.0.0.1.

    Args:
        app_id: The AppID it expects.
        app_secret: The AppSecret it expects.
        templates: Registered template id → field keys (default: the development templates).
        port: Port to bind (0: a free one).
        accept_all: Every user has accepted every template (the development stack: the mini program's accepts
            reach the service, not this fake); no 43101.
    """

    def __init__(
        self,
        app_id: str,
        app_secret: str,
        templates: Mapping[str, Sequence[str]] | None = None,
        port: int = 0,
        accept_all: bool = False,
    ) -> None:
        self.app_id, self.app_secret = app_id, app_secret
        self.accept_all = accept_all
        self.templates = dict(templates or DEV_TEMPLATES)
        self.grants: dict[tuple[str, str], int] = {}
        self.sent: list[dict[str, Any]] = []
        self.calls: list[str] = []
        self.daily_quota = 1000
        self.fail_next: list[int] = []
        self.hold = 0.0
        self._tokens: set[str] = set()
        self._lock = threading.Lock()
        self.http = JsonServer(lambda path, query, body, _headers: (200, self._answer_held(path, query, body)), port)
        self.server, self.base_url = self.http.server, self.http.base_url

    def grant(self, openid: str, template_id: str, count: int = 1) -> None:
        """The user accepted ``count`` messages of ``template_id`` (one per accept in the mini program)."""
        with self._lock:
            self.grants[(openid, template_id)] = self.grants.get((openid, template_id), 0) + count

    def expire_token(self) -> None:
        """Every token handed out so far is expired (the next send answers 42001)."""
        with self._lock:
            self._tokens = {f"expired:{t}" for t in self._tokens}

    def answer(self, path: str, params: Mapping[str, str], body: Any) -> dict[str, Any]:
        """WeChat's JSON answer to one request."""
        with self._lock:
            self.calls.append(path)
            if path == "/cgi-bin/stable_token":
                return self._token(body)
            if path == "/cgi-bin/message/subscribe/send":
                return self._send(params.get("access_token", ""), body)
        return {"errcode": 404, "errmsg": "not found"}

    def _token(self, body: Any) -> dict[str, Any]:
        if not isinstance(body, dict) or (body.get("appid"), body.get("secret")) != (self.app_id, self.app_secret):
            return {"errcode": 40125, "errmsg": "invalid appsecret"}
        current = [t for t in self._tokens if not t.startswith("expired:")]
        if current and not body.get("force_refresh"):
            return {"access_token": current[0], "expires_in": 7200}
        token = f"token-{len(self._tokens) + 1}"
        self._tokens = {t if t.startswith("expired:") else f"expired:{t}" for t in self._tokens} | {token}
        return {"access_token": token, "expires_in": 7200}

    def _send(self, token: str, body: Any) -> dict[str, Any]:
        code, message = self._refusal(token, body)
        if code:
            return {"errcode": code, "errmsg": message}
        key = (str(body["touser"]), str(body["template_id"]))
        if not self.accept_all:
            self.grants[key] -= 1
        self.sent.append(body)
        return {"errcode": 0, "errmsg": "ok", "msgid": len(self.sent)}

    def _refusal(self, token: str, body: Any) -> tuple[int, str]:
        """WeChat's error for a send, in the order WeChat checks (0 when it goes through)."""
        if f"expired:{token}" in self._tokens:
            return 42001, "access_token expired"
        if token not in self._tokens:
            return 40001, "invalid credential, access_token is invalid or not latest"
        if self.fail_next:
            return self.fail_next.pop(0), "played error"
        return self._content_refusal(body)

    def _content_refusal(self, body: Any) -> tuple[int, str]:
        if not isinstance(body, dict) or not isinstance(body.get("data"), dict) or not body.get("touser"):
            return 47001, "data format error"
        fields = self.templates.get(str(body.get("template_id")))
        if fields is None:
            return 40037, "invalid template_id"
        problem = _field_problem(fields, body["data"])
        if problem is not None:
            return 47003, f"argument invalid! data.{problem}.value"
        if not self.accept_all and self.grants.get((str(body["touser"]), str(body["template_id"])), 0) <= 0:
            return 43101, "user refuse to accept the msg"
        if len(self.sent) >= self.daily_quota:
            return 45009, "reach max api daily quota limit"
        return 0, "ok"

    def _answer_held(self, path: str, params: Mapping[str, str], body: Any) -> dict[str, Any]:
        answer = self.answer(path, params, body)
        if self.hold and path.endswith("/subscribe/send"):
            time.sleep(self.hold)  # delivered, but the sender waits for the answer
        return answer

    def start(self) -> FakeWeChatSubscribe:
        """Serve in a daemon thread; returns self."""
        self.http.start()
        return self

    def close(self) -> None:
        """Stop serving and release the port."""
        self.http.close()


def _field_problem(fields: Sequence[str], data: Mapping[str, Any]) -> str | None:
    """The first field WeChat would refuse: missing, unknown, not ``{"value": str}`` or too long."""
    for key in [*fields, *data]:
        value = data.get(key)
        if key not in fields or not isinstance(value, dict) or not isinstance(value.get("value"), str):
            return key
        limit = LIMITS.get(key.rstrip("0123456789"))
        if limit is not None and len(value["value"]) > limit:
            return key
    return None
