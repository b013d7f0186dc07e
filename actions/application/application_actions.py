"""Actions around ``application_form``: start (or resume), show the summary, submit, cancel."""

import hashlib
import json
import logging
import os
import re
import uuid
from datetime import date
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import ActiveLoop, EventType, FollowupAction, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.application.form_fields import (
    ATTEMPT,
    BY_SERVICE_FIELD,
    BY_SLOT,
    CONFIRM_SLOT,
    FORM_SLOTS,
    PAUSED,
    display,
    service_form,
)
from actions.application.form_guard import SUBMIT, is_question, wants_review
from actions.application.form_items import items_in_words, later
from actions.application.form_labels import business_type_in_words, read_labelled
from actions.application.form_values import speaks_for_a_caller
from actions.conversation import courtesy, followups, messages
from actions.conversation.replies import person_due
from actions.eligibility import own_case, situation
from actions.service_client import (
    Rejected,
    ServiceTimeout,
    ServiceUnavailable,
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
# The actions after which earlier messages no longer belong to the next application.
CANCEL_ACTION = "action_cancel_application"
FORM_ENDS = frozenset({"action_submit_application", CANCEL_ACTION, "action_session_start"})
ACCEPTING = re.compile(r"办吧|申请吧|填吧|开始|好的|可以|行吧|那就办|就办")
APPLY_WORDS = re.compile(r"申请|办理|我要办|想办|帮我办|要贷|想贷|填表|报名")
INTRO = (
    "好的，我来帮您填写《个人创业“一件事”信息采集表》：只问还需要的信息，"
    "能通过数据共享获取的材料不用再交。填写中随时可以提问，不想办了说“取消”就行。"
)
CANCELLED = "好的，已取消，刚才填写的内容不会提交，也已清除。需要时随时叫我。"
NOTHING_FILED = (
    "目前还没有填写或提交任何申请，所以没有可提交的内容。要现在开始填写申请吗？回复“好”就开始，"
    "也可以直接说要办的事项，例如“我要办营业执照和创业担保贷款”。"
)
# Facts about the person and the business alone ("我前年毕业，店开一年多了，头一回创业"): what decides eligibility,
# no wish to apply. They never start the form; they are kept for the verdict the next question asks for.
PROFILE_FACTS = frozenset(
    {"person_category", "other_category", "graduation_year", "business_started_on", "first_time_founder"}
    | {"business_type"}
)
FACTS_KEPT = (
    "好的，记下了您的情况：{heard}。想问哪一项能不能享受，直接问我，例如“补贴有我的吗”；"
    "想看全部，说“我能享受哪些政策”。"
)
OFFER_TO_START = (
    "好的，记下了{heard}。要现在开始填写创业“一件事”申请吗？回复“好”就开始，已说的信息不用再说；"
    "也可以直接说要办的事项，例如“我要办营业执照”。"
)
SUBMIT_TIMED_OUT = (
    "抱歉，申请系统这次响应超时，暂时无法确认是否已经提交成功。已填写的内容先为您保留，请稍后说“继续申请”并确认："
    "如果已经提交过，会直接告诉您申请编号，不会重复提交。"
)


def reset_form() -> list[EventType]:
    """Events that forget every value of the form (personal data does not linger in the tracker)."""
    return [SlotSet(slot, None) for slot in WORKING_SLOTS] + [SlotSet(PAUSED, False), SlotSet(ATTEMPT, None)]


# Taking back a cancel ("刚才点错了，继续办", "还是办吧", "接着刚才那个"): what was said before it still counts.
CANCEL_TAKEN_BACK = re.compile(
    r"点错|按错|说错了|继续办|接着办|还是办|还是要办|还是申请|刚才那个|刚才那份|不取消|别取消"
)


def _user_messages(tracker: Tracker) -> list[dict[str, Any]]:
    """The user's messages since the last application ended (filed, cancelled or a new session), oldest first.

    A cancel the latest message takes back ("刚才点错了，继续办") ends nothing: the messages before it count too.
    """
    messages_: list[dict[str, Any]] = []
    taken_back = bool(CANCEL_TAKEN_BACK.search(str(tracker.latest_message.get("text") or "")))
    for event in reversed(tracker.events):
        name = event.get("name")
        if event.get("event") == "action" and name in FORM_ENDS and not (taken_back and name == CANCEL_ACTION):
            break
        if event.get("event") == "user":
            messages_.append(event)
    return list(reversed(messages_))


def _items_of(entities: list[dict[str, Any]], text: str) -> list[str]:
    named = [e for e in entities if e.get("entity") == "item"]
    now = [e for e in named if not (isinstance(e.get("start"), int) and later(text, int(e["start"]), int(e["end"])))]
    if named and not now:
        return []  # "补贴以后再说": nothing to file now
    items = list(dict.fromkeys(str(e["value"]) for e in now))
    return items + items_in_words(text, items)  # "贷15万", "工商和税那两样": items in everyday words


def seeded_values(tracker: Tracker) -> tuple[dict[str, Any], list[str]]:
    """Every field named in this conversation since the last application ended: the latest message wins.

    Returns:
        Slot → raw value (validated when the form starts), and the items named (the latest message's first).
    """
    values: dict[str, Any] = {}
    items: list[str] = []
    third_person = speaks_for_a_caller(tracker)
    for event in _user_messages(tracker):
        parse = event.get("parse_data") or {}
        entities = list(parse.get("entities") or [])
        text = str(event.get("text") or "")
        # "帮我爸办，他叫王刚": a third-person name is the applicant's unless the user named themselves
        values.update(read_labelled(text, entities, third_person=third_person or "applicant_name" not in values).values)
        if "business_type" not in values and (kind := business_type_in_words(text)):
            values["business_type"] = kind  # "我要办个体户登记", "准备成立一家有限公司": the wish names the type
        items = _items_of(entities, text) or items
    return values, items


def _wished_before(tracker: Tracker) -> bool:
    """An earlier message (since the last application ended) asked to apply for an item ("来电人想办执照和培训")."""
    for event in _user_messages(tracker)[:-1]:
        text = str(event.get("text") or "")
        entities = list((event.get("parse_data") or {}).get("entities") or [])
        if APPLY_WORDS.search(text) and _items_of(entities, text):
            return True
    return False


def carries_application_data(tracker: Tracker) -> bool:
    """The latest message names an item (贷15万, 办执照) or at least two fields, and is not only a question.

    One field is enough right after a wish to apply that did not start the form (the ID number typed next).
    """
    text = str(tracker.latest_message.get("text") or "")
    entities = list(tracker.latest_message.get("entities", []))
    if is_question(text) and not APPLY_WORDS.search(text):
        return False
    labelled = read_labelled(text, entities, third_person=True)
    fields = len(labelled.values)
    if not set(labelled.values) - PROFILE_FACTS and not APPLY_WORDS.search(text) and not _items_of(entities, text):
        return False  # the person's situation only: kept for the verdict, no form
    return bool(_items_of(entities, text)) or fields >= 2 or (fields == 1 and _wished_before(tracker))


class ActionStartApplication(Action):
    """Open the one form: resume a paused attempt, or start afresh with everything the user already said.

    Also runs for ``inform`` and ``affirm`` outside any form: a message carrying application data starts the form;
    a submit word with nothing filled says so honestly and offers to start; anything else gets the usual reply.
    """

    def name(self) -> str:
        """Action name used in the domain."""
        return "action_start_application"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[EventType]:
        """Seed the form from this and the earlier messages (every field they name) or the accepted offer."""
        intent = str((tracker.latest_message.get("intent") or {}).get("name") or "")
        offer_accepted = intent == "affirm" and bool(tracker.get_slot(OFFER))
        if (answered := await followups.before_starting(dispatcher, tracker, domain)) is not None:
            return [*answered, FollowupAction("action_listen")]  # a question, not a request: no form
        text = str(tracker.latest_message.get("text") or "")
        wants = intent == "affirm" or APPLY_WORDS.search(text) or ACCEPTING.search(text)
        judged = None if wants else await own_case.fact_after_verdict(dispatcher, tracker, domain)
        if judged is not None:  # "执照还没弄，想搞个打印店" right after a result: judged again, no form yet
            followed = any(e.get("event") == "followup" for e in judged)
            return judged if followed else [*judged, FollowupAction("action_listen")]
        if tracker.get_slot(PAUSED) and tracker.get_slot(ATTEMPT):
            dispatcher.utter_message(text="好的，我们接着上次没填完的申请继续。")
            return [SlotSet(PAUSED, False), SlotSet(OFFER, False)]
        if intent in ("inform", "affirm") and not offer_accepted and not carries_application_data(tracker):
            return self._not_starting(dispatcher, tracker)
        values, items = seeded_values(tracker)
        if offer_accepted and tracker.get_slot(OFFERED_ITEMS):
            items = list(tracker.get_slot(OFFERED_ITEMS) or [])
        events = [*reset_form(), SlotSet(ATTEMPT, uuid.uuid4().hex), SlotSet(OFFER, False)]
        if items:
            events.append(SlotSet("application_items", items))
        if "loan_amount" in values and "guaranteed_loan" not in items:
            del values["loan_amount"]
        events += [SlotSet(slot, value) for slot, value in values.items() if slot in BY_SLOT]
        intro = INTRO
        if values:
            heard = [
                f"{BY_SLOT[slot].label}：{display(slot, value)}" for slot, value in values.items() if slot in BY_SLOT
            ]
            intro += "\n已记下您说的：" + "；".join(heard) + "。"
        dispatcher.utter_message(text=intro)
        if intent not in ("start_application", "inform", "affirm"):
            events.append(FollowupAction("application_form"))  # reached from the NLU fallback: no rule follows
        return events

    @staticmethod
    def _not_starting(dispatcher: CollectingDispatcher, tracker: Tracker) -> list[EventType]:
        text = str(tracker.latest_message.get("text") or "")
        if SUBMIT.search(text):
            _, items = seeded_values(tracker)
            dispatcher.utter_message(text=NOTHING_FILED)
            return [SlotSet(OFFER, True), SlotSet(OFFERED_ITEMS, items or None), FollowupAction("action_listen")]
        said = read_labelled(text, list(tracker.latest_message.get("entities", [])), third_person=True).values
        if said and not set(said) - PROFILE_FACTS:  # "我前年毕业，店开一年多了": the situation, kept for a verdict
            stated = situation.read(text, list(tracker.latest_message.get("entities", [])), date.today())
            labels = (f"{BY_SLOT[slot].label}：{display(slot, value)}" for slot, value in said.items())
            facts = "；".join(stated.shown) or "；".join(labels)
            dispatcher.utter_message(text=FACTS_KEPT.format(heard=facts))
            return [FollowupAction("action_listen")]
        if any(e.get("entity") == "application_id" for e in tracker.latest_message.get("entities", [])):
            return [FollowupAction("action_route_progress")]  # a bare "CY2026…": the progress check
        heard = [f"{BY_SLOT[slot].label}：{display(slot, value)}" for slot, value in said.items() if slot in BY_SLOT]
        if heard:  # one value with no request ("地址在…", "来电人叫…"): kept, and the user is asked whether to apply
            dispatcher.utter_message(text=OFFER_TO_START.format(heard="；".join(heard)))
            return [SlotSet(OFFER, True), SlotSet(OFFERED_ITEMS, None), FollowupAction("action_listen")]
        if person := person_due(tracker):  # "哦" after two replies that gave nothing: a way out, not the question
            dispatcher.utter_message(text=person)
        else:
            dispatcher.utter_message(response="utter_how_can_help")
        return [FollowupAction("action_listen")]


class ActionAskConfirmSubmission(Action):
    """Show the filled form (ID masked) and ask for confirmation before submitting."""

    def name(self) -> str:
        """Action name used in the domain."""
        return "action_ask_confirm_submission"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[EventType]:
        """After a bare "no" the user was already asked what to change: no second summary until they change it.

        A correction read as a "no" ("姓打错了，是耳东陈，陈立伟") changed a value: the summary is shown again.
        """
        text = str(tracker.latest_message.get("text") or "")
        if tracker.get_intent_of_latest_message() != "deny" or changed_this_turn(tracker) or wants_review(text):
            dispatcher.utter_message(text=messages.summary(dict(tracker.current_slot_values())))
        return []


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
        dispatcher.utter_message(text=CANCELLED)
        answered = await courtesy.answer_rest(dispatcher, tracker, domain, outside_forms=True)  # "不办了，那培训要钱吗"
        return [ActiveLoop(None), SlotSet("requested_slot", None), *reset_form(), *answered]
