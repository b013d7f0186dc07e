"""What the latest user message says for the application form: answers, corrections, commands or a digression.

Every field the message names is read by the one labelled extractor (:mod:`actions.form_labels`), whichever
field is asked. Only a message that names no field may answer the requested free-text field as a whole, and only
when it plausibly is that kind of value (:mod:`actions.form_guard`). "上一步", "重新填" and a submit word while
fields are missing are commands. A question or a command for the dialogue (cancel, a person) is not taken as an
answer, so the form rejects and the dialogue rules handle it.
"""

import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from rasa_sdk import Tracker

from actions import dates
from actions.form_business import kind_of_free_text
from actions.form_cues import BARE_ID, BARE_PHONE, CORRECTION, CORRECTION_SLOTS
from actions.form_field_help import field_asked, field_help, undecided
from actions.form_fields import BY_SLOT, CONFIRM_SLOT
from actions.form_guard import (
    BACK,
    CANCEL_WORDS,
    RESTART,
    SUBMIT,
    free_text_problem,
    is_question,
    plausible_name,
)
from actions.form_items import items_named
from actions.form_labels import read_labelled
from actions.form_names import business_named_after, name_cued
from actions.service_client import tracker_identity
from actions.situation import NONE_OF_THEM

DIGRESSION_INTENTS = frozenset(
    {
        "ask_question",
        "ask_bundle_overview",
        "check_eligibility",
        "check_progress",
        "bot_challenge",
        "out_of_scope",
        "request_human",
        "complain",
        "cancel",
        "greet",
        "thank",
        "goodbye",
    }
)
# Never an answer unless the message also names a value (e.g. "谢谢" is not a project name).
ALWAYS_DIGRESS = frozenset({"cancel", "request_human", "greet", "thank", "goodbye", "bot_challenge"})
ANSWER_PREFIX = re.compile(
    r"^(?:我的|我们的)?(?:姓名|名字|项目名称|项目名|项目|行业|经营场所地址|经营地址|地址|银行账户|账号|账户)?"
    r"(?:是|叫|为|就是|填)?[:：\s]*"
)
# A person asked for in words; "来电人说他叫…" (a hotline relay the NLU may read as request_human) names none.
PERSON_WORDS = re.compile(r"人工|真人|客服|工作人员|找人")
# Another task asked for: never an answer, whichever field is asked (action_switch_form switches or answers).
OTHER_TASKS = frozenset({"check_progress", "check_eligibility"})
# Intents the form's rules answer themselves (bot/rules/forms.yml); other questions are answered by the form.
# Questions (ask_question) are answered by the form itself, searched for all its items (form_questions.py).
RULE_ANSWERED = ALWAYS_DIGRESS | {"cancel", "ask_bundle_overview", "complain"}
CORRECTING = re.compile(r"不是|不对|错了|改成|改为|应该是|应为|更正|搞错")
# A reply this long with no submit word is no confirmation, whatever the NLU says ("对了，我还想问…").
LONG_REPLY = 10
# Steps where a message that is only a name means the applicant's name (said again, or corrected).
NAME_NEIGHBOURS = frozenset({"id_number", "phone", CONFIRM_SLOT})
DIGITS_ATTEMPT = re.compile(r"[\d\sXx-]{3,}[。.]?")
# A name answered with words around it, while the name is asked.
NAME_SAID = re.compile(
    r"(?:我|我这边|这边是|这是|本人是?|我就是)?(?P<name>[\u4e00-\u9fff·]{2,20}?)"
    r"(?:是我的?(?:名字|姓名|全名)|就是我(?:本人)?|是我|本人)?[。.！!]?"
)
NOT_SAID_NAME = re.compile(r"天|上|下|会|先|再|来|去|说|发|问|看|想|给|填|写|等|找|办|查|交|弄|搞")
PLACE = re.compile(r"[省市区县州镇乡村]$")
# Intents whose category or business-type entity is an answer even when another field is asked.
DATA_INTENTS = frozenset({"inform", "start_application", "affirm"})


@dataclass
class Extraction:
    """Candidate values from one message.

    Attributes:
        values: Slot → raw value to validate.
        digression: The message is a question or command, not an answer.
        regions: City and county names the NLU found (read only when the address is asked).
        shown: Slot → how a normalised date is shown back (``去年毕业的 → 2025年毕业``).
        command: ``back``, ``restart`` or ``submit`` (a submit word while the form is not at its summary).
        problem: Why the message cannot answer the requested free-text field (the re-prompt), if so.
        not_yet_registered: The user said the business is not registered yet.
        question: The message is a question (with or without "？"): answered, then the step is asked again.
        field_help: The field whose meaning or format the message asks ("手机号要几位"): explained, then the step
            is asked again.
    """

    values: dict[str, Any] = field(default_factory=dict)
    digression: bool = False
    regions: list[str] = field(default_factory=list)
    shown: dict[str, str] = field(default_factory=dict)
    command: str | None = None
    problem: str | None = None
    not_yet_registered: bool = False
    question: bool = False
    field_help: str | None = None


def speaks_for_a_caller(tracker: Tracker) -> bool:
    """A hotline call (the console relays staff typing for the caller): 他/她/来电人 always mean the applicant.

    In a user's own chat "他叫黄大明" names the applicant only while the name is still empty (someone filing for a
    parent answers the name step that way); once a name is filled, it changes only on the user's own cue.
    """
    return tracker_identity(tracker).call_id is not None


def _entities(tracker: Tracker, name: str) -> list[str]:
    return [str(e["value"]) for e in tracker.latest_message.get("entities", []) if e.get("entity") == name]


def _free_text(text: str) -> str:
    return ANSWER_PREFIX.sub("", text, count=1).strip(" 。.，,！!") or text.strip(" 。.，,！!")


def _said_name(name: str) -> bool:
    """A name with words around it: plausible, and no time or doing word ("我明天来", "我马上发" are no names)."""
    return plausible_name(name) and not NOT_SAID_NAME.search(name)


def _confirm(intent: str) -> bool | None:
    if intent == "affirm":
        return True
    if intent == "deny":
        return False
    return None


def read_values(tracker: Tracker, text: str, intent: str, slots: dict[str, Any]) -> Extraction:
    """Values the message names explicitly, for any field: labelled values, entities and "X改成Y" corrections.

    Args:
        tracker: The conversation (its latest message's entities are read).
        text: The message.
        intent: Its intent.
        slots: Current slot values (``requested_slot`` included).

    Returns:
        The values with how dates are shown back; nothing else is set.
    """
    requested = slots.get("requested_slot")
    labelled = read_labelled(
        text,
        list(tracker.latest_message.get("entities", [])),
        third_person=speaks_for_a_caller(tracker) or not slots.get("applicant_name"),
        bare_numbers=requested != "bank_account",
    )
    # "项目名称要写几个字": a cue followed by a question names no value
    values = {
        s: v for s, v in labelled.values.items() if not (s in BY_SLOT and BY_SLOT[s].free_text and is_question(str(v)))
    }
    correcting = bool(CORRECTING.search(text))
    for slot in ("person_category", "business_type"):
        named = _entities(tracker, slot)
        if slot in values and correcting and len(named) > 1:
            values[slot] = named[-1]  # "我不是退役军人，是返乡农民工": the value after the negation
        if slot in values and requested != slot and intent not in DATA_INTENTS and len(values) < 2 and not correcting:
            del values[slot]
    renamed = slots.get("applicant_name") and requested != "applicant_name" and values.get("applicant_name")
    if renamed and not (correcting or name_cued(text)):  # a filled name changes only when the user says so
        del values["applicant_name"]
    correction = CORRECTION.search(text)
    corrected = CORRECTION_SLOTS[correction.group("label")] if correction else ""
    if requested == "person_category" and "person_category" not in values and NONE_OF_THEM.search(text):
        values["person_category"] = "other"  # "都不是，就普通人" (the NLU may call it a complaint)
    if (
        correction
        and (corrected not in values or correcting)
        and not (corrected == "applicant_name" and business_named_after(text[: correction.start()]))
    ):  # "名字是章立早章的章章明" is no correction: the name read from its spelling stays
        values[corrected] = correction.group("value").strip(" 。.，,")  # not "奶茶店，名字叫茶小满"
    items = items_named(text, _entities(tracker, "item"), slots.get("application_items"), requested)
    if items is not None:
        values["application_items"] = items
    amount = next(iter(_entities(tracker, "amount")), None)
    if amount and requested == "loan_amount":
        values["loan_amount"] = amount
    values.update(_bare_values(text, requested, values))
    return Extraction(values=values, shown=labelled.shown, not_yet_registered=labelled.not_yet_registered)


def _bare_values(text: str, requested: Any, named: dict[str, Any]) -> dict[str, Any]:
    """Values plain from their form alone, said while another field is asked.

    A mobile number or an ID number the NLU did not tag (never while the bank account is asked: an account may
    have 18 digits), and a message that is only a personal name while the ID, the phone or the summary is asked
    (``周杰`` while the ID is asked is the name, not an ID to refuse).
    """
    found: dict[str, Any] = {}
    if requested != "bank_account":
        if "phone" not in named and (phone := BARE_PHONE.search(text)):
            found["phone"] = phone.group(0)
        if "id_number" not in named and (id_number := BARE_ID.search(text)):
            found["id_number"] = id_number.group(0).upper()
    bare = text.strip(" 。.，,！!～~")
    if not named and not found and requested in NAME_NEIGHBOURS and plausible_name(bare) and not PLACE.search(bare):
        found["applicant_name"] = bare
    return found


def _answer_to_requested(requested: str, text: str, intent: str, found: Extraction) -> Any:
    """The message as the answer to the requested field, or None (``found.problem`` says why, when it matters)."""
    named = found.values
    if requested == CONFIRM_SLOT:
        return (
            None
            if named or (intent == "affirm" and not SUBMIT.search(text) and len(text) > LONG_REPLY)
            else _confirm(intent)
        )
    if requested == "first_time_founder" and (confirmed := _confirm(intent)) is not None:
        return confirmed
    if requested not in BY_SLOT or requested in named or requested == "application_items" or named:
        return None  # a message naming other fields never answers this one as a whole
    if BY_SLOT[requested].free_text:
        value = _free_text(text)
        said = NAME_SAID.fullmatch(value) if requested == "applicant_name" else None
        if said and said["name"] != value and _said_name(said["name"]):
            value = said["name"]  # "我王芳", "王芳是我的名字", "这边是王芳"
        kind = kind_of_free_text(value)
        if requested in ("project_name", "industry") and kind is not None and kind != requested:
            named[kind] = value  # an industry while the project is asked (or the reverse) goes where it belongs
            return None
        found.problem = free_text_problem(requested, value)
        return None if found.problem else value
    return _structured(requested, text, found)


def _command(text: str, intent: str, requested: str | None, found: Extraction) -> str | None:
    if found.values:
        return None
    if BACK.search(text):
        return "back"
    if RESTART.search(text):
        return "restart"
    if CANCEL_WORDS.search(text) and intent not in ("cancel", "request_human"):  # those: the rules
        return "cancel"
    if requested not in (None, CONFIRM_SLOT) and SUBMIT.search(text) and not is_question(text):
        return "submit"  # not "提交完怎么知道办到哪了", a question
    return None


def extract(tracker: Tracker, slots: dict[str, Any]) -> Extraction:
    """Read the latest message for the application form.

    Args:
        tracker: The conversation; its latest message is read.
        slots: Current slot values (``requested_slot`` included).

    Returns:
        Candidate values, a command, or ``digression`` when the message should be handled outside the form.
    """
    message = tracker.latest_message
    text = unicodedata.normalize("NFKC", str(message.get("text") or "")).strip()  # full-width digits as digits
    intent = str((message.get("intent") or {}).get("name") or "")
    requested = slots.get("requested_slot")
    found = read_values(tracker, text, intent, slots)
    found.command = _command(text, intent, requested, found)
    if found.command:
        return found
    if not found.values and (left := undecided(requested, text)):
        found.problem = field_help(left)  # a failed answer: counted, so the help changes and never repeats thrice
        return found
    if not found.values and (asked := field_asked(text)):
        found.field_help = asked  # how to fill a field, whatever the intent: the form explains it
        return found
    questioning = is_question(text) or (intent == "ask_question" and _is_question(text, requested))
    if intent not in RULE_ANSWERED and not found.values and questioning:
        found.question = True  # answered inside the form, whatever the intent, then the same step is asked again
        return found
    person_asked = intent == "request_human" and (not found.values or PERSON_WORDS.search(text))
    attempt = requested in BY_SLOT and bool(DIGITS_ATTEMPT.fullmatch(text))  # "4301041990" is a short ID, not chat
    if (
        intent == "cancel"
        or person_asked
        or (
            intent in DIGRESSION_INTENTS
            and not found.values
            and not attempt
            and (intent in ALWAYS_DIGRESS or intent in OTHER_TASKS or _is_question(text, requested))
        )
    ):
        return Extraction(digression=True)
    if requested is not None:
        answer = _answer_to_requested(str(requested), text, intent, found)
        if answer is not None:
            found.values[str(requested)] = answer
    found.regions = _entities(tracker, "region") if requested in ("premises_address", "city", "county") else []
    if "premises_address" in found.values and not found.regions:
        found.regions = _entities(tracker, "region")
    return found


def _structured(slot: str, text: str, found: Extraction) -> Any:
    """The part of the text that answers a structured field (``去年毕业的`` → ``2025``)."""
    if slot == "graduation_year":
        if year := dates.graduation_year(text, date.today()):
            found.shown[slot] = year.shown
            return year.year
        return text
    if slot == "business_started_on":
        start = dates.business_start(text, date.today())
        if start is not None and start.started_on is not None:
            found.shown[slot] = start.shown
            return start.started_on.isoformat()
        if start is not None:
            found.not_yet_registered = True
            return None
    return text


def _is_question(text: str, requested: str | None) -> bool:
    """A question or chit-chat rather than an answer to ``requested``."""
    if requested is None or requested not in BY_SLOT or not BY_SLOT[requested].free_text:
        return True
    return is_question(text)


def just_heard_user(tracker: Tracker) -> bool:
    """True when the form runs right after a user message (not when it resumes after an interruption).

    Rasa logs the form itself (its temporary tracker) and ``action_extract_slots`` after every user message;
    neither counts. Any other action since the last user message means the message was already handled.
    """
    for event in reversed(tracker.events):
        if event.get("event") == "user":
            return True
        name = str(event.get("name") or "")
        if event.get("event") == "action" and name != "action_extract_slots" and not name.endswith("_form"):
            return name == "action_listen"
    return True
