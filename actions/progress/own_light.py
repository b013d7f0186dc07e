"""A light stated about one's own application ("我的是红灯", "显示黄灯是啥情况", "我这边亮红灯了").

The user tells a fact about their own application and wants to know what it means and what to do: the meaning of
that light alone leaves them with nothing to do, a prompt for the number alone does not answer (decision D2 of the
thirteenth analysis, docs/decisions.md). So the reply gives both: what the light means (bundle.md: green while
more than 1 working day is left, yellow with 1 working day or less, red when overdue) and the offer to look at which
item it is with the application number. "红灯是什么意思" (no word of one's own) stays the knowledge base's.
"""

import re

from rasa_sdk import Tracker
from rasa_sdk.events import EventType
from rasa_sdk.executor import CollectingDispatcher

from actions.conversation import context

# The light named: "红灯", "亮红了", "显示红色", "申请变黄了" (not "生意黄了", "绿色通道", "红绿灯路口").
LIGHT = re.compile(
    r"(?<![红黄绿])(红|黄|绿)灯|(?:亮|显示)(?:了|的是|着|成)?(红|黄|绿)"
    r"|(?:进度|办件|申请|事项|审批)[^，,。？?]{0,6}?(红|黄|绿)(?:的|了|色)"
)
COLOURS = {"红": "red", "黄": "yellow", "绿": "green"}
# Words that make the light the user's own: "我的", "我这边", "我那个申请", "显示", "亮了", "变成".
OWN = re.compile(
    r"我的|我们的|我这|我那|我家|我申请|我(?:也|都)?是|我交|我提交|我办|俺的|咱的|显示|亮(?:了|着|起)|[红黄绿]灯了|变(?:成|了)|"
    r"(?:进度|办件|申请|审批|事项)(?:里|上|那里|这里|那边|这边)?(?:是|显示|亮|变)"
)
# Someone else's application, or a number given (the progress form looks it up).
NOT_MINE = re.compile(r"别人|他的|她的|朋友|同事|亲戚|邻居|CY\s*\d", re.IGNORECASE)
MEANINGS = {
    "red": "红灯表示这一项已超过办理时限（超期了），部门还没办结",
    "yellow": "黄灯表示这一项临近办理时限：离时限只剩1个工作日或更少，还没超期",
    "green": "绿灯表示这一项在办理时限内正常办理，离时限还有1个工作日以上",
}
AFTER = {
    "red": "超期的事项可以说“我要投诉”反映，或说“转人工”请工作人员帮您催办。",
    "yellow": "一般时限内就会办结，不用重新提交。",
    "green": "不用做什么，等着办结就行。",
}
OFFER = (
    "想知道是哪一项、哪个部门在办，把申请编号（CY开头，提交时的消息里有，湘易办“我的办件”里也能看到）"
    "发给我，再核对身份证号后6位，我帮您查。"
)


def stated_light(text: str) -> str | None:
    """The light (``red``/``yellow``/``green``) the user states about their own application, else ``None``.

    Args:
        text: The user's message.

    Returns:
        The light's code when the message names a colour with a word of one's own application ("我的是红灯",
        "显示黄灯是啥情况"); ``None`` for a general question ("红灯是什么意思") or someone else's application.
    """
    found = LIGHT.search(text)
    if not found or not OWN.search(text) or NOT_MINE.search(text):
        return None
    return COLOURS[next(colour for colour in found.groups() if colour)]


def reply(text: str) -> str | None:
    """The meaning of the light stated and the offer to look it up, or ``None`` when no own light is stated."""
    light = stated_light(text)
    return f"{MEANINGS[light]}。{AFTER[light]}\n{OFFER}" if light else None


def answer(dispatcher: CollectingDispatcher, tracker: Tracker) -> list[EventType] | None:
    """Say what the stated light means and offer to look at which item; ``None`` when the message states none."""
    said = reply(context.text_of(tracker))
    if said is None:
        return None
    dispatcher.utter_message(text=said)
    return []
