"""Re-indexing and hit testing."""

from typing import Annotated

from fastapi import APIRouter, Depends

from bundle_service.api.callers import KnowledgeAdminDep
from bundle_service.api.presenters import search_out
from bundle_service.api.routes.admin.common import ERRORS, PREFIX, TAGS, knowledge_of
from bundle_service.core.errors import FieldError, InvalidInput
from bundle_service.knowledge.service import KnowledgeBase
from bundle_service.schemas.admin_knowledge import HitTestIn, ReindexIn, ReindexOut
from bundle_service.schemas.knowledge import KnowledgeSearchOut

router = APIRouter(prefix=PREFIX, tags=TAGS, responses=ERRORS)
Knowledge = Annotated[KnowledgeBase, Depends(knowledge_of)]


@router.post("/reindex")
def reindex(body: ReindexIn, _actor: KnowledgeAdminDep, kb: Knowledge) -> ReindexOut:
    """Sync the index with the database by content hash; ``faq_id`` re-embeds that FAQ, ``force`` everything.

    Raises:
        NotFound: 404, unknown ``faq_id``.
    """
    report = kb.reindex(body.faq_id, body.force)
    return ReindexOut(total=report.total, embedded=report.embedded, removed=report.removed, seconds=report.seconds)


@router.post("/hit-test")
def hit_test(body: HitTestIn, _actor: KnowledgeAdminDep, kb: Knowledge) -> KnowledgeSearchOut:
    """What the bot would answer, with the ranked hits and their fused, dense and BM25 scores; nothing is queued.

    Raises:
        InvalidInput: 422, blank query or unknown item code.
    """
    if not body.query.strip():
        raise InvalidInput([FieldError("query", "required", "请输入问题。")])
    if body.item and body.item not in kb.known_items:
        raise InvalidInput([FieldError("item", "unknown_item", f"未知的事项代码：{body.item}。")])
    return search_out(
        kb.search(body.query, item=body.item or None, region=body.region or None, record_unanswered=False)
    )
