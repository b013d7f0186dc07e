"""Routers: a question about a thing is answered; only a request to act opens a form.

``check_progress`` opens the progress form only for the user's own application (or a CY number); "红灯是什么意思"
is answered. ``check_eligibility`` opens the eligibility form only for "what can I get"; "can I get X" with the
person's situation is answered by :mod:`actions.eligibility.item_eligibility`. The overview is for "what is it / which
items / where"; a specific question goes to the knowledge base. The complaint reply needs an explicit complaint.
"""

import re
from datetime import date
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, FollowupAction, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.appeals.appeals import BROKEN_PROMISE, asks_status
from actions.application.form_questions import answer_besides, question_besides
from actions.conversation import context, courtesy, question_shape
from actions.conversation.context import ENTRY_POINTS, HOW_LONG, WHERE, WHOLE_TIME, odd_input_reply, previous_action
from actions.conversation.followups import follow_up
from actions.conversation.plain_answers import said_plainly
from actions.conversation.replies import (
    OUT_OF_SCOPE,
    answer_question,
    answer_when_found,
    is_question,
    person_due,
    varied,
)
from actions.conversation.waited_long import SORRY_TO_WAIT, waited_long
from actions.eligibility import item_eligibility, own_case, situation
from actions.knowledge import knowledge_client, writing_requests
from actions.knowledge.query_text import WHAT_ABOUT
from actions.knowledge.questions import routed
from actions.progress.progress import NUMBER, forgot_number, forgotten_number, still_without_number

# A question that still asks for the user's own application: a request to check, or its status.
CHECK_MINE = re.compile(r"帮我查|给我查|帮忙查|替我查|帮我看看|查一下|查查|查下|查询一下|看一下我")
OWN_STATUS = re.compile(
    r"(?:我的|我家|我们的|我那个|我那件|我申请|我提交|我交的|我办的|我报的).*"
    r"(?:办到哪|到哪一步|到哪了|批了没|批下来没|有结果|怎么样了|进展|进度|状态|好了没|通过了|下来了)"
)
# "提交完怎么知道办到哪了", "交了以后去哪看进度": how to follow an application still to be filed, a question.
FOLLOW_LATER = re.compile(
    r"(?:提交|交|申请|报)(?:完|好|上去|了以后|之后|以后|后)[^，,。；;]*?"
    r"(?:怎么|如何|去哪|哪里|在哪|哪儿|能不能|可以|会不会|多久|几天|什么时候|啥时候)"
)
# What a check is about: the application ("帮我看看办到哪了"), or something else ("帮我看看这个政策").
PROGRESS_WORDS = re.compile(r"进度|办到|到哪|结果|状态|审批|批了|批下|批没|办件|编号|申请|办的|通过|好了没|怎么样了")
OTHER_THING = re.compile(
    r"政策|条件|规定|材料|流程|文件|通知|标准|内容|要求|意思|补贴|贷款|培训|执照|社保|孵化|怎么办|怎么弄"
)
# Words that ask for the check itself ("帮我匹配", "测一下", "看看我的资格"): with no situation or question, the
# eligibility form opens only on them.
CHECK_WISH = re.compile(r"帮我|给我|替我|看看|看一下|测|评估|匹配|查查|算算|核实|对照|资格|检查|审核|符不符|能不能")
# "那刚才的提交了没" right after a stop: whether anything was filed.
SUBMITTED = re.compile(r"提交|交上|交了|报上|申请上|成功|办上")
NOT_SUBMITTED = "没有提交：刚才的申请已经取消，填写的内容也已清除。想办的话随时说“我要申请”，我帮您重新填。"
# Asking to be checked ("帮我匹配", "我能享受哪些", "她够得上哪些"), not only what support there is ("国家有啥扶持").
ASKS_TO_BE_CHECKED = re.compile(
    CHECK_WISH.pattern + r"|[我她他](?:们)?(?:还|也)?(?:能|可以|够|符合|算)|够得上|够得着|轮得到"
)
# How a benefit is given ("有没有不用申请自动发的补贴", "哪些补贴能直接到账"): a question about the policy (免申即享),
# not what this person can get.
HOW_GIVEN = re.compile(
    r"不用(?:自己)?(?:去)?申请|不需要(?:自己)?(?:去)?申请|无需申请|不申请|免申|自动(?:发|给|到账|拨|打|推|享受)"
    r"|直接(?:发|给|打到|到账|推)|一键"
)
# "我符合条件吗", "我能享受哪些": the eligibility check, not a policy question.
ASK_MATCH = re.compile(r"符合|够条件|够不够|有资格|够格|能不能享受|能享受吗|可以享受吗|能申请哪|可以申请哪")
ABOUT_PROGRESS = re.compile(
    r"什么意思|是什么|代表|说明|意味|区别|怎么查|如何查|哪里查|在哪查|去哪查|能不能查|可以查|怎么看|能查"
)
# "那我先把证办了", "先弄执照吧": doing an item now (with no word of a status: STATUS_WORDS).
DO_FIRST = re.compile(r"先(?:把|办|弄|去|申请|搞)|(?:办|弄|申请|搞)(?:一下|了吧|吧)")
STATUS_WORDS = re.compile(r"进度|到哪|结果|状态|审批|批了|批下|编号|怎么样了|好了没|通过")
# "我的进度要怎么查询", "申请了以后去哪看进度": how one checks, answered (number + ID digits, or the logged-in account)
# before any number is asked for; "帮我查一下" is a request (CHECK_MINE).
HOW_TO_CHECK = re.compile(
    r"(?:怎么|怎样|如何|咋|在哪|去哪|哪里|哪儿)(?:样|才能|能|可以|里|儿)?(?:查|看|查询|查看)(?!一下)"
)
# "我的进度显示需补正，啥意思": what something shown means, a question even about the user's own application.
MEANING = re.compile(r"(?:什么|啥|几个)意思|代表(?:什么|啥)|意味着|是指")
WHAT_CAN_I_GET = situation.WHAT_CAN_I_GET
# "我是残疾人想开个修鞋摊能借钱吗": borrowing, in this domain, is the guaranteed loan.
BORROW = re.compile(r"借钱|借款|借点钱|贷点钱|能贷|可以贷")
# What the form asks, how a field is filled, rating ("那张采集的表要写哪些", "电话那格有什么讲究", "在哪打星"): a
# specific question, never the overview again.
SPECIFIC_TOPIC = re.compile(
    r"部门|材料|表格|信息采集表|身份证|并联|串联|合作社|公司|个体|企业|节省|省了|以前|原来|效率|数据库|共享|时限|多久|几天|"
    r"天数|费用|收费|多少钱|区别|跑几次|证照|电子|工作日|周末|节假日|假期|放假|国庆|春节|调休|"
    r"意思|是什么|啥是|百分|压缩|缩短|类型|几种|哪几类|哪些类|只办|只申请|其中|单独|并行|并联|"
    r"采集|填什么|填啥|填哪|写什么|写啥|写哪|内容|要求|讲究|那格|那栏|那一栏|电话|手机号|评价|打分|打星|好评|差评"
)
# "投诉一下，CY…办了两周还没动", "CY…超期了我要反映": filing a complaint, whatever number it carries.
FILES_COMPLAINT = re.compile(r"投诉|举报|反映|要告")
COMPLAINT = re.compile(
    r"投诉|差评|态度|不满|生气|气死|太差|很差|真差|太慢|垃圾|骗|举报|敷衍|没人管|不负责|破|烂|忽悠|推来推去|踢皮球|反映|"
    r"听不懂|答非所问|没用|废物|傻"
)
# Words of a real greeting or of asking who answers: never read as a follow-up question about the last answer.
SMALL_TALK = re.compile(
    r"你好|您好|在吗|在不在|哈喽|嗨|早上好|下午好|晚上好|机器人|真人|人工|智能|AI|ai|你是谁|你是什么|客服"
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


def wants_own(text: str) -> bool:
    """The user asks to see their own application ("帮我查一下", "我的申请怎么样了"), not about progress in general.

    Not when the application is still to come ("提交完怎么知道办到哪了": how to follow it later) or what is to be
    looked at is a policy ("帮我看看这个政策").
    """
    if FOLLOW_LATER.search(text):
        return False
    if CHECK_MINE.search(text) and (PROGRESS_WORDS.search(text) or not OTHER_THING.search(text)):
        return True
    return bool(OWN_STATUS.search(text))


def _text(tracker: Tracker) -> str:
    return str(tracker.latest_message.get("text") or "").strip()


def _entities(tracker: Tracker) -> list[dict[str, Any]]:
    return list(tracker.latest_message.get("entities") or [])


def _does_first(text: str, entities: list[dict[str, Any]]) -> bool:
    """A plan to do an item ("那我先把证办了", "先弄执照吧") the NLU took for progress: no status word, no question."""
    named = any(e.get("entity") == "item" for e in entities) or "证" in text
    return named and bool(DO_FIRST.search(text)) and not STATUS_WORDS.search(text) and not is_question(text)


def _a_rule_not_a_check(text: str, situation_stated: bool) -> bool:
    """The message asks about a rule or states a fact ("逾期过还能贷吗", "我还有一笔经营贷没还完"), not for the check.

    Several questions, a wish to have something explained and how long it takes are answered too; the check opens
    for "what can I get", "do I qualify", a wish to be checked ("帮我匹配") or a situation stated without a question.
    """
    asks_check = bool(WHAT_CAN_I_GET.search(text) or ASK_MATCH.search(text))
    if (not situation_stated and HOW_LONG.search(text)) or len(question_shape.questions(text)) > 1:
        return True
    if not situation_stated and HOW_GIVEN.search(text) and is_question(text):
        return True  # "有没有啥补贴是不用自己申请就能拿到的": 免申即享, a rule
    if question_shape.wants_explained(text) or (is_question(text) and not asks_check):
        return True  # "帮我看看这个政策": no check to run
    return not (situation_stated or asks_check or CHECK_WISH.search(text))


class ActionRouteProgress(Action):
    """``check_progress``: the user's own application opens the form; a question about progress is answered."""

    def name(self) -> str:
        """Action name used in the domain."""
        return "action_route_progress"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[EventType]:
        """Open ``progress_form``, help with a forgotten number, or answer from the knowledge base."""
        text = _text(tracker)
        if asks_status(text) and not NUMBER.search(text):  # "我的投诉处理得怎么样了": a 诉求's status
            return [FollowupAction("appeal_status_form")]
        # "CY…拖了两周，我要投诉": a complaint about it, the number its application
        if sorry := waited_long(text) and not FILES_COMPLAINT.search(text):
            dispatcher.utter_message(text=SORRY_TO_WAIT)  # "等了半个月还没批下来": sorry, then the check
        if sorry or NUMBER.search(text) or any(e.get("entity") == "application_id" for e in _entities(tracker)):
            return [FollowupAction("action_route_appeal" if FILES_COMPLAINT.search(text) else "progress_form")]
        if (answered := await self._in_context(dispatcher, tracker, domain, text)) is not None:
            return answered
        if _does_first(text, _entities(tracker)):  # "那我先把就业创业证办了": to apply, not to check progress
            return [FollowupAction("action_start_application")]
        # "帮我看看这个政策": nothing of theirs to check; "我的进度显示需补正，啥意思": what it means
        explained = question_shape.wants_explained(text) or bool(MEANING.search(text))
        explained = explained or bool(HOW_TO_CHECK.search(text) and not CHECK_MINE.search(text))
        if not explained and (wants_own(text) or not (ABOUT_PROGRESS.search(text) or is_question(text))):
            if asked := question_besides(text):  # "帮我查进度，要带什么": the question too, then the form
                await answer_besides(dispatcher, tracker, asked)
            return [FollowupAction("progress_form")]
        return await answer_question(dispatcher, tracker, domain)  # "我的申请显示需补正，怎么办", "黄灯是不是超期"

    @staticmethod
    async def _in_context(
        dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict, text: str
    ) -> list[EventType] | None:
        """What the conversation so far makes of the message: a forgotten number, a follow-up, after a stop."""
        if forgot_number(text) or (still_without_number(tracker) and not wants_own(text)):
            return await forgotten_number(dispatcher, tracker)  # "还是找不到": a person, never the form again
        before = previous_action(tracker)
        if before == "action_cancel_application" and SUBMITTED.search(text) and is_question(text):
            dispatcher.utter_message(text=NOT_SUBMITTED)  # "那刚才的提交了没": nothing was filed
            return []
        if before == "action_show_progress" and not wants_own(text):
            return await follow_up(dispatcher, tracker, domain)  # "那什么时候能全部办完" about the result shown
        return None


async def _not_a_check(
    dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict, situation_stated: bool
) -> list[EventType] | None:
    """What the NLU took for the eligibility check but is none; else None.

    "说好的3天，都一个星期了" is a complaint, not a shop's age; "帮我起草一份商业计划书" is declined honestly;
    "四川回乡创业有啥扶持政策" or "公司能领扩岗补助吗" (another place's policy, another scheme) get the service's
    redirect; "贷4年行不行" (a loan figure, no situation) is answered by the limits.
    """
    text = _text(tracker)
    if re.search(BROKEN_PROMISE, text):
        return [FollowupAction("action_route_appeal")]
    if writing_requests.decline(dispatcher, text):
        return []
    if declined := await knowledge_client.named_elsewhere(text):
        dispatcher.utter_message(text=declined)
        return []
    if not situation_stated and question_shape.asks_whether_figure(text):
        return await answer_question(dispatcher, tracker, domain)
    return None


class ActionRouteEligibility(Action):
    """``check_eligibility``: "can I get X" is answered with the verdict; "what can I get" opens the form."""

    def name(self) -> str:
        """Action name used in the domain."""
        return "action_route_eligibility"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[EventType]:
        """Answer an item question, answer a where/how-long question, or seed and open ``eligibility_form``."""
        text, entities = _text(tracker), _entities(tracker)
        stated = situation.read(text, entities, date.today())
        if (other := await _not_a_check(dispatcher, tracker, domain, bool(stated.profile))) is not None:
            return other
        # "要带什么材料" right after an answer about an item; "我店开了两年了还能申请吗": the rules' verdict
        answered = None if stated.profile else await follow_up(dispatcher, tracker, domain)
        if answered is None:  # "我能享受哪些" after the person described themselves: the verdict on every item
            answered = await own_case.answer(dispatcher, tracker, domain)
        if answered is not None:
            return answered
        items = situation.items_asked(text, entities)
        if not items and stated.profile and BORROW.search(text):
            items = ["guaranteed_loan"]
        if items and not (WHAT_CAN_I_GET.search(text) and not stated.profile):
            return await item_eligibility.answer(dispatcher, tracker, domain, items, stated)
        if not stated.profile and WHERE.search(text):
            dispatcher.utter_message(text=await knowledge_client.elsewhere(text) or ENTRY_POINTS)
            return []
        if _a_rule_not_a_check(text, bool(stated.profile)):
            return await answer_question(dispatcher, tracker, domain)  # "逾期过还能贷吗": a rule, not a check
        plain = not (stated.profile or ASKS_TO_BE_CHECKED.search(text))  # "国家有啥扶持": what there is, then the check
        if plain and (support := await item_eligibility.support_overview()):
            dispatcher.utter_message(text=support)
        return [*await item_eligibility.seed_form(dispatcher, stated), FollowupAction("eligibility_form")]


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
        if not (named_item or in_context or whom) and WHERE.search(text) and len(text) <= 20 and bare:
            where = context.fixed_reply(tracker, False) or ENTRY_POINTS  # "线下呢": the window
            dispatcher.utter_message(text=await knowledge_client.elsewhere(text) or where)
            return done
        if after and not named_item and HOW_LONG.search(text) and not context.REDUCTION.search(text):
            dispatcher.utter_message(text=await knowledge_client.elsewhere(text) or WHOLE_TIME)
            return done
        intent = (tracker.latest_message.get("intent") or {}).get("name")
        asks_about = after and bool(WHAT_ABOUT.match(text))  # "现在呢", "线下呢": about the overview, not it again
        if intent != "ask_bundle_overview" or named_item or in_context or asks_about or SPECIFIC_TOPIC.search(text):
            return [*done, *await answer_question(dispatcher, tracker, domain)]
        # "房贷能在一件事里办吗": another service asked as part of the bundle is declined, not given the overview
        if declined := await knowledge_client.elsewhere(text, margin=0.0):
            dispatcher.utter_message(text=declined)
        else:
            dispatcher.utter_message(response="utter_bundle_overview")
        return done if declined else [SlotSet("after_overview", True), SlotSet("item", None)]  # about the bundle


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
        if not SMALL_TALK.search(text) and (answered := await follow_up(dispatcher, tracker, domain, True)) is not None:
            return answered
        if not SMALL_TALK.search(text) and WHERE_ONLINE.search(text) and is_question(text):
            return await answer_question(dispatcher, tracker, domain)  # "电脑上在哪个网页能申请": where, not small talk
        if (tracker.latest_message.get("intent") or {}).get("name") == "bot_challenge":
            dispatcher.utter_message(response="utter_iamabot")
        else:
            dispatcher.utter_message(response="utter_greet")  # named here, so `make validate` sees it used
        return []


class ActionOutOfScope(Action):
    """Decline politely; a repeat gets choices, then a person; "编号我忘了" is helped, not declined."""

    def name(self) -> str:
        """Action name used in the domain."""
        return "action_out_of_scope"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[EventType]:
        """Never the same reply three times in a row."""
        if forgot_number(_text(tracker)):
            return await forgotten_number(dispatcher, tracker)
        # "你到底会干啥", "什么破机器人", "帮我的店起个名": what the assistant is and does, or an honest decline
        replied = courtesy.answered_as_about_assistant(dispatcher, _text(tracker))
        if not replied and (odd := odd_input_reply(_text(tracker))):  # "???", "😂", "hello can you help"
            dispatcher.utter_message(text=person_due(tracker) or varied(tracker, (odd, *OUT_OF_SCOPE[1:])))
            replied = True
        if replied:
            return []
        if (answered := await follow_up(dispatcher, tracker, domain, only_answers=True)) is not None:
            return answered  # a follow-up the NLU took for small talk, with a real answer in context
        if SUPPORT_ASKED.search(text := _text(tracker)) and situation.WHAT_FITS.search(text) and is_question(text):
            return await routed(ActionRouteEligibility(), dispatcher, tracker, domain)  # "国家有啥扶持": ours
        if is_question(text) and (_names_ours(tracker) or OURS.search(text)):
            return await answer_question(dispatcher, tracker, domain)  # "开网店的能贷款吗": ours; the KB says if not
        return await _declined_unless_found(dispatcher, tracker, domain)


async def _declined_unless_found(
    dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
) -> list[EventType]:
    """The knowledge base's answer to a question in words of its own ("她想当面去办，地点在哪"), else a decline."""
    if (found := await answer_when_found(dispatcher, tracker, domain)) is not None:
        return found
    dispatcher.utter_message(text=person_due(tracker) or varied(tracker, OUT_OF_SCOPE))
    return []
