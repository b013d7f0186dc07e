"""The hotline console in headless Chromium: login and roles, a call answered with its source, filing on a
caller's behalf (代办) and caller verification, and a handoff round trip with a second browser context playing
the user through the REST channel.

The service runs in this process (uvicorn on a free port, temporary SQLite database); Rasa is the fake of
``tests/service/fake_peers.py`` (REST channel + tracker API), which queues a conversation asking for 人工 at the
service the way ``action_handoff`` does. The knowledge base is stubbed (its own tests live in tests/knowledge).
"""

import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
import uvicorn
from playwright.sync_api import BrowserContext, Page, expect

from bundle_service.core.config import Settings
from bundle_service.main import build_services, create_app
from tests.service.factories import make_id
from tests.service.fake_peers import FakeRasa, StubKnowledge
from tests.web.conftest import free_port

ACCOUNTS = """
- {id: admin, display_name: 管理员, role: admin, password: admin-web-pass}
- {id: zhangsan, display_name: 张三, role: staff, password: staff-web-pass}
"""
PASSWORDS = {"admin": "admin-web-pass", "zhangsan": "staff-web-pass"}


@dataclass(frozen=True)
class Console:
    url: str
    rasa: FakeRasa


@pytest.fixture(scope="module")
def console(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Console]:
    work: Path = tmp_path_factory.mktemp("console")
    (work / "staff.yml").write_text(ACCOUNTS, encoding="utf-8")
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    rasa = FakeRasa(service_url=url)
    settings = Settings(
        database_url=f"sqlite:///{work / 'bundle.db'}",
        rasa_url=rasa.url,
        staff_accounts_file=work / "staff.yml",
        knowledge_warm_on_startup=False,
        chroma_path=work / "chroma",
    )
    services = build_services(settings)
    services.knowledge = StubKnowledge()  # type: ignore[assignment]
    server = uvicorn.Server(
        uvicorn.Config(create_app(services=services), host="127.0.0.1", port=port, log_level="warning")
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        assert time.monotonic() < deadline, "console server did not start"
        time.sleep(0.05)
    yield Console(url, rasa)
    server.should_exit = True
    thread.join(timeout=10)
    rasa.close()


def log_in(page: Page, console: Console, name: str) -> None:
    page.goto(f"{console.url}/console")
    page.fill("#login-username", name)
    page.fill("#login-password", PASSWORDS[name])
    page.click("#login-submit")
    expect(page.locator("#work-view")).to_be_visible()
    expect(page.locator("#login-view")).to_be_hidden()
    expect(page.locator("#staff-name")).to_contain_text(name)


def test_wrong_password_and_roles(page: Page, console: Console, new_context: Callable[[], BrowserContext]) -> None:
    page.goto(f"{console.url}/console")
    page.fill("#login-username", "zhangsan")
    page.fill("#login-password", "wrong")
    page.click("#login-submit")
    expect(page.locator("#login-error")).to_have_text("用户名或密码错误。")

    log_in(page, console, "zhangsan")
    expect(page.locator("#staff-role")).to_have_text("坐席")
    expect(page.locator("#audit-tab-button")).to_be_hidden()
    status = page.evaluate(
        """async () => (await fetch('/api/v1/staff/audit', {headers: {Authorization: 'Bearer ' +
            sessionStorage.getItem('staffToken')}})).status"""
    )
    assert status == 403
    assert page.evaluate("async () => (await fetch('/api/v1/handoffs')).status") == 401

    admin = new_context().new_page()
    log_in(admin, console, "admin")
    expect(admin.locator("#staff-role")).to_have_text("管理员")
    admin.click("#audit-tab-button")
    expect(admin.locator("#audit-table tbody")).to_contain_text("staff.login")
    expect(admin.locator("#audit-table tbody")).to_contain_text("staff:zhangsan")


def test_new_call_answered_with_its_source_and_knowledge_search(page: Page, console: Console) -> None:
    log_in(page, console, "zhangsan")
    page.click("#new-call")
    expect(page.locator("#conversation-id")).to_contain_text("hotline:")
    page.fill("#call-input", "创业贷款能贷多少")
    page.press("#call-input", "Enter")
    expect(page.locator("#transcript .msg.user")).to_contain_text("创业贷款能贷多少")
    expect(page.locator("#transcript .msg.bot").first).to_contain_text("最高可贷20万元")
    expect(page.locator("#transcript .sources")).to_contain_text("来源：创业担保贷款 · 贷款额度")
    sent = console.rasa.received[-1]
    assert sent["sender"].startswith("hotline:") and sent["metadata"]["hotline"]["staff_id"] == "zhangsan"

    page.fill("#kb-query", "贷款额度")
    page.press("#kb-query", "Enter")
    expect(page.locator("#kb-result")).to_contain_text("个人最高20万元。")
    expect(page.locator("#kb-result .sources")).to_contain_text("创业担保贷款")


def test_filing_on_a_callers_behalf_then_verifying_them(page: Page, console: Console) -> None:
    id_number = make_id(sequence="083")
    log_in(page, console, "zhangsan")
    page.click("button[data-tab=file-tab]")
    form = page.locator("#file-form")
    for name, value in {
        "applicant_name": "钱代办",
        "id_number": id_number,
        "phone": "13912345678",
        "project_name": "湘味米粉店",
        "industry": "餐饮",
        "premises_address": "长沙市雨花区劳动东路200号",
        "city": "长沙市",
        "county": "雨花区",
    }.items():
        form.locator(f"[name={name}]").fill(value)
    form.locator("[name=person_category]").select_option("returning_migrant_worker")
    form.locator("[name=business_type]").select_option("individual_business")
    form.locator("input[value=business_registration]").check()
    form.locator("input[value=taxpayer_confirmation]").check()
    page.click("#file-submit")
    result = page.locator("#file-result")
    expect(result).to_contain_text("代办申请已提交。")
    expect(result).to_contain_text("坐席代办（zhangsan）")
    number = result.locator(".app-number").inner_text()
    assert number.startswith("CY")
    assert id_number not in result.inner_text()  # masked

    page.click("button[data-tab=lookup-tab]")
    page.fill("#lookup-number", number)
    page.fill("#lookup-last6", "000000")
    page.click("#lookup-form button")
    expect(page.locator("#lookup-result .error")).to_contain_text("未找到该申请")
    page.fill("#lookup-last6", id_number[-6:])
    page.click("#lookup-form button")
    expect(page.locator("#lookup-result")).to_contain_text("核验通过。")
    expect(page.locator("#lookup-result")).to_contain_text("已受理")


USER_SEND = """async ([rasa, text]) => (await (await fetch(rasa + '/webhooks/rest/webhook', {method: 'POST',
    headers: {'Content-Type': 'application/json'}, body: JSON.stringify({sender: 'web:user-7', message: text})}))
    .json()).map(m => m.text || '').join('|')"""
USER_POLL = """async () => (await (await fetch('/api/v1/conversations/web:user-7/messages?after=0')).json())
    .map(m => m.text)"""


def test_handoff_round_trip(page: Page, console: Console, new_context: Callable[[], BrowserContext]) -> None:
    user = new_context().new_page()
    user.goto(f"{console.url}/health")  # the user's page: same origin as the outbox it polls
    assert "转接人工客服" in user.evaluate(USER_SEND, [console.rasa.url, "我要人工服务"])

    log_in(page, console, "zhangsan")
    entry = page.locator('#queue li[data-conversation="web:user-7"]')
    expect(entry).to_be_visible()
    entry.locator("button.take").click()
    expect(page.locator("#conversation-id")).to_have_text("web:user-7")
    expect(page.locator("#transcript .msg.user")).to_contain_text("我要人工服务")

    page.fill("#reply-input", "您好，我是张三，请问有什么可以帮您？")
    page.press("#reply-input", "Enter")
    deadline = time.monotonic() + 10
    while user.evaluate(USER_POLL) != ["您好，我是张三，请问有什么可以帮您？"]:
        assert time.monotonic() < deadline, "the staff reply never reached the user's outbox"
        time.sleep(0.3)

    assert user.evaluate(USER_SEND, [console.rasa.url, "贷款要什么材料"]) == ""  # paused: the bot is silent
    expect(page.locator("#transcript .msg.user").last).to_contain_text("贷款要什么材料")

    page.click("#hand-back")
    expect(page.locator("#transcript")).to_contain_text("已交还机器人")
    expect(entry).to_have_count(0)
    assert "最高可贷20万元" in user.evaluate(USER_SEND, [console.rasa.url, "创业贷款能贷多少"])
