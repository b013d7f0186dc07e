"""The independent knowledge question sets (``quality_sets.yml``) asked through the bot, NLU and dialogue included.

Each written by an author who read only the spec (each set's history: the comments of ``quality_sets.yml``). Prints
the right / refused / wrong rates of each; they must not fall behind their floors.
"""

import pytest

from tests.conversations.quality_sets import REPORTS, quality_sets
from tests.knowledge.through_bot import evaluate, rates, summary, write_report
from tests.live_stack import ROOT, Stack

SETS = quality_sets()


@pytest.mark.parametrize("name", SETS)
def test_policy_answers_through_the_bot(name: str, stack: Stack, capsys: pytest.CaptureFixture[str]) -> None:
    verdicts = evaluate(stack.rasa_url, SETS[name].questions)
    report = REPORTS / f"knowledge_through_bot_{name}.jsonl"
    write_report(verdicts, report)
    with capsys.disabled():
        print(f"\n[{name} set] " + summary(verdicts) + f"\n(replies: {report.relative_to(ROOT)})")
    inside, outside = rates(verdicts, "in_scope"), rates(verdicts, "out_of_scope")
    floor = SETS[name].knowledge
    assert inside["right"] >= floor["in_scope_right"], f"{name} set: {inside}"
    assert inside["wrong"] <= floor["in_scope_wrong_max"], f"{name} set: {inside}"
    assert outside["right"] >= floor["out_of_scope_right"], f"{name} set: {outside}"
