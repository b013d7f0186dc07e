"""Mistakes and changes of mind inside the application form: what the user says was wrong, and what they meant.

"名字写错了" names a field to ask again; "打错了，是李明辉" gives the step's value beside the mistake;
"不搞公司了，还是个体户吧" takes the later of two values; "重新来，这回只办执照" replaces the items; "不改了" after
"上一步" keeps the old value. A cancel the NLU reads into such words ("刚才打错了", "算了，确认提交", a bare "不用了" at
a field step) stops nothing: only a cancel word does. :mod:`actions.application.form_extraction` asks these before
it reads an answer.
"""

import re
from typing import Any

from rasa_sdk import Tracker

from actions.application.form_answer import answer_to_requested
from actions.application.form_field_help import FIELD_WORDS
from actions.application.form_fields import BY_SLOT, CONFIRM_SLOT
from actions.application.form_guard import CANCEL_WORDS, RESTART, SAID_WRONG, SUBMIT, is_question
from actions.application.form_items import complete_items, refused
from actions.application.form_mistake_words import SLIP, WRONG
from actions.application.form_navigation import kept_on_back
from actions.application.form_values import Extraction, entities_named

# Only saying something is wrong ("不对", "搞错了"), with no field and no value: never a free-text value.
ONLY_WRONG = re.compile(
    rf"^(?:刚才|刚刚)?(?:{WRONG}|{SLIP}了|有错|错的|这不对|那不对)" r"[了啊呀吧哦的呢，,。.！!~～\s]*$"
)


# A bare "not needed" ("不用了", "不需要", "没有"): at a field step an answer to clarify, not a cancel word.
NOT_NEEDED = re.compile(r"^(?:不用|不需要|不要|没有|没得|没)(?:了|啊|吧|哦|呢|的)?[，,。.！!~～\s]*(?:谢谢)?[。.！!]*$")


def wrong_field(text: str) -> str | None:
    """The field a message says is wrong without giving the right value ("身份证号错了" → ``id_number``)."""
    if not SAID_WRONG.search(text) or is_question(text):
        return None
    return next((slot for slot, words in FIELD_WORDS if words.search(text)), None)


# What leads the new value after the field said wrong ("年限不对，应该三年", "电话错了 改成…").
NEW_VALUE_LEAD = re.compile(
    r"^(?:一下|下)?[\s，,。.：:；;!！~～了啊呀呢哈吧]*(?:应该是|应该|应是|应为|是|改成|改为|换成|为|填)?[\s，,：:]*"
)


def value_after_wrong(text: str, intent: str, found: Extraction) -> tuple[str, Any] | None:
    """The field called wrong and the new value said with it ("贷款年限错了，两年" → 24 months), or ``None``.

    The words after the wrong-cue answer that field as if it were asked: a free-text value only when plausible, a
    structured one only when read (a term, a date, a yes/no), never the words as they are.
    """
    slot = wrong_field(text)
    cue = next(reversed(list(SAID_WRONG.finditer(text))), None)  # "要改一下": after the last cue
    if slot is None or cue is None:
        return None
    rest = NEW_VALUE_LEAD.sub("", text[cue.end() :], count=1).strip(" 。.！!")
    if not rest:
        return None
    value = answer_to_requested(slot, rest, intent, found)
    found.problem = None  # an implausible value is no failed answer here: the field is asked again with its value
    if value is None or (value == rest and not BY_SLOT[slot].free_text):
        return None
    return slot, value


# A cue that only says the step's value was mistyped, and the words that lead it ("刚才打错了", "不好意思写错了").
WRONG_CLAUSE = re.compile(
    r"(?:不好意思|抱歉|对不起|哎呀?|啊|哦)?[，,\s]*(?:刚才|刚刚|前面|之前|上面)?(?:的|那个)?(?:是|给)?"
    rf"(?:{SLIP}|错)了"
)


YES_NO_STEPS = frozenset({"first_time_founder", "person_category"})  # a question "不对" may answer


def cancels(text: str, names_values: bool) -> bool:
    """An NLU cancel inside the form really stops it: a cancel word, or no value and no word of a mistake.

    "我叫李明辉，刚才打错了" (the NLU may say cancel) corrects the name; "打错了" alone asks what to correct; only
    取消/不办了/算了… stop the application (decision A5 of the twelfth analysis).
    """
    if CANCEL_WORDS.search(text):
        return True
    return not names_values and not SAID_WRONG.search(text) and not never_mind_submit(text)


def never_mind_submit(text: str) -> bool:
    """Never mind (what was said before), submit ("算了，确认提交吧", "行了就这样交"); never a cancel.

    Cancel words (取消/不办了…) still cancel; a submit word in a question ("提交完怎么查") submits nothing.
    """
    return bool(SUBMIT.search(text)) and not CANCEL_WORDS.search(text) and not is_question(text)


def not_needed_at_step(text: str, intent: str, requested: str | None) -> str | None:
    """A bare "不用了/没有" the NLU read as cancel at a field step: an answer to clarify, never a stop of the form.

    Returns:
        What the step needs, with how to stop for real ("取消"), or ``None`` when the message is no such answer.
    """
    if intent != "cancel" or requested not in BY_SLOT or not NOT_NEEDED.match(text):
        return None
    return (
        f"这一步要填的是{BY_SLOT[str(requested)].label}，没法跳过。"
        f"如果是整个申请都不办了，请说“取消”；不确定怎么填可以问我。"
    )


def only_wrong(text: str, intent: str, requested: str | None, yes_no_asked: bool = True) -> bool:
    """Only "wrong" said at a step ("打错了"): never its value (an ID "打错了" of 3 digits), nor a cancel or complaint.

    At a yes/no step ("第一次创业吗", "您是返乡创业的农民工吗") "不对" may answer it: only a misread cancel there.
    """
    if not ONLY_WRONG.match(text) or requested not in BY_SLOT:
        return False
    # "打错了" answers no question; "不对" may
    yes_no = requested == "first_time_founder" or (requested in YES_NO_STEPS and yes_no_asked)
    return not yes_no or "错" in text or intent in ("cancel", "complain")


def yes_no_asked(tracker: Tracker) -> bool:
    """The bot's last message asked a yes/no question ("您是返乡创业的农民工吗？"), which a bare "不对" answers."""
    said = next((str(e.get("text") or "") for e in reversed(tracker.events) if e.get("event") == "bot"), "")
    return bool(re.search(r"吗[？?]?\s*$|吗[？?]", said))


# A change of mind: "不搞公司了，还是个体户吧", "不开店了 改成合作社": the value after the turn word is the one meant.
TURNED_FROM = re.compile(r"不(?:搞|开|办|做|弄|注册|要|当|算)?[^，,。；;！!？?\s]{0,6}?了|不要|不是")
TURN_TO = re.compile(r"还是|改成|改为|换成|换为|改办|改注册|就办|就弄")
CHOICE_SLOTS = ("business_type", "person_category")


def later_choice(tracker: Tracker, text: str, found: Extraction) -> None:
    """Of two values of one choice in a change of mind ("不搞公司了，还是个体户吧"), the later wins."""
    turn = next((m for m in TURN_TO.finditer(text) if TURNED_FROM.search(text[: m.start()])), None)
    if turn is None or is_question(text):
        return
    for slot in CHOICE_SLOTS:
        later = [
            str(e["value"])
            for e in tracker.latest_message.get("entities") or []
            if e.get("entity") == slot and isinstance(e.get("start"), int) and e["start"] >= turn.start()
        ]
        if later and len(set(entities_named(tracker, slot))) > 1:
            found.values[slot] = later[-1]


def restart_renaming(tracker: Tracker, text: str, found: Extraction) -> str | None:
    """``restart`` for a restart that names items ("重新填，这回只办执照"): they replace the items chosen."""
    if RESTART.search(text) and (renamed := _items_for_restart(tracker, text)):
        found.values = {"application_items": renamed}
        return "restart"
    return None


def _items_for_restart(tracker: Tracker, text: str) -> list[str] | None:
    """The items a restart names ("从头来吧，先办贷款，培训不办了" → the loan): they replace the items chosen."""
    spans = [
        (int(e["start"]), int(e["end"]), str(e["value"]))
        for e in tracker.latest_message.get("entities") or []
        if e.get("entity") == "item" and e.get("start") is not None and e.get("end") is not None
    ]
    wanted = [code for start, end, code in spans if not refused(text, start, end)]
    return complete_items(list(dict.fromkeys(wanted)))[0] if wanted else None


def value_beside_wrong(text: str, intent: str, requested: str | None, found: Extraction) -> tuple[str, Any] | None:
    """The step's value said with a bare "打错了" ("打错了，是李明辉", "李明辉，刚才写错了"), or ``None``.

    Only when no field is named (:func:`value_after_wrong` takes those) and the words around the cue answer the
    step asked as they would alone.
    """
    if requested not in BY_SLOT or wrong_field(text) is not None or not WRONG_CLAUSE.search(text):
        return None
    rest = WRONG_CLAUSE.sub("，", text)
    rest = NEW_VALUE_LEAD.sub("", rest.strip(" ，,。.！!~～"), count=1).strip(" ，,。.！!~～")
    if not rest or SAID_WRONG.search(rest) or CANCEL_WORDS.search(rest):
        return None
    value = answer_to_requested(str(requested), rest, intent, found)
    if value is None or (value == rest and not BY_SLOT[str(requested)].free_text):
        found.problem = None
        return None
    return str(requested), value


def corrected(text: str, intent: str, requested: str | None, found: Extraction) -> tuple[str, Any] | None:
    """A value said with a word of a mistake: the field named wrong ("贷款年限错了，两年"), else the step's own."""
    return value_after_wrong(text, intent, found) or value_beside_wrong(text, intent, requested, found)


# At a step asked again ("上一步", "地址填错了"): the old value stays ("不改了", "还是原来那个").
OLD_KEPT = re.compile(
    r"不改了|不用改了?|还是原来|就用原来|用原来的|原来那个|原来的就?(?:行|好|对)|就那样吧?|保持不变|不用动"
)


# At a step gone back to with its value kept ("上一步"): a bare yes keeps it ("没问题", "对的", "就这个").
KEPT_AS_IS = re.compile(
    r"^(?:没问题|没错|对的?|是的?|可以|行|就这个|就它|就这样|不用改|没毛病)[了的吧啊呀哦，,。.!！\s]*$"
)


def old_value_kept(tracker: Tracker, text: str, requested: Any, slots: dict[str, Any]) -> Any:
    """The value the step asked again had before, when the message keeps it; else ``None``."""
    if requested in BY_SLOT and slots.get(requested) is not None and kept_on_back(tracker, requested, slots):
        return slots[requested] if OLD_KEPT.search(text) or KEPT_AS_IS.match(text) else None
    if requested not in BY_SLOT or slots.get(requested) is not None or not OLD_KEPT.search(text):
        return None
    values = (
        e.get("value") for e in reversed(tracker.events) if e.get("event") == "slot" and e.get("name") == requested
    )
    return next((value for value in values if value not in (None, "", [])), None)


def cancel_read_wrong(found: Extraction, text: str, intent: str, requested: str | None) -> bool:
    """An NLU cancel that stops nothing, taken here: "不用了" at a field step, "算了，确认提交" at the summary."""
    if not found.values and (unclear := not_needed_at_step(text, intent, requested)):
        found.problem = unclear  # "不用了" at the business type's step: asked again, counted as a failed answer
        return True
    if intent == "cancel" and requested == CONFIRM_SLOT and never_mind_submit(text):
        found.values[CONFIRM_SLOT] = True  # "算了算了 确认提交": submitted, never cancelled
        return True
    return False
