"""The push channels behind one interface: WeChat subscribe messages and SMS, chosen by settings.

Each turns a WeChat or gateway answer into one of three outcomes: sent, retry later, or failed for good. The
in-app chat (``inbox``) is no push: the worker writes it in its own transaction
(:mod:`bundle_service.notifications.worker`).
"""

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Literal, Protocol

from bundle_service.adapters.sms import HttpSmsGateway, SmsGateway
from bundle_service.adapters.wechat_send import sender_for
from bundle_service.core.config import Settings
from bundle_service.notifications.outbox import SMS, WECHAT
from bundle_service.notifications.templates import load_templates

SUBSCRIBE_SEND = "/cgi-bin/message/subscribe/send"
# WeChat's answers that sending again cannot change (errcode → why, as staff read it).
WECHAT_PERMANENT = {
    43101: "用户拒绝接受消息或订阅次数已用完",
    47003: "模板参数不正确",
    40003: "openid 无效",
    40037: "模板 id 无效",
}
# A daily quota or a system busy answer: try again later.
WECHAT_LATER = {45009: "接口调用超过每日限额", -1: "微信系统繁忙或网络故障"}


@dataclass(frozen=True)
class Outcome:
    """What one send came to.

    Attributes:
        result: ``sent``, ``retry`` (a passing failure) or ``failed`` (for good).
        detail: The provider's code and words (``43101 user refuse to accept the msg``), empty when sent.
        provider_id: The provider's id of the message, when it gives one.
        refused: WeChat says the user has no subscription left (43101).
    """

    result: Literal["sent", "retry", "failed"]
    detail: str = ""
    provider_id: str | None = None
    refused: bool = False


@dataclass(frozen=True)
class Outgoing:
    """A notification as a channel sends it (a copy taken when the worker claimed it)."""

    id: int
    recipient: str
    text: str
    fields: Mapping[str, Any]


class Channel(Protocol):
    """Sends one notification; never raises."""

    def send(self, outgoing: Outgoing) -> Outcome:
        """Send ``outgoing`` and say how it went."""
        ...


@dataclass(frozen=True)
class Unconfigured:
    """A channel whose settings are missing: every send fails and says which."""

    what: str

    def send(self, outgoing: Outgoing) -> Outcome:
        """Fail, naming the missing settings."""
        return Outcome("failed", f"未配置：{self.what}")


@dataclass(frozen=True)
class WeChatSubscribe:
    """WeChat subscribe messages (``POST /cgi-bin/message/subscribe/send``) with the shared cached token."""

    settings: Settings

    def send(self, outgoing: Outgoing) -> Outcome:
        """Send the template message; a token error is refreshed and retried once by the sender."""
        settings = self.settings
        assert settings.wechat_app_id and settings.wechat_app_secret is not None
        template = load_templates().wechat[str(outgoing.fields["template"])]
        body = {
            "touser": outgoing.recipient,
            "template_id": template.template_id,
            "page": template.page,
            "miniprogram_state": settings.wechat_subscribe_state,
            "lang": "zh_CN",
            "data": {key: {"value": value} for key, value in outgoing.fields["data"].items()},
        }
        sender = sender_for(
            settings.wechat_api_base, settings.wechat_app_id, settings.wechat_app_secret.get_secret_value()
        )
        result = sender.post(SUBSCRIBE_SEND, body)
        if result.ok:
            return Outcome("sent", provider_id=None)
        detail = f"{result.errcode} {WECHAT_PERMANENT.get(result.errcode) or WECHAT_LATER.get(result.errcode, '')}"
        detail = f"{detail.strip()}（{result.errmsg[:80]}）" if result.errmsg else detail.strip()
        if result.errcode in WECHAT_PERMANENT:
            return Outcome("failed", detail, refused=result.errcode == 43101)
        return Outcome("retry", detail)


@dataclass(frozen=True)
class Sms:
    """Text messages through the configured gateway; the notification's id is the gateway's ``out_id``."""

    gateway: SmsGateway

    def send(self, outgoing: Outgoing) -> Outcome:
        """Send the text; the same notification sent again is not delivered twice by a gateway honouring out_id."""
        result = self.gateway.send(outgoing.recipient, f"【创业一件事】{outgoing.text}", f"n{outgoing.id}")
        if result.ok:
            return Outcome("sent", provider_id=result.message_id)
        detail = f"{result.code} {result.message}".strip()
        return Outcome("failed" if result.permanent else "retry", detail)


def build_channels(settings: Settings) -> dict[str, Channel]:
    """The push channels as ``settings`` configure them (missing settings: a channel that fails and says so)."""
    wechat: Channel
    if settings.wechat_app_id and settings.wechat_app_secret is not None:
        wechat = WeChatSubscribe(settings)
    else:
        wechat = Unconfigured("BUNDLE_WECHAT_APP_ID / BUNDLE_WECHAT_APP_SECRET")
    sms: Channel = Unconfigured("BUNDLE_SMS_GATEWAY_URL")
    if settings.sms_gateway_url:
        token = settings.sms_gateway_token.get_secret_value() if settings.sms_gateway_token else None
        sms = Sms(HttpSmsGateway(settings.sms_gateway_url, token))
    return {WECHAT: wechat, SMS: sms}
