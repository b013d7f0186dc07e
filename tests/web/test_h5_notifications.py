"""Issue 15 in headless Chromium: a department asks for 补正 and the H5 user sees it without asking.

An in-process service with its notification worker running (no Rasa: the page polls the service): the tax
department marks 需补正 with the reason; the user's chat shows the 办理通知 line (the notification's in-app
channel), 我的申请 shows the reason under the department, and the user turns notifications off in 我的.
"""

import json
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import httpx
import pytest
from playwright.sync_api import BrowserContext, Page, expect
from pydantic import SecretStr

from bundle_service.identity.session_tokens import SessionTokens
from tests.service import factories
from tests.web.conftest import DEPARTMENT_KEYS, STAFF_ACCOUNTS, in_process_service, log_in_console, page_settings

SECRET = "notifications-page-secret-of-32-bytes"
GATEWAY = "notifications-page-gateway-token"
OPENID = "dev_zhaoxin"
TAX = {"X-Department-Key": "dev-tax-key"}
REASON = "租赁合同缺少出租方签字，请补交签字页"


@pytest.fixture(scope="module")
def service_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    work: Path = tmp_path_factory.mktemp("notifications_page")
    settings = page_settings(
        work,
        session_secret=SecretStr(SECRET),
        gateway_token=SecretStr(GATEWAY),
        department_keys_file=DEPARTMENT_KEYS,
        notify_quiet_hours="",
        notify_poll_seconds=0.2,
        staff_accounts_file=work / "staff.yml",
    )
    (work / "staff.yml").write_text(STAFF_ACCOUNTS, encoding="utf-8")
    with in_process_service(settings) as url:
        yield url


def test_a_material_request_reaches_the_h5_chat_and_my_applications_and_staff_see_it(
    page: Page, service_url: str, new_context: Callable[[], BrowserContext]
) -> None:
    owner = {"X-Gateway-Token": GATEWAY, "X-Wechat-Openid": OPENID}
    form = factories.form(items=["business_registration", "taxpayer_confirmation"])
    filed = httpx.post(f"{service_url}/api/v1/applications", json=form, headers=owner).json()
    task = next(d["task_id"] for d in filed["departments"] if d["department_code"] == "tax")
    token = SessionTokens(SECRET, 7200).issue(OPENID, time.time())
    stored = json.dumps({"token": token, "expiresAt": (time.time() + 7200) * 1000})
    page.add_init_script(f"localStorage.setItem('cyyjs.token', {json.dumps(stored)})")
    page.goto(f"{service_url}/chat")
    expect(page.locator("#chat-view")).to_be_visible()

    marked = httpx.post(
        f"{service_url}/api/v1/department/tasks/{task}/request-material", json={"reason": REASON}, headers=TAX
    )
    assert marked.status_code == 200
    _wait_for_the_chat_line(service_url, token)  # the worker's part, apart from the page's
    notice = page.locator("#messages li.notification")
    expect(notice).to_contain_text(REASON, timeout=30_000)  # the worker sends it, the page's poll shows it
    expect(notice.locator(".who")).to_have_text("办理通知")
    expect(notice).to_contain_text(f"您的申请{filed['number']}：税务部门需要您补正材料")

    page.click("#my-applications")
    row = page.locator(f"li.application[data-number={filed['number']}] li.department", has_text="税务部门")
    expect(row).to_contain_text("需补正")
    expect(row.locator(".reason")).to_have_text(f"原因及需补交：{REASON}")
    expect(page.locator("#notify-enabled")).to_be_checked()
    page.uncheck("#notify-enabled")
    expect(page.locator("#notify-note")).to_contain_text("已关闭")
    mine = httpx.get(f"{service_url}/api/v1/me/notifications", headers={"Authorization": f"Bearer {token}"}).json()
    assert mine["enabled"] is False

    console = new_context().new_page()  # a staff member looks the application up during a call
    log_in_console(console, service_url, "zhangsan")
    console.click("button[data-tab=lookup-tab]")
    console.fill("#lookup-number", filed["number"])
    console.fill("#lookup-last6", form["id_number"][-6:])
    console.click("#lookup-form button")
    told = console.locator("#lookup-result .notifications li.notification")
    expect(told.filter(has_text="对话消息")).to_contain_text("已发送")
    expect(told.filter(has_text="对话消息")).to_contain_text(REASON)
    expect(told.filter(has_text="微信订阅消息")).to_contain_text("用户未订阅该消息")  # never subscribed in a browser
    expect(told.first).not_to_contain_text(OPENID)  # the recipient is masked


def _wait_for_the_chat_line(service_url: str, token: str) -> None:
    """Wait until the worker has put the notification in the user's conversation (what the page polls)."""
    path = f"{service_url}/api/v1/conversations/wechat:{OPENID}/messages"
    deadline = time.monotonic() + 30
    lines: list[dict[str, str]] = []
    while time.monotonic() < deadline:
        lines = httpx.get(path, headers={"Authorization": f"Bearer {token}"}).json()
        if any(REASON in line["text"] for line in lines):
            return
        time.sleep(0.2)
    raise AssertionError(f"the worker did not deliver the 补正 notice within 30 s; the conversation holds {lines}")
