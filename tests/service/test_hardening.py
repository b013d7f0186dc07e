"""Body caps per route and security headers on every answer (issue item 9)."""

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from bundle_service.api.body_limit import DEFAULT_LIMIT
from bundle_service.api.deps import Services
from bundle_service.api.security_headers import webhook_source
from tests.apps import client_for


def _chunks(total: int, size: int = 64_000) -> Iterator[bytes]:
    sent = 0
    while sent < total:
        yield b"1" * min(size, total - sent)
        sent += size


def test_a_declared_oversized_body_is_413_before_the_route_runs(app_client: TestClient) -> None:
    body = b'{"value": "' + b"1" * (20 * 1024 * 1024) + b'"}'
    answer = app_client.post("/api/v1/validation/phone", content=body, headers={"Content-Type": "application/json"})
    assert answer.status_code == 413
    assert answer.json()["code"] == "body_too_large" and "请求内容过大" in answer.json()["message"]


def test_a_streamed_body_without_length_is_cut_at_the_cap(app_client: TestClient) -> None:
    answer = app_client.post(
        "/api/v1/knowledge/search", content=_chunks(DEFAULT_LIMIT * 4), headers={"Content-Type": "application/json"}
    )
    assert answer.status_code == 413 and answer.json()["code"] == "body_too_large"


def test_a_body_under_the_cap_is_served(app_client: TestClient) -> None:
    answer = app_client.post("/api/v1/validation/phone", json={"value": "13912345678", "context": {"x": "y" * 200}})
    assert answer.status_code == 200 and answer.json()["valid"] is True


def test_a_bad_content_length_is_400(app_client: TestClient) -> None:
    answer = app_client.post("/api/v1/validation/phone", content=b"{}", headers={"Content-Length": "abc"})
    assert answer.status_code == 400


@pytest.mark.parametrize("page", ["/console", "/admin", "/chat"])
def test_pages_allow_only_their_own_scripts_and_no_framing(app_client: TestClient, page: str) -> None:
    answer = app_client.get(page)
    assert answer.status_code == 200
    csp = answer.headers["Content-Security-Policy"]
    for directive in ("default-src 'self'", "script-src 'self'", "style-src 'self'", "frame-ancestors 'none'"):
        assert directive in csp
    assert "unsafe-inline" not in csp and "unsafe-eval" not in csp
    assert answer.headers["X-Content-Type-Options"] == "nosniff"
    assert answer.headers["X-Frame-Options"] == "DENY"
    assert answer.headers["Referrer-Policy"] == "no-referrer"


def test_the_chat_page_may_post_to_the_configured_webhook(services: Services) -> None:
    settings = services.settings.model_copy(update={"chat_webhook_url": "//{host}:5111/webhooks/miniprogram/webhook"})
    original, services.settings = services.settings, settings
    try:
        with client_for(services, base_url="http://bot.example.cn:8000") as client:
            csp = client.get("/chat").headers["Content-Security-Policy"]
    finally:
        services.settings = original
    assert "connect-src 'self' http://bot.example.cn:5111;" in csp


def test_webhook_sources() -> None:
    template = "//{host}:5005/webhooks/miniprogram/webhook"
    assert webhook_source(template, "127.0.0.1", "http") == "http://127.0.0.1:5005"
    assert webhook_source(template, "[::1]", "https") == "https://[::1]:5005"
    assert (
        webhook_source("https://chat.example.cn/webhooks/miniprogram/webhook", "x", "http") == "https://chat.example.cn"
    )
    assert webhook_source(template, "evil;script-src *", "http") is None  # a forged Host header adds nothing


def test_api_answers_forbid_everything(app_client: TestClient) -> None:
    answer = app_client.get("/api/v1/items")
    assert answer.headers["Content-Security-Policy"].startswith("default-src 'none'")
    assert answer.headers["X-Content-Type-Options"] == "nosniff"


def test_docs_run_only_their_own_inline_script(app_client: TestClient) -> None:
    answer = app_client.get("/docs")
    assert answer.status_code == 200
    csp = answer.headers["Content-Security-Policy"]
    nonce = csp.split("'nonce-")[1].split("'")[0]
    assert f'<script nonce="{nonce}">' in answer.text and "<script>" not in answer.text
    assert "frame-ancestors 'none'" in csp and "default-src 'none'" in csp
    assert app_client.get("/docs").headers["Content-Security-Policy"] != csp  # a fresh nonce each time
    assert app_client.get("/openapi.json").status_code == 200
    assert app_client.get("/redoc").status_code == 404
