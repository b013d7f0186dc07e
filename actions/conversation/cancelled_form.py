"""Whether the form just cancelled went in: "没交上去吧", "刚才那个应该没提交吧" right after "不办了".

A cancel closes the form and clears what was typed; nothing is filed. A question whether it was filed, asked a turn
or two later, is about that form, not an application's progress: read as check_progress it asked for an
application number the user never had, read as a stop it got "好的". Any router the message reaches can ask
:func:`unfiled_after_cancel` first (the low-confidence action does).
"""

from __future__ import annotations

import re

from rasa_sdk import Tracker

from actions.application.application_actions import CANCELLED
from actions.conversation.last_answer import recent_turns
from actions.conversation.question_shape import is_question

# Filed, in the words people ask it with: "提交了吗", "没交上去吧", "应该没交出去吧", "报上去没", "发出去了没".
SUBMITTED_WORDS = re.compile(
    r"提交|递交|交上|交出|交过去|交了|交没交|报上|报出|报过去|发出去|发过去|发上去|申请上|传上|上传了|成功"
)
# Asking or hedging about it ("…吧", "…了没", "…不"): a statement ("我交了材料") asks nothing.
ASKED = re.compile(r"[吧吗嘛么呢没不][。.！!？?～~]*$|[?？]|没有?(?:提交|交|报|发|传)|了没")
APPLICATION_NUMBER = re.compile(r"CY\s*\d", re.IGNORECASE)  # a number named: that application's progress
TURNS_READ = 3  # the cancel is remembered for this many of the bot's turns
NOT_SUBMITTED = "没有提交：刚才已取消，填写的内容已清除，不会交到任何部门。想办的话随时说“我要申请”，我帮您重新填。"


def unfiled_after_cancel(tracker: Tracker, text: str) -> str | None:
    """The reply "没有提交…" when ``text`` asks whether the form cancelled in the last turns was filed, else ``None``.

    Args:
        tracker: The conversation (the bot's last turns: a cancel said in one of them, nothing filed after it).
        text: The user's message.

    Returns:
        :data:`NOT_SUBMITTED`, or ``None`` when the message asks something else or no form was just cancelled.
    """
    if not SUBMITTED_WORDS.search(text) or APPLICATION_NUMBER.search(text):
        return None
    if not (ASKED.search(text) or is_question(text)):
        return None
    for turn in recent_turns(tracker, TURNS_READ):
        if any(said.startswith(CANCELLED) for said in turn):
            return NOT_SUBMITTED
    return None
