"""The real stack, started the way `make run` starts it, for the browser and the security tests.

``stack`` (session-scoped): the bundle service, the action server and the Rasa server (``models/assistant.tar.gz``)
started by ``scripts/run_stack.py`` on free ports, with a temporary applications database, an in-memory tracker
store, the shipped knowledge base (ready before the first test), the fake code2Session for the dev login, and the
console accounts of ``STAFF_PASSWORDS``. A conftest makes it available with ``from tests.live_stack import stack``.
"""

import json
import os
import shutil
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
MODEL = ROOT / "models" / "assistant.tar.gz"
STARTUP_TIMEOUT_S = 420.0  # Rasa loads the model in about 60 s alone, several minutes on 2 busy cores
ADMIN_TOKEN = "web-admin-token"  # BUNDLE_ADMIN_TOKEN of the stack (the knowledge admin page logs in with it)
STAFF_ACCOUNTS = """
- {id: admin, display_name: 管理员, role: admin, password: admin-web-pass}
- {id: zhangsan, display_name: 张三, role: staff, password: staff-web-pass}
"""  # BUNDLE_STAFF_ACCOUNTS_FILE of the stack (and of the console tests' in-process service)
STAFF_PASSWORDS = {"admin": "admin-web-pass", "zhangsan": "staff-web-pass"}


@dataclass(frozen=True)
class Stack:
    """Where the running processes are, and the secrets they share.

    Attributes:
        service_url: Root of the bundle service (the H5 chat is at ``/chat``).
        rasa_url: Root of the Rasa server.
        gateway_token: ``BUNDLE_GATEWAY_TOKEN`` of this run.
        log_dir: Where the processes' logs go (``var/log``).
    """

    service_url: str
    rasa_url: str
    gateway_token: str
    log_dir: Path


def free_port() -> int:
    """A TCP port nobody listens on right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _knowledge_ready(service_url: str) -> bool:
    try:
        with urllib.request.urlopen(f"{service_url}/health", timeout=2) as answer:
            return bool(json.load(answer).get("knowledge") == "ready")
    except (urllib.error.URLError, OSError, ValueError):
        return False


def _healthy(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=2) as answer:
            return bool(answer.status == 200)
    except (urllib.error.URLError, OSError):
        return False


@pytest.fixture(scope="session")
def stack(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Stack]:
    """Service, action server and Rasa on free ports, stopped (SIGTERM to the supervisor) at the end."""
    if not MODEL.exists():
        pytest.fail(f"{MODEL} is missing: run `make train`")
    work = tmp_path_factory.mktemp("stack")
    ports = {name: free_port() for name in ("RASA_PORT", "ACTION_PORT", "BUNDLE_SERVICE_PORT")}
    endpoints = work / "endpoints.yml"
    endpoints.write_text(f'action_endpoint:\n  url: "http://127.0.0.1:{ports["ACTION_PORT"]}/webhook"\n')
    staff_accounts = work / "staff.yml"
    staff_accounts.write_text(STAFF_ACCOUNTS, encoding="utf-8")
    gateway_token = f"web-test-{os.getpid()}"
    env = {key: value for key, value in os.environ.items() if not key.startswith(("BUNDLE_", "WECHAT_"))}
    env.update(
        {name: str(port) for name, port in ports.items()},
        RASA_ENDPOINTS=str(endpoints),
        BUNDLE_DATABASE_URL=f"sqlite:///{work / 'bundle.db'}",
        BUNDLE_CHROMA_PATH=str(work / "chroma"),
        BUNDLE_GATEWAY_TOKEN=gateway_token,
        BUNDLE_ADMIN_TOKEN=ADMIN_TOKEN,
        BUNDLE_STAFF_ACCOUNTS_FILE=str(staff_accounts),
        BUNDLE_SERVICE_URL=f"http://127.0.0.1:{ports['BUNDLE_SERVICE_PORT']}",
    )
    python = shutil.which("python", path=str(ROOT / ".venv" / "bin")) or str(ROOT / ".venv" / "bin" / "python")
    supervisor = subprocess.Popen(
        [python, "scripts/run_stack.py", "--only", "service,actions,rasa"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    service_url = f"http://127.0.0.1:{ports['BUNDLE_SERVICE_PORT']}"
    rasa_url = f"http://127.0.0.1:{ports['RASA_PORT']}"
    try:
        deadline = time.monotonic() + STARTUP_TIMEOUT_S
        # The knowledge base (seeded, 1500 entries embedded) builds while Rasa loads its model.
        while not (_knowledge_ready(service_url) and _healthy(f"{rasa_url}/webhooks/miniprogram/")):
            if supervisor.poll() is not None:
                pytest.fail(f"scripts/run_stack.py exited with {supervisor.returncode}; see var/log/")
            if time.monotonic() > deadline:
                pytest.fail(f"stack not healthy after {STARTUP_TIMEOUT_S:.0f}s; see var/log/")
            time.sleep(0.5)
        yield Stack(service_url, rasa_url, gateway_token, ROOT / "var" / "log")
    finally:
        supervisor.send_signal(signal.SIGTERM)  # stops its children; SIGINT may be ignored in a background job
        try:
            supervisor.wait(timeout=30)
        except subprocess.TimeoutExpired:
            supervisor.kill()
            supervisor.wait()
