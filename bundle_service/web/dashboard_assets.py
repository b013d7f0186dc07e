"""Files of the admin page's dashboard tab: its script and style, and Chart.js, served by the service itself.

The page must work on an isolated network (no CDN): Chart.js comes from ``bundle_service/web/vendor`` (npm ci of
the committed package-lock.json, run by ``make venvs``). Only the files named here are served.
"""

from pathlib import Path

from fastapi import APIRouter
from fastapi.responses import FileResponse

from bundle_service.core.errors import NotFound

WEB_DIR = Path(__file__).resolve().parent
DASHBOARD_DIR = WEB_DIR / "dashboard"
CHART_JS = WEB_DIR / "vendor" / "node_modules" / "chart.js" / "dist" / "chart.umd.min.js"
ASSETS = {"dashboard.js": "text/javascript; charset=utf-8", "dashboard.css": "text/css; charset=utf-8"}
NO_STORE = {"Cache-Control": "no-store"}
CACHED = {"Cache-Control": "public, max-age=86400"}

router = APIRouter(tags=["admin page"], include_in_schema=False)


@router.get("/admin/dashboard/{asset}")
def dashboard_asset(asset: str) -> FileResponse:
    """The dashboard's script or style sheet.

    Raises:
        NotFound: Any other name.
    """
    if asset not in ASSETS:
        raise NotFound("没有这个文件。")
    return FileResponse(DASHBOARD_DIR / asset, media_type=ASSETS[asset], headers=NO_STORE)


@router.get("/admin/vendor/chart.umd.min.js")
def chart_library() -> FileResponse:
    """Chart.js (MIT), installed by ``make venvs``.

    Raises:
        NotFound: Not installed (npm missing): the page then shows its tables without charts.
    """
    if not CHART_JS.is_file():
        raise NotFound("图表库未安装（运行 make venvs）。", code="chart_library_missing")
    return FileResponse(CHART_JS, media_type="text/javascript; charset=utf-8", headers=CACHED)
