"""Ask the independent question set (``questions_through_bot.yml``) through the bot and score the replies.

What counts is the reply a user reads, NLU and dialogue included: each question goes to the public chat channel
in a conversation of its own (after its ``context`` turns, when it has any). The scoring is the set's own
(see the file's header): in scope, ``right`` when every fact group is present and no ``wrong`` string is,
``refused`` when the bot declined, else ``wrong``; out of scope, ``right`` only when the bot declined.

Run against ``make run``: ``.venv/bin/python -m tests.knowledge.through_bot`` (``--help`` for the options).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import unicodedata
import uuid
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import httpx
import yaml

QUESTIONS = Path(__file__).resolve().parent / "questions_through_bot.yml"
# How the assistant declines (the knowledge base's not-found answer, the out-of-scope reply, the fallback's
# request to rephrase and its hand-off): any of these in a reply without the facts is a refusal, not an answer.
REFUSAL_CUES = (
    "没有找到",
    "超出了我的服务范围",
    "没太明白",
    "没能理解",
    "换个说法",
    "暂时无法回答",
    "不在我的服务范围",
    "没有写明",  # "政策要点没有写明…，请向…咨询": says what it does not know (the sets' rule for a refusal)
)
TIMEOUT_S = 60.0
WORKERS = 3  # questions asked at once


@dataclass
class Verdict:
    """One question's score."""

    id: str
    scope: str
    topic: str
    outcome: str  # right | refused | wrong
    reply: str


def normalise(text: str) -> str:
    """Full-width digits, letters and signs to half-width (NFKC), as the set's header prescribes."""
    return unicodedata.normalize("NFKC", text)


def is_refusal(reply: str) -> bool:
    """The bot declined (did not know, out of scope, did not understand)."""
    return any(cue in reply for cue in REFUSAL_CUES)


def score(entry: dict[str, Any], scope: str, reply: str) -> str:
    """``right``, ``refused`` or ``wrong`` for one reply."""
    reply = normalise(reply)
    if scope == "out_of_scope":
        return "right" if is_refusal(reply) else "wrong"
    facts_present = all(any(normalise(str(alt)) in reply for alt in group) for group in entry.get("facts") or [])
    wrong_present = any(normalise(str(bad)) in reply for bad in entry.get("wrong") or [])
    if facts_present and not wrong_present:
        return "right"
    return "refused" if is_refusal(reply) and not wrong_present else "wrong"


def ask(client: httpx.Client, rasa_url: str, turns: list[str]) -> str:
    """Send ``turns`` in one new anonymous conversation; the text of the bot's reply to the last one."""
    sender = f"kb-{uuid.uuid4().hex[:12]}"
    messages: list[dict[str, Any]] = []
    for text in turns:
        answer = client.post(
            f"{rasa_url}/webhooks/rest/webhook", json={"sender": sender, "message": text}, timeout=TIMEOUT_S
        )
        answer.raise_for_status()
        messages = answer.json()
    return "\n".join(str(m.get("text")) for m in messages if m.get("text"))


def evaluate(rasa_url: str, questions: Path = QUESTIONS, workers: int = WORKERS) -> list[Verdict]:
    """Every question of the set, scored; ``workers`` conversations at a time (each question has its own)."""
    data = yaml.safe_load(questions.read_text(encoding="utf-8"))
    entries = [(scope, entry) for scope in ("in_scope", "out_of_scope") for entry in data[scope]]

    def judge(scope: str, entry: dict[str, Any]) -> Verdict:
        reply = ask(client, rasa_url, [str(t) for t in [*(entry.get("context") or []), entry["question"]]])
        topic = str(entry.get("topic") or entry.get("kind") or "")
        return Verdict(str(entry["id"]), scope, topic, score(entry, scope, reply), reply)

    with httpx.Client() as client, ThreadPoolExecutor(max_workers=workers) as pool:
        return list(pool.map(lambda pair: judge(*pair), entries))


def rates(verdicts: list[Verdict], scope: str) -> dict[str, float]:
    """Share of right, refused and wrong among the questions of ``scope``."""
    chosen = [v for v in verdicts if v.scope == scope]
    counts = Counter(v.outcome for v in chosen)
    return {outcome: counts[outcome] / max(1, len(chosen)) for outcome in ("right", "refused", "wrong")}


def summary(verdicts: list[Verdict]) -> str:
    """The three rates per scope, and the in-scope rates per topic."""
    lines = []
    for scope in ("in_scope", "out_of_scope"):
        figures = rates(verdicts, scope)
        size = sum(v.scope == scope for v in verdicts)
        lines.append(
            f"{scope:<13} n={size:<4} right {figures['right']:.3f}  refused {figures['refused']:.3f}  "
            f"wrong {figures['wrong']:.3f}"
        )
    topics = Counter(v.topic for v in verdicts if v.scope == "in_scope")
    right = Counter(v.topic for v in verdicts if v.scope == "in_scope" and v.outcome == "right")
    lines += [f"  {topic:<22} {right[topic]:>3}/{total}" for topic, total in sorted(topics.items())]
    return "\n".join(lines)


def write_report(verdicts: list[Verdict], path: Path) -> None:
    """Every verdict with the bot's reply, one JSON line each."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("".join(json.dumps(asdict(v), ensure_ascii=False) + "\n" for v in verdicts), encoding="utf-8")


def main() -> int:
    """Score the set against a running stack and print the rates."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rasa", default=f"http://127.0.0.1:{os.environ.get('RASA_PORT', '5005')}")
    parser.add_argument("--report", default="var/reports/knowledge_through_bot.jsonl")
    parser.add_argument("--questions", type=Path, default=QUESTIONS, help="question file (a held-out set)")
    parser.add_argument("--workers", type=int, default=WORKERS, help="questions asked at once")
    args = parser.parse_args()
    verdicts = evaluate(args.rasa, args.questions, args.workers)
    write_report(verdicts, Path(args.report))
    print(summary(verdicts))
    return 0


if __name__ == "__main__":
    sys.exit(main())
