"""``action_show_eligibility`` (what the person qualifies for, and why) and ``action_decline_offer``.

The result of ``eligibility_form`` (:mod:`actions.eligibility.eligibility`): one line per item with its reason, the
qualifying items offered for the application; "不用了" forgets the offer, a fact said as a no is judged again.
"""

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.application.form_navigation import RESUME_HINT, application_paused, hint_if_paused
from actions.eligibility.eligibility import SERVICE_DOWN, as_understood, profile
from actions.eligibility.eligibility_reading import PROFILE_SLOTS
from actions.eligibility.verdicts import none_listed, verdict_lines
from actions.service_client import ServiceUnavailable, post_json


class ActionShowEligibility(Action):
    """List what the person qualifies for and why, and offer to apply for it."""

    def name(self) -> str:
        """Action name used in the domain."""
        return "action_show_eligibility"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[EventType]:
        """One line per item (:func:`.verdicts.verdict_lines`); the qualifying items become the offer."""
        slots = dict(tracker.current_slot_values())
        forget = [SlotSet(slot, None) for slot in PROFILE_SLOTS.values()]
        if not slots.get("elig_person_category"):
            if tracker.get_intent_of_latest_message() != "start_application":
                return forget
            named = [str(e["value"]) for e in tracker.latest_message.get("entities", []) if e.get("entity") == "item"]
            dispatcher.utter_message(text="好的，先不做匹配，直接申请。回复“好的”就开始填申请表。")
            return [*forget, SlotSet("offered_items", named or None), SlotSet("offer_pending", True)]
        try:
            answer = await post_json("/api/v1/eligibility", profile(slots))
        except ServiceUnavailable:
            dispatcher.utter_message(text=SERVICE_DOWN)
            return forget
        good = [a for a in answer["items"] if a["qualifies"]]
        other = [a for a in answer["items"] if not a["qualifies"]]
        other = none_listed(other, {"other_category": slots.get("elig_other_category")})  # "都不是": not met
        text = f"根据您说的情况{as_understood(slots)}，匹配结果如下：\n" + "\n".join(verdict_lines(good + other))
        if not good:
            dispatcher.utter_message(text=text + "\n暂时没有符合条件的事项；情况有变化可以再来问我，或说“转人工”。")
            hint_if_paused(dispatcher, tracker)
            return forget
        if application_paused(tracker):  # "好的" resumes the application set aside, so the offer says that
            dispatcher.utter_message(text=text + "\n" + RESUME_HINT)
            return forget
        dispatcher.utter_message(text=text + "\n需要现在帮您申请符合条件的事项吗？回复“好的”即可开始填表。")
        offered = [a["code"] for a in good]
        return [*forget, SlotSet("offered_items", offered), SlotSet("offer_pending", True)]


class ActionDeclineOffer(Action):
    """The user does not want to apply now."""

    def name(self) -> str:
        """Action name used in the domain."""
        return "action_decline_offer"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[EventType]:
        """Forget the offer; a fact said as a no ("还没开张呢") is judged again instead."""
        from actions.eligibility import own_case  # own_case → item_eligibility → here: imported when run

        if (judged := await own_case.fact_after_verdict(dispatcher, tracker, domain)) is not None:
            return [SlotSet("offer_pending", False), SlotSet("offered_items", None), *judged]
        dispatcher.utter_message(text="好的，不着急。想申请时说“我要申请”就行，还有其他问题也可以问我。")
        return [SlotSet("offer_pending", False), SlotSet("offered_items", None)]
