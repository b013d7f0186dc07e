"""Actions around ``application_form`` after it is open: show the summary, submit, cancel.

Opening it is :mod:`actions.application.application_start`; this module also holds what both share (the slots an
attempt uses, forgetting them, the actions that end an attempt).
"""

import hashlib
import json
import logging
import os
import uuid
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import ActiveLoop, EventType, FollowupAction, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.application import registration_offer
from actions.application.form_fields import (
    ATTEMPT,
    BY_SERVICE_FIELD,
    CONFIRM_SLOT,
    FORM_SLOTS,
    PAUSED,
    service_form,
)
from actions.application.form_guard import wants_review
from actions.conversation import courtesy, messages
from actions.service_client import (
    Rejected,
    ServiceError,
    ServiceTimeout,
    ServiceUnavailable,
    get_json,
    post_json,
    tracker_headers,
    tracker_identity,
)
from contract import gateway, staff_claim
from contract.masking import mask_id_number

logger = logging.getLogger(__name__)
OFFER = "offer_pending"
OFFERED_ITEMS = "offered_items"
WORKING_SLOTS = (*FORM_SLOTS, CONFIRM_SLOT, "held_fields")
CANCELLED = "好的，已取消，刚才填写的内容不会提交，也已清除。需要时随时叫我。"
SUBMIT_TIMED_OUT = (
    "抱歉，申请系统这次响应超时，暂时无法确认是否已经提交成功。已填写的内容先为您保留，请稍后说“继续申请”并确认："
    "如果已经提交过，会直接告诉您申请编号，不会重复提交。"
)


def reset_form() -> list[EventType]:
    """Events that forget every value of the form (personal data does not linger in the tracker)."""
    return [SlotSet(slot, None) for slot in WORKING_SLOTS] + [SlotSet(PAUSED, False), SlotSet(ATTEMPT, None)]


class ActionAskConfirmSubmission(Action):
    """Show the filled form (ID masked) and ask for confirmation before submitting."""

    def name(self) -> str:
        """Action name used in the domain."""
        return "action_ask_confirm_submission"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[EventType]:
        """After a bare "no" the user was already asked what to change: no second summary until they change it.

        A correction read as a "no" ("姓打错了，是耳东陈，陈立伟") changed a value: the summary is shown again.
        Someone opening a business is offered the registration once, as a line of the summary before its question
        (registration_offer): someone who gave everything gets the summary next and confirms it.
        """
        text = str(tracker.latest_message.get("text") or "")
        slots = dict(tracker.current_slot_values())
        kept = said_this_turn(tracker, registration_offer.DECLINED)  # "不用，有执照了": the summary follows
        if kept or (
            tracker.get_intent_of_latest_message() != "deny" or changed_this_turn(tracker) or wants_review(text)
        ):
            shown = messages.summary(slots, await item_departments())
            if registration_offer.offer_due(tracker, slots):  # someone opening a business, once (decision D2)
                shown = with_line_before_question(shown, registration_offer.OFFER)
            dispatcher.utter_message(text=shown)
        return []


def with_line_before_question(summary: str, line: str) -> str:
    """The summary with ``line`` added just before its closing question (the question stays the last words)."""
    body, _, question = summary.rpartition("\n")
    return f"{body}\n{line}\n{question}" if body else f"{line}\n{summary}"


def said_this_turn(tracker: Tracker, text: str) -> bool:
    """The bot said ``text`` since the user's latest message."""
    for event in reversed(tracker.events):
        if event.get("event") == "user":
            return False
        if event.get("event") == "bot" and str(event.get("text") or "") == text:
            return True
    return False


async def item_departments() -> dict[str, str]:
    """Item code → the department that handles it, from the service's catalogue (empty when it is unreachable)."""
    try:
        items = await get_json("/api/v1/items")
    except ServiceError:
        return {}
    return {str(item["code"]): str(item["department"]) for item in items if isinstance(item, dict)}


def changed_this_turn(tracker: Tracker) -> bool:
    """A value of the form was set since the user's latest message (a correction was taken)."""
    for event in reversed(tracker.events):
        if event.get("event") == "user":
            return False
        if event.get("event") == "slot" and event.get("name") in FORM_SLOTS and event.get("value") is not None:
            return True
    return False


def idempotency_key(sender_id: str, attempt: str, form: dict[str, Any]) -> str:
    """The same confirmed form of the same attempt is filed once, however often the submit is retried."""
    canonical = json.dumps(form, ensure_ascii=False, sort_keys=True)
    return hashlib.sha256(f"{sender_id}\n{attempt}\n{canonical}".encode()).hexdigest()


def staff_headers(tracker: Tracker) -> dict[str, str]:
    """A hotline call (``hotline:<call id>``) files on the caller's behalf (代办), recorded as that staff member.

    Only the hotline channel creates ``hotline:`` conversations, and only the console relay can call it (a staff
    claim signed with the secret the service and Rasa share, ``contract/staff_claim.py``); the channel puts the
    staff id into the message's ``metadata.hotline``. So the id counts only for a ``hotline:`` conversation whose
    latest message came through the hotline channel (:func:`tracker_identity`) and names that call; anywhere else
    it names nobody. The service honours ``X-Staff-Id`` only from a caller with the gateway token.
    """
    call_id = tracker_identity(tracker).call_id
    if call_id is None or not os.environ.get(gateway.SECRET_VARIABLE):
        return {}
    hotline = (tracker.latest_message.get("metadata") or {}).get(staff_claim.METADATA_KEY) or {}
    staff_id = str(hotline.get("staff_id") or "")
    if not staff_id or hotline.get("call_id") != call_id:
        logger.warning("hotline message without its staff claim in call %s: filed as nobody's", call_id)
        return {}
    return {gateway.STAFF_ID_HEADER: staff_id[: gateway.MAX_STAFF_ID_LENGTH]}


class ActionSubmitApplication(Action):
    """File the confirmed form with the bundle service and tell the user the result."""

    def name(self) -> str:
        """Action name used in the domain."""
        return "action_submit_application"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[EventType]:
        """Submit once (idempotency key); a refusal re-opens the form on the wrong fields; an outage keeps it."""
        slots = dict(tracker.current_slot_values())
        if slots.get(CONFIRM_SLOT) is not True:
            return []  # the form ended without confirmation (service outage): nothing to file
        form = service_form(slots)
        attempt = str(slots.get(ATTEMPT) or uuid.uuid4().hex)
        headers = {
            "Idempotency-Key": idempotency_key(tracker.sender_id, attempt, form),
            **tracker_headers(tracker),
            **staff_headers(tracker),
        }
        try:
            application = await post_json("/api/v1/applications", form, headers)
        except Rejected as rejected:
            return self._reopen(dispatcher, rejected)
        except ServiceTimeout:
            logger.warning("submit timed out for %s", mask_id_number(str(form.get("id_number", ""))))
            dispatcher.utter_message(text=SUBMIT_TIMED_OUT)
            return [SlotSet(CONFIRM_SLOT, None), SlotSet(PAUSED, True)]
        except ServiceUnavailable as error:
            logger.warning("submit failed for %s: %s", mask_id_number(str(form.get("id_number", ""))), error)
            dispatcher.utter_message(
                text="抱歉，申请系统暂时连不上，这次没有提交成功（不会重复提交）。已填写的内容先为您保留，"
                "请稍后说“继续申请”，确认后即可提交。"
            )
            return [SlotSet(CONFIRM_SLOT, None), SlotSet(PAUSED, True)]
        logger.info("application %s filed", application["number"])
        dispatcher.utter_message(text=messages.filed(application))
        return [*reset_form(), SlotSet("last_application_number", application["number"])]

    @staticmethod
    def _reopen(dispatcher: CollectingDispatcher, rejected: Rejected) -> list[EventType]:
        events: list[EventType] = [SlotSet(CONFIRM_SLOT, None)]
        for error in rejected.errors:
            dispatcher.utter_message(text=error["message"])
            field = BY_SERVICE_FIELD.get(error["field"])
            if field is not None:
                events.append(SlotSet(field.slot, None))
        if len(events) == 1:
            dispatcher.utter_message(text=rejected.message)
        return [*events, FollowupAction("application_form")]


class ActionCancelApplication(Action):
    """Stop the form: nothing is filed and the values are forgotten."""

    def name(self) -> str:
        """Action name used in the domain."""
        return "action_cancel_application"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[EventType]:
        """Deactivate whichever form is active and clear the application's values; answer a question said with it."""
        return await cancelled(dispatcher, tracker, domain)


async def cancelled(dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[EventType]:
    """Stop the form, forget its values and answer the rest of the message ("不干了，我只想问下贷款利息多少").

    The one cancel: the dialogue's rule (``action_cancel_application``) and a cancel in words the form reads itself.

    Returns:
        The events closing the form, and those of the answer to the question said with the cancel.
    """
    dispatcher.utter_message(text=CANCELLED)
    answered = await courtesy.answer_rest(dispatcher, tracker, domain, outside_forms=True)  # "不办了，那培训要钱吗"
    return [ActiveLoop(None), SlotSet("requested_slot", None), *reset_form(), *answered]
