"""A question about the complaint just filed ("以后怎么查处理结果", "我咋知道处理到哪了"): how to follow it.

Right after filing, the user (or hotline staff for the caller) asks how they will know the result. No word of the
question names the complaint, and the knowledge base, asked alone, finds the application's progress page or
nothing; the unsure NLU had even handed the call to a person. The answer is the status check with the number just
given and what it asks.
"""

import re

from rasa_sdk import Tracker

FILED_BY = "action_submit_appeal"
NUMBER_SLOT = "last_appeal_number"
# How to follow it: "怎么查处理结果", "去哪看进度", "怎么知道处理到哪了", "结果在哪看".
HOW_TO_FOLLOW = re.compile(
    r"(?:怎么|怎样|如何|咋|哪里|哪儿|在哪|去哪)(?:样)?(?:才能|能|可以|去)?(?:查|看|知道|跟进|问)"
    r"|(?:结果|进度|进展|处理情况)\S{0,4}?(?:在哪|哪里|怎么|咋)"
)
HOW_TO_FOLLOW_REPLY = (
    "想了解这件事的处理情况，随时在这里说“我的投诉处理得怎么样了”，并发编号{number}；登记时留了电话的，再按提示发电话的"
    "后4位就能查到。工作人员处理后也会按您留的联系方式答复，过了答复期限还没有消息，可以说“转人工”或拨打12345。"
)


def how_to_follow(tracker: Tracker, previous_action: str | None, text: str) -> str | None:
    """How to follow the complaint filed in the bot's previous turn, when ``text`` asks it; else ``None``.

    Args:
        tracker: The conversation (its ``last_appeal_number``).
        previous_action: The bot's last action before the message (the filing's, or nothing of this here).
        text: The user's message.
    """
    number = tracker.get_slot(NUMBER_SLOT)
    if previous_action != FILED_BY or not number or not HOW_TO_FOLLOW.search(text):
        return None
    return HOW_TO_FOLLOW_REPLY.format(number=number)
