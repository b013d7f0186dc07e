"""Who a mini-program request is for: the openid in the service's login token (or a trusted gateway's)."""

from typing import Annotated

from fastapi import Depends, Header, Request

from bundle_service.api.deps import ServicesDep, owner_openid
from bundle_service.core.errors import Unauthenticated
from bundle_service.identity.session_tokens import InvalidSessionToken, SessionTokens


def session_tokens(services: ServicesDep) -> SessionTokens | None:
    """The token issuer/verifier, or ``None`` while ``BUNDLE_SESSION_SECRET`` is unset."""
    secret = services.settings.session_secret
    if secret is None or not secret.get_secret_value():
        return None
    return SessionTokens(secret.get_secret_value(), services.settings.session_lifetime_seconds)


def current_openid(
    request: Request,
    services: ServicesDep,
    gateway_openid: Annotated[str | None, Depends(owner_openid)],
    authorization: Annotated[str | None, Header()] = None,
) -> str:
    """The logged-in user's openid.

    ``Authorization: Bearer <login token>`` from the mini program or the H5 page; a trusted front layer
    (``X-Gateway-Token``, e.g. the action server) may instead assert ``X-Wechat-Openid``.

    Raises:
        Unauthenticated: 401 without a token, or with a forged, expired or foreign one.
    """
    scheme, _, token = (authorization or "").partition(" ")
    if not token.strip() or scheme.lower() != "bearer":
        if gateway_openid:
            return gateway_openid
        raise Unauthenticated("请先登录。", code="login_required")
    tokens = session_tokens(services)
    if tokens is None:
        raise Unauthenticated("登录未启用。", code="login_disabled")
    try:
        return tokens.verify(token.strip(), services.clock.now().timestamp())
    except InvalidSessionToken:
        raise Unauthenticated("登录已过期或无效，请重新登录。", code="invalid_token") from None


OpenidDep = Annotated[str, Depends(current_openid)]
