"""A question about the user's own case ("我这种情况能办吗", "店开了两年了还能申请吗", "那我个人呢").

Such a question is answered by the service's eligibility rules with the reason, for the situation the whole
conversation has stated (this message and the earlier ones, and the eligibility check's answers), never by the
application form or a how-to-apply page. The items asked about are those the message names, else the
conversation's item, else every item the rules know (the verdict lists them).
"""

import re
from contextvars import ContextVar
from datetime import date

from rasa_sdk import Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.application.form_labels import read_labelled
from actions.application.form_values import speaks_for_a_caller
from actions.conversation import context, question_shape
from actions.eligibility import gathered, item_eligibility, situation, what_is_asked
from actions.eligibility.gathered import after_result
from actions.knowledge.loan_followups import credit_reply
from actions.knowledge.query_text import WHAT_ABOUT
from contract.labels import ITEM_NAMES

# The person asks about themselves: "我这种情况", "像我这样的", "我个人", "我自己", "我还能…吗", "有我的份吗".
ABOUT_ME = re.compile(
    r"我(?:这|这种|这样|这个|的)(?:种)?(?:情况|条件|样子)|像我|我这样的|我个人|我自己|有我的?份|轮得到我|"
    r"我(?:还|也|都|现在|眼下|先)?(?:能|可以|可不可以|能不能|够|算|符合)"
)
# Whether one can get it: "能办吗", "还能申请吗", "符合吗", "有份吗", "能弄哪几样", "那我个人呢".
CAN_I = re.compile(
    r"能不能|可不可以|能否|是不是(?:也)?(?:能|可以)|是否(?:能|可以)|符合|够条件|够不够|有资格|有.{0,2}份|轮得到|行不行|算不算|"
    r"哪些|哪几|什么|啥|"
    r"(?:能|可以)[^,，。；;]{0,14}?(?:吗|么|不|没)[?？。!！]*$|呢[?？。!！]*$"
)
# Right after a verdict or the check's result, whether an item can be had needs no "我": "那一次性创业补贴能拿吗",
# "贷款也能贷吗", "那现在能办点啥". Not how long, what to bring or where (the knowledge base's, about the item).
CAN_GET = re.compile(r"(?:能|可以|可不可以|能不能)[^，,。；;？?]{0,3}?(?:拿|领|申请|申领|办|享受|贷|借|弄|搞|报)")
# The asker as someone of no listed group, or as themselves ("普通人", "一般老百姓", "我这种", "像我这样的").
PLAIN_ASKER = re.compile(rf"{situation.PLAIN_PERSON.pattern}|我这种|我这样的?|像我")
ASPECT = re.compile(
    r"多久|几天|多长时间|什么时候|啥时候|材料|资料|证件|带什么|带啥|哪里|哪儿|在哪|去哪|部门|单位|流程|步骤|怎么"
)
# "能办点啥", "还能申请哪些", "还有么子可以办", "别的能申请不": which items, so every item is judged (not only the
# conversation's or the one just judged).
WHICH = re.compile(r"啥|什么|么子|哪些|哪几|哪样|几样|几项|别的|其他|其它|其余|另外")
# Looking something up ("我可以帮朋友查他的进度吗", "我能看看审批到哪了吗"): how a check works, not a verdict.
CHECKING = re.compile(r"查|(?:看|瞧)(?:一下|下|看|到)?(?:他|她|别人|我的|自己的)?的?(?:进度|申请|办件|结果|状态|审批)")
# Acting for someone outside the family ("我能帮朋友办吗", "可以替别人申请不", "能代办吗"): whether one may, not the
# user's case. A parent or spouse applied for ("帮我爸申请，他是退役军人") is judged on their situation as said.
FOR_SOMEONE_ELSE = re.compile(r"(?:帮|替|给|代)(?:别人|他人|其他人|朋友|同事|亲戚|熟人)|代办|代理|委托")
# Someone else ("我朋友", "我同学", "表哥", "家里人"): looking at their application asks who may check (only one's own),
# never the user's own case. Read by the progress router too.
SOMEONE_ELSE = re.compile(
    r"别人|他人|其他人|家人|家里人|家属|亲戚|朋友|同学|同事|室友|邻居|老乡|熟人|合伙人|老公|老婆|爱人|丈夫|妻子|媳妇|对象|"
    r"男朋友|女朋友|孩子|儿子|女儿|父母|爸|妈|[表堂](?:哥|姐|弟|妹)|哥哥|姐姐|弟弟|妹妹|舅舅|叔叔|阿姨|姑姑|代办|代理人|"
    r"小姨|姨父|舅妈|婶婶|伯伯|大伯|姑父|嫂子|姐夫|妹夫|侄子|侄女|外甥|公公|婆婆|岳父|岳母|丈母娘|老丈人|爷爷|奶奶|外公|外婆|"
    r"发小|战友"
)
# Looking at an application ("看到…办件进度", "申请我能帮他查"); not "帮我爸看看能不能申请" (his case).
LOOKING = re.compile(
    r"(?:查|看|瞧)[^，,。？?]{0,8}(?:进度|办件|结果|状态|到哪|审批)|(?:进度|办件|申请)[^，,。？?]{0,6}(?:查|看|瞧)"
)
# A request to be matched against the rules, often with no question word ("…想自己干 帮我看下", "你看我能办哪些",
# "我这种情况呢", "帮我匹配一下"): with the person's situation stated, the verdict on every item. Not "帮我看看进度"
# (LOOKING: an application) nor "帮我看看这个政策" (explained, :func:`question_shape.wants_explained`).
MATCH_ME = re.compile(
    r"(?:帮|给|替)(?:我|咱|俺)(?:看|瞧|查|匹配|对照|对一下|评估|测|算|分析|参谋)|你(?:帮我)?(?:看|瞧)(?:看|下|一下)?(?:我|咱|俺)|"
    r"(?:我|咱|俺)(?:这|这种|这样的?|这个)(?:种)?(?:情况|条件|样子)?(?:呢|咋样|怎么样|如何)|"
    r"(?:能|可以)(?:办|享受|申请|弄|拿|领)(?:点|些)?(?:啥|什么|哪些|哪几|么子)"
)
# What is to be explained after "帮我看看" ("这个政策", "这份材料"): a thing, not the person's case.
EXPLAINED = re.compile(r"这|那|政策|文件|通知|规定|条款|材料|合同|表|内容|意思|条件")
# Who the applicant is: a message giving any of these files an application, it does not ask about a case.
IDENTIFYING = frozenset({"applicant_name", "id_number", "phone"})
LOAN = "guaranteed_loan"
_ANSWERING: ContextVar[bool] = ContextVar("own_case_answering", default=False)
# Read here by the application's start and the plain answers (the situation's reading is gathered's).
FACTS_KEPT = gathered.FACTS_KEPT
conversation_situation = gathered.conversation_situation


def asks_own_case(text: str, stated_here: bool = False) -> bool:
    """Whether the message asks if the user, as they are, can get something ("我这种情况能办吗").

    Args:
        text: The user's message.
        stated_here: The message itself states the person's situation ("店开了两年了还能申请吗").
    """
    if question_shape.asks_whether_figure(text) or CHECKING.search(text) or FOR_SOMEONE_ELSE.search(text):
        return False  # "我个人打算贷四年，可以吗": the limits answer it; "我能帮朋友查进度吗": who may look
    if SOMEONE_ELSE.search(text) and LOOKING.search(text):
        return False  # "我能看到我同学的办件进度吗": whose applications one may see, not the user's case
    return bool((ABOUT_ME.search(text) or stated_here) and CAN_I.search(text)) and question_shape.is_question(text)


def asks_to_be_matched(text: str) -> bool:
    """Whether the message asks to be matched against the rules ("…想自己干 帮我看下", "我这种情况呢").

    Not a look at an application ("帮我看看进度"), a policy to explain ("帮我看看这个政策"), a loan figure asked
    yes/no, or acting for someone outside the family.
    """
    found = MATCH_ME.search(text)
    if not found or LOOKING.search(text) or FOR_SOMEONE_ELSE.search(text) or question_shape.asks_whether_figure(text):
        return False
    return not (question_shape.wants_explained(text) and EXPLAINED.search(text[found.end() :]))


def category_after_what_fits(tracker: Tracker) -> bool:
    """A category told right after the user asked what support there is ("有啥扶持" → "我在就业困难人员库里登记过").

    The category answers that question: the eligibility rules', never the offer to apply alone.
    """
    text = context.text_of(tracker)
    entities = list(tracker.latest_message.get("entities") or [])
    if not situation.read(text, entities, date.today()).profile.get("person_category"):
        return False
    users = [str(e.get("text") or "") for e in tracker.events if e.get("event") == "user"]
    before = users[-2] if len(users) > 1 else ""
    return bool(what_is_asked.WHAT_FITS.search(before)) and question_shape.is_question(before)


def files(tracker: Tracker, text: str) -> bool:
    """Whether the message files an application rather than asks about a case: it says who the applicant is.

    "来电人王丽，身份证…，想申请补贴，可以吗" typed by hotline staff (他/她/来电人 name the caller there) or "我叫孙强，
    手机…，能办吗": the filing starts or goes on with those details; the form and the service say what qualifies.
    """
    entities = list(tracker.latest_message.get("entities") or [])
    named = read_labelled(text, entities, third_person=speaks_for_a_caller(tracker)).values
    return bool(IDENTIFYING & set(named))


def can_get_after_result(tracker: Tracker, text: str) -> bool:
    """Right after a verdict or the check's result, the message asks whether an item can be had ("那补贴能拿吗").

    Asked for "普通人/一般人/我这种" it is the person judged, also with a few knowledge answers since the verdict
    ("普通人能贷款吗"): the verdict's reason, never an FAQ about another group.
    """
    asks = bool(CAN_GET.search(text)) and not ASPECT.search(text) and question_shape.is_question(text)
    plain = bool(PLAIN_ASKER.search(text)) and gathered.verdict_before_answers(tracker)
    return asks and (after_result(tracker) or plain)


def asked_items(tracker: Tracker) -> list[str] | None:
    """The items the message names, else the conversation's item; ``None`` for every item."""
    entities = list(tracker.latest_message.get("entities") or [])
    named = what_is_asked.items_asked(context.text_of(tracker), entities)
    if named:
        return named
    if any(e.get("entity") == "item" for e in entities):
        return None  # "还没领执照，能享受哪些": the items named are facts, every item is asked
    if WHICH.search(context.text_of(tracker)):
        return None  # "那现在能办点啥": which items, not only the one talked about
    if item := tracker.get_slot("item"):
        return [str(item)]
    return None


async def answer(
    dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict, today: date | None = None
) -> list[EventType] | None:
    """The rules' verdict, with the reason, on a question about the user's own case; ``None`` if it is none.

    Also ``None`` when the conversation has stated nothing about the person: then there is nothing to judge, and
    the caller asks (the eligibility check) or answers the rule in general.
    """
    text, today = context.text_of(tracker), today or date.today()
    # the verdict's own knowledge-base answer asks nothing more; "补贴还用自己申请不" is how it is given (免申即享)
    if _ANSWERING.get() or question_shape.asks_how_given(text):
        return None
    if (credit := credit_reply(tracker, text)) is not None:
        dispatcher.utter_message(text=credit)  # "我还有笔车贷没还完" right after a loan answer: the loan's credit rule
        return [SlotSet("item", LOAN)]
    here = situation.read(text, list(tracker.latest_message.get("entities") or []), today)
    facts_here = bool(set(here.profile) - {"person_category", "other_category"})  # a category alone asks the rule
    matched = asks_to_be_matched(text)  # "我硕士今年毕业 想自己干 帮我看下": every item judged, not a menu
    if not (
        matched
        or asks_own_case(text, facts_here)
        or (WHAT_ABOUT.match(text) and after_result(tracker))  # "那培训呢" after a verdict or the result
        or can_get_after_result(tracker, text)
    ):
        return None
    if files(tracker, text):
        return None  # hotline staff filing for the caller, or anyone giving the applicant's details
    stated = conversation_situation(tracker, today)
    if not stated.profile:
        return None
    named = what_is_asked.items_asked(text, list(tracker.latest_message.get("entities") or []))
    items = (named or None) if matched else asked_items(tracker)  # matched: every item unless some are named
    every = items is None  # "我可以先弄哪几样": the verdict on each item; the check asks what decides the rest
    token = _ANSWERING.set(True)
    try:
        return await item_eligibility.answer(dispatcher, tracker, domain, items or list(ITEM_NAMES), stated, not every)
    finally:
        _ANSWERING.reset(token)


async def fact_after_verdict(
    dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict, today: date | None = None
) -> list[EventType] | None:
    """A fact added right after a verdict or the check's result ("执照还没办呢", "还没开张呢"): judged again.

    The NLU reads such a fact as a no (so it was "好的，明白了" or "不着急"); it changes what the person can get, so
    the rules decide again for everything the conversation has stated, also when questions were answered since the
    verdict. Right after an answer about one item ("创业补贴怎么申请" → "要是我还没开店呢") that item is judged.
    ``None`` when the message states no fact or the bot's last reply was neither.
    """
    verdict = after_result(tracker) or gathered.verdict_before_answers(tracker)  # "贴息是啥" asked in between
    item = tracker.get_slot("item")
    about_item = not verdict and item in ITEM_NAMES and context.last_answer(tracker) == "answer"
    if _ANSWERING.get() or not (verdict or about_item):
        return None
    text, today = context.text_of(tracker), today or date.today()
    here = situation.read(text, list(tracker.latest_message.get("entities") or []), today)
    if not here.profile or files(tracker, text):
        return None
    stated = conversation_situation(tracker, today)
    token = _ANSWERING.set(True)
    try:
        items = list(ITEM_NAMES) if verdict else [str(item)]
        return await item_eligibility.answer(dispatcher, tracker, domain, items, stated, not verdict)
    finally:
        _ANSWERING.reset(token)
