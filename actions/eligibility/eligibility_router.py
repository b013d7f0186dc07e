"""``check_eligibility``: "can I get X" is answered with the rules' verdict; "what can I get" opens the form.

A rule asked ("逾期过还能贷吗"), several questions, another place's or scheme's benefit, a company change ("公司法人
变更要啥材料": not part of the bundle) or a loan figure asked yes/no are answered; the person's situation with an
item is judged by :mod:`actions.eligibility.item_eligibility`; what the person can get opens ``eligibility_form``.
"""

import re
from datetime import date
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, FollowupAction
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.appeals.appeals import BROKEN_PROMISE
from actions.conversation import question_shape
from actions.conversation.context import ENTRY_POINTS, HOW_LONG, WHERE
from actions.conversation.followups import follow_up
from actions.conversation.replies import answer_question, is_question
from actions.eligibility import item_eligibility, own_case, situation, what_is_asked
from actions.eligibility.past_places import without_past_places
from actions.knowledge import knowledge_client, writing_requests

# Words that ask for the check itself ("帮我匹配", "测一下", "看看我的资格"): with no situation or question, the
# eligibility form opens only on them.
CHECK_WISH = re.compile(r"帮我|给我|替我|看看|看一下|测|评估|匹配|查查|算算|核实|对照|资格|检查|审核|符不符|能不能")
# Asking to be checked ("帮我匹配", "我能享受哪些", "她够得上哪些"), not only what support there is ("国家有啥扶持").
ASKS_TO_BE_CHECKED = re.compile(
    CHECK_WISH.pattern + r"|[我她他](?:们)?(?:还|也)?(?:能|可以|够|符合|算)|够得上|够得着|轮得到"
)
# "我符合条件吗", "我能享受哪些": the eligibility check, not a policy question.
ASK_MATCH = re.compile(
    r"符合|够条件|够不够|有资格|够格|能不能享受|能享受吗|可以享受吗|能申请哪|可以申请哪"
    r"|(?:能|可以)(?:申请|办|领|享受|拿)(?:点|些)?(?:啥|什么|哪)"  # "帮来电人评估一下能申请啥"
)
WHAT_CAN_I_GET = what_is_asked.WHAT_CAN_I_GET
# "我是残疾人想开个修鞋摊能借钱吗": borrowing, in this domain, is the guaranteed loan.
BORROW = re.compile(r"借钱|借款|借点钱|贷点钱|能贷|可以贷")
COMPANY_CHANGE = situation.COMPANY_CHANGE
# A wish to set up and register a business ("我们想成立个农民专业合作社", "打算注册一家公司", "想办个合作社的执照"):
# a request to apply, the application form's (the service checks eligibility on filing), never the check.
REGISTERS = re.compile(
    r"(?:成立|注册|登记|开办|办)(?:一|一个|个|一家|家|间)?[^，,。；;？?]{0,10}?(?:合作社|公司|企业|个体户|个体工商户|执照)"
)
WISH = re.compile(r"想|要|准备|打算|计划|帮我|给我")


def _text(tracker: Tracker) -> str:
    return str(tracker.latest_message.get("text") or "").strip()


def _entities(tracker: Tracker) -> list[dict[str, Any]]:
    return list(tracker.latest_message.get("entities") or [])


def registers(text: str) -> bool:
    """A wish to set up and register a business ("我们几户人想成立一个农民专业合作社"), not a question about it."""
    found = REGISTERS.search(text)
    return bool(found and WISH.search(text[: found.start()])) and not is_question(text)


def _a_rule_not_a_check(text: str, situation_stated: bool) -> bool:
    """The message asks about a rule or states a fact ("逾期过还能贷吗", "我还有一笔经营贷没还完"), not for the check.

    Several questions, a wish to have something explained and how long it takes are answered too; the check opens
    for "what can I get", "do I qualify", a wish to be checked ("帮我匹配") or a situation stated without a question.
    """
    asks_check = bool(WHAT_CAN_I_GET.search(text) or ASK_MATCH.search(text))
    if (not situation_stated and HOW_LONG.search(text)) or len(question_shape.questions(text)) > 1:
        return True
    if not situation_stated and question_shape.HOW_GIVEN.search(text) and is_question(text):
        return True  # "有没有啥补贴是不用自己申请就能拿到的": 免申即享, a rule
    if question_shape.wants_explained(text) or (is_question(text) and not asks_check):
        return True  # "帮我看看这个政策": no check to run
    return not (situation_stated or asks_check or CHECK_WISH.search(text))


async def _not_a_check(
    dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict, situation_stated: bool
) -> list[EventType] | None:
    """What the NLU took for the eligibility check but is none; else None.

    "说好的3天，都一个星期了" is a complaint, not a shop's age; "帮我起草一份商业计划书" is declined honestly;
    "四川回乡创业有啥扶持政策" or "公司能领扩岗补助吗" (another place's policy, another scheme) get the service's
    redirect; "贷4年行不行" (a loan figure, no situation) is answered by the limits.
    """
    text = _text(tracker)
    # "说好的3天…": the complaint's; "我们几户想成立个合作社，我叫…": applying for the registration, not the check
    if re.search(BROKEN_PROMISE, text) or registers(text):
        promised = re.search(BROKEN_PROMISE, text)
        return [FollowupAction("action_route_appeal" if promised else "action_start_application")]
    if writing_requests.decline(dispatcher, text):
        return []
    if declined := await knowledge_client.named_elsewhere(without_past_places(text)):  # "在广东打了几年工": the past
        dispatcher.utter_message(text=declined)
        return []
    # "贷4年行不行" (no situation); "我在失业名单里，补贴还用自己申请不" (免申即享): answered, never a verdict
    if (not situation_stated and question_shape.asks_whether_figure(text)) or question_shape.asks_how_given(text):
        return await answer_question(dispatcher, tracker, domain)
    if COMPANY_CHANGE.search(text) and not what_is_asked.items_asked(text, _entities(tracker)):
        return await answer_question(dispatcher, tracker, domain)  # "公司股东变更要啥材料": declined as not ours
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
        items = what_is_asked.items_asked(text, entities)
        if not items and stated.profile and BORROW.search(text):
            items = ["guaranteed_loan"]
        if items and not (WHAT_CAN_I_GET.search(text) and not stated.profile):
            return await item_eligibility.answer(dispatcher, tracker, domain, items, stated)
        if not stated.profile and WHERE.search(text):
            dispatcher.utter_message(text=await knowledge_client.elsewhere(without_past_places(text)) or ENTRY_POINTS)
            return []
        if _a_rule_not_a_check(text, bool(stated.profile)):
            return await answer_question(dispatcher, tracker, domain)  # "逾期过还能贷吗": a rule, not a check
        plain = not (stated.profile or ASKS_TO_BE_CHECKED.search(text))  # "国家有啥扶持": what there is, then the check
        if plain and (support := await item_eligibility.support_overview()):
            dispatcher.utter_message(text=support)
        return [*await item_eligibility.seed_form(dispatcher, stated), FollowupAction("eligibility_form")]
