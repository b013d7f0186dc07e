"""What the assistant does when it did not understand the user."""

from datetime import date
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, FollowupAction, SlotSet, UserUtteranceReverted
from rasa_sdk.executor import CollectingDispatcher

from actions.appeals.appeals import explicit_appeal
from actions.application.application_start import carries_application_data
from actions.conversation import courtesy, question_shape
from actions.conversation.closed_loop_first import rating_or_unfiled
from actions.conversation.followups import follow_up
from actions.conversation.handoff import hand_off
from actions.conversation.last_answer import recent_turns
from actions.conversation.replies import answer_when_found
from actions.conversation.waited_long import waited_long
from actions.eligibility import own_case, situation, what_is_asked
from actions.eligibility.situation import asks_what_fits
from actions.knowledge.comparison import compare
from actions.knowledge.questions import answered_item, route_in_place, search
from actions.progress.progress import forgot_number, forgotten_number
from actions.service_client import ServiceUnavailable

FALLBACK_INTENT = "nlu_fallback"
ASK_TO_REPHRASE = "不好意思，我没太明白您的意思。能换个说法再说一次吗？比如“创业补贴有多少”或“我想申请创业贷款”。"
HANDED_OFF_AFTER_MISSES = "抱歉，我还是没能理解您的意思，已为您转人工客服，请稍候，工作人员会在这里回复您。"
MISSES_READ = 2  # a person after the second miss in a row: the turns before the latest message worth reading


def consecutive_fallbacks(tracker: Tracker) -> int:
    """How many misses in a row end with the latest message: it, and each turn before it the bot could not read.

    A turn counts only when the bot asked to rephrase it (:data:`ASK_TO_REPHRASE`); a message the NLU was unsure of
    that a form or a router still handled ("就这样提交吧" filing a complaint) was no miss, whatever its intent.
    """
    count = 1
    for turn in recent_turns(tracker, MISSES_READ):
        if not any(said.startswith(ASK_TO_REPHRASE) for said in turn):
            break
        count += 1
    return count


def asks_item_for_self(tracker: Tracker) -> bool:
    """Whether the message states the person's situation and asks whether they get an item it names.

    Not when it says who the applicant is (a filing: "我叫…，身份证…，能办补贴吗" goes on to the form).
    """
    text = str(tracker.latest_message.get("text") or "")
    entities = list(tracker.latest_message.get("entities") or [])
    if not (question_shape.is_question(text) and what_is_asked.items_asked(text, entities)):
        return False
    return bool(situation.read(text, entities, date.today()).profile) and not own_case.files(tracker, text)


def _only_asks(tracker: Tracker) -> bool:
    """A question about an item and a business ("小微企业借八百万中不中"), not a filing: no one named, nothing asked.

    Such a message carries two fields (an item, a business type), so it read as an application message.
    """
    text = str(tracker.latest_message.get("text") or "")
    return (
        question_shape.is_question(text) and not question_shape.is_request(text) and not own_case.files(tracker, text)
    )


class ActionHandleLowConfidence(Action):
    """Try the knowledge base; else ask to rephrase once, and after the second miss in a row hand off to a person."""

    def name(self) -> str:
        """Action name used in the domain."""
        return "action_handle_low_confidence"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]) -> list[EventType]:
        """A policy question the NLU was unsure of is answered from the knowledge base when it finds a source.

        Otherwise reply and revert the misunderstood message so it does not steer the dialogue. Noise is not
        recorded in the unanswered queue.
        """
        started = await self._closed_loop(dispatcher, tracker, domain)
        if started is None and asks_item_for_self(tracker):  # "我是退伍军人，开店能领补贴吗": the verdict
            started = await route_in_place("eligibility", dispatcher, tracker, domain)
        if started is None and carries_application_data(tracker) and not _only_asks(tracker):
            started = [FollowupAction("action_start_application")]  # a long application message, likewise
        if started is not None:
            return started
        helped = await self._understood_in_context(dispatcher, tracker, domain)
        if helped is None:  # "填的那份表叫啥名": a question the knowledge base holds (or offers titles for)
            helped = await answer_when_found(dispatcher, tracker, domain)
        if helped is not None:
            return helped
        try:
            answer = await search(tracker, record_unanswered=False)
        except ServiceUnavailable:
            answer = {"status": "not_found"}
        if answer.get("status") in ("faq", "answer"):
            dispatcher.utter_message(text=str(answer["answer"]))
            item = answered_item(tracker, answer)
            return [SlotSet("item", item)] if item else []
        if consecutive_fallbacks(tracker) < 2:
            dispatcher.utter_message(text=ASK_TO_REPHRASE)
            return [UserUtteranceReverted()]
        events = await hand_off(dispatcher, tracker, HANDED_OFF_AFTER_MISSES)
        if not events:  # nobody can take it now: the user was told where to turn instead
            return [UserUtteranceReverted()]
        return events

    @staticmethod
    async def _closed_loop(
        dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType] | None:
        """A rating, whether a just cancelled form was filed, the assistant itself, or a complaint in plain words."""
        if (taken := await rating_or_unfiled(dispatcher, tracker, domain)) is not None:
            return taken
        text = str(tracker.latest_message.get("text") or "")
        if courtesy.answered_as_about_assistant(dispatcher, text):
            return []  # "你都会点啥", "给我的公司想个名字"
        return explicit_appeal(dispatcher, tracker)  # "我要投诉，…" the NLU was unsure of

    @staticmethod
    async def _understood_in_context(
        dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType] | None:
        """A forgotten number, or a short follow-up the NLU was unsure of ("那补贴呢") read against the last answer."""
        if forgot_number(str(tracker.latest_message.get("text") or "")):
            return await forgotten_number(dispatcher, tracker)
        entities = list(tracker.latest_message.get("entities") or [])
        if asks_what_fits(str(tracker.latest_message.get("text") or ""), entities, date.today()):
            return await route_in_place("eligibility", dispatcher, tracker, domain)  # "我从部队退下来三年了，有啥帮扶"
        if waited_long(str(tracker.latest_message.get("text") or "")):
            return await route_in_place("progress", dispatcher, tracker, domain)  # "效率太低了，等了半个月还没批下来"
        if (compared := await compare(dispatcher, tracker)) is not None:
            return compared  # "培训和孵化基地哪个更适合我"
        return await follow_up(dispatcher, tracker, domain)
