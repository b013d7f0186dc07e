"""``eligibility_form`` (the person's profile) and ``action_show_eligibility`` (what they qualify for, and why).

Answers are read generously: dates and durations in words through :mod:`actions.dates` (the reading is shown
back), "都不是/就普通人" as the category "other", yes/no in words. A question inside the form is answered from
the knowledge base and the same step asked again; only an explicit "取消" cancels.
"""

import re
from collections.abc import Callable
from datetime import date
from typing import Any

from rasa_sdk import Action, FormValidationAction, Tracker
from rasa_sdk.events import ActiveLoop, EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions import dates, situation
from actions.form_extraction import just_heard_user
from actions.replies import answer_question, is_question
from actions.service_client import ServiceUnavailable, check_field, post_json
from actions.step_help import failures_at, help_message

PROFILE_SLOTS = {
    "person_category": "elig_person_category",
    "other_category": "elig_other_category",
    "graduation_year": "elig_graduation_year",
    "business_started_on": "elig_business_started_on",
    "first_time_founder": "elig_first_time_founder",
}
NO_BUSINESS = "none"
# Only these words stop the form; "开了一年半了" is an answer even when the NLU says cancel.
EXPLICIT_STOP = re.compile(r"取消|不查了|不测了|不匹配了|不弄了|不办了|算了|退出|不用了|停")
EXPLICIT_PERSON = re.compile(r"人工|真人|客服|工作人员")
# Messages that are never an answer to a profile question.
SMALL_TALK = frozenset({"greet", "thank", "goodbye", "bot_challenge", "out_of_scope", "give_feedback"})
YES = re.compile(r"^(?:是|是的|对|对的|嗯|没错|第一次|头一次|首次)")
NO = re.compile(r"^(?:不是|否|没有|不|第二次)|以前.*(?:创过|开过|办过)")
NOT_LISTED = "只面向政策列明的人员类别，您说都不属于，暂不符合。"
SERVICE_DOWN = "抱歉，资格匹配服务暂时连不上，请稍后再试，或说“转人工”。"


def profile(slots: dict[str, Any]) -> dict[str, Any]:
    """The eligibility profile from the form's slots."""
    body: dict[str, Any] = {}
    for field, slot in PROFILE_SLOTS.items():
        value = slots.get(slot)
        if value is None:
            continue
        if field == "business_started_on" and value == NO_BUSINESS:
            body["has_licence"] = False
            continue
        if field == "other_category" and value == NO_BUSINESS:
            continue  # none of the listed groups: nothing to state
        body[field] = value
    return body


def _year(text: str, shown: list[str]) -> int | None:
    year = dates.graduation_year(text, date.today())
    if year is not None:
        shown.append(year.shown)
    return year.year if year else None


def _start(text: str, intent: str, shown: list[str]) -> str | None:
    start = dates.business_start(text, date.today())
    if start is None:
        return NO_BUSINESS if intent == "deny" else None
    shown.append(start.shown)
    return NO_BUSINESS if start.started_on is None else start.started_on.isoformat()


def _first_time(text: str, intent: str) -> bool | None:
    said = situation.first_time(text)
    if said is None and intent in ("affirm", "deny"):
        said = intent == "affirm"
    if said is None and YES.search(text):
        said = True
    if said is None and NO.search(text):
        said = False
    return said


def _raw_answer(slot: str, text: str, intent: str, entities: list[dict[str, Any]], shown: list[str]) -> Any | None:
    """The answer to ``slot`` read from the message, or ``None`` when the message holds none.

    ``shown`` receives how a date in words was read (``去年毕业 → 2025年毕业``).
    """
    readers: dict[str, Callable[[], Any]] = {
        "elig_person_category": lambda: situation.category(entities, text),
        "elig_other_category": lambda: NO_BUSINESS if situation.NONE_OF_THEM.search(text) else None,
        "elig_graduation_year": lambda: _year(text, shown),
        "elig_business_started_on": lambda: _start(text, intent, shown),
        "elig_first_time_founder": lambda: _first_time(text, intent),
    }
    reader = readers.get(slot)
    return reader() if reader else None


class ValidateEligibilityForm(FormValidationAction):
    """Asks the category first, then only what the service says it still needs to decide."""

    def name(self) -> str:
        """Action name used in the domain."""
        return "validate_eligibility_form"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[EventType]:
        """Validate the answer with the service, then ask for the next missing profile field."""
        slots: dict[str, Any] = dict(tracker.current_slot_values())
        requested = slots.get("requested_slot")
        intent = tracker.get_intent_of_latest_message() or ""
        text = str(tracker.latest_message.get("text") or "").strip()
        entities = tracker.latest_message.get("entities", [])
        events: list[EventType] = []
        try:
            if not just_heard_user(tracker):
                pass  # resumed after an interruption: the message was already handled, only re-plan
            elif requested is None:
                category = situation.category(entities, text)
                if category:
                    events += await self._accept("elig_person_category", category, slots, dispatcher)
            else:
                shown: list[str] = []
                raw = _raw_answer(str(requested), text, intent, entities, shown)
                if (EXPLICIT_STOP.search(text) and raw is None) or EXPLICIT_PERSON.search(text):
                    return []  # cancel / a person: the rules handle it
                if raw is None and (intent in ("ask_question", "ask_bundle_overview") or is_question(text)):
                    answered = await answer_question(dispatcher, tracker, domain)
                    return [*answered, SlotSet(str(requested), None), SlotSet("requested_slot", requested)]
                if raw is None and intent in SMALL_TALK | {"start_application", "check_progress"}:
                    return []
                accepted = await self._accept(str(requested), text if raw is None else raw, slots, dispatcher)
                if slots.get(str(requested)) is None and failures_at(tracker, str(requested)) >= 1:
                    dispatcher.utter_message(**help_message(str(requested)))
                if shown and slots.get(str(requested)) is not None:
                    dispatcher.utter_message(text="好的，记下了：" + "；".join(shown) + "。")
                events += accepted
            next_slot = await self._next(slots)
        except ServiceUnavailable:
            dispatcher.utter_message(text=SERVICE_DOWN)
            return [SlotSet("requested_slot", None), ActiveLoop(None)]
        return [*events, SlotSet("requested_slot", next_slot)]

    @staticmethod
    async def _accept(slot: str, raw: Any, slots: dict[str, Any], dispatcher: CollectingDispatcher) -> list[EventType]:
        if raw == NO_BUSINESS:  # not registered yet / none of the listed groups
            slots[slot] = raw
            return [SlotSet(slot, raw)]
        field = next(f for f, s in PROFILE_SLOTS.items() if s == slot)
        value, problem = await check_field(field, raw)
        if problem is not None:
            dispatcher.utter_message(text=problem)
            return [SlotSet(slot, None)]
        slots[slot] = value
        return [SlotSet(slot, value)]

    @staticmethod
    async def _next(slots: dict[str, Any]) -> str | None:
        if not slots.get("elig_person_category"):
            return "elig_person_category"
        answer = await post_json("/api/v1/eligibility", profile(slots))
        missing = {name for entry in answer["items"] for name in entry["missing"]}
        return next((s for f, s in PROFILE_SLOTS.items() if f in missing and slots.get(s) is None), None)


class ActionShowEligibility(Action):
    """List what the person qualifies for and why, and offer to apply for it."""

    def name(self) -> str:
        """Action name used in the domain."""
        return "action_show_eligibility"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[EventType]:
        """One line per item (✅/❌ with the reason); the qualifying items become the offer."""
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
        if slots.get("elig_other_category") == NO_BUSINESS:  # none of the groups: what still needs one is not met
            other = [{**a, "reason": NOT_LISTED} if "other_category" in a["missing"] else a for a in other]
        lines = [f"✅ {a['name']}：{a['reason']}" for a in good] + [f"❌ {a['name']}：{a['reason']}" for a in other]
        text = "根据您说的情况，匹配结果如下：\n" + "\n".join(lines)
        if not good:
            dispatcher.utter_message(text=text + "\n暂时没有符合条件的事项；情况有变化可以再来问我，或说“转人工”。")
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
        """Forget the offer."""
        dispatcher.utter_message(text="好的，不着急。想申请时说“我要申请”就行，还有其他问题也可以问我。")
        return [SlotSet("offer_pending", False), SlotSet("offered_items", None)]
