"""Replies shared by the routers and forms: a knowledge-base answer in place, and replies that never loop.

No reply is said three times in a row: a repeated situation gets the next variant (the last ones give an example,
choices and a person).
"""

from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.events import EventType
from rasa_sdk.executor import CollectingDispatcher

from actions.conversation import context, question_shape
from actions.knowledge.questions import ActionAnswerQuestion, answer_one
from actions.service_client import ServiceUnavailable

OUT_OF_SCOPE = (
    "抱歉，这个问题超出了我的服务范围 😅 我专门负责个人创业“一件事”：创业政策、补贴贷款、营业执照、办理进度等，"
    "欢迎问我这些。",
    "抱歉，这个问题不在我的服务范围，我帮不上忙。我能做的是：1. 解答创业政策（例如“创业补贴有多少”）；"
    "2. 帮您申请（说“我要申请创业贷款”）；3. 查询办理进度（发申请编号）。您想办哪一件？"
    "都不是的话说“转人工”，工作人员会在这里回复您。",
    "抱歉，这个不在我的服务范围，看来我没能帮到您。您可以直接问补贴、贷款等政策，说“我要申请”办理事项，"
    "或发申请编号查询进度；需要的话说“转人工”，"
    "工作人员会在这里回复您，也可以拨打12345政务服务便民热线，或到政务服务大厅的创业服务窗口咨询。",
)


# The second time, after either first reply: what to say next, and a person.
SAY_WHAT_YOU_WANT = (
    "换个方式说：您告诉我想做什么就行，比如“我想贷款开店”“帮我看看我能享受哪些政策”“查我的申请进度”。"
    "还是不清楚的话说“转人工”，工作人员会在这里回复您，也可以拨打12345。"
)
# What the assistant can do, said when the user did not understand it (actions/conversation/confused.py).
MENU = (
    "不好意思，我没说清楚。我能帮您做这几件事，直接说后面的话就行：\n1. 讲政策：“创业补贴有多少”“贷款能贷多少”；\n"
    "2. 帮您申请：“我要申请”，我一步一步问您；\n3. 看看能享受哪些政策：“帮我匹配政策”；\n"
    "4. 查办理进度：发申请编号；\n5. 找工作人员：“转人工”。",
    SAY_WHAT_YOU_WANT,
)
# Replies that give the user nothing they asked for: a decline, "say it again", "only emoji", "how can I help", the
# menu of what the assistant does.
NON_ANSWERS = (
    *OUT_OF_SCOPE,
    context.NO_WORDS,
    context.NO_CHINESE,
    "不好意思，我没太明白您的意思",
    "还是没太明白",
    MENU[0],
)
NON_ANSWER_RESPONSES = frozenset({"utter_how_can_help", "utter_default"})
PERSON_AFTER = 2  # non-answers in a row before the next one offers a person instead


def non_answers_in_a_row(tracker: Tracker) -> int:
    """How many of the bot's latest replies in a row gave nothing asked for (:data:`NON_ANSWERS`)."""
    count = 0
    for event in reversed(tracker.events):
        if event.get("event") != "bot" or not (event.get("text") or "").strip():
            continue
        response = (event.get("metadata") or {}).get("utter_action")
        if response not in NON_ANSWER_RESPONSES and not str(event["text"]).startswith(tuple(NON_ANSWERS)):
            break
        count += 1
    return count


def person_due(tracker: Tracker) -> str | None:
    """The offer of a person when the user got :data:`PERSON_AFTER` non-answers in a row (not just said), else None.

    "呃呃", "…？", "哦" outside a form: a decline, what I can do, "how can I help" — the third gives a way out.
    """
    said = next((str(t) for t in bot_texts(tracker) if t), "")
    if non_answers_in_a_row(tracker) < PERSON_AFTER or said.startswith(OUT_OF_SCOPE[-1][:20]):
        return None
    return OUT_OF_SCOPE[-1]


def is_question(text: str) -> bool:
    """Whether the text reads as a question ("要带身份证去吗", "红灯什么意思"; :func:`.question_shape.is_question`)."""
    return question_shape.is_question(text)


async def answer_question(
    dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
) -> list[EventType]:
    """Answer the latest message from the knowledge base, exactly as ``action_answer_question`` does."""
    return await ActionAnswerQuestion().run(dispatcher, tracker, domain)


def asks_something(tracker: Tracker) -> bool:
    """The latest message has a question's shape, or relays someone asking ("来电人讲她想当面去办，地点在哪")."""
    return is_question(context.text_of(tracker)) or context.relayed_question(tracker)


async def answer_when_found(
    dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
) -> list[EventType] | None:
    """The knowledge base's answer to a question the NLU was unsure of or took for off-topic; ``None`` if it has none.

    The out-of-scope and fallback replies decline only what the knowledge base does not hold: a question of ours in
    unusual words ("填的那份表叫啥名", "她想当面去办，地点在哪") is answered (or its titles offered); a real
    off-topic question ("今天天气咋样") finds nothing, or an out-of-scope example first, and is declined as before.
    A fixed reply of the conversation (the window, the entry points) answers without a search.
    """
    if not asks_something(tracker):
        return None
    named = any(e.get("entity") == "item" for e in tracker.latest_message.get("entities") or [])
    if context.fixed_reply(tracker, named) is None:
        try:
            probe = await answer_one(tracker, context.text_of(tracker))
        except ServiceUnavailable:
            return None
        if probe.get("status") == "not_found":
            return None
    return await answer_question(dispatcher, tracker, domain)


def bot_texts(tracker: Tracker) -> list[str]:
    """The bot's messages, latest first."""
    return [str(e.get("text") or "") for e in reversed(tracker.events) if e.get("event") == "bot"]


def varied(tracker: Tracker, variants: tuple[str, ...]) -> str:
    """The variant to say now: the next one after those already said in a row, cycling.

    Args:
        tracker: The conversation (its bot messages are read).
        variants: The replies for one situation, from the plainest to the most helpful.

    Returns:
        A variant that differs from the previous reply whenever that reply was one of ``variants``.
    """
    streak = 0
    for text in bot_texts(tracker):
        if not any(text.startswith(v[:20]) for v in variants):
            break
        streak += 1
    return variants[streak % len(variants)]
