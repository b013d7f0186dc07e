"""``eligibility_form``: the person's profile, asked step by step (the result: :mod:`.eligibility_result`).

Answers are read generously: dates and durations in words through :mod:`actions.steps.dates` (the reading is shown
back), "都不是/就普通人" as the category "other", yes/no in words. A question inside the form is answered from
the knowledge base and the same step asked again; only an explicit "取消" cancels.
"""

import re
from datetime import date
from typing import Any

from rasa_sdk import FormValidationAction, Tracker
from rasa_sdk.events import ActiveLoop, EventType, FollowupAction, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.application.form_extraction import just_heard_user
from actions.application.form_labels import read_labelled
from actions.application.form_questions import answer_besides, question_besides
from actions.application.form_values import speaks_for_a_caller
from actions.conversation import not_understood
from actions.conversation.person_words import ASKS_FOR_PERSON
from actions.conversation.replies import is_question
from actions.eligibility import situation
from actions.eligibility.check_questions import answer_in_check
from actions.eligibility.eligibility_reading import (
    LABELS,
    NO_BUSINESS,
    PROFILE_SLOTS,
    ProfileTurn,
    earlier_facts,
    previous_step,
    read_turn,
    remembered,
    stated_facts,
)
from actions.eligibility.verdicts import NEEDS_MORE
from actions.service_client import ServiceUnavailable, check_field, post_json
from actions.steps import came_back
from actions.steps.step_failures import HELP_FROM, failures_at
from actions.steps.step_help import help_message, plain_message, remind
from contract.labels import CHOICE_LABELS

# Only these words stop the form; "开了一年半了" is an answer even when the NLU says cancel.
EXPLICIT_STOP = re.compile(r"取消|不查了|不测了|不匹配了|不弄了|不办了|算了|退出|不用了|停")
EXPLICIT_PERSON = re.compile(r"人工|真人|客服|工作人员")
# Not knowing the answer ("我不知道自己算哪一类", "不清楚算不算"): never an answer; the step is explained simply.
UNSURE = re.compile(r"(?:不知道|不清楚|不确定|搞不清|说不准|不晓得|不懂)(?:自己|我)?(?:算|属于|是)?(?:哪|什么|啥|不算)")
# Messages that are never an answer to a profile question.
SMALL_TALK = frozenset({"greet", "thank", "goodbye", "bot_challenge", "out_of_scope", "give_feedback"})
SERVICE_DOWN = "抱歉，资格匹配服务暂时连不上，请稍后再试，或说“转人工”。"
# The applicant's ID number or phone given in the check: the user is filing, the check stops for the form.
TO_FILE = frozenset({"id_number", "phone"})
TO_FORM = "好的，您给的是申请要填的信息，政策匹配先停在这里，我们直接填申请表，符不符合条件提交时系统会核对。"


def _undecided(entry: dict[str, Any]) -> bool:
    """An item the service cannot decide yet (its reason names what it still needs), not one already ruled out."""
    return not entry["qualifies"] and bool(entry["missing"]) and str(entry["reason"]).startswith(NEEDS_MORE)


def category_said(category: Any) -> str:
    """The category as shown back ("人员类别：返乡创业农民工"), or "" for none or 其他 (nothing was read)."""
    label = CHOICE_LABELS["person_category"].get(str(category)) if category and category != "other" else None
    return f"人员类别：{label}" if label else ""


def as_understood(slots: dict[str, Any]) -> str:
    """How the person was understood, for a verdict's preface: "（人员类别：返乡创业农民工）", or "".

    A category read from a description ("在广州打了好多年工，现在回来了") is shown back, as dates in words are.
    """
    said = category_said(slots.get("elig_person_category"))
    return f"（{said}）" if said else ""


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


def files_now(tracker: Tracker, text: str) -> bool:
    """The message gives the applicant's ID number or phone: what an application needs, no answer to the check."""
    entities = list(tracker.latest_message.get("entities") or [])
    return bool(TO_FILE & set(read_labelled(text, entities, third_person=speaks_for_a_caller(tracker)).values))


async def _to_the_application(
    dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
) -> list[EventType]:
    """Leave the check for the application form, seeded with every field the conversation named."""
    from actions.application.application_start import ActionStartApplication  # → eligibility: imported when run

    dispatcher.utter_message(text=TO_FORM)
    left: list[EventType] = [ActiveLoop(None), *(SlotSet(slot, None) for slot in PROFILE_SLOTS.values())]
    started = await ActionStartApplication().run(dispatcher, tracker, domain)
    followed = any(e.get("event") == "followup" for e in started)
    return [*left, *started, *([] if followed else [FollowupAction("application_form")])]


def _failures(tracker: Tracker, slot: str) -> int:
    """Messages in a row that answered nothing at ``slot``, the latest included (:mod:`actions.steps.step_failures`)."""
    return failures_at(tracker, slot, PROFILE_SLOTS.values())


class ValidateEligibilityForm(FormValidationAction):
    """Asks the category first, then only what the service says it still needs to decide."""

    def name(self) -> str:
        """Action name used in the domain."""
        return "validate_eligibility_form"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[EventType]:
        """Validate the answer with the service, then ask for the next missing profile field."""
        slots: dict[str, Any] = dict(tracker.current_slot_values())
        requested = slots.get("requested_slot")
        text = str(tracker.latest_message.get("text") or "").strip()
        entities = tracker.latest_message.get("entities", [])
        events: list[EventType] = []
        try:
            if not just_heard_user(tracker):  # resumed after an interruption: the message was already handled
                if requested is not None:  # chit-chat answered by a rule counts as a message that answered nothing
                    remind(dispatcher, tracker, str(requested), PROFILE_SLOTS.values())
            elif requested is None:  # the message that started the check: every fact it states
                events += await self._opening_facts(text, entities, slots, dispatcher)
            elif files_now(tracker, text):  # "身份证…，手机…，项目叫…": the application's details, the form's
                return await _to_the_application(dispatcher, tracker, domain)
            else:
                answered, finished = await self._answer(dispatcher, tracker, domain, slots, str(requested))
                if finished:
                    return answered
                events += answered
            if requested is None:  # the check starts: facts said earlier in the conversation are not asked again
                events += await self._earlier_facts(tracker, slots, dispatcher)
            opening = requested in (None, "elig_person_category")  # the category just known: what it gives now
            next_slot = await self._next(slots, dispatcher if opening and slots.get("elig_person_category") else None)
        except ServiceUnavailable:
            dispatcher.utter_message(text=SERVICE_DOWN)
            return [SlotSet("requested_slot", None), ActiveLoop(None)]
        return [*events, SlotSet("requested_slot", next_slot)]

    async def _answer(
        self,
        dispatcher: CollectingDispatcher,
        tracker: Tracker,
        domain: DomainDict,
        slots: dict[str, Any],
        requested: str,
    ) -> tuple[list[EventType], bool]:
        """The events of an answer to ``requested``, and whether they end the turn (no re-planning).

        Facts said for other fields (ahead of their question, or corrections) are kept; a question is answered
        and the step asked again; a cancel, a person or chit-chat is left to the rules (no events).
        """
        intent = tracker.get_intent_of_latest_message() or ""
        text = str(tracker.latest_message.get("text") or "").strip()
        # "这个我整不明白，找个人帮我", "有没有人能帮我弄" (a person decided by the wording): the rules hand over
        person = intent == "request_human" and bool(ASKS_FOR_PERSON.search(text))
        no = came_back.declined(tracker, text) if requested == "elig_person_category" else None  # "不是" to the offer
        # "啥意思啊", "不知道算哪类": explained again
        if not person and (no or not_understood.confused(text) or UNSURE.search(text)):
            plain = plain_message(requested, _failures(tracker, requested) - 1)
            dispatcher.utter_message(**{**plain, "text": f"{no or ''}{plain['text']}"})
            return [SlotSet(requested, None), SlotSet("requested_slot", requested)], True
        turn = read_turn(text, intent, tracker.latest_message.get("entities", []), requested)
        if requested == "elig_person_category" and came_back.accepted(tracker, text):  # "是" to the offer (D2)
            turn.answer = came_back.RETURNING
        if turn.command is not None:
            return self._navigate(dispatcher, turn.command, requested, slots), True
        raw = turn.answer
        if (EXPLICIT_STOP.search(text) and raw is None) or EXPLICIT_PERSON.search(text) or person:
            return [], True  # cancel / a person: the rules handle it
        if raw is None and not turn.others:
            if intent in ("ask_question", "ask_bundle_overview") or is_question(text):
                answered = await answer_in_check(dispatcher, tracker, domain)
                remind(dispatcher, tracker, requested, PROFILE_SLOTS.values())
                return [*answered, SlotSet(requested, None), SlotSet("requested_slot", requested)], True
            if intent in SMALL_TALK | {"start_application", "check_progress"}:
                return [], True
        events = await self._other_facts(turn, slots, dispatcher)
        if raw is not None or not turn.others:  # a message with other facts only: the step is asked again
            events += await self._accept(requested, text if raw is None else raw, slots, dispatcher)
            if requested == "elig_person_category":
                events += self._none_of_the_groups(text, slots)
            if slots.get(requested) is None and (failed := _failures(tracker, requested)) >= HELP_FROM:
                dispatcher.utter_message(**help_message(requested, failed - 1))
        if turn.shown and (slots.get(requested) is not None or turn.others):
            dispatcher.utter_message(text="好的，记下了：" + "；".join(turn.shown) + "。")
        if (raw is not None or turn.others) and (asked := question_besides(text)):
            await answer_besides(dispatcher, tracker, asked)  # "退役军人，要交什么材料吗": kept, then answered
        return events, False

    @staticmethod
    async def _accept(
        slot: str, raw: Any, slots: dict[str, Any], dispatcher: CollectingDispatcher, keep_on_problem: bool = False
    ) -> list[EventType]:
        """Check ``raw`` with the service and fill ``slot``; a refused correction keeps the earlier answer."""
        if raw == NO_BUSINESS:  # not registered yet / none of the listed groups
            slots[slot] = raw
            return [SlotSet(slot, raw)]
        field = next(f for f, s in PROFILE_SLOTS.items() if s == slot)
        value, problem = await check_field(field, raw)
        if problem is not None:
            dispatcher.utter_message(text=f"{LABELS[slot]}没有修改：{problem}" if keep_on_problem else problem)
            return [] if keep_on_problem else [SlotSet(slot, None)]
        slots[slot] = value
        return [SlotSet(slot, value)]

    async def _other_facts(
        self, turn: ProfileTurn, slots: dict[str, Any], dispatcher: CollectingDispatcher
    ) -> list[EventType]:
        """Facts said ahead of their question, or corrections of earlier answers: each goes to its own field."""
        events: list[EventType] = []
        for slot, raw in turn.others.items():
            before = slots.get(slot)
            if before is not None and raw == before:
                continue
            accepted = await self._accept(slot, raw, slots, dispatcher, keep_on_problem=before is not None)
            if slots.get(slot) is not None and before is not None and not turn.shown:
                dispatcher.utter_message(text=f"好的，已把{LABELS[slot]}改过来了。")
            events += accepted
        return events

    async def _opening_facts(
        self, text: str, entities: list[dict[str, Any]], slots: dict[str, Any], dispatcher: CollectingDispatcher
    ) -> list[EventType]:
        """The category and every other fact the opening message states ("返乡农民工，店开了两年，第一次创业")."""
        facts, shown = stated_facts(text, entities, date.today())
        if (category := situation.category(entities, text)) is not None:
            facts["elig_person_category"] = category
        events: list[EventType] = []
        for slot, raw in facts.items():
            if slots.get(slot) is None:
                quiet = CollectingDispatcher()  # a fact the service refuses is simply asked for later
                events += [e for e in await self._accept(slot, raw, slots, quiet) if e.get("value") is not None]
        events += self._none_of_the_groups(text, slots)
        if shown:
            dispatcher.utter_message(text="好的，记下了：" + "；".join(shown) + "。")
        return events

    async def _earlier_facts(
        self, tracker: Tracker, slots: dict[str, Any], dispatcher: CollectingDispatcher
    ) -> list[EventType]:
        """The facts of earlier messages for the fields still empty, shown back as remembered."""
        facts, shown = earlier_facts(list(tracker.events), date.today())
        events: list[EventType] = []
        for slot, raw in facts.items():
            if slots.get(slot) is None:
                events += await self._accept(slot, raw, slots, dispatcher)
        if said := remembered({e["name"]: e["value"] for e in events}, shown):
            dispatcher.utter_message(text=f"您前面说过的情况我记着：{'；'.join(said)}，不再重复问。")
        return events

    @staticmethod
    def _none_of_the_groups(text: str, slots: dict[str, Any]) -> list[EventType]:
        """A category of "none of these" (都不是，就普通人): none of the rarer groups either, not asked again."""
        if slots.get("elig_person_category") != "other" or not situation.NONE_OF_THEM.search(text):
            return []
        slots["elig_other_category"] = NO_BUSINESS
        return [SlotSet("elig_other_category", NO_BUSINESS)]

    @staticmethod
    def _navigate(
        dispatcher: CollectingDispatcher, command: str, requested: str, slots: dict[str, Any]
    ) -> list[EventType]:
        """Go back one step ("上一步") or clear the profile and ask the category again ("重新填")."""
        if command == "restart":
            dispatcher.utter_message(text="好的，之前说的情况已清空，我们从头再来。")
            return [
                *(SlotSet(slot, None) for slot in PROFILE_SLOTS.values()),
                SlotSet("requested_slot", "elig_person_category"),
            ]
        previous = previous_step(requested, slots)
        if previous is None:
            dispatcher.utter_message(text="这已经是第一步了。")
            return [SlotSet(requested, None), SlotSet("requested_slot", requested)]
        dispatcher.utter_message(text=f"好的，回到上一步：{LABELS[previous]}，请重新告诉我。")
        return [SlotSet(previous, None), SlotSet("requested_slot", previous)]

    @staticmethod
    async def _next(slots: dict[str, Any], preview_to: CollectingDispatcher | None = None) -> str | None:
        """The next profile field the service needs; at the opening, what the person can do already is said."""
        if not slots.get("elig_person_category"):
            return "elig_person_category"
        answer = await post_json("/api/v1/eligibility", profile(slots))
        undecided = [entry for entry in answer["items"] if _undecided(entry)]  # ruled-out items ask nothing more
        missing = {name for entry in undecided for name in entry["missing"]}
        next_slot = next((s for f, s in PROFILE_SLOTS.items() if f in missing and slots.get(s) is None), None)
        good = [entry["name"] for entry in answer["items"] if entry["qualifies"]]
        if preview_to is not None and next_slot is not None and good:
            preview_to.utter_message(
                text=f"按您说的情况{as_understood(slots)}，这些现在就能办：{'、'.join(good)}。"
                f"{'、'.join(entry['name'] for entry in undecided)}还要看您的具体情况，我再问您几个问题。"
            )
        return next_slot
