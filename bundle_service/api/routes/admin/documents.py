"""Document administration: list, upload (Markdown with front matter) and withdraw."""

from typing import Annotated

from fastapi import APIRouter, Depends, status

from bundle_service.api.callers import KnowledgeAdminDep
from bundle_service.api.routes.admin.common import ERRORS, PREFIX, TAGS, knowledge_of
from bundle_service.knowledge.service import KnowledgeBase
from bundle_service.knowledge.upload_checks import check_upload
from bundle_service.models import KbDocument
from bundle_service.schemas.admin_knowledge import DocumentIn
from bundle_service.schemas.knowledge import DocumentOut

router = APIRouter(prefix=f"{PREFIX}/documents", tags=TAGS, responses=ERRORS)
Knowledge = Annotated[KnowledgeBase, Depends(knowledge_of)]


def _out(row: KbDocument) -> DocumentOut:
    return DocumentOut.model_validate(row, from_attributes=True)


@router.get("")
def list_documents(_actor: KnowledgeAdminDep, kb: Knowledge, include_deleted: bool = False) -> list[DocumentOut]:
    """Documents by path (without their content)."""
    return [_out(r) for r in kb.list_documents(include_deleted)]


@router.post("", status_code=status.HTTP_201_CREATED)
def upload_document(body: DocumentIn, actor: KnowledgeAdminDep, kb: Knowledge) -> DocumentOut:
    """Create or replace the document at ``path``; its sections are searchable when this returns.

    Raises:
        InvalidInput: 422 with the reason in Chinese: ``invalid_path``, ``required``, ``front_matter_missing``,
            ``front_matter_unclosed``, ``front_matter_invalid``, ``front_matter_unknown_key``, ``title_required``,
            ``effective_date_invalid``, ``too_long``, ``unknown_item``, ``document_empty``, ``document_too_long``.
    """
    check_upload(body.content)
    return _out(kb.upload_document(body.path, body.content, actor))


@router.delete("/{path:path}")
def withdraw_document(path: str, actor: KnowledgeAdminDep, kb: Knowledge) -> DocumentOut:
    """Take a document out of the knowledge base (kept, inactive; uploading it again brings it back).

    Raises:
        NotFound: 404.
        Conflict: 409, already withdrawn.
    """
    return _out(kb.withdraw_document(path, actor))
