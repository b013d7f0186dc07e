"""The service's own short-lived login tokens for mini-program users (JWT, HS256).

Format (shared with the Rasa channel ``channels/miniprogram.py``, documented in ``docs/channels.md``): a JWT
signed with HMAC-SHA256 under ``BUNDLE_SESSION_SECRET``, claims ``iss`` = ``bundle-service``, ``aud`` =
``miniprogram``, ``sub`` = the WeChat openid, ``iat`` and ``exp`` (seconds since the epoch).
"""

from dataclasses import dataclass

import jwt

from contract import login_token
from contract.login_token import ALGORITHM, AUDIENCE, ISSUER, REQUIRED_CLAIMS


class InvalidSessionToken(Exception):
    """The token is missing, forged, expired or not one of ours."""


@dataclass(frozen=True)
class SessionTokens:
    """Issues and verifies login tokens.

    Attributes:
        secret: The HMAC key shared with the chat channel.
        lifetime_seconds: How long an issued token is valid.
    """

    secret: str
    lifetime_seconds: int

    def issue(self, openid: str, now: float) -> str:
        """A token for ``openid``, valid from ``now`` (epoch seconds) for ``lifetime_seconds``."""
        claims = login_token.claims_for(openid, now, self.lifetime_seconds)
        return jwt.encode(claims, self.secret, algorithm=ALGORITHM)

    def verify(self, token: str, now: float) -> str:
        """The openid a valid token was issued for.

        Raises:
            InvalidSessionToken: bad signature, wrong algorithm, issuer or audience, expired, or no subject.
        """
        try:
            claims = jwt.decode(
                token,
                self.secret,
                algorithms=[ALGORITHM],
                audience=AUDIENCE,
                issuer=ISSUER,
                options={"require": list(REQUIRED_CLAIMS), "verify_exp": False},
            )
            return login_token.subject_of(claims, now)
        except (jwt.PyJWTError, login_token.InvalidClaims) as error:
            raise InvalidSessionToken(str(error)) from error
