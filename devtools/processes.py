"""The assistant's three processes: how each is started, checked for health and stopped.

:func:`stack_processes` configures the bundle service, the action server and the Rasa server from the environment
(filling in shared secrets and addresses in development, :func:`ensure_configuration`); :func:`start`,
:func:`wait_healthy` and :func:`stop_all` run them. Used by ``devtools/run_stack.py`` (``make run``), the scaled
topology and the tests and benchmarks that start processes themselves. Standard library only, so it runs with either
virtual environment.
"""

import os
import secrets
import signal
import subprocess
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

from devtools import stack_profile

ROOT = Path(__file__).resolve().parent.parent
DEV_STAFF_ACCOUNTS = ROOT / "bundle_service" / "data" / "staff_accounts.example.yml"
STARTUP_TIMEOUT_S = float(os.environ.get("STACK_STARTUP_TIMEOUT", "300"))
STOP_GRACE_S = 15.0


def log_dir() -> Path:
    """Where the children's logs go: ``STACK_LOG_DIR`` (a test collects its own run's logs), else ``var/log``."""
    return Path(os.environ.get("STACK_LOG_DIR") or ROOT / "var" / "log")


@dataclass
class Process:
    """One child process of the stack."""

    name: str
    command: list[str]
    health_url: str
    popen: subprocess.Popen[bytes] | None = None
    env: dict[str, str] = field(default_factory=dict)  # set over the stack's environment (a replica's own port)
    health_text: str = ""  # healthy once the health answer also holds this (e.g. the knowledge base is ready)

    @property
    def log_path(self) -> Path:
        """File the child's output goes to."""
        return log_dir() / f"{self.name}.log"


def reachable(host: str) -> str:
    """The address to reach a server bound to ``host`` from this machine (a wildcard is reached on loopback)."""
    return "127.0.0.1" if host in ("", "0.0.0.0", "::") else host


def address(host_variable: str, port_variable: str, default_port: str) -> str:
    """``http://host:port`` of a process, from its (loopback by default) interface and port variables."""
    host = os.environ.get(host_variable) or "127.0.0.1"
    return f"http://{reachable(host)}:{os.environ.get(port_variable) or default_port}"


def ensure_configuration() -> None:
    """Fill in what the processes share and the environment leaves unset (in development).

    Every shared secret (``stack_profile.SHARED_SECRETS``) gets a fresh random value per run; Rasa finds the action
    server (``ACTION_ENDPOINT_URL``, used by ``bot/endpoints.yml``), the service finds Rasa, and browsers may call
    Rasa only from the service's own pages (``RASA_CORS_ORIGINS``). The interfaces stay at their loopback defaults.
    Secrets are passed in the environment only, never as arguments (``ps`` shows arguments to everyone).
    """
    env = os.environ
    for name in stack_profile.SHARED_SECRETS:
        if not env.get(name):
            env[name] = secrets.token_urlsafe(32)
    if not env.get("BUNDLE_STAFF_ACCOUNTS_FILE") and stack_profile.profile(env) == stack_profile.DEVELOPMENT:
        env["BUNDLE_STAFF_ACCOUNTS_FILE"] = str(DEV_STAFF_ACCOUNTS)  # printed in the banner; production refuses it
    service = address("BUNDLE_SERVICE_HOST", "BUNDLE_SERVICE_PORT", "8000")
    env.setdefault("ACTION_ENDPOINT_URL", f"{address('ACTION_HOST', 'ACTION_PORT', '5055')}/webhook")
    env.setdefault("BUNDLE_SERVICE_URL", service)
    env.setdefault("BUNDLE_RASA_URL", address("RASA_HOST", "RASA_PORT", "5005"))  # console relay, handoff queue
    service_port = env.get("BUNDLE_SERVICE_PORT") or "8000"
    origins = {f"http://127.0.0.1:{service_port}", f"http://localhost:{service_port}", env["BUNDLE_SERVICE_URL"]}
    env.setdefault("RASA_CORS_ORIGINS", ",".join(sorted(origins)))
    rasa_port = env.get("RASA_PORT") or "5005"
    env.setdefault("BUNDLE_CHAT_WEBHOOK_URL", f"//{{host}}:{rasa_port}/webhooks/miniprogram/webhook")


RASA_PYTHON = str(ROOT / ".venv-rasa" / "bin" / "python")


def service_process(name: str = "service", port: str | None = None) -> Process:
    """The bundle service on ``port`` (default ``BUNDLE_SERVICE_PORT``, 8000)."""
    port = port or os.environ.get("BUNDLE_SERVICE_PORT") or "8000"
    host = reachable(os.environ.get("BUNDLE_SERVICE_HOST") or "127.0.0.1")
    return Process(
        name,
        [str(ROOT / ".venv" / "bin" / "python"), "-m", "bundle_service.main"],
        f"http://{host}:{port}/health",
        env={"BUNDLE_SERVICE_PORT": port},
    )


def actions_process(name: str = "actions", port: str | None = None) -> Process:
    """The action server on ``port`` (default ``ACTION_PORT``, 5055), called by Rasa only."""
    port = port or os.environ.get("ACTION_PORT") or "5055"
    host = reachable(os.environ.get("ACTION_HOST") or "127.0.0.1")
    return Process(
        name,
        [RASA_PYTHON, "-m", "actions.server", "--actions", "actions"],
        f"http://{host}:{port}/health",
        env={"ACTION_PORT": port},
    )


def rasa_process(name: str = "rasa", port: str | None = None) -> Process:
    """The Rasa server on ``port`` (default ``RASA_PORT``, 5005).

    Token (``BUNDLE_RASA_TOKEN``), interface (``RASA_HOST``) and CORS (``RASA_CORS_ORIGINS``) come from the
    environment; model, endpoints and credentials from ``RASA_MODEL``, ``RASA_ENDPOINTS``, ``RASA_CREDENTIALS``.
    """
    env = os.environ
    port = port or env.get("RASA_PORT") or "5005"
    model = env.get("RASA_MODEL", "models/assistant.tar.gz")
    endpoints = env.get("RASA_ENDPOINTS", "bot/endpoints.yml")
    credentials = env.get("RASA_CREDENTIALS", "bot/credentials.yml")  # bot/credentials.wechat.yml adds WeChat
    rasa = ["--model", model, "--endpoints", endpoints, "--credentials", credentials, "--enable-api"]
    host = reachable(env.get("RASA_HOST") or "127.0.0.1")
    return Process(name, [RASA_PYTHON, "-m", "channels.server", *rasa, "--port", port], f"http://{host}:{port}/")


def stack_processes() -> dict[str, Process]:
    """The three processes of the assistant, configured from the environment (:func:`ensure_configuration`)."""
    ensure_configuration()
    return {"service": service_process(), "actions": actions_process(), "rasa": rasa_process()}


def is_healthy(url: str, text: str = "") -> bool:
    """True when ``url`` answers 200 (with ``text`` in the body, when given)."""
    try:
        with urllib.request.urlopen(url, timeout=2) as response:
            return bool(response.status == 200) and text in response.read().decode("utf-8", "replace")
    except (urllib.error.URLError, OSError):
        return False


def start(process: Process) -> None:
    """Start ``process`` in its own session, its output appended to its log file."""
    log_dir().mkdir(parents=True, exist_ok=True)
    with process.log_path.open("ab") as log:
        process.popen = subprocess.Popen(
            process.command,
            cwd=ROOT,
            env={**os.environ, **process.env},
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,  # Ctrl-C reaches only us; we stop children in order.
        )


def wait_healthy(processes: list[Process]) -> None:
    """Block until every process answers its health URL.

    Raises:
        RuntimeError: a process exited or did not become healthy in time.
    """
    deadline = time.monotonic() + STARTUP_TIMEOUT_S
    pending = list(processes)
    while pending:
        for process in list(pending):
            assert process.popen is not None
            if process.popen.poll() is not None:
                raise RuntimeError(f"{process.name} exited with {process.popen.returncode}; see {process.log_path}")
            if is_healthy(process.health_url, process.health_text):
                print(f"  ✓ {process.name:<8} {process.health_url}", flush=True)
                pending.remove(process)
        if time.monotonic() > deadline:
            names = ", ".join(p.name for p in pending)
            raise RuntimeError(f"not healthy after {STARTUP_TIMEOUT_S:.0f}s: {names}")
        time.sleep(0.5)


def stop_all(processes: list[Process]) -> None:
    """Send SIGTERM to every running child (last started first), then SIGKILL stragglers."""
    running = [p for p in reversed(processes) if p.popen and p.popen.poll() is None]
    for process in running:
        assert process.popen is not None
        os.killpg(process.popen.pid, signal.SIGTERM)
    deadline = time.monotonic() + STOP_GRACE_S
    for process in running:
        assert process.popen is not None
        try:
            process.popen.wait(timeout=max(0.1, deadline - time.monotonic()))
        except subprocess.TimeoutExpired:
            os.killpg(process.popen.pid, signal.SIGKILL)
            process.popen.wait()
