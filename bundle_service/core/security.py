"""Staff passwords (scrypt) and signed, short-lived staff session tokens (HMAC-SHA256)."""

import base64
import hashlib
import hmac
import json
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

SCRYPT_N = 2**14
SCRYPT_R = 8
SCRYPT_P = 1
SCRYPT_DKLEN = 32
TOKEN_VERSION = "s1"


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def hash_password(password: str, salt: bytes | None = None) -> str:
    """Hash a password with scrypt and a random salt.

    Args:
        password: The plain password.
        salt: Salt to use (tests only); 16 random bytes by default.

    Returns:
        ``scrypt$N$r$p$<salt>$<hash>`` (base64url), self-describing so parameters can change later.
    """
    salt = salt or secrets.token_bytes(16)
    digest = hashlib.scrypt(password.encode("utf-8"), salt=salt, n=SCRYPT_N, r=SCRYPT_R, p=SCRYPT_P, dklen=SCRYPT_DKLEN)
    return f"scrypt${SCRYPT_N}${SCRYPT_R}${SCRYPT_P}${_b64(salt)}${_b64(digest)}"


def verify_password(password: str, stored: str) -> bool:
    """Whether ``password`` matches a hash made by :func:`hash_password` (constant-time comparison)."""
    try:
        scheme, n, r, p, salt, digest = stored.split("$")
        if scheme != "scrypt":
            return False
        expected = _unb64(digest)
        actual = hashlib.scrypt(
            password.encode("utf-8"), salt=_unb64(salt), n=int(n), r=int(r), p=int(p), dklen=len(expected)
        )
    except (ValueError, TypeError):
        return False
    return hmac.compare_digest(actual, expected)


@dataclass(frozen=True)
class StaffSession:
    """What a valid session token says.

    Attributes:
        staff_id: Login name of the staff member.
        role: ``staff`` or ``admin``.
        expires_at: When the token stops being accepted.
    """

    staff_id: str
    role: str
    expires_at: datetime


@dataclass(frozen=True)
class TokenSigner:
    """Issues and checks session tokens: ``s1.<payload>.<signature>``, payload JSON ``{sub, role, exp}``.

    Args:
        secret: HMAC key.
        ttl: Lifetime of a token.
    """

    secret: bytes
    ttl: timedelta

    def _sign(self, payload: str) -> str:
        mac = hmac.new(self.secret, f"{TOKEN_VERSION}.{payload}".encode("ascii"), hashlib.sha256)
        return _b64(mac.digest())

    def issue(self, staff_id: str, role: str, now: datetime) -> tuple[str, datetime]:
        """A token for ``staff_id`` valid for ``ttl`` from ``now``, and its expiry."""
        expires_at = now + self.ttl
        body = json.dumps({"sub": staff_id, "role": role, "exp": int(expires_at.timestamp())}, separators=(",", ":"))
        payload = _b64(body.encode("utf-8"))
        return f"{TOKEN_VERSION}.{payload}.{self._sign(payload)}", expires_at

    def check(self, token: str, now: datetime) -> StaffSession | None:
        """The session of a genuine, unexpired token; ``None`` for anything else."""
        version, _, rest = token.partition(".")
        payload, _, signature = rest.partition(".")
        if version != TOKEN_VERSION or not payload or not signature:
            return None
        if not hmac.compare_digest(signature.encode("ascii", "replace"), self._sign(payload).encode("ascii")):
            return None
        try:
            data = json.loads(_unb64(payload))
            expires_at = datetime.fromtimestamp(int(data["exp"]), tz=now.tzinfo)
            session = StaffSession(staff_id=str(data["sub"]), role=str(data["role"]), expires_at=expires_at)
        except (ValueError, KeyError, TypeError):
            return None
        return session if now < expires_at else None
