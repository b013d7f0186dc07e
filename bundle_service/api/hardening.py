"""What every request goes through before the routes: a body cap per route and the security headers."""

from fastapi import FastAPI

from bundle_service.api.body_limit import BodyLimitMiddleware, RouteLimit
from bundle_service.api.routes.admin import common as admin_common
from bundle_service.api.security_headers import SecurityHeadersMiddleware
from bundle_service.api.v1 import api_path
from bundle_service.core.config import Settings
from bundle_service.knowledge.faq_files import MAX_FILE_BYTES
from bundle_service.web import docs_page

KNOWLEDGE_ADMIN = api_path(admin_common.PREFIX)
BODY_LIMITS = [
    RouteLimit(KNOWLEDGE_ADMIN, 2_000_000),  # Markdown documents and FAQs with many similar questions
    RouteLimit(f"{KNOWLEDGE_ADMIN}/faqs/import", MAX_FILE_BYTES),  # the raw CSV/XLSX file
]


def install(app: FastAPI, settings: Settings) -> None:
    """Add the middlewares and the ``/docs`` page with its own policy to ``app`` (built with ``docs_url=None``)."""
    app.add_middleware(BodyLimitMiddleware, limits=BODY_LIMITS)
    app.add_middleware(SecurityHeadersMiddleware, chat_webhook_url=settings.chat_webhook_url)
    app.include_router(docs_page.router)
