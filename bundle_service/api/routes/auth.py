"""Mini-program login: ``POST /api/v1/auth/wechat-login`` exchanges a ``wx.login`` code for a service token."""

import hashlib
import logging

from fastapi import APIRouter

from bundle_service.api.callers import session_tokens
from bundle_service.api.deps import ServicesDep
from bundle_service.identity.wechat_login import Code2Session, LoginUnavailable
from bundle_service.schemas.auth import TokenOut, WechatLoginIn
from bundle_service.schemas.common import ErrorOut

logger = logging.getLogger(__name__)
router = APIRouter(prefix="/auth", tags=["auth"])
ERRORS: dict[int | str, dict[str, object]] = {
    401: {"model": ErrorOut},
    429: {"model": ErrorOut},
    503: {"model": ErrorOut},
}


@router.post("/wechat-login", responses=ERRORS)
def wechat_login(body: WechatLoginIn, services: ServicesDep) -> TokenOut:
    """Exchange the code through WeChat's code2Session for the openid and issue the service's own token.

    Raises:
        Unauthenticated: 401, the code is invalid, expired or used (40029, 40163).
        LoginRateLimited: 429 with ``Retry-After``, WeChat's login limit (45011).
        LoginUnavailable: 503, WeChat busy (-1) or unreachable, or login not configured here.
    """
    settings = services.settings
    tokens = session_tokens(services)
    if tokens is None or not settings.wechat_app_id or settings.wechat_app_secret is None:
        raise LoginUnavailable("微信登录未配置，请联系管理员。", code="login_not_configured")
    client = Code2Session(
        settings.wechat_api_base, settings.wechat_app_id, settings.wechat_app_secret.get_secret_value()
    )
    openid = client.openid(body.code.strip())
    logger.info("mini-program login: %s…#%s", openid[:4], hashlib.sha256(openid.encode()).hexdigest()[:6])
    token = tokens.issue(openid, services.clock.now().timestamp())
    return TokenOut(token=token, expires_in=tokens.lifetime_seconds)
