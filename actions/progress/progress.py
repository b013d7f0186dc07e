"""``progress_form`` (application number + last 6 ID digits) and ``action_show_progress``.

After a wrong verification the number is kept and the form asks for the digits again, so "是060104" retries
against it (the service's throttle still applies); from the second failure the reply offers a person. A question
inside the form is answered and the same step asked again; a forgotten number is helped, not re-asked.
"""

import re
from typing import Any

from rasa_sdk import Action, FormValidationAction, Tracker
from rasa_sdk.events import ActiveLoop, EventType, FollowupAction, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.after_filing.booking import bookings_line
from actions.application.form_extraction import DIGRESSION_INTENTS, just_heard_user
from actions.application.form_guard import BACK, RESTART
from actions.application.form_navigation import hint_if_paused
from actions.conversation import messages, not_understood
from actions.conversation.replies import answer_question, bot_texts, is_question, varied
from actions.progress.progress_replies import (
    GIVE_UP,
    NO_NUMBER_REPLIES,
    NUMBER_SHAPE,
    PERSON_BUTTON,
    WHERE_DIGITS,
    WHERE_NUMBER,
)
from actions.service_client import (
    NotFound,
    ServiceUnavailable,
    TooManyAttempts,
    get_json,
    post_json,
    tracker_headers,
)
from actions.steps.step_failures import HELP_FROM, failures_at
from actions.steps.step_help import help_message, plain_message, remind
from contract import gateway

NUMBER_SLOT = "progress_number"
LAST6_SLOT = "progress_id_last6"
FAILURES_SLOT = "progress_failures"
MAX_RETRIES = 2
FORGOT = re.compile(r"忘了|忘记|不记得|记不得|记不住|记不清|想不起|找不到|找不着|丢了|弄丢|没记|不知道")
NUMBER_WORDS = re.compile(r"编号|号码|单号|申请号|办件号|号")
# "申请编号在哪看", "在哪里能找到我的申请编号", "去哪查我的办件号": where the number is, in either order.
# Not "哪里查进度要用编号" (how to check progress).
NUMBER_NAME = r"(?:申请编号|编号|申请号|办件号|受理号|受理编号|单号|申请号码|办件编号|业务编号)"
WHERE_FIND = (
    r"(?:在哪|哪里|哪儿|去哪|从哪|哪能|哪个地方|什么地方|啥地方|怎么找|怎么查到|怎么查|怎么看|怎么知道|怎么获取|如何找|如何查"
    r"|没收到|没看到|看不到)"
)
WHERE_IS_NUMBER = re.compile(
    rf"{NUMBER_NAME}(?:(?!进度|进展|结果)[^，,。？?]){{0,6}}{WHERE_FIND}(?!.{{0,3}}(?:进度|进展|结果))"
    rf"|{WHERE_FIND}(?:(?!进度|进展|结果)[^，,。？?]){{0,6}}{NUMBER_NAME}(?!.{{0,2}}(?:查|看))"
)
# "还是找不到", "哪都翻了没有啊", "我不会用湘易办": still without the number after being told where it is.
STILL_WITHOUT = re.compile(
    r"找不到|没找到|找不着|没有|没看到|看不到|没收到|不会|不记得|记不起|想不起|忘|翻了|翻遍|哪都|到处|不知道|不行|还是|"
    r"怎么办|咋办"
)

MAX_OWN_SHOWN = 3
NUMBER = re.compile(r"CY\s*\d{14}", re.IGNORECASE)
NUMBER_LIKE = re.compile(r"CY\s*\d+", re.IGNORECASE)
FULL_ID = re.compile(r"\d{17}[\dXx]")
ID_CUE = re.compile(r"身份证|后六位|后6位|末六位|末6位|尾号")
# The card itself lost or replaced ("身份证丢了去哪补", "证件掉了要挂失吗"), not its digits forgotten.
DIGITS_CUE = re.compile(r"后六位|后6位|末六位|末6位|尾号|号码|证号")
LOST_CARD = re.compile(r"补办|挂失|补领|重办|(?:身份证|证件)(?:原件|卡)?(?:也|都|给)?(?:丢|掉|不见|弄没|被偷)")
LAST6 = re.compile(r"(?<![\dA-Za-z])\d{5}[\dXx](?![\dA-Za-z])")
# A message of digits only ("15321", "CY2026120600006"): an attempt at the step's value, whatever the NLU read.
DIGITS_ONLY = re.compile(r"(?:CY)?[\s\d]*\d[\s\d]*[Xx]?", re.IGNORECASE)


def forgot_number(text: str) -> bool:
    """Whether the user does not have the number or the ID digits ("编号我忘了", "后六位我想不起来了")."""
    return (
        bool(FORGOT.search(text) and NUMBER_WORDS.search(text))
        or bool(WHERE_IS_NUMBER.search(text))
        or (forgot_digits(text))
    )


def forgot_digits(text: str) -> bool:
    """Whether the user cannot give the applicant's last 6 ID digits ("后六位我真想不起来了").

    Not a lost or replaced card ("身份证丢了去哪补"): a question about the card, never the digits' help.
    """
    lost_card = LOST_CARD.search(text) and not DIGITS_CUE.search(text)
    return bool(FORGOT.search(text) and ID_CUE.search(text)) and not lost_card


def still_without_number(tracker: Tracker) -> bool:
    """Right after being told where the number is, the user still has none ("哪都翻了没有啊", "还是找不到")."""
    said = bot_texts(tracker)
    text = str(tracker.latest_message.get("text") or "").strip()
    if not said or NUMBER.search(text) or LAST6.search(text) or not STILL_WITHOUT.search(text):
        return False
    return any(said[0].startswith(reply[:20]) for reply in (WHERE_NUMBER, WHERE_DIGITS, *NO_NUMBER_REPLIES))


def no_number_reply(dispatcher: CollectingDispatcher, tracker: Tracker) -> list[EventType]:
    """Still no number: a person, the hotline's caller verification or the mini program, worded anew each time."""
    dispatcher.utter_message(text=varied(tracker, NO_NUMBER_REPLIES), buttons=[PERSON_BUTTON])
    return [SlotSet(NUMBER_SLOT, None), SlotSet(LAST6_SLOT, None)]


async def forgotten_number(
    dispatcher: CollectingDispatcher, tracker: Tracker, digits: bool | None = None
) -> list[EventType]:
    """A verified WeChat/mini-program user sees their applications; anyone else is told where the number is.

    Said again after that help, the user is offered a person and the hotline (never the same reply a third time).
    ``digits``: the ID digits are what is missing (default: read from the message).
    """
    from actions.appeals.complaint_first import files_a_complaint  # it imports this module: imported when run

    if not (tracker.active_loop or {}).get("name") and files_a_complaint(tracker):
        return [FollowupAction("action_route_appeal")]  # "投诉，…编号也找不到了": filed, the number is not needed
    if still_without_number(tracker):
        return no_number_reply(dispatcher, tracker)
    if not await show_own(dispatcher, tracker):
        text = str(tracker.latest_message.get("text") or "")
        missing_digits = forgot_digits(text) if digits is None else digits
        dispatcher.utter_message(text=WHERE_DIGITS if missing_digits else WHERE_NUMBER)
    return [SlotSet(NUMBER_SLOT, None), SlotSet(LAST6_SLOT, None)]


def _routed_here(tracker: Tracker) -> bool:
    """The form was opened by ``action_route_progress`` for the latest message (so the message is still unread)."""
    for event in reversed(tracker.events):
        name = str(event.get("name") or "")
        if event.get("event") == "user":
            return False
        if event.get("event") == "action" and name != "action_extract_slots" and not name.endswith("_form"):
            return name == "action_route_progress"
    return False


def _number(text: str, entities: list[dict[str, Any]]) -> str | None:
    entity = next((str(e["value"]) for e in entities if e.get("entity") == "application_id"), None)
    match = NUMBER.search(text)
    raw = entity or (match.group(0) if match else None)
    return re.sub(r"\s", "", raw).upper() if raw else None


def _last6(text: str) -> str | None:
    without_number = NUMBER_LIKE.sub(" ", text)
    full = FULL_ID.search(without_number)
    if full:
        return full.group(0)[-6:].upper()
    match = LAST6.search(without_number)
    return match.group(0).upper() if match else None


async def _not_an_answer(
    dispatcher: CollectingDispatcher, tracker: Tracker, text: str, requested: str | None
) -> list[EventType] | None:
    """The turn's events when the message is no value to read: a resumed form, a forgotten number, a command."""
    if not just_heard_user(tracker) and not _routed_here(tracker):  # resumed, or retried after a failed check
        kept = {NUMBER_SLOT: tracker.get_slot(NUMBER_SLOT), LAST6_SLOT: tracker.get_slot(LAST6_SLOT)}
        asked = next((s for s in (NUMBER_SLOT, LAST6_SLOT) if not kept[s]), None)
        if asked is not None and asked == requested:  # after chit-chat: a message that answered nothing counts
            remind(dispatcher, tracker, asked, (NUMBER_SLOT, LAST6_SLOT))
        return [SlotSet("requested_slot", asked)]
    if requested and not_understood.confused(text):  # "看不懂你说的": the step explained again, still open
        dispatcher.utter_message(**plain_message(requested, _failures(tracker, requested) - 1))
        return [SlotSet(requested, None), SlotSet("requested_slot", requested)]
    if forgot_number(text) or (requested and FORGOT.search(text)):  # "我真记不清了" at a step: that step's value
        digits = forgot_digits(text) or (requested == LAST6_SLOT and not NUMBER_WORDS.search(text))
        events = await forgotten_number(dispatcher, tracker, digits)
        return [*events, SlotSet("requested_slot", None), ActiveLoop(None)]
    if RESTART.search(text) or (BACK.search(text) and requested == LAST6_SLOT):
        return _start_again(dispatcher, bool(RESTART.search(text)))
    return None


def _values(text: str, tracker: Tracker, requested: str | None) -> dict[str, str]:
    """The number and the ID digits the message gives, whichever is asked."""
    values: dict[str, str] = {}
    if number := _number(text, tracker.latest_message.get("entities", [])):
        values[NUMBER_SLOT] = number
    last6 = _last6(text)
    if last6 and (requested == LAST6_SLOT or tracker.get_slot(NUMBER_SLOT) or number or _digits_ahead(text, requested)):
        values[LAST6_SLOT] = last6
    return values


def _not_given(dispatcher: CollectingDispatcher, tracker: Tracker, requested: str, text: str = "") -> None:
    """The re-prompt for a step not answered: its format, and from the second failure help and a person.

    Digits of the wrong length ("15321" for the six ID digits) are told how many they were.
    """
    if (failed := _failures(tracker, requested)) >= HELP_FROM:  # the same re-prompt never a third time
        dispatcher.utter_message(**help_message(requested, failed - 1))
    elif DIGITS_ONLY.fullmatch(text.strip()):
        count = len(re.sub(r"\D", "", text))
        wanted = "申请编号是CY加14位数字" if requested == NUMBER_SLOT else "身份证后6位是6位（最后一位可能是X）"
        dispatcher.utter_message(text=f"您发的是{count}位数字，{wanted}，请核对后再发给我。")
    elif requested == NUMBER_SLOT:
        dispatcher.utter_message(text=f"申请编号是{NUMBER_SHAPE}，请核对后再发给我。")
    else:
        dispatcher.utter_message(text="请发送申请人身份证号码的后6位（6位数字，最后一位可能是X）。")


def _failures(tracker: Tracker, slot: str) -> int:
    """Messages in a row that answered nothing at ``slot``, the latest included (:mod:`actions.steps.step_failures`)."""
    return failures_at(tracker, slot, (NUMBER_SLOT, LAST6_SLOT))


def _digits_ahead(text: str, requested: str | None) -> bool:
    """The ID digits said before the number: cued (身份证/后六位) or a full ID number, never a bare number."""
    cued = bool(ID_CUE.search(text) or FULL_ID.search(NUMBER_LIKE.sub(" ", text)))
    return requested in (None, NUMBER_SLOT) and cued  # also in the message that opens the check ("查进度，后六位…")


def _start_again(dispatcher: CollectingDispatcher, everything: bool) -> list[EventType]:
    """Clear both values ("重新填"), or go back from the digits to the number ("上一步")."""
    dispatcher.utter_message(
        text="好的，我们重新来：请发申请编号（CY加14位数字）。"
        if everything
        else "好的，回到上一步：请重新发申请编号（CY加14位数字）。"
    )
    return [SlotSet(NUMBER_SLOT, None), SlotSet(LAST6_SLOT, None), SlotSet("requested_slot", NUMBER_SLOT)]


class ValidateProgressForm(FormValidationAction):
    """Reads the number and the verification digits, in any order and in one message or two."""

    def name(self) -> str:
        """Action name used in the domain."""
        return "validate_progress_form"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[EventType]:
        """Fill what the message gives; explain the format when the requested value is not there."""
        text = str(tracker.latest_message.get("text") or "")
        intent = tracker.get_intent_of_latest_message() or ""
        requested = tracker.get_slot("requested_slot")
        if (handled := await _not_an_answer(dispatcher, tracker, text, requested)) is not None:
            return handled
        values = _values(text, tracker, requested)
        if requested is None and not values and await show_own(dispatcher, tracker):
            return [SlotSet("requested_slot", None)]
        attempt = bool(DIGITS_ONLY.fullmatch(text.strip()))  # "15321": the digits, one short, never off-topic
        interrupts = not attempt and intent in DIGRESSION_INTENTS - {
            "check_progress",
            "ask_question",
            "ask_bundle_overview",
        }
        if not values and requested and (interrupts or intent == "start_application"):
            return []
        if not values and requested and (intent in ("ask_question", "ask_bundle_overview") or is_question(text)):
            answered = await answer_question(dispatcher, tracker, domain)
            remind(dispatcher, tracker, str(requested), (NUMBER_SLOT, LAST6_SLOT))
            return [*answered, SlotSet(str(requested), None), SlotSet("requested_slot", requested)]
        events: list[EventType] = [SlotSet(slot, value) for slot, value in values.items()]
        if requested in (None, NUMBER_SLOT) and set(values) == {LAST6_SLOT}:  # the digits before the number: kept
            dispatcher.utter_message(text="好的，身份证后6位已记下。还需要申请编号（CY加14位数字）。")
        elif requested in (NUMBER_SLOT, LAST6_SLOT) and requested not in values:
            _not_given(dispatcher, tracker, str(requested), text)
            events.append(SlotSet(str(requested), None))
        filled = {NUMBER_SLOT: tracker.get_slot(NUMBER_SLOT), LAST6_SLOT: tracker.get_slot(LAST6_SLOT), **values}
        next_slot = next((slot for slot in (NUMBER_SLOT, LAST6_SLOT) if not filled.get(slot)), None)
        return [*events, SlotSet("requested_slot", next_slot)]


async def show_own(dispatcher: CollectingDispatcher, tracker: Tracker) -> bool:
    """A WeChat user (the owner) sees their own applications without verification, newest first."""
    headers = tracker_headers(tracker)
    if gateway.OPENID_HEADER not in headers:
        return False
    try:
        owned = (await get_json("/api/v1/me/applications", headers))["applications"]
    except (ServiceUnavailable, NotFound):
        return False
    if not owned:
        return False
    shown = owned[:MAX_OWN_SHOWN]
    more = f"\n（共{len(owned)}件，只列出最近{MAX_OWN_SHOWN}件。）" if len(owned) > MAX_OWN_SHOWN else ""
    texts = [messages.progress(a) + await bookings_line(a["number"], headers) for a in shown]
    dispatcher.utter_message(text="\n\n".join(texts) + more)
    return True


class ActionShowProgress(Action):
    """Ask the service for the application's progress and show each department with its light."""

    def name(self) -> str:
        """Action name used in the domain."""
        return "action_show_progress"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[EventType]:
        """A wrong verification gets the same answer as an unknown number; the digits are forgotten either way."""
        number, last6 = tracker.get_slot(NUMBER_SLOT), tracker.get_slot(LAST6_SLOT)
        forget = [SlotSet(NUMBER_SLOT, None), SlotSet(LAST6_SLOT, None)]
        if not number or not last6:
            return forget
        try:
            application = await post_json(
                f"/api/v1/applications/{number}/progress", {"id_last6": last6}, tracker_headers(tracker)
            )
        except NotFound:
            failures = int(tracker.get_slot(FAILURES_SLOT) or 0) + 1
            text = (
                "没有查到与该编号和身份证后6位都匹配的申请。编号没错的话，请直接发申请人身份证号的后6位"
                "重试；编号有误请发正确的编号；想停下说“取消”。"
            )
            if failures >= 2:
                text += (
                    "\n多次没对上的话，可以说“转人工”，或拨打12345热线由工作人员核实来电人身份后查询；"
                    "忘了编号请说“编号忘了”。"
                )
            if failures > MAX_RETRIES:  # no third identical re-prompt: a person or the hotline from here
                dispatcher.utter_message(text=GIVE_UP)
                return [*forget, SlotSet(FAILURES_SLOT, failures)]
            dispatcher.utter_message(text=text)
            return [SlotSet(LAST6_SLOT, None), SlotSet(FAILURES_SLOT, failures), FollowupAction("progress_form")]
        except TooManyAttempts as limited:
            minutes = max(1, (limited.retry_after + 59) // 60)
            dispatcher.utter_message(
                text=f"验证失败次数过多，为保护申请人信息，请{minutes}分钟后再查询，或说“转人工”由工作人员协助。"
            )
            return forget
        except ServiceUnavailable:
            dispatcher.utter_message(text="抱歉，进度查询系统暂时连不上，请稍后再试，或拨打12345热线查询。")
            return forget
        proof = {**tracker_headers(tracker), "X-Id-Last6": str(last6)}
        dispatcher.utter_message(text=messages.progress(application) + await bookings_line(str(number), proof))
        hint_if_paused(dispatcher, tracker)
        return [*forget, SlotSet(FAILURES_SLOT, 0), SlotSet("last_application_number", number)]
