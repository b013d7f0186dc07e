"""The two readings every kind of caller shares: the ``Authorization`` bearer token and a constant-time key check.

The ``Authorization`` header is parsed here, once: the admin token, a staff session and a mini-program login token
all arrive as ``Bearer <token>`` and are told apart by the modules beside this one.
"""

import hmac
from typing import Annotated

from fastapi import Depends, Header


def matches(given: str | None, expected: str) -> bool:
    """Whether ``given`` is ``expected``, compared in constant time (``None`` never matches)."""
    return given is not None and hmac.compare_digest(given.encode(), expected.encode())


def bearer_token(authorization: Annotated[str | None, Header()] = None) -> str | None:
    """The token of ``Authorization: Bearer <token>``, or ``None`` for no header, another scheme or no token."""
    scheme, _, token = (authorization or "").partition(" ")
    return token.strip() if scheme.lower() == "bearer" and token.strip() else None


BearerDep = Annotated[str | None, Depends(bearer_token)]
