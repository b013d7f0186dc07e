"""The mini-program chat channel: the sender comes from the service's login token only; bad tokens get 401."""

import asyncio
import json
import time
from collections.abc import AsyncIterator
from typing import Any

import jwt
import pytest
from rasa.core.channels.channel import UserMessage

from channels.miniprogram import InvalidToken, MiniProgramInput, openid_from_token
from tests.channels.channel_server import ChannelHost

SECRET = "shared-test-secret-of-32-bytes-at-least"
OPENID = "oTestOpenid_123"
# Issued by the bundle service (tests/service/identity/test_wechat_login.py checks it issues exactly this):
# the shared format.
SERVICE_VECTOR = (
    "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJidW5kbGUtc2VydmljZSIsImF1ZCI6Im1pbmlwcm9ncmFtIiwic3ViIjoib1Rlc"
    "3RPcGVuaWRfMTIzIiwiY29udmVyc2F0aW9uIjoid2VjaGF0Om9UZXN0T3BlbmlkXzEyMyIsImlhdCI6MTc5MDAwMDAwMCwiZXhwIjoxNzkwMDA"
    "3MjAwfQ.oGfRn-IOf6-aCTBsRn18uSxvvLE7CIxkEng990hxPtg"
)


def token(openid: str = OPENID, secret: str = SECRET, lifetime: int = 7200, **claims: Any) -> str:
    """A token shaped like the service's (tests vary one claim at a time)."""
    now = int(time.time())
    body = {"iss": "bundle-service", "aud": "miniprogram", "sub": openid, "iat": now, "exp": now + lifetime, **claims}
    return jwt.encode({k: v for k, v in body.items() if v is not None}, secret, algorithm="HS256")


class Server(ChannelHost):
    """The channel host whose stub bot also offers a button; posts JSON with an ``Authorization`` header."""

    async def _bot(self, message: UserMessage) -> None:
        await super()._bot(message)
        await message.output_channel.send_text_with_buttons(message.sender_id, "还有吗？", [{"title": "没有了"}])

    async def post_json(self, body: Any, authorization: str | None) -> tuple[int, Any]:
        """POST ``body`` as JSON with ``authorization`` (None: no header); the status and the decoded answer."""
        headers = {"Content-Type": "application/json"}
        if authorization is not None:
            headers["Authorization"] = authorization
        return await self.post(json.dumps(body).encode(), headers)


@pytest.fixture
async def server() -> AsyncIterator[Server]:
    running = await Server(MiniProgramInput(SECRET)).start()
    yield running
    await running.stop()


async def test_reply_comes_back_synchronously_for_the_tokens_user(server: Server) -> None:
    status, replies = await server.post_json({"message": "你好"}, f"Bearer {token()}")
    assert status == 200
    assert replies[0] == {"recipient_id": f"wechat:{OPENID}", "text": "收到：你好"}
    assert replies[1]["buttons"] == [{"title": "没有了"}]
    assert [(t.sender_id, t.text, t.input_channel) for t in server.turns] == [
        (f"wechat:{OPENID}", "你好", "miniprogram")
    ]


async def test_sender_in_the_body_is_ignored(server: Server) -> None:
    body = {"message": "查我的申请", "sender": "wechat:oSomebodyElse", "sender_id": "victim"}
    status, replies = await server.post_json(body, f"Bearer {token()}")
    assert status == 200
    assert server.turns[0].sender_id == f"wechat:{OPENID}"
    assert replies[0]["recipient_id"] == f"wechat:{OPENID}"


@pytest.mark.parametrize(
    ("authorization", "code"),
    [
        (None, "login_required"),
        ("", "login_required"),
        ("Bearer ", "invalid_token"),
        ("Basic dXNlcjpwYXNz", "invalid_token"),
        ("Bearer not-a-jwt", "invalid_token"),
        (f"Bearer {token(secret='another-secret-of-32-bytes-at-least!')}", "invalid_token"),  # forged
        (f"Bearer {token(lifetime=-1)}", "invalid_token"),  # expired
        (f"Bearer {token(aud='console')}", "invalid_token"),
        (f"Bearer {token(iss='somebody')}", "invalid_token"),
        (f"Bearer {token(openid='')}", "invalid_token"),
        (f"Bearer {token(exp=None)}", "invalid_token"),
        (
            f"Bearer {jwt.encode({'sub': OPENID, 'aud': 'miniprogram', 'iss': 'bundle-service'}, None, 'none')}",
            "invalid_token",
        ),
    ],
    ids=[
        "missing",
        "empty",
        "bearer-empty",
        "basic",
        "garbage",
        "forged",
        "expired",
        "audience",
        "issuer",
        "no-subject",
        "no-expiry",
        "alg-none",
    ],
)
async def test_bad_tokens_get_401_and_never_reach_the_bot(server: Server, authorization: str | None, code: str) -> None:
    status, answer = await server.post_json({"message": "你好"}, authorization)
    assert status == 401
    assert answer["code"] == code
    assert answer["message"] in ("请先登录。", "登录已过期或无效，请重新登录。")
    assert server.turns == []


async def test_tampered_subject_is_refused(server: Server) -> None:
    header, _, signature = token().split(".")
    forged_claims = token(openid="oSomebodyElse").split(".")[1]
    status, _ = await server.post_json({"message": "你好"}, f"Bearer {header}.{forged_claims}.{signature}")
    assert status == 401
    assert server.turns == []


async def test_body_without_text_is_400(server: Server) -> None:
    status, answer = await server.post_json({"text": "你好"}, f"Bearer {token()}")
    assert status == 400
    assert server.turns == []


async def test_without_a_secret_everything_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("BUNDLE_SESSION_SECRET", raising=False)
    running = await Server(MiniProgramInput.from_credentials(None)).start()
    try:
        status, _ = await running.post_json({"message": "你好"}, f"Bearer {token()}")
        assert status == 401
        assert running.turns == []
    finally:
        await running.stop()


def test_secret_from_credentials_or_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BUNDLE_SESSION_SECRET", "from-env")
    assert MiniProgramInput.from_credentials(None).token_secret == "from-env"
    assert MiniProgramInput.from_credentials({"token_secret": "from-file"}).token_secret == "from-file"


def test_service_issued_vector_verifies_here() -> None:
    vector = SERVICE_VECTOR
    assert openid_from_token(vector, SECRET, now=1790000000 + 7199) == OPENID
    with pytest.raises(InvalidToken):
        openid_from_token(vector, SECRET, now=1790000000 + 7200)
    with pytest.raises(InvalidToken):
        openid_from_token(vector, SECRET[:-1], now=1790000000)


async def test_concurrent_users_stay_apart(server: Server) -> None:
    results = await asyncio.gather(
        *(server.post_json({"message": f"m{i}"}, f"Bearer {token(f'oUser{i}')}") for i in range(5))
    )
    assert [r[1][0]["recipient_id"] for r in results] == [f"wechat:oUser{i}" for i in range(5)]
