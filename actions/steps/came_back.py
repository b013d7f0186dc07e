"""Coming back home offered as the category (decision D2): "从福建回到衡阳县，打算开个早餐铺".

bundle.md names 返乡创业农民工 but not how it is recognised, and a returning student or veteran says the same words.
So when the person said they came back from elsewhere (:func:`actions.eligibility.situation.came_back`), the
application's category step asks "您是返乡创业农民工吗？" first, and a plain yes ("是", "对的") settles it. It is never
set silently; worked elsewhere and came back (打工 … 回醴陵) is the category itself and never asked.
"""

from __future__ import annotations

import re

from rasa_sdk import Tracker

from actions.eligibility import situation
from contract.labels import CHOICE_LABELS

RETURNING = "returning_migrant_worker"
_LABELS = CHOICE_LABELS["person_category"]
_OTHERS = [label for code, label in _LABELS.items() if code != RETURNING]
OFFER = (
    f"您刚才说是从外地回来的：您是{_LABELS[RETURNING]}吗？是的话回“是”；"
    f"不是的话请说您属于哪类：{'、'.join(_OTHERS[:-1])}，或“{_OTHERS[-1]}”。"
)
ASK_OTHERS = f"好的，不是{_LABELS[RETURNING]}。"
OFFER_BUTTONS = [{"title": "是", "payload": "是"}, *({"title": label, "payload": label} for label in _OTHERS)]
# A plain yes to the offer ("是", "对的", "嗯，是的", "没错", "好的"): nothing else said.
YES = re.compile(
    r"^(?:(?:是|是的|是啊|是滴|对|对的|对啊|对头|嗯+|没错|就是|算是|我是|好的?|行|可以|确认|确定)[啊呀的吧哦了。！!，,\s]*)+$"
)

# Filing said with the yes ("行，交吧", "对的确认提交"): the yes stands, the submission follows from the form.
SUBMIT_AFTER = r"(?:[，,\s]*(?:那就|就)?(?:确认)?(?:交|提交|递交)(?:上去|了)?(?:吧|呀|啊)?[。！!\s]*)?"
YES = re.compile(YES.pattern[:-1] + SUBMIT_AFTER + "$")
NO = re.compile(r"^(?:不是|不算|没有|不对|没|否|不)(?:的|啊|呀|吧|哦|了)?[。！!，,\s]*$")
# A yes or no relayed on the hotline ("他说是的", "她讲行", "来电人说不是", "对，他是"): the answer is the caller's.
RELAY = re.compile(r"^(?:来电人|客户|对方|申请人|老人家)?[他她]?(?:说|讲|回答|表示)(?:的|了)?[：:，,\s]*(?=\S)")
HE_IS = re.compile(r"(?<=[，,\s])[他她]是(?:的)?(?=[。！!\s]*$)|^[他她]是的?(?=[。！!\s]*$)")


def _answer(text: str) -> str:
    """The caller's own answer in a relayed one: "他说是的" → "是的"; "对，他是" → "对，是"."""
    text = text.strip()
    said = RELAY.sub("", text) if RELAY.match(text) and not text.startswith(("是", "不")) else text
    return HE_IS.sub("是", said)


def user_texts(tracker: Tracker) -> list[str]:
    """What the user said in this conversation, oldest first, as the NLU read it (normalised)."""
    said = [e for e in tracker.events if e.get("event") == "user"]
    return [str((e.get("parse_data") or {}).get("text") or e.get("text") or "") for e in said]


def said_came_back(tracker: Tracker) -> bool:
    """Whether the user said they came back home from elsewhere, in any message so far."""
    return any(situation.came_back(text) for text in user_texts(tracker))


def offered(tracker: Tracker) -> bool:
    """Whether the offer was said at any time in this conversation (it is offered once)."""
    return any(e.get("event") == "bot" and e.get("text") == OFFER for e in tracker.events)


def offer_now(tracker: Tracker) -> bool:
    """Whether the category step should ask with the offer: came back, never offered yet."""
    return said_came_back(tracker) and not offered(tracker)


def _answers_offer(tracker: Tracker) -> bool:
    """Whether the bot's last message before the user's latest one was the offer."""
    users = [i for i, event in enumerate(tracker.events) if event.get("event") == "user"]
    before = tracker.events[: users[-1]] if users else []
    said = [str(event.get("text") or "") for event in before if event.get("event") == "bot"]
    return bool(said) and said[-1] == OFFER


def accepted(tracker: Tracker, text: str) -> bool:
    """Whether ``text`` is a plain yes to the offer, said last before the user's latest message."""
    return _answers_offer(tracker) and bool(YES.match(_answer(text)))


def declined(tracker: Tracker, text: str) -> str | None:
    """What is said to a plain no to the offer ("不是", "不算"; the step's question follows), else ``None``."""
    return ASK_OTHERS if _answers_offer(tracker) and NO.match(_answer(text)) else None


def category_said(tracker: Tracker, text: str) -> str | None:
    """The category an answer at the category step says in words: "都不是，就普通人" → other; "是" to the offer."""
    if situation.NONE_OF_THEM.search(text):
        return "other"
    return RETURNING if accepted(tracker, text) else None
