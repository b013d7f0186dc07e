"""The knowledge admin page in headless Chromium against the real stack (service, action server, Rasa).

An admin logs in, adds a FAQ with a distinctive question, a similar question and an answer, checks both by hit
testing in the page, and the bot, asked that question over Rasa's REST channel, answers with the new answer. Then
the page's edit, version history and roll-back, and the refusal of a malformed document upload and a bad import
file.
"""

import uuid

import httpx
from playwright.sync_api import Page, expect

from tests.web.conftest import ADMIN_TOKEN, Stack

QUESTION = "创业者参加湘江夜校的路演活动要交报名费吗？"
ANSWER = "湘江夜校路演活动不收报名费，带上商业计划书现场签到即可（页面测试答案）。"
SIMILAR = "去夜校路演报名收不收钱"


def log_in(page: Page, stack: Stack) -> None:
    page.goto(f"{stack.service_url}/admin")
    page.fill("#token", ADMIN_TOKEN)
    page.click("#login")
    expect(page.locator("#app")).to_be_visible()
    expect(page.locator("#status")).to_contain_text("共")


def ask_bot(stack: Stack, text: str) -> str:
    sender = f"admin-web-{uuid.uuid4().hex[:8]}"
    reply = httpx.post(f"{stack.rasa_url}/webhooks/rest/webhook", json={"sender": sender, "message": text}, timeout=60)
    assert reply.status_code == 200, reply.text
    return "\n".join(str(m.get("text", "")) for m in reply.json())


def test_a_faq_added_in_the_page_is_the_bots_answer(page: Page, stack: Stack) -> None:
    page.goto(f"{stack.service_url}/admin")
    page.fill("#token", "wrong-token")
    page.click("#login")
    expect(page.locator("#login-error")).to_contain_text("无效")

    log_in(page, stack)
    page.click("#faq-new")
    page.fill("#faq-question", QUESTION)
    page.fill("#faq-answer", ANSWER)
    page.fill("#faq-tags", "路演|页面测试")
    page.fill("#faq-similar", f"{SIMILAR}\n")
    page.click("#faq-save")
    expect(page.locator("#status")).to_contain_text("已保存", timeout=120_000)  # the first write loads the model
    faq_id = page.locator("#faq-id").input_value()
    assert faq_id.startswith("faq-")
    expect(page.locator("#faq-rows")).to_contain_text(QUESTION)

    page.click("#tabs [data-tab=hits]")
    page.fill("#hit-query", QUESTION)
    page.click("#hit-run")
    expect(page.locator("#hit-answer")).to_contain_text(ANSWER)
    expect(page.locator("#hit-rows tr").first).to_contain_text(faq_id)
    page.fill("#hit-query", SIMILAR)  # the similar question written in the form finds the FAQ too
    page.click("#hit-run")
    expect(page.locator("#hit-answer")).to_contain_text(ANSWER)

    assert ANSWER in ask_bot(stack, QUESTION)


def test_edit_history_roll_back_and_refusals_in_the_page(page: Page, stack: Stack) -> None:
    log_in(page, stack)
    page.click("#faq-new")
    page.fill("#faq-question", "页面测试：创业沙龙几点开始？")
    page.fill("#faq-answer", "下午两点开始。")
    page.click("#faq-save")
    expect(page.locator("#status")).to_contain_text("已保存", timeout=120_000)
    page.fill("#faq-answer", "下午三点开始。")
    page.click("#faq-save")
    expect(page.locator("#faq-form-title")).to_contain_text("第 2 版")
    expect(page.locator("#version-rows tr")).to_have_count(2)
    page.click("#version-rows button.rollback")
    expect(page.locator("#faq-form-title")).to_contain_text("第 3 版")
    expect(page.locator("#faq-answer")).to_have_value("下午两点开始。")

    page.click("#tabs [data-tab=documents]")
    page.fill("#doc-path", "local/page_test.md")
    page.fill("#doc-content", "## 没有开头信息\n正文。")
    page.click("#doc-upload")
    expect(page.locator("#doc-errors")).to_contain_text("文档第1行应为 ---")

    page.click("#tabs [data-tab=files]")
    page.set_input_files(
        "#import-file",
        files=[{"name": "bad.csv", "mimeType": "text/csv", "buffer": "id,question,answer\n,没有答案？,\n".encode()}],
    )
    page.click("#import-run")
    expect(page.locator("#import-result")).to_contain_text("第2行：请填写答案")

    page.click("#tabs [data-tab=audit]")
    expect(page.locator("#audit-rows")).to_contain_text("faq.rolled_back")
