"""Security headers on every answer: a Content-Security-Policy, no framing, no sniffing, no referrer.

API answers get a policy that allows nothing (they are data, never rendered). The pages (``web/pages.py``: ``/console``,
``/admin``, ``/chat``) load their scripts and styles from the service itself; the H5 chat also posts to the Rasa
mini-program webhook (``BUNDLE_CHAT_WEBHOOK_URL``), which its ``connect-src`` allows. A route that sets its own
policy (``/docs``, with a nonce for Swagger UI's inline script) keeps it.
"""

import re
from urllib.parse import urlsplit

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from bundle_service.web.pages import PAGE_URLS

API_POLICY = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'"
PAGE_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'{connect}; "
    "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)
COMMON = {
    b"x-content-type-options": b"nosniff",
    b"x-frame-options": b"DENY",
    b"referrer-policy": b"no-referrer",
    b"cross-origin-opener-policy": b"same-origin",
}
_HOST = re.compile(r"^[A-Za-z0-9.\-]+$|^\[[0-9A-Fa-f:.]+\]$")


def is_page(path: str) -> bool:
    """Whether ``path`` is one of the service's HTML pages or their assets."""
    return any(path == prefix or path.startswith(prefix + "/") for prefix in PAGE_URLS)


def webhook_source(template: str, host: str, scheme: str) -> str | None:
    """The CSP source of the chat webhook for a page loaded from ``host`` (``{host}`` replaced as the page does).

    Args:
        template: ``BUNDLE_CHAT_WEBHOOK_URL``, e.g. ``//{host}:5005/webhooks/miniprogram/webhook``.
        host: Host name the page was loaded from (no port).
        scheme: ``http`` or ``https`` of the page (for a scheme-relative template).

    Returns:
        ``scheme://host[:port]``, or ``None`` when the host or the URL is unusable (then only ``'self'``).
    """
    if not _HOST.match(host):
        return None
    parts = urlsplit(template.replace("{host}", host), scheme=scheme)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return None
    try:
        port = f":{parts.port}" if parts.port else ""
    except ValueError:
        return None
    name = f"[{parts.hostname}]" if ":" in parts.hostname else parts.hostname
    return f"{parts.scheme}://{name}{port}"


class SecurityHeadersMiddleware:
    """ASGI middleware adding the security headers a response does not set itself.

    Args:
        app: The application.
        chat_webhook_url: ``BUNDLE_CHAT_WEBHOOK_URL``, allowed as ``connect-src`` of the pages.
    """

    def __init__(self, app: ASGIApp, chat_webhook_url: str) -> None:
        self.app = app
        self.chat_webhook_url = chat_webhook_url

    def policy(self, scope: Scope) -> str:
        """The Content-Security-Policy for a request."""
        path = scope["path"]
        if not is_page(path):
            return API_POLICY
        host_header = dict(scope["headers"]).get(b"host", b"").decode("latin-1")
        host = host_header.rsplit(":", 1)[0] if not host_header.endswith("]") else host_header
        source = webhook_source(self.chat_webhook_url, host, scope.get("scheme", "http"))
        return PAGE_POLICY.format(connect=f" {source}" if source else "")

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Add the headers on the response start."""
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                present = {name.lower() for name, _ in headers}
                extra = dict(COMMON)
                extra[b"content-security-policy"] = self.policy(scope).encode("latin-1")
                if scope.get("scheme") == "https":
                    extra[b"strict-transport-security"] = b"max-age=31536000"
                headers += [(name, value) for name, value in extra.items() if name not in present]
                message = {**message, "headers": headers}
            await send(message)

        await self.app(scope, receive, with_headers)
