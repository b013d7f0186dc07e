"""``GET /docs``: Swagger UI for the OpenAPI schema, with its own Content-Security-Policy.

Swagger UI's script and style come from the CDN FastAPI uses (the service ships no copy); the page's one inline
script runs only with the nonce of its answer, and the page may call the service itself only.
"""

import secrets

from fastapi import APIRouter, Request
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import HTMLResponse

SWAGGER_CDN = "https://cdn.jsdelivr.net"
FAVICON_HOST = "https://fastapi.tiangolo.com"
POLICY = (
    "default-src 'none'; script-src 'nonce-{nonce}' "
    + SWAGGER_CDN
    + "; style-src "
    + SWAGGER_CDN
    + " 'unsafe-inline'; "
    "img-src 'self' data: " + FAVICON_HOST + "; connect-src 'self'; font-src data:; "
    "frame-ancestors 'none'; base-uri 'none'; form-action 'none'"
)
router = APIRouter(include_in_schema=False)


@router.get("/docs")
def swagger_ui(request: Request) -> HTMLResponse:
    """Swagger UI; its inline script carries a fresh nonce that the page's policy allows."""
    nonce = secrets.token_urlsafe(16)
    page = get_swagger_ui_html(openapi_url=request.app.openapi_url, title=f"{request.app.title} - Swagger UI")
    html = bytes(page.body).decode("utf-8").replace("<script>", f'<script nonce="{nonce}">')
    return HTMLResponse(
        html, headers={"Content-Security-Policy": POLICY.format(nonce=nonce), "Cache-Control": "no-store"}
    )
