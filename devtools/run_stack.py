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
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from devtools import stack_profile
from devtools.fake_code2session import DEV_APP_ID, DEV_APP_SECRET, FakeCode2Session
from devtools.fake_sms_gateway import FakeSmsGateway, reply_hint
from devtools.fake_wechat_subscribe import FakeWeChatSubscribe

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


def start_dev_login() -> FakeCode2Session | None:
    """Without a real mini program (``BUNDLE_WECHAT_APP_ID`` unset), serve the fake code2Session for the H5 dev login.

    Development profile only: the fake lets anyone log in as any user. Production refuses to start without an
    AppID (:func:`stack_profile.problems`), and this never starts the fake there. The same address plays WeChat's
    subscribe-message API (``devtools/fake_wechat_subscribe.py``, every template accepted): a subscription recorded
    with ``POST /api/v1/me/notifications/subscriptions`` is sent by the worker and shows 已发送 in the console.

    Returns:
        The running fake (stop it at the end), or ``None`` when a real AppID is configured or in production.
    """
    if os.environ.get("BUNDLE_WECHAT_APP_ID") or stack_profile.profile(os.environ) != stack_profile.DEVELOPMENT:
        return None
    subscribe = FakeWeChatSubscribe(DEV_APP_ID, DEV_APP_SECRET, accept_all=True)  # its answers only, on one address
    fake = FakeCode2Session(DEV_APP_ID, DEV_APP_SECRET, subscribe=subscribe).start()
    os.environ.update(
        BUNDLE_WECHAT_API_BASE=fake.base_url, BUNDLE_WECHAT_APP_ID=DEV_APP_ID, BUNDLE_WECHAT_APP_SECRET=DEV_APP_SECRET
    )
    return fake


def start_dev_sms() -> FakeSmsGateway | None:
    """Without ``BUNDLE_SMS_GATEWAY_URL`` in development, the fake SMS gateway takes the SMS notifications.

    It also plays the users' replies: ``POST {fake}/sms/reply`` ``{"phone", "text": "TD"}`` is forwarded to the
    service's ``/api/v1/sms/replies`` with ``BUNDLE_SMS_INBOUND_TOKEN`` (generated by :func:`ensure_configuration`).

    Returns:
        The running fake (stop it at the end), or ``None`` when a gateway is configured or in production.
    """
    if os.environ.get("BUNDLE_SMS_GATEWAY_URL") or stack_profile.profile(os.environ) != stack_profile.DEVELOPMENT:
        return None
    fake = FakeSmsGateway(
        service_url=os.environ.get("BUNDLE_SERVICE_URL"), inbound_token=os.environ.get("BUNDLE_SMS_INBOUND_TOKEN")
    ).start()
    os.environ["BUNDLE_SMS_GATEWAY_URL"] = fake.base_url
    return fake


DEV_WARNING = """
  !!! DEVELOPMENT PROFILE: NOT FOR REAL USERS. The fake WeChat login is running, so anyone can log in
  !!! as any user (code dev-<name>). For a deployment: BUNDLE_PROFILE=production (README, "Profiles")."""


def dev_accounts_text(environ: dict[str, str] | os._Environ[str]) -> str:
    """The development staff/admin logins of the banner, when the stack seeds them; empty otherwise."""
    path = environ.get("BUNDLE_STAFF_ACCOUNTS_FILE") or ""
    if not path.endswith(stack_profile.DEV_ACCOUNTS_SUFFIX) or not Path(path).is_file():
        return ""
    accounts: list[tuple[str, str, str]] = []
    entry: dict[str, str] = {}
    for line in Path(path).read_text(encoding="utf-8").splitlines():  # a flat YAML list; no yaml in stdlib
        key, _, value = line.lstrip("- ").partition(":")
        if line.startswith("- ") and entry:
            accounts.append((entry.get("id", ""), entry.get("password", ""), entry.get("role", "")))
            entry = {}
        if value and not line.lstrip().startswith("#"):
            entry[key.strip()] = value.strip()
    if entry:
        accounts.append((entry.get("id", ""), entry.get("password", ""), entry.get("role", "")))
    logins = "、".join(
        f"{name} / {password}（{'管理员' if role == 'admin' else '坐席'}）" for name, password, role in accounts
    )
    return f"\n  DEVELOPMENT-ONLY accounts (仅限开发，生产环境拒绝): {logins}"


def print_banner(dev_login: bool, fake_sms: FakeSmsGateway | None = None) -> None:
    """Tell the user where to go (and, with the fake login running, that this is no place for real users)."""
    env = os.environ
    sms = f"\n  Fake SMS gateway   : a user replies TD: {reply_hint(fake_sms.base_url)}" if fake_sms else ""
    service, rasa = env["BUNDLE_SERVICE_URL"], env["BUNDLE_RASA_URL"]
    print(
        f"""
创业一件事助手 is running (profile: {stack_profile.profile(env)}).{DEV_WARNING if dev_login else ""}
  Chat in a terminal : make chat
  REST channel       : curl -s {rasa}/webhooks/rest/webhook -d '{{"sender":"me","message":"你好"}}'
  Rasa HTTP API      : {rasa}/status  (?token=<BUNDLE_RASA_TOKEN>: set it before make run to use the API)
  Bundle service     : {service}/docs
  Hotline console    : {service}/console  (accounts: BUNDLE_STAFF_ACCOUNTS_FILE)
  Admin page         : {service}/admin  (admin account, or BUNDLE_ADMIN_TOKEN){dev_accounts_text(env)}
  H5 web chat        : {service}/chat  ({"DEV LOGIN: type any name" if dev_login else "WeChat login"})
  Logs               : {log_dir()}/{sms}
Press Ctrl-C to stop everything.
""",
        flush=True,
    )


def refusals() -> list[str]:
    """What stops the stack from starting under ``BUNDLE_PROFILE`` (:mod:`devtools.stack_profile`)."""
    credentials = Path(os.environ.get("RASA_CREDENTIALS", "bot/credentials.yml"))
    return stack_profile.problems(os.environ, credentials if credentials.is_absolute() else ROOT / credentials)


def supervise(
    stages: Sequence[Sequence[Process]], command: list[str], announce: Callable[[], None], cleanup: Callable[[], None]
) -> int:
    """Start each stage once the one before is healthy; run ``command`` against them, or serve until a signal.

    Args:
        stages: Processes in start order; the processes of one stage start together.
        command: Run once everything is healthy, then stop everything (empty: serve until Ctrl-C or SIGTERM).
        announce: Called once everything is healthy when serving (the banner).
        cleanup: Called after every process has stopped.

    Returns:
        The command's exit status; 0 after a signal; 1 when a process exited or never became healthy.
    """
    processes = [process for stage in stages for process in stage]

    def on_signal(signum: int, _frame: object) -> None:
        raise KeyboardInterrupt

    # Both, explicitly: a shell starting us in the background (CI) hands SIGINT down as ignored.
    signal.signal(signal.SIGTERM, on_signal)
    signal.signal(signal.SIGINT, on_signal)
    try:
        print("Starting: " + ", ".join(p.name for p in processes), flush=True)
        for stage in stages:
            for process in stage:
                start(process)
            wait_healthy(list(stage))
        if command:
            return subprocess.call(command, cwd=ROOT)
        announce()
        while all(p.popen and p.popen.poll() is None for p in processes):
            time.sleep(1)
        dead = [p.name for p in processes if p.popen and p.popen.poll() is not None]
        print(f"stopped because {', '.join(dead)} exited; see {log_dir()}/", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("\nStopping…", flush=True)
        return 0
    except RuntimeError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    finally:
        stop_all(processes)
        cleanup()


def refuse(problems: list[str]) -> int:
    """Print why the stack does not start (:func:`refusals`) and return the exit status 2."""
    profile = os.environ.get(stack_profile.PROFILE_VARIABLE) or stack_profile.DEVELOPMENT
    print(f"refusing to start ({stack_profile.PROFILE_VARIABLE}={profile}):", file=sys.stderr)
    print("\n".join(f"  - {problem}" for problem in problems), file=sys.stderr)
    return 2


def main() -> int:
    """Start the chosen processes; run a command against them or serve until a signal."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--only", default="service,actions,rasa", help="comma-separated subset to start")
    parser.add_argument("command", nargs=argparse.REMAINDER, help="-- command to run once healthy, then stop")
    args = parser.parse_args()
    problems = refusals()
    if problems:
        return refuse(problems)
    available = stack_processes()  # generates the secrets production did not refuse over (development only)
    processes = [available[name] for name in args.only.split(",")]
    command = args.command[1:] if args.command[:1] == ["--"] else args.command
    fake_login = start_dev_login() if "service" in args.only.split(",") else None
    fake_sms = start_dev_sms() if "service" in args.only.split(",") else None
    if fake_login is not None:
        print(DEV_WARNING, flush=True)

    def stop_fakes() -> None:
        if fake_login is not None:
            fake_login.stop()
        if fake_sms is not None:
            fake_sms.close()

    return supervise([processes], command, lambda: print_banner(fake_login is not None, fake_sms), stop_fakes)


if __name__ == "__main__":
    sys.exit(main())
