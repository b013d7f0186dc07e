"""The independent conversation set, played against the real stack; the pass rate may only go up.

The figure is printed; it must not fall below ``floor.yml`` (raise the floor whenever the bot gets better,
never lower it to make a change pass). The scenarios themselves are never edited to match the bot
(README.md beside this file).
"""

from pathlib import Path

import pytest
import yaml

from tests.conversations.runner import Endpoints, load_scenarios, play_all, summary, write_report
from tests.live_stack import ROOT, STAFF_PASSWORDS, Stack

FLOOR = yaml.safe_load((Path(__file__).parent / "floor.yml").read_text(encoding="utf-8"))["pass_rate"]
CHANNELS = {"web", "miniprogram", "hotline"}


def test_the_set_is_well_formed() -> None:
    scenarios = load_scenarios()
    assert len(scenarios) >= 120
    ids = [s["id"] for s in scenarios]
    assert len(ids) == len(set(ids)), "duplicate scenario ids"
    for scenario in scenarios:
        assert scenario.get("channel", "web") in CHANNELS, scenario["id"]
        assert scenario["turns"] and all("user" in turn for turn in scenario["turns"])  # blank text is a case too


def test_conversations_reach_a_correct_end(stack: Stack, capsys: pytest.CaptureFixture[str]) -> None:
    endpoints = Endpoints(
        stack.rasa_url, stack.service_url, stack.gateway_token, "zhangsan", STAFF_PASSWORDS["zhangsan"]
    )
    outcomes = play_all(load_scenarios(), endpoints)
    write_report(outcomes, ROOT / "var" / "reports" / "conversations.jsonl")
    figure = summary(outcomes)
    with capsys.disabled():
        print("\n" + figure + "\n(failures with transcripts: var/reports/conversations.jsonl)")
    rate = sum(o.passed for o in outcomes) / len(outcomes)
    assert rate >= FLOOR, f"pass rate {rate:.3f} fell below the floor {FLOOR}"
