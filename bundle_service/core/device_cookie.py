"""Device cookies of the staff login (OWASP "device cookies"): proof that a browser logged in to an account before.

A browser that logged in successfully gets an HttpOnly cookie naming the account; while it holds a valid one, its
own failed logins are counted for that device only, so strangers guessing the account's password from elsewhere
cannot lock it out. The cookie is signed with a key derived from the staff session secret that can never sign a
session token.
"""

import base64
import hashlib
import hmac
import json
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

COOKIE_NAME = "bundle_staff_device"
LIFETIME = timedelta(days=30)
VERSION = "d1"
_KEY_LABEL = b"staff-device-cookie|"


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


@dataclass(frozen=True)
class DeviceCookies:
    """Issues and checks device cookies ``d1.<payload>.<signature>``, payload ``{sub, dev, exp}``.

    Args:
        secret: The staff session secret; the signing key is derived from it.
    """

    secret: bytes

    def _sign(self, payload: str) -> str:
        key = hashlib.sha256(_KEY_LABEL + self.secret).digest()
        return _b64(hmac.new(key, f"{VERSION}.{payload}".encode("ascii"), hashlib.sha256).digest())

    def issue(self, staff_id: str, now: datetime) -> str:
        """A new device cookie for ``staff_id``, valid :data:`LIFETIME` from ``now``."""
        body = {"sub": staff_id, "dev": secrets.token_urlsafe(12), "exp": int((now + LIFETIME).timestamp())}
        payload = _b64(json.dumps(body, separators=(",", ":")).encode("utf-8"))
        return f"{VERSION}.{payload}.{self._sign(payload)}"

    def device_of(self, cookie: str | None, staff_id: str, now: datetime) -> str | None:
        """The device id of a genuine, unexpired cookie for ``staff_id``; ``None`` for anything else."""
        version, _, rest = (cookie or "").partition(".")
        payload, _, signature = rest.partition(".")
        if version != VERSION or not payload or not signature:
            return None
        if not hmac.compare_digest(signature.encode("ascii", "replace"), self._sign(payload).encode("ascii")):
            return None
        try:
            data = json.loads(_unb64(payload))
            owner, device, expires = str(data["sub"]), str(data["dev"]), int(data["exp"])
        except (ValueError, KeyError, TypeError):
            return None
        return device if owner == staff_id and now.timestamp() < expires else None
