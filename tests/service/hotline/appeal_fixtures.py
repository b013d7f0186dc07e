"""Fixtures of the 诉求 and rating tests: a client with staff accounts, fake Rasa/WeChat and user logins."""

import dataclasses
from collections.abc import Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient
from pydantic import SecretStr

from bundle_service.api.deps import Services
from bundle_service.core.clock import FixedClock
from bundle_service.identity.session_tokens import SessionTokens
from tests.apps import client_for
from tests.service.conftest import GATEWAY_TOKEN
from tests.service.hotline_fixtures import fake_rasa, fake_wechat, hotline  # (fixtures)

SESSION_SECRET = "appeal-test-secret-of-32-bytes-at-least"
GATEWAY = {"X-Gateway-Token": GATEWAY_TOKEN}
ALICE = "oAlice_appeals_0001"
__all__ = ["client", "fake_rasa", "fake_wechat", "hotline"]
BOB = "oBob_appeals_0002"


@pytest.fixture
def client(hotline: Services) -> Iterator[TestClient]:
    """The app with staff accounts, the fakes, and user logins enabled."""
    settings = hotline.settings.model_copy(update={"session_secret": SecretStr(SESSION_SECRET)})
    with client_for(dataclasses.replace(hotline, settings=settings)) as test_client:
        yield test_client


def bearer(openid: str, clock: FixedClock) -> dict[str, str]:
    """Headers of a logged-in chat-page user."""
    token = SessionTokens(SESSION_SECRET, 7200).issue(openid, clock.now().timestamp())
    return {"Authorization": f"Bearer {token}"}


def bot(conversation: str = "web:visitor-1", openid: str | None = None) -> dict[str, str]:
    """Headers of the action server for ``conversation`` (with the verified openid of a WeChat user)."""
    return {**GATEWAY, "X-Client-Id": conversation, **({"X-Wechat-Openid": openid} if openid else {})}


def complaint(**overrides: Any) -> dict[str, Any]:
    """A complaint as the bot's form sends it (override any field; None removes it)."""
    body: dict[str, Any] = {
        "kind": "complaint",
        "description": "窗口工作人员态度很差，让我跑了三趟",
        "place_time": "9月25日上午 雨花区政务服务中心",
        "contact_name": "张三",
        "contact_phone": "13812345678",
        "conversation_id": "web:visitor-1",
        "channel": "rest",
    }
    body.update(overrides)
    return {key: value for key, value in body.items() if value is not None}


def file_appeal(client: TestClient, headers: dict[str, str] | None = None, **overrides: Any) -> dict[str, Any]:
    """File a complaint through the gateway and return the answer."""
    answer = client.post("/api/v1/appeals", json=complaint(**overrides), headers=headers or bot())
    assert answer.status_code == 201, answer.text
    body: dict[str, Any] = answer.json()
    return body
