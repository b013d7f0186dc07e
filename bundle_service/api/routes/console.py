"""The hotline console web page (static HTML and vanilla JS; everything it shows comes from the API)."""

from fastapi import APIRouter
from fastapi.responses import FileResponse

from bundle_service.core.config import PACKAGE_DIR

router = APIRouter(tags=["console"], include_in_schema=False)
STATIC_DIR = PACKAGE_DIR / "static" / "console"


@router.get("/console")
def console_page() -> FileResponse:
    """The console's page."""
    return FileResponse(STATIC_DIR / "index.html", media_type="text/html; charset=utf-8")


@router.get("/console/console.js")
def console_script() -> FileResponse:
    """The console's script."""
    return FileResponse(STATIC_DIR / "console.js", media_type="text/javascript; charset=utf-8")


@router.get("/console/appeals.js")
def appeals_script() -> FileResponse:
    """The console's 诉求 queue script."""
    return FileResponse(STATIC_DIR / "appeals.js", media_type="text/javascript; charset=utf-8")


@router.get("/console/console.css")
def console_style() -> FileResponse:
    """The console's style sheet."""
    return FileResponse(STATIC_DIR / "console.css", media_type="text/css; charset=utf-8")
