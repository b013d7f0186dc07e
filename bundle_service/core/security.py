"""Staff passwords (scrypt) and signed, short-lived staff session tokens (HMAC-SHA256).

scrypt cost follows OWASP's password storage guidance (N=2^17, r=8, p=1: 128 MiB and about 0.4 s per hash on
the 2-core development machine). At most :data:`MAX_CONCURRENT_HASHES` hashes run at once, so a burst of logins
cannot exhaust memory; hashes made with older parameters are upgraded at the next successful login.
"""

import base64
import hashlib
import hmac
import json
import secrets
import threading
from dataclasses import dataclass
from datetime import datetime, timedelta

SCRYPT_N = 2**17
SCRYPT_R = 8
SCRYPT_P = 1
SCRYPT_DKLEN = 32
SCRYPT_MAXMEM = 2**28  # 256 MiB: room for N=2^17, r=8 (128 MiB) and OpenSSL's overhead
MAX_CONCURRENT_HASHES = 2
TOKEN_VERSION = "s1"
_HASHING = threading.BoundedSemaphore(MAX_CONCURRENT_HASHES)


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
    digest = _scrypt(password, salt, SCRYPT_N, SCRYPT_R, SCRYPT_P, SCRYPT_DKLEN)
    return f"scrypt${SCRYPT_N}${SCRYPT_R}${SCRYPT_P}${_b64(salt)}${_b64(digest)}"


def _scrypt(password: str, salt: bytes, n: int, r: int, p: int, dklen: int) -> bytes:
    with _HASHING:
        return hashlib.scrypt(password.encode("utf-8"), salt=salt, n=n, r=r, p=p, dklen=dklen, maxmem=SCRYPT_MAXMEM)


def verify_password(password: str, stored: str) -> bool:
    """Whether ``password`` matches a hash made by :func:`hash_password` (constant-time comparison)."""
    try:
        scheme, n, r, p, salt, digest = stored.split("$")
        if scheme != "scrypt":
            return False
        expected = _unb64(digest)
        actual = _scrypt(password, _unb64(salt), int(n), int(r), int(p), len(expected))
    except (ValueError, TypeError):
        return False
    return hmac.compare_digest(actual, expected)


def needs_rehash(stored: str) -> bool:
    """Whether a stored hash was made with other parameters than today's (then rehash it at the next login)."""
    return not stored.startswith(f"scrypt${SCRYPT_N}${SCRYPT_R}${SCRYPT_P}$")


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
