"""The routers' common first step: a short follow-up is answered in context, a question is not turned into a form.

The NLU reads "在哪里办", "补贴呢" or "要带什么材料" as whatever intent their few words resemble; right after an
answer they are follow-ups to it (:mod:`actions.conversation.context`) and are answered here whichever router got them.
A question about applying ("创业贷款怎么申请", "办执照要几天") is answered and the application offered; only a
request ("我要申请", "帮我办") starts the form.
"""

from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.application.form_labels import read_labelled
from actions.conversation import context, question_shape  # the module: progress → booking → application_actions → here
from actions.conversation.filed_appeal import how_to_follow
from actions.conversation.replies import answer_question
from actions.eligibility import own_case
from actions.knowledge import writing_requests
from actions.knowledge.in_place import fits_asked, route_in_place
from actions.knowledge.loan_followups import credit_reply
from actions.knowledge.query_text import WHAT_ABOUT
from actions.knowledge.questions import ANSWERED, answer_one
from actions.progress import own_light, progress
from actions.service_client import ServiceUnavailable

LOAN = "guaranteed_loan"
OFFER_APPLY = "需要的话我可以现在帮您填表申请，回复“好的”就开始；还有问题也可以接着问。"


async def follow_up(
    dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any], only_answers: bool = False
) -> list[EventType] | None:
    """The answer to a short follow-up of the previous answer, or ``None`` when the message is not one.

    Args:
        dispatcher: Where the reply goes.
        tracker: The conversation.
        domain: The domain.
        only_answers: Reply only when the knowledge base has a real answer (for chit-chat-like intents).
    """
    if progress.still_without_number(tracker):
        return progress.no_number_reply(dispatcher, tracker)
    if progress.forgot_number(context.text_of(tracker)):  # "我的申请编号在哪里能看到", whatever the intent
        return await progress.forgotten_number(dispatcher, tracker)
    text = context.text_of(tracker)
    said = own_light.answer(dispatcher, tracker)  # "我的是红灯": what it means and the offer to look it up
    if said is not None or (said := _said_in_any_words(dispatcher, tracker, text)) is not None:
        return said
    if context.in_context(tracker) is None and not how_to_follow(tracker, context.previous_action(tracker), text):
        return None  # neither a short follow-up nor how to follow the complaint just filed
    named = any(e.get("entity") == "item" for e in tracker.latest_message.get("entities") or [])
    if only_answers and context.fixed_reply(tracker, named) is None:
        try:
            found = (await answer_one(tracker, context.text_of(tracker))).get("status") in ANSWERED  # item retried
        except ServiceUnavailable:
            found = False
        if not found:
            return None
    return [*await answer_question(dispatcher, tracker, domain), SlotSet("after_overview", False)]


def _said_in_any_words(dispatcher: CollectingDispatcher, tracker: Tracker, text: str) -> list[EventType] | None:
    """What the assistant does, where to follow progress later, or the loan's credit rule right after a loan answer.

    "你能帮我干么子", "以后我自己在哪能查", "我征信不太好，网贷逾期过": whichever router the NLU sent it to; ``None``
    for anything else.
    """
    from actions.conversation import courtesy  # courtesy → here: imported when run

    if (later := progress.where_to_look_later(dispatcher, tracker)) is not None:
        return later  # "以后我自己在哪能查" after a result or the number's prompt: 湘易办「我的办件」…
    if courtesy.about_assistant(text) == "capabilities":
        courtesy.say_about_assistant(dispatcher, "capabilities")
        return []
    if (credit := credit_reply(tracker, text)) is not None:
        dispatcher.utter_message(text=credit)
        return [SlotSet("item", LOAN), SlotSet("after_overview", False)]
    return None


def _items(tracker: Tracker) -> list[str]:
    entities = tracker.latest_message.get("entities") or []
    return list(dict.fromkeys(str(e["value"]) for e in entities if e.get("entity") == "item"))


async def question_not_request(
    dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
) -> list[EventType] | None:
    """A question about applying is answered and the application offered; ``None`` for a request to apply.

    A message that carries application data (two fields or more) is a request, whatever its wording.
    """
    text = context.text_of(tracker)
    if not (question_shape.is_question(text) or question_shape.wants_explained(text)) or question_shape.is_request(
        text
    ):
        return None  # "帮我看看这个政策" is answered too
    entities = list(tracker.latest_message.get("entities") or [])
    fields = set(read_labelled(text, entities).values)
    if len(fields) >= 2 and not (question_shape.asks_whether_figure(text) and not fields & own_case.IDENTIFYING):
        return None  # "我叫…，身份证…，能办吗" files; "我一个人想贷25万可以不" asks whether the limit allows it
    said = len(dispatcher.messages)
    events = await answer_question(dispatcher, tracker, domain)
    if not _answered(dispatcher.messages[said:]):
        return events  # "呃，就是那个" not found: no offer a filler could accept
    dispatcher.utter_message(text=OFFER_APPLY)
    return [*events, SlotSet("offer_pending", True), SlotSet("offered_items", _items(tracker) or None)]


def _answered(messages: list[dict[str, Any]]) -> bool:
    """Whether the replies include a knowledge answer that found something (its 👍/👎 payload says so).

    A reply without a payload (a fixed answer) counts; no reply at all never does (no offer after silence).
    """
    if not messages:
        return False
    statuses = [
        str(((m.get("custom") or m.get("json_message") or {}).get("answer_feedback") or {}).get("status") or "")
        for m in messages
    ]
    return any(status in ANSWERED for status in statuses) or not any(statuses)


async def _not_applying(
    dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any], text: str
) -> list[EventType] | None:
    """Not applying: going in person, how a benefit is given, or what support fits the person.

    "那我还是去现场办吧": where; "补贴还用自己申请不": 免申即享; "我是残疾人，想开个小店，有啥帮扶": the eligibility
    router's, as for its own intent.
    """
    if fits_asked(tracker) or own_case.category_after_what_fits(tracker):
        return await route_in_place("eligibility", dispatcher, tracker, domain)
    if context.goes_in_person(text):
        dispatcher.utter_message(text=context.IN_PERSON)
        return []
    if question_shape.asks_how_given(text):
        return await answer_question(dispatcher, tracker, domain)  # searched, never the form nor a verdict
    return None


async def before_starting(
    dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
) -> list[EventType] | None:
    """What ``action_start_application`` does instead of starting: answer a follow-up or a question, if it is one.

    An accepted offer ("好的" after "需要现在帮您申请吗") always starts.
    """
    intent = str((tracker.latest_message.get("intent") or {}).get("name") or "")
    if intent == "affirm" and tracker.get_slot("offer_pending") and not WHAT_ABOUT.match(context.text_of(tracker)):
        return None  # "好的" accepts; "好的，那培训呢" asks about another item first
    if writing_requests.decline(dispatcher, context.text_of(tracker)):  # "帮我写一份创业计划书": not ours, no form
        return []
    events = await follow_up(dispatcher, tracker, domain)
    if events is None:  # "我这种情况能办吗": the rules' verdict for what the conversation said, not the form
        events = await own_case.answer(dispatcher, tracker, domain)
    if events is not None:
        return events
    text = context.text_of(tracker)
    if (answered := await _not_applying(dispatcher, tracker, domain, text)) is not None:
        return answered
    if question_shape.asks_besides(text):  # "我要办执照，要几天", "想借12万，最多能借几年": answered, then the form
        await answer_question(dispatcher, tracker, domain)
        return None
    return await question_not_request(dispatcher, tracker, domain)
