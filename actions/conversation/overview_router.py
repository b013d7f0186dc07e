"""The overview for "what is it / which items / where"; a specific question goes to the knowledge base.

``ask_bundle_overview`` is given the 8-item overview only when the question is about the bundle as a whole: a
specific topic ("几个人合伙能注册成啥", "办到哪一步在哪看", "来长沙创业有地方住吗") or a question the knowledge
base answers with an item's entry is answered; short follow-ups right after the overview are read against it.
"""

import re
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.conversation import context
from actions.conversation.context import ENTRY_POINTS, HOW_LONG, WHERE, WHOLE_TIME, previous_action
from actions.conversation.plain_answers import said_plainly
from actions.conversation.replies import answer_question
from actions.eligibility.past_places import without_past_places
from actions.knowledge import knowledge_client
from actions.knowledge.query_text import WHAT_ABOUT
from actions.knowledge.questions import ANSWERED
from actions.progress.progress import forgot_number, forgotten_number
from actions.service_client import ServiceUnavailable

# What the form asks, how a field is filled, rating ("那张采集的表要写哪些", "电话那格有什么讲究", "在哪打星"): a
# specific question, never the overview again.
SPECIFIC_TOPIC = re.compile(
    r"部门|材料|表格|信息采集表|身份证|并联|串联|合作社|公司|个体|企业|节省|省了|以前|原来|效率|数据库|共享|时限|多久|几天|"
    r"天数|费用|收费|多少钱|区别|跑几次|证照|电子|工作日|周末|节假日|假期|放假|国庆|春节|调休|"
    r"意思|是什么|啥是|百分|压缩|缩短|类型|几种|哪几类|哪些类|只办|只申请|其中|单独|并行|并联|"
    r"采集|填什么|填啥|填哪|写什么|写啥|写哪|内容|要求|讲究|那格|那栏|那一栏|电话|手机号|评价|打分|打星|好评|差评|"
    r"注册成|注册个|能注册|进度|办到|哪一步|住|"  # "合伙种果树能注册成啥", "办到哪一步在哪看", "来长沙创业有地方住吗"
    # a station, someone newly arrived, a field of the form ("刚到长沙的人去哪个驿站", "网上和窗口填的是同一张表吗")
    r"接待站|驿站|落地|外省|外地|刚来|刚到|人员类别|类别|空着|不填|留空|一张表|同一张|同一个表|"
    # what the overview does not state ("一件事哪年开始搞的", "依据的是哪个文件", "文号多少"): searched, maybe declined
    r"哪年|哪一年|(?:什么|啥)时候(?:开始|实施|推出|出台|施行|有的)|何时|开始实施|实施|施行|出台|发布|文号|文件|依据|出处|红头"
)


def _text(tracker: Tracker) -> str:
    return str(tracker.latest_message.get("text") or "").strip()


def _entities(tracker: Tracker) -> list[dict[str, Any]]:
    return list(tracker.latest_message.get("entities") or [])


async def about_an_item(text: str) -> bool:
    """Whether the knowledge base answers ``text`` with one item's entry (not the bundle's): then not the overview.

    Unreachable: False (the overview stands).
    """
    try:
        answer = await knowledge_client.ask({"query": text, "record_unanswered": False})
    except ServiceUnavailable:
        return False
    best = next((h for h in answer.get("hits") or [] if h.get("kind") != "out_of_scope"), None)
    return answer.get("status") in ANSWERED and best is not None and best.get("item") is not None


class ActionRouteOverview(Action):
    """The overview for "what is it / which items / where"; short follow-ups after it are read against it."""

    def name(self) -> str:
        """Action name used in the domain."""
        return "action_route_overview"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[EventType]:
        """Say the overview, the entry points, the time limits, or the knowledge base's answer."""
        text = _text(tracker)
        if forgot_number(text):  # "申请编号在哪里看": where the number is, not where to apply
            return await forgotten_number(dispatcher, tracker)
        done = [SlotSet("after_overview", False)]  # the rules expect it reset after every answer here
        if (plain := await said_plainly(dispatcher, tracker)) is not None:
            return [*done, *plain]  # "啥意思", "找谁", "谁能办" right after the overview: not the overview again
        named_item = any(e.get("entity") == "item" for e in _entities(tracker))
        after = bool(tracker.get_slot("after_overview")) and previous_action(tracker) == "action_route_overview"
        follow_up = len(text) <= 10 and "一件事" not in text
        in_context = bool(tracker.get_slot("item")) and follow_up and not after
        whom = bool(context.WHO_HANDLES.search(text))  # "去哪个部门办": the department
        bare = context.bare_where(text) or bool(context.OFFLINE.search(text))  # "在哪儿办理入住": its own subject
        where_only = WHERE.search(text) and len(text) <= 20 and bare and not SPECIFIC_TOPIC.search(text)
        if not (named_item or in_context or whom) and where_only:
            where = context.fixed_reply(tracker, False) or ENTRY_POINTS  # "线下呢": the window
            dispatcher.utter_message(text=await knowledge_client.elsewhere(without_past_places(text)) or where)
            return done
        if after and not named_item and HOW_LONG.search(text) and not context.REDUCTION.search(text):
            dispatcher.utter_message(text=await knowledge_client.elsewhere(without_past_places(text)) or WHOLE_TIME)
            return done
        intent = (tracker.latest_message.get("intent") or {}).get("name")
        asks_about = after and bool(WHAT_ABOUT.match(text))  # "现在呢", "线下呢": about the overview, not it again
        specific = intent != "ask_bundle_overview" or named_item or in_context or asks_about
        # "残疾人开店有啥照顾" read as the overview: the item's entry answers it
        if specific or SPECIFIC_TOPIC.search(text) or await about_an_item(text):
            return [*done, *await answer_question(dispatcher, tracker, domain)]
        # "房贷能在一件事里办吗": another service asked as part of the bundle is declined, not given the overview;
        # "我在东莞厂里干了好多年，回来…要办哪些手续": where the person worked is their past, not the policy asked
        if declined := await knowledge_client.elsewhere(without_past_places(text), margin=0.0):
            dispatcher.utter_message(text=declined)
        else:
            dispatcher.utter_message(response="utter_bundle_overview")
        return done if declined else [SlotSet("after_overview", True), SlotSet("item", None)]  # about the bundle
