"""The H5 web chat: ``GET /chat`` (page) and ``GET /chat/static/{name}`` (its scripts and style).

The page behaves like the mini program: log in (``POST /api/v1/auth/wechat-login``), chat with the Rasa
mini-program channel with the token, show staff replies after a handoff to a person (it polls the outbox with
``outbox.js``, the mini program's ``utils/outbox.js`` verbatim), and list "my applications" with their lights. In
a browser there is no ``wx.login``, so the page offers a development login that sends a ``dev-<name>`` code, which
only the local fake code2Session (``scripts/fake_code2session.py``) accepts. Production H5 would log in through
the official account's web OAuth (not built).
"""

import html
from pathlib import Path

from fastapi import APIRouter
from fastapi.responses import FileResponse, HTMLResponse

from bundle_service.api.deps import ServicesDep
from bundle_service.core.config import ROOT_DIR
from bundle_service.core.errors import NotFound

STATIC_DIR = Path(__file__).resolve().parent / "static"
# The outbox polling logic is the mini program's own module, served as is: one file for both clients.
STATIC_FILES = {
    "chat.js": (STATIC_DIR / "chat.js", "text/javascript"),
    "outbox.js": (ROOT_DIR / "miniprogram" / "utils" / "outbox.js", "text/javascript"),
    "feedback.js": (ROOT_DIR / "miniprogram" / "utils" / "feedback.js", "text/javascript"),  # 👍/👎 under answers
    "chat.css": (STATIC_DIR / "chat.css", "text/css"),
}
router = APIRouter(tags=["web"], include_in_schema=False)


@router.get("/chat", response_class=HTMLResponse)
def chat_page(services: ServicesDep) -> HTMLResponse:
    """The chat page, with the chat webhook URL (``BUNDLE_CHAT_WEBHOOK_URL``) filled in."""
    page = (STATIC_DIR / "chat.html").read_text(encoding="utf-8")
    url = html.escape(services.settings.chat_webhook_url, quote=True)
    return HTMLResponse(page.replace("{{CHAT_WEBHOOK_URL}}", url), headers={"Cache-Control": "no-store"})


@router.get("/chat/static/{name}")
def chat_static(name: str) -> FileResponse:
    """The page's scripts and style sheet (nothing else is served from the folder).

    Raises:
        NotFound: 404 for any other name.
    """
    if name not in STATIC_FILES:
        raise NotFound("没有这个文件。")
    path, media_type = STATIC_FILES[name]
    return FileResponse(path, media_type=media_type)
