"""A numbered choice taken: "1", "2", "第二个", "选3" answer the options the bot's last turn numbered.

Numbered options reach users on every channel: WeChat customer-service text has no buttons, so the bot's buttons
come as a numbered list under the text (``channels/wechat/output.py``); the mini program and the H5 chat show
buttons, which users still answer by position; and some replies number their options in the text itself on every
channel (the items to apply for, "您可以：1. … 2. 说“我要申请” …"). Sent on as "2", the number was read as a value
("2" as a category, an amount or nothing at all) and the choice was lost. :func:`choosing` wraps a channel's
message handler: a message that only picks a number, right after a bot turn that showed buttons or numbered
options, is passed on as that button's payload ("/request_human", "确认提交", a category's payload), exactly as a
tap would be, or as the words of the option it numbers (the item's name, or what the option says to say:
2. 说“我要申请” → 我要申请). Only such a message reads the conversation (one tracker read); any other message goes
on untouched.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Awaitable, Callable, Iterable, Mapping
from typing import Any

from rasa.core.channels.channel import UserMessage

logger = logging.getLogger(__name__)

NUMERALS = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
# "2", "2.", "第二个", "选2", "选第3项", "2号", "就1吧", "第一个吧": a number and nothing else.
PICK = re.compile(
    r"^(?:我)?(?:就|选|选择|要|点)?(?:第)?\s*(?P<number>[1-9]|[一二两三四五六七八九])\s*(?:个|项|条|号|种)?"
    r"\s*(?:吧|啊|呀|哈)?[.。!！~～\s]*$"
)
OnNewMessage = Callable[[UserMessage], Awaitable[Any]]


def picked_number(text: str) -> int | None:
    """The number a message picks ("2", "第二个", "选3"), or ``None`` when it says anything else.

    A bare Chinese numeral counts only with 第 or a measure word ("第二个", "二号"): "二" alone may be an answer.
    """
    match = PICK.match(text.strip())
    if match is None:
        return None
    word = match.group("number")
    if word.isdigit():
        return int(word)
    said = match.group()
    if "第" not in said and not re.search(r"[个项条号种]", said):
        return None
    return NUMERALS[word]


def last_buttons(events: Iterable[Mapping[str, Any]]) -> list[dict[str, Any]]:
    """The options of the bot's latest turn (the bot messages after the latest user message), the last shown.

    Buttons, as ``{"title", "payload"}``; a message without buttons that numbers its options in the text gives
    them as ``{"payload": <the option's words>}`` (:func:`listed_options`).
    """
    buttons: list[dict[str, Any]] = []
    for event in events:
        kind = event.get("event")
        if kind == "user":
            buttons = []
        elif kind == "bot" and (shown := (event.get("data") or {}).get("buttons")):
            buttons = list(shown)
        elif kind == "bot" and (listed := listed_options(str(event.get("text") or ""))):
            buttons = [{"payload": words} for words in listed]
    return buttons


# An option numbered in a reply's text: "1. X", "2、X", at a line's start or after "：" / "；" / a space.
OPTION = re.compile(r"(?:^|(?<=[\n：:；;。，,\s]))(?P<number>[1-9])[.、．]\s*")
# What the option says to say ("说“我要申请”", "帮您申请：“我要申请”"): that is the choice.
SAY = re.compile(r"(?:说|：|:)“(?P<words>[^”]{1,20})”")
# An option that is a plain name (an item, a category): its words are the choice, without a note in brackets
# ("经营主体登记注册（营业执照，…）"); one with quotes that names nothing to say ("那条消息（“申请已提交…”）") is none.
PLAIN = re.compile(r"[^“”（）()]{2,30}")
NOTE = re.compile(r"[（(][^“”）)]*[）)]$")
OPTION_END = "；;。，,！!\n "


def listed_options(text: str) -> list[str | None]:
    """The words of each option a reply numbers 1, 2, 3 … in its text (``None`` for one with nothing to say).

    Empty unless at least two options are numbered in order from 1.
    """
    marks = list(OPTION.finditer(text))
    numbers = [int(m.group("number")) for m in marks]
    if len(marks) < 2 or numbers != list(range(1, len(marks) + 1)):
        return []
    options: list[str | None] = []
    for mark, after in zip(marks, [*marks[1:], None], strict=True):
        option = text[mark.end() : after.start() if after else len(text)].split("\n")[0].strip(OPTION_END)
        said = SAY.search(option)
        option = NOTE.sub("", option).split("：")[0]  # "查办理进度：发申请编号", "一次性创业补贴：…" → the name
        options.append(said.group("words") if said else option if PLAIN.fullmatch(option) else None)
    return options


def chosen_payload(text: str, events: Iterable[Mapping[str, Any]]) -> str | None:
    """The payload of the option a message picks by its number, or ``None`` when it picks none shown."""
    number = picked_number(text)
    if number is None:
        return None
    buttons = last_buttons(events)
    if not 1 <= number <= len(buttons):
        return None
    payload = buttons[number - 1].get("payload") or buttons[number - 1].get("title")
    return str(payload) if payload else None


async def _events(app: Any, sender_id: str) -> list[dict[str, Any]]:
    agent = getattr(getattr(app, "ctx", None), "agent", None)
    store = getattr(agent, "tracker_store", None)
    if store is None:
        return []
    try:
        tracker = await store.retrieve(sender_id)
    except Exception as error:  # the message goes on as typed
        logger.warning("numbered choice: conversation not read: %s", type(error).__name__)
        return []
    return [event.as_dict() for event in tracker.events] if tracker is not None else []


def choosing(on_new_message: OnNewMessage, app: Any) -> OnNewMessage:
    """``on_new_message`` with a picked number replaced by the payload of the button it picks."""

    async def handle(message: UserMessage) -> Any:
        text = message.text or ""
        if picked_number(text) is not None and (payload := chosen_payload(text, await _events(app, message.sender_id))):
            message.text = payload
            logger.debug("numbered choice %r taken as %r", text, payload)
        return await on_new_message(message)

    return handle
