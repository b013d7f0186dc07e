"""WeChat login: a mini program's ``wx.login`` code → the user's openid through code2Session."""

import logging
from dataclasses import dataclass

from bundle_service.adapters import wechat_api
from bundle_service.adapters.wechat_api import WeChatApiError
from bundle_service.core.errors import ServiceError, TooManyAttempts, Unauthenticated

logger = logging.getLogger(__name__)
TIMEOUT_SECONDS = 5.0
INVALID_CODE = {40029, 40163}  # invalid code; code already used
RATE_LIMITED = 45011
BUSY = -1


class LoginRateLimited(TooManyAttempts):
    """WeChat refuses more logins for this user for now (429 with ``Retry-After``)."""

    default_code = "login_rate_limited"

    def __init__(self, retry_after: int = 60) -> None:
        ServiceError.__init__(self, "登录太频繁了，请1分钟后再试。")
        self.retry_after = retry_after


class LoginUnavailable(ServiceError):
    """WeChat cannot be reached or is busy, or login is not configured here (503)."""

    status_code = 503
    default_code = "login_unavailable"


@dataclass(frozen=True)
class Code2Session:
    """Client of ``GET {api_base}/sns/jscode2session``.

    Attributes:
        api_base: Root of the WeChat API (a local fake in tests).
        app_id: The mini program's AppID.
        app_secret: Its AppSecret.
    """

    api_base: str
    app_id: str
    app_secret: str

    def openid(self, code: str) -> str:
        """The openid of the user whose ``wx.login`` produced ``code``.

        Raises:
            Unauthenticated: 401, the code is invalid, expired or already used (40029, 40163).
            LoginRateLimited: 429, WeChat's per-user login limit (45011).
            LoginUnavailable: 503, WeChat busy (-1), unreachable, or another error.
        """
        params = {"appid": self.app_id, "secret": self.app_secret, "js_code": code, "grant_type": "authorization_code"}
        url = f"{self.api_base.rstrip('/')}/sns/jscode2session"
        try:
            body = wechat_api.call("GET", url, params=params, timeout=TIMEOUT_SECONDS)
        except WeChatApiError as error:
            raise _login_error(error.errcode, error.errmsg) from None
        openid = body.get("openid")
        if isinstance(openid, str) and openid:
            return openid
        raise _login_error(0, str(body.get("errmsg")))


def _login_error(errcode: int | None, errmsg: str) -> ServiceError:
    """The service error for a failed code2Session call (``errcode`` 0: an answer without an openid)."""
    if errcode is None:
        logger.warning("code2Session unreachable: %s", errmsg)
        return LoginUnavailable("暂时无法连接微信服务，请稍后再试。", code="wechat_unreachable")
    if errcode in INVALID_CODE:
        return Unauthenticated("登录凭证无效或已过期，请重新登录。", code="invalid_login_code")
    if errcode == RATE_LIMITED:
        return LoginRateLimited()
    if errcode == BUSY:
        return LoginUnavailable("微信服务繁忙，请稍后再试。", code="wechat_busy")
    logger.error("code2Session refused: errcode=%s errmsg=%s", errcode, errmsg)
    return LoginUnavailable("微信登录暂时不可用，请稍后再试。", code="wechat_login_failed")
