"""诉求 end to end in headless Chromium against the real stack: the H5 user complains in the chat (the bot's
complaint form: details given in one message, the summary with the proposed category, confirmed, a SQ number),
staff take, reply to and close it in the console's 诉求 queue, and the user sees the reply and the result in the
chat."""

import json
import re
import urllib.request
from collections.abc import Callable
from typing import Any

from playwright.sync_api import BrowserContext, expect

from tests.web.conftest import Stack, log_in_console, log_in_h5

COMPLAINT = "我要投诉，上周五上午在雨花区政务服务中心，窗口工作人员态度很差，让我跑了三趟"
BOT_MS = 120_000  # the first message of a new stack also loads the bot's model and the knowledge base
POLLED_MS = 30_000  # what a page learns by polling (the console's 诉求 queue 3 s, the user's outbox 2.5 s when active)
REPLY = "您好，已联系雨花区政务服务中心核实窗口情况，明天下午前答复您。"
RESULT = "已约谈窗口工作人员并当面致歉，窗口已改为一次性告知所需材料。"


def _gateway(stack: Stack, path: str, body: dict[str, Any], openid: str) -> dict[str, Any]:
    request = urllib.request.Request(
        f"{stack.service_url}{path}",
        data=json.dumps(body).encode(),
        method="POST",
        headers={
            "Content-Type": "application/json",
            "X-Gateway-Token": stack.gateway_token,
            "X-Wechat-Openid": openid,
            "X-Client-Id": f"wechat:{openid}",
        },
    )
    with urllib.request.urlopen(request, timeout=10) as answer:
        found: dict[str, Any] = json.load(answer)
        return found


def test_staff_take_reply_and_close_and_the_user_sees_it_in_the_h5_chat(
    stack: Stack, new_context: Callable[[], BrowserContext]
) -> None:
    user = new_context().new_page()
    log_in_h5(user, stack.service_url, "appeal_user")
    openid = "dev_appeal_user"
    bot = user.locator("#messages li.bot")
    user.fill("#text", COMPLAINT)
    user.click("#send")
    summary = bot.filter(has_text="请核对")
    expect(summary.last).to_contain_text("工作人员服务态度与作风", timeout=BOT_MS)  # the proposed category
    expect(summary.last).to_contain_text("雨花区政务服务中心")
    user.fill("#text", "确认提交")
    user.click("#send")
    filed = bot.filter(has_text=re.compile(r"SQ\d{14}"))
    expect(filed.last).to_contain_text("个工作日", timeout=BOT_MS)
    found = re.search(r"SQ\d{14}", filed.last.inner_text())
    assert found is not None
    number = found.group(0)

    staff = new_context().new_page()
    log_in_console(staff, stack.service_url, "zhangsan")
    entry = staff.locator(f'#appeals li[data-number="{number}"]')
    expect(entry).to_contain_text("投诉", timeout=POLLED_MS)
    expect(entry.locator(".light")).to_contain_text("绿灯")
    entry.locator("button.appeal-open").click()
    expect(staff.locator("#appeal-title")).to_contain_text("待受理")
    expect(staff.locator("#appeal-facts")).to_contain_text("让我跑了三趟")
    staff.click("#appeal-take")
    expect(staff.locator("#appeal-title")).to_contain_text("处理中")

    staff.fill("#appeal-reply-input", REPLY)
    staff.click("#appeal-reply-send")
    said = user.locator("#messages li.staff")
    expect(said.last).to_contain_text(REPLY, timeout=POLLED_MS)
    expect(said.last).to_contain_text(number)

    staff.fill("#appeal-result-input", RESULT)
    staff.click("#appeal-close")
    expect(staff.locator("#appeal-title")).to_contain_text("已办结")
    expect(staff.locator("#appeal-facts")).to_contain_text(RESULT)
    expect(said.last).to_contain_text(f"您的诉求{number}已办结", timeout=POLLED_MS)
    expect(said.last).to_contain_text(RESULT)
    expect(said).to_have_count(2)

    status = _gateway(stack, f"/api/v1/appeals/{number}/status", {}, openid)
    assert (status["status_label"], status["result"]) == ("已办结", RESULT)
