"""The mini program's 免申即享 and booking calls (``miniprogram/utils/next_steps.js``) run in Chromium.

The mini program cannot run here; its calls to the service are a small CommonJS module, loaded into a blank page
with ``require`` answering a stub ``api.authorized`` that records each request: the paths, methods and bodies
must be the service's (``docs/offers_and_bookings.md``), which its own tests cover.
"""

from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Page

MODULE = Path(__file__).resolve().parents[2] / "miniprogram" / "utils" / "next_steps.js"
HARNESS = """
window.calls = [];
var module = { exports: {} };
function require(name) {
  if (name === "../config") return { serviceBaseUrl: "https://svc.example" };
  if (name === "./api") return { authorized: async (options) => {
    window.calls.push(options);
    return options.url.endsWith("/me/offers") ? { identified: true, offers: [{ item: "training" }] } : { ok: true };
  } };
  throw new Error("unexpected require " + name);
}
"""


@pytest.fixture
def next_steps(page: Page) -> Page:
    page.set_content("<!doctype html><title>next steps</title>")
    source = MODULE.read_text(encoding="utf-8")
    page.add_script_tag(content=f"{HARNESS}\n{source}\nwindow.NextSteps = module.exports;")
    return page


def calls(page: Page, script: str) -> list[dict[str, Any]]:
    page.evaluate(f"async () => {{ window.result = await {script}; }}")
    recorded: list[dict[str, Any]] = page.evaluate("() => window.calls")
    return recorded


def test_offers_are_read_and_confirmed_at_the_services_paths(next_steps: Page) -> None:
    [read] = calls(next_steps, "NextSteps.offers()")
    assert (read["url"], read["method"]) == ("https://svc.example/api/v1/me/offers", "GET")
    assert next_steps.evaluate("() => window.result") == [{"item": "training"}]
    confirm = calls(next_steps, "NextSteps.confirmOffers('6222020200112233445')")[-1]
    assert (confirm["url"], confirm["method"]) == ("https://svc.example/api/v1/me/offers/confirm", "POST")
    assert confirm["data"] == {"bank_account": "6222020200112233445"}
    assert calls(next_steps, "NextSteps.confirmOffers('')")[-1]["data"] == {}


def test_bookings_are_read_made_and_cancelled_per_application(next_steps: Page) -> None:
    [read] = calls(next_steps, "NextSteps.bookings('CY20260928000001')")
    assert read["url"] == "https://svc.example/api/v1/applications/CY20260928000001/bookings"
    made = calls(next_steps, "NextSteps.book('CY20260928000001', 'seal', 'seal_cs_furong_1')")[-1]
    assert (made["method"], made["data"]) == ("POST", {"kind": "seal", "provider": "seal_cs_furong_1"})
    cancelled = calls(next_steps, "NextSteps.cancelBooking('CY20260928000001', 'bank')")[-1]
    assert cancelled["url"] == "https://svc.example/api/v1/applications/CY20260928000001/bookings/bank"
    assert cancelled["method"] == "DELETE"
