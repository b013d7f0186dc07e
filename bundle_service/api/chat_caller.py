"""Who files a 诉求, a rating or a vote: the action server (gateway) or a logged-in chat page user.

The gateway (``X-Gateway-Token``) names the conversation in the body and may assert the WeChat user of a
``wechat:`` conversation in ``X-Wechat-Openid``, exactly as for applications. A logged-in user (the H5 page, the mini
program) speaks only for ``wechat:<openid of the login token>``.
"""

from dataclasses import dataclass
from typing import Annotated

from fastapi import Depends, Request

from bundle_service.api.callers import BearerDep, client_key, owner_openid, session_tokens, trusted_gateway
from bundle_service.api.deps import ServicesDep
from bundle_service.core.errors import Forbidden, Unauthenticated
from bundle_service.identity.session_tokens import InvalidSessionToken
from bundle_service.progress.owner_verification import user_caller
from contract.conversations import MINIPROGRAM_CHANNEL, wechat_sender

BOT_ACTOR = "system:bot"
USER_ACTOR = "user"


@dataclass(frozen=True)
class ChatCaller:
    """The caller of a closed-loop endpoint.

    Attributes:
        openid: The verified WeChat user, if any.
        own_conversation: The only conversation a logged-in user may name (``None`` for the gateway).
        actor: Audit actor (``system:bot`` or ``user``).
        client_key: Who is counted by the verification throttle.
    """

    openid: str | None
    own_conversation: str | None
    actor: str
    client_key: str

    def conversation(self, given: str | None) -> str | None:
        """The conversation the request is about.

        Raises:
            Forbidden: 403 ``not_your_conversation`` when a user names someone else's.
        """
        if self.own_conversation is None:
            return given
        if given and given != self.own_conversation:
            raise Forbidden("只能为自己的对话提交。", code="not_your_conversation")
        return self.own_conversation

    def channel(self, given: str | None, conversation: str | None) -> str:
        """The channel: the user's page, else the gateway's word, else the conversation's prefix."""
        if self.own_conversation is not None:
            return MINIPROGRAM_CHANNEL
        if given:
            return given
        prefix, sep, _ = (conversation or "").partition(":")
        return prefix if sep else "rest"


def chat_caller(
    request: Request,
    services: ServicesDep,
    gateway_openid: Annotated[str | None, Depends(owner_openid)],
    token: BearerDep,
) -> ChatCaller:
    """The gateway or the logged-in user (login token in ``Authorization: Bearer``).

    Raises:
        Unauthenticated: 401 for a forged or expired login token, or without either proof on a service with a
            gateway token.
    """
    gateway = trusted_gateway(request, services)
    if token is not None and not gateway:
        tokens = session_tokens(services)
        if tokens is None:
            raise Unauthenticated("登录未启用。", code="login_disabled")
        try:
            openid = tokens.verify(token, services.clock.now().timestamp())
        except InvalidSessionToken:
            raise Unauthenticated("登录已过期或无效，请重新登录。", code="invalid_token") from None
        return ChatCaller(openid, wechat_sender(openid), USER_ACTOR, user_caller(openid))
    if gateway or services.settings.gateway_token is None:
        return ChatCaller(gateway_openid, None, BOT_ACTOR, client_key(request, services))
    raise Unauthenticated("需要登录或可信网关令牌。", code="gateway_token_required")


ChatCallerDep = Annotated[ChatCaller, Depends(chat_caller)]
