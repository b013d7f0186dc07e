"""Every page the service serves, from one folder each under ``bundle_service/web/``, and the one way they are served.

- ``/chat`` (``chat/``): the H5 chat. It behaves like the mini program: log in (``POST /api/v1/auth/wechat-login``),
  chat with the Rasa mini-program channel with the token, show staff replies after a handoff (it polls the outbox
  with ``outbox.js``, the mini program's ``utils/outbox.js`` served verbatim, as is ``utils/feedback.js`` for the
  👍/👎 under answers), and list "my applications" with their lights. In a browser there is no ``wx.login``, so the
  page offers a development login that sends a ``dev-<name>`` code, which only the local fake code2Session
  (``devtools/fake_code2session.py``) accepts. Production H5 would log in through the official account's web OAuth.
- ``/console`` (``console/``): the hotline console (handoffs, calls, the 诉求 queue).
- ``/admin`` (``admin/``): the admin page (knowledge base, 诉求 settings), with its dashboard tab (``dashboard/``) and
  Chart.js from ``vendor/`` (npm ci of the committed package-lock.json, run by ``make venvs``: the page must work on
  an isolated network, no CDN).

Only the files named in :data:`PAGES` are served; any other name is a 404. Each page is static HTML, CSS and
vanilla JS calling the API; the security headers come from ``api/security_headers.py`` for every URL under a page.
"""

import html
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from fastapi import APIRouter, Request
from fastapi.responses import FileResponse, HTMLResponse, Response

from bundle_service.core.config import ROOT_DIR
from bundle_service.core.errors import NotFound

WEB_DIR = Path(__file__).resolve().parent
MINIPROGRAM_UTILS = ROOT_DIR / "miniprogram" / "utils"
NO_STORE = {"Cache-Control": "no-store"}
CACHED = {"Cache-Control": "public, max-age=86400"}
MEDIA_TYPES = {
    ".html": "text/html; charset=utf-8",
    ".js": "text/javascript; charset=utf-8",
    ".css": "text/css; charset=utf-8",
}
CHART_JS = WEB_DIR / "vendor" / "node_modules" / "chart.js" / "dist" / "chart.umd.min.js"


@dataclass(frozen=True)
class Assets:
    """Files served under one URL folder.

    Attributes:
        url: The folder's URL (``/chat/static``); a file is ``{url}/{name}``.
        files: Name → file on disk.
        headers: Extra headers of every answer (cache policy).
        missing: The 404's message and code when a named file is absent on disk (a library not installed).
    """

    url: str
    files: Mapping[str, Path]
    headers: Mapping[str, str] = field(default_factory=dict)
    missing: tuple[str, str] = ("没有这个文件。", "not_found")

    def path(self, name: str) -> Path:
        """The file served as ``{url}/{name}``.

        Raises:
            NotFound: 404 for a name not served here, or a file not installed.
        """
        if name not in self.files:
            raise NotFound("没有这个文件。")
        path = self.files[name]
        if not path.is_file():
            message, code = self.missing
            raise NotFound(message, code=code)
        return path

    def answer(self, name: str) -> FileResponse:
        """The file as an HTTP answer with its media type and the folder's headers."""
        path = self.path(name)
        return FileResponse(path, media_type=MEDIA_TYPES[path.suffix], headers=dict(self.headers))


@dataclass(frozen=True)
class Page:
    """One page: its URL, its HTML file, and the folders of its scripts and styles.

    Attributes:
        url: The page's URL (``/console``); also the prefix under which the security headers treat it as a page.
        html: The page's HTML file.
        headers: Extra headers of the HTML answer.
        assets: The page's asset folders.
        render: Fills the HTML in for a request (the chat page's webhook URL); ``None`` serves the file as is.
    """

    url: str
    html: Path
    headers: Mapping[str, str] = field(default_factory=dict)
    assets: tuple[Assets, ...] = ()
    render: Callable[[str, Request], str] | None = None

    def answer(self, request: Request) -> Response:
        """The HTML page as an HTTP answer."""
        if self.render is None:
            return FileResponse(self.html, media_type=MEDIA_TYPES[".html"], headers=dict(self.headers))
        page = self.render(self.html.read_text(encoding="utf-8"), request)
        return HTMLResponse(page, headers=dict(self.headers))


def _chat_html(page: str, request: Request) -> str:
    """The chat page with the chat webhook URL (``BUNDLE_CHAT_WEBHOOK_URL``) filled in, HTML-escaped."""
    url = html.escape(request.app.state.services.settings.chat_webhook_url, quote=True)
    return page.replace("{{CHAT_WEBHOOK_URL}}", url)


def _folder(name: str, *files: str) -> dict[str, Path]:
    return {file: WEB_DIR / name / file for file in files}


CHAT_ASSETS = Assets(
    "/chat/static",
    {
        **_folder("chat", "chat.js", "chat.css", "notify_settings.js"),
        "outbox.js": MINIPROGRAM_UTILS / "outbox.js",  # one file for both clients
        "feedback.js": MINIPROGRAM_UTILS / "feedback.js",
    },
)
CHAT = Page("/chat", WEB_DIR / "chat" / "chat.html", NO_STORE, (CHAT_ASSETS,), _chat_html)
CONSOLE = Page(
    "/console",
    WEB_DIR / "console" / "index.html",
    assets=(
        Assets(
            "/console", _folder("console", "console.js", "appeals.js", "notifications.js", "bookings.js", "console.css")
        ),
    ),
)
ADMIN = Page(
    "/admin",
    WEB_DIR / "admin" / "index.html",
    NO_STORE,
    (
        Assets(
            "/admin", _folder("admin", "admin.js", "hotline_settings.js", "booking_providers.js", "admin.css"), NO_STORE
        ),
        Assets("/admin/dashboard", _folder("dashboard", "dashboard.js", "dashboard.css"), NO_STORE),
        Assets(
            "/admin/vendor",
            {"chart.umd.min.js": CHART_JS},
            CACHED,
            ("图表库未安装（运行 make venvs）。", "chart_library_missing"),  # the page then shows tables only
        ),
    ),
)
PAGES = (CHAT, CONSOLE, ADMIN)
PAGE_URLS = tuple(page.url for page in PAGES)


def _page_route(page: Page) -> Callable[[Request], Response]:
    def serve_page(request: Request) -> Response:
        return page.answer(request)

    return serve_page


def _assets_route(assets: Assets) -> Callable[[str], FileResponse]:
    def serve_asset(name: str) -> FileResponse:
        return assets.answer(name)

    return serve_asset


def router() -> APIRouter:
    """The routes of every page and its assets (outside the OpenAPI document)."""
    pages = APIRouter(tags=["web"], include_in_schema=False)
    for page in PAGES:
        pages.add_api_route(page.url, _page_route(page), methods=["GET"], name=f"page{page.url.replace('/', '_')}")
        for assets in page.assets:
            route = f"{assets.url}/{{name}}"
            pages.add_api_route(route, _assets_route(assets), methods=["GET"], name=f"assets{assets.url}")
    return pages
