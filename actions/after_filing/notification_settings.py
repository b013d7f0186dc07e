"""``action_notification_settings``: "别给我发通知了" / "开启通知" turns the user's status notifications off or on.

Only for a verified WeChat user (mini program, H5 page, WeChat chat): the service keeps the switch per openid
(``PUT /api/v1/me/notifications``, ``docs/notifications.md``). Anyone else is told where notifications go.
A question about notifications that asks for neither direction ("办理进度会通知我吗") is no switch: it is answered
from the knowledge base (how and when a user is told), like any policy question.
"""

import re

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.conversation.question_shape import is_question
from actions.conversation.replies import answer_question
from actions.service_client import ServiceError, put_json, tracker_headers, tracker_identity

OFF = "好的，已关闭办理进度通知，之后有变化不会再通知您，可随时说“查进度”或在“我的申请”查看。想恢复时说“开启通知”。"
ON = "好的，已开启办理进度通知：补正、办结、不予受理、临近期限时会通知您（夜间只发需补正、已超期等不能等的）。"
NOT_LOGGED_IN = (
    "办理进度通知发给在微信小程序登录后提交申请的用户，可在小程序“我的申请”里开关。"
    "电话或网页咨询提交的申请通过短信通知，如需停止请联系12345热线。"
)
DOWN = "抱歉，系统暂时连不上，请稍后再试，也可以在“我的申请”里设置。"
# The words decide the direction when they are clear: the two intents share these words ("消息提醒帮我关一下" and
# "消息提醒帮我开一下" differ in one character), so the classifier alone can pick the opposite of what was asked.
# "别忘了通知我" is no opt-out: 别 counts only before sending words.
TURN_OFF = re.compile(
    r"关(?:掉|闭|了|上|一下|下)|退订|停(?:止|掉|发)|取消(?:通知|提醒|推送|订阅|消息)"
    r"|(?:别|不要|不用|不想|甭)(?:再|老|总|老是|总是)?(?:给我)?(?:发|推|通知|提醒|收)"
)
TURN_ON = re.compile(
    r"开启|打开|开(?:一下|通)|恢复|重新(?:给我)?(?:发|推|通知|提醒|开)|继续(?:给我)?(?:发|推|通知|提醒)"
)


def asks_about(text: str) -> bool:
    """Whether ``text`` asks about notifications without asking to turn them off or on ("进度会通知我吗")."""
    return is_question(text) and not TURN_OFF.search(text) and not TURN_ON.search(text)


def wants_notifications(text: str, intent: str | None) -> bool:
    """Whether the user asks for notifications: the words when only one direction is said, else the intent."""
    off, on = bool(TURN_OFF.search(text)), bool(TURN_ON.search(text))
    if off != on:
        return on
    return intent != "notifications_off"


class ActionNotificationSettings(Action):
    """Turn notifications off (intent ``notifications_off``) or on (``notifications_on``) for the verified user."""

    def name(self) -> str:
        """Action name used in the domain."""
        return "action_notification_settings"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[EventType]:
        """Change the switch at the service and say what it is now; a question about notifications is answered."""
        if asks_about(str(tracker.latest_message.get("text") or "")):
            return await answer_question(dispatcher, tracker, domain)
        if not tracker_identity(tracker).openid:
            dispatcher.utter_message(text=NOT_LOGGED_IN)
            return []
        intent = (tracker.latest_message.get("intent") or {}).get("name")
        wanted = wants_notifications(str(tracker.latest_message.get("text") or ""), intent)
        try:
            answer = await put_json("/api/v1/me/notifications", {"enabled": wanted}, tracker_headers(tracker))
        except ServiceError:
            dispatcher.utter_message(text=DOWN)
            return []
        dispatcher.utter_message(text=ON if answer.get("enabled") else OFF)
        return []
