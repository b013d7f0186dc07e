"""The scaled topology (``devtools.scaled_stack``) started once for these tests, on free ports and its own databases.

Two Rasa processes, two action servers and two service processes behind HAProxy, on the machine's PostgreSQL,
Redis and RabbitMQ, with chroma's server and the event consumer. A conversation whose Rasa process was killed
holding its lock continues when the ticket expires (Rasa's 60 s). The processes' logs stay in
``/tmp/scaled-test-*/logs``. ``make test-scaled``; several minutes, most of it Rasa loading its model twice.
"""

import contextlib
import os
import re
import secrets
import signal
import socket
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from devtools import scaled_stack

ROOT = Path(__file__).resolve().parents[2]
MODEL = ROOT / "models" / "assistant.tar.gz"
READY = "SCALED TOPOLOGY READY"
STARTUP_TIMEOUT_S = 1200.0


@dataclass(frozen=True)
class Scaled:
    """Where the running topology is.

    Attributes:
        rasa_url: The balancer's Rasa front.
        service_url: The balancer's service front.
        rasa_token: ``BUNDLE_RASA_TOKEN`` (Rasa's HTTP API).
        log_dir: The processes' logs (``balancer.log`` has one line per request, naming the server).
        topology: Ports of every process.
        databases: PostgreSQL URLs (psycopg) by role: ``service``, ``tracker``, ``events``.
    """

    rasa_url: str
    service_url: str
    rasa_token: str
    log_dir: Path
    topology: scaled_stack.Topology
    databases: dict[str, str]


def _ephemeral_ports() -> range:
    """The kernel's range for the local ports of outgoing connections (``ip_local_port_range``)."""
    low, high = Path("/proc/sys/net/ipv4/ip_local_port_range").read_text().split()
    return range(int(low), int(high) + 1)


def _free_base() -> int:
    """A port range of 64 where nothing listens now, outside the kernel's ephemeral range.

    A port picked inside it (32768-60999 here) can be taken by any outgoing connection in the minutes before the
    process meant for it binds: 2026-12-06, rasa-1 found 47610 in use after loading its model for three minutes.
    """
    ephemeral = _ephemeral_ports()
    for _ in range(50):
        base = 10000 + secrets.randbelow(200) * 100
        if base + 64 > ephemeral.start and base < ephemeral.stop:
            continue
        try:
            for port in range(base, base + 64):
                with socket.socket() as probe:
                    probe.bind(("127.0.0.1", port))
        except OSError:
            continue
        return base
    raise RuntimeError("no free port range")


def pid_listening_on(port: int) -> int:
    """The process id of the process listening on ``port`` on loopback (from ``ss``)."""
    listing = subprocess.run(["ss", "-Hltnp", f"sport = :{port}"], capture_output=True, text=True, check=True).stdout
    found = re.search(r"pid=(\d+)", listing)
    if not found:
        raise LookupError(f"nothing listens on {port}")
    return int(found.group(1))


@pytest.fixture(scope="session")
def scaled() -> Iterator[Scaled]:
    if not MODEL.is_file():
        pytest.fail(f"{MODEL} is missing: make train")
    base, folder = _free_base(), Path(tempfile.mkdtemp(prefix="scaled-test-"))
    prefix = f"scaledtest_{os.getpid()}_{uuid.uuid4().hex[:6]}"
    env = {
        **os.environ,
        "SCALED_PORT_BASE": str(base), "RASA_PORT": str(base + 5), "ACTION_PORT": str(base + 6),
        "BUNDLE_SERVICE_PORT": str(base + 7), "SCALED_DATABASE_PREFIX": prefix, "SCALED_STATE_DIR": str(folder),
        "STACK_LOG_DIR": str(folder / "logs"), "RASA_MODEL": str(MODEL), "REDIS_DB": "5",
        "STACK_STARTUP_TIMEOUT": str(STARTUP_TIMEOUT_S),
        "BUNDLE_RASA_TOKEN": secrets.token_urlsafe(32),
    }  # fmt: skip
    for name in ("BUNDLE_PROFILE", "BUNDLE_DATABASE_URL", "BUNDLE_TRACKER_DB_URL", "RASA_ENDPOINTS"):
        env.pop(name, None)  # this run's own
    output = folder / "supervisor.log"
    wait = f"print({READY!r}, flush=True); import time; time.sleep(10**6)"
    with output.open("wb") as log:
        supervisor = subprocess.Popen(
            [sys.executable, "-m", "devtools.scaled_stack", "--", sys.executable, "-c", wait],
            cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True,
        )  # fmt: skip
    os.environ["SCALED_DATABASE_PREFIX"] = prefix  # for drop_databases() below and the URLs
    try:
        deadline = time.monotonic() + STARTUP_TIMEOUT_S
        while READY not in output.read_text(errors="replace"):
            if supervisor.poll() is not None or time.monotonic() > deadline:
                pytest.fail(f"the scaled topology did not start:\n{output.read_text(errors='replace')[-3000:]}")
            time.sleep(2)
        topology = scaled_stack.Topology(2, 2, 2, base, base + 5, base + 6, base + 7)
        databases = {role: scaled_stack.postgres_url(name) for role, name in scaled_stack.database_names().items()}
        yield Scaled(
            f"http://127.0.0.1:{base + 5}", f"http://127.0.0.1:{base + 7}", env["BUNDLE_RASA_TOKEN"],
            folder / "logs", topology, databases,
        )  # fmt: skip
    finally:
        with contextlib.suppress(ProcessLookupError):  # gone already when a process failed to start
            os.killpg(supervisor.pid, signal.SIGTERM)
        try:
            supervisor.wait(timeout=60)
        except subprocess.TimeoutExpired:
            os.killpg(supervisor.pid, signal.SIGKILL)
        scaled_stack.drop_databases()
        scaled_stack.drop_event_queue()
        os.environ.pop("SCALED_DATABASE_PREFIX", None)
