"""Mini-program users: ``Authorization: Bearer <login token>`` (``contract/login_token.py``), and chat callers.

A user is :func:`current_openid` (required) or :func:`login_openid` (optional); :func:`conversation_reader` lets
them read their own conversation, :func:`chat_caller` decides who files a 诉求, a rating or a vote (the gateway or
a logged-in user), and :func:`owner_claim` lets a login token prove ownership like the gateway's openid.
"""

from typing import Annotated

from fastapi import Depends, Request

from bundle_service.api.callers.bearer import BearerDep
from bundle_service.api.callers.gateway import ClaimDep, GatewayOpenidDep, client_key, trusted_gateway
from bundle_service.api.deps import ServicesDep
from bundle_service.core.errors import Unauthenticated
from bundle_service.identity.chat_callers import BOT_ACTOR, USER_ACTOR, ChatCaller
from bundle_service.identity.session_tokens import InvalidSessionToken, SessionTokens
from bundle_service.progress.owner_verification import Claim, user_caller
from contract.conversations import wechat_sender


def session_tokens(services: ServicesDep) -> SessionTokens | None:
    """The login token issuer/verifier, or ``None`` while ``BUNDLE_SESSION_SECRET`` is unset."""
    secret = services.settings.session_secret
    if secret is None or not secret.get_secret_value():
        return None
    return SessionTokens(secret.get_secret_value(), services.settings.session_lifetime_seconds)


def _openid_of(services: ServicesDep, token: str) -> str:
    """The user of a login token.

    Raises:
        Unauthenticated: 401 while login is disabled, or for a forged or expired token.
    """
    tokens = session_tokens(services)
    if tokens is None:
        raise Unauthenticated("登录未启用。", code="login_disabled")
    try:
        return tokens.verify(token, services.clock.now().timestamp())
    except InvalidSessionToken:
        raise Unauthenticated("登录已过期或无效，请重新登录。", code="invalid_token") from None


def current_openid(services: ServicesDep, gateway_openid: GatewayOpenidDep, token: BearerDep) -> str:
    """The logged-in user's openid.

    ``Authorization: Bearer <login token>`` from the mini program or the H5 page; a trusted front layer
    (``X-Gateway-Token``, e.g. the action server) may instead assert ``X-Wechat-Openid``.

    Raises:
        Unauthenticated: 401 without a token, or with a forged, expired or foreign one.
    """
    if token is None:
        if gateway_openid:
            return gateway_openid
        raise Unauthenticated("请先登录。", code="login_required")
    return _openid_of(services, token)


def login_openid(services: ServicesDep, token: BearerDep) -> str | None:
    """The openid of a valid mini-program login token in ``Authorization``, else None (no, another or a bad token)."""
    tokens = session_tokens(services)
    if token is None or tokens is None:
        return None
    try:
        return tokens.verify(token, services.clock.now().timestamp())
    except InvalidSessionToken:
        return None


LoginOpenidDep = Annotated[str | None, Depends(login_openid)]


def chat_caller(
    request: Request, services: ServicesDep, gateway_openid: GatewayOpenidDep, token: BearerDep
) -> ChatCaller:
    """Who files a 诉求, a rating or a vote: the gateway, or the logged-in user (login token in ``Authorization``).

    Raises:
        Unauthenticated: 401 for a forged or expired login token, or without either proof on a service with a
            gateway token.
    """
    gateway_ok = trusted_gateway(request, services)
    if token is not None and not gateway_ok:
        openid = _openid_of(services, token)
        return ChatCaller(openid, wechat_sender(openid), USER_ACTOR, user_caller(openid))
    if gateway_ok or services.settings.gateway_token is None:
        return ChatCaller(gateway_openid, None, BOT_ACTOR, client_key(request, services))
    raise Unauthenticated("需要登录或可信网关令牌。", code="gateway_token_required")


def conversation_reader(conversation_id: str, request: Request, services: ServicesDep, token: BearerDep) -> None:
    """Only a trusted front layer, or the user of ``wechat:<openid>`` with their own login token, reads it.

    With no gateway token configured (development) anyone may read.

    Raises:
        Unauthenticated: 401 for anyone else.
    """
    if trusted_gateway(request, services):
        return
    if token is not None and session_tokens(services) is not None:
        openid = login_openid(services, token)
        if openid is not None and conversation_id == wechat_sender(openid):
            return
    elif services.settings.gateway_token is None:
        return
    raise Unauthenticated("无权读取该会话。", code="conversation_forbidden")


def owner_claim(claimed: ClaimDep, logged_in: LoginOpenidDep) -> Claim:
    """:func:`~bundle_service.api.callers.gateway.claim`, where the user's own login token also proves the openid."""
    return Claim(id_last6=claimed.id_last6, openid=claimed.openid or logged_in)


OpenidDep = Annotated[str, Depends(current_openid)]
ConversationReaderDep = Depends(conversation_reader)
OwnerClaimDep = Annotated[Claim, Depends(owner_claim)]
ChatCallerDep = Annotated[ChatCaller, Depends(chat_caller)]
