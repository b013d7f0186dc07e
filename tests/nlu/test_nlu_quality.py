"""NLU quality on the held-out split (tests/nlu/*.yml), never seen in training."""

import asyncio
from pathlib import Path

import pytest

from bench.nlu_eval import DEFAULT_MODEL, SPLIT, NluReport, evaluate, write_misses

ROOT = Path(__file__).resolve().parents[2]
MIN_INTENT_ACCURACY = 0.93
MIN_ENTITY_F1 = 0.90
MIN_MESSAGES = 300


@pytest.fixture(scope="module")
def report() -> NluReport:
    result = asyncio.run(evaluate(str(DEFAULT_MODEL), str(SPLIT)))
    write_misses(result, ROOT / "var" / "reports" / "nlu_misses.jsonl")
    print(result.summary())
    return result


def test_split_is_large_and_covers_every_contract_intent(report: NluReport) -> None:
    assert report.messages >= MIN_MESSAGES
    contract = {
        "greet", "goodbye", "thank", "affirm", "deny", "bot_challenge", "ask_bundle_overview",
        "ask_question", "check_eligibility", "start_application", "inform", "check_progress",
        "request_human", "complain", "give_feedback", "cancel", "out_of_scope",
    }  # fmt: skip
    assert contract <= set(report.per_intent)


def test_intent_accuracy(report: NluReport) -> None:
    assert report.intent_accuracy >= MIN_INTENT_ACCURACY, report.summary()


def test_entity_f1(report: NluReport) -> None:
    assert report.entity_f1 >= MIN_ENTITY_F1, report.summary()
