"""👍/👎 under a knowledge answer in the H5 chat, in headless Chromium against the real stack (issue 13).

The user asks a policy question, sees 👍/👎 under the answer (and none under the greeting), says 👎 with a reason,
and the service stores the vote with the question, the answer and its source (201 from
``POST /api/v1/feedback/answers``); a 👍 on another answer is stored too.
"""

import json

from playwright.sync_api import Page, expect

from tests.web.conftest import Stack, log_in_h5


def ask(page: Page, text: str) -> None:
    page.fill("#text", text)
    page.click("#send")
    expect(page.locator("#messages li.user").last).to_have_text(text)


def test_thumbs_down_with_a_reason_and_thumbs_up_are_stored(page: Page, stack: Stack) -> None:
    log_in_h5(page, stack.service_url, "voter")
    ask(page, "你好")
    expect(page.locator("#messages li.bot").first).to_contain_text("您好", timeout=60_000)
    assert page.locator("#messages li.bot").first.locator(".answer-feedback").count() == 0  # not an answer

    ask(page, "创业担保贷款个人最多能贷多少")
    answer = page.locator("#messages li.bot", has=page.locator(".answer-feedback")).last
    expect(answer).to_be_visible(timeout=60_000)
    answer_text = answer.inner_text()
    answer.locator("button.vote.unhelpful").click()
    answer.locator(".reason input").fill("和窗口说的金额不一样")
    with page.expect_response("**/api/v1/feedback/answers") as posted:
        answer.locator(".reason button").click()
    assert posted.value.status == 201
    sent = json.loads(posted.value.request.post_data or "{}")
    assert sent["helpful"] is False and sent["reason"] == "和窗口说的金额不一样"
    assert sent["question"] == "创业担保贷款个人最多能贷多少"
    assert sent["answer"] and sent["answer"] in answer_text
    assert sent["source"]["kind"] in ("faq", "doc") and sent["source"]["id"]
    expect(answer.locator(".note")).to_contain_text("感谢反馈")
    expect(answer.locator("button.vote")).to_have_count(2)
    assert not answer.locator("button.vote").first.is_visible()  # one vote per answer

    ask(page, "一次性创业补贴发多少钱")
    # Wait for the second answer itself: the first one's text changed with its note, so "not the old text" was
    # true at once and the click went to the first answer's hidden button.
    answers = page.locator("#messages li.bot", has=page.locator(".answer-feedback"))
    expect(answers).to_have_count(2, timeout=60_000)
    second = answers.nth(1)
    expect(second).to_contain_text("5000")
    with page.expect_response("**/api/v1/feedback/answers") as posted:
        second.locator("button.vote.helpful").click()
    assert posted.value.status == 201 and json.loads(posted.value.request.post_data or "{}")["helpful"] is True
