"""``eligibility_form`` (the person's profile) and ``action_show_eligibility`` (what they qualify for, and why)."""

import re
from typing import Any

from rasa_sdk import Action, FormValidationAction, Tracker
from rasa_sdk.events import ActiveLoop, EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.form_extraction import DIGRESSION_INTENTS, just_heard_user
from actions.service_client import ServiceUnavailable, check_field, post_json

PROFILE_SLOTS = {
    "person_category": "elig_person_category",
    "other_category": "elig_other_category",
    "graduation_year": "elig_graduation_year",
    "business_started_on": "elig_business_started_on",
    "first_time_founder": "elig_first_time_founder",
}
NO_BUSINESS = "none"
NO_BUSINESS_WORDS = re.compile(r"没有|还没|未注册|没注册|没办|还未|尚未|准备|打算")
YEAR_MONTH = re.compile(r"((?:19|20)\d{2})\s*[年\-/.]\s*(\d{1,2})\s*月?$")
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
        body[field] = value
    return body


def _raw_answer(slot: str, text: str, intent: str, entities: list[dict[str, Any]]) -> Any:
    if slot == "elig_person_category":
        return next((e["value"] for e in entities if e.get("entity") == "person_category"), text)
    if slot == "elig_graduation_year":
        year = re.search(r"(?:19|20)\d{2}", text)
        return year.group(0) if year else text
    if slot == "elig_business_started_on":
        if intent == "deny" or NO_BUSINESS_WORDS.search(text):
            return NO_BUSINESS
        month = YEAR_MONTH.search(text.strip())
        return f"{month.group(1)}-{int(month.group(2)):02d}-01" if month else text
    if slot == "elig_first_time_founder" and intent in ("affirm", "deny"):
        return intent == "affirm"
    return text


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
                category = next((e["value"] for e in entities if e.get("entity") == "person_category"), None)
                if category:
                    events += await self._accept("elig_person_category", category, slots, dispatcher)
            elif (
                intent in DIGRESSION_INTENTS - {"check_eligibility"} and not entities
            ) or intent == "start_application":
                return []
            else:
                raw = _raw_answer(str(requested), text, intent, entities)
                events += await self._accept(str(requested), raw, slots, dispatcher)
            next_slot = await self._next(slots)
        except ServiceUnavailable:
            dispatcher.utter_message(text=SERVICE_DOWN)
            return [SlotSet("requested_slot", None), ActiveLoop(None)]
        return [*events, SlotSet("requested_slot", next_slot)]

    @staticmethod
    async def _accept(slot: str, raw: Any, slots: dict[str, Any], dispatcher: CollectingDispatcher) -> list[EventType]:
        if raw == NO_BUSINESS:
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
            return forget
        try:
            answer = await post_json("/api/v1/eligibility", profile(slots))
        except ServiceUnavailable:
            dispatcher.utter_message(text=SERVICE_DOWN)
            return forget
        good = [a for a in answer["items"] if a["qualifies"]]
        other = [a for a in answer["items"] if not a["qualifies"]]
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
