"""Knowledge-base administration: ``/api/v1/admin/knowledge/…`` (admin only; the admin page is in ``web/``).

Every route depends on :func:`bundle_service.api.callers.knowledge_admin` (the one place that decides
who is an admin: the admin token or an admin staff session) and
passes its answer on as the actor written into the audit log.
"""

from fastapi import APIRouter

from bundle_service.api.routes.admin import audit, documents, faq_files, faqs, index, unanswered

router = APIRouter()
for module in (faq_files, faqs, documents, index, unanswered, audit):  # faq_files first: /faqs/export before /{id}
    router.include_router(module.router)
