"""The admin dashboard (运营看板) in headless Chromium, against an in-process service with seeded figures.

Seeded: a Rasa tracker store (SQLite file, read-only for the service), knowledge asks, handoffs, unanswered
questions, ratings, answer feedback, 诉求 and department tasks, mostly in September 2026 and a few in August.
The admin logs in, opens the dashboard (default: the 30 days up to the service's today, 28 September 2026), sees
the seeded figures in the tables and the charts drawn (pixels of the seeded series' colours on the canvases),
then changes the date range to August and sees the figures and the pixels change. Screenshots of both ranges are
kept in ``var/screenshots/`` for a person to look at.
"""

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from playwright.sync_api import Page, expect
from pydantic import SecretStr

from bundle_service.core.clock import FixedClock
from bundle_service.main import build_services, create_app
from tests.in_thread_server import serve_in_thread
from tests.service.insights.seed import TRACKER_TURNS, seed_dashboard
from tests.service.insights.tracker_fixture import write_tracker
from tests.web.conftest import ADMIN_TOKEN, STAFF_ACCOUNTS, page_settings

TZ = ZoneInfo("Asia/Shanghai")
NOW = datetime(2026, 9, 28, 10, 0, tzinfo=TZ)
SCREENSHOTS = Path(__file__).resolve().parents[2] / "var" / "screenshots"
CHART_LIBRARY = Path(__file__).resolve().parents[2] / "bundle_service/web/vendor/node_modules/chart.js/dist"
# Colours of dashboard.js: one series each, counted on the canvases.
FIVE_STARS, TWO_STARS = (46, 158, 68), (242, 142, 43)
HOTLINE, OTHER_CHANNEL = (242, 142, 43), (186, 176, 172)  # 其他: never any traffic, only its legend swatch


@dataclass(frozen=True)
class Service:
    url: str


@pytest.fixture(scope="module")
def service(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Service]:
    if not (CHART_LIBRARY / "chart.umd.min.js").exists():
        pytest.fail(f"{CHART_LIBRARY} is missing: run `make venvs` (npm ci of bundle_service/web/vendor)")
    work: Path = tmp_path_factory.mktemp("dashboard")
    (work / "staff.yml").write_text(STAFF_ACCOUNTS, encoding="utf-8")
    tracker = f"sqlite:///{work / 'tracker.db'}"
    settings = page_settings(
        work,
        admin_token=SecretStr(ADMIN_TOKEN),
        staff_accounts_file=work / "staff.yml",
        tracker_db_url=tracker,
    )
    services = build_services(settings, clock=FixedClock(settings.timezone, NOW))
    with serve_in_thread(create_app(services=services)) as url:
        with services.sessions.begin() as session:  # after start-up: the migrations have run
            seed_dashboard(session)
        write_tracker(tracker, TRACKER_TURNS)
        assert services.knowledge is not None
        services.knowledge.embedder.warm()  # the unanswered groups use the model: loaded before the page asks
        yield Service(url)


def colour_pixels(page: Page, canvas: str, rgb: tuple[int, int, int]) -> int:
    """Pixels of exactly ``rgb`` (opaque) on a canvas: a bar of that series was drawn."""
    return int(
        page.evaluate(
            """([id, rgb]) => {
                const canvas = document.getElementById(id);
                const data = canvas.getContext("2d").getImageData(0, 0, canvas.width, canvas.height).data;
                let n = 0;
                for (let i = 0; i < data.length; i += 4) {
                    const same = data[i] === rgb[0] && data[i + 1] === rgb[1] && data[i + 2] === rgb[2];
                    if (same && data[i + 3] === 255) n++;
                }
                return n;
            }""",
            [canvas, list(rgb)],
        )
    )


def canvas_image(page: Page, canvas: str) -> str:
    return str(page.evaluate("(id) => document.getElementById(id).toDataURL()", canvas))


def open_dashboard(page: Page, service: Service) -> None:
    violations: list[str] = []
    page.on(
        "console",
        lambda message: violations.append(message.text) if "Content Security Policy" in message.text else None,
    )
    page.goto(f"{service.url}/admin")
    page.fill("#token", ADMIN_TOKEN)
    page.click("#login")
    expect(page.locator("#app")).to_be_visible()
    page.click("#tabs [data-tab=dashboard]")
    expect(page.locator("#dash-period")).to_contain_text("2026-08-30 至 2026-09-28（30 天）", timeout=60_000)
    assert not violations, violations


def test_the_dashboard_draws_the_seeded_figures_and_follows_the_date_range(page: Page, service: Service) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    open_dashboard(page, service)
    assert page.evaluate("typeof Chart") == "function"  # served by the service itself, no CDN

    conv = page.locator("#dash-conv-rows")
    expect(conv.locator("tr", has_text="网页")).to_contain_text("3")
    expect(conv.locator("tr", has_text="小程序/H5")).to_contain_text("2")
    expect(conv.locator("tr", has_text="热线")).to_contain_text("1")
    expect(conv.locator("tr", has_text="微信客服消息")).to_contain_text("4")
    outcomes = page.locator("#dash-outcome-rows")
    expect(outcomes.locator("tr", has_text="已回答")).to_contain_text("6")
    expect(outcomes.locator("tr", has_text="未找到")).to_contain_text("3")
    expect(outcomes.locator("tr", has_text="转人工")).to_contain_text("2")
    expect(outcomes.locator("tr", has_text="超出范围")).to_contain_text("1")
    expect(page.locator("#dash-top-rows tr").first).to_contain_text("创业担保贷款最高能贷多少")
    expect(page.locator("#dash-top-rows tr").first).to_contain_text("4")
    expect(page.locator("#dash-gap-rows tr").first).to_contain_text("营业执照")
    expect(page.locator("#dash-gap-rows tr").first.locator("td").first).to_have_text("3")
    expect(page.locator("#dash-sat-summary")).to_contain_text("共 4 条评价")
    expect(page.locator("#dash-vote-rows tr", has_text="faq-loan-amount")).to_contain_text("2")
    expect(page.locator("#dash-dept-rows tr", has_text="市场监督管理")).to_contain_text("1")
    expect(page.locator("#dash-appeals")).to_contain_text("已超期（当前）1")

    assert colour_pixels(page, "chart-satisfaction", FIVE_STARS) > 100
    assert colour_pixels(page, "chart-satisfaction", TWO_STARS) == 0
    # The legend shows a swatch of every channel whatever the data; the bars add to it.
    hotline_in_september = colour_pixels(page, "chart-conversations", HOTLINE)
    other_channel_legend_only = colour_pixels(page, "chart-conversations", OTHER_CHANNEL)
    assert hotline_in_september > other_channel_legend_only + 100
    september = {
        name: canvas_image(page, name) for name in ("chart-conversations", "chart-satisfaction", "chart-outcomes")
    }
    page.locator("#tab-dashboard").screenshot(path=str(SCREENSHOTS / "dashboard-september.png"))

    page.fill("#dash-from", "2026-08-01")
    page.fill("#dash-to", "2026-08-31")
    page.click("#dash-apply")
    expect(page.locator("#dash-period")).to_contain_text("2026-08-01 至 2026-08-31（31 天）")
    expect(conv.locator("tr", has_text="网页")).to_contain_text("5")
    expect(conv.locator("tr", has_text="热线")).to_contain_text("0")
    expect(outcomes.locator("tr", has_text="已回答")).to_contain_text("10")
    expect(page.locator("#dash-sat-summary")).to_contain_text("共 2 条评价，平均 2 分")
    assert colour_pixels(page, "chart-satisfaction", FIVE_STARS) == 0
    assert colour_pixels(page, "chart-satisfaction", TWO_STARS) > 100
    assert colour_pixels(page, "chart-conversations", HOTLINE) == other_channel_legend_only  # its swatch alone
    for name, image in september.items():
        assert canvas_image(page, name) != image, name
    page.locator("#tab-dashboard").screenshot(path=str(SCREENSHOTS / "dashboard-august.png"))

    page.fill("#dash-from", "2026-09-10")
    page.fill("#dash-to", "2026-09-01")
    page.click("#dash-apply")
    expect(page.locator("#dash-status")).to_contain_text("开始日期不能晚于结束日期")


def test_a_staff_account_without_the_admin_role_sees_no_figures(page: Page, service: Service) -> None:
    page.goto(f"{service.url}/admin")
    page.fill("#username", "zhangsan")
    page.fill("#password", "staff-web-pass")
    page.click("#account-login")
    expect(page.locator("#login-error")).to_contain_text("没有管理员权限")
    status = page.evaluate(
        "async () => (await fetch('/api/v1/admin/insights', {headers: {Authorization: 'Bearer x'}})).status"
    )
    assert status == 401
