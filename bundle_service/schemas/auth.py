"""Mini-program login: the ``wx.login`` code in, the service's own token out."""

from pydantic import BaseModel, ConfigDict, Field


class WechatLoginIn(BaseModel):
    """The code ``wx.login`` gave the mini program (valid once, for 5 minutes)."""

    model_config = ConfigDict(extra="forbid")

    code: str = Field(min_length=1, max_length=128)


class TokenOut(BaseModel):
    """The service's login token: send it as ``Authorization: Bearer <token>``.

    Attributes:
        token: A JWT (HS256) whose subject is the user's openid.
        token_type: Always ``Bearer``.
        expires_in: Seconds until it expires; log in again after that.
    """

    token: str
    token_type: str = "Bearer"
    expires_in: int
