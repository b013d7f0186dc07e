"""Thanks, a no, a stop or a goodbye with a question after it: "谢谢，那补贴多久到账", "不办了，那培训要钱吗".

The NLU gives such a message the intent of its first words (thank, cancel, deny, goodbye), whose reply alone
would drop the question. ``action_route_courtesy`` says the short reply to the first words and answers the
question from the knowledge base; a message with no question gets the intent's usual reply. Stopping a form with
a question after it is ``action_cancel_application``'s, which answers the rest through :func:`answer_rest`.
"""

import re
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.application.form_questions import for_the_whole_form
from actions.conversation import question_shape
from actions.conversation.plain_answers import learn_about
from actions.conversation.replies import answer_question
from actions.eligibility import own_case
from actions.progress import progress

# The words of thanks, a no or a stop a message may open with (each may repeat: "好的好的，谢谢").
OPENING = re.compile(
    r"^(?:(?:好的|好吧|好|嗯嗯|嗯|行吧|行|ok|OK|哦|噢|知道了|明白了|了解了|懂了|收到)[啊呀哈了吧]?[,，。.!！~～\s]*)*"
    r"(?:谢谢(?:你|您)?(?:了|啦)?|多谢|感谢|谢啦|谢了|辛苦了|麻烦了|"
    r"算了|不办了|先不办了|不弄了|不申请了|不填了|先不填了|不查了|取消(?:了|吧|掉)?|"
    r"不用了|不要了|不需要了|不了|再见|拜拜|没事了)"
    r"[啊呀哈吧哦]?(?:[,，。.!！~～\s]+|(?=那|对了|另外|还有|再问))"
)
MIN_QUESTION = 3
# The short reply to the opening words when a question follows (the question's answer is the real reply).
SAID = {"thank": "不客气。", "cancel": "好的，先不办了。", "deny": "好的。", "goodbye": "好的。"}


def question_after(text: str) -> int | None:
    """Where the question after the opening words starts ("谢谢，那补贴多久到账" → 3), or ``None``.

    Args:
        text: The user's message.

    Returns:
        The offset of the question's first character, when the opening words are followed by a question.
    """
    match = OPENING.match(text)
    if match is None:
        return None
    rest = text[match.end() :]
    if len(rest.strip()) < MIN_QUESTION or not question_shape.is_question(rest):
        return None
    return match.end()


def asking_only(tracker: Tracker, start: int) -> Tracker:
    """The conversation with its latest message cut to the question (entities moved with their words)."""
    latest: dict[str, Any] = dict(tracker.latest_message)
    entities = []
    for entity in latest.get("entities") or []:
        begin, end = entity.get("start"), entity.get("end")
        if not (isinstance(begin, int) and isinstance(end, int)):
            entities.append(entity)
        elif begin >= start:  # a word of the opening ("不办了") names nothing asked
            entities.append({**entity, "start": begin - start, "end": end - start})
    asked = tracker.copy()
    asked.latest_message = {**latest, "text": str(latest.get("text") or "")[start:], "entities": entities}
    return asked


async def answer_rest(
    dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict, outside_forms: bool = False
) -> list[EventType]:
    """Answer the question after the opening words, if there is one (events of the answer; none otherwise).

    Args:
        dispatcher: Where the answer goes.
        tracker: The conversation.
        domain: The domain.
        outside_forms: Answer as outside any form (the form is being stopped by this very message).
    """
    text = str(tracker.latest_message.get("text") or "")
    start = question_after(text)
    if start is None:
        return []
    asked = asking_only(tracker, start)
    if outside_forms:
        asked.active_loop = {}
    elif (tracker.active_loop or {}).get("name") == "application_form":
        asked = for_the_whole_form(asked)
    return await answer_question(dispatcher, asked, domain)


def _usual(dispatcher: CollectingDispatcher, intent: str) -> None:
    """The intent's usual reply (each named here, so `make validate` sees it used)."""
    if intent == "thank":
        dispatcher.utter_message(response="utter_you_are_welcome")
    elif intent == "cancel":
        dispatcher.utter_message(response="utter_cancelled")
    elif intent == "goodbye":
        dispatcher.utter_message(response="utter_goodbye")
    else:
        dispatcher.utter_message(response="utter_anything_else")


class ActionRouteCourtesy(Action):
    """Thanks, a no, a stop or a goodbye: the usual reply, or a short one and the answer to the question after it."""

    def name(self) -> str:
        """Action name used in the domain."""
        return "action_route_courtesy"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[EventType]:
        """Answer the question after the opening words, or say the intent's usual reply."""
        if progress.still_without_number(tracker):  # "真想不起来了" (a stop?) after where the number is: a way on
            return progress.no_number_reply(dispatcher, tracker)
        if (learnt := await learn_about(dispatcher, tracker)) is not None:
            return learnt  # "就想了解一下贷款，先不申请", read as a stop: the item, not "已经停下了"
        if (judged := await own_case.fact_after_verdict(dispatcher, tracker, domain)) is not None:
            return judged  # "执照还没办呢" right after a verdict: a fact, judged again (not "好的，明白了")
        intent = str((tracker.latest_message.get("intent") or {}).get("name") or "")
        if question_after(str(tracker.latest_message.get("text") or "")) is None:
            _usual(dispatcher, intent)
            return []
        dispatcher.utter_message(text=SAID.get(intent, "好的。"))
        return await answer_rest(dispatcher, tracker, domain)
