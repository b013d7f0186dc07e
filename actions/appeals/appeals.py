"""Complaints and requests (诉求): opening the form (filing and stopping it: :mod:`actions.appeals.appeal_filing`).

``action_route_appeal`` takes the ``complain`` intent: a complaint opens ``appeal_form`` seeded with every field
the message already gives; "我的投诉处理得怎么样了" opens ``appeal_status_form``; a question is answered. The
service owns numbering, categories, time limits and the answer to the user (``docs/closed_loop_api.md``).
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import ActiveLoop, EventType, FollowupAction, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.appeals.appeal_questions import answer_first
from actions.appeals.appeal_reading import NOT_MEANT, appeal_number, read_appeal, tells_a_complaint
from actions.appeals.rating_words import score_of, wants_to_rate
from actions.appeals.ratings import ActionRate
from actions.appeals.suggestions import suggests
from actions.conversation import context, filed_appeal
from actions.conversation.replies import answer_question, is_question, varied
from actions.eligibility import own_case, situation
from actions.knowledge import writing_requests
from actions.progress.progress import still_without_number
from actions.service_client import get_json, post_json, tracker_identity

FORM_SLOTS = (
    "appeal_description",
    "appeal_place_time",
    "appeal_application",
    "appeal_id_last6",
    "appeal_contact",
    "appeal_confirm",
)
WORKING_SLOTS = (*FORM_SLOTS, "appeal_category")
NONE = "none"  # the complaint concerns no application
SUGGESTION = "other"  # the category of a suggestion ("我有个建议，…"): the service's 其他与意见建议
CHANNEL = "channel"  # a verified login: staff answer in this conversation, no phone needed
# A promise not kept ("说好的3天，都一个星期了还没动静"): a grievance, never the age of a business.
BROKEN_PROMISE = r"说好的|说好了|答应(?:过|了|的)|承诺(?:过|了|的)|没(?:有)?动静|没个?信儿?|石沉大海"
GRIEVANCE = re.compile(
    rf"{BROKEN_PROMISE}|投诉|举报|反映|诉求|意见|建议|差评|态度|不满|生气|气死|太差|很差|真差|太慢|垃圾|骗|敷衍|没人管|不负责|忽悠|推来推去|"
    r"踢皮球|刁难|拖|跑了|白跑|没人理|不理|卡着|卡在|超时|超期|答非所问|乱回答"
)
STATUS = re.compile(
    r"怎么样了|咋样了|有结果|结果出来|处理到|进展|进度|状态|回复了|有回复|有人管|办结了|查一下|查查|查询|处理得"
)
EXPLICIT = re.compile(r"投诉|举报|诉求")
# A wish to file, and words of being wronged: a question with neither asks about complaints ("投诉几天有答复").
WANTS_TO_FILE = re.compile(
    r"(?:我要|我想|想要|要|想|帮我|给我|我们要|怎么|如何|去哪|在哪|哪里)(?:投诉|举报|反映|登记|告)"
)
WRONGED = re.compile(
    rf"{BROKEN_PROMISE}|态度|不满|生气|气死|差|慢|垃圾|骗|敷衍|没人管|不负责|忽悠|推来推去|踢皮球|刁难|拖|白跑|没人理|不理|卡着|卡在|"
    r"超时|超期|答非所问|乱回答|凭什么|为什么不|为啥不|怎么还没|怎么又"
)
FILING = re.compile(r"投诉|举报|反映|诉求|登记")
REQUEST = re.compile(r"诉求|建议|希望|能不能|可不可以|请求|呼吁")
INTRO = (
    "很抱歉给您带来不好的体验。我来帮您登记{kind}：说清楚发生了什么、在哪里什么时候、怎么联系您，"
    "登记后会给您一个编号和答复期限，工作人员会跟进处理。随时可以说“取消”或“转人工”。"
)
# A suggestion is thanked, not apologised for; where and when is not asked (appeal_plan.plan).
SUGGESTION_INTRO = (
    "感谢您的建议！我帮您记下来，登记为“其他与意见建议”类诉求，登记后会给您一个编号，可以凭编号查处理情况，"
    "工作人员会研究并答复您。随时可以说“取消”或“转人工”。"
)
# A bare "提交" right after a complaint the bot answered without filing: that complaint is filed now.
EARLIER_FILED = "好的，您刚才说的这件事还没有登记，现在就登记。"
# "我不是要投诉", "算了不投诉了" inside the form: nothing is filed, and what else the bot does instead.
NOT_A_COMPLAINT = (
    "好的，这件事不登记投诉了，刚才说的内容不会提交。我还能帮您：讲政策（例如“创业补贴有多少”）、帮您申请办理"
    "（说“我要申请”）、查询办理进度（发申请编号）；想找工作人员说“转人工”。"
)
DIDNT_GET_IT = (
    "不好意思，我没太明白您的意思。想投诉或反映问题的话，直接说“我要投诉”加上发生了什么就行。",
    "还是没太明白。您可以：1. 说“我要投诉”登记问题；2. 发诉求编号（SQ开头）查处理情况；3. 说“转人工”。",
    "抱歉没能帮上。说“转人工”会有工作人员在这里回复您，或拨打12345政务服务便民热线。",
)
# A time the user demands ("今天就要弄好"): written into the 诉求, and honestly no promise beyond the time limit.
DEMAND_NOTED = (
    "您要求“{demand}”，我会把这个要求写进诉求，请工作人员尽快处理；答复期限按规定执行，登记成功时会告诉您具体日期。"
)


def kind_of(text: str) -> str:
    """``request`` (诉求/建议) or ``complaint`` (投诉, the default)."""
    return "request" if REQUEST.search(text) and not re.search(r"投诉|举报", text) else "complaint"


def kind_label(kind: str) -> str:
    """投诉 or 诉求."""
    return "诉求" if kind == "request" else "投诉"


def asks_status(text: str) -> bool:
    """Whether the message asks how a filed complaint stands ("我的投诉处理得怎么样了", "SQ… 有结果了吗")."""
    return bool(appeal_number(text)) or bool(STATUS.search(text) and re.search(r"投诉|诉求|反映|举报|建议", text))


def has_openid(tracker: Tracker) -> bool:
    """The conversation is a verified WeChat / mini-program user's (staff can answer here)."""
    return tracker_identity(tracker).openid is not None


def reset_appeal() -> list[EventType]:
    """Events that forget the form's values (contact details do not linger in the tracker)."""
    return [SlotSet(slot, None) for slot in WORKING_SLOTS]


def start_appeal(
    dispatcher: CollectingDispatcher, tracker: Tracker, earlier: dict[str, Any] | None = None
) -> list[EventType]:
    """Open ``appeal_form`` with every field the latest message gives (the form asks only for the rest).

    Args:
        dispatcher: Where replies go.
        tracker: The conversation.
        earlier: The message to file instead of the latest (``text``, ``entities``): the complaint told one turn
            before a bare "提交" (:func:`actions.appeals.complaint_first.told_unfiled`).
    """
    said = earlier or tracker.latest_message
    text = str(said.get("text") or "")
    found = read_appeal(text, list(said.get("entities") or []))
    intro = SUGGESTION_INTRO if suggests(text) else INTRO.format(kind=kind_label(kind_of(text)))
    dispatcher.utter_message(text=(EARLIER_FILED + intro) if earlier else intro)
    if found.demand and not suggests(text):  # "希望周末也开放": a suggestion's time is no demand
        dispatcher.utter_message(text=DEMAND_NOTED.format(demand=found.demand))
    events: list[EventType] = [*reset_appeal(), ActiveLoop(None)]
    events += [SlotSet(slot, value) for slot, value in found.values.items()]
    if suggests(text):  # its label is the service's, looked up when the summary is shown (appeal_form._plan)
        events.append(SlotSet("appeal_category", {"category": SUGGESTION}))
    return [*events, FollowupAction("appeal_form")]


def explicit_appeal(dispatcher: CollectingDispatcher, tracker: Tracker) -> list[EventType] | None:
    """A complaint, a suggestion or a complaint's status in explicit words the NLU was unsure of.

    投诉/举报/诉求, a promise not kept, "我有个建议，…".
    """
    text = str(tracker.latest_message.get("text") or "")
    if not (EXPLICIT.search(text) or re.search(BROKEN_PROMISE, text) or suggests(text)):
        return None
    if asks_status(text):
        return [FollowupAction("appeal_status_form")]
    return start_appeal(dispatcher, tracker)


async def categories() -> list[dict[str, Any]]:
    """The service's categories (code, label, time limit), in its order."""
    return list((await get_json("/api/v1/appeals/categories")).get("categories") or [])


async def classify(text: str) -> dict[str, Any]:
    """The service's proposed category for ``text``: ``{"category", "label", "matched", "alternatives"}``."""
    return dict(await post_json("/api/v1/appeals/classify", {"text": text[:2000]}))


class ActionRouteAppeal(Action):
    """``complain``: a complaint opens the form, a status question the status form, a question is answered."""

    def name(self) -> str:
        """Action name used in the domain."""
        return "action_route_appeal"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[EventType]:
        """Route the message (see the class); right after a filing, "你们会回访吗" is answered, not filed again."""
        if not (tracker.active_loop or {}).get("name") and (said := filed_appeal.reply_after_filing(tracker)):
            dispatcher.utter_message(text=said)
            return []
        from actions.appeals.complaint_first import told_unfiled  # it imports this module: imported when run

        if (earlier := told_unfiled(tracker)) is not None:  # "提交" after a complaint answered, not filed: that one
            return start_appeal(dispatcher, tracker, earlier)
        text = str(tracker.latest_message.get("text") or "").strip()
        if suggests(text) and not asks_status(text):  # "我有个建议，…", "提个意见": filed, asked nothing
            return start_appeal(dispatcher, tracker)
        judged = None if GRIEVANCE.search(text) else await own_case.fact_after_verdict(dispatcher, tracker, domain)
        if judged is None and not GRIEVANCE.search(text) and own_case.asks_to_be_matched(text):
            judged = await own_case.answer(dispatcher, tracker, domain)  # "…想自己干 帮我看下": verdicts, no filing
        if judged is not None:  # "还没开业呢，场地都没定" right after a verdict: a fact, judged again, nothing to file
            return judged
        return await self._route(dispatcher, tracker, domain)

    @staticmethod
    async def _route(dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[EventType]:
        text = str(tracker.latest_message.get("text") or "").strip()
        if (other := _not_a_complaint(tracker, text)) is not None:
            return await _elsewhere(dispatcher, tracker, domain, other)
        rates = score_of(text) is not None or wants_to_rate(text)
        if rates and not FILING.search(text):  # "给个差评，答非所问", "想给这次服务打个分": a rating
            return await ActionRate().run(dispatcher, tracker, domain)
        unmeant = bool(NOT_MEANT.search(text))  # "我没说要投诉啊": no complaint; what else the bot does
        if GRIEVANCE.search(text) and not unmeant:
            await answer_first(dispatcher, tracker, text)  # "柜台说贷款顶多8万，是不是瞎说": the policy first
            return start_appeal(dispatcher, tracker)
        if is_question(text):
            return await answer_question(dispatcher, tracker, domain)
        if len(text) >= 8 and not unmeant:  # a grievance in words the patterns do not know: still worth filing
            return start_appeal(dispatcher, tracker)
        dispatcher.utter_message(text=NOT_A_COMPLAINT if unmeant else varied(tracker, DIDNT_GET_IT))
        return []


async def _elsewhere(
    dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict, action: str
) -> list[EventType]:
    """Hand the message to ``action``; a question is answered here, in this turn.

    Answered through a follow-up action, no rule covered what came after it, and the policies added the
    low-confidence reply ("没太明白") under the answer.
    """
    if action == "action_answer_question":
        return await answer_question(dispatcher, tracker, domain)
    if action == "action_about_assistant":
        from actions.conversation.courtesy import ActionAboutAssistant  # it imports the routers: imported when run

        return await ActionAboutAssistant().run(dispatcher, tracker, domain)
    if action == "action_route_progress":
        from actions.knowledge.questions import route_in_place  # the routers answer through here: imported when run

        return await route_in_place("progress", dispatcher, tracker, domain)
    return [FollowupAction(action)]


def faults_the_assistant(text: str) -> bool:
    """Whether the message finds fault with the assistant itself ("什么破机器人"), not asking to file a complaint."""
    from actions.conversation.courtesy import about_assistant  # it imports the routers: imported when run

    return about_assistant(text) == "faulted" and not EXPLICIT.search(text) and score_of(text) is None


def _aside(text: str) -> str | None:
    """Who answers a remark that files nothing: "什么破机器人" (sorry, and a person), "我再考虑考虑" (not now).

    A writing request ("帮我写一份年终总结") is declined there too, never a complaint.
    """
    if faults_the_assistant(text) or writing_requests.asks_to_write(text):
        return "action_about_assistant"
    if context.HESITATING.search(text) and not GRIEVANCE.search(text):
        return "action_route_courtesy"
    return None


def _not_a_complaint(tracker: Tracker, text: str) -> str | None:
    """Where a message the NLU read as a complaint belongs instead: a 诉求's status, or facts for the check.

    "店还没开，准备下月开", "我哪类都挨不上": the person's situation, said without a grievance, answers the
    eligibility check (``action_route_eligibility``), never opens a complaint.
    """
    if (aside := _aside(text)) is not None:
        return aside
    if (status := asks_status(text)) or still_without_number(tracker):
        # "我的投诉怎么样了": its status; "翻遍了也没有" right after where the number is: a way on, no complaint
        return "appeal_status_form" if status else "action_route_progress"
    asks = is_question(text) or context.relayed_question(tracker)  # "他想打听外省开店的补贴": a relayed question
    told = tells_a_complaint(text)  # "来电人反映窗口不讲还缺哪样": told, though a clause asks
    if asks and not (WANTS_TO_FILE.search(text) or WRONGED.search(text) or told):
        return "action_answer_question"  # "上回反映的问题一般几天给答复": a question about complaints
    if context.goes_in_person(text) and not GRIEVANCE.search(text):  # "手机上弄太麻烦了，我去大厅"
        return "action_start_application"  # it tells how to go in person (conversation/followups.py), files nothing
    entities = list(tracker.latest_message.get("entities") or [])
    if not GRIEVANCE.search(text) and situation.read(text, entities, date.today()).profile:
        return "action_route_eligibility"
    return None
