"""The admin web page: ``GET /admin`` (static HTML, CSS and vanilla JS; the page calls the admin API)."""

from pathlib import Path

from fastapi import APIRouter
from fastapi.responses import FileResponse

from bundle_service.core.errors import NotFound

PAGE_DIR = Path(__file__).resolve().parents[3] / "admin_page"
ASSETS = {
    "admin.js": "text/javascript; charset=utf-8",
    "hotline_settings.js": "text/javascript; charset=utf-8",
    "admin.css": "text/css; charset=utf-8",
}
NO_STORE = {"Cache-Control": "no-store"}

router = APIRouter(tags=["admin page"], include_in_schema=False)


@router.get("/admin")
def admin_page() -> FileResponse:
    """The knowledge-base admin page (log in with the admin token)."""
    return FileResponse(PAGE_DIR / "index.html", media_type="text/html; charset=utf-8", headers=NO_STORE)


@router.get("/admin/{asset}")
def admin_asset(asset: str) -> FileResponse:
    """The page's script and style sheet.

    Raises:
        NotFound: Any other name.
    """
    if asset not in ASSETS:
        raise NotFound("没有这个文件。")
    return FileResponse(PAGE_DIR / asset, media_type=ASSETS[asset], headers=NO_STORE)
