"""A factual question inside a complaint ("窗口说网店贷款顶多给8万，是不是乱讲"): answered first, then filed.

What the counter said stays part of what happened (the complaint is still filed), and the user also learns what
the policy says before the first complaint step. Questions a grievance asks for effect ("凭什么不给我办", "怎么还
没人管") ask nothing the knowledge base answers: no search, no answer.
"""

from __future__ import annotations

import re

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.appeals.appeal_reading import OPENING
from actions.conversation import question_shape
from actions.knowledge.answer_feedback import answer_payload
from actions.knowledge.questions import ANSWERED, search
from actions.service_client import ServiceError
from contract.query_length import fitted

# Checking what someone said against the policy ("是不是瞎说", "是真的吗", "有这个规定吗", "对不对").
CHECKING = re.compile(
    r"是不是(?:真的|瞎说|乱说|胡说|乱讲|瞎讲|骗|这样|这么回事|有这)|是真的吗|真的吗|真的假的|对不对|说得对吗|讲得对吗|"
    r"有没有这(?:个|种|条|样的?)?(?:规定|说法|政策|要求)|有这(?:个|种|条|样的?)?(?:规定|说法|政策|要求)|是这样吗|"
    r"合不合规|符合规定吗|有依据吗|有没有依据"
)
# A question about the policy itself: an amount, a time limit, a condition ("最多能贷多少", "几天能办完").
ASKS_FACT = re.compile(
    r"多少|几(?:天|年|万|千|个工作日|个月)|多久|多长时间|最多|最高|顶多|上限|能不能|可不可以|能否|要不要|需不需要|是否|"
    r"什么条件|哪些材料|什么材料"
)
# What a policy question is about (a grievance about a person or a queue names none of these).
POLICY = re.compile(
    r"补贴|补助|贷款|贷|执照|登记|注册|创业证|社保|养老|培训|孵化|纳税|税务|发票|贴息|利息|额度|期限|时限|工作日|材料|"
    r"条件|资格|年限"
)
# Questions asked for effect, not for an answer.
RHETORICAL = re.compile(
    r"凭什么|为什么|为啥|干嘛|怎么还|怎么又|怎么能|怎么可以|怎么回事|搞什么|什么态度|还有没有|有没有人管|有人管吗|像话吗|"
    r"合适吗|好意思|还让不让"
)
LEAD = "先说您问的政策："
MIN_QUESTION = 4
# Who said it ("窗口的人讲", "柜台跟我说", "工作人员告诉我"): no words of the policy.
REPORTED = re.compile(
    r"(?:窗口|柜台|工作人员|大厅|那边|他们|她们|人家|经办人|社区|银行|街道)(?:的|那边的?)?(?:人|工作人员|小姑娘|同志|小伙子)?"
    r"(?:跟我|和我|给我|对我)?(?:讲|说|讲的|说的|告诉我|称|回复|答复|答)(?:是|的是)?"
)
# A figure claimed ("最多只能贷5万", "只有两千块", "要等一个月"): asked as a question ("…贷多少钱"), the knowledge
# base then answers with the policy's own figure.
FIGURE = re.compile(
    r"(?:\d+(?:\.\d+)?|[一二两三四五六七八九十百千半]+)\s*(万元|万块|万|千块|千元|千|块钱|块|元|年|个月|个工作日|工作日|天)"
)
ASKED_BY_UNIT = {"年": "几年", "个月": "多久", "个工作日": "多久", "工作日": "多久", "天": "多久"}


def embedded_question(text: str) -> str | None:
    """The policy question a complaint asks along the way (the message without its opening words), or ``None``.

    Args:
        text: The user's message ("我要投诉，柜台讲网店贷款顶多8万，是不是瞎说").

    Returns:
        What to search for, when a clause asks about the policy and not only for effect.
    """
    rest = OPENING.sub("", text.strip(), count=1).strip(" ，,。")
    if not POLICY.search(rest):
        return None
    asking = [
        p for p in re.split(r"[，,。；;！!？?]+", rest) if question_shape.is_question(p) and not RHETORICAL.search(p)
    ]
    if not asking and CHECKING.search(rest) is None:
        return None
    if CHECKING.search(rest) or any(ASKS_FACT.search(p) for p in asking):
        return rest
    return None


def as_question(claim: str) -> str:
    """What was claimed, as the question it raises: no reporter, no tag, the figure asked for.

    "窗口的人讲个人贷款最多只能贷5万，是不是乱讲" → "个人贷款最多只能贷多少钱".
    """
    clauses = [c for c in re.split(r"[，,。；;！!？?]+", claim) if c and not _only_a_tag(c)]
    text = "，".join(REPORTED.sub("", c) for c in clauses).strip("，")
    text = FIGURE.sub(lambda m: ASKED_BY_UNIT.get(m.group(1), "多少钱"), text)
    return text if len(text) >= MIN_QUESTION else claim


def _only_a_tag(clause: str) -> bool:
    """A clause only checking the claim ("他们是不是瞎说的", "真的假的"): nothing of the policy in it."""
    return bool(CHECKING.search(clause)) and not POLICY.search(clause)


async def answer_first(dispatcher: CollectingDispatcher, tracker: Tracker, text: str) -> bool:
    """Say what the knowledge base answers to the question inside the complaint; whether there was an answer.

    Nothing is said when the knowledge base has no sure answer (the complaint goes on as it would have).

    Args:
        dispatcher: Where the answer goes.
        tracker: The conversation (its item and region go with the search).
        text: The complaint as said.
    """
    query = embedded_question(text)
    if query is None:
        return False
    try:
        answer = await search(
            tracker, record_unanswered=False, query=fitted(as_question(query), question_shape.is_question)
        )
        if answer.get("status") not in ANSWERED:
            answer = await search(tracker, record_unanswered=False, query=fitted(query, question_shape.is_question))
    except ServiceError:
        return False  # the complaint matters more than the side question: it goes on
    if answer.get("status") not in ANSWERED:
        return False
    dispatcher.utter_message(text=f"{LEAD}{answer['answer']}")
    dispatcher.utter_message(json_message=answer_payload(tracker, answer))
    return True
