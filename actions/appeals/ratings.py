"""Ratings (好差评) stored for real: of a finished application, of a staff handoff, or of the conversation.

"五星好评" right after a finished application's progress rates that application (verified as progress is: the
logged-in owner, or the ID digits the user gave in this conversation, else asked); after staff handed the
conversation back it rates the handoff; otherwise the conversation. A rating of 1–2 makes the service open a
follow-up (整改回访), and the user is told its number. Nothing is thanked for that was not stored.
"""

from __future__ import annotations

import re
from typing import Any

from rasa_sdk import Action, FormValidationAction, Tracker
from rasa_sdk.events import EventType, FollowupAction, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.appeals.appeal_reading import application_number, id_last6, the_application
from actions.appeals.rating_words import ASK_SCORE, asks_how_to_rate, comment_of, score_of, wants_to_rate, wished_before
from actions.appeals.suggestions import suggests
from actions.application.form_extraction import just_heard_user
from actions.conversation.question_shape import is_question
from actions.conversation.replies import answer_question, bot_texts
from actions.service_client import (
    Conflict,
    NotFound,
    Rejected,
    ServiceUnavailable,
    TooManyAttempts,
    get_json,
    post_json,
    tracker_headers,
)
from contract import gateway

PENDING = "rating_pending"
FINISHED_INVITE = "已经办结啦，欢迎对本次服务做个评价"
ABOUT_APPLICATION = re.compile(r"申请|办件|办理|办结|审批")
ABOUT_PERSON = re.compile(r"人工|客服|工作人员|坐席|小姐姐|小哥")
NO_SCORE = (
    "感谢您的意见！想让工作人员跟进的话，说“我要反映问题”，我帮您登记并给您一个编号跟踪；"
    "想给这次服务打分，直接说“五星”“三星”这样就行。"
)

HOW_TO_RATE = (
    "评价（好差评）直接在这里说就行，例如“五星，很满意”或“差评，材料被退了三次”：申请全部办结后，查进度时我会请您评价"
    "这份申请（也可以说“给申请CY…评价”）；人工客服接待后可以评价这次人工服务；其他时候评价的是这次对话。"
    "打1–2星会登记整改回访，工作人员核实改进后回访您。想反映具体问题、要跟踪处理的话，说“我要投诉”。"
)

NUMBER_IN_BOT_TEXT = re.compile(r"申请编号 (CY\d{14})")


def shown_finished(tracker: Tracker) -> str | None:
    """The application whose finished progress the bot showed last, with the invitation to rate it."""
    for text in bot_texts(tracker):
        for block in text.split("\n\n"):  # a logged-in user's list shows several applications
            if FINISHED_INVITE in block and (match := NUMBER_IN_BOT_TEXT.search(block)):
                return match.group(1)
    return None


def given_last6(tracker: Tracker, number: str) -> str | None:
    """The ID digits that verified ``number`` earlier in this conversation (its progress was shown)."""
    last6, verified = None, None
    for event in tracker.events:
        if event.get("event") != "slot":
            continue
        if event.get("name") == "progress_id_last6" and event.get("value"):
            last6 = str(event["value"])
        elif event.get("name") == "last_application_number" and event.get("value") == number and last6:
            verified = last6
    return verified


def handed_back(tracker: Tracker) -> bool:
    """Staff handed the conversation back to the bot in this conversation (a ``resume`` event)."""
    return any(event.get("event") == "resume" for event in tracker.events)


async def own_finished(tracker: Tracker) -> str | None:
    """A logged-in owner's newest finished application not yet rated."""
    headers = tracker_headers(tracker)
    if gateway.OPENID_HEADER not in headers:
        return None
    try:
        owned = (await get_json("/api/v1/me/applications", headers)).get("applications") or []
    except (ServiceUnavailable, NotFound):
        return None
    return next((str(a["number"]) for a in owned if a.get("finished") and not a.get("rated")), None)


async def latest_handoff(tracker: Tracker) -> int | None:
    """The conversation's latest handoff to rate (taken by staff and not yet rated)."""
    try:
        found = await get_json(
            f"/api/v1/ratings/latest-handoff?conversation_id={tracker.sender_id}", tracker_headers(tracker)
        )
    except (NotFound, ServiceUnavailable):
        return None
    return None if found.get("rated") else int(found["handoff_id"])


class ActionRate(Action):
    """``give_feedback``: work out what is rated and store it, or ask for what verification needs."""

    def name(self) -> str:
        """Action name used in the domain."""
        return "action_rate"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[EventType]:
        """Store the rating (see the module), or open ``rating_form`` for the application's number or digits."""
        text = str(tracker.latest_message.get("text") or "")
        asked = asks_how_to_rate(text)  # "怎么给差评": a question, never a rating
        score = None if asked else score_of(text)
        if score is None:
            return await _no_score(dispatcher, tracker, domain, asked)
        pending: dict[str, Any] = {"score": score, "comment": comment_of(text)}
        about = f"{wished_before(tracker)} {text}"  # the wish the score answers names what is rated
        entities = list(tracker.latest_message.get("entities") or [])
        number = application_number(about, entities) or shown_finished(tracker)
        if number is None and ABOUT_APPLICATION.search(about):
            number = await own_finished(tracker)
            if number is None and gateway.OPENID_HEADER not in tracker_headers(tracker):
                return [SlotSet(PENDING, {**pending, "target": "application"}), FollowupAction("rating_form")]
        if number is not None:
            pending.update(target="application", number=number)
            last6 = id_last6(text) or given_last6(tracker, number)
            if last6 is None and gateway.OPENID_HEADER not in tracker_headers(tracker):
                return [SlotSet(PENDING, pending), SlotSet("rating_number", number), FollowupAction("rating_form")]
            return await store(dispatcher, tracker, {**pending, "id_last6": last6})
        handoff = await latest_handoff(tracker) if handed_back(tracker) or ABOUT_PERSON.search(about) else None
        if handoff is not None:
            return await store(dispatcher, tracker, {**pending, "target": "handoff", "handoff_id": handoff})
        return await store(dispatcher, tracker, {**pending, "target": "conversation"})


async def _no_score(
    dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict, asked_how: bool
) -> list[EventType]:
    """No rating given: how to rate ("怎么给差评"), the answer to a question read as feedback, or how to file.

    A wish to rate without a score ("我的贷款申请办好了，想打个分") is asked the score; the next message's score rates
    what the wish named.
    """
    text = str(tracker.latest_message.get("text") or "")
    if not asked_how and suggests(text):  # "我有个建议，…": filed as a 诉求 with a number
        return [FollowupAction("action_route_appeal")]
    if not asked_how and wants_to_rate(text):
        dispatcher.utter_message(text=ASK_SCORE)
        return [SlotSet(PENDING, None)]
    if not asked_how and is_question(text):  # "电话号码要填几个数字", read as feedback
        return await answer_question(dispatcher, tracker, domain)
    dispatcher.utter_message(text=HOW_TO_RATE if asked_how else NO_SCORE)
    return []


async def store(dispatcher: CollectingDispatcher, tracker: Tracker, rating: dict[str, Any]) -> list[EventType]:
    """Send the rating to the service and tell the user what was stored (and the follow-up, for 1–2 stars)."""
    done: list[EventType] = [SlotSet(PENDING, None), SlotSet("rating_number", None), SlotSet("rating_id_last6", None)]
    body: dict[str, Any] = {"score": rating["score"], "comment": rating.get("comment")}
    try:
        if rating["target"] == "application":
            if rating.get("id_last6"):
                body["id_last6"] = rating["id_last6"]
            stored = await post_json(f"/api/v1/applications/{rating['number']}/rating", body, tracker_headers(tracker))
        else:
            body.update(
                target=rating["target"], conversation_id=tracker.sender_id, channel=tracker.get_latest_input_channel()
            )
            if rating.get("handoff_id") is not None:
                body["handoff_id"] = rating["handoff_id"]
            stored = await post_json("/api/v1/ratings", body, tracker_headers(tracker))
    except Conflict as conflict:
        dispatcher.utter_message(text=_conflict_text(conflict, rating))
        return done
    except NotFound:
        dispatcher.utter_message(
            text="申请编号和身份证后6位没有对上，这次评价没有保存。核对后可以再说一次，例如“五星好评”。"
        )
        return done
    except TooManyAttempts:
        dispatcher.utter_message(text="验证失败次数过多，这次评价没有保存，请稍后再试，或说“转人工”。")
        return done
    except (Rejected, ServiceUnavailable):
        dispatcher.utter_message(text="抱歉，评价系统暂时连不上，这次评价没有保存，请稍后再试。")
        return done
    owner = gateway.OPENID_HEADER in tracker_headers(tracker)
    dispatcher.utter_message(text=_stored_text(rating, stored, owner))
    followup = stored.get("followup")
    return [*done, SlotSet("last_appeal_number", followup)] if followup and owner else done


def _what(rating: dict[str, Any]) -> str:
    if rating["target"] == "application":
        return f"对{the_application(rating['number'])}的评价"
    return "对人工服务的评价" if rating["target"] == "handoff" else "对这次对话的评价"


def _stored_text(rating: dict[str, Any], stored: dict[str, Any], owner: bool) -> str:
    """What was stored; for 1–2 stars the follow-up (its status can be asked by its owner, a logged-in user)."""
    score = int(rating["score"])
    what = f"{_what(rating)}（{score}星）已记录"
    followup = stored.get("followup")
    if score > 2 or not followup:
        return f"感谢您的评价！{what}，我们会继续把服务做好。"
    message = str(stored.get("message") or "")
    text = f"很抱歉这次没让您满意。{what}，并已登记整改回访，编号{followup}，工作人员会核实改进并回访您。"
    if message and followup in message:
        text = f"{what}。{message}"  # the service's sentence apologises and names the follow-up
    if not owner:
        return text
    return text + f"\n想了解进展，随时说“我的投诉处理得怎么样了”，并提供编号{followup}。"


def _conflict_text(conflict: Conflict, rating: dict[str, Any]) -> str:
    if conflict.code == "not_finished":
        return (
            f"{the_application(rating.get('number', ''))}还没有全部办结，办结后才能评价（好差评），这次评价没有保存。"
            "办结后查进度时我会提醒您；办理中遇到问题，可以说“我要投诉”登记。"
        )
    if conflict.code == "already_rated":
        if rating["target"] == "application":
            return "这份申请已经评价过了，每份申请只能评价一次。感谢您的反馈！"
        return "您已经评价过了，感谢您的反馈！"
    return conflict.message or "这次评价没有保存，请稍后再试。"


class ValidateRatingForm(FormValidationAction):
    """The application's number and the applicant's ID digits for a rating."""

    def name(self) -> str:
        """Action name used in the domain."""
        return "validate_rating_form"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[EventType]:
        """Fill the number and digits the message gives; a failed answer is asked again with more help."""
        requested = tracker.get_slot("requested_slot")
        heard = requested is not None and just_heard_user(tracker)
        text = str(tracker.latest_message.get("text") or "") if heard else ""
        entities = list(tracker.latest_message.get("entities") or []) if heard else []
        number = application_number(text, entities) or tracker.get_slot("rating_number")
        last6 = (id_last6(text) if number else None) or tracker.get_slot("rating_id_last6")
        if number and not last6 and gateway.OPENID_HEADER in tracker_headers(tracker):
            last6 = "owner"
        events: list[EventType] = [
            SlotSet(s, v) for s, v in (("rating_number", number), ("rating_id_last6", last6)) if v
        ]
        if (requested == "rating_number" and not number) or (requested == "rating_id_last6" and not last6):
            events.append(SlotSet(str(requested), None))
        next_slot = "rating_number" if not number else "rating_id_last6" if not last6 else None
        return [*events, SlotSet("requested_slot", next_slot)]


class ActionSubmitRating(Action):
    """Store the rating the form verified."""

    def name(self) -> str:
        """Action name used in the domain."""
        return "action_submit_rating"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[EventType]:
        """The pending rating with the number and digits just given."""
        pending = dict(tracker.get_slot(PENDING) or {})
        number, last6 = tracker.get_slot("rating_number"), tracker.get_slot("rating_id_last6")
        if not pending or not number:
            return [SlotSet(PENDING, None)]
        rating = {**pending, "target": "application", "number": number}
        if last6 and last6 != "owner":
            rating["id_last6"] = last6
        return await store(dispatcher, tracker, rating)
