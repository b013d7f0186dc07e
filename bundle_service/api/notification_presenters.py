"""Notifications → response shapes: what staff see (recipient masked) and the user's settings."""

from bundle_service.models import Notification
from bundle_service.models.notification import DEFERRED, FAILED, QUEUED, SENDING, SENT, SKIPPED
from bundle_service.notifications.outbox import INBOX, SMS, WECHAT
from bundle_service.notifications.preferences import Subscription
from bundle_service.schemas.notification import NotificationOut, NotificationSettingsOut, SubscriptionOut
from contract.masking import mask_openid, mask_phone

CHANNEL_LABELS = {WECHAT: "微信订阅消息", INBOX: "对话消息", SMS: "短信"}
STATUS_LABELS = {
    QUEUED: "排队中",
    DEFERRED: "暂缓发送",
    SENDING: "发送中",
    SENT: "已发送",
    FAILED: "发送失败",
    SKIPPED: "未发送",
}


def notification_out(row: Notification) -> NotificationOut:
    """One notification for the console; a queued row after a failed attempt reads 重试中."""
    label = STATUS_LABELS[row.status]
    if row.status == QUEUED and row.attempts:
        label = f"重试中（已尝试{row.attempts}次）"
    recipient = mask_phone(row.recipient) if row.channel == SMS else mask_openid(row.recipient)
    return NotificationOut(
        id=row.id,
        event=row.template,
        channel=row.channel,
        channel_label=CHANNEL_LABELS.get(row.channel, row.channel),
        recipient=recipient,
        text=row.text,
        status=row.status,
        status_label=label,
        attempts=row.attempts,
        last_error=row.last_error,
        urgent=row.urgent,
        created_at=row.created_at,
        next_attempt_at=row.next_attempt_at if row.status in (QUEUED, DEFERRED) else None,
        sent_at=row.sent_at,
        history=[{k: str(v) for k, v in entry.items()} for entry in row.history],
    )


def settings_out(enabled: bool, subscriptions: list[Subscription], quiet_hours: str) -> NotificationSettingsOut:
    """The user's notification settings."""
    return NotificationSettingsOut(
        enabled=enabled,
        subscriptions=[SubscriptionOut(**vars(s)) for s in subscriptions],
        quiet_hours=quiet_hours,
    )
