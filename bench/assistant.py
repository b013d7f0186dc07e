"""Benchmarks: the Chinese pipeline against stock Rasa, side by side in one run.

For each pipeline: full training time, NLU quality on the held-out split, parse
latency p50/p95 (sequential POST /model/parse) and REST channel throughput with
1 and 16 concurrent users, against a real `rasa run` server backed by the real
action server and bundle service. Prints one table.

A pipeline's model is trained from scratch when its inputs (its config, the NLU and dialogue data, the custom
components) changed since it was last trained here, or always with ``--retrain`` (``make bench BENCH_FULL=1``);
otherwise the model in ``var/bench/pipeline<n>`` is measured again and the training time shown is the one
recorded when it was trained (``train.json`` beside it).

Usage: ``.venv-rasa/bin/python scripts/bench.py [--turns 200] [--retrain]``
"""

import argparse
import asyncio
import hashlib
import json
import os
import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import aiohttp

from bench.nlu_eval import SPLIT, NluReport, labelled_entities, score
from devtools import processes

ROOT = Path(__file__).resolve().parent.parent
BENCH_DIR = ROOT / "var" / "bench"
RASA = str(ROOT / ".venv-rasa" / "bin" / "rasa")
PIPELINES = {"chinese (config.yml)": "config.yml", "stock (Whitespace+CountVectors+DIET)": "bench/stock_config.yml"}
BENCH_RASA_PORT = "5015"
FALLBACK_INTENT = "nlu_fallback"
THRESHOLDS = (0.2, 0.3, 0.35, 0.4, 0.5, 0.6)
Labelled = list[tuple[str, str, list[tuple[str, str]]]]


@dataclass
class Figures:
    """What one pipeline measured."""

    train_s: float = 0.0
    nlu: NluReport = field(default_factory=NluReport)
    parse_ms: list[float] = field(default_factory=list)
    turns: dict[int, tuple[float, float]] = field(default_factory=dict)  # users -> (turns/s, p95 ms)
    top_intents: list[tuple[str, str, float]] = field(default_factory=list)  # (labelled, top, confidence)


def percentile(values: list[float], share: float) -> float:
    """The ``share`` quantile of ``values`` (nearest rank)."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def train(config: str, out: Path) -> float:
    """Train a full model from scratch with ``config``; return seconds."""
    started = time.perf_counter()
    subprocess.run(
        [RASA, "train", "--config", config, "--domain", "bot/domain", "--data", "nlu_data", "bot/stories",
         "bot/rules", "--out", str(out), "--fixed-model-name", "model", "--force"],
        cwd=ROOT, check=True, stdout=subprocess.DEVNULL, env=dict(os.environ, RASA_CACHE_DIRECTORY=str(out / "cache")),
    )  # fmt: skip
    return time.perf_counter() - started


def training_inputs(config: str) -> list[Path]:
    """Every file a training reads: ``config``, the NLU and dialogue data, the custom components."""
    files = [ROOT / config, *sorted((ROOT / "nlu_data").rglob("*")), *sorted((ROOT / "bot").rglob("*.yml")),
             *sorted((ROOT / "nlu_components").glob("*.py"))]  # fmt: skip
    return [path for path in files if path.is_file() and not path.name.startswith(("credentials", "endpoints"))]


def inputs_digest(config: str) -> str:
    """A digest of the names and contents of :func:`training_inputs`."""
    digest = hashlib.sha256()
    for path in training_inputs(config):
        digest.update(str(path.relative_to(ROOT)).encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def newest_input(config: str) -> float:
    """The latest modification time of :func:`training_inputs`."""
    return max(path.stat().st_mtime for path in training_inputs(config))


def trained_model(config: str, out: Path, retrain: bool) -> float:
    """Train ``config`` into ``out`` unless a model of the same inputs is there; return its training seconds.

    Without ``retrain``, config.yml's pipeline takes ``make train``'s model when it is newer than every input
    (its training time is then unknown: NaN).
    """
    record, digest = out / "train.json", inputs_digest(config)
    if not retrain and (out / "model.tar.gz").is_file() and record.is_file():
        kept = json.loads(record.read_text(encoding="utf-8"))
        if kept.get("inputs") == digest:
            print(f"{config}: inputs unchanged, measuring the model trained in {kept['seconds']:.0f} s", flush=True)
            return float(kept["seconds"])
    made = ROOT / "models" / "assistant.tar.gz"
    if not retrain and config == "config.yml" and made.is_file() and made.stat().st_mtime >= newest_input(config):
        out.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(made, out / "model.tar.gz")
        record.write_text(json.dumps({"inputs": digest, "seconds": float("nan")}), encoding="utf-8")
        print(f"{config}: measuring make train's model (training time not measured; --retrain measures it)")
        return float("nan")
    seconds = train(config, out)
    record.write_text(json.dumps({"inputs": digest, "seconds": seconds}), encoding="utf-8")
    return seconds


def held_out_messages() -> Labelled:
    """(text, intent, entities) of the held-out split."""
    from rasa.shared.nlu.training_data.loading import load_data

    data = load_data(str(SPLIT))
    return [(m.get("text"), m.get("intent"), labelled_entities(m)) for m in data.intent_examples]


async def measure_parse(base: str, messages: Labelled, figures: Figures) -> None:
    """Parse every held-out message once, sequentially: quality and latency."""
    async with aiohttp.ClientSession() as session:
        for text, intent, entities in messages:
            started = time.perf_counter()
            token = {"token": os.environ.get("BUNDLE_RASA_TOKEN", "")}  # Rasa's HTTP API answers only with it
            async with session.post(f"{base}/model/parse", json={"text": text}, params=token) as response:
                parsed = await response.json()
            figures.parse_ms.append((time.perf_counter() - started) * 1000)
            score(figures.nlu, text, intent, entities, parsed)
            top = next(r for r in parsed["intent_ranking"] if r["name"] != FALLBACK_INTENT)
            figures.top_intents.append((intent, top["name"], top["confidence"]))


async def measure_turns(base: str, texts: list[str], users: int, turns: int) -> tuple[float, float]:
    """``users`` concurrent conversations sharing ``turns`` REST turns; return (turns/s, p95 ms)."""
    latencies: list[float] = []
    per_user = max(1, turns // users)

    async def conversation(session: aiohttp.ClientSession, user: int) -> None:
        for turn in range(per_user):
            started = time.perf_counter()
            payload = {"sender": f"bench-{users}-{user}-{time.time_ns()}", "message": texts[(user + turn) % len(texts)]}
            async with session.post(f"{base}/webhooks/rest/webhook", json=payload) as response:
                await response.read()
                if response.status != 200:
                    raise RuntimeError(f"REST turn answered {response.status}")
            latencies.append((time.perf_counter() - started) * 1000)

    started = time.perf_counter()
    async with aiohttp.ClientSession() as session:
        await asyncio.gather(*(conversation(session, user) for user in range(users)))
    elapsed = time.perf_counter() - started
    return len(latencies) / elapsed, percentile(latencies, 0.95)


def bench_pipeline(config: str, out: Path, turns: int, messages: Labelled, retrain: bool) -> Figures:
    """Train (when needed), serve and measure one pipeline."""
    figures = Figures(train_s=trained_model(config, out, retrain))
    os.environ.update(RASA_MODEL=str(out / "model.tar.gz"), RASA_PORT=BENCH_RASA_PORT)
    server = processes.stack_processes()["rasa"]
    processes.start(server)
    try:
        processes.wait_healthy([server])
        base = f"http://127.0.0.1:{BENCH_RASA_PORT}"
        asyncio.run(measure_parse(base, messages, figures))
        texts = [text for text, _, _ in messages]
        for users in (1, 16):
            figures.turns[users] = asyncio.run(measure_turns(base, texts, users, turns))
    finally:
        processes.stop_all([server])
    return figures


def table(results: dict[str, Figures]) -> str:
    """Side-by-side table with the ratio chinese / stock."""
    chinese, stock = results.values()
    rows: list[tuple[str, Callable[[Figures], float], str]] = [
        ("training time (s)", lambda f: f.train_s, "{:.1f}"),
        ("intent accuracy (held-out)", lambda f: f.nlu.intent_accuracy, "{:.3f}"),
        ("entity F1 (held-out)", lambda f: f.nlu.entity_f1, "{:.3f}"),
        ("parse latency p50 (ms)", lambda f: statistics.median(f.parse_ms), "{:.1f}"),
        ("parse latency p95 (ms)", lambda f: percentile(f.parse_ms, 0.95), "{:.1f}"),
        ("REST turns/s, 1 user", lambda f: f.turns[1][0], "{:.1f}"),
        ("REST turn p95 (ms), 1 user", lambda f: f.turns[1][1], "{:.1f}"),
        ("REST turns/s, 16 users", lambda f: f.turns[16][0], "{:.1f}"),
        ("REST turn p95 (ms), 16 users", lambda f: f.turns[16][1], "{:.1f}"),
    ]
    names = list(results)
    lines = [f"| metric | {names[0]} | {names[1]} | ratio |", "|---|---:|---:|---:|"]
    for label, get, fmt in rows:
        a, b = get(chinese), get(stock)
        ratio = f"{a / b:.2f}" if b else "n/a"
        lines.append(f"| {label} | {fmt.format(a)} | {fmt.format(b)} | {ratio} |")
    return "\n".join(lines)


def threshold_sweep(results: dict[str, Figures]) -> str:
    """Held-out intent accuracy and fallback share per fallback threshold, per pipeline."""
    lines = ["| pipeline | " + " | ".join(f"t={t}" for t in THRESHOLDS) + " |", "|---|" + "---:|" * len(THRESHOLDS)]
    for label, figures in results.items():
        cells = []
        for threshold in THRESHOLDS:
            kept = [(want, got) for want, got, confidence in figures.top_intents if confidence >= threshold]
            accuracy = sum(want == got for want, got in kept) / len(figures.top_intents)
            fallback_share = 1 - len(kept) / len(figures.top_intents)
            cells.append(f"{accuracy:.3f} ({fallback_share:.0%} fb)")
        lines.append(f"| {label} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def main() -> int:
    """Run the NLU/REST benchmark for both pipelines and print the table."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--turns", type=int, default=320, help="REST turns per concurrency level")
    parser.add_argument("--retrain", action="store_true", help="train both pipelines even when nothing changed")
    args = parser.parse_args()
    messages = held_out_messages()
    helpers = [processes.stack_processes()[name] for name in ("service", "actions")]
    for process in helpers:
        processes.start(process)
    try:
        processes.wait_healthy(helpers)
        results = {
            label: bench_pipeline(config, BENCH_DIR / f"pipeline{index}", args.turns, messages, args.retrain)
            for index, (label, config) in enumerate(PIPELINES.items())
        }
    finally:
        processes.stop_all(helpers)
    print(f"\nNLU and REST benchmark ({len(messages)} held-out messages, {args.turns} turns per level)\n")
    print(table(results))
    print("\nFallback threshold sweep: held-out intent accuracy (share sent to fallback)\n")
    print(threshold_sweep(results))
    return 0


if __name__ == "__main__":
    sys.exit(main())
