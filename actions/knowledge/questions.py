"""Answers to policy questions from the bundle service's knowledge base, with their source.

Follow-ups keep their subject: the item of the conversation (slot ``item``) goes with every question, so the
service can put it in front of an elliptical one ("那要多久"); "补贴呢" asks the previous question again about
the item it names ("贷款要多久" → "补贴要多久"). Right after the overview or a progress result the context alone
may answer (:mod:`actions.conversation.context`). A message with two questions gets both answers.
"""

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.conversation import context, question_shape
from actions.conversation.last_answer import pointed_item
from actions.eligibility.what_is_asked import LOAN, borrowing_asked
from actions.knowledge import how_given, item_topic, knowledge_client, writing_requests
from actions.knowledge.answer_feedback import answer_payload
from actions.knowledge.answer_parts import ANSWERED, answered_item, combined, named_items, stays_refused
from actions.knowledge.comparison import compare
from actions.knowledge.in_place import redirected, route_in_place, routed
from actions.knowledge.kept_item import about_item, kept_on_item
from actions.knowledge.parties import per_party
from actions.knowledge.query_text import (
    FORM_ITEM,
    ITEM_ENTITY,
    WHAT_ABOUT,
    follow_up_item,
    named_by_short_word,
    per_item,
    query_text,
    words_in,
)
from actions.knowledge.searching import mentioned_item, search
from actions.knowledge.subject_switch import without_then
from actions.knowledge.subsidy_amount import QUERY as SUBSIDY_QUERY
from actions.knowledge.subsidy_amount import SUBSIDY, TRAINING, asks_subsidy_amount, in_training, item_before
from actions.knowledge.topic import steered, unsaid_subject
from actions.service_client import ServiceUnavailable
from contract.query_length import fitted

# Re-exported: the routers, the fallback and the forms import these from here.
__all__ = [
    "ANSWERED",
    "SERVICE_DOWN",
    "ActionAnswerQuestion",
    "answer_each",
    "answer_one",
    "answered_item",
    "route_in_place",
    "routed",
    "search",
    "stays_refused",
]
SERVICE_DOWN = "抱歉，政策资料服务暂时连不上，请稍后再问，或说“转人工”找工作人员。"
UNSURE = ("not_found", "suggest")  # worth asking again with the item


async def answer_each(tracker: Tracker) -> list[tuple[str, dict[str, Any]]]:
    """The knowledge base's answer to each question of the latest message (one, or one per question).

    A question that names no item is asked about the item of the question before it (or the conversation's), with
    the item's name in front when the item alone finds nothing ("贷款能贷多少？要多久能批？"): the word the user
    said for it ("补贴能拿多少要带啥" → "补贴要带啥"; the full "一次性创业补贴要带啥" drew who may apply).
    """
    text = str(tracker.latest_message.get("text") or "").strip()
    if each := per_item(tracker):
        return [
            (part, await search(tracker, query=fitted(part, question_shape.is_question), item=code))
            for part, code in each
        ]
    if both := per_party(text):  # "高校毕业生和小微企业分别能贷多少": each borrower's own limit
        return [
            (part, await search(tracker, query=fitted(part, question_shape.is_question), item=LOAN)) for part in both
        ]
    parts = [] if WHAT_ABOUT.match(text) else question_shape.questions(text)
    if len(parts) < 2:
        return [(text, await answer_one(tracker, text))]
    answers = []
    carried = tracker.get_slot(ITEM_ENTITY)
    said = context.item_word(str(carried)) if carried else ""
    for part in parts:
        named, word = next(iter(words_in(tracker, part)), (None, ""))  # a part naming its item says it in its words
        if named is None and borrowing_asked(part):
            named, word = LOAN, "贷款"  # "…准备开个工作室，贷款能贷多少": borrowing is the loan, tagged or not
        if not named and carried and (about := await about_item(tracker, part, str(carried), said)) is not None:
            answers.append((part, about))  # "贷款归哪几家审，得多少天": the loan's days, not the bundle's
            continue
        answer = await search(tracker, query=fitted(part, question_shape.is_question), item=None if named else carried)
        if (named or carried) and answer.get("status") in UNSURE and not (named and stays_refused(answer, named, part)):
            # from the item's word on ("…准备开个工作室，贷款能贷多少" → "贷款能贷多少"): the story blurred the search
            query = (part[part.find(word) :] if word in part else part) if named else f"{said}{without_then(part)}"
            again = await search(tracker, query=fitted(query, question_shape.is_question), item=named or carried)
            answer = again if again.get("status") in ANSWERED else answer
        answers.append((part, answer))
        if named:
            carried, said = named, word if len(word) >= 2 and not word.isascii() else context.item_word(named)
    return answers


async def _subsidy_in_context(tracker: Tracker, text: str) -> dict[str, Any] | None:
    """The answer to a subsidy question its context decides, else ``None``.

    A bare "好吧，那到时候能领多少" (after a verdict naming several items) asks the start-up subsidy's sum; "有补贴吗"
    right after a training answer asks about the training's subsidy.
    """
    named = next(tracker.get_latest_entity_values(ITEM_ENTITY), None)
    if asks_subsidy_amount(text, named):
        return await search(tracker, query=SUBSIDY_QUERY, item=SUBSIDY)
    if (training := in_training(text, item_before(tracker.events), named)) is not None:
        return await search(tracker, query=fitted(training, question_shape.is_question), item=TRAINING)
    return None


async def _by_short_word(tracker: Tracker, text: str, short: tuple[str, str]) -> dict[str, Any]:
    """The answer to a question naming its item by a short word: asked with the item's name, else in its own words.

    "税务那个要多久" is asked as "纳税人信息确认要多久"; the full name blurred a longer question into titles
    ("营业执照拿到以后税务那边要不要另外跑"), which the user's own words with the item answer.
    """
    answer = await search(tracker, query=fitted(short[0], question_shape.is_question), item=short[1])
    if answer.get("status") in ANSWERED:
        return answer
    again = await search(tracker, query=fitted(text, question_shape.is_question), item=short[1])
    return again if again.get("status") in ANSWERED else answer


async def answer_one(tracker: Tracker, text: str) -> dict[str, Any]:
    """The answer to one question: a subsidy question its context decides (``_subsidy_in_context``), else searched."""
    return await _subsidy_in_context(tracker, text) or await _searched_one(tracker, text)


async def _searched_one(tracker: Tracker, text: str) -> dict[str, Any]:
    """The answer to one question, asked again with its item when nothing fits.

    A message that names its item is searched without the item first (:func:`mentioned_item`); when nothing fits
    and the question is not nearest to a look-alike of that item (:func:`stays_refused`), with the item.
    A short follow-up is kept on the conversation's item by the service's filter; when that finds nothing ("要多久"
    about the licence), the item's everyday name in front ("营业执照要多久") often does. "补贴呢" (the previous
    question about another item) is searched with the item it names, "税务那个要多久" with the item the short word
    names, "那个证怎么办" with the certificate an answer just named (:func:`pointed_item`). Inside a form the form's
    item is asked again with (:data:`FORM_ITEM`); a question naming no item is kept on the one item of the application
    or of the answer just given first (:func:`kept_on_item`).
    """
    named = next(tracker.get_latest_entity_values(ITEM_ENTITY), None)
    if about := follow_up_item(tracker):  # "补贴呢", "那税务那边呢": the previous question about that item
        answer = await search(tracker, item=about)
        if answer.get("status") in ANSWERED:
            return answer
        again = await search(tracker, query=query_text(tracker, everyday=True), item=about)  # "创业担保贷款…"
        return again if again.get("status") in ANSWERED else answer
    short = pointed_item(tracker, text)  # "那个证怎么办" after "…就业创业证…" (or tagged as that certificate)
    short = short if short is None or named is None or short[1] == named else None
    if short is None and not WHAT_ABOUT.match(text):
        short = named_by_short_word(text, named is None)  # "税务那个要多久"
    if short is not None:
        return await _by_short_word(tracker, text, short)
    form_item = tracker.get_slot(FORM_ITEM)
    if not named and (kept := await kept_on_item(tracker, text, form_item)) is not None:
        return kept
    item = named or mentioned_item(tracker) or form_item
    retry = bool(item) and (bool(named) or bool(form_item) or context.is_follow_up(text))
    answer = await search(tracker, record_unanswered=not retry)
    if not named and item and context.is_follow_up(text) and unsaid_subject(answer, text, str(item)):
        # "要我自己去申请吗" after the taxpayer package drew the invoice FAQ: asked about the item by its name
        steer = await search(
            tracker, query=fitted(steered(without_then(text), str(item)), question_shape.is_question), item=item
        )
        answer = steer if steer.get("status") in ANSWERED else answer
    if not retry or answer.get("status") not in UNSURE or (named and stays_refused(answer, str(named), text)):
        return answer  # "房租补助每年给多少", nearest to "租房补贴怎么申请", stays refused
    query = text if named else f"{context.item_word(str(item))}{without_then(text)}"
    again = await search(tracker, query=fitted(query, question_shape.is_question), item=item)
    return again if again.get("status") in ANSWERED else answer


class ActionAnswerQuestion(Action):
    """Answer from the knowledge base, naming the source; say honestly when nothing fits."""

    def name(self) -> str:
        """Action name used in the domain."""
        return "action_answer_question"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]) -> list[EventType]:
        """Reply with the service's short answer (its last line names the source) and keep the item in context.

        Not found: the service's honest answer (offers a person; the question goes to the unanswered queue). A
        request to write something ("你帮我写个开店方案") is declined honestly.
        """
        if writing_requests.decline(dispatcher, context.text_of(tracker)):
            return []
        if (special := await self._in_context(dispatcher, tracker, domain)) is not None:
            return special
        try:
            answer = combined(await answer_each(tracker))
        except ServiceUnavailable:
            dispatcher.utter_message(text=SERVICE_DOWN)
            return []
        dispatcher.utter_message(text=str(answer["answer"]))
        # Sources for the hotline console; the H5 and mini-program chats put 👍/👎 under the answer.
        dispatcher.utter_message(json_message=answer_payload(tracker, answer))
        item = answered_item(tracker, answer)
        return [SlotSet(ITEM_ENTITY, item)] if item else []

    @staticmethod
    async def _in_context(
        dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType] | None:
        """An answer the conversation or the catalogue gives before the knowledge base is searched, else ``None``."""
        from actions.conversation.plain_answers import said_plainly
        from actions.eligibility import own_case, situation_questions
        from actions.eligibility.item_eligibility import (
            what_about,  # they answer through this action: imported when run
        )
        from actions.eligibility.waiting import how_long_to_wait
        from actions.knowledge import overview_in_form

        text = context.text_of(tracker)
        asked = question_shape.is_question(text)
        if how_given.about_the_system(text) and (asked or not question_shape.is_request(text)):
            return None  # "系统会不会把能领的推给我": 免申即享 from the knowledge base, never a verdict on the person
        if (first := await _routed_first(dispatcher, tracker, domain, text)) is not None:
            return first
        if (waited := how_long_to_wait(dispatcher, tracker)) is not None:
            return waited  # "那我还要等多久" right after "须正常经营满1年": the months still to go
        verdict = await overview_in_form.answer(dispatcher, tracker)  # in a form, "一共几个部门审批": the bundle's
        if verdict is None:
            verdict = await what_about(dispatcher, tracker, domain)  # "补贴呢" after "我是退役军人，能贷多少"
        if verdict is None:  # "来电人是退役军人，想开汽修店，问补贴有多少、去哪里申请": the verdict, then where
            verdict = await situation_questions.answer(dispatcher, tracker, domain)
        if verdict is None and not (tracker.active_loop or {}).get("name"):
            verdict = await own_case.answer(dispatcher, tracker, domain)  # "我这种情况能办吗": what was said so far
        if verdict is None:  # "想了解下培训", "找谁" after the overview, "我这种情况能申请吗" with nothing said
            verdict = await said_plainly(dispatcher, tracker)
        if verdict is not None:
            return verdict
        named = next(tracker.get_latest_entity_values(ITEM_ENTITY), None) is not None
        if (fixed := context.fixed_reply(tracker, named)) is not None:
            # another province's question gets the redirect, never Hunan's channels or time limits
            dispatcher.utter_message(text=await knowledge_client.elsewhere(context.text_of(tracker)) or fixed)
            return []
        return await compare(dispatcher, tracker)  # "补贴和贷款有什么区别": each item from the catalogue


async def _routed_first(
    dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any], text: str
) -> list[EventType] | None:
    """What another path answers before any question: a forgotten number, another router, an item's name alone."""
    from actions.progress.progress import forgot_number, forgotten_number  # progress → here: imported when run

    if forgot_number(text):  # "申请编号在哪里能看到": their applications, or where it is
        return await forgotten_number(dispatcher, tracker)
    wish = named_items(tracker) and question_shape.is_request(text) and not question_shape.is_question(text)
    if (elsewhere := await redirected(dispatcher, tracker, domain, bool(wish))) is not None:
        return elsewhere
    return await item_topic.answer(dispatcher, tracker)  # "孵化基地" alone: what it is, kept, and the offer to apply
