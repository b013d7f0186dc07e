"""The progress check's shared parts and ``action_show_progress`` (the result, a light per department).

What a number and ID digits look like, a forgotten number helped, the logged-in owner's own applications.

After a wrong verification the number is kept and ``progress_form`` (:mod:`actions.progress.progress_form`) asks for
the digits again; from the second failure the reply offers a person.
"""

import re

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, FollowupAction, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.after_filing.booking import bookings_line
from actions.application.form_navigation import hint_if_paused
from actions.conversation import messages
from actions.conversation.replies import bot_texts, varied
from actions.progress.progress_replies import (
    GIVE_UP,
    LOOK_LATER,
    NO_NUMBER_REPLIES,
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

# Looking by oneself later: "以后我自己在哪能查", "往后上哪看进度", "下次怎么自己查".
LATER = re.compile(
    r"(?:以后|往后|今后|下次|之后|回头|平时|后面|自己)[^，,。？?]{0,6}?(?:在哪|上哪|去哪|哪里|哪儿|怎么|咋|从哪|哪个地方)"
    r"(?:儿|里)?(?:能|可以|才能|去)?(?:自己)?(?:查|看|查询|查看)"
)
PROGRESS_TOLD = re.compile(r"进度|办到|办件|申请编号|编号|办结|受理|身份证后6位")
APPEAL_TOLD = re.compile(r"投诉|诉求|SQ\d", re.IGNORECASE)
MAX_OWN_SHOWN = 3
NUMBER = re.compile(r"CY\s*\d{14}", re.IGNORECASE)
NUMBER_LIKE = re.compile(r"CY\s*\d+", re.IGNORECASE)
FULL_ID = re.compile(r"\d{17}[\dXx]")
ID_CUE = re.compile(r"身份证|后六位|后6位|末六位|末6位|尾号")
# The card itself lost or replaced ("身份证丢了去哪补", "证件掉了要挂失吗"), not its digits forgotten.
DIGITS_CUE = re.compile(r"后六位|后6位|末六位|末6位|尾号|号码|证号")
LOST_CARD = re.compile(r"补办|挂失|补领|重办|(?:身份证|证件)(?:原件|卡)?(?:也|都|给)?(?:丢|掉|不见|弄没|被偷)")
LAST6 = re.compile(r"(?<![\dA-Za-z])\d{5}[\dXx](?![\dA-Za-z])")


def looks_later(tracker: Tracker) -> bool:
    """Where to check by oneself later ("以后我自己在哪能查", "往后上哪看进度"), asked about progress.

    Progress is what is asked when the message says so or the bot's last reply was about an application (a result,
    the number's prompt, where the number is).
    """
    text = str(tracker.latest_message.get("text") or "")
    if not LATER.search(text) or NUMBER.search(text):
        return False
    said = next((t for t in bot_texts(tracker) if t.strip()), "")  # an answer's 👍/👎 message has no text
    if APPEAL_TOLD.search(text) or APPEAL_TOLD.search(said):
        return False  # after a complaint's SQ number: how to follow the complaint (conversation.filed_appeal)
    return bool(PROGRESS_TOLD.search(text) or PROGRESS_TOLD.search(said))


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


def later_reply(tracker: Tracker) -> str | None:
    """The progress channels for "以后我自己在哪能查" (:func:`looks_later`); ``None`` for any other message."""
    return LOOK_LATER if looks_later(tracker) else None


def where_to_look_later(dispatcher: CollectingDispatcher, tracker: Tracker) -> list[EventType] | None:
    """The progress channels said for "以后我自己在哪能查"; ``None`` (nothing said) for any other message."""
    if (said := later_reply(tracker)) is None:
        return None
    dispatcher.utter_message(text=said)
    return []


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
