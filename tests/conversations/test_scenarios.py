"""The independent conversation sets (``quality_sets.yml``), played against the real stack; each pass rate may only
go up.

Every set was written by an author who read only the spec, before it was run; the older ones have since been read by
an analyst whose paraphrased patterns reached the fixers, the newest by nobody but their authors: the check that fixes
made from the others generalise (each set's history: the comments of ``quality_sets.yml``). Each figure is printed
and must not fall below its floor. The scenarios themselves are never edited to match the bot (the READMEs).
"""

import pytest

from tests.conversations.quality_sets import REPORTS, quality_sets
from tests.conversations.runner import Endpoints, load_scenarios, play_all, summary, write_report
from tests.live_stack import ROOT, STAFF_PASSWORDS, Stack

SETS = quality_sets()
CHANNELS = {"web", "miniprogram", "hotline"}


@pytest.mark.parametrize("name", SETS)
def test_the_set_is_well_formed(name: str) -> None:
    scenarios = load_scenarios(SETS[name].scenarios)
    assert len(scenarios) >= SETS[name].fewest_scenarios
    ids = [s["id"] for s in scenarios]
    assert len(ids) == len(set(ids)), "duplicate scenario ids"
    for scenario in scenarios:
        assert scenario.get("channel", "web") in CHANNELS, scenario["id"]
        assert scenario["turns"] and all("user" in turn for turn in scenario["turns"])  # blank text is a case too


@pytest.mark.parametrize("name", SETS)
def test_conversations_reach_a_correct_end(name: str, stack: Stack, capsys: pytest.CaptureFixture[str]) -> None:
    endpoints = Endpoints(
        stack.rasa_url, stack.service_url, stack.gateway_token, "zhangsan", STAFF_PASSWORDS["zhangsan"]
    )
    outcomes = play_all(load_scenarios(SETS[name].scenarios), endpoints)
    report = REPORTS / f"conversations_{name}.jsonl"
    write_report(outcomes, report)
    with capsys.disabled():
        print(f"\n[{name} set] " + summary(outcomes) + f"\n(failures with transcripts: {report.relative_to(ROOT)})")
    rate = sum(o.passed for o in outcomes) / len(outcomes)
    assert rate >= SETS[name].pass_rate, f"{name} set: pass rate {rate:.3f} fell below the floor {SETS[name].pass_rate}"
