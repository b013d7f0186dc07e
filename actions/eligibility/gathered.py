"""The person's situation as the whole conversation has stated it, and whether the bot's last turn judged it.

The eligibility check forgets its answers once it has shown the result (its slots are reset), yet "那培训呢" right
after that result asks about the same person: the check's answers are read back from the conversation's slot
events, then every message in turn (a later one wins). A verdict of the rules, the check's result (✅/❌) or the
situation kept ("记下了您的情况") is what a short follow-up then leans on.
"""

from datetime import date
from typing import Any

from rasa_sdk import Tracker

from actions.conversation.last_answer import last_turn
from actions.eligibility import situation
from actions.eligibility.eligibility_reading import NO_BUSINESS, PROFILE_SLOTS
from actions.eligibility.situation import Situation
from actions.eligibility.verdicts import NONE_OF_THE_GROUPS

VERDICT = "按您说的情况"  # how a verdict of the rules begins (actions/eligibility/item_eligibility.py)
# The person's situation said with no question (action_start_application keeps it): a fact added next is judged.
FACTS_KEPT = (
    "好的，记下了您的情况：{heard}。想问哪一项能不能享受，直接问我，例如“补贴有我的吗”；"
    "想看全部，说“我能享受哪些政策”。"
)
ANSWERS_BETWEEN = 2  # knowledge answers that may stand between a verdict and a fact that changes it
JUDGED = ("✅", "❌", "❔", FACTS_KEPT[:10])  # a category said → "记下了您的情况…", then "店还没开": judged


def _profile_value(field: str, value: Any, into: Situation) -> None:
    """Put one answer of the check into ``into`` (no business yet is ``has_licence`` false)."""
    if field == "business_started_on" and value == NO_BUSINESS:
        into.profile["has_licence"] = False
        into.profile.pop(field, None)
    else:
        into.profile[field] = value
        if field == "business_started_on":
            into.profile.pop("has_licence", None)


def from_slots(tracker: Tracker) -> Situation:
    """The eligibility check's answers: each slot's last value set in the conversation, even if reset since.

    The check resets its slots when it shows the result; the answers still describe the person.
    """
    by_slot = {slot: field for field, slot in PROFILE_SLOTS.items()}
    found = Situation()
    for event in tracker.events:
        if event.get("event") == "slot" and event.get("name") in by_slot and event.get("value") not in (None, ""):
            _profile_value(by_slot[str(event["name"])], event["value"], found)
    for field, slot in PROFILE_SLOTS.items():  # a tracker built with slots only (no events) holds them here
        value = tracker.get_slot(slot)
        if value not in (None, "") and field not in found.profile:
            _profile_value(field, value, found)
    return found


def conversation_situation(tracker: Tracker, today: date) -> Situation:
    """The situation stated so far: the check's answers, then each message in turn (a later one wins).

    Args:
        tracker: The conversation.
        today: The day relative words ("去年", "开了两年") count from.

    Returns:
        The merged profile, and every reading to show back (each once).
    """
    merged = from_slots(tracker)
    for event in tracker.events:
        if event.get("event") != "user":
            continue
        parse: dict[str, Any] = event.get("parse_data") or {}
        text = str(parse.get("text") or event.get("text") or "")
        stated = situation.read(text, list(parse.get("entities") or []), today)
        if _none_of_the_groups(stated, text):
            stated.profile["other_category"] = NONE_OF_THE_GROUPS  # "都不是，就普通人": no rarer group either
        merged.profile.update(stated.profile)
        merged.shown += [shown for shown in stated.shown if shown not in merged.shown]
    return merged


def _none_of_the_groups(stated: Situation, text: str) -> bool:
    """The message says the person is in none of the groups (as the eligibility form reads "都不是，就普通人")."""
    profile = stated.profile
    return (
        profile.get("person_category") == "other"
        and "other_category" not in profile
        and bool(situation.NONE_OF_THEM.search(text))
    )


def after_result(tracker: Tracker) -> bool:
    """The bot's last turn judged items (a verdict, the check's result with ✅/❌) or kept the person's situation."""
    return _judged(last_turn(tracker))


def _judged(turn: list[str]) -> bool:
    return any(VERDICT in said or any(mark in said for mark in JUDGED) for said in turn)


def verdict_before_answers(tracker: Tracker) -> bool:
    """A verdict a few turns back, with only knowledge answers since ("贴息是怎么回事" asked after the result).

    A fact told next ("我还没注册执照，准备开个洗车店") still changes that verdict: the verdict is not lost to a
    question asked in between.
    """
    turns, answered = 0, False
    for event in reversed(tracker.events[: _last_user_index(tracker)]):
        if event.get("event") == "user":
            turns += 1
            if turns > ANSWERS_BETWEEN or not answered:
                return False
            answered = False
        elif event.get("event") == "bot":
            if _judged([str(event.get("text") or "")]) and turns:
                return True
            feedback = ((event.get("data") or {}).get("custom") or {}).get("answer_feedback") or {}
            answered = answered or feedback.get("status") in ("faq", "answer")
    return False


def _last_user_index(tracker: Tracker) -> int:
    """Where the latest user message is in the tracker's events (the turns before it are read)."""
    users = [i for i, event in enumerate(tracker.events) if event.get("event") == "user"]
    return users[-1] if users else len(tracker.events)
