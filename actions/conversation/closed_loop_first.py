"""Turns of the closed loop that no router may turn into something else: a rating, "was it filed", "提交".

"提交" right after a complaint or a suggestion the bot answered without filing files that one.

The NLU reads "执照批下来了，想打个分" as a wish to apply and "刚才那份没交上去吧" as a yes; whichever action the
message reaches (the low-confidence action, the start of the application form) asks :func:`rating_or_unfiled` first.
"""

from __future__ import annotations

from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.events import EventType
from rasa_sdk.executor import CollectingDispatcher

from actions.appeals.appeals import FILING, start_appeal
from actions.appeals.complaint_first import told_unfiled
from actions.appeals.rating_words import wants_to_rate
from actions.appeals.ratings import ActionRate
from actions.conversation.cancelled_form import unfiled_after_cancel


async def rating_or_unfiled(
    dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
) -> list[EventType] | None:
    """A rating taken (not a complaint in rating words), or "没有提交" after a cancel; else ``None``.

    A bare "提交" / "交了吧" right after a complaint or a suggestion nothing filed opens the complaint form with it
    (never "没有可提交的申请").

    Args:
        dispatcher: Where replies go.
        tracker: The conversation.
        domain: The assistant's domain.

    Returns:
        The events of the turn handled here, or ``None`` when the message is neither.
    """
    text = str(tracker.latest_message.get("text") or "")
    if (earlier := told_unfiled(tracker)) is not None:  # "提个意见：…" answered, then "提交": that one filed
        return start_appeal(dispatcher, tracker, earlier)
    if wants_to_rate(text) and not FILING.search(text):  # "两颗星 答得驴唇不对马嘴", "想给办件打个分"
        return await ActionRate().run(dispatcher, tracker, domain)
    if (unfiled := unfiled_after_cancel(tracker, text)) is not None:  # "刚才那份没交上去吧" after "不办了"
        dispatcher.utter_message(text=unfiled)
        return []
    return None
