"""CPU per turn of a real Rasa server, component by component: ``python -m bench.turn_cpu <channels.server args>``.

Starts Rasa exactly as ``channels/server.py`` does (same arguments, same ``prepare_rasa``) with timers around each
graph node (every NLU component and policy), the tracker store's read and save, the action server call, slot
extraction and the whole ``MessageProcessor.handle_message``. Each timer counts the event loop thread's CPU time
(``time.thread_time``) only while the timed code itself runs, so other conversations' work in between is not
counted: the figures hold under concurrent users and a loaded machine. Garbage collections are timed too. Drive it
with Locust (``bench/locustfile.py``); ``kill -USR1 <pid>`` writes the table (milliseconds per turn, calls per
turn) to ``$TURN_CPU_OUT`` (default ``turn_cpu.txt``) and starts counting again. ``docs/benchmarks.md``
("Issue 16, round 2") has the figures and how they were taken.
"""

from __future__ import annotations

import collections
import gc
import os
import signal
import sys
import time
from collections.abc import Callable, Coroutine, Generator
from typing import Any

TOTAL = "processor.handle_message (all of the turn in Rasa's processor)"
SPENT: collections.defaultdict[str, float] = collections.defaultdict(float)
CALLS: collections.defaultdict[str, int] = collections.defaultdict(int)
_STARTED = {"process": time.process_time(), "gc": 0.0}


def timed(key: str, function: Callable[..., Any]) -> Callable[..., Any]:
    """``function`` counting its CPU time under ``key``."""

    def wrapper(*args: Any, **kwargs: Any) -> Any:
        started = time.thread_time()
        try:
            return function(*args, **kwargs)
        finally:
            SPENT[key] += time.thread_time() - started
            CALLS[key] += 1

    return wrapper


class _Suspend:
    """Hands one value the wrapped coroutine yielded to the event loop, and back what the loop sends."""

    def __init__(self, value: Any) -> None:
        self.value = value

    def __await__(self) -> Generator[Any, Any, Any]:
        return (yield self.value)


def timed_async(key: str, function: Callable[..., Coroutine[Any, Any, Any]]) -> Callable[..., Any]:
    """Coroutine ``function`` counting its CPU time under ``key`` only while it runs (not while it awaits)."""

    async def wrapper(*args: Any, **kwargs: Any) -> Any:
        coroutine = function(*args, **kwargs)
        sent: Any = None
        thrown: BaseException | None = None
        while True:
            started = time.thread_time()
            try:
                yielded = coroutine.throw(thrown) if thrown is not None else coroutine.send(sent)
            except StopIteration as stop:
                SPENT[key] += time.thread_time() - started
                CALLS[key] += 1
                return stop.value
            finally:
                thrown = None
            SPENT[key] += time.thread_time() - started
            try:
                sent = await _Suspend(yielded)
            except BaseException as error:
                thrown = error

    return wrapper


def _collection(phase: str, info: dict[str, Any]) -> None:
    if phase == "start":
        _STARTED["gc"] = time.thread_time()
        return
    key = f"garbage collection, generation {info['generation']}"
    SPENT[key] += time.thread_time() - _STARTED["gc"]
    CALLS[key] += 1


def table() -> str:
    """The figures since the last table, milliseconds and calls per turn, largest first."""
    turns = max(1, CALLS[TOTAL])
    process = 1000 * (time.process_time() - _STARTED["process"]) / turns
    lines = [f"turns {turns}; Rasa process CPU {process:.2f} ms per turn (all threads, HTTP included)"]
    for key, spent in sorted(SPENT.items(), key=lambda item: -item[1]):
        lines.append(f"{1000 * spent / turns:8.2f} ms  {CALLS[key] / turns:5.2f}x  {key}")
    return "\n".join(lines) + "\n"


def _write_table(*_: Any) -> None:
    with open(os.environ.get("TURN_CPU_OUT") or "turn_cpu.txt", "w", encoding="utf-8") as handle:
        handle.write(table())
    SPENT.clear()
    CALLS.clear()
    _STARTED["process"] = time.process_time()


def install() -> None:
    """Put the timers in place (before Rasa loads the model) and the table on ``SIGUSR1``."""
    from rasa.core import processor, tracker_store
    from rasa.core.actions import action
    from rasa.engine import graph

    node_call = graph.GraphNode.__call__

    def call(node: graph.GraphNode, *inputs: Any) -> Any:
        started = time.thread_time()
        try:
            return node_call(node, *inputs)
        finally:
            SPENT[f"node {node._node_name}"] += time.thread_time() - started
            CALLS[f"node {node._node_name}"] += 1

    graph.GraphNode.__call__ = call
    messages = processor.MessageProcessor
    messages._parse_message_with_graph = timed("NLU: parse (all components)", messages._parse_message_with_graph)
    messages._predict_next_with_tracker = timed("policies: predictions", messages._predict_next_with_tracker)
    messages.handle_message = timed_async(TOTAL, messages.handle_message)
    messages._run_action = timed_async("actions: run, all (Rasa side)", messages._run_action)
    from channels.tracker_store import SQLiteWalTrackerStore

    for store in (tracker_store.SQLTrackerStore, SQLiteWalTrackerStore):  # Rasa's and bot/endpoints.yml's
        store.save = timed_async("tracker store: save", vars(store)["save"])  # type: ignore[method-assign]
    tracker_store.SQLTrackerStore.retrieve = timed_async("tracker store: read", tracker_store.SQLTrackerStore.retrieve)
    remote = action.RemoteAction
    remote.run = timed_async("actions: action server call (Rasa side)", remote.run)
    slots = action.ActionExtractSlots
    slots.run = timed_async("actions: slot extraction", slots.run)
    gc.callbacks.append(_collection)
    signal.signal(signal.SIGUSR1, _write_table)


def main() -> int:
    """Install the timers and run ``channels.server`` with this process's arguments."""
    install()
    from channels.server import main as serve

    return serve()


if __name__ == "__main__":
    sys.exit(main())
