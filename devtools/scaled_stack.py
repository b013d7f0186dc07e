"""The scaled topology on one machine (``make scaled``): the owner of its processes and ports.

The same code as ``make run``, configured for the engines a deployment uses (``docs/deployment.md``):

- HAProxy (Debian's package) in front: Rasa on ``RASA_PORT``, the action servers on ``ACTION_PORT``, the bundle
  service on ``BUNDLE_SERVICE_PORT`` (the default stack's ports, so every client works unchanged), round robin,
  health-checked, retrying only requests that never reached a process;
- ``SCALED_RASA_PROCESSES`` Rasa servers (default 2) on ``bot/endpoints.scaled.yml``: PostgreSQL tracker store,
  Redis lock store (one conversation is processed by one process at a time), RabbitMQ event broker;
- ``SCALED_ACTION_PROCESSES`` action servers (default 2) and ``SCALED_SERVICE_PROCESSES`` bundle-service processes
  (default 2) on PostgreSQL; the first migrates and seeds the knowledge base, the others start after it is ready;
- chroma's own server (the service's ``HttpClient``) and :mod:`event_consumer`, which records the events for the
  admin dashboard (``BUNDLE_TRACKER_DB_URL`` points at its table, not at the live tracker store).

Backends listen on loopback at ``SCALED_PORT_BASE`` (default 6100) + offsets (:class:`Topology`); they authenticate
each other with the shared secrets of :mod:`devtools.processes` as in the default stack. PostgreSQL, Redis and
RabbitMQ are the machine's (``SCALED_POSTGRES_*``, ``REDIS_*``, ``RABBITMQ_*``); the databases
``<SCALED_DATABASE_PREFIX>_{service,tracker,events}`` are created when missing. Service environment (SQLAlchemy).
"""

from __future__ import annotations

import argparse
import os
import secrets
import shutil
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

from sqlalchemy import Connection, create_engine, text

from devtools import run_stack, stack_profile
from devtools.processes import (
    RASA_PYTHON,
    ROOT,
    Process,
    actions_process,
    ensure_configuration,
    rasa_process,
    service_process,
)

SCALED_ENDPOINTS = "bot/endpoints.scaled.yml"
LOG_FORMAT = '"%ci:%cp [%tr] %ft %b/%s %TR/%Tw/%Tc/%Tr/%Ta %ST %B %tsc %ac/%fc/%bc/%sc/%rc %sq/%bq \\"%HM %HP %HV\\""'
CHROMA = ROOT / ".venv" / "bin" / "chroma"


@dataclass(frozen=True)
class Topology:
    """How many of each process, and where each listens.

    Attributes:
        rasa: Rasa server processes.
        actions: Action-server processes.
        services: Bundle-service processes.
        base: First backend port; chroma ``base+1``, the consumer ``base+2``, Rasa ``base+10+i``, actions
            ``base+30+i``, the service ``base+50+i``.
        rasa_front: Port of the balancer's Rasa front (``RASA_PORT``).
        actions_front: Port of its action-server front (``ACTION_PORT``).
        service_front: Port of its service front (``BUNDLE_SERVICE_PORT``).
    """

    rasa: int
    actions: int
    services: int
    base: int
    rasa_front: int
    actions_front: int
    service_front: int

    @classmethod
    def from_environment(cls) -> Topology:
        """The topology the environment asks for (defaults: 2 of each, backends from port 6100)."""
        env = os.environ
        return cls(
            rasa=int(env.get("SCALED_RASA_PROCESSES") or 2),
            actions=int(env.get("SCALED_ACTION_PROCESSES") or 2),
            services=int(env.get("SCALED_SERVICE_PROCESSES") or 2),
            base=int(env.get("SCALED_PORT_BASE") or 6100),
            rasa_front=int(env.get("RASA_PORT") or 5005),
            actions_front=int(env.get("ACTION_PORT") or 5055),
            service_front=int(env.get("BUNDLE_SERVICE_PORT") or 8000),
        )

    @property
    def chroma_port(self) -> int:
        """Port of the chroma server."""
        return self.base + 1

    @property
    def consumer_port(self) -> int:
        """Port of the event consumer's health endpoint."""
        return self.base + 2

    def rasa_ports(self) -> list[int]:
        """Ports of the Rasa processes."""
        return [self.base + 10 + i for i in range(self.rasa)]

    def action_ports(self) -> list[int]:
        """Ports of the action servers."""
        return [self.base + 30 + i for i in range(self.actions)]

    def service_ports(self) -> list[int]:
        """Ports of the bundle-service processes."""
        return [self.base + 50 + i for i in range(self.services)]


def state_dir() -> Path:
    """Where the balancer's configuration and chroma's data go (``SCALED_STATE_DIR``, default ``var/scaled``)."""
    return Path(os.environ.get("SCALED_STATE_DIR") or ROOT / "var" / "scaled")


def postgres_url(database: str, driver: str = "psycopg") -> str:
    """URL of ``database`` on the configured PostgreSQL server (``SCALED_POSTGRES_{HOST,PORT,USER,PASSWORD}``)."""
    env = os.environ
    user = quote(env.get("SCALED_POSTGRES_USER") or "postgres", safe="")
    password = env.get("SCALED_POSTGRES_PASSWORD") or ""
    login = f"{user}:{quote(password, safe='')}" if password else user
    host, port = env.get("SCALED_POSTGRES_HOST") or "127.0.0.1", env.get("SCALED_POSTGRES_PORT") or "5432"
    return f"postgresql+{driver}://{login}@{host}:{port}/{database}"


def database_names() -> dict[str, str]:
    """The three databases by role: the service's, Rasa's tracker store, the consumer's events."""
    prefix = os.environ.get("SCALED_DATABASE_PREFIX") or "assistant_scaled"
    return {role: f"{prefix}_{role}" for role in ("service", "tracker", "events")}


def _for_each_database(statement: Callable[[Connection, str], object]) -> None:
    admin = create_engine(postgres_url(os.environ.get("SCALED_POSTGRES_ADMIN_DB") or "postgres"))
    try:
        with admin.execution_options(isolation_level="AUTOCOMMIT").connect() as connection:
            for name in database_names().values():
                statement(connection, name)
    finally:
        admin.dispose()


def _create_if_missing(connection: Connection, name: str) -> None:
    if not connection.execute(text("SELECT 1 FROM pg_database WHERE datname = :n"), {"n": name}).first():
        connection.execute(text(f'CREATE DATABASE "{name}"'))


def ensure_databases() -> None:
    """Create the databases of :func:`database_names` that do not exist yet."""
    _for_each_database(_create_if_missing)


def drop_databases() -> None:
    """Drop the databases of :func:`database_names` (a benchmark's or a test's own), whoever is connected."""
    _for_each_database(
        lambda connection, name: connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    )


def drop_event_queue() -> None:
    """Delete the run's durable RabbitMQ queue, which outlives the run (this machine's broker, via ``rabbitmqctl``)."""
    queue = database_names()["events"]  # the RASA_EVENTS_QUEUE configure() gives Rasa and the consumer
    subprocess.run(["rabbitmqctl", "-q", "delete_queue", queue], check=False, capture_output=True)


def configure(topology: Topology) -> None:
    """Fill in what the scaled processes share (what the environment leaves unset), then the default stack's part.

    Secrets stay in the environment; the development profile generates the staff-session key the service
    processes must share (unset, each process would sign its own).
    """
    env = os.environ
    names = database_names()
    defaults = {
        "RASA_ENDPOINTS": SCALED_ENDPOINTS,
        "TRACKER_DB_HOST": env.get("SCALED_POSTGRES_HOST") or "127.0.0.1",
        "TRACKER_DB_PORT": env.get("SCALED_POSTGRES_PORT") or "5432",
        "TRACKER_DB_NAME": names["tracker"],
        "TRACKER_DB_USER": env.get("SCALED_POSTGRES_USER") or "postgres",
        "TRACKER_DB_PASSWORD": env.get("SCALED_POSTGRES_PASSWORD") or "",
        "REDIS_HOST": "127.0.0.1",
        "REDIS_PORT": "6379",
        "REDIS_DB": "0",
        "RABBITMQ_HOST": "127.0.0.1",
        "RABBITMQ_PORT": "5672",
        "RABBITMQ_USER": "guest",
        "RABBITMQ_PASSWORD": "guest",
        "RASA_EVENTS_EXCHANGE": f"{names['events']}_exchange",
        "RASA_EVENTS_QUEUE": names["events"],
        "EVENT_CONSUMER_DB_URL": postgres_url(names["events"], "psycopg2"),
        "EVENT_CONSUMER_PORT": str(topology.consumer_port),
        "BUNDLE_DATABASE_URL": postgres_url(names["service"]),
        "BUNDLE_TRACKER_DB_URL": postgres_url(names["events"]),
        "BUNDLE_CHROMA_HOST": "127.0.0.1",
        "BUNDLE_CHROMA_PORT": str(topology.chroma_port),
        "BUNDLE_TRUSTED_PROXIES": "127.0.0.1",  # the balancer's X-Forwarded-For names the caller (rate limits)
        "RASA_PORT": str(topology.rasa_front),
        "ACTION_PORT": str(topology.actions_front),
        "BUNDLE_SERVICE_PORT": str(topology.service_front),
    }
    for name, value in defaults.items():
        env.setdefault(name, value)
    env.setdefault("WECHAT_REDIS_URL", f"redis://{env['REDIS_HOST']}:{env['REDIS_PORT']}/{env['REDIS_DB']}")
    if not env.get("BUNDLE_STAFF_SESSION_SECRET") and stack_profile.profile(env) == stack_profile.DEVELOPMENT:
        env["BUNDLE_STAFF_SESSION_SECRET"] = secrets.token_urlsafe(32)
    ensure_configuration()


def haproxy_config(topology: Topology) -> str:
    """HAProxy's configuration: three fronts on loopback, round robin over health-checked backends.

    ``retry-on conn-failure`` with ``option redispatch``: a request that never reached a process (it was down) goes
    to another one; a request a process received is never sent twice (a 502 then tells the caller it was not
    acknowledged). Health checks wait up to 10 s: under load Rasa's event loop answers them late (with 1 s, both
    Rasa processes were marked down at 16 users and HAProxy answered 503). At most 32 requests are in flight per
    process; more wait in HAProxy's queue (at 256 users, connecting to a saturated Rasa timed out: 503).
    """

    def backend(name: str, ports: list[int], check: str) -> str:
        servers = "\n".join(f"  server {name}{i + 1} 127.0.0.1:{port} check" for i, port in enumerate(ports))
        return f"backend {name}\n  balance roundrobin\n  option httpchk GET {check}\n{servers}\n"

    def front(name: str, port: int) -> str:
        return f"frontend {name}_front\n  bind 127.0.0.1:{port}\n  monitor-uri /lb-health\n  default_backend {name}\n"

    return "\n".join(
        [
            "global\n  maxconn 4096\n  log stdout format raw local0 info\n",  # one line per request: which server
            "defaults\n  mode http\n  log global\n  option forwardfor\n"
            # httplog's fields, but the path without its query string: Rasa's API takes its token as ?token=
            f"  log-format {LOG_FORMAT}\n"
            "  option redispatch\n  retries 3\n  retry-on conn-failure\n"
            "  timeout connect 2s\n  timeout client 120s\n  timeout server 120s\n"
            # a busy Rasa answers its health check late, not never: only a refused or silent process is down
            "  timeout check 10s\n  default-server inter 2s fall 3 rise 1 maxconn 32\n"
            # beyond 32 requests a process, wait in HAProxy's queue rather than in a full accept backlog
            "  timeout queue 60s\n",
            front("rasa", topology.rasa_front),
            backend("rasa", topology.rasa_ports(), "/"),
            front("actions", topology.actions_front),
            backend("actions", topology.action_ports(), "/health"),
            front("service", topology.service_front),
            backend("service", topology.service_ports(), "/health"),
        ]
    )


def processes(topology: Topology) -> list[list[Process]]:
    """The processes in start order, one stage after the other (each healthy before the next starts)."""
    haproxy = shutil.which("haproxy") or "/usr/sbin/haproxy"
    config = state_dir() / "haproxy.cfg"
    config.parent.mkdir(parents=True, exist_ok=True)
    config.write_text(haproxy_config(topology), encoding="utf-8")
    services = [service_process(f"service-{i + 1}", str(p)) for i, p in enumerate(topology.service_ports())]
    services[0].health_text = '"knowledge":"ready"'  # it migrated and seeded: the others only read
    for replica in services[1:]:
        replica.env["BUNDLE_MIGRATE_ON_STARTUP"] = "false"
    chroma = [str(CHROMA), "run", "--path", str(state_dir() / "chroma"), "--host", "127.0.0.1"]
    consumer = [RASA_PYTHON, "-m", "event_consumer"]
    loopback, chroma_port = "http://127.0.0.1", topology.chroma_port
    rasa = [rasa_process(f"rasa-{i + 1}", str(p)) for i, p in enumerate(topology.rasa_ports())]
    actions = [actions_process(f"actions-{i + 1}", str(p)) for i, p in enumerate(topology.action_ports())]
    return [
        [
            Process("balancer", [haproxy, "-f", str(config), "-db"], f"{loopback}:{topology.service_front}/lb-health"),
            Process("chroma", [*chroma, "--port", str(chroma_port)], f"{loopback}:{chroma_port}/api/v2/heartbeat"),
            Process("events", consumer, f"{loopback}:{topology.consumer_port}/health"),
        ],
        [services[0], *rasa],  # Rasa loads its model while the first service process builds the knowledge index
        [*services[1:], *actions],
    ]


def main() -> int:
    """Start the scaled topology; run a command against it or serve until a signal."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("command", nargs=argparse.REMAINDER, help="-- command to run once healthy, then stop")
    args = parser.parse_args()
    topology = Topology.from_environment()
    problems = run_stack.refusals()
    production = stack_profile.profile(os.environ) == stack_profile.PRODUCTION
    if production and not os.environ.get("BUNDLE_STAFF_SESSION_SECRET"):
        problems.append("BUNDLE_STAFF_SESSION_SECRET is not set: each service process would sign its own sessions")
    if problems:
        return run_stack.refuse(problems)
    configure(topology)
    ensure_databases()
    stages = processes(topology)
    command = args.command[1:] if args.command[:1] == ["--"] else args.command
    fake_login = run_stack.start_dev_login()

    def banner() -> None:
        run_stack.print_banner(fake_login is not None)
        counts = f"{topology.rasa} Rasa, {topology.actions} action servers, {topology.services} service processes"
        print(f"Scaled topology: {counts} behind HAProxy; backends from port {topology.base}.", flush=True)

    return run_stack.supervise(stages, command, banner, lambda: fake_login.stop() if fake_login else None)


if __name__ == "__main__":
    sys.exit(main())
