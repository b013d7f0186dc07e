"""The independent quality sets: one list (``quality_sets.yml``) for the tests and ``make conversations``.

Each set is a pair written by two authors who read only the spec, before it was ever run: multi-turn conversations
(a folder of ``tests/conversations/``, played by :mod:`tests.conversations.runner`) and policy questions (a file of
``tests/knowledge/``, asked by :mod:`tests.knowledge.through_bot`), each with floors that may only go up.

``make conversations``: ``.venv/bin/python -m tests.conversations.quality_sets`` plays every set against a running
stack (``make run``) and prints each figure beside its floor.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from tests.conversations.runner import (
    add_stack_arguments,
    endpoints_from,
    load_scenarios,
    play_all,
    summary,
    write_report,
)
from tests.knowledge.through_bot import evaluate, rates
from tests.knowledge.through_bot import summary as knowledge_summary
from tests.knowledge.through_bot import write_report as write_knowledge_report

HERE = Path(__file__).resolve().parent
KNOWLEDGE_SETS = HERE.parent / "knowledge"
REPORTS = HERE.parents[1] / "var" / "reports"


@dataclass(frozen=True)
class QualitySet:
    """One pair of independent sets and its floors.

    Attributes:
        name: The set's name (``first``, ``heldout``, ``third``, ...), used in reports and test ids.
        scenarios: The folder of conversation scenarios.
        fewest_scenarios: How many scenarios the folder must hold at least (a lost file fails the test).
        questions: The knowledge question file.
        pass_rate: Floor of the share of conversations that reach a correct end.
        knowledge: Floors of the questions: ``in_scope_right``, ``in_scope_wrong_max``, ``out_of_scope_right``.
    """

    name: str
    scenarios: Path
    fewest_scenarios: int
    questions: Path
    pass_rate: float
    knowledge: dict[str, float]


def quality_sets() -> dict[str, QualitySet]:
    """Every set of ``quality_sets.yml`` by name, oldest first."""
    entries: dict[str, dict[str, Any]] = yaml.safe_load((HERE / "quality_sets.yml").read_text(encoding="utf-8"))
    return {
        name: QualitySet(
            name=name,
            scenarios=HERE / entry["scenarios"],
            fewest_scenarios=int(entry["fewest_scenarios"]),
            questions=KNOWLEDGE_SETS / entry["questions"],
            pass_rate=float(entry["pass_rate"]),
            knowledge={key: float(value) for key, value in entry["knowledge"].items()},
        )
        for name, entry in entries.items()
    }


def main() -> int:
    """Play every set against a running stack and print each figure beside its floor; 1 if one is below."""
    parser = argparse.ArgumentParser(description=__doc__)
    add_stack_arguments(parser)
    parser.add_argument("--only", help="play only the sets whose name contains this")
    args = parser.parse_args()
    endpoints = endpoints_from(args)
    below = []
    for quality_set in quality_sets().values():
        if args.only and args.only not in quality_set.name:
            continue
        outcomes = play_all(load_scenarios(quality_set.scenarios), endpoints)
        write_report(outcomes, REPORTS / f"conversations_{quality_set.name}.jsonl")
        rate = sum(o.passed for o in outcomes) / max(1, len(outcomes))
        print(f"\n[{quality_set.name} set] floor {quality_set.pass_rate}\n" + summary(outcomes))
        verdicts = evaluate(args.rasa, quality_set.questions)
        write_knowledge_report(verdicts, REPORTS / f"knowledge_through_bot_{quality_set.name}.jsonl")
        print(f"[{quality_set.name} questions] floors {quality_set.knowledge}\n" + knowledge_summary(verdicts))
        inside, outside = rates(verdicts, "in_scope"), rates(verdicts, "out_of_scope")
        floors = quality_set.knowledge
        if (
            rate < quality_set.pass_rate
            or inside["right"] < floors["in_scope_right"]
            or inside["wrong"] > floors["in_scope_wrong_max"]
            or outside["right"] < floors["out_of_scope_right"]
        ):
            below.append(quality_set.name)
    print(f"\nbelow a floor: {', '.join(below)}" if below else "\nevery set at or above its floors")
    return 1 if below else 0


if __name__ == "__main__":
    sys.exit(main())
