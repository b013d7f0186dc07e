"""Evaluate a trained model's NLU on a held-out split the way evaluation tools do.

Each message is parsed by the model; the predicted intent is compared with the
labelled one, and the predicted entities, as (entity, normalised value) pairs,
with the labelled ones (micro precision / recall / F1 over all messages).

Usage: .venv-rasa/bin/python scripts/nlu_eval.py [--model models/assistant.tar.gz] [--data tests/nlu]
"""

import argparse
import asyncio
import json
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_MODEL = ROOT / "models" / "assistant.tar.gz"
SPLIT = ROOT / "tests" / "nlu" / "split"  # the held-out evaluation split


@dataclass
class Miss:
    """One message whose intent or entities were wrong."""

    text: str
    expected_intent: str
    predicted_intent: str
    confidence: float
    expected_entities: list[tuple[str, str]]
    predicted_entities: list[tuple[str, str]]


@dataclass
class NluReport:
    """Scores over a test split."""

    messages: int = 0
    intent_hits: int = 0
    entity_tp: int = 0
    entity_fp: int = 0
    entity_fn: int = 0
    per_intent: dict[str, Counter[str]] = field(default_factory=dict)
    misses: list[Miss] = field(default_factory=list)

    @property
    def intent_accuracy(self) -> float:
        """Share of messages with the right intent."""
        return self.intent_hits / self.messages if self.messages else 0.0

    @property
    def entity_f1(self) -> float:
        """Micro F1 over (entity, value) pairs."""
        precision_den = self.entity_tp + self.entity_fp
        recall_den = self.entity_tp + self.entity_fn
        if not precision_den or not recall_den:
            return 1.0 if precision_den == recall_den else 0.0
        precision = self.entity_tp / precision_den
        recall = self.entity_tp / recall_den
        return 2 * precision * recall / (precision + recall) if precision + recall else 0.0

    def summary(self) -> str:
        """Human-readable scores and the worst intents."""
        lines = [
            f"messages          {self.messages}",
            f"intent accuracy   {self.intent_accuracy:.4f}",
            f"entity F1         {self.entity_f1:.4f} (tp {self.entity_tp}, fp {self.entity_fp}, fn {self.entity_fn})",
        ]
        for intent, counts in sorted(self.per_intent.items()):
            total = counts["hit"] + counts["miss"]
            lines.append(f"  {intent:<22} {counts['hit']:>4}/{total:<4} {counts['hit'] / total:.3f}")
        return "\n".join(lines)


def labelled_entities(message: Any) -> list[tuple[str, str]]:
    """(entity, value) pairs of a labelled Rasa training message."""
    return sorted((e["entity"], str(e["value"])) for e in message.get("entities") or [])


def score(report: NluReport, text: str, intent: str, expected: list[tuple[str, str]], parsed: dict[str, Any]) -> None:
    """Add one parsed message to ``report``."""
    predicted_intent = parsed["intent"]["name"]
    predicted = sorted((e["entity"], str(e["value"])) for e in parsed.get("entities", []))
    report.messages += 1
    counts = report.per_intent.setdefault(intent, Counter())
    hit = predicted_intent == intent
    report.intent_hits += hit
    counts["hit" if hit else "miss"] += 1
    expected_left = Counter(expected)
    predicted_left = Counter(predicted)
    overlap = expected_left & predicted_left
    report.entity_tp += sum(overlap.values())
    report.entity_fp += sum((predicted_left - overlap).values())
    report.entity_fn += sum((expected_left - overlap).values())
    if not hit or expected != predicted:
        report.misses.append(
            Miss(text, intent, predicted_intent, parsed["intent"].get("confidence", 0.0), expected, predicted)
        )


async def evaluate(model_path: str, data_path: str) -> NluReport:
    """Parse every message of the split with the model and score it."""
    from rasa.core.agent import Agent
    from rasa.shared.nlu.training_data.loading import load_data

    agent = Agent.load(model_path)
    data = load_data(data_path)
    report = NluReport()
    for message in data.intent_examples:
        text = message.get("text")
        parsed = await agent.parse_message(text)
        score(report, text, message.get("intent"), labelled_entities(message), parsed)
    return report


def write_misses(report: NluReport, path: Path) -> None:
    """Write every miss as one JSON line, for reading what went wrong."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as out:
        for miss in report.misses:
            out.write(json.dumps(miss.__dict__, ensure_ascii=False) + "\n")


def main() -> int:
    """Print the scores; write the misses to var/reports/nlu_misses.jsonl."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--model", default=str(DEFAULT_MODEL))
    parser.add_argument("--data", default=str(SPLIT))
    parser.add_argument("--misses", default="var/reports/nlu_misses.jsonl")
    args = parser.parse_args()
    report = asyncio.run(evaluate(args.model, args.data))
    print(report.summary())
    write_misses(report, Path(args.misses))
    print(f"misses written to {args.misses}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
