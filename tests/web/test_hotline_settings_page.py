"""The admin page's 诉求设置 tab in headless Chromium, against an in-process service (no Rasa needed).

The admin logs in with the token, opens the tab, sees the default categories and hours (from the data files),
shortens a category's time limit, adds a category, saves; the API then answers with the change and the admin as
its author. A period ending before it starts is refused with the service's Chinese message, and nothing changes.
"""

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest
from playwright.sync_api import Page, expect
from pydantic import SecretStr

from bundle_service.main import build_services, create_app
from tests.in_thread_server import serve_in_thread
from tests.web.conftest import ADMIN_TOKEN, page_settings

ADMIN = {"Authorization": f"Bearer {ADMIN_TOKEN}"}


@dataclass(frozen=True)
class Service:
    url: str


@pytest.fixture(scope="module")
def service(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Service]:
    work: Path = tmp_path_factory.mktemp("hotline_settings")
    settings = page_settings(
        work,
        admin_token=SecretStr(ADMIN_TOKEN),
    )
    with serve_in_thread(create_app(services=build_services(settings))) as url:
        yield Service(url)


def open_tab(page: Page, service: Service) -> None:
    violations: list[str] = []
    page.on("console", lambda m: violations.append(m.text) if "Content Security Policy" in m.text else None)
    page.goto(f"{service.url}/admin")
    page.fill("#token", ADMIN_TOKEN)
    page.click("#login")
    expect(page.locator("#app")).to_be_visible()
    page.click("#tabs [data-tab=hotline]")
    expect(page.locator("#cat-rows tr")).to_have_count(14)
    assert not violations, violations


def test_the_admin_changes_time_limits_categories_and_hours_in_the_page(page: Page, service: Service) -> None:
    open_tab(page, service)
    expect(page.locator("#cat-saved")).to_have_text("当前为默认设置（数据文件）。")
    conduct = page.locator("#cat-rows tr", has=page.locator("input.cat-code[value=conduct]"))
    expect(conduct.locator(".cat-label")).to_have_value("工作人员服务态度与作风")
    conduct.locator(".cat-days").fill("3")
    page.click("#cat-add")
    added = page.locator("#cat-rows tr").last
    added.locator(".cat-code").fill("fees")
    added.locator(".cat-label").fill("收费与费用")
    added.locator(".cat-days").fill("7")
    added.locator(".cat-keywords").fill("收费、费用")
    page.click("#cat-save")
    expect(page.locator("#status")).to_contain_text("诉求类别已保存")
    expect(page.locator("#cat-saved")).to_contain_text("最后修改：admin")
    saved = {
        c["code"]: c
        for c in httpx.get(f"{service.url}/api/v1/admin/hotline/categories", headers=ADMIN).json()["categories"]
    }
    assert saved["conduct"]["time_limit_days"] == 3
    assert (saved["fees"]["label"], saved["fees"]["time_limit_days"], saved["fees"]["keywords"]) == (
        "收费与费用",
        7,
        ["收费", "费用"],
    )

    expect(page.locator("#period-rows .period")).to_have_count(2)
    page.locator("#period-rows .period-start").first.fill("18:00")
    page.locator("#period-rows .period-end").first.fill("08:00")
    page.click("#hours-save")
    expect(page.locator("#status")).to_contain_text("时段 18:00–08:00 的结束时间必须晚于开始时间")
    page.locator("#period-rows .period-remove").last.click()
    page.locator("#period-rows .period-start").first.fill("08:30")
    page.locator("#period-rows .period-end").first.fill("18:00")
    page.click("#hours-save")
    expect(page.locator("#status")).to_contain_text("服务时间已保存")
    hours = httpx.get(f"{service.url}/api/v1/service-hours").json()
    assert hours["hours"] == "工作日 8:30–18:00"
