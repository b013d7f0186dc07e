"""Start the assistant's processes, wait until each is healthy, stop them all cleanly.

Used by `make run` (Rasa server, action server, bundle service) and by the tests
that need some of them running (`--only actions,service -- <command>`).
Standard library only, so it runs with either virtual environment.
"""

import argparse
import os
import secrets
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path

try:
    from scripts.fake_code2session import DEV_APP_ID, DEV_APP_SECRET, FakeCode2Session
except ImportError:  # run as a script: scripts/ is on sys.path, the repository root is not
    from fake_code2session import DEV_APP_ID, DEV_APP_SECRET, FakeCode2Session  # type: ignore[no-redef]

ROOT = Path(__file__).resolve().parent.parent
LOG_DIR = ROOT / "var" / "log"
STARTUP_TIMEOUT_S = float(os.environ.get("STACK_STARTUP_TIMEOUT", "300"))
STOP_GRACE_S = 15.0


@dataclass
class Process:
    """One child process of the stack."""

    name: str
    command: list[str]
    health_url: str
    popen: subprocess.Popen[bytes] | None = None

    @property
    def log_path(self) -> Path:
        """File the child's output goes to."""
        return LOG_DIR / f"{self.name}.log"


def stack_processes() -> dict[str, Process]:
    """The three processes of the assistant, with ports from the environment."""
    rasa_port = os.environ.get("RASA_PORT", "5005")
    action_port = os.environ.get("ACTION_PORT", "5055")
    service_port = os.environ.get("BUNDLE_SERVICE_PORT", "8000")
    model = os.environ.get("RASA_MODEL", "models/assistant.tar.gz")
    endpoints = os.environ.get("RASA_ENDPOINTS", "bot/endpoints.yml")
    credentials = os.environ.get("RASA_CREDENTIALS", "bot/credentials.yml")  # bot/credentials.wechat.yml adds WeChat
    rasa_bin = str(ROOT / ".venv-rasa" / "bin" / "rasa")
    # Rasa's HTTP API (trackers with what users typed, events, the model) answers only with this token; the
    # service (started from this environment) holds it for the console and the handoff queue. The channels'
    # webhooks stay open, as they must.
    rasa_token = os.environ.setdefault("BUNDLE_RASA_TOKEN", secrets.token_urlsafe(32))
    return {
        "service": Process(
            "service",
            [str(ROOT / ".venv" / "bin" / "python"), "-m", "bundle_service.main"],
            f"http://127.0.0.1:{service_port}/health",
        ),
        "actions": Process(
            "actions",
            [rasa_bin, "run", "actions", "--actions", "actions", "--port", action_port],
            f"http://127.0.0.1:{action_port}/health",
        ),
        "rasa": Process(
            "rasa",
            [
                rasa_bin,
                "run",
                "--model",
                model,
                "--endpoints",
                endpoints,
                "--credentials",
                credentials,
                "--enable-api",
                "--auth-token",
                rasa_token,
                "--cors",
                "*",
                "--port",
                rasa_port,
            ],
            f"http://127.0.0.1:{rasa_port}/",
        ),
    }


def is_healthy(url: str) -> bool:
    """True when ``url`` answers 200."""
    try:
        with urllib.request.urlopen(url, timeout=2) as response:
            return bool(response.status == 200)
    except (urllib.error.URLError, OSError):
        return False


def start(process: Process) -> None:
    """Start ``process`` in its own session, its output appended to its log file."""
    LOG_DIR.mkdir(parents=True, exist_ok=True)
    env = dict(os.environ, BUNDLE_SERVICE_PORT=os.environ.get("BUNDLE_SERVICE_PORT", "8000"))
    env.setdefault("BUNDLE_SERVICE_URL", f"http://127.0.0.1:{env['BUNDLE_SERVICE_PORT']}")
    env.setdefault("BUNDLE_RASA_URL", f"http://127.0.0.1:{os.environ.get('RASA_PORT', '5005')}")  # console, handoff
    with process.log_path.open("ab") as log:
        process.popen = subprocess.Popen(
            process.command,
            cwd=ROOT,
            env=env,
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
            if is_healthy(process.health_url):
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


def start_dev_login() -> FakeCode2Session | None:
    """Without a real mini program (``BUNDLE_WECHAT_APP_ID`` unset), serve the fake code2Session for the H5 dev login.

    Returns:
        The running fake (stop it at the end), or ``None`` when a real AppID is configured.
    """
    if os.environ.get("BUNDLE_WECHAT_APP_ID"):
        return None
    fake = FakeCode2Session(DEV_APP_ID, DEV_APP_SECRET).start()
    os.environ.update(
        BUNDLE_WECHAT_API_BASE=fake.base_url, BUNDLE_WECHAT_APP_ID=DEV_APP_ID, BUNDLE_WECHAT_APP_SECRET=DEV_APP_SECRET
    )
    return fake


def print_banner() -> None:
    """Tell the user where to go."""
    rasa_port = os.environ.get("RASA_PORT", "5005")
    service_port = os.environ.get("BUNDLE_SERVICE_PORT", "8000")
    print(
        f"""
创业一件事助手 is running.
  Chat in a terminal : make chat
  REST channel       : curl -s localhost:{rasa_port}/webhooks/rest/webhook -d '{{"sender":"me","message":"你好"}}'
  Rasa HTTP API      : http://127.0.0.1:{rasa_port}/status
  Bundle service     : http://127.0.0.1:{service_port}/docs
  Hotline console    : http://127.0.0.1:{service_port}/console  (accounts: BUNDLE_STAFF_ACCOUNTS_FILE)
  H5 web chat        : http://127.0.0.1:{service_port}/chat  (dev login unless BUNDLE_WECHAT_APP_ID is set)
  Logs               : {LOG_DIR.relative_to(ROOT)}/
Press Ctrl-C to stop everything.
""",
        flush=True,
    )


def main() -> int:
    """Start the chosen processes; run a command against them or serve until a signal."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--only", default="service,actions,rasa", help="comma-separated subset to start")
    parser.add_argument("command", nargs=argparse.REMAINDER, help="-- command to run once healthy, then stop")
    args = parser.parse_args()
    # The action server and the service share a secret so the service trusts X-Client-Id (per-conversation
    # throttling of wrong verifications); a fresh one per run unless configured.
    os.environ.setdefault("BUNDLE_GATEWAY_TOKEN", secrets.token_urlsafe(32))
    # The service signs mini-program login tokens that the Rasa mini-program channel verifies: one secret per run.
    os.environ.setdefault("BUNDLE_SESSION_SECRET", secrets.token_urlsafe(32))
    os.environ.setdefault(
        "BUNDLE_CHAT_WEBHOOK_URL", f"//{{host}}:{os.environ.get('RASA_PORT', '5005')}/webhooks/miniprogram/webhook"
    )
    available = stack_processes()
    processes = [available[name] for name in args.only.split(",")]
    command = args.command[1:] if args.command[:1] == ["--"] else args.command

    def on_signal(signum: int, _frame: object) -> None:
        raise KeyboardInterrupt

    # Both, explicitly: a shell starting us in the background (CI) hands SIGINT down as ignored.
    signal.signal(signal.SIGTERM, on_signal)
    signal.signal(signal.SIGINT, on_signal)
    fake_login = start_dev_login() if "service" in args.only.split(",") else None
    try:
        print("Starting: " + ", ".join(p.name for p in processes), flush=True)
        for process in processes:
            start(process)
        wait_healthy(processes)
        if command:
            return subprocess.call(command, cwd=ROOT)
        print_banner()
        while all(p.popen and p.popen.poll() is None for p in processes):
            time.sleep(1)
        dead = [p.name for p in processes if p.popen and p.popen.poll() is not None]
        print(f"stopped because {', '.join(dead)} exited; see {LOG_DIR.relative_to(ROOT)}/", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("\nStopping…", flush=True)
        return 0
    except RuntimeError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    finally:
        stop_all(processes)
        if fake_login is not None:
            fake_login.stop()


if __name__ == "__main__":
    sys.exit(main())
