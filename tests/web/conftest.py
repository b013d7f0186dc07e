"""Browser-test fixtures: headless Chromium (Debian's, driven by Playwright) and the running stack.

Reusable by every browser test (H5 chat, hotline console, admin page):

- ``browser``: one headless Chromium per session (``/usr/bin/chromium``, installed by ``make browser``;
  Playwright's own browser download is never used).
- ``new_context``: a factory of isolated browser contexts (each one a separate user: own storage and cookies);
  all are closed after the test. ``page`` is a page in a fresh context.
- ``stack``: the real stack of ``tests/live_stack.py``.
- ``log_in_h5`` / ``log_in_console``: the H5 chat's dev login and the console's login, waiting until they are in.
"""

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, expect, sync_playwright

from bundle_service.core.config import Settings
from bundle_service.main import build_services, create_app
from tests.in_thread_server import serve_in_thread
from tests.live_stack import ADMIN_TOKEN, ROOT, STAFF_ACCOUNTS, STAFF_PASSWORDS, Stack, free_port

__all__ = ["ADMIN_TOKEN", "STAFF_ACCOUNTS", "Stack", "free_port"]  # the browser tests import them from here
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--headless",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    """Headless Chromium for the whole session."""
    if not CHROMIUM.exists():
        pytest.fail(f"{CHROMIUM} is missing: run `make browser` (apt-get install chromium fonts-noto-cjk)")
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def new_context(browser: Browser) -> Iterator[Callable[[], BrowserContext]]:
    """Make isolated contexts (one per simulated user); closed after the test."""
    contexts: list[BrowserContext] = []

    def make() -> BrowserContext:
        context = browser.new_context(locale="zh-CN", viewport={"width": 1000, "height": 800})
        context.set_default_timeout(20_000)
        contexts.append(context)
        return context

    yield make
    for context in contexts:
        context.close()


@pytest.fixture
def page(new_context: Callable[[], BrowserContext]) -> Page:
    """A page in a fresh context."""
    return new_context().new_page()


def log_in_h5(page: Page, service_url: str, name: str) -> None:
    """Open the H5 chat and log in as ``name`` (dev login: openid ``dev_<name>``, conversation ``wechat:dev_…``)."""
    page.goto(f"{service_url}/chat")
    expect(page.locator("#login-view")).to_be_visible()
    page.fill("#dev-name", name)
    page.click("#login")
    expect(page.locator("#chat-view")).to_be_visible()


def log_in_console(page: Page, service_url: str, name: str) -> None:
    """Open the hotline console and log in as ``name`` (one of ``STAFF_PASSWORDS``)."""
    page.goto(f"{service_url}/console")
    page.fill("#login-username", name)
    page.fill("#login-password", STAFF_PASSWORDS[name])
    page.click("#login-submit")
    expect(page.locator("#work-view")).to_be_visible()
    expect(page.locator("#login-view")).to_be_hidden()
    expect(page.locator("#staff-name")).to_contain_text(name)


DEPARTMENT_KEYS = ROOT / "bundle_service" / "data" / "department_keys.example.yml"  # the dev departments' keys


def page_settings(work: Path, **overrides: Any) -> Settings:
    """Settings of an in-process service whose database and vector store live in ``work``, index not warmed.

    Args:
        work: The test's own folder.
        **overrides: Further settings (tokens, accounts file, department keys …).
    """
    values: dict[str, Any] = {
        "database_url": f"sqlite:///{work / 'bundle.db'}",
        "chroma_path": work / "chroma",
        "knowledge_warm_on_startup": False,
        **overrides,
    }
    return Settings(**values)


@contextmanager
def in_process_service(settings: Settings) -> Iterator[str]:
    """The bundle service alone (no Rasa) on a free loopback port in this process, for pages that need no bot.

    Yields:
        Its URL; the server stops when the block ends.
    """
    with serve_in_thread(create_app(services=build_services(settings))) as url:
        yield url
