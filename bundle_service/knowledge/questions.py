"""A question put to the knowledge base from outside: checked, then searched (the API's and the console's search).

The public search (``POST /api/v1/knowledge/search``) and the hotline console's (``POST /api/v1/hotline/knowledge/
search``, never queued as unanswered) ask the same way, through :func:`ask`.
"""

from bundle_service.applications.catalog import load_items
from bundle_service.core.errors import FieldError, InvalidInput
from bundle_service.knowledge.service import KnowledgeBase, SearchResult


def ask(
    knowledge: KnowledgeBase,
    query: str,
    *,
    item: str | None = None,
    region: str | None = None,
    conversation_id: str | None = None,
    record_unanswered: bool = True,
) -> SearchResult:
    """Answer ``query`` from the FAQs and documents, with its source; "not found" below the floor.

    Raises:
        InvalidInput: a blank query or an unknown item code.
    """
    if not query.strip():
        raise InvalidInput([FieldError("query", "required", "请输入问题。")])
    if item is not None and item not in load_items():
        raise InvalidInput([FieldError("item", "unknown_item", f"未知的事项代码：{item}。")])
    return knowledge.search(
        query, item=item, region=region, conversation_id=conversation_id, record_unanswered=record_unanswered
    )
