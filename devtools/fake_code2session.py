"""A local stand-in for WeChat's code2Session (``GET /sns/jscode2session``), for tests and the H5 dev login.

Codes it accepts: ``dev-<name>`` (letters, digits, ``_`` and ``-``, up to 40) → openid ``dev_<name>``, every
time (a real code works once; the dev login re-uses its code). Codes that play WeChat's errors: ``invalid`` →
40029, ``used`` → 40163, ``ratelimit`` → 45011, ``busy`` → -1, ``broken`` → a non-JSON 502. Anything else →
40029. A wrong ``appid`` → 40013, a wrong ``secret`` → 40125, a wrong ``grant_type`` → 40002.

Run it beside the stack for the H5 dev login::

    .venv/bin/python scripts/fake_code2session.py --port 8091
    BUNDLE_WECHAT_API_BASE=http://127.0.0.1:8091 make run

Standard library only.
"""

from __future__ import annotations

import argparse
import re
from collections.abc import Mapping
from typing import Any

from devtools.fake_json_server import JsonServer
from devtools.fake_wechat_subscribe import FakeWeChatSubscribe

DEV_APP_ID = "wxdevfake0000000001"
DEV_APP_SECRET = "dev-app-secret"
DEV_CODE = re.compile(r"dev-([A-Za-z0-9_-]{1,40})")
ERROR_CODES = {
    "invalid": (40029, "invalid code"),
    "used": (40163, "code been used"),
    "ratelimit": (45011, "api minute-quota reach limit"),
    "busy": (-1, "system error"),
}


class FakeCode2Session:
    """The fake in a background thread on 127.0.0.1.

    Attributes:
        app_id: The AppID it expects.
        app_secret: The AppSecret it expects.
        requests: Query parameters of every request received, in order.
    """

    def __init__(
        self,
        app_id: str = DEV_APP_ID,
        app_secret: str = DEV_APP_SECRET,
        port: int = 0,
        subscribe: FakeWeChatSubscribe | None = None,
    ) -> None:
        """Bind ``port`` (0: a free one); call ``start`` to serve.

        ``subscribe`` also answers WeChat's token and subscribe-message paths on the same address (the development
        stack: one ``BUNDLE_WECHAT_API_BASE`` serves the login and the notifications).
        """
        self.app_id = app_id
        self.app_secret = app_secret
        self.subscribe = subscribe
        self.requests: list[dict[str, str]] = []
        self.http = JsonServer(
            lambda path, query, body, _headers: self._request(path, query, body), port, "fake-code2session"
        )
        self.server, self.base_url = self.http.server, self.http.base_url

    def _request(self, path: str, params: Mapping[str, str], body: Any = None) -> tuple[int, Any]:
        self.requests.append(dict(params))
        if path != "/sns/jscode2session":
            if self.subscribe is not None:
                return 200, self.subscribe.answer(path, params, body)
            return 404, {"errcode": 404, "errmsg": "not found"}
        return self.answer(dict(params))

    def answer(self, params: dict[str, str]) -> tuple[int, Any]:
        """Status and body for one request's query parameters."""
        expected = {
            "appid": (self.app_id, 40013, "invalid appid"),
            "secret": (self.app_secret, 40125, "invalid appsecret"),
            "grant_type": ("authorization_code", 40002, "invalid grant_type"),
        }
        for name, (value, errcode, errmsg) in expected.items():
            if params.get(name) != value:
                return 200, {"errcode": errcode, "errmsg": errmsg}
        code = params.get("js_code", "")
        if code == "broken":
            return 502, "<html>bad gateway</html>"
        if code in ERROR_CODES:
            errcode, errmsg = ERROR_CODES[code]
            return 200, {"errcode": errcode, "errmsg": errmsg}
        match = DEV_CODE.fullmatch(code)
        if match is None:
            return 200, {"errcode": 40029, "errmsg": "invalid code"}
        return 200, {"openid": f"dev_{match.group(1)}", "session_key": "ZmFrZS1zZXNzaW9uLWtleQ=="}

    def start(self) -> FakeCode2Session:
        """Serve in a daemon thread."""
        self.http.start()
        return self

    def stop(self) -> None:
        """Stop serving and close the socket."""
        self.http.close()


def main() -> None:
    """Serve until interrupted."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--port", type=int, default=8091)
    parser.add_argument("--app-id", default=DEV_APP_ID)
    parser.add_argument("--app-secret", default=DEV_APP_SECRET)
    args = parser.parse_args()
    fake = FakeCode2Session(args.app_id, args.app_secret, args.port)
    print(f"fake code2Session on {fake.base_url} (AppID {args.app_id}, AppSecret {args.app_secret})", flush=True)
    try:
        fake.server.serve_forever()
    except KeyboardInterrupt:
        fake.server.server_close()


if __name__ == "__main__":
    main()
