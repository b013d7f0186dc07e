"""A question inside a message that also answers a form step: "我叫王芳，要带身份证吗".

The form stores the answer; the question clause is answered from the knowledge base (the same answer a question
alone would get); then the form asks its next step. Used by every form's validation action.
"""

import re
from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.application.form_guard import NOT_ASKING_MO
from actions.application.form_items import NOT_YET_HELD, added_later
from actions.application.form_values import LOAN
from actions.conversation import context, question_shape
from actions.knowledge.answer_feedback import answer_payload
from actions.knowledge.query_text import FORM_ITEM, ITEM_ENTITY, items_in
from actions.knowledge.questions import ANSWERED, search
from actions.knowledge.subject_switch import without_then
from actions.service_client import ServiceUnavailable
from contract.labels import ITEMS_FILED_TOGETHER

MIN_QUESTION = 3  # "对吗" alone asks nothing to look up
# "对不对", "这样可以吗": checking what was just said, nothing to look up.
CHECKING = re.compile(
    r"^(?:这样)?(?:对不对|对吗|可以吗|行吗|好吗|是吗|没问题吧|行不行|可不可以|对不|没错吧)[？?。!！]*$"
)
# The steps only the loan asks: a question there naming no item is about the loan ("最多能贷多少" → its limit).
LOAN_STEPS = frozenset({"loan_borrower", "partner_count", "loan_amount", "loan_term_months"})
NOT_FOUND = "您问的“{question}”暂时没有找到准确的政策依据，可以换个问法，或说“转人工”由工作人员解答。"


def question_besides(text: str) -> str | None:
    """The question clauses of a message whose other clauses answer something, or ``None``.

    Args:
        text: The user's message.

    Returns:
        The question part ("要带身份证吗"), or ``None`` when the message asks nothing or is only a question.
    """
    clauses = [c for c in question_shape.CLAUSE_ENDS.split(text.strip()) if c]
    asked = [
        c
        for c in clauses
        if question_shape.is_question(NOT_ASKING_MO.sub("", c))  # "就这么交吧" asks nothing
        and len(c) >= MIN_QUESTION
        and not CHECKING.match(c)
        and not question_shape.is_request(c)
        and not _not_held_yet(text, c)
    ]
    if not asked or len(asked) == len(clauses):
        return None
    return "，".join(asked)


def _not_held_yet(text: str, clause: str) -> bool:
    """A clause saying an item is not held yet, followed by a wish to add it ("营业执照我还没有呢，顺便办了")."""
    return bool(NOT_YET_HELD.search(clause)) and added_later(text[text.find(clause) + len(clause) :])


def for_the_whole_form(tracker: Tracker) -> Tracker:
    """The conversation as a question inside the application is searched: with no item in context at first.

    The one form covers every item chosen, so the item the user opened with ("我要办就业创业证") would pull that
    item's pages over what is asked ("毕业证要交吗" got the certificate's how-to; "提交完怎么知道办到哪了" its
    process). An item the question names itself is still searched with it. The form's item (the one item chosen,
    else the one the user opened with) is kept as :data:`FORM_ITEM`: a question the knowledge base finds nothing
    sure for alone ("要不要抵押" while applying for the loan) is asked again about it.
    """
    opened = tracker.get_slot(ITEM_ENTITY)
    chosen = tracker.get_slot("application_items")
    form_item = (_one_matter(chosen) if isinstance(chosen, list) else None) or opened
    if not opened and not form_item:
        return tracker
    whole = tracker.copy()
    whole.slots[ITEM_ENTITY] = None
    whole.slots[FORM_ITEM] = form_item
    return whole


def _one_matter(chosen: list[str]) -> str | None:
    """The one item chosen, items filed together counting as their first (registration with its tax step)."""
    followers = {code for group in ITEMS_FILED_TOGETHER for code in group[1:] if group[0] in chosen}
    own = [code for code in chosen if code not in followers]
    return own[0] if len(own) == 1 else None


async def answer_besides(dispatcher: CollectingDispatcher, tracker: Tracker, question: str) -> None:
    """Answer ``question`` (a clause of the latest message) from the knowledge base, honestly when nothing fits.

    Inside the application it is searched for the whole form (:func:`for_the_whole_form`), then, when nothing is
    sure, about the form's item.
    """
    if (tracker.active_loop or {}).get("name") == "application_form":
        tracker = for_the_whole_form(tracker)
    try:
        answer = await search(tracker, query=question)
        if answer.get("status") not in ANSWERED and (again := await _about_the_form(tracker, question)):
            answer = again
    except ServiceUnavailable:
        dispatcher.utter_message(text="您问的问题，政策资料服务暂时连不上，稍后可以再问我，或说“转人工”。")
        return
    if answer.get("status") not in ANSWERED:
        dispatcher.utter_message(text=NOT_FOUND.format(question=question))
        return
    dispatcher.utter_message(text=str(answer["answer"]))
    dispatcher.utter_message(json_message=answer_payload(tracker, answer))


async def _about_the_form(tracker: Tracker, question: str) -> dict[str, Any] | None:
    """The answer to ``question`` asked about the form's item ("要不要抵押" → "创业担保贷款要不要抵押"), if answered.

    ``None`` when there is no such item, the question names its own, or nothing is answered that way either.
    """
    item = tracker.get_slot(FORM_ITEM) or tracker.get_slot(ITEM_ENTITY)
    if not item or items_in(tracker, question):
        return None
    query = f"{context.item_word(str(item))}{without_then(question)}"
    answer = await search(tracker, query=query, item=str(item))
    return answer if answer.get("status") in ANSWERED else None


async def answered_for_the_step(dispatcher: CollectingDispatcher, tracker: Tracker) -> bool:
    """Answer a question asked at one of the loan's steps, naming no item, about the loan; ``True`` when answered.

    Searched for the whole form, "最多能贷多少" at the amount's step found the partnership's rule (any loan question
    fits it); asked as "创业担保贷款最多能贷多少" it finds the loan's limit. ``False`` (nothing said) when the step is
    not the loan's, the question names an item, or nothing sure is found that way: the caller answers as usual.
    """
    requested = tracker.get_slot("requested_slot")
    text = str(tracker.latest_message.get("text") or "").strip()
    chosen = tracker.get_slot("application_items") or []
    if requested not in LOAN_STEPS or LOAN not in chosen or not text or items_in(tracker, text):
        return False
    query = f"{context.item_word(LOAN)}{without_then(text)}"
    try:
        answer = await search(tracker, query=query, item=LOAN, record_unanswered=False)
    except ServiceUnavailable:
        return False  # the usual answer says the service is down
    if answer.get("status") not in ANSWERED:
        return False
    dispatcher.utter_message(text=str(answer["answer"]))
    dispatcher.utter_message(json_message=answer_payload(tracker, answer))
    return True
