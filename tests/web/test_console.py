"""The hotline console in headless Chromium.

Against an in-process service with the fake Rasa of ``tests/service/fake_peers.py`` (hotline channel + tracker API;
the knowledge base stubbed, its own tests live in tests/knowledge): login and roles, a call answered with its
source, filing on a caller's behalf (代办) and caller verification.

Against the real stack (``stack``: service, action server, Rasa with the trained model, the shipped knowledge
base): a new call answered by the real bot with its source, and the handoff round trip between a user in the H5
chat and a staff member in the console, in two browser contexts.
"""

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest
from playwright.sync_api import BrowserContext, Page, expect
from pydantic import SecretStr

from bundle_service.main import build_services, create_app
from tests.in_thread_server import serve_in_thread
from tests.service.factories import make_id
from tests.service.fake_peers import FakeRasa, StubKnowledge
from tests.web.conftest import STAFF_ACCOUNTS, Stack, free_port, log_in_console, log_in_h5, page_settings

RASA_TOKEN = "console-test-rasa-token-0123456789abcdef"  # shared by the service and the fake Rasa


@dataclass(frozen=True)
class Console:
    url: str
    rasa: FakeRasa


@pytest.fixture(scope="module")
def console(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Console]:
    work: Path = tmp_path_factory.mktemp("console")
    (work / "staff.yml").write_text(STAFF_ACCOUNTS, encoding="utf-8")
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    rasa = FakeRasa(service_url=url, auth_token=RASA_TOKEN)  # the hotline channel checks the relay's signature
    settings = page_settings(
        work,
        rasa_url=rasa.url,
        rasa_token=SecretStr(RASA_TOKEN),
        staff_accounts_file=work / "staff.yml",
    )
    services = build_services(settings)
    services.knowledge = StubKnowledge()  # type: ignore[assignment]
    with serve_in_thread(create_app(services=services), port=port):
        yield Console(url, rasa)
    rasa.close()


def log_in(page: Page, console: Console, name: str) -> None:
    log_in_console(page, console.url, name)


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


BOT_TIMEOUT_MS = 60_000  # a turn of the real bot; Rasa and the action server share 2 cores with Chromium
POLLED_MS = 15_000  # what a page learns by polling (queue 2 s, console history 1.5 s, the user's outbox 2.5 s)
GREETING = "您好，我是张三，请问有什么可以帮您？"
FOLLOW_UP = "贷款材料我发给您：身份证、营业执照和创业计划书。"


def test_handoff_round_trip_with_the_real_bot(stack: Stack, new_context: Callable[[], BrowserContext]) -> None:
    """H5 user asks for a person → staff take and reply → the reply reaches the chat (outbox poll), once, also
    after a reload → the bot only says once that a person has it → staff hand back → the bot answers again."""
    user = new_context().new_page()
    log_in_h5(user, stack.service_url, "handoff_user")
    conversation = "wechat:dev_handoff_user"
    bot = user.locator("#messages li.bot")
    said = user.locator("#messages li.staff")

    user.fill("#text", "我要人工服务")
    user.click("#send")
    # Outside service hours a second line says when staff will answer (hotline/hours.py): the handoff is one line.
    expect(bot.filter(has_text="转接人工客服")).to_have_count(1, timeout=BOT_TIMEOUT_MS)

    staff = new_context().new_page()
    log_in_console(staff, stack.service_url, "zhangsan")
    entry = staff.locator(f'#queue li[data-conversation="{conversation}"]')
    expect(entry).to_contain_text("小程序", timeout=POLLED_MS)  # the H5 page talks to the mini-program channel
    entry.locator("button.take").click()
    expect(staff.locator("#conversation-id")).to_have_text(conversation)
    transcript = staff.locator("#transcript")
    expect(transcript.locator(".msg.user")).to_contain_text("我要人工服务")
    expect(transcript.locator(".msg.bot").filter(has_text="转接人工客服")).to_have_count(1)

    staff.fill("#reply-input", GREETING)
    staff.press("#reply-input", "Enter")
    expect(transcript.locator(".msg.staff")).to_contain_text(GREETING, timeout=POLLED_MS)
    expect(said).to_have_count(1, timeout=POLLED_MS)
    expect(said).to_contain_text("人工客服")
    expect(said).to_contain_text(GREETING)

    # After a reload the cursor comes from storage: the next reply is shown, the first one not again (had the
    # cursor been lost, the poll bringing the second would have brought the first with it).
    user.reload()
    expect(user.locator("#chat-view")).to_be_visible()
    staff.fill("#reply-input", FOLLOW_UP)
    staff.press("#reply-input", "Enter")
    expect(said.last).to_contain_text(FOLLOW_UP, timeout=POLLED_MS)
    expect(said).to_have_count(1)

    # While a person has the conversation the bot does not answer: the message reaches the console, and the user is
    # told once that a person has it (channels/handoff_ack.py), which staff see too.
    user.fill("#text", "贷款要什么材料")
    user.click("#send")
    expect(user.locator("#send")).to_be_enabled(timeout=BOT_TIMEOUT_MS)  # Rasa has answered the turn
    expect(transcript.locator(".msg.user").last).to_contain_text("贷款要什么材料", timeout=POLLED_MS)
    expect(bot).to_have_count(1)
    expect(bot.last).to_contain_text("已转人工")
    expect(transcript.locator(".msg.bot").last).to_contain_text("已转人工", timeout=POLLED_MS)
    expect(user.locator("#messages li.system")).to_have_count(0)

    staff.click("#hand-back")
    expect(transcript).to_contain_text("已交还机器人")
    expect(entry).to_have_count(0, timeout=POLLED_MS)
    expect(said.last).to_contain_text("欢迎您评价", timeout=POLLED_MS)  # 好差评 of the handoff (issue 13)

    # Before the resume fix this got the fallback and a new handoff.
    user.fill("#text", "创业一件事包括哪些事项")
    user.click("#send")
    expect(bot.last).to_contain_text("8个事项", timeout=BOT_TIMEOUT_MS)
    expect(bot.last).to_contain_text("创业担保贷款（15个工作日）")
    expect(said).to_have_count(2)
    expect(user.locator("#messages li.system")).to_have_count(0)


def test_a_new_call_is_answered_by_the_real_bot_with_its_source(
    stack: Stack, new_context: Callable[[], BrowserContext]
) -> None:
    """Staff type what a caller asks: the real bot answers from the knowledge base and the console names the source;
    the staff member's own knowledge search finds the same answer."""
    staff = new_context().new_page()
    log_in_console(staff, stack.service_url, "zhangsan")
    staff.click("#new-call")
    expect(staff.locator("#conversation-id")).to_contain_text("hotline:")
    staff.fill("#call-input", "创业担保贷款个人最多能贷多少钱")
    staff.press("#call-input", "Enter")
    transcript = staff.locator("#transcript")
    expect(transcript.locator(".msg.user")).to_contain_text("创业担保贷款个人最多能贷多少钱")
    expect(transcript.locator(".msg.bot").last).to_contain_text("20万", timeout=BOT_TIMEOUT_MS)
    expect(transcript.locator(".sources").last).to_contain_text("来源")

    staff.fill("#kb-query", "担保贷款最多贷多少")
    staff.press("#kb-query", "Enter")
    expect(staff.locator("#kb-result")).to_contain_text("20万")
    expect(staff.locator("#kb-result .sources")).to_contain_text("来源")


def test_rasas_http_api_refuses_a_caller_without_its_token(stack: Stack) -> None:
    """Trackers hold what users typed (ID numbers too): only the service, holding the token, may read them."""
    tracker = httpx.get(f"{stack.rasa_url}/conversations/wechat:dev_handoff_user/tracker", timeout=30)
    assert tracker.status_code == 401
    events = httpx.post(f"{stack.rasa_url}/conversations/x/tracker/events", json=[{"event": "resume"}], timeout=30)
    assert events.status_code == 401
