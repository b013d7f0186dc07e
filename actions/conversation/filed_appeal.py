"""A question about the complaint or follow-up just filed: how to follow it, and whether someone will be in touch.

Right after filing, the user (or hotline staff for the caller) asks how they will know the result. No word of the
question names the complaint, and the knowledge base, asked alone, finds the application's progress page or
nothing; the unsure NLU had even handed the call to a person. The answer is the status check with the number just
given and what it asks. A low rating opens a follow-up (整改回访) with a number too: "到时候会有人打电话给我不" right
after it (or after a complaint) is answered yes, by the date the filing named, with its number.
"""

import re

from rasa_sdk import Tracker

FILED_BY = "action_submit_appeal"
RATED_BY = frozenset({"action_rate", "action_submit_rating"})  # a 1–2 star rating opens a numbered follow-up
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
# Whether someone will be in touch: "到时候会有人打电话给我不", "你们会回访吗", "啥时候有人联系我".
CONTACT = r"联系|打电话|打给|来电|回电|回访|答复|回复|通知|找我"
WILL_CONTACT = re.compile(
    rf"(?:会|有人|有没有人|谁|什么时候|啥时候|多久|几天|哪天|要等)\S{{0,8}}?(?:{CONTACT})"
    rf"|(?:{CONTACT})\S{{0,6}}?(?:吗|不|没|么|嘛|[？?])"
)
# When, rather than whether ("多久给我答复", "什么时候有人联系我").
WHEN_ASKED = re.compile(r"多久|几天|多长时间|什么时候|啥时候|哪天|几号")
# What the filing's reply said: the date to answer by, or the working days ("5个工作日内（3月22日前）").
DUE_DATE = re.compile(r"(?:\d{4}年)?(\d{1,2}月\d{1,2}日)前")
DUE_DAYS = re.compile(r"(\d{1,2})个工作日内")
BY_PHONE = "电话"  # the filing's reply says how staff will answer: by the phone left, or in this chat
IN_CHAT = "发到这个对话里"
TURNS_BACK = 2  # the filing may be a turn back ("好的" in between)


def how_to_follow(tracker: Tracker, previous_action: str | None, text: str) -> str | None:
    """How to follow the complaint or follow-up just filed, or whether someone will call, when ``text`` asks it.

    Args:
        tracker: The conversation (its ``last_appeal_number``, or the number the filing's reply named).
        previous_action: The bot's last action before the message (the filing's or the rating's, or nothing of this).
        text: The user's message.

    Returns:
        The reply, or ``None`` when nothing was filed just before or ``text`` asks neither.
    """
    contact = bool(WILL_CONTACT.search(text)) and not HOW_TO_FOLLOW.search(text)
    if not (contact or HOW_TO_FOLLOW.search(text)):
        return None
    just_filed = previous_action == FILED_BY or previous_action in RATED_BY
    filed = _filing_said(tracker) if just_filed or contact else None
    number = (tracker.get_slot(NUMBER_SLOT) if just_filed else None) or (filed[0] if filed else None)
    if not number:
        return None
    if not contact:
        return HOW_TO_FOLLOW_REPLY.format(number=number)
    return will_contact(str(number), filed[1] if filed else "", text)


def reply_after_filing(tracker: Tracker) -> str | None:
    """:func:`how_to_follow` for the latest message, whichever intent the NLU gave it; ``None`` if it asks neither.

    "到时候会有人打电话给我不" reads as a request for a person, "你们会回访吗" as a complaint, "啥时候有人联系我" as
    progress: each router asks this first, outside a form, and says the reply instead of handing off or filing.
    """
    from actions.conversation import context  # context → here: imported when run

    return how_to_follow(tracker, context.previous_action(tracker), context.text_of(tracker))


def will_contact(number: str, said: str, text: str = "") -> str:
    """Staff will be in touch: within the working days and by the date ``said`` named, how, and the number.

    A yes/no question ("会有人联系我吗") is answered "会的" first; a when-question ("多久给我答复") with the time.
    """
    date, days = DUE_DATE.search(said), DUE_DAYS.search(said)
    within = f"{days.group(1)}个工作日内" if days else ""
    by = f"（{date.group(1)}前）" if within and date else f"{date.group(1)}前" if date else ""
    when = f"在{within}{by}" if within or by else "在答复期限内"
    how = "按您留的电话联系您" if BY_PHONE in said else "联系您，答复会发到这个对话里" if IN_CHAT in said else "联系您"
    yes = "" if WHEN_ASKED.search(text) else "会的。"
    return (
        f"{yes}工作人员会{when}{how}，编号{number}。想先了解进展，随时说“我的投诉处理得怎么样了”并提供编号；"
        "过了期限还没有消息，可以说“转人工”或拨打12345。"
    )


def _filing_said(tracker: Tracker) -> tuple[str, str] | None:
    """(number, the reply's text) of a filing or follow-up the bot's last turns named, latest first, else ``None``."""
    from actions.appeals.appeal_reading import APPEAL_NUMBER  # appeals → conversation: imported when run
    from actions.conversation.last_answer import recent_turns

    for turn in recent_turns(tracker, TURNS_BACK):
        said = "\n".join(turn)
        if found := APPEAL_NUMBER.search(said):
            return re.sub(r"\s", "", found.group()).upper(), said
    return None
