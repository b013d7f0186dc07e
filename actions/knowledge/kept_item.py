"""A question that names no item, kept on the item it is about: the one of the application, or of the answer just given.

In an application for one item any question naming no other item is that item's ("里面不收钱能住几年" at the
incubator's summary: its 3 years, not the reception station's free days); right after an answer about an item, an
elliptical question is answered by one of its sources ("得多少天" after a loan answer: the loan's days).
"""

from typing import Any

from rasa_sdk import Tracker

from actions.conversation import context, question_shape
from actions.knowledge.answer_parts import ANSWERED
from actions.knowledge.query_text import elliptical, names_item
from actions.knowledge.searching import mentioned_item, search
from actions.knowledge.subject_switch import without_then
from contract.labels import ITEM_NAMES
from contract.query_length import fitted


async def kept_on_item(tracker: Tracker, text: str, form_item: str | None) -> dict[str, Any] | None:
    """The answer about the item the question is kept on, for a question that names none; else ``None``.

    In an application for one item, any question naming no other item is that item's ("要多久" after "我想申请创业
    担保贷款": the loan's 15 days, not the bundle's 20; "里面不收钱能住几年" at the incubator's summary: its 3 years,
    not the reception station's free days). Right after an answer about an item, an elliptical question is asked
    about it by its name ("得多少天" after a loan answer: the loan's days).
    """
    if form_item and one_item_applied(tracker) and not names_another(text, str(form_item)):
        answer = await search(tracker, item=str(form_item), record_unanswered=False)
        return answer if answer.get("status") in ANSWERED else None
    kept = None if form_item else mentioned_item(tracker)
    if kept and context.last_answer(tracker) == "answer":
        return await about_item(tracker, text, str(kept), word_said_for(tracker, str(kept)))
    return None


def word_said_for(tracker: Tracker, item: str) -> str:
    """The user's own word for ``item`` in the latest earlier message naming it ("补贴"), else ``""``.

    "补贴得多少天" is the subsidy's 20 working days; "一次性创业补贴得多少天" drew its 5000 yuan.
    """
    for event in reversed(tracker.events):
        parse = event.get("parse_data") or {} if event.get("event") == "user" else {}
        said = str(parse.get("text") or "")
        for entity in parse.get("entities") or []:
            start, end = entity.get("start"), entity.get("end")
            if entity.get("value") == item and isinstance(start, int) and isinstance(end, int) and said[start:end]:
                word = said[start:end]
                return word if len(word) >= 2 and not word.isascii() else ""
    return ""


async def about_item(tracker: Tracker, question: str, item: str, word: str = "") -> dict[str, Any] | None:
    """The answer to an elliptical ``question`` ("得多少天") about ``item``, from one of its own sources, if found.

    Searched with the item's bonus it is answered by the item's own source ("那要几天" after the pension
    registration's department: its 1 working day) or by a bundle-wide one ("得多少天" after a loan answer drew the
    bundle's before-and-after days); then it is asked with the item's plainest name in front, the shortest of the
    user's own word ``word`` and the item's everyday and official names ("补贴得多少天", "创业补贴申领得多少天": its
    20 working days; "一次性创业补贴得多少天" drew its 5000 yuan). ``None`` for a question with a subject of its own,
    or when no source of the item answers.
    """
    if not elliptical(question):
        return None
    plain = await search(
        tracker, query=fitted(question, question_shape.is_question), item=item, record_unanswered=False
    )
    if _from_item(plain, item):
        return plain
    query = f"{plainest_name(item, word)}{without_then(question)}"
    named = await search(tracker, query=fitted(query, question_shape.is_question), item=item, record_unanswered=False)
    return named if _from_item(named, item) else None


def plainest_name(item: str, word: str = "") -> str:
    """The shortest of the user's ``word`` and the item's everyday and official names ("补贴", "创业补贴申领")."""
    return min(filter(None, (word, context.item_word(item), ITEM_NAMES[item])), key=len)


def _from_item(answer: dict[str, Any], item: str) -> bool:
    """An answer whose best source (examples of what is not ours aside) belongs to ``item``."""
    best: dict[str, Any] = next((h for h in answer.get("hits") or [] if h.get("kind") != "out_of_scope"), {})
    return answer.get("status") in ANSWERED and best.get("item") == item


def names_another(text: str, item: str) -> bool:
    """Whether ``text`` names an item other than ``item`` by one of its words ("那培训呢" in the loan's form)."""
    return any(code != item and names_item(text, code) for code in context.item_aliases().values)


def one_item_applied(tracker: Tracker) -> bool:
    """Whether the application under way is for one item (chosen, or the one the user opened with, none chosen yet)."""
    chosen = tracker.get_slot("application_items")
    return not chosen or (isinstance(chosen, list) and len(chosen) == 1)
