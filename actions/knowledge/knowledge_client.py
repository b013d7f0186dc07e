"""The call to the knowledge base's search, robust to context the service refuses.

The item and region sent with a question are the NLU's guesses: a long story can yield an entity the service
does not know (an item that is no item code, a region over its length limit), and the service refuses the
request with 422. That is no outage, and the question itself is fine: the context it refused is dropped and the
question asked again without it. A refusal of the question itself (e.g. empty) is an honest "could not search",
never "the service is down"; only an unreachable or failing service is.
"""

from typing import Any

from actions.conversation import question_shape
from actions.service_client import Rejected, ServiceRefused, ServiceUnavailable, post_json
from contract.labels import ITEM_NAMES
from contract.query_length import fitted

SEARCH_PATH = "/api/v1/knowledge/search"
MAX_REGION_CHARS = 40  # the service's limit (bundle_service/schemas/knowledge.py)
CONTEXT_FIELDS = ("item", "region")
# A fixed reply (the bundle's entry points, its time limits) gives way only to a clearer refusal: "健康证去哪里办"
# is 0.035-0.09 from the examples about other permits, "一件事在哪办" 0.028 from "退休一件事在哪办".
DECLINED_MARGIN = 0.03
NOT_SEARCHED = "抱歉，这个问题我没能查询。可以换个说法、把问题分开来问，或说“转人工”由工作人员解答。"


def checked(body: dict[str, Any]) -> dict[str, Any]:
    """``body`` without context the service would refuse: an unknown item code, an over-long region."""
    body = dict(body)
    if body.get("item") is not None and body["item"] not in ITEM_NAMES:
        body["item"] = None
    region = body.get("region")
    if region is not None and (not isinstance(region, str) or len(region) > MAX_REGION_CHARS):
        body["region"] = None
    return body


async def ask(body: dict[str, Any]) -> dict[str, Any]:
    """The service's answer to ``body`` (query, item, region, conversation_id, record_unanswered).

    Context the service refuses is dropped and the question asked once more without it; a question still
    refused gets :data:`NOT_SEARCHED` (status ``not_found``).

    Raises:
        ServiceUnavailable: the service cannot be reached, fails or times out.
    """
    body = checked(body)
    try:
        answer: dict[str, Any] = await post_json(SEARCH_PATH, body)
        return answer
    except (Rejected, ServiceRefused):
        if not any(body.get(name) is not None for name in CONTEXT_FIELDS):
            return {"status": "not_found", "answer": NOT_SEARCHED, "hits": []}
    try:
        answer = await post_json(SEARCH_PATH, {**body, **dict.fromkeys(CONTEXT_FIELDS)})
        return answer
    except (Rejected, ServiceRefused):
        return {"status": "not_found", "answer": NOT_SEARCHED, "hits": []}


def example_ahead(answer: dict[str, Any], margin: float = 0.0) -> bool:
    """The best hit of ``answer`` is an out-of-scope example, ahead of every source of ours by ``margin`` at least."""
    hits = answer.get("hits") or []
    if not hits or hits[0].get("kind") != "out_of_scope":
        return False
    ours = next((float(h.get("score") or 0) for h in hits if h.get("kind") != "out_of_scope"), 0.0)
    return float(hits[0].get("score") or 0) - ours >= margin


async def elsewhere(text: str, margin: float = DECLINED_MARGIN) -> str | None:
    """The knowledge base's refusal when ``text`` is a question to ask elsewhere, else None.

    The bot's fixed replies (the bundle's entry points, its time limits) state Hunan's bundle's facts: "广东那边的一件
    事在哪办" must get the redirect the service gives another province's question, and "健康证去哪里办" (another
    permit, short like a follow-up) the service's honest "not found", never the bundle's channels. The service owns
    the list of places (``knowledge_base/other_regions.yml``; a redirect is its ``not_found`` with no hits at all,
    since any searched question has hits) and the examples of what is not ours (a ``not_found`` whose best hit is
    such an example, ``margin`` ahead: :data:`DECLINED_MARGIN` for the entry points and time limits, which answer
    any short question; the overview passes 0, "房贷能在一件事里办吗" being no question about the bundle).
    Unreachable or refused: None (the fixed reply stands).
    """
    answer = await _searched(text)
    if answer.get("status") == "not_found" and (not answer.get("hits") or example_ahead(answer, margin)):
        return str(answer.get("answer") or "") or None
    return None


async def _searched(text: str) -> dict[str, Any]:
    """The service's answer to ``text`` asked alone, nothing recorded (unreachable or refused: ``{}``)."""
    body = {"query": fitted(text, question_shape.is_question), "record_unanswered": False}
    try:
        answer: dict[str, Any] = await post_json(SEARCH_PATH, body)
    except (Rejected, ServiceUnavailable):
        return {}
    return answer


async def named_elsewhere(text: str) -> str | None:
    """The service's refusal when ``text`` names another place's policy or another scheme by name, else None.

    "四川回乡创业有啥扶持政策" (``knowledge_base/other_regions.yml``) and "我们公司想申请一次性扩岗补助" (the
    ``listed`` schemes of ``knowledge_base/other_schemes.yml``) are refused by the service before any search, with no
    hits at all: asked before a form opens from such a message, so that neither the eligibility check nor the
    application starts for a benefit the bundle does not give. So is a scheme the service names by its words and
    declines (``declined``: "退役军人安置补助标准", "家电下乡补贴怎么领", an example of what is not ours scoring ahead):
    a question about another scheme is never a request to apply. Examples of what is not ours that merely score
    close, naming no scheme, never refuse here (a request to apply is no question the knowledge base need answer).
    Unreachable: None.
    """
    if not any("\u4e00" <= ch <= "\u9fff" for ch in text):
        return None  # nothing the service could read a place or a scheme from ("👍", "123")
    answer = await _searched(text)
    if answer.get("status") != "not_found":
        return None
    if not answer.get("hits") or answer.get("declined"):  # a place, a listed scheme, or a scheme named by its words
        return str(answer.get("answer") or "") or None
    return None
