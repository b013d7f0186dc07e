"""Routers: a question about a thing is answered; only a request to act opens a form.

One router per module: the progress check's is :mod:`actions.progress.progress_router`, the eligibility check's
:mod:`actions.eligibility.eligibility_router`, the overview's :mod:`actions.conversation.overview_router` (imported
here for the callers that name them by this module). Here: the complaint reply (only on an explicit complaint),
small talk (a short follow-up the NLU took for a greeting is answered) and out-of-scope (never the same decline
three times; a question in our words is searched first).
"""

import re
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.appeals.appeals import start_appeal
from actions.appeals.suggestions import suggests
from actions.conversation import courtesy
from actions.conversation.context import odd_input_reply
from actions.conversation.followups import follow_up
from actions.conversation.overview_router import SPECIFIC_TOPIC, ActionRouteOverview
from actions.conversation.replies import (
    OUT_OF_SCOPE,
    answer_question,
    answer_when_found,
    is_question,
    person_due,
    varied,
)
from actions.eligibility import what_is_asked
from actions.eligibility.eligibility_router import ASK_MATCH, WHAT_CAN_I_GET, ActionRouteEligibility
from actions.knowledge.questions import routed
from actions.progress.progress import forgot_number, forgotten_number
from actions.progress.progress_router import ActionRouteProgress, credit_told, wants_own

__all__ = [  # the routers and words other modules and tests name by this module
    "ASK_MATCH",
    "SPECIFIC_TOPIC",
    "WHAT_CAN_I_GET",
    "ActionOutOfScope",
    "ActionRouteComplaint",
    "ActionRouteEligibility",
    "ActionRouteOverview",
    "ActionRouteProgress",
    "ActionRouteSmallTalk",
    "wants_own",
]

COMPLAINT = re.compile(
    r"投诉|差评|态度|不满|生气|气死|太差|很差|真差|太慢|垃圾|骗|举报|敷衍|没人管|不负责|破|烂|忽悠|推来推去|踢皮球|反映|"
    r"听不懂|答非所问|没用|废物|傻"
)
# Words of a real greeting or of asking who answers: never read as a follow-up question about the last answer.
SMALL_TALK = re.compile(
    r"你好|您好|在吗|在不在|哈喽|嗨|早上好|下午好|晚上好|机器人|真人|人工|智能|AI|ai|你是谁|你是什么|客服"
)
# A greeting opening a message ("hello，GYB course要收钱吗", "您好 请问补贴多久到账"): what follows is the message.
GREETING_FIRST = re.compile(
    r"^\s*(?:你好|您好|hello|hi|hey|哈喽|哈罗|嗨|喂|在吗|在不在|早上好|上午好|下午好|晚上好)(?![A-Za-z])"
    r"[啊呀呢哦吖哈,，.。!！~～\s]*",
    re.IGNORECASE,
)
# Where or on which site something is done ("笔记本上能在哪个网页申请"): a question about the way in, whenever it comes.
WHERE_ONLINE = re.compile(r"在哪|哪里|哪儿|去哪|哪个网|网站|网址|网页|电脑上|笔记本|手机上|平台|App|APP|app|小程序")
DIDNT_GET_IT = (
    "不好意思，我没太明白您的意思。能换个说法再说一次吗？比如“创业补贴有多少”或“我想申请创业贷款”。",
    "还是没太明白。您可以：1. 问政策（例如“贷款最多多少”）；2. 说“我要申请”；3. 发申请编号查进度；4. 说“转人工”。",
    "抱歉没能帮上。说“转人工”会有工作人员在这里回复您，或拨打12345政务服务便民热线。",
)


# Words of the bundle's own business in a question the NLU called out of scope ("周末算不算工作日", "快超期时灯是啥色",
# "去哪儿申请，表要填几张"); the knowledge base still declines what is not ours.
OURS = re.compile(
    r"工作日|周末|节假日|法定假|放假|国庆|春节|调休|办结|时限|一件事|湘易办|信息采集表|免提交|免申即享|并联|"
    r"红灯|黄灯|绿灯|亮灯|灯是|灯变|啥色|什么色|颜色|采集表|几张表|几份表|表有几|填表|哪(?:里|儿)?(?:去)?申请"
)
# Starting up or the state's support, said with a question what support there is: the eligibility router's.
SUPPORT_ASKED = re.compile(r"创业|干点事|干点啥|自己干|开店|开个|做生意|做买卖|当老板|个体|国家|政府|公家|政策")
# Entities that make a question ours: an item, a person category, a business type.
OUR_ENTITIES = frozenset({"item", "person_category", "business_type"})


def _names_ours(tracker: Tracker) -> bool:
    return any(e.get("entity") in OUR_ENTITIES for e in _entities(tracker))


def _text(tracker: Tracker) -> str:
    return str(tracker.latest_message.get("text") or "").strip()


def _entities(tracker: Tracker) -> list[dict[str, Any]]:
    return list(tracker.latest_message.get("entities") or [])


class ActionRouteComplaint(Action):
    """The complaint reply only on an explicit complaint; otherwise a question is answered."""

    def name(self) -> str:
        """Action name used in the domain."""
        return "action_route_complaint"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[EventType]:
        """Acknowledge the complaint, answer the question, or ask again (varied, offering a person)."""
        text = _text(tracker)
        if COMPLAINT.search(text):
            dispatcher.utter_message(response="utter_complaint_received")
            return []
        if (answered := await follow_up(dispatcher, tracker, domain)) is not None:
            return answered
        if is_question(text):
            return await answer_question(dispatcher, tracker, domain)
        dispatcher.utter_message(text=person_due(tracker) or varied(tracker, DIDNT_GET_IT))
        return []


class ActionRouteSmallTalk(Action):
    """A greeting or "are you a bot"; a short follow-up the NLU took for one ("在哪办", "交给谁") is answered."""

    def name(self) -> str:
        """Action name used in the domain."""
        return "action_route_small_talk"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[EventType]:
        """Answer a follow-up of the previous answer when the knowledge base has one; else greet or say who I am."""
        text = _text(tracker)
        if (asked := _after_greeting(tracker)) is not None:  # greeted only when nothing else is said
            return await answer_question(dispatcher, asked, domain)
        if not SMALL_TALK.search(text) and (answered := await follow_up(dispatcher, tracker, domain, True)) is not None:
            return answered
        if not SMALL_TALK.search(text) and WHERE_ONLINE.search(text) and is_question(text):
            return await answer_question(dispatcher, tracker, domain)  # "电脑上在哪个网页能申请": where, not small talk
        if (tracker.latest_message.get("intent") or {}).get("name") == "bot_challenge":
            dispatcher.utter_message(response="utter_iamabot")
        else:
            dispatcher.utter_message(response="utter_greet")  # named here, so `make validate` sees it used
        return []


def _after_greeting(tracker: Tracker) -> Tracker | None:
    """The conversation with its latest message cut to the question after an opening greeting, else ``None``."""
    said = str(tracker.latest_message.get("text") or "")
    opening = GREETING_FIRST.match(said)
    rest = said[opening.end() :] if opening else ""
    if not opening or len(rest.strip()) < courtesy.MIN_QUESTION or not is_question(rest):
        return None
    return courtesy.asking_only(tracker, opening.end())


class ActionOutOfScope(Action):
    """Decline politely; a repeat gets choices, then a person; "编号我忘了" is helped, not declined."""

    def name(self) -> str:
        """Action name used in the domain."""
        return "action_out_of_scope"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[EventType]:
        """Never the same reply three times in a row."""
        if (helped := await _helped_first(dispatcher, tracker)) is not None:
            return helped
        # "你到底会干啥", "什么破机器人", "帮我的店起个名": what the assistant is and does, or an honest decline
        replied = courtesy.answered_as_about_assistant(dispatcher, _text(tracker))
        if not replied and (odd := odd_input_reply(_text(tracker))):  # "???", "😂", "hello can you help"
            dispatcher.utter_message(text=person_due(tracker) or varied(tracker, (odd, *OUT_OF_SCOPE[1:])))
            replied = True
        if replied:
            return []
        if (answered := await follow_up(dispatcher, tracker, domain, only_answers=True)) is not None:
            return answered  # a follow-up the NLU took for small talk, with a real answer in context
        if SUPPORT_ASKED.search(text := _text(tracker)) and what_is_asked.WHAT_FITS.search(text) and is_question(text):
            return await routed(ActionRouteEligibility(), dispatcher, tracker, domain)  # "国家有啥扶持": ours
        if is_question(text) and (_names_ours(tracker) or OURS.search(text)):
            return await answer_question(dispatcher, tracker, domain)  # "开网店的能贷款吗": ours; the KB says if not
        return await _declined_unless_found(dispatcher, tracker, domain)


async def _helped_first(dispatcher: CollectingDispatcher, tracker: Tracker) -> list[EventType] | None:
    """A forgotten number ("编号我忘了") or a suggestion ("建议你们乡镇也设个窗口": filed as 其他与意见建议)."""
    if forgot_number(_text(tracker)):
        return await forgotten_number(dispatcher, tracker)
    return start_appeal(dispatcher, tracker) if suggests(_text(tracker)) else None


async def _declined_unless_found(
    dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
) -> list[EventType]:
    """The knowledge base's answer to a question in words of its own ("她想当面去办，地点在哪"), else a decline.

    One's credit told ("我征信有点花，信用卡逾期过") is the loan's rule on credit; a question about credit cards is not.
    """
    text = _text(tracker)
    if not is_question(text) and (credit := await credit_told(dispatcher, tracker, domain, text)) is not None:
        return credit
    if (found := await answer_when_found(dispatcher, tracker, domain)) is not None:
        return found
    dispatcher.utter_message(text=person_due(tracker) or varied(tracker, OUT_OF_SCOPE))
    return []
