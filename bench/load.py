"""Load tests with Locust: the default topology, the scaled one and the stock-Rasa floor, side by side.

For each topology the stack is started (:mod:`devtools.run_stack` or :mod:`devtools.scaled_stack`) with this module
as its command (``--measure``): Locust runs ``bench/locustfile.py`` headless at 1, 16, 64 and 256 users for a short
fixed time each, and the figures of its statistics file are kept. Then one table: turns/s, p50/p95/p99, errors.

The stock floor is the default topology with the stock pipeline's model (``bench/stock_config.yml``) that
``scripts/bench.py`` trains into ``var/bench/pipeline1``; without it that column says so.

Usage: ``.venv/bin/python scripts/bench_load.py [--levels 1,16,64,256] [--seconds 20]``
(``--topologies default,scaled,stock``: which ones).
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import re
import shutil
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from devtools import scaled_stack

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "var" / "bench" / "load"
STOCK_MODEL = ROOT / "var" / "bench" / "pipeline1" / "model.tar.gz"
PYTHON = str(ROOT / ".venv" / "bin" / "python")
LOCUST = str(ROOT / ".venv" / "bin" / "locust")
PORT_BASE = int(os.environ.get("BENCH_LOAD_PORT_BASE") or 6200)
COLUMNS = ("turns/s", "p50 ms", "p95 ms", "p99 ms", "errors")
WARMUP_USERS = 4  # more than one conversation on each Rasa process of the scaled topology
WARMUP_S = int(os.environ.get("BENCH_LOAD_WARMUP_S") or 20)
ROLES = ("rasa", "actions", "service", "chroma", "events", "balancer")


def locust_figures(stats_csv: Path) -> dict[str, float]:
    """Turns/s, p50/p95/p99 (ms) and the error share from the ``Aggregated`` row of Locust's ``*_stats.csv``."""
    with stats_csv.open(encoding="utf-8") as handle:
        row = next(r for r in csv.DictReader(handle) if r["Name"] == "Aggregated")
    requests, failures = int(row["Request Count"]), int(row["Failure Count"])
    return {
        "turns/s": float(row["Requests/s"]),
        "p50 ms": float(row["50%"] or "nan"),
        "p95 ms": float(row["95%"] or "nan"),
        "p99 ms": float(row["99%"] or "nan"),
        "errors": failures / requests if requests else float("nan"),
        "turns": requests,
    }


def listening_pids(port: int) -> list[int]:
    """Process ids listening on ``port`` (from ``ss``; empty when nothing does)."""
    listing = subprocess.run(["ss", "-Hltnp", f"sport = :{port}"], capture_output=True, text=True, check=False)
    return sorted({int(pid) for pid in re.findall(r"pid=(\d+)", listing.stdout)})


def roles() -> dict[str, list[int]]:
    """The ports of each kind of process of the running topology (from the supervisor's environment)."""
    env = os.environ
    if env.get("RASA_ENDPOINTS", "").endswith(scaled_stack.SCALED_ENDPOINTS):
        top = scaled_stack.Topology.from_environment()
        return {"rasa": top.rasa_ports(), "actions": top.action_ports(), "service": top.service_ports(),
                "chroma": [top.chroma_port], "events": [top.consumer_port], "balancer": [top.rasa_front]}  # fmt: skip
    return {"rasa": [int(env["RASA_PORT"])], "actions": [int(env["ACTION_PORT"])],
            "service": [int(env["BUNDLE_SERVICE_PORT"])]}  # fmt: skip


def cpu_seconds() -> dict[str, float]:
    """CPU time (user + system) each kind of process has used so far: stable under other load, unlike latency."""
    tick = os.sysconf("SC_CLK_TCK")
    used: dict[str, float] = {}
    for role, ports in roles().items():
        pids = {pid for port in ports for pid in listening_pids(port)}
        total = 0
        for pid in pids:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
            total += int(fields[11]) + int(fields[12])  # utime, stime
        used[role] = total / tick
    return used


def wait_for_knowledge(timeout_s: float = 600.0) -> bool:
    """Wait until the service says its knowledge index is built (``/health``: ``knowledge: ready``).

    The stack answers before the index is built; a level measured meanwhile measures the build (the 1-user level of
    2026-12-06 20:13: the service's CPU 236 ms per turn, p99 2.3 s).
    """
    url = f"http://127.0.0.1:{os.environ.get('BUNDLE_SERVICE_PORT', '8000')}/health"
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=2) as answer:
                if json.load(answer).get("knowledge") == "ready":
                    return True
        except (OSError, ValueError):
            pass
        time.sleep(1)
    return False


def run_locust(host: str, users: int, seconds: int, prefix: Path) -> None:
    """Locust headless on ``bench/locustfile.py``: ``users`` at ``host`` for ``seconds``, CSV and log at ``prefix``."""
    command = [LOCUST, "-f", "bench/locustfile.py", "--headless", "--only-summary", "--host", host,
               "-u", str(users), "-r", str(max(1, users // 2)), "-t", f"{seconds}s", "--csv", str(prefix),
               "--stop-timeout", "10", "--loglevel", "WARNING"]  # fmt: skip
    with Path(f"{prefix}.log").open("wb") as log:  # Locust's summary and errors, kept beside its CSV files
        subprocess.run(command, cwd=ROOT, check=False, stdout=log, stderr=subprocess.STDOUT)


def measure(label: str, host: str, levels: list[int], seconds: int) -> None:
    """Run Locust at each level against ``host``; write the figures to ``var/bench/load/<label>.json``.

    Beside Locust's figures: CPU milliseconds per turn of each kind of process (``cpu ms/turn <role>``). Before the
    first level, :data:`WARMUP_USERS` talk for :data:`WARMUP_S` seconds, unmeasured: every process's first turns
    build what it keeps (TensorFlow's traced graphs, the service's models; 2026-12-06, 5 s levels: the first level
    measured 0.6-7 turns/s and the service's CPU at 93-785 ms per turn, against 2-5 ms at the next).
    """
    if not wait_for_knowledge():
        print(f"  {label}: knowledge index not ready after 600 s: the first level measures its build", flush=True)
    run_locust(host, WARMUP_USERS, WARMUP_S, OUT / f"{label}-warmup")
    results: dict[str, dict[str, float]] = {}
    for users in levels:
        before = cpu_seconds()
        prefix = OUT / f"{label}-{users}"
        run_locust(host, users, seconds, prefix)
        results[str(users)] = figures = locust_figures(Path(f"{prefix}_stats.csv"))
        for role, spent in cpu_seconds().items():
            figures[f"cpu ms/turn {role}"] = 1000 * (spent - before[role]) / max(1, figures["turns"])
        print(f"  {label:8} {users:>4} users: {results[str(users)]['turns/s']:.1f} turns/s", flush=True)
    (OUT / f"{label}.json").write_text(json.dumps(results, indent=1), encoding="utf-8")


def _default_environment(label: str, model: Path) -> dict[str, str]:
    """A private default stack: its own ports, SQLite files, chroma folder and logs under ``var/bench/load``."""
    folder = OUT / label
    shutil.rmtree(folder, ignore_errors=True)
    (folder / "rasa").mkdir(parents=True)
    endpoints = folder / "endpoints.yml"
    default = (ROOT / "bot" / "endpoints.yml").read_text(encoding="utf-8")
    endpoints.write_text(default.replace("var/rasa/tracker.db", str(folder / "rasa" / "tracker.db")), encoding="utf-8")
    return {
        "RASA_PORT": str(PORT_BASE + 1), "ACTION_PORT": str(PORT_BASE + 2), "BUNDLE_SERVICE_PORT": str(PORT_BASE + 3),
        "RASA_MODEL": str(model), "RASA_ENDPOINTS": str(endpoints), "STACK_LOG_DIR": str(folder / "logs"),
        "BUNDLE_DATABASE_URL": f"sqlite:///{folder / 'bundle.db'}", "BUNDLE_CHROMA_PATH": str(folder / "chroma"),
        "BUNDLE_TRACKER_DB_URL": f"sqlite:///{folder / 'rasa' / 'tracker.db'}",
    }  # fmt: skip


def _scaled_environment() -> dict[str, str]:
    """The scaled topology on its own ports, databases (fresh: ``bench_load_*``) and state folder."""
    folder = OUT / "scaled"
    shutil.rmtree(folder, ignore_errors=True)
    return {
        "SCALED_PORT_BASE": str(PORT_BASE + 20), "RASA_PORT": str(PORT_BASE + 11), "ACTION_PORT": str(PORT_BASE + 12),
        "BUNDLE_SERVICE_PORT": str(PORT_BASE + 13), "SCALED_DATABASE_PREFIX": f"bench_load_{os.getpid()}",
        "SCALED_STATE_DIR": str(folder), "STACK_LOG_DIR": str(folder / "logs"),
        "RASA_MODEL": str(ROOT / "models" / "assistant.tar.gz"),
    }  # fmt: skip


def run_topology(label: str, levels: list[int], seconds: int) -> None:
    """Start the topology ``label`` with the measurement as its command; it stops when the measurement ends."""
    if label == "scaled":
        supervisor, env = "devtools.scaled_stack", _scaled_environment()
    else:
        model = STOCK_MODEL if label == "stock" else ROOT / "models" / "assistant.tar.gz"
        supervisor, env = "devtools.run_stack", _default_environment(label, model)
    host = f"http://127.0.0.1:{env['RASA_PORT']}"
    measuring = [PYTHON, "-m", "bench.load", "--measure", label, "--host", host,
                 "--levels", ",".join(map(str, levels)), "--seconds", str(seconds)]  # fmt: skip
    print(f"{label}: starting the stack", flush=True)
    subprocess.run([PYTHON, "-m", supervisor, "--", *measuring], cwd=ROOT, env={**os.environ, **env}, check=False)
    if label == "scaled":
        os.environ["SCALED_DATABASE_PREFIX"] = env["SCALED_DATABASE_PREFIX"]
        scaled_stack.drop_databases()
        scaled_stack.drop_event_queue()


def table(labels: list[str], levels: list[int]) -> str:
    """The side-by-side table of every measured topology (``n/a`` where one was not measured)."""
    found = {label: json.loads(p.read_text()) for label in labels if (p := OUT / f"{label}.json").is_file()}
    header = "| users | " + " | ".join(f"{label} {column}" for label in labels for column in COLUMNS) + " |"
    lines = [header, "|---:" * (1 + len(labels) * len(COLUMNS)) + "|"]
    for users in levels:
        cells: list[str] = []
        for label in labels:
            figures = found.get(label, {}).get(str(users))
            for column in COLUMNS:
                if figures is None:
                    cells.append("n/a")
                elif column == "errors":
                    cells.append(f"{figures[column]:.1%}")
                else:
                    cells.append(f"{figures[column]:.0f}" if column != "turns/s" else f"{figures[column]:.1f}")
        lines.append(f"| {users} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def cpu_table(labels: list[str], levels: list[int]) -> str:
    """CPU milliseconds per turn by kind of process: the cost per core that docs/deployment.md scales up."""
    lines = ["| topology | users | " + " | ".join(ROLES) + " | total |", "|---|---:" + "|---:" * (len(ROLES) + 1) + "|"]
    for label in labels:
        path = OUT / f"{label}.json"
        if not path.is_file():
            continue
        found = json.loads(path.read_text())
        for users in levels:
            figures = found.get(str(users), {})
            costs = [figures.get(f"cpu ms/turn {role}") for role in ROLES]
            total = sum(cost for cost in costs if cost is not None)
            cells = ["–" if cost is None else f"{cost:.1f}" for cost in costs]
            lines.append(f"| {label} | {users} | " + " | ".join(cells) + f" | {total:.1f} |")
    return "\n".join(lines)


def failures(labels: list[str], levels: list[int]) -> str:
    """Each level's failed turns by kind, from Locust's ``*_failures.csv`` (the errors column counts them alike).

    A failed call (``HTTP 502``, a refused connection) is the topology's; ``no answer`` and ``no application number``
    are the model's: the stock floor's model answers some filing turns with nothing and then files nothing.
    """
    lines: list[str] = []
    for label in labels:
        for users in levels:
            path = OUT / f"{label}-{users}_failures.csv"
            if not path.is_file():
                continue
            with path.open(encoding="utf-8") as handle:
                kinds = [f"{row['Name']} {row['Error']} x{row['Occurrences']}" for row in csv.DictReader(handle)]
            if kinds:
                lines.append(f"- {label}, {users} users: " + "; ".join(kinds))
    return "\n".join(lines) or "- none"


def where_time_went(labels: list[str], levels: list[int]) -> str:
    """A line per topology and level: CPU per turn, the process that took most, and how busy the machine was.

    Cores busy = turns/s x CPU seconds per turn (our processes only): near the machine's cores, the rest of a turn's
    latency is waiting for a core (queueing), not work; well below, it is waiting on something else (locks, I/O).
    """
    cores = os.cpu_count() or 1
    lines: list[str] = []
    for label in labels:
        path = OUT / f"{label}.json"
        found = json.loads(path.read_text()) if path.is_file() else {}
        for users in levels:
            figures = found.get(str(users))
            if not figures:
                continue
            costs = {role: figures[f"cpu ms/turn {role}"] for role in ROLES if f"cpu ms/turn {role}" in figures}
            total = sum(costs.values())
            if not total:
                continue
            ranked = sorted(costs.items(), key=lambda cost: -cost[1])
            shares = ", ".join(f"{role} {cost / total:.0%}" for role, cost in ranked)
            rate, p50 = figures["turns/s"], figures["p50 ms"]
            lines.append(
                f"- {label}, {users} users: {total:.1f} ms of CPU per turn ({shares}); {rate:.1f} turns/s kept "
                f"{rate * total / 1000:.2f} of {cores} cores busy; p50 {p50:.0f} ms for {total:.0f} ms of work"
            )
    return "\n".join(lines)


def main() -> int:
    """Measure each topology (or, with ``--measure``, one level set against a running one) and print the table."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--levels", default="1,16,64,256")
    parser.add_argument("--seconds", type=int, default=int(os.environ.get("BENCH_LOAD_SECONDS") or 20))
    parser.add_argument("--topologies", default="default,scaled,stock")
    parser.add_argument("--measure", help="internal: measure the running topology of this label")
    parser.add_argument("--host", help="internal: the Rasa front of that topology")
    args = parser.parse_args()
    levels = [int(level) for level in args.levels.split(",")]
    OUT.mkdir(parents=True, exist_ok=True)
    if args.measure:
        measure(args.measure, args.host, levels, args.seconds)
        return 0
    labels = args.topologies.split(",")
    for label in labels:
        (OUT / f"{label}.json").unlink(missing_ok=True)
        if label == "stock" and not STOCK_MODEL.is_file():
            print(f"stock: no model at {STOCK_MODEL} (scripts/bench.py trains it): not measured", flush=True)
            continue
        run_topology(label, levels, args.seconds)
    print(f"\nLoad test (bench/locustfile.py mix, {args.seconds} s per level, no think time)\n")
    print(table(labels, levels))
    print("\nCPU milliseconds per turn by kind of process (user + system time of the processes on its ports)\n")
    print(cpu_table(labels, levels))
    print("\nFailed turns by kind (Locust's failures files)\n")
    print(failures(labels, levels))
    print("\nWhere the time went (our processes' CPU; a p50 far above the work is waiting for a core or a lock)\n")
    print(where_time_went(labels, levels))
    return 0


if __name__ == "__main__":
    sys.exit(main())
