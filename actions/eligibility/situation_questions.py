"""A situation told with several questions ("来电人是退役军人，想开汽修店，问补贴有多少、去哪里申请").

Whether the person gets the item and how much are the rules' verdict (with the item's description); the other
questions (where, how long, what to bring) are the knowledge base's, and each gets its answer under the verdict.
Split into questions, the first half lost the situation and the knowledge base answered who may apply in general
("残疾人能申请", a veteran told the subsidy's groups); the verdict alone left "要带什么材料" unanswered.
"""

import re
from datetime import date
from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.events import EventType
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.conversation import context, question_shape
from actions.eligibility import situation, what_is_asked
from actions.eligibility.past_places import tells_past_place

# Whether one gets it, or how much: the verdict and the item's description answer it ("补贴能不能领", "额度多少").
ASKS_VERDICT = re.compile(
    r"能不能|能否|可不可以|可以吗|能.{0,4}吗|能.{0,4}不[？?]?$|行不行|行吗|有没有份|有份|符合|够条件|有资格|轮得到"
    r"|多少|几多|好多|最高|最多|额度|几千|几万"
)
# What else is asked about the item: the knowledge base's ("多久能批下来", "要带什么材料", "去哪里申请", "能贷几年").
ASPECT = re.compile(
    r"多久|几天|多长时间|什么时候|啥时候|材料|资料|证件|带什么|带啥|准备|哪里|哪儿|在哪|去哪|怎么|如何|流程|步骤"
    r"|部门|谁|几年|期限|利息|利率|还款|公示|到账"
)
# "问…", "想知道…": the relay's verb before what is asked.
ASKED_BY = re.compile(r"^(?:他|她|来电人|对方)?(?:还)?(?:问|想问|想知道|打听|咨询)(?:一下|下)?")
# How much, asked right after a verdict with nothing new said ("等满了一年能拿多少", "那能贷多少").
HOW_MUCH = re.compile(r"多少|几多|好多|几千|几万|额度|最高")
AMOUNT_ASKED = {"guaranteed_loan": "个人最多贷多少"}  # the loan is borrowed; the others are money given
AMOUNT_ASKED_DEFAULT = "有多少钱"
AS_JUDGED = "是否符合条件，以上面的判断为准。"
NOT_FOUND_PART = "这一问暂时没有找到准确的政策依据，可以换个问法，或说“转人工”由工作人员解答。"


def aspect_parts(text: str) -> list[str]:
    """The questions of a message with several that ask an aspect, not whether or how much ("要带什么材料")."""
    parts = question_shape.questions(text)
    if len(parts) < 2:
        return []
    # "在广东打了几年工" tells the person's past (its 几年 asks no term)
    asked = [part for part in parts if ASPECT.search(part) and not ASKS_VERDICT.search(part)]
    return [ASKED_BY.sub("", part) for part in asked if not tells_past_place(part)]


async def answers_besides(tracker: Tracker, items: list[str]) -> list[str]:
    """Each aspect question of the latest message with its answer ("【question】answer"), about its item or the first.

    Empty for a message with one question (the verdict answers it) or when the service cannot be reached.
    """
    from actions.knowledge.answer_parts import ANSWERED
    from actions.knowledge.kept_item import plainest_name
    from actions.knowledge.query_text import words_in  # knowledge → eligibility: imported when run
    from actions.knowledge.searching import search
    from actions.service_client import ServiceUnavailable

    said: list[str] = []
    text = context.text_of(tracker)
    # the item's plainest name ("补贴要带什么材料"; "一次性创业补贴要带什么材料" drew who may apply)
    own = plainest_name(items[0], next((word for code, word in words_in(tracker, text) if code == items[0]), ""))
    for part in aspect_parts(text):
        named = next(iter(words_in(tracker, part)), None)
        code = named[0] if named else items[0]
        query = part if named else f"{own}{part}"
        try:
            answer: dict[str, Any] = await search(tracker, query=query, item=code, record_unanswered=False)
        except ServiceUnavailable:
            return []
        found = str(answer["answer"]) if answer.get("status") in ANSWERED else NOT_FOUND_PART
        said.append(f"【{part}】\n{found}")
    return said


async def amount_after_verdict(tracker: Tracker, items: list[str]) -> str | None:
    """How much the one item just judged gives, for a how-much question right after its verdict; else ``None``.

    "行吧，等满了一年能拿多少" after the subsidy's ❌ asks its amount (5000元), not the verdict again. ``None`` when
    the bot's last turn judged nothing, several items are asked, the message states something new about the person
    or asks no amount, or the knowledge base has no sure answer.
    """
    from actions.eligibility.gathered import after_result  # gathered → situation: imported when run, as the others
    from actions.knowledge.answer_parts import ANSWERED
    from actions.knowledge.searching import search
    from actions.knowledge.subsidy_amount import SUBSIDY, asks_subsidy_amount
    from actions.service_client import ServiceUnavailable

    text = context.text_of(tracker)
    entities = list(tracker.latest_message.get("entities") or [])
    if asks_subsidy_amount(text, None):
        items = [SUBSIDY]  # "那到时候能领多少" after verdicts on the subsidy and the licence: money is the subsidy
    if len(items) != 1 or not HOW_MUCH.search(text) or not after_result(tracker):
        return None
    if situation.read(text, entities, date.today()).profile:
        return None  # "那我开了两年了，能拿多少": new facts, judged again
    query = f"{context.item_word(items[0])}{AMOUNT_ASKED.get(items[0], AMOUNT_ASKED_DEFAULT)}"
    try:
        answer: dict[str, Any] = await search(tracker, query=query, item=items[0], record_unanswered=False)
    except ServiceUnavailable:
        return None
    return f"{answer['answer']}\n{AS_JUDGED}" if answer.get("status") in ANSWERED else None


def verdict_asked(tracker: Tracker, today: date) -> tuple[list[str], situation.Situation] | None:
    """(items, situation) when the latest message states a situation and asks several things, one of them a verdict.

    ``None`` inside a form, for one question, with nothing stated about the person, or no item asked.
    """
    text = context.text_of(tracker)
    parts = question_shape.questions(text)
    if (tracker.active_loop or {}).get("name") or len(parts) < 2:
        return None
    entities = list(tracker.latest_message.get("entities") or [])
    stated = situation.read(text, entities, today)
    items = what_is_asked.items_asked(text, entities)
    if not stated.profile or not items or not any(ASKS_VERDICT.search(part) for part in parts):
        return None
    if not aspect_parts(text):
        return None  # "能申请创业担保贷款吗 最多贷多少": whether and how much, the knowledge base's as before
    return items, stated


async def answer(dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[EventType] | None:
    """The verdict on the items asked, each other question answered under it; ``None`` if the message is no such."""
    from actions.eligibility import item_eligibility  # item_eligibility → here: imported when run

    asked = verdict_asked(tracker, date.today())
    if asked is None:
        return None
    items, stated = asked
    return await item_eligibility.answer(dispatcher, tracker, domain, items, stated)
