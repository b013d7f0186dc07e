"""``validate_appeal_form``: the complaint form's answers, corrections, questions, navigation and next step.

Steps, each asked only when still missing: what happened → where/when → the application it concerns (only when
the complaint is about one; verified like the progress form) → a phone (not for a verified WeChat login: staff
answer in the conversation) → the summary with the category the service proposes, which the user may change.
Every message is read for every field (:mod:`actions.appeals.appeal_reading`); a question is answered and the step asked
again; "上一步" and "重新填" move around; "取消" and "转人工" are left to the rules.
"""

from __future__ import annotations

import re
from typing import Any

from rasa_sdk import FormValidationAction, Tracker
from rasa_sdk.events import ActiveLoop, EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.appeals.appeal_answers import (
    ANSWERS,
    AS_IS,
    LABELS,
    NOT_GIVEN,
    category_choice,
    choose_category,
    store,
    time_limits,
)
from actions.appeals.appeal_moves import category_left, navigate
from actions.appeals.appeal_plan import MAY_STAY_OPEN, plan, submits_now
from actions.appeals.appeal_prompts import (
    CATEGORY_LIST,
    CHANGE_PROMPT,
    CONTACT_BEFORE_SUBMIT,
    PROMPTS,
    failures_at,
)
from actions.appeals.appeal_questions import answer_first
from actions.appeals.appeal_reading import (
    NOT_MEANT,
    AppealReading,
    completes,
    leaves_it_to_the_bot,
    phone,
    read_appeal,
)
from actions.appeals.appeals import (
    DEMAND_NOTED,
    FORM_SLOTS,
    GRIEVANCE,
    NONE,
    NOT_A_COMPLAINT,
    categories,
    faults_the_assistant,
    reset_appeal,
)
from actions.appeals.complaint_first import passed_on
from actions.application.form_extraction import just_heard_user
from actions.application.form_guard import BACK, CANCEL_WORDS, RESTART, SUBMIT
from actions.conversation import not_understood
from actions.conversation.courtesy import say_about_assistant
from actions.conversation.replies import answer_question, bot_texts, is_question
from actions.service_client import ServiceError

REQUESTED = "requested_slot"
# Intents the rules answer when the message fills nothing (bot/rules/appeals.yml).
RULE_INTENTS = frozenset(
    {"cancel", "request_human", "goodbye", "greet", "thank", "bot_challenge", "check_eligibility", "start_application"}
)
STOP = re.compile(r"不投诉|不登记|不反映|不提了|不说了|退出|停下")
HOW_LONG = re.compile(r"多久|几天|多长时间|什么时候|啥时候|时限|期限")
PLACE_CUE = re.compile(r"地点|时间|地方|日期")


def _said(tracker: Tracker) -> tuple[str, str, list[dict[str, Any]]]:
    message = tracker.latest_message
    intent = str((message.get("intent") or {}).get("name") or "")
    return str(message.get("text") or "").strip(), intent, list(message.get("entities") or [])


def _new_values(found: AppealReading, slots: dict[str, Any], requested: str | None, text: str) -> dict[str, Any]:
    """The values a message gives for this turn: what happened and where are not retold by later messages.

    "我没有编号" says there is no application to link, at any step: the number is not asked.
    """
    values = dict(found.values)
    where_when, before = values.get("appeal_place_time"), slots.get("appeal_place_time")
    # "上个月" first, "开福区政务大厅" later: the place completes the time instead of being dropped as a retelling.
    added = completes(str(before), str(where_when)) if where_when and before else None
    for slot in ("appeal_description", "appeal_place_time"):
        correcting = slot == "appeal_place_time" and requested == "appeal_confirm" and PLACE_CUE.search(text)
        if requested != slot and slots.get(slot) and not correcting:
            values.pop(slot, None)  # later messages answer their own step, they do not retell the story
    if added:
        values["appeal_place_time"] = found.shown["appeal_place_time"] = added
    if found.no_application and slots.get("appeal_application") is None:
        values["appeal_application"] = NONE
    return values


def _faulted(
    dispatcher: CollectingDispatcher, text: str, slots: dict[str, Any], requested: str | None
) -> list[EventType] | None:
    """Fault found with the assistant itself ("什么破机器人"): an apology and a person, then the same step again."""
    if not faults_the_assistant(text):
        return None
    say_about_assistant(dispatcher, "faulted")
    return [SlotSet("appeal_category", slots.get("appeal_category")), SlotSet(REQUESTED, requested)]


class ValidateAppealForm(FormValidationAction):
    """Validation and step order of ``appeal_form``."""

    def name(self) -> str:
        """Action name used in the domain."""
        return "validate_appeal_form"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[EventType]:
        """Read the message (when the user just spoke), then plan the next step."""
        try:
            return await self._turn(dispatcher, tracker, domain)
        except ServiceError:  # unreachable, or without the closed-loop endpoints: nothing half-filed lingers
            dispatcher.utter_message(text="抱歉，诉求登记系统暂时连不上，请稍后再说“我要投诉”，或拨打12345热线反映。")
            return [SlotSet(REQUESTED, None), *[SlotSet(s, None) for s in FORM_SLOTS]]

    async def _turn(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[EventType]:
        slots: dict[str, Any] = {s: tracker.get_slot(s) for s in (*FORM_SLOTS, "appeal_category")}
        requested = tracker.get_slot(REQUESTED)
        events: list[EventType] = []
        fresh = set(tracker.slots_to_validate())
        submit_now = False
        if just_heard_user(tracker) or passed_on(tracker):  # "直接交" the NLU read as a question: still read here
            # "确认提交" at a step that may stay open (where and when, the application), the rest given: filed now
            # "直接交", "…，提交吧" at any step: what happened and a contact are enough (appeal_plan)
            submit_now = submits_now(requested, _said(tracker)[0])
            read = await self._read(dispatcher, tracker, domain, slots, requested)
            if read is None:
                return []  # a command or chit-chat for the rules
            events += read
            if any(e.get("event") == "slot" and e.get("name") == REQUESTED for e in read):
                return events  # the same step is asked again (a question answered, a step back)
            fresh = {str(e.get("name")) for e in read if e.get("event") == "slot"}
        return [*events, *await plan(dispatcher, tracker, slots, fresh, submit_now)]

    async def _read(
        self,
        dispatcher: CollectingDispatcher,
        tracker: Tracker,
        domain: DomainDict,
        slots: dict[str, Any],
        requested: str | None,
    ) -> list[EventType] | None:
        text, intent, entities = _said(tracker)
        if intent == "cancel" and not (CANCEL_WORDS.search(text) or STOP.search(text)):
            intent = "inform"  # "记不清了" is an answer: only explicit words stop the form
        found = read_appeal(text, entities)
        values = _new_values(found, slots, requested, text)
        moved = _faulted(dispatcher, text, slots, requested)  # "什么破机器人" mid-way: sorry, a person, the step
        if (
            moved := moved or self._not_an_answer(dispatcher, tracker, text, slots, requested, found, values)
        ) is not None:
            return moved
        if intent in RULE_INTENTS and not values:
            return None
        grievance = requested == "appeal_description" and bool(GRIEVANCE.search(text))
        # "不用关联办件，直接交" (read as a question by the NLU) files, it asks nothing
        asking = (is_question(text) or intent in ("ask_question", "ask_bundle_overview")) and not AS_IS.search(text)
        if asking and not grievance and requested == "appeal_description" and set(values) == {requested}:
            values = {}  # "登记完多久会有人回我": a question at the description step, answered, never stored
        chosen = category_choice(text, await categories()) if "类别" in text and not values else None
        if chosen and requested != "appeal_confirm":  # the category, before its step
            return [*choose_category(dispatcher, chosen, slots), SlotSet(REQUESTED, requested)]
        if asking and not grievance and not values and HOW_LONG.search(text):
            dispatcher.utter_message(text=await time_limits())  # how long a 诉求 takes, not an item's time limit
            return [SlotSet("appeal_category", slots.get("appeal_category")), SlotSet(REQUESTED, requested)]
        if asking and not grievance and not values:
            answered = await answer_question(dispatcher, tracker, domain)
            return [*answered, SlotSet("appeal_category", slots.get("appeal_category")), SlotSet(REQUESTED, requested)]
        answer = self._answer(requested, text, intent, entities, values)
        if answer is not None:
            values[str(requested)] = answer
        await self._along(dispatcher, tracker, requested, found, values)
        events = store(dispatcher, values, found.shown, slots)
        if requested == "appeal_confirm":
            events += await self._confirming(dispatcher, tracker, slots, bool(values))
        elif requested in LABELS and not values:  # a value for another step is no failed answer to this one
            slots[requested] = None
            events.append(SlotSet(requested, None))  # a failed answer: asked again with more help
        return events

    @staticmethod
    async def _along(
        dispatcher: CollectingDispatcher,
        tracker: Tracker,
        requested: str | None,
        found: AppealReading,
        values: dict[str, Any],
    ) -> None:
        """What the message says besides the step's answer: a question of policy, a time demanded, other fields.

        Where and when is asked once: a reply giving other fields leaves it open (未说明), not asked again; a submit
        word at the application's steps files without linking one. A policy
        question inside what happened ("柜台说补贴要等半年，真的假的") is answered before the next step; a time
        demanded ("今天就要弄好") is noted, never taken for when it happened.
        """
        text = str(tracker.latest_message.get("text") or "")
        if requested == "appeal_place_time" and (values or AS_IS.search(text)) and requested not in values:
            values[requested] = NOT_GIVEN
        submitted = SUBMIT.search(text) or AS_IS.search(text)
        if submitted and requested in MAY_STAY_OPEN[1:] and not values.get("appeal_application"):
            values["appeal_application"] = NONE  # "提交吧" at the application's steps: filed without linking it
        if requested == "appeal_description" and values.get(requested):
            await answer_first(dispatcher, tracker, str(tracker.latest_message.get("text") or ""))
        if found.demand and "appeal_place_time" not in found.values:
            dispatcher.utter_message(text=DEMAND_NOTED.format(demand=found.demand))

    def _not_an_answer(
        self,
        dispatcher: CollectingDispatcher,
        tracker: Tracker,
        text: str,
        slots: dict[str, Any],
        requested: str | None,
        found: AppealReading,
        values: dict[str, Any],
    ) -> list[EventType] | None:
        """What a message that answers no step does; ``None`` for anything else.

        "我不是要投诉" (no complaint meant after all, whatever the intent) stops the form, nothing filed; "确认提交"
        before the phone is given says why the phone is needed.
        "看不懂你说的" has the step explained again (never a yes); "上一步" and "重新填" move; "类别随便归" (or
        "随便" at the summary) leaves the category to the bot: not a failed answer, nothing asked about it.
        """
        if NOT_MEANT.search(text) and not is_question(text):
            dispatcher.utter_message(text=NOT_A_COMPLAINT)  # "我不是要投诉，就想问个事": nothing filed
            return [ActiveLoop(None), SlotSet(REQUESTED, None), *reset_appeal()]
        _, intent, entities = _said(tracker)
        submitting = bool(SUBMIT.search(text) or AS_IS.search(text)) or intent == "affirm"
        if requested == "appeal_contact" and not values and submitting and not phone(text, entities):
            dispatcher.utter_message(text=CONTACT_BEFORE_SUBMIT)  # "确认提交" before the phone: why it is needed
            return [SlotSet("appeal_contact", None)]  # a failed answer: asked again with an example
        if requested in (*PROMPTS, "appeal_confirm") and not_understood.confused(text):
            step = not_understood.CONFIRM_APPEAL if requested == "appeal_confirm" else PROMPTS[str(requested)][2]
            dispatcher.utter_message(text=not_understood.explain(step, failures_at(tracker, str(requested)) - 1))
            return [SlotSet(str(requested), None), SlotSet(REQUESTED, requested)]  # the same step asked again
        if BACK.search(text) or RESTART.search(text):
            return navigate(dispatcher, "restart" if RESTART.search(text) else "back", slots, requested)
        left = found.any_category or (requested == "appeal_confirm" and leaves_it_to_the_bot(text))
        if not values and left and not AS_IS.search(text):  # "类别就用你选的，直接交": filed, not the category again
            return category_left(dispatcher, slots, requested)
        return None

    @staticmethod
    def _answer(
        requested: str | None, text: str, intent: str, entities: list[dict[str, Any]], values: dict[str, Any]
    ) -> Any:
        """The whole message as the answer to the step asked, when it plausibly is one."""
        if requested in values or requested not in ANSWERS:
            return None
        return ANSWERS[str(requested)](text, intent, entities, values)

    async def _confirming(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, slots: dict[str, Any], changed: bool
    ) -> list[EventType]:
        """The summary step: submit, change the category, or say what to change."""
        text, intent, _ = _said(tracker)
        known = await categories()
        repeated = bool(bot_texts(tracker)) and bot_texts(tracker)[0] == CHANGE_PROMPT
        if "全部类别" in text or "所有类别" in text or "其他类别" in text:
            dispatcher.utter_message(
                text=CATEGORY_LIST,
                buttons=[{"title": c["label"], "payload": f"类别改为{c['label']}"} for c in known],
            )
            return [SlotSet("appeal_confirm", None)]
        if chosen := category_choice(text, known):
            return [*choose_category(dispatcher, chosen, slots), SlotSet("appeal_confirm", None)]
        if not changed and (SUBMIT.search(text) or AS_IS.search(text) or intent == "affirm"):
            slots["appeal_confirm"] = True
            return [SlotSet("appeal_confirm", True)]
        if not changed and not repeated:
            dispatcher.utter_message(text=CHANGE_PROMPT)  # asked again in a row, the summary is shown instead
        return [SlotSet("appeal_confirm", None)]
