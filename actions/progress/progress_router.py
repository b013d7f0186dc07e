"""``check_progress``: the user's own application opens the progress form; a question about progress is answered.

"帮我查一下", "我的申请怎么样了" or a CY number open ``progress_form``; "红灯是什么意思", "提交完怎么知道办到哪了",
"我家里人能帮我查进度吗" (who may look, answered: only one's own applications) go to the knowledge base; a forgotten
number is helped; "那刚才的提交了没" right after a stop is told nothing was filed.
"""

import re
from datetime import date
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, FollowupAction
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.appeals.appeals import asks_status
from actions.application.form_labels import read_labelled
from actions.application.form_questions import answer_besides, question_besides
from actions.conversation import filed_appeal, question_shape
from actions.conversation.cancelled_form import unfiled_after_cancel
from actions.conversation.context import previous_action
from actions.conversation.followups import follow_up
from actions.conversation.replies import answer_question, is_question
from actions.conversation.waited_long import SORRY_TO_WAIT, waited_long
from actions.eligibility import loans_owed, own_case, situation, what_is_asked
from actions.eligibility.own_case import SOMEONE_ELSE
from actions.knowledge.loan_followups import CREDIT
from actions.progress import own_light
from actions.progress.progress import (
    NUMBER,
    forgot_number,
    forgotten_number,
    later_reply,
    still_without_number,
)
from actions.progress.progress_replies import SOMEONE_ELSES

# A question that still asks for the user's own application: a request to check, or its status.
CHECK_MINE = re.compile(r"帮我查|给我查|帮忙查|替我查|帮我看看|查一下|查查|查下|查询一下|看一下我")
OWN_STATUS = re.compile(
    r"(?:我的|我家|我们的|我(?:那|这)(?:个|件|份|张|笔|单)|我申请|我提交|我交的|我办的|我报的).*"
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
ABOUT_PROGRESS = re.compile(
    r"什么意思|是什么|代表|说明|意味|区别|怎么查|如何查|哪里查|在哪查|去哪查|能不能查|可以查|怎么看|能查"
)
# "那我先把证办了", "先弄执照吧": doing an item now (with no word of a status: STATUS_WORDS).
DO_FIRST = re.compile(r"先(?:把|办|弄|去|申请|搞)|(?:办|弄|申请|搞)(?:一下|了吧|吧)")
STATUS_WORDS = re.compile(r"进度|到哪|结果|状态|审批|批了|批下|编号|怎么样了|咋样了|好了没|通过")
# "我的进度要怎么查询", "申请了以后去哪看进度": how one checks, answered (number + ID digits, or the logged-in account)
# before any number is asked for; "帮我查一下" is a request (CHECK_MINE).
HOW_TO_CHECK = re.compile(
    r"(?:怎么|怎样|如何|咋|在哪|去哪|哪里|哪儿)(?:样|才能|能|可以|里|儿)?(?:查|看|查询|查看)(?!一下)"
)
# "我的进度显示需补正，啥意思": what something shown means, a question even about the user's own application.
MEANING = re.compile(r"(?:什么|啥|几个)意思|代表(?:什么|啥)|意味着|是指")
# Someone else looking at the application ("我老公能帮我看办件进度不", "家里人可以替我查吗", "我同学的进度我能看吗"):
# who may check is a question (only one's own applications), not a request to open the form (own_case.SOMEONE_ELSE).
MAY_THEY = re.compile(r"能不能|可不可以|可以|能|行不行|允许|让")
# "投诉一下，CY…办了两周还没动", "CY…超期了我要反映": filing a complaint, whatever number it carries.
# Not "一直没反映" (a typo of 没反应: no reply yet, the check).
FILES_COMPLAINT = re.compile(r"投诉|举报|(?<!没)(?<!没有)(?<!无)(?<!啥)反映|要告")
# Applying ("我想办个执照", "要申请补贴", "帮我办一下"): with no progress word, a wish to apply read as a check.
APPLY_VERB = re.compile(
    r"想办|要办|办个|办一个|办张|帮我办|给我办|申请(?:一下|下|个|补贴|贷款|执照|创业)|想申请|要申请|报名"
)
# Any word of an application's progress: the check, however the rest reads ("申请了啥时候有结果", "办到哪了").
PROGRESS_SAID = re.compile(
    STATUS_WORDS.pattern + r"|办到|到哪|批没|好了没|下来没|下来了没|有消息|没消息|动静|查一下|查查|查下|查询"
)
# Someone else's progress ("我能看到我同学的办件进度吗", "表哥的申请我能帮他查吗") is asked as the rule on who may look
# (only one's own applications): the user's words drew a menu of look-alike titles.
WHO_MAY_CHECK = "能帮家里人查一下进度吗"
# Whose application a request is about: a relative's, a friend's ("帮我看看我表哥的补贴批了没", "邻居老李的贷款
# 批下来没", "帮我妈查一下"): never the user's own, so never a bare prompt for "your" number.
OTHERS_APPLICATION = re.compile(
    rf"(?:{SOMEONE_ELSE.pattern})[^，,。；;？?\s的]{{0,3}}的|(?:帮|替|给)(?:我)?(?:{SOMEONE_ELSE.pattern})(?:查|看|问|瞧)"
)
# A benefit asked about ("有没有补贴", "有补贴没", "能领啥"): what the person can get, the eligibility rules'.
BENEFIT_ASKED = re.compile(
    what_is_asked.WHAT_FITS.pattern
    + r"|有(?:补贴|补助|扶持|优惠|贷款)(?:没|吗|么|不|啵|冇)|能(?:领|拿|享受|得到|贷)(?:啥|什么|多少|哪些|点啥|些啥)"
    r"|(?:补贴|补助|扶持|优惠)(?:有没有|有吗|有不|有没|能不能)"
)
# Words that still ask about an application ("申请号", "办到哪", "查一下"): a check, however the rest reads.
CHECK_SAID = re.compile(r"申请号|申请编号|办到|查")
# One's credit told ("网贷逾期了还没还清", "征信有点花") is asked as the loan's rule on credit.
CREDIT_QUESTION = "征信有问题能申请创业担保贷款吗"
# The applicant's details (a full ID, a phone, a name): who applies, not which application to look up.
APPLICANT = frozenset({"applicant_name", "id_number", "phone"})


def _text(tracker: Tracker) -> str:
    return str(tracker.latest_message.get("text") or "").strip()


def _entities(tracker: Tracker) -> list[dict[str, Any]]:
    return list(tracker.latest_message.get("entities") or [])


def asks_who_may_check(text: str) -> bool:
    """Whether the message asks if someone else may look at the application ("我家人能帮我看进度不")."""
    return bool(SOMEONE_ELSE.search(text) and MAY_THEY.search(text)) and is_question(text) and not NUMBER.search(text)


def someone_elses(text: str) -> bool:
    """Whether the message asks for someone else's application ("帮我看看我表哥的补贴批了没"), with no number given."""
    if NUMBER.search(text) or not OTHERS_APPLICATION.search(text):
        return False
    return bool(PROGRESS_SAID.search(text) or CHECK_MINE.search(text) or OWN_STATUS.search(text))


def asks_benefit(text: str) -> bool:
    """A benefit asked with no word of an application ("刚从外地打工回来，想养点鸡，有补贴没"): not a check."""
    if NUMBER.search(text) or PROGRESS_SAID.search(text) or CHECK_SAID.search(text) or wants_own(text):
        return False
    return bool(BENEFIT_ASKED.search(text)) and is_question(text)


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


def _does_first(text: str, entities: list[dict[str, Any]]) -> bool:
    """A plan to do an item ("那我先把证办了", "先弄执照吧") the NLU took for progress: no status word, no question."""
    named = any(e.get("entity") == "item" for e in entities) or "证" in text
    return named and bool(DO_FIRST.search(text)) and not STATUS_WORDS.search(text) and not is_question(text)


def _appeal_route(text: str) -> str | None:
    """The closed loop's form for a message with no CY number, else ``None``.

    "我的投诉处理得怎么样了": a 诉求's status; "投诉，补贴一个月没消息，编号也找不到了": a complaint, filed before
    anything reads the forgotten number.
    """
    if asks_status(text):
        return "appeal_status_form"
    return "action_route_appeal" if FILES_COMPLAINT.search(text) else None


def applies(text: str, entities: list[dict[str, Any]]) -> bool:
    """A wish to apply or the applicant's details with no word of progress ("想办个执照 我叫… 身份证号码是…").

    A voice message giving an item, an ID and a phone reads like a check to the NLU; with no CY number and no
    progress word it is an application. Never a request to check ("帮我查一下，身份证…").
    """
    if NUMBER.search(text) or PROGRESS_SAID.search(text) or wants_own(text):
        return False
    details = APPLICANT & set(read_labelled(text, entities, third_person=True).values)
    return bool(details or (APPLY_VERB.search(text) and not is_question(text)))


def _not_progress(tracker: Tracker, text: str) -> str | None:
    """The router for a message with no word of progress the NLU read as a check, else ``None``.

    "那我先把证办了", "想办个执照，我叫…": applying; a category told right after "有什么扶持" ("我在就业困难人员库里
    登记过") or a benefit asked ("从外地回来了，有补贴没"): the eligibility rules'.
    """
    if own_case.category_after_what_fits(tracker) and not wants_own(text):
        return "action_route_eligibility"
    if asks_benefit(text):  # "打工回来了，想种果树，有补贴没": what the person can get, not an application's state
        return "action_route_eligibility"
    if _does_first(text, _entities(tracker)) or applies(text, _entities(tracker)):
        return "action_start_application"
    return None


def situation_to_match(tracker: Tracker, text: str) -> bool:
    """A situation told with a request to be matched and no word of an application: the verdicts, not the form.

    "我是退役军人，店开了半年，帮我看看" asks what the person can get; there is no application to look up.
    """
    if NUMBER.search(text) or PROGRESS_WORDS.search(text) or not own_case.asks_to_be_matched(text):
        return False
    return bool(situation.read(text, _entities(tracker), date.today()).profile)


def credit_said(text: str) -> bool:
    """One's credit or debts told ("之前网贷逾期了还没还清", "征信有点问题"), no progress word: the loan's rule."""
    owes = loans_owed.business_loans(text)
    told = CREDIT.search(text) or owes is not None or loans_owed.EXEMPT_LOANS.search(text)
    return bool(told) and not (NUMBER.search(text) or PROGRESS_SAID.search(text))


async def credit_told(
    dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict, text: str
) -> list[EventType] | None:
    """The loan's rule on credit for one's credit told ("之前网贷逾期了还没还清"); ``None`` when it tells none.

    A statement in words no FAQ question has is asked as the rule it concerns; debts ("我还有一笔经营贷没还完") and
    questions are searched as said.
    """
    if not credit_said(text):
        return None
    if CREDIT.search(text) and not is_question(text):
        await answer_besides(dispatcher, tracker, CREDIT_QUESTION)
        return []
    return await answer_question(dispatcher, tracker, domain)


class ActionRouteProgress(Action):
    """``check_progress``: the user's own application opens the form; a question about progress is answered."""

    def name(self) -> str:
        """Action name used in the domain."""
        return "action_route_progress"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[EventType]:
        """Open ``progress_form``, help with a forgotten number, or answer from the knowledge base."""
        text = _text(tracker)
        if not NUMBER.search(text) and (appeal := _appeal_route(text)):
            return [FollowupAction(appeal)]
        # "CY…拖了两周，我要投诉": a complaint about it, the number its application
        if sorry := waited_long(text) and not FILES_COMPLAINT.search(text):
            dispatcher.utter_message(text=SORRY_TO_WAIT)  # "等了半个月还没批下来": sorry, then the check
        if sorry or NUMBER.search(text) or any(e.get("entity") == "application_id" for e in _entities(tracker)):
            return [FollowupAction("action_route_appeal" if FILES_COMPLAINT.search(text) else "progress_form")]
        if (answered := await self._in_context(dispatcher, tracker, domain, text)) is not None:
            return answered
        if elsewhere := _not_progress(tracker, text):
            return [FollowupAction(elsewhere)]  # "那我先把证办了": applying; "我在就业困难人员库里登记过": the rules
        # "帮我看看这个政策": nothing of theirs to check; "我的进度显示需补正，啥意思": what it means
        explained = question_shape.wants_explained(text) or bool(MEANING.search(text))
        explained = explained or bool(HOW_TO_CHECK.search(text) and not CHECK_MINE.search(text))
        explained = explained or asks_who_may_check(text)  # "我老公能帮我看进度不": only one's own, answered
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
        said = None if (tracker.active_loop or {}).get("name") else filed_appeal.reply_after_filing(tracker)
        # "啥时候有人联系我" right after a filing: by when, not a lookup; "往后上哪自己看进度": 湘易办「我的办件」…
        if said := said or later_reply(tracker):
            dispatcher.utter_message(text=said)
            return []
        if forgot_number(text) or (still_without_number(tracker) and not wants_own(text)):
            return await forgotten_number(dispatcher, tracker)  # "还是找不到": a person, never the form again
        if unfiled := unfiled_after_cancel(tracker, text):
            dispatcher.utter_message(text=unfiled)  # "那刚才的提交了没" a turn or two after a stop: nothing was filed
            return []
        told = own_light.answer(dispatcher, tracker)  # "我的是红灯": its meaning and the offer to look it up
        if told is None and situation_to_match(tracker, text):  # "…想自己干 帮我看下": every item judged
            told = await own_case.answer(dispatcher, tracker, domain)
        if told is None and not (NUMBER.search(text) or PROGRESS_SAID.search(text) or wants_own(text)):
            # "店还没开张，门面还没找好" right after a verdict: judged again, no number asked
            told = await own_case.fact_after_verdict(dispatcher, tracker, domain)
        if told is None:  # "之前网贷逾期了还没还清": the loan's rule
            told = await credit_told(dispatcher, tracker, domain, text)
        if told is None and asks_who_may_check(text) and not wants_own(text):
            await answer_besides(dispatcher, tracker, WHO_MAY_CHECK)  # "我能看到我同学的办件进度吗": only one's own
            told = []
        if told is None and someone_elses(text):  # "帮我看看我表哥的补贴批了没": who may look, how to check it
            dispatcher.utter_message(text=SOMEONE_ELSES)
            told = []
        if told is not None:
            return told
        before = previous_action(tracker)
        if before == "action_show_progress" and not wants_own(text):
            return await follow_up(dispatcher, tracker, domain)  # "那什么时候能全部办完" about the result shown
        return None
