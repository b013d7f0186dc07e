"""👍/👎 under knowledge answers: the clients' shared logic (``miniprogram/utils/feedback.js``) run in Chromium.

The action server sends a knowledge answer's text and then a custom payload ``{sources, answer_feedback}``
(``actions/knowledge/answer_feedback.py``); the chat must show the buttons under that text, never show the payload, and
post the vote with the question, the answer and its source (``docs/closed_loop_api.md``). No stack needed.
"""

import json
from pathlib import Path
from typing import Any

import jwt
import pytest
from playwright.sync_api import Page, Route, expect

from bundle_service.web.pages import CHAT_ASSETS

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "miniprogram" / "utils" / "feedback.js"
SOURCE = {"document": "创业担保贷款指南", "section": "额度", "kind": "faq", "id": "loan-amount"}
PAYLOAD = {"sources": [SOURCE], "answer_feedback": {"question": "贷款能贷多少", "status": "faq"}}
NEXT_STEP = [{"title": "转人工", "payload": "/request_human"}]
TURN = [
    {"recipient_id": "wechat:u", "text": "个人最高可申请30万元。"},
    {"recipient_id": "wechat:u", "custom": PAYLOAD},
    {"recipient_id": "wechat:u", "text": "还有什么想了解的吗？", "buttons": NEXT_STEP},
]


@pytest.fixture
def feedback(page: Page) -> Page:
    """A blank page with ``window.AnswerFeedback`` loaded from the mini program's file."""
    page.set_content("<!doctype html><title>feedback</title>")
    page.add_script_tag(path=str(SCRIPT))
    return page


def call(page: Page, name: str, *args: Any) -> Any:
    return page.evaluate(f"([args]) => AnswerFeedback.{name}(...args)", [list(args)])


def test_the_buttons_go_under_the_answer_and_the_payload_is_not_shown(feedback: Page) -> None:
    shown = call(feedback, "attach", TURN, "贷款能贷多少？")
    assert [reply["text"] for reply in shown] == ["个人最高可申请30万元。", "还有什么想了解的吗？"]
    vote = shown[0]["feedback"]
    assert vote["question"] == "贷款能贷多少"
    assert vote["source"] == {"kind": "faq", "id": "loan-amount", "title": "额度"}
    assert vote["messageId"] and not vote["sent"]
    assert "feedback" not in shown[1]  # not a knowledge answer: no buttons


def test_a_reply_without_a_knowledge_payload_gets_no_buttons(feedback: Page) -> None:
    shown = call(feedback, "attach", [TURN[0], TURN[2]], "你好")
    assert all("feedback" not in reply for reply in shown)
    assert call(feedback, "attach", [TURN[1]], "x") == []  # a payload with nothing before it shows nothing


def test_the_vote_carries_question_answer_source_and_a_reason_only_for_a_thumbs_down(feedback: Page) -> None:
    vote = call(feedback, "attach", TURN, "q")[0]["feedback"]
    down = call(feedback, "body", vote, "个人最高可申请30万元。", False, "  金额和窗口说的不一样 ")
    assert down == {
        "message_id": vote["messageId"],
        "helpful": False,
        "question": "贷款能贷多少",
        "answer": "个人最高可申请30万元。",
        "channel": "miniprogram",
        "reason": "金额和窗口说的不一样",
        "source": {"kind": "faq", "id": "loan-amount", "title": "额度"},
    }
    up = call(feedback, "body", vote, "个人最高可申请30万元。", True, "ignored")
    assert up["helpful"] is True and "reason" not in up
    assert "reason" not in call(feedback, "body", vote, "a", False, "   ")  # the reason is optional


def test_loaded_as_a_commonjs_module_it_exports_instead_of_setting_a_global(page: Page) -> None:
    page.set_content("<!doctype html><title>module</title>")
    source = SCRIPT.read_text(encoding="utf-8")
    page.add_script_tag(content=f"var module = {{ exports: {{}} }};\n{source}\nwindow.exported = module.exports;")
    assert page.evaluate("() => typeof window.AnswerFeedback") == "undefined"
    assert page.evaluate("() => typeof window.exported.attach") == "function"


def test_the_h5_page_serves_the_mini_programs_file_verbatim() -> None:
    served = CHAT_ASSETS.answer("feedback.js")
    assert Path(served.path).read_bytes() == SCRIPT.read_bytes()


def test_the_h5_chat_shows_the_buttons_and_posts_a_thumbs_down_with_its_reason(page: Page) -> None:
    """The H5 page itself (chat.html + chat.js) with the network answered here: what the user sees and sends."""
    static = ROOT / "bundle_service" / "web" / "chat"
    origin = "http://h5.test"
    posted: list[dict[str, Any]] = []

    def answer(route: Route) -> None:
        url = route.request.url
        if url == f"{origin}/chat":
            html = (static / "chat.html").read_text(encoding="utf-8")
            webhook = f"{origin}/webhooks/miniprogram/webhook"
            route.fulfill(body=html.replace("{{CHAT_WEBHOOK_URL}}", webhook), content_type="text/html")
        elif "/chat/static/" in url:
            served = CHAT_ASSETS.answer(url.rsplit("/", 1)[1])
            route.fulfill(path=str(served.path), content_type="text/javascript" if url.endswith(".js") else "text/css")
        elif url.endswith("/webhooks/miniprogram/webhook"):
            route.fulfill(json=TURN)
        elif url.endswith("/api/v1/feedback/answers"):
            posted.append(json.loads(route.request.post_data or "{}"))
            route.fulfill(status=201, json={"id": 1, "helpful": posted[-1]["helpful"], "stored_at": "now"})
        else:
            route.fulfill(json=[])  # the outbox poll: no staff replies

    page.route(f"{origin}/**", answer)
    token = jwt.encode({"sub": "dev_voter", "exp": 9_999_999_999}, "k" * 32, algorithm="HS256")
    page.add_init_script(
        f"localStorage.setItem('cyyjs.token', JSON.stringify({{token: '{token}', expiresAt: Date.now() + 3600e3}}))"
    )
    page.goto(f"{origin}/chat")
    page.fill("#text", "贷款能贷多少")
    page.click("#send")
    answer_item = page.locator("#messages li.bot").first
    expect(answer_item).to_contain_text("个人最高可申请30万元。")
    expect(answer_item.locator("button.vote")).to_have_count(2)
    expect(page.locator("#messages li.bot").nth(1).locator("button.vote")).to_have_count(0)
    assert "answer_feedback" not in page.locator("#messages").inner_text()  # the payload is never shown
    answer_item.locator("button.vote.unhelpful").click()
    answer_item.locator(".reason input").fill("和窗口说的不一样")
    answer_item.locator(".reason button").click()
    expect(answer_item.locator(".note")).to_contain_text("感谢反馈")
    expect(answer_item.locator(".reason")).to_be_hidden()  # one vote per answer: the form goes away
    expect(answer_item.locator("button.vote.helpful")).to_be_hidden()
    assert len(posted) == 1
    assert posted[0]["helpful"] is False and posted[0]["reason"] == "和窗口说的不一样"
    assert posted[0]["question"] == "贷款能贷多少" and posted[0]["answer"] == "个人最高可申请30万元。"
    assert posted[0]["source"] == {"kind": "faq", "id": "loan-amount", "title": "额度"}
