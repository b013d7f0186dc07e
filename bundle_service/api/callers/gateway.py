"""The gateway (``X-Gateway-Token``: the action server, a trusted front layer) and the claims only it may make.

``X-Wechat-Openid`` (:func:`owner_openid`) and ``X-Client-Id`` (:func:`client_key`) count only with a valid
gateway token; ``X-Id-Last6`` is a proof anyone may offer (:func:`claim`).
"""

from typing import Annotated

from fastapi import Depends, Header, Request

from bundle_service.api.callers.bearer import matches
from bundle_service.api.deps import ServicesDep
from bundle_service.core.errors import Unauthenticated
from bundle_service.models.throttle import CLIENT_KEY_LENGTH
from bundle_service.progress.owner_verification import Claim
from contract import gateway


def trusted_gateway(request: Request, services: ServicesDep) -> bool:
    """Whether the request comes from a trusted front layer (valid ``X-Gateway-Token``)."""
    token = services.settings.gateway_token
    return token is not None and matches(request.headers.get(gateway.TOKEN_HEADER), token.get_secret_value())


def require_gateway_for_records(request: Request, services: ServicesDep) -> None:
    """A lookup of shared records by ID number is for trusted front layers only (the action server).

    The records tell whether a person is registered unemployed, hard to employ, a veteran…: nobody may learn
    that by typing someone's ID number. Open in development, when no gateway token is configured.

    Raises:
        Unauthenticated: 401 without a valid ``X-Gateway-Token``.
    """
    if services.settings.gateway_token is not None and not trusted_gateway(request, services):
        raise Unauthenticated("按身份证号查询共享数据需要可信网关令牌。", code="gateway_token_required")


def client_key(request: Request, services: ServicesDep) -> str:
    """Who is asking, for throttling: a trusted front layer's ``X-Client-Id``, else the peer address (one key)."""
    if trusted_gateway(request, services):
        client_id = request.headers.get(gateway.CLIENT_ID_HEADER)
        if client_id:
            return f"id:{client_id}"[:CLIENT_KEY_LENGTH]
    return f"ip:{request.client.host if request.client else 'unknown'}"


def owner_openid(request: Request, services: ServicesDep) -> str | None:
    """The WeChat openid a trusted front layer asserts in ``X-Wechat-Openid`` (ignored otherwise)."""
    if trusted_gateway(request, services):
        openid = request.headers.get(gateway.OPENID_HEADER)
        return openid[:64] if openid else None
    return None


GatewayOpenidDep = Annotated[str | None, Depends(owner_openid)]


def claim(openid: GatewayOpenidDep, x_id_last6: Annotated[str | None, Header()] = None) -> Claim:
    """Proof of ownership offered in headers: ``X-Id-Last6``, or the trusted ``X-Wechat-Openid``."""
    return Claim(id_last6=x_id_last6, openid=openid)


ClientKeyDep = Annotated[str, Depends(client_key)]
ClaimDep = Annotated[Claim, Depends(claim)]
GatewayForRecords = Depends(require_gateway_for_records)
