"""Who a closed-loop request (a 诉求, a rating, a vote) speaks for, once ``api/callers/`` has verified the caller.

The gateway (the action server) names the conversation in the body; a logged-in user (the H5 page, the mini
program) speaks only for ``wechat:<openid of the login token>`` and from the mini-program channel.
"""

from dataclasses import dataclass

from bundle_service.core.errors import Forbidden
from contract.conversations import MINIPROGRAM_CHANNEL

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
