"""The independent knowledge question sets asked through the bot (NLU and dialogue included).

Seven sets by seven authors who read only the spec: ``questions_through_bot.yml`` (2026-12-04; the knowledge work
was analysed on it), ``questions_heldout.yml`` (2026-12-06; an analyst has since read it), ``questions_third.yml``
(2026-12-06, fifth session; analysed in the sixth), ``questions_fourth.yml`` (sixth session; analysed in the
seventh), ``questions_fifth.yml`` (seventh session; analysed in the eighth), ``questions_sixth.yml`` (eighth
session) and ``questions_seventh.yml`` (ninth), read by nobody but their authors. Prints the right / refused /
wrong rates of each; they must not fall behind their floors in ``floor.yml``.
"""

from pathlib import Path

import pytest
import yaml

from tests.knowledge.through_bot import QUESTIONS, evaluate, rates, summary
from tests.live_stack import ROOT, Stack

FLOORS = yaml.safe_load((Path(__file__).parent / "floor.yml").read_text(encoding="utf-8"))
SETS = {  # set name → (question file, its floors)
    "first": (QUESTIONS, FLOORS["knowledge"]),
    "heldout": (QUESTIONS.parent / "questions_heldout.yml", FLOORS["heldout"]["knowledge"]),
    "third": (QUESTIONS.parent / "questions_third.yml", FLOORS["third"]["knowledge"]),
    "fourth": (QUESTIONS.parent / "questions_fourth.yml", FLOORS["fourth"]["knowledge"]),
    "fifth": (QUESTIONS.parent / "questions_fifth.yml", FLOORS["fifth"]["knowledge"]),
    "sixth": (QUESTIONS.parent / "questions_sixth.yml", FLOORS["sixth"]["knowledge"]),
    "seventh": (QUESTIONS.parent / "questions_seventh.yml", FLOORS["seventh"]["knowledge"]),
}


@pytest.mark.parametrize("name", SETS)
def test_policy_answers_through_the_bot(name: str, stack: Stack, capsys: pytest.CaptureFixture[str]) -> None:
    questions, floor = SETS[name]
    verdicts = evaluate(stack.rasa_url, questions)
    report = ROOT / "var" / "reports" / f"knowledge_through_bot_{name}.jsonl"
    report.parent.mkdir(parents=True, exist_ok=True)
    report.write_text("".join(f"{v.id}\t{v.outcome}\t{v.reply!r}\n" for v in verdicts), encoding="utf-8")
    with capsys.disabled():
        print(f"\n[{name} set] " + summary(verdicts) + f"\n(replies: {report.relative_to(ROOT)})")
    inside, outside = rates(verdicts, "in_scope"), rates(verdicts, "out_of_scope")
    assert inside["right"] >= floor["in_scope_right"], f"{name} set: {inside}"
    assert inside["wrong"] <= floor["in_scope_wrong_max"], f"{name} set: {inside}"
    assert outside["right"] >= floor["out_of_scope_right"], f"{name} set: {outside}"
