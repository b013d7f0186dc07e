"""The H5 web chat in headless Chromium against the real stack: dev login, greeting, my applications' lights."""

import json
import re
import urllib.request

from playwright.sync_api import Page, expect

from tests.service.factories import form, make_id
from tests.web.conftest import Stack, log_in_h5

CJK = re.compile(r"[\u4e00-\u9fff]")


def file_application(stack: Stack, openid: str) -> str:
    """File the bundle for ``openid`` the way the action server does for a WeChat conversation."""
    body = json.dumps(form(id_number=make_id(sequence="071"), applicant_name="周网页")).encode()
    request = urllib.request.Request(
        f"{stack.service_url}/api/v1/applications",
        data=body,
        method="POST",
        headers={
            "Content-Type": "application/json",
            "X-Gateway-Token": stack.gateway_token,
            "X-Wechat-Openid": openid,
            "X-Client-Id": f"wechat:{openid}",
        },
    )
    with urllib.request.urlopen(request, timeout=10) as answer:
        assert answer.status == 201
        return str(json.load(answer)["number"])


def log_in(page: Page, stack: Stack, name: str) -> None:
    log_in_h5(page, stack.service_url, name)


def test_login_greeting_and_my_applications_with_lights(page: Page, stack: Stack) -> None:
    log_in(page, stack, "h5tester")

    page.fill("#text", "你好")
    page.click("#send")
    expect(page.locator("#messages li.user").last).to_have_text("你好")
    greeting = page.locator("#messages li.bot").first
    expect(greeting).to_contain_text("您好", timeout=30_000)
    assert CJK.search(greeting.inner_text())
    assert "创业一件事助手" in greeting.inner_text()

    number = file_application(stack, "dev_h5tester")
    page.click("#my-applications")
    card = page.locator(f'.application[data-number="{number}"]')
    expect(card).to_be_visible()
    expect(card.locator("h3")).to_contain_text("已受理")
    lights = card.locator(".light")
    assert lights.count() == 3  # business registration, taxpayer confirmation, employment certificate
    assert set(lights.all_inner_texts()) <= {"绿灯", "黄灯", "红灯"}
    assert {lights.nth(i).get_attribute("data-light") for i in range(lights.count())} <= {"green", "yellow", "red"}


def test_other_users_applications_are_not_shown(page: Page, stack: Stack) -> None:
    file_application(stack, "dev_somebody_else")
    log_in(page, stack, "newcomer")
    page.click("#my-applications")
    expect(page.locator("#applications-empty")).to_be_visible()
    assert page.locator(".application").count() == 0


def test_a_bad_token_sends_the_user_back_to_login(page: Page, stack: Stack) -> None:
    log_in(page, stack, "tamperer")
    page.evaluate(
        """() => {
            const saved = JSON.parse(localStorage.getItem("cyyjs.token"));
            saved.token = saved.token.slice(0, -4) + "AAAA";
            localStorage.setItem("cyyjs.token", JSON.stringify(saved));
        }"""
    )
    page.fill("#text", "你好")
    page.click("#send")
    expect(page.locator("#login-view")).to_be_visible()
    expect(page.locator("#login-error")).to_have_text("登录已过期或无效，请重新登录。")
