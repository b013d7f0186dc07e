"""Where a turn's time goes inside Rasa: cProfile over whole conversations, grouped by stage.

Rasa's agent runs in this process (the trained model, a SQLite tracker store in a temporary file, the in-memory
lock store) against the real action server and bundle service, which ``devtools/run_stack.py --only
service,actions`` starts around this script. Every conversation of ``bench/locustfile.py``'s policy mix is played
``--rounds`` times, first once unmeasured (warm-up). cProfile's cumulative time of a coroutine counts only the time
it ran, not the time it awaited, so the action's row is Rasa's own cost of calling the action server; what the
action server and the service spend is measured per process by ``bench/load.py`` (CPU ms per turn).

Usage (Rasa environment, from the repository root)::

    .venv/bin/python -m devtools.run_stack --only service,actions -- .venv-rasa/bin/python -m bench.profile_turn
"""

from __future__ import annotations

import argparse
import asyncio
import cProfile
import logging
import os
import pstats
import sys
import tempfile
import time
import uuid
from pathlib import Path

from rasa.core.agent import Agent
from rasa.core.tracker_store import SQLTrackerStore
from rasa.utils.endpoints import EndpointConfig
from rasa.utils.log_utils import configure_structlog

from channels.lock_store import InProcessLockStore
from channels.server import prepare_rasa
from channels.tracker_store import SQLiteWalTrackerStore

ROOT = Path(__file__).resolve().parent.parent
CONVERSATIONS = [
    ["你好", "创业担保贷款最多能贷多少钱", "那要多久", "一次性创业补贴有多少钱", "好的谢谢", "拜拜"],
    ["个人创业一件事是什么", "都能办哪些事情", "那在哪里办", "谢谢"],
    ["营业执照怎么办", "要准备什么材料", "多久能办好", "好的"],
]
# (stage, the functions whose cumulative time it is: file fragment, function name)
STAGES = [
    ("NLU: whole parse", [("rasa/core/processor.py", "parse_message")]),
    ("dialogue: policies predict", [("rasa/core/processor.py", "_predict_next_with_tracker")]),
    ("action server call (Rasa side)", [("rasa/core/actions/action.py", "run")]),
    ("tracker store: retrieve", [("rasa/core/tracker_store.py", "retrieve")]),
    ("tracker store: save", [("rasa/core/tracker_store.py", "save")]),
    ("whole turn (handle_text)", [("rasa/core/agent.py", "handle_message")]),
]


def stage_times(stats: pstats.Stats, turns: int) -> list[tuple[str, float]]:
    """Milliseconds per turn of each stage (the largest matching function's cumulative time)."""
    table = stats.stats  # type: ignore[attr-defined]
    rows: list[tuple[str, float]] = []
    for stage, functions in STAGES:
        best = 0.0
        for (filename, _line, name), (_cc, _nc, _tt, cumulative, _callers) in table.items():
            if any(fragment in filename and name == wanted for fragment, wanted in functions):
                best = max(best, cumulative)
        rows.append((stage, 1000 * best / turns))
    return rows


async def play(agent: Agent, rounds: int) -> int:
    """Play every conversation ``rounds`` times; return the number of turns."""
    turns = 0
    for _ in range(rounds):
        for conversation in CONVERSATIONS:
            sender = f"profile-{uuid.uuid4().hex[:8]}"
            for text in conversation:
                await agent.handle_text(text, sender_id=sender)
                turns += 1
    return turns


def main() -> int:
    """Profile and print the stages and the top functions by own time."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rounds", type=int, default=10)
    parser.add_argument("--model", default=str(ROOT / "models" / "assistant.tar.gz"))
    parser.add_argument("--top", type=int, default=25)
    parser.add_argument(
        "--stock-validation", action="store_true", help="without channels.server.prepare_rasa (json_validation …)"
    )
    parser.add_argument("--stock-stores", action="store_true", help="Rasa's SQL tracker and in-memory lock stores")
    args = parser.parse_args()
    configure_structlog(logging.INFO)  # as `rasa run` does: unconfigured, every debug event is printed (and profiled)
    if not args.stock_validation:
        prepare_rasa()  # as channels/server.py does before Rasa starts
    folder = Path(tempfile.mkdtemp(prefix="profile-turn-"))
    store_class = SQLTrackerStore if args.stock_stores else SQLiteWalTrackerStore
    agent = Agent.load(
        args.model,
        tracker_store=store_class(dialect="sqlite", db=str(folder / "tracker.db")),
        lock_store=None if args.stock_stores else InProcessLockStore(),
        action_endpoint=EndpointConfig(
            os.environ["ACTION_ENDPOINT_URL"], headers={"Authorization": f"Bearer {os.environ['ACTION_SERVER_TOKEN']}"}
        ),
    )
    asyncio.run(play(agent, 1))  # warm-up: lazy loads, first connections
    profiler = cProfile.Profile()
    started = time.perf_counter()
    profiler.enable()
    turns = asyncio.run(play(agent, args.rounds))
    profiler.disable()
    elapsed = time.perf_counter() - started
    stats = pstats.Stats(profiler)
    print(f"\n{turns} turns, {1000 * elapsed / turns:.1f} ms per turn (wall, one user, action server and service "
          "in other processes)\n")  # fmt: skip
    print("| stage | ms per turn |\n|---|---:|")
    for stage, milliseconds in stage_times(stats, turns):
        print(f"| {stage} | {milliseconds:.1f} |")
    print(f"\nTop {args.top} functions by own time (ms per turn):\n")
    table = stats.stats  # type: ignore[attr-defined]
    own = sorted(table.items(), key=lambda item: item[1][2], reverse=True)[: args.top]
    for (filename, line, name), (_cc, calls, total, cumulative, _callers) in own:
        where = filename.split("site-packages/")[-1] if "site-packages/" in filename else filename
        print(f"  {1000 * total / turns:7.2f}  {1000 * cumulative / turns:7.2f} cum  {calls / turns:6.1f}× "
              f" {name}  ({where}:{line})")  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
