"""FAQ export and import as CSV or XLSX (import: every row checked, then all rows applied or none)."""

from typing import Annotated

from fastapi import APIRouter, Depends, Request, Response
from starlette.concurrency import run_in_threadpool

from bundle_service.api.callers import KnowledgeAdminDep
from bundle_service.api.routes.admin.common import ERRORS, PREFIX, TAGS, knowledge_of
from bundle_service.knowledge import faq_files
from bundle_service.knowledge.faq_files import FileFormat
from bundle_service.knowledge.service import KnowledgeBase
from bundle_service.schemas.admin_knowledge import ImportOut

router = APIRouter(prefix=f"{PREFIX}/faqs", tags=TAGS, responses=ERRORS)
Knowledge = Annotated[KnowledgeBase, Depends(knowledge_of)]
FILE_CONTENT: dict[str, object] = {media: {} for media in faq_files.MEDIA_TYPES.values()}


@router.get("/export", response_class=Response, responses={200: {"content": FILE_CONTENT}})
def export_faqs(_actor: KnowledgeAdminDep, kb: Knowledge, format: FileFormat = "csv") -> Response:
    """The active FAQs as a file with columns id, question, answer, item, tags (``|`` between tags)."""
    rows = [faq_files.faq_cells(faq_id, data) for faq_id, data in kb.export_faqs()]
    day = kb.clock.now().date().isoformat()
    return Response(
        faq_files.write(rows, format),
        media_type=faq_files.MEDIA_TYPES[format],
        headers={"Content-Disposition": f'attachment; filename="faqs-{day}.{format}"'},
    )


@router.post(
    "/import",
    openapi_extra={"requestBody": {"content": FILE_CONTENT}},
)
async def import_faqs(
    request: Request, actor: KnowledgeAdminDep, kb: Knowledge, format: FileFormat = "csv"
) -> ImportOut:
    """Import a file as exported; the raw file is the request body.

    Rows with an id replace that FAQ, rows without one create a FAQ; FAQs not in the file stay as they are.

    Raises:
        InvalidInput: 422; file problems (field ``file``) or every wrong row with its ``row`` number
            (header = row 1); nothing is written.
    """
    rows = faq_files.read(await request.body(), format)
    report = await run_in_threadpool(kb.import_faqs, rows, actor)
    return ImportOut(created=report.created, updated=report.updated, unchanged=report.unchanged)
