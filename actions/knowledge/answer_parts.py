"""A knowledge answer as the user gets it: one reply for a message's questions, and the item it leaves in context.

Also whether a question refused alone stays refused rather than asked again with its item (:func:`stays_refused`).
"""

from typing import Any

from rasa_sdk import Tracker

from actions.knowledge.knowledge_client import DECLINED_MARGIN, example_ahead
from actions.knowledge.query_text import names_item, qualifiers

ITEM_ENTITY = "item"
ANSWERED = ("faq", "answer")
LABEL_CHARS = 20  # a long part (a story before its question) is headed by its end
NOT_FOUND_PART = "这一问暂时没有找到准确的政策依据，可以换个问法，或说“转人工”由工作人员解答。"


def answered_item(tracker: Tracker, answer: dict[str, Any]) -> str | None:
    """The item to keep in context: the one the user named, else the one a direct answer is about.

    Titles offered to pick from (``suggest``) say nothing about the item: the context stays as it was.
    """
    named = next(tracker.get_latest_entity_values(ITEM_ENTITY), None)
    if named:
        return str(named)
    if answer.get("status") in ANSWERED:
        best = next((h for h in answer.get("hits") or [] if h.get("kind") != "out_of_scope"), None)
        item = best.get("item") if best else None
        return str(item) if item else None
    return None


def named_items(tracker: Tracker) -> list[str]:
    """The items the latest message names, each once, in order (with or without their place in the text)."""
    entities = tracker.latest_message.get("entities") or []
    return list(dict.fromkeys(str(e["value"]) for e in entities if e.get("entity") == ITEM_ENTITY))


def combined(answers: list[tuple[str, dict[str, Any]]]) -> dict[str, Any]:
    """One answer for the message: each question's answer under the question, the same answer said once.

    When no question was answered, the first one's honest "not found" stands for all.
    """
    if len(answers) == 1:
        return answers[0][1]
    found = [(part, a) for part, a in answers if a.get("status") in ANSWERED]
    if not found:
        return answers[0][1]
    texts: list[str] = []
    said_already: set[str] = set()
    for part, answer in answers:
        said = str(answer["answer"]) if answer.get("status") in ANSWERED else NOT_FOUND_PART
        if said not in said_already:
            said_already.add(said)
            texts.append(f"【{part if len(part) <= LABEL_CHARS else '…' + part[-LABEL_CHARS:]}】\n{said}")
    sources = [s for _, a in found for s in a.get("sources") or []]
    return {**found[0][1], "answer": "\n\n".join(texts), "sources": sources}


def stays_refused(answer: dict[str, Any], item: str, question: str = "") -> bool:
    """Whether a question refused alone stays refused rather than asked again with ``item``'s +0.08 bonus.

    It does when the service declined it for a scheme named that is none of the items (``declined``: an example
    scored alike with our source), when an out-of-scope example scored first and names the item too ("技能提升补贴
    怎么领" for "技能提升补贴能拿多少": the bonus would lift the start-up subsidy past the look-alike it is not), or
    scored clearly first.
    An example about something else a hair ahead ("开奶茶店选址有啥讲究" for "我想开个奶茶店，办执照要几天", "办护照
    要带什么材料" for "执照要带什么材料") leaves the question to its item.
    """
    if answer.get("declined"):  # the service read a scheme that is none of the items ("稳岗补贴能领多少钱")
        return True
    hits = answer.get("hits") or []
    if not example_ahead(answer):
        return False
    example = str(hits[0].get("text") or "")
    shared = any(word in example for word in qualifiers(question, item))  # "稳岗补贴…": the example's scheme
    return example_ahead(answer, DECLINED_MARGIN) or names_item(example, item) or shared
