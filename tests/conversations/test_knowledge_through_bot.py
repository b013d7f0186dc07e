"""The independent knowledge question set asked through the bot (NLU and dialogue included).

Prints the right / refused / wrong rates; they must not fall behind ``floor.yml``.
"""

from pathlib import Path

import pytest
import yaml

from tests.knowledge.through_bot import evaluate, rates, summary
from tests.live_stack import ROOT, Stack

FLOOR = yaml.safe_load((Path(__file__).parent / "floor.yml").read_text(encoding="utf-8"))["knowledge"]


def test_policy_answers_through_the_bot(stack: Stack, capsys: pytest.CaptureFixture[str]) -> None:
    verdicts = evaluate(stack.rasa_url)
    report = ROOT / "var" / "reports" / "knowledge_through_bot.jsonl"
    report.parent.mkdir(parents=True, exist_ok=True)
    report.write_text("".join(f"{v.id}\t{v.outcome}\t{v.reply!r}\n" for v in verdicts), encoding="utf-8")
    with capsys.disabled():
        print("\n" + summary(verdicts) + f"\n(replies: {report.relative_to(ROOT)})")
    inside, outside = rates(verdicts, "in_scope"), rates(verdicts, "out_of_scope")
    assert inside["right"] >= FLOOR["in_scope_right"]
    assert inside["wrong"] <= FLOOR["in_scope_wrong_max"]
    assert outside["right"] >= FLOOR["out_of_scope_right"]
