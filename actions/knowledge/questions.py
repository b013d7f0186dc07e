"""Answers to policy questions from the bundle service's knowledge base, with their source.

Follow-ups keep their subject: the item of the conversation (slot ``item``) goes with every question, so the
service can put it in front of an elliptical one ("那要多久"); "补贴呢" asks the previous question again about
the item it names ("贷款要多久" → "补贴要多久"). Right after the overview or a progress result the context alone
may answer (:mod:`actions.conversation.context`). A message with two questions gets both answers.
"""

from contextvars import ContextVar
from datetime import date
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, FollowupAction, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.conversation import context, question_shape
from actions.conversation.last_answer import pointed_item
from actions.knowledge import knowledge_client, writing_requests
from actions.knowledge.answer_feedback import answer_payload
from actions.knowledge.comparison import compare
from actions.knowledge.knowledge_client import DECLINED_MARGIN, example_ahead
from actions.knowledge.query_text import (
    FORM_ITEM,
    ITEM_ENTITY,
    MAX_QUERY_CHARS,
    WHAT_ABOUT,
    elliptical,
    follow_up_item,
    gist,
    in_chinese,
    named_by_short_word,
    names_item,
    per_item,
    qualifiers,
    query_text,
    without_then,
    words_in,
)
from actions.knowledge.topic import steered, unsaid_subject
from actions.service_client import ServiceUnavailable

_ROUTED: ContextVar[bool] = ContextVar("question_routed", default=False)
SERVICE_DOWN = "抱歉，政策资料服务暂时连不上，请稍后再问，或说“转人工”找工作人员。"
ANSWERED = ("faq", "answer")
UNSURE = ("not_found", "suggest")  # worth asking again with the item
LABEL_CHARS = 20  # a long part (a story before its question) is headed by its end
NOT_FOUND_PART = "这一问暂时没有找到准确的政策依据，可以换个问法，或说“转人工”由工作人员解答。"


def mentioned_item(tracker: Tracker) -> str | None:
    """The item to search within: the conversation's, for a message that names none (a follow-up).

    A message that names an item says what it asks in its own words, so the NLU's item is not sent with it: the
    dev sets measure such questions without an item, and an item sent along lifts that item's sources by a bonus
    the out-of-scope examples do not get ("稳岗补贴怎么申请", read as the start-up subsidy, got its how-to).
    """
    if next(tracker.get_latest_entity_values(ITEM_ENTITY), None) is not None:
        return None
    return tracker.get_slot(ITEM_ENTITY)


async def search(
    tracker: Tracker, record_unanswered: bool = True, query: str | None = None, item: str | None = None
) -> dict[str, Any]:
    """Ask the knowledge base about the latest message, in the context of the conversation's item and region.

    Args:
        tracker: The conversation.
        record_unanswered: Put the question in the unanswered queue when nothing fits.
        query: One question of the message (default: the message, or the follow-up it stands for).
        item: The item that question is about (default: the one named, else the conversation's).

    Raises:
        ServiceUnavailable: the service cannot be reached (or is still building its index).
    """
    region = next(tracker.get_latest_entity_values("region"), None)
    body = {
        "query": in_chinese(tracker, gist(tracker, query or query_text(tracker))),
        "item": item or mentioned_item(tracker),
        "region": region,
        "conversation_id": tracker.sender_id,
        "record_unanswered": record_unanswered,
    }
    return await knowledge_client.ask(body)  # context the service refuses is dropped, never "service down"


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


async def answer_each(tracker: Tracker) -> list[tuple[str, dict[str, Any]]]:
    """The knowledge base's answer to each question of the latest message (one, or one per question).

    A question that names no item is asked about the item of the question before it (or the conversation's), with
    the item's name in front when the item alone finds nothing ("贷款能贷多少？要多久能批？"): the word the user
    said for it ("补贴能拿多少要带啥" → "补贴要带啥"; the full "一次性创业补贴要带啥" drew who may apply).
    """
    text = str(tracker.latest_message.get("text") or "").strip()
    if each := per_item(tracker):
        return [(part, await search(tracker, query=part[:MAX_QUERY_CHARS], item=code)) for part, code in each]
    parts = [] if WHAT_ABOUT.match(text) else question_shape.questions(text)
    if len(parts) < 2:
        return [(text, await answer_one(tracker, text))]
    answers = []
    carried = tracker.get_slot(ITEM_ENTITY)
    said = context.item_word(str(carried)) if carried else ""
    for part in parts:
        named, word = next(iter(words_in(tracker, part)), (None, ""))  # a part naming its item says it in its words
        answer = await search(tracker, query=part[:MAX_QUERY_CHARS], item=None if named else carried)
        if (named or carried) and answer.get("status") in UNSURE and not (named and stays_refused(answer, named, part)):
            query = part if named else f"{said}{without_then(part)}"
            again = await search(tracker, query=query[:MAX_QUERY_CHARS], item=named or carried)
            answer = again if again.get("status") in ANSWERED else answer
        answers.append((part, answer))
        if named:
            carried, said = named, word if len(word) >= 2 and not word.isascii() else context.item_word(named)
    return answers


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


async def _by_short_word(tracker: Tracker, text: str, short: tuple[str, str]) -> dict[str, Any]:
    """The answer to a question naming its item by a short word: asked with the item's name, else in its own words.

    "税务那个要多久" is asked as "纳税人信息确认要多久"; the full name blurred a longer question into titles
    ("营业执照拿到以后税务那边要不要另外跑"), which the user's own words with the item answer.
    """
    answer = await search(tracker, query=short[0][:MAX_QUERY_CHARS], item=short[1])
    if answer.get("status") in ANSWERED:
        return answer
    again = await search(tracker, query=text[:MAX_QUERY_CHARS], item=short[1])
    return again if again.get("status") in ANSWERED else answer


async def answer_one(tracker: Tracker, text: str) -> dict[str, Any]:
    """The answer to one question, asked again with its item when nothing fits.

    A message that names its item is searched without the item first (:func:`mentioned_item`); when nothing fits
    and the question is not nearest to a look-alike of that item (:func:`stays_refused`), with the item.
    A short follow-up is kept on the conversation's item by the service's filter; when that finds nothing ("要多久"
    about the licence), the item's everyday name in front ("营业执照要多久") often does. "补贴呢" (the previous
    question about another item) is searched with the item it names, "税务那个要多久" with the item the short word
    names, "那个证怎么办" with the certificate an answer just named (:func:`pointed_item`). Inside a form the form's
    item is asked again with (:data:`FORM_ITEM`); an elliptical question ("要多久",
    "要带什么材料") in an application for one item is asked about that item first.
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
    if form_item and not named and one_item_applied(tracker) and elliptical(text):
        # "要多久" in the form after "我想申请创业担保贷款": the loan's 15 days, not the whole bundle's 20
        answer = await search(tracker, item=str(form_item), record_unanswered=False)
        if answer.get("status") in ANSWERED:
            return answer
    item = named or mentioned_item(tracker) or form_item
    retry = bool(item) and (bool(named) or bool(form_item) or context.is_follow_up(text))
    answer = await search(tracker, record_unanswered=not retry)
    if not named and item and context.is_follow_up(text) and unsaid_subject(answer, text, str(item)):
        # "要我自己去申请吗" after the taxpayer package drew the invoice FAQ: asked about the item by its name
        steer = await search(tracker, query=steered(without_then(text), str(item))[:MAX_QUERY_CHARS], item=item)
        answer = steer if steer.get("status") in ANSWERED else answer
    if not retry or answer.get("status") not in UNSURE or (named and stays_refused(answer, str(named), text)):
        return answer  # "房租补助每年给多少", nearest to "租房补贴怎么申请", stays refused
    query = text if named else f"{context.item_word(str(item))}{without_then(text)}"
    again = await search(tracker, query=query[:MAX_QUERY_CHARS], item=item)
    return again if again.get("status") in ANSWERED else answer


def _fits_asked(tracker: Tracker) -> bool:
    """A person describing themselves asks what support fits them, outside a form, first thing this turn.

    Only as the turn's first action and never for ``check_eligibility``: the eligibility router itself answers
    through this action.
    """
    from actions.eligibility.situation import asks_what_fits  # situation → dates: imported when run, as the others

    intent = (tracker.latest_message.get("intent") or {}).get("name")
    if intent == "check_eligibility" or (tracker.active_loop or {}).get("name") or not first_action(tracker):
        return False
    if _ROUTED.get():
        return False  # a router run from here answers through this action again: no second redirect
    entities = list(tracker.latest_message.get("entities") or [])
    return asks_what_fits(context.text_of(tracker), entities, date.today())


async def routed(
    router: Action, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
) -> list[EventType]:
    """Run another intent's router in place; its own question answers are never sent back to it.

    A follow-up action to the router left no rule for what came after it, and the policies ran the first action
    again, in a loop (the router's reply said five times).
    """
    token = _ROUTED.set(True)
    try:
        return await router.run(dispatcher, tracker, domain)
    finally:
        _ROUTED.reset(token)


async def route_in_place(
    to: str, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
) -> list[EventType]:
    """The eligibility (``to="eligibility"``) or progress router's reply, run in place (:func:`routed`)."""
    from actions.conversation.routing import (  # the routers answer through this module: imported when run
        ActionRouteEligibility,
        ActionRouteProgress,
    )

    router = ActionRouteEligibility() if to == "eligibility" else ActionRouteProgress()
    return await routed(router, dispatcher, tracker, domain)


async def _redirected(
    dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any], wish: bool
) -> list[EventType] | None:
    """Another router's reply for this message, or ``None``.

    The rules' verdict for "我退伍三年了，有什么扶持" (for them, not a search); the application for a wish to apply
    ("来电人想办培训和执照").
    """
    if _fits_asked(tracker):
        return await route_in_place("eligibility", dispatcher, tracker, domain)
    if wish and not (tracker.active_loop or {}).get("name"):
        return [FollowupAction("action_start_application")]
    return None


def first_action(tracker: Tracker) -> bool:
    """Whether no action has run yet since the latest user message (this one was not reached by a redirect)."""
    for event in reversed(tracker.events):
        if event.get("event") == "user":
            return True
        if event.get("event") == "action" and event.get("name") != "action_listen":
            return False
    return True


def one_item_applied(tracker: Tracker) -> bool:
    """Whether the application under way is for one item (chosen, or the one the user opened with, none chosen yet)."""
    chosen = tracker.get_slot("application_items")
    return not chosen or (isinstance(chosen, list) and len(chosen) == 1)


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
        from actions.eligibility import own_case
        from actions.eligibility.item_eligibility import (
            what_about,  # they answer through this action: imported when run
        )
        from actions.eligibility.waiting import how_long_to_wait
        from actions.knowledge import overview_in_form
        from actions.progress.progress import forgot_number, forgotten_number

        text = context.text_of(tracker)
        if forgot_number(text):  # "申请编号在哪里能看到": their applications, or where it is
            return await forgotten_number(dispatcher, tracker)
        wish = named_items(tracker) and question_shape.is_request(text) and not question_shape.is_question(text)
        if (redirected := await _redirected(dispatcher, tracker, domain, bool(wish))) is not None:
            return redirected
        if (waited := how_long_to_wait(dispatcher, tracker)) is not None:
            return waited  # "那我还要等多久" right after "须正常经营满1年": the months still to go
        verdict = await overview_in_form.answer(dispatcher, tracker)  # in a form, "一共几个部门审批": the bundle's
        if verdict is None:
            verdict = await what_about(dispatcher, tracker, domain)  # "补贴呢" after "我是退役军人，能贷多少"
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
