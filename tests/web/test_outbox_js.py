"""The clients' outbox polling logic (``outbox.js``: conversation, cursor, merge, delays) run in Chromium.

The mini program cannot run here; its polling logic is the pure module ``miniprogram/utils/outbox.js``, which the
H5 page serves verbatim as ``/chat/static/outbox.js`` (the H5 behaviour itself is tested on the real stack in
``test_console.py``). No stack needed: the file is loaded into a blank page, as a script (H5) and as a CommonJS
module (the mini program's ``require``).
"""

import base64
import json
from pathlib import Path
from typing import Any

import jwt
import pytest
from playwright.sync_api import Page

from bundle_service.web.pages import CHAT_ASSETS
from contract import login_token
from contract.conversations import wechat_sender

ROOT = Path(__file__).resolve().parents[2]
MINIPROGRAM_COPY = ROOT / "miniprogram" / "utils" / "outbox.js"
KEY = "a-test-key-of-at-least-thirty-two-bytes"


@pytest.fixture
def outbox(page: Page) -> Page:
    """A blank page with ``window.Outbox`` loaded from the mini program's file."""
    page.set_content("<!doctype html><title>outbox</title>")
    page.add_script_tag(path=str(MINIPROGRAM_COPY))
    return page


def call(page: Page, name: str, *args: Any) -> Any:
    return page.evaluate(f"([args]) => Outbox.{name}(...args)", [list(args)])


def test_the_h5_page_serves_the_mini_programs_file_verbatim() -> None:
    served = CHAT_ASSETS.answer("outbox.js")
    assert Path(served.path).read_bytes() == MINIPROGRAM_COPY.read_bytes()


def test_loaded_as_a_commonjs_module_it_exports_instead_of_setting_a_global(page: Page) -> None:
    page.set_content("<!doctype html><title>module</title>")
    source = MINIPROGRAM_COPY.read_text(encoding="utf-8")
    page.add_script_tag(content=f"var module = {{ exports: {{}} }};\n{source}\nwindow.exported = module.exports;")
    assert page.evaluate("() => typeof window.Outbox") == "undefined"
    assert page.evaluate("() => window.exported.merge(0, [{id: 1, text: 'a'}]).cursor") == 1


def test_conversation_id_is_the_one_the_service_put_in_the_token(outbox: Page) -> None:
    token = jwt.encode(login_token.claims_for("dev_alice", 1, 3600), KEY, algorithm="HS256")  # as the service issues
    assert call(outbox, "conversationId", token) == wechat_sender("dev_alice") == "wechat:dev_alice"
    claim = {login_token.CONVERSATION_CLAIM: "wechat:oAb-_用户~"}
    raw_utf8 = base64.urlsafe_b64encode(json.dumps(claim, ensure_ascii=False).encode()).decode()
    assert call(outbox, "conversationId", f"e30.{raw_utf8.rstrip('=')}.sig") == "wechat:oAb-_用户~"
    assert call(outbox, "conversationId", f"e30.{raw_utf8}.sig") == "wechat:oAb-_用户~"  # with padding
    claims = {"iss": "bundle-service", "aud": "miniprogram", "iat": 1, "exp": 2}
    no_conversation = jwt.encode({**claims, "sub": "dev_alice"}, KEY, algorithm="HS256")  # the client builds nothing
    not_json = "e30." + "bm90IGpzb24" + ".sig"  # base64url of "not json"
    for bad in [no_conversation, not_json, "", "no-dots", "a.!!!.c", None, 42]:
        assert call(outbox, "conversationId", bad) is None, bad


def test_messages_path_escapes_the_conversation(outbox: Page) -> None:
    assert (
        call(outbox, "messagesPath", "wechat:dev_a/b", 12)
        == "/api/v1/conversations/wechat%3Adev_a%2Fb/messages?after=12&limit=50"
    )


def test_cursor_storage(outbox: Page) -> None:
    assert call(outbox, "cursorKey", "wechat:dev_a") == "cyyjs.outbox.wechat:dev_a"
    for stored, cursor in [("12", 12), (7, 7), (None, 0), ("", 0), ("-3", 0), ("1.5", 0), ("abc", 0)]:
        assert call(outbox, "readCursor", stored) == cursor, stored


def test_merge_shows_each_new_message_once_oldest_first(outbox: Page) -> None:
    batch = [
        {"id": 6, "text": "第二条", "created_at": "2026-01-01T00:00:06Z"},
        {"id": 2, "text": "旧的"},
        {"id": 4, "text": "第一条", "created_at": "2026-01-01T00:00:04Z"},
        {"id": 4, "text": "第一条"},
        {"id": 5, "text": "  "},
        {"id": "7", "text": "id 不是整数"},
        None,
    ]
    merged = call(outbox, "merge", 3, batch)
    assert merged == {
        "cursor": 6,
        "fresh": [
            {"id": 4, "text": "第一条", "at": "2026-01-01T00:00:04Z"},
            {"id": 6, "text": "第二条", "at": "2026-01-01T00:00:06Z"},
        ],
    }
    # A status notification (issue 15) says so: the chat labels it 办理通知, not 人工客服.
    notice = call(outbox, "merge", 6, [{"id": 7, "text": "税务部门已办结", "sender": "notification"}])
    assert notice["fresh"] == [{"id": 7, "text": "税务部门已办结", "at": "", "sender": "notification"}]
    # The same answer again (a poll that overlapped, or a reload with the stored cursor): nothing new.
    assert call(outbox, "merge", 6, batch) == {"cursor": 6, "fresh": []}
    for not_a_list in [None, {"message": "出错了"}, "[]"]:
        assert call(outbox, "merge", 6, not_a_list) == {"cursor": 6, "fresh": []}


def test_a_full_page_is_followed_at_once(outbox: Page) -> None:
    page_of = [{"id": i, "text": str(i)} for i in range(1, 51)]
    assert call(outbox, "hasMore", page_of) is True
    assert call(outbox, "hasMore", page_of[:-1]) is False
    assert call(outbox, "hasMore", None) is False


def test_delays_fast_while_active_slow_when_idle_backing_off_on_errors(outbox: Page) -> None:
    constants = json.loads(outbox.evaluate("() => JSON.stringify(Outbox)"))
    fast, slow, window = constants["FAST_MS"], constants["SLOW_MS"], constants["ACTIVE_WINDOW_MS"]
    assert 2000 <= fast <= 3000 < slow
    now = 10_000_000
    assert call(outbox, "nextDelay", 0, now - 1000, now) == fast
    assert call(outbox, "nextDelay", 0, now - window - 1, now) == slow
    backoff = [call(outbox, "nextDelay", failures, now, now) for failures in range(1, 7)]
    assert backoff == [5000, 10000, 20000, 30000, 30000, 30000]
