"""The console's verified lookup (issue 15) in headless Chromium: staff book seal and bank for a caller and switch
the caller's notifications off and on, against an in-process service (no Rasa needed).

The caller filed without WeChat (SMS only): after the licence, zhangsan verifies them (number + last 6 ID digits),
chooses an engraver near the premises and books it; the booking replaces the choice and the bank stays open; the
caller changes their mind and 取消预约 cancels it (shown as 已取消, the choice back). The
caller asks for no more text messages: 关闭通知 turns the phone's notifications off, and the line says who did.
(One test: each console login is a new device and a slow step on a loaded machine.)
"""

from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from playwright.sync_api import Page, expect
from pydantic import SecretStr

from tests.service import factories
from tests.web.conftest import (
    ADMIN_TOKEN,
    DEPARTMENT_KEYS,
    STAFF_ACCOUNTS,
    in_process_service,
    log_in_console,
    page_settings,
)

MARKET = {"X-Department-Key": "dev-market-regulation-key"}
CALLER = factories.make_id(sequence="061")


@pytest.fixture(scope="module")
def service_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    work: Path = tmp_path_factory.mktemp("console_next_steps")
    (work / "staff.yml").write_text(STAFF_ACCOUNTS, encoding="utf-8")
    settings = page_settings(
        work,
        admin_token=SecretStr(ADMIN_TOKEN),
        staff_accounts_file=work / "staff.yml",
        department_keys_file=DEPARTMENT_KEYS,
        notify_worker=False,
    )
    with in_process_service(settings) as url:
        yield url


@pytest.fixture(autouse=True)
def patient_expectations() -> Iterator[None]:
    """Console login makes a device cookie and hashes a password: slow on a loaded 2-core machine."""
    expect.set_options(timeout=30_000)
    yield
    expect.set_options(timeout=5_000)  # Playwright's default, for the other modules


@pytest.fixture(scope="module")
def licensed(service_url: str) -> str:
    """An SMS-only caller's application whose business registration market regulation has finished."""
    form = factories.form(id_number=CALLER, premises_address="长沙市芙蓉区解放西路10号", county="芙蓉区")
    filed = httpx.post(f"{service_url}/api/v1/applications", json=form).json()
    task = next(d["task_id"] for d in filed["departments"] if d["department_code"] == "market_regulation")
    for action in ("accept", "finish"):
        assert httpx.post(f"{service_url}/api/v1/department/tasks/{task}/{action}", headers=MARKET).status_code == 200
    return str(filed["number"])


def verify(page: Page, url: str, number: str) -> None:
    log_in_console(page, url, "zhangsan")
    page.click("[data-tab=lookup-tab]")
    page.fill("#lookup-number", number)
    page.fill("#lookup-last6", CALLER[-6:])
    page.click("#lookup-form button[type=submit]")
    expect(page.locator("#lookup-result .ok")).to_have_text("核验通过。")


def test_staff_book_the_seal_and_switch_notifications_for_a_verified_caller(
    page: Page, service_url: str, licensed: str
) -> None:
    verify(page, service_url, licensed)
    bookings = page.locator("#lookup-result .bookings")
    expect(bookings).to_contain_text("营业执照已办结")
    seal = bookings.locator(".booking-choice", has=page.locator("select[data-kind=seal]"))
    expect(seal.locator("small")).to_contain_text("联系电话")
    expect(seal.locator("small")).not_to_contain_text("身份证")  # the engraver never gets the ID number
    seal.locator("select").select_option("seal_cs_furong_1")
    seal.locator("button").click()
    expect(bookings.locator(".booking")).to_contain_text("刻章：芙蓉区诚信刻章店")
    expect(bookings.locator("select[data-kind=bank]")).to_be_visible()  # the bank is still to choose, in parallel
    expect(bookings.locator("select[data-kind=seal]")).to_have_count(0)
    bookings.locator(".booking .cancel-booking").click()  # the caller no longer needs the seal: the engraver is told
    expect(bookings.locator(".booking-cancelled")).to_contain_text("刻章：已取消（芙蓉区诚信刻章店")
    expect(bookings.locator(".booking-cancelled")).to_contain_text("staff:zhangsan")
    expect(bookings.locator("select[data-kind=seal]")).to_be_visible()  # and can be booked again

    switch = page.locator("#lookup-result .notify-switch")  # the caller wants no more text messages
    expect(switch.locator(".notify-state")).to_have_text("已开启")
    switch.locator("button").click()
    expect(switch.locator(".notify-state")).to_have_text("已关闭")
    expect(switch).to_contain_text("坐席 zhangsan设置")
    expect(switch.locator("button")).to_have_text("开启通知")
    switch.locator("button").click()
    expect(switch.locator(".notify-state")).to_have_text("已开启")
