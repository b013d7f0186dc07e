"""``validate_application_form``: answers and corrections validated by the bundle service; what to ask next.

The service is the one place of the form's rules: each value goes through ``POST /api/v1/validation/{field}``
(its Chinese reason is the re-prompt), and ``POST /api/v1/validation`` says which fields are still missing for
the chosen items and which rules are not met. Both that check and ``POST /api/v1/prefill`` carry who is asking
(:func:`form_headers`): only a user the service identifies as the applicant (real-name authenticated WeChat
account, or a hotline caller verified by staff in the call) has shared records used (免提交); for anyone else the
form asks for every value and says nothing about records.
"""

import logging
from typing import Any

from rasa_sdk import FormValidationAction, Tracker
from rasa_sdk.events import ActiveLoop, EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.application import loan_borrower
from actions.application.form_business import places_in_address
from actions.application.form_extraction import extract, just_heard_user
from actions.application.form_fields import (
    BY_SERVICE_FIELD,
    BY_SLOT,
    CONFIRM_SLOT,
    FIELDS,
    FORM_SLOTS,
    PAUSED,
    display,
    service_form,
)
from actions.application.form_held import form_headers, prefill
from actions.application.form_items import complete_items, without_refused
from actions.application.form_navigation import drop_repeated, failed_answer, remind
from actions.application.form_questions import (
    answer_besides,
    question_besides,
)
from actions.application.form_turns import NAVIGATION, acknowledge, answer_in_form, carry_out
from actions.application.form_values import Extraction
from actions.application.loan_limit import CAP, PROBES, the_limit, with_offer
from actions.service_client import (
    ServiceUnavailable,
    TooManyAttempts,
    check_field,
    post_json,
)

logger = logging.getLogger(__name__)
REQUESTED = "requested_slot"
SERVICE_DOWN = "抱歉，申请系统暂时连不上，您的申请还没有提交。已填写的内容先为您保留，请稍后说“继续申请”接着办理。"
TOO_MANY_PEOPLE = "短时间内填写的身份证号码过多，请{minutes}分钟后再说“继续申请”。已填写的内容先为您保留。"
ORDER = {slot: index for index, slot in enumerate((*FORM_SLOTS, CONFIRM_SLOT))}


def _regions_to_places(regions: list[str]) -> list[tuple[str, str]]:
    """Candidate (slot, value) pairs for city and county from the region entities, city first."""
    return [("city", r) for r in regions] + [("county", r) for r in regions]


def _said_added(dispatcher: CollectingDispatcher, item: str) -> bool:
    """This turn already said the item was added (registration and tax go together: "已为您加上“纳税人信息确认”")."""
    return any(f"加上“{item}”" in str(message.get("text") or "") for message in dispatcher.messages)


async def _reconsidered(
    slot: str, raw: Any, problem: str, slots: dict[str, Any], tracker: Tracker, found: Extraction
) -> tuple[Any, str | None]:
    """A refused loan value looked at again: a company founder's figure a person's loan allows, or the limit offered.

    "20万，3年" for a company is kept and who borrows is asked next (decision D1); an amount over the limit gets the
    limit offered, a second time both limits.
    """
    if loan_borrower.ask_due(slot, slots, tracker):
        as_person = {**service_form(slots), "loan_borrower": "individual"}
        value, person_problem = await check_field(BY_SLOT[slot].service_field, raw, as_person)
        if person_problem is None:
            found.ask_borrower = True
            return value, None
    return None, with_offer(problem, tracker) if slot == "loan_amount" else problem


class ValidateApplicationForm(FormValidationAction):
    """Validation and slot order of ``application_form``."""

    def name(self) -> str:
        """Action name used in the domain."""
        return "validate_application_form"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[EventType]:
        """Extract and validate this turn's values, then set the next slot to ask (or end the form).

        Returns no events for a digression (question, cancel, a person), so the form rejects and the rules
        answer; the form resumes afterwards.
        """
        slots: dict[str, Any] = dict(tracker.current_slot_values())
        # Right after the user spoke, read their message; when the form resumes after an interruption (or is
        # activated by action_start_application) the message was already handled: only re-plan.
        after_user = just_heard_user(tracker)
        found = extract(tracker, slots) if after_user else Extraction()
        drop_repeated(found, slots)
        if not after_user and slots.get(REQUESTED) is not None:  # back after chit-chat a rule answered
            remind(dispatcher, tracker, str(slots[REQUESTED]))
        pending = {s: slots[s] for s in tracker.slots_to_validate() if s in BY_SLOT and slots.get(s) is not None}
        candidates = {**pending, **found.values}  # validated in the form's order: a loan's limit after its partners
        candidates = dict(sorted(candidates.items(), key=lambda pair: ORDER.get(pair[0], len(ORDER))))
        early = await self._without_values(
            dispatcher, tracker, domain, slots, found, bool(candidates) or not after_user
        )
        if early is not None:
            return early
        try:
            events = await self._validate(dispatcher, tracker, slots, candidates, found)
            if found.values and (asked := question_besides(str(tracker.latest_message.get("text") or ""))):
                await answer_besides(dispatcher, tracker, asked)  # "我叫王芳，要带身份证吗": stored, then answered
            if found.ask_borrower:  # asked before the service's validation would refuse the enterprise's figure
                dispatcher.utter_message(text=loan_borrower.question(), buttons=loan_borrower.BUTTONS)
                return [*events, SlotSet(CONFIRM_SLOT, None), SlotSet(REQUESTED, "loan_borrower")]
            events += await self._next_slot(dispatcher, slots, tracker, found.command == "submit", found.rejected)
            if found.command == "submit":
                events.append(SlotSet(CONFIRM_SLOT, None))  # a slot event: the form does not reject the message
        except ServiceUnavailable as error:
            logger.warning("bundle service unavailable during the form: %s", error)
            dispatcher.utter_message(text=SERVICE_DOWN)
            return [SlotSet(PAUSED, True), SlotSet(REQUESTED, None), ActiveLoop(None)]
        except TooManyAttempts as limited:
            dispatcher.utter_message(text=TOO_MANY_PEOPLE.format(minutes=max(1, (limited.retry_after + 59) // 60)))
            return [SlotSet(PAUSED, True), SlotSet(REQUESTED, None), ActiveLoop(None)]
        return events

    @staticmethod
    async def _without_values(
        dispatcher: CollectingDispatcher,
        tracker: Tracker,
        domain: DomainDict,
        slots: dict[str, Any],
        found: Extraction,
        has_values: bool,
    ) -> list[EventType] | None:
        """The turn's events when the message fills nothing: a digression, a question, a command or a failed answer.

        ``None`` when there is something to validate (or a submit word, which lists what is missing).
        """
        requested = slots.get(REQUESTED)
        if found.digression:
            return []
        if (found.field_help or found.question) and requested is not None:
            answered = await answer_in_form(dispatcher, tracker, domain, found)
            remind(dispatcher, tracker, str(requested))  # a question counts as a message that answered nothing
            return [*answered, SlotSet(str(requested), None), SlotSet(REQUESTED, requested)]
        if found.command in NAVIGATION:
            items = found.values.get("application_items") if found.command == "restart" else None
            return await carry_out(dispatcher, tracker, domain, str(found.command), slots, items)
        if has_values or found.command:
            return None
        if found.not_yet_registered:
            dispatcher.utter_message(
                text="经营主体还没注册的话，这一项先不用填：可以在事项里加上“经营主体登记注册”一并办理，"
                "或者说“上一步”修改事项。"
            )
        if requested in BY_SLOT or requested == CONFIRM_SLOT:
            # Nothing usable: say what is needed (an empty answer would make the form reject and stall).
            return failed_answer(dispatcher, tracker, str(requested), slots, found.problem)
        return None

    async def _validate(
        self,
        dispatcher: CollectingDispatcher,
        tracker: Tracker,
        slots: dict[str, Any],
        candidates: dict[str, Any],
        found: Extraction,
    ) -> list[EventType]:
        events: list[EventType] = []
        requested = slots.get(REQUESTED)
        if CONFIRM_SLOT in candidates:
            events += self._confirm(dispatcher, bool(candidates.pop(CONFIRM_SLOT)), slots)
        for slot, raw in candidates.items():
            before = slots.get(slot)
            value, problem = await self._check(slot, raw, slots, dispatcher)
            if problem is not None:
                value, problem = await _reconsidered(slot, raw, problem, slots, tracker, found)
            if problem is not None:
                is_correction = before is not None and slot != requested and before != raw  # not a seeded value
                prefix = f"{BY_SLOT[slot].label}没有修改：" if is_correction else ""
                if slot == requested:
                    events += failed_answer(dispatcher, tracker, slot, slots, prefix + problem)
                    found.rejected.append(slot)  # the step stays asked: the next answer is read for it
                    continue
                dispatcher.utter_message(text=prefix + problem)
                if not is_correction:
                    events.append(SlotSet(slot, None))
                    slots[slot] = None
                    found.rejected.append(slot)  # asked again at once: the reply to the reason answers it
                continue
            slots[slot] = value
            events.append(SlotSet(slot, value))
            if raw == CAP:  # "按最高额度来": the figure taken is said back
                found.shown[slot] = f"{BY_SLOT[slot].label}按最高：{display(slot, value)}"
            acknowledge(dispatcher, slot, value, before is None and slot in found.values, requested, found)
            added = set(value) - set(before) if slot == "application_items" and before and requested != slot else set()
            added = {code for code in added if not _said_added(dispatcher, display(slot, [code]))}  # the pair's note
            changed = before is not None and before != value and slot not in tracker.slots_to_validate()
            if added or changed:  # "再加上培训": what was added, once (not the whole list again)
                said = f"已加上：{display(slot, [c for c in value if c in added])}" if added else ""
                dispatcher.utter_message(
                    text=f"好的，{said or f'已把{BY_SLOT[slot].label}改为：{display(slot, value)}'}。"
                )
            if changed:
                events.append(SlotSet(CONFIRM_SLOT, None))
                slots[CONFIRM_SLOT] = None
            if slot == "id_number":
                events += await prefill(dispatcher, value, slots, tracker)
            if slot == "premises_address" and before is not None and before != value and places_in_address(str(value)):
                slots["city"] = slots["county"] = None  # a new address naming places: its own city and county
                events += [SlotSet("city", None), SlotSet("county", None)]
            if slot == "premises_address" and (slots.get("city") is None or slots.get("county") is None):
                events += await self._places([*found.regions, *places_in_address(str(value))], slots)
        return events

    async def _check(
        self, slot: str, raw: Any, slots: dict[str, Any], dispatcher: CollectingDispatcher
    ) -> tuple[Any, str | None]:
        """The normalised value, or the service's reason why it is wrong."""
        if slot == "application_items":
            raw, note = complete_items(list(raw))
            if note:
                dispatcher.utter_message(text=note)
        if raw == CAP and slot in PROBES:  # "按最高的来": the limit the service names for this borrower
            _, said = await check_field(BY_SLOT[slot].service_field, PROBES[slot], service_form(slots))
            raw = the_limit(slot, said) or raw
        return await check_field(BY_SLOT[slot].service_field, raw, service_form(slots))

    async def _places(self, regions: list[str], slots: dict[str, Any]) -> list[EventType]:
        """City and county named in the address, when the NLU found them there."""
        events: list[EventType] = []
        for slot, name in _regions_to_places(regions):
            if slots.get(slot) is not None:
                continue
            value, problem = await check_field(slot, name)
            if problem is None and (slot == "city" or value != slots.get("city")):
                slots[slot] = value
                events.append(SlotSet(slot, value))
        return events

    @staticmethod
    def _confirm(dispatcher: CollectingDispatcher, confirmed: bool, slots: dict[str, Any]) -> list[EventType]:
        if confirmed:
            slots[CONFIRM_SLOT] = True
            return [SlotSet(CONFIRM_SLOT, True)]
        dispatcher.utter_message(
            text="好的，请直接告诉我要改哪一项，例如“手机号改成（新号码）”“项目名称改为（新名称）”。不想办了可以说“取消”。"
        )
        return [SlotSet(CONFIRM_SLOT, None)]

    async def _next_slot(
        self,
        dispatcher: CollectingDispatcher,
        slots: dict[str, Any],
        tracker: Tracker,
        submit_asked: bool = False,
        rejected: list[str] | None = None,
    ) -> list[EventType]:
        """Ask the service what is still missing or wrong (for this user); the first such field is asked next.

        A value of this turn the service refused (a loan over the limit said with other values) is asked again
        first, so the reply to the reason ("那就2年") answers it. A submit word while fields are missing is answered
        with the list of what is still missing.
        """
        events: list[EventType] = []
        if not slots.get("application_items"):
            if submit_asked:
                dispatcher.utter_message(text="还不能提交：还没选要办的事项，也还没填其他信息。我们先选事项。")
            return [SlotSet(REQUESTED, "application_items")]
        check = await post_json("/api/v1/validation", service_form(slots), form_headers(tracker))
        refused = without_refused(list(slots["application_items"]), check["errors"])
        if refused is not None:  # items that cannot be applied for now are dropped with the reason; the rest go on
            kept, text = refused
            dispatcher.utter_message(text=text)
            slots["application_items"] = kept or None
            events += [SlotSet("application_items", kept or None), SlotSet(CONFIRM_SLOT, None)]
            if not kept:
                return [*events, SlotSet(REQUESTED, "application_items")]
            check = await post_json("/api/v1/validation", service_form(slots), form_headers(tracker))
        for error in check["errors"]:
            field = BY_SERVICE_FIELD.get(error["field"])
            if field is None or slots.get(field.slot) is None:
                continue
            dispatcher.utter_message(text=error["message"])
            slots[field.slot] = None
            events += [SlotSet(field.slot, None), SlotSet(CONFIRM_SLOT, None)]
            slots[CONFIRM_SLOT] = None
        missing = set(check["missing"]) | {e["field"] for e in check["errors"]}
        # a value kept from "上一步" is no missing field, yet its step stays asked after a refused new one
        again = [
            slot
            for slot in rejected or []
            if slot in BY_SLOT and (BY_SLOT[slot].service_field in missing or slots.get(slot) is not None)
        ]
        next_slot: str | None = next((f.slot for f in FIELDS if f.service_field in missing), None)
        next_slot = again[0] if again else next_slot
        if submit_asked and next_slot is not None:
            labels = "、".join(f.label for f in FIELDS if f.service_field in missing)
            dispatcher.utter_message(
                text=f"还不能提交，还差这些信息没填：{labels}。我们接着填，填完会先给您核对再提交。"
            )
        if next_slot is None and slots.get(CONFIRM_SLOT) is not True:
            next_slot = CONFIRM_SLOT
        return [*events, SlotSet(REQUESTED, next_slot)]
