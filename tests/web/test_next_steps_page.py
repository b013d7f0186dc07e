"""我的申请 in the H5 page (issue 15), in headless Chromium against an in-process service (no Rasa needed).

赵新's business registration is finished by market regulation: 我的申请 offers an engraver and a bank branch near
the premises, the user books the seal, and the booking (provider, reference) replaces the choice; cancelling it
shows it cancelled and offers the choice again. 王芳 sees the benefits her shared records prove, with the reason,
and files them with one click and her account number.
"""

import json
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from playwright.sync_api import Page, expect
from pydantic import SecretStr

from bundle_service.identity.session_tokens import SessionTokens
from tests.service import factories
from tests.web.conftest import ADMIN_TOKEN, DEPARTMENT_KEYS, in_process_service, page_settings

SECRET = "next-steps-page-secret-of-32-bytes!!"
GATEWAY = "next-steps-gateway-token"
MARKET = {"X-Department-Key": "dev-market-regulation-key"}


@pytest.fixture(scope="module")
def service_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    work: Path = tmp_path_factory.mktemp("next_steps")
    settings = page_settings(
        work,
        session_secret=SecretStr(SECRET),
        admin_token=SecretStr(ADMIN_TOKEN),
        gateway_token=SecretStr(GATEWAY),
        department_keys_file=DEPARTMENT_KEYS,
        notify_worker=False,
    )
    with in_process_service(settings) as url:
        yield url


def open_my_applications(page: Page, url: str, openid: str) -> None:
    """The H5 page with ``openid``'s login token already stored (what the dev login leaves), on 我的申请."""
    token = SessionTokens(SECRET, 7200).issue(openid, time.time())
    stored = json.dumps({"token": token, "expiresAt": (time.time() + 7200) * 1000})
    page.add_init_script(f"localStorage.setItem('cyyjs.token', {json.dumps(stored)})")
    page.goto(f"{url}/chat")
    page.click("#my-applications")


def test_the_seal_is_booked_and_cancelled_in_my_applications_after_the_licence(page: Page, service_url: str) -> None:
    owner = {"X-Gateway-Token": GATEWAY, "X-Wechat-Openid": "dev_zhaoxin"}
    registration = ["business_registration", "taxpayer_confirmation"]
    form = factories.form(premises_address="长沙市芙蓉区解放西路10号", county="芙蓉区", items=registration)
    filed = httpx.post(f"{service_url}/api/v1/applications", json=form, headers=owner).json()
    task = next(d["task_id"] for d in filed["departments"] if d["department_code"] == "market_regulation")
    for action in ("accept", "finish"):
        assert httpx.post(f"{service_url}/api/v1/department/tasks/{task}/{action}", headers=MARKET).status_code == 200
    open_my_applications(page, service_url, "dev_zhaoxin")
    card = page.locator(f"li.application[data-number={filed['number']}]")
    expect(card.locator(".bookings")).to_contain_text("营业执照已办结")
    seal = card.locator(".booking-choice", has=page.locator("select[data-kind=seal]"))
    expect(seal.locator("small")).to_contain_text("联系电话")
    seal.locator("select").select_option("seal_cs_furong_1")
    seal.locator("button").click()
    expect(card.locator(".booked")).to_contain_text("刻章已预约：芙蓉区诚信刻章店")
    expect(card.locator("select[data-kind=bank]")).to_be_visible()  # the bank is still to choose, in parallel
    card.locator(".booked .cancel-booking").click()  # changed their mind: the engraver is told, the choice is back
    expect(card.locator(".bookings .cancelled")).to_contain_text("刻章预约已取消（芙蓉区诚信刻章店")
    expect(card.locator("select[data-kind=seal]")).to_be_visible()


def test_offers_are_confirmed_with_one_click(page: Page, service_url: str) -> None:
    open_my_applications(page, service_url, "dev_wangfang")
    expect(page.locator("#offers .offer")).to_have_count(3)
    expect(page.locator("#offers")).to_contain_text("5000元")
    page.fill("#offer-account", "6222020200112233445")
    page.click("#offer-confirm")
    expect(page.locator("#offers .offer-result")).to_contain_text("已一键申领，申请编号 CY")
    expect(page.locator("li.application")).to_have_count(1)
    expect(page.locator("#offers .offer")).to_have_count(0)


def test_the_admin_adds_an_engraver_in_the_admin_page(page: Page, service_url: str) -> None:
    page.goto(f"{service_url}/admin")
    page.fill("#token", ADMIN_TOKEN)
    page.click("#login")
    page.click("#tabs [data-tab=providers]")
    expect(page.locator("#prov-rows tr")).to_have_count(12)
    expect(page.locator("#prov-saved")).to_have_text("当前为默认名单（数据文件）。")
    page.click("#prov-add")
    added = page.locator("#prov-rows tr").last
    for field, value in {
        "code": "seal_cs_yuhua_1", "name": "雨花区劳动路刻章店", "city": "长沙市", "county": "雨花区",
        "address": "长沙市雨花区劳动东路180号", "phone": "0731-85000001",
    }.items():  # fmt: skip
        added.locator(f".prov-{field}").fill(value)
    page.click("#prov-save")
    expect(page.locator("#status")).to_contain_text("机构名单已保存")
    expect(page.locator("#prov-saved")).to_contain_text("最后修改：admin")
    admin = {"Authorization": f"Bearer {ADMIN_TOKEN}"}
    saved = httpx.get(f"{service_url}/api/v1/admin/bookings/providers", headers=admin)
    assert saved.json()["providers"][-1]["name"] == "雨花区劳动路刻章店"
    page.locator("#prov-rows tr").last.locator(".prov-phone").fill("电话")
    page.click("#prov-save")
    expect(page.locator("#status")).to_contain_text("联系电话格式不对")
