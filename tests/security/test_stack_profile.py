"""``scripts/run_stack.py``: no secret in any argument, loopback by default, and the production profile's refusals.

No stack is started here (``run_stack.py`` refuses before starting anything, or only its configuration is read).
"""

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from devtools import processes, run_stack, stack_profile

ROOT = Path(__file__).resolve().parents[2]
STRONG = {
    "BUNDLE_GATEWAY_TOKEN": "gw-8Hq2xVb1Lr7Nc4Zt0Yk9Wm3Pd6Sf5Ja",
    "ACTION_SERVER_TOKEN": "ac-Q7w2Er5Ty8Ui1Op4As6Df9Gh3Jk0Lz",
    "BUNDLE_RASA_TOKEN": "ra-M3n6Bv9Cx2Zl5Kj8Hg1Fd4Sa7Qw0Ep",
    "BUNDLE_SESSION_SECRET": "se-R4t7Yu0Io3Pa6Sd9Fg2Hj5Kl8Zx1Cv",
    "BUNDLE_SMS_INBOUND_TOKEN": "sm-W5e8Rt1Yu4Io7Pa0Sd3Fg6Hj9Kl2Zx",
}
PRODUCTION = {**STRONG, "BUNDLE_PROFILE": "production", "BUNDLE_WECHAT_APP_ID": "wx1234567890abcdef"}
CREDENTIALS = ROOT / "bot" / "credentials.production.yml"


@pytest.fixture(autouse=True)
def _environment_restored() -> Iterator[None]:
    """``run_stack`` fills ``os.environ`` in place (as in its own process): give every test its own copy back."""
    saved = dict(os.environ)
    yield
    os.environ.clear()
    os.environ.update(saved)


def test_a_complete_production_configuration_starts() -> None:
    assert stack_profile.problems(PRODUCTION, CREDENTIALS) == []


def test_production_lists_every_problem_at_once() -> None:
    environ = {
        "BUNDLE_PROFILE": "production",
        "BUNDLE_GATEWAY_TOKEN": "short",
        "ACTION_SERVER_TOKEN": "a" * 40,
        "BUNDLE_SESSION_SECRET": STRONG["BUNDLE_SESSION_SECRET"],
        "BUNDLE_RASA_TOKEN": "",
        "RASA_HOST": "0.0.0.0",
    }
    found = "\n".join(stack_profile.problems(environ, ROOT / "bot" / "credentials.yml"))
    for expected in (
        "BUNDLE_WECHAT_APP_ID is not set: the fake WeChat login",
        "public REST channel 'channels.rest.SandboxedRestInput'",
        "BUNDLE_GATEWAY_TOKEN is weak: shorter than 32",
        "ACTION_SERVER_TOKEN is weak: fewer than 10 different",
        "BUNDLE_RASA_TOKEN is not set",
        "RASA_HOST=0.0.0.0 is beyond loopback and BUNDLE_RASA_TOKEN is not set",
    ):
        assert expected in found, found


def test_reused_secrets_and_unknown_profiles_are_refused() -> None:
    reused = {**PRODUCTION, "ACTION_SERVER_TOKEN": STRONG["BUNDLE_GATEWAY_TOKEN"]}
    assert any("same value" in problem for problem in stack_profile.problems(reused, CREDENTIALS))
    assert "BUNDLE_PROFILE='staging'" in stack_profile.problems({"BUNDLE_PROFILE": "staging"}, CREDENTIALS)[0]


def test_rasas_unsandboxed_rest_channel_is_refused_in_every_profile(tmp_path: Path) -> None:
    credentials = tmp_path / "credentials.yml"
    credentials.write_text("rest:\nchannels.miniprogram.MiniProgramInput:\n", encoding="utf-8")
    (problem,) = stack_profile.problems({}, credentials)
    assert "unsandboxed REST channel 'rest'" in problem
    assert stack_profile.problems({}, ROOT / "bot" / "credentials.yml") == []  # development: sandboxed REST is fine


def run_stack_refusal(environ: dict[str, str]) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("BUNDLE_", "WECHAT_", "ACTION_", "RASA_"))}
    return subprocess.run(
        [sys.executable, "scripts/run_stack.py"],
        cwd=ROOT,
        env={**env, **environ},
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def test_run_stack_refuses_production_without_its_settings_and_starts_nothing() -> None:
    result = run_stack_refusal({"BUNDLE_PROFILE": "production"})
    assert result.returncode == 2 and "Starting" not in result.stdout
    assert "refusing to start (BUNDLE_PROFILE=production)" in result.stderr
    for variable in ("BUNDLE_WECHAT_APP_ID", "REST channel", *stack_profile.SHARED_SECRETS):
        assert variable in result.stderr


def test_no_secret_is_ever_a_process_argument(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in (*stack_profile.SHARED_SECRETS, "RASA_HOST", "ACTION_HOST", "ACTION_ENDPOINT_URL"):
        monkeypatch.delenv(name, raising=False)
    started = processes.stack_processes()  # development: every secret generated into the environment
    secrets = [os.environ[name] for name in stack_profile.SHARED_SECRETS]
    assert all(secrets)
    for process in started.values():
        assert not any(secret in argument for secret in secrets for argument in process.command), process.name
    assert started["rasa"].health_url.startswith("http://127.0.0.1:")
    assert started["actions"].health_url.startswith("http://127.0.0.1:")
    assert os.environ["ACTION_ENDPOINT_URL"].startswith("http://127.0.0.1:")
    assert "*" not in os.environ["RASA_CORS_ORIGINS"]


def test_the_logs_go_where_stack_log_dir_says(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("STACK_LOG_DIR", str(tmp_path))
    assert processes.stack_processes()["rasa"].log_path == tmp_path / "rasa.log"
    monkeypatch.delenv("STACK_LOG_DIR")
    assert processes.log_dir() == ROOT / "var" / "log"


def test_development_seeds_the_dev_accounts_and_prints_them_and_production_refuses_them(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.delenv("BUNDLE_STAFF_ACCOUNTS_FILE", raising=False)
    monkeypatch.delenv("BUNDLE_PROFILE", raising=False)
    processes.stack_processes()
    accounts = os.environ["BUNDLE_STAFF_ACCOUNTS_FILE"]
    assert accounts == str(processes.DEV_STAFF_ACCOUNTS)
    run_stack.print_banner(dev_login=False)
    banner = capsys.readouterr().out
    assert "/console" in banner and "/admin" in banner
    assert "DEVELOPMENT-ONLY accounts" in banner and "admin / admin-dev-pass（管理员）" in banner
    assert "zhangsan / staff-dev-pass（坐席）" in banner
    refused = stack_profile.problems({**PRODUCTION, "BUNDLE_STAFF_ACCOUNTS_FILE": accounts}, CREDENTIALS)
    assert refused == [
        f"BUNDLE_STAFF_ACCOUNTS_FILE={accounts} holds the development accounts and their known passwords"
    ]


def test_configured_accounts_are_left_alone_and_not_printed(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    own = tmp_path / "staff.yml"
    own.write_text("- id: wang\n  display_name: 王\n  role: admin\n  password: secret-of-wang\n", encoding="utf-8")
    monkeypatch.setenv("BUNDLE_STAFF_ACCOUNTS_FILE", str(own))
    processes.stack_processes()
    assert os.environ["BUNDLE_STAFF_ACCOUNTS_FILE"] == str(own)
    run_stack.print_banner(dev_login=False)
    banner = capsys.readouterr().out
    assert "secret-of-wang" not in banner and "DEVELOPMENT-ONLY accounts" not in banner
