"""Submit throughput and latency of the bundle service on SQLite and PostgreSQL, side by side.

For each backend: a fresh database (a temp SQLite file; a uniquely named PostgreSQL database, dropped after),
uvicorn on a free local port, N submits (``POST /api/v1/applications`` with distinct applicants and idempotency
keys) from C concurrent httpx clients, then the server is stopped. Prints one table.

Run with the service's environment: ``.venv/bin/python scripts/bench_service.py [--requests 400 --concurrency 16]``.
Only loopback traffic; the request count and each phase's time are bounded.
"""

import argparse
import asyncio
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

import httpx

from devtools.scratch_postgres import scratch_database

ROOT = Path(__file__).resolve().parent.parent
PG_ADMIN_URL = os.environ.get("BUNDLE_BENCH_POSTGRES_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test")
STARTUP_TIMEOUT_S = 60.0
RUN_TIMEOUT_S = 300.0
MAX_REQUESTS = 5000
WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)


@dataclass
class Result:
    """Figures of one backend."""

    backend: str
    requests: int
    ok: int
    distinct_numbers: int
    seconds: float
    latencies_ms: list[float]

    @property
    def throughput(self) -> float:
        """Successful submits per second."""
        return self.ok / self.seconds if self.seconds else 0.0

    def percentile(self, share: float) -> float:
        """Latency percentile in ms (nearest rank)."""
        if not self.latencies_ms:
            return float("nan")
        ordered = sorted(self.latencies_ms)
        return ordered[min(len(ordered) - 1, max(0, round(share * len(ordered)) - 1))]


def id_number(i: int) -> str:
    """A valid ID number, different for every ``i`` below 3.6 million."""
    born = date(1975, 1, 1) + timedelta(days=i // 1000 % 10000)
    first17 = f"430111{born:%Y%m%d}{i % 1000:03d}"
    return first17 + "10X98765432"[sum(int(d) * w for d, w in zip(first17, WEIGHTS, strict=True)) % 11]


def form(i: int) -> dict[str, object]:
    """A valid form: business registration, taxpayer confirmation and the employment certificate."""
    return {
        "applicant_name": "测试",
        "id_number": id_number(i),
        "phone": f"139{i % 100_000_000:08d}",
        "person_category": "returning_migrant_worker",
        "project_name": f"压测项目{i}",
        "industry": "餐饮",
        "business_type": "individual_business",
        "premises_address": f"长沙市雨花区劳动东路{i}号",
        "city": "长沙市",
        "county": "雨花区",
        "items": ["business_registration", "taxpayer_confirmation", "employment_cert"],
    }


def free_port() -> int:
    """A free TCP port on the loopback interface."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


@contextmanager
def database(backend: str) -> Iterator[str]:
    """A fresh database URL for ``backend``, removed afterwards."""
    if backend == "sqlite":
        with tempfile.TemporaryDirectory(prefix="bench-") as folder:
            yield f"sqlite:///{folder}/bundle.db"
        return
    with scratch_database(PG_ADMIN_URL, "bundle_bench") as url:
        yield url


@contextmanager
def server(database_url: str, workers: int) -> Iterator[str]:
    """Uvicorn serving the app on a free port; yields its base URL and stops it afterwards."""
    port = free_port()
    env = {**os.environ, "BUNDLE_DATABASE_URL": database_url, "BUNDLE_LOG_LEVEL": "WARNING"}
    command = [
        sys.executable,
        "-m",
        "uvicorn",
        "bundle_service.main:app",
        "--host",
        "127.0.0.1",
        "--port",
        str(port),
        "--workers",
        str(workers),
        "--log-level",
        "warning",
        "--no-access-log",
    ]
    process = subprocess.Popen(command, cwd=ROOT, env=env)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + STARTUP_TIMEOUT_S
        while True:
            if process.poll() is not None:
                raise RuntimeError(f"uvicorn exited with {process.returncode}")
            try:
                if httpx.get(f"{base}/health", timeout=1).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if time.monotonic() > deadline:
                raise RuntimeError("service did not become healthy")
            time.sleep(0.2)
        yield base
    finally:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


async def load(base: str, requests: int, concurrency: int, offset: int) -> tuple[list[float], list[str], float]:
    """Send ``requests`` submits with ``concurrency`` clients; latencies (ms), numbers filed, wall seconds."""
    latencies: list[float] = []
    numbers: list[str] = []
    queue: asyncio.Queue[int] = asyncio.Queue()
    for i in range(requests):
        queue.put_nowait(offset + i)

    async def client() -> None:
        async with httpx.AsyncClient(base_url=base, timeout=60) as http:
            while not queue.empty():
                i = queue.get_nowait()
                started = time.perf_counter()
                response = await http.post(
                    "/api/v1/applications", json=form(i), headers={"Idempotency-Key": f"bench-{offset}-{i}"}
                )
                latencies.append((time.perf_counter() - started) * 1000)
                if response.status_code == 201:
                    numbers.append(response.json()["number"])

    started = time.perf_counter()
    await asyncio.wait_for(asyncio.gather(*(client() for _ in range(concurrency))), timeout=RUN_TIMEOUT_S)
    return latencies, numbers, time.perf_counter() - started


def run(backend: str, requests: int, concurrency: int, workers: int) -> Result:
    """Benchmark one backend from a fresh database."""
    with database(backend) as url, server(url, workers) as base:
        asyncio.run(load(base, min(20, requests), concurrency, offset=1_000_000))  # warm-up, not counted
        latencies, numbers, seconds = asyncio.run(load(base, requests, concurrency, offset=0))
    return Result(backend, requests, len(numbers), len(set(numbers)), seconds, latencies)


def main() -> int:
    """Parse arguments, run each backend, print the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=400, help="submits per backend (max 5000)")
    parser.add_argument("--concurrency", type=int, default=16, help="concurrent HTTP clients")
    parser.add_argument("--workers", type=int, default=1, help="uvicorn worker processes")
    parser.add_argument("--backends", default="sqlite,postgresql", help="comma-separated: sqlite, postgresql")
    args = parser.parse_args()
    requests = max(1, min(args.requests, MAX_REQUESTS))
    results = [run(b.strip(), requests, args.concurrency, args.workers) for b in args.backends.split(",")]
    print(
        f"\nsubmit benchmark: {requests} submits, {args.concurrency} concurrent clients, "
        f"{args.workers} uvicorn worker(s), {os.cpu_count()} CPUs"
    )
    header = f"{'backend':<11}{'ok':>6}{'distinct':>9}{'req/s':>9}{'p50 ms':>9}{'p95 ms':>9}{'max ms':>9}"
    print(header)
    print("-" * len(header))
    for r in results:
        print(
            f"{r.backend:<11}{r.ok:>6}{r.distinct_numbers:>9}{r.throughput:>9.1f}{r.percentile(0.5):>9.1f}"
            f"{r.percentile(0.95):>9.1f}{max(r.latencies_ms, default=float('nan')):>9.1f}"
        )
    if len(results) == 2 and results[0].throughput:
        print(f"\npostgresql/sqlite throughput ratio: {results[1].throughput / results[0].throughput:.2f}")
    mean_ok = statistics.mean(r.ok / r.requests for r in results)
    return 0 if mean_ok == 1.0 and all(r.distinct_numbers == r.ok for r in results) else 1


if __name__ == "__main__":
    raise SystemExit(main())
