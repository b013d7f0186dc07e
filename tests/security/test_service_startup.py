"""The service itself refuses unsafe settings at start-up (item 5's weak admin token, the production profile).

Each case starts the real service process (``python -m bundle_service.main``, as run_stack does) and expects it to
exit before serving, naming every problem.
"""

import os
import subprocess

from tests.live_stack import ROOT, free_port

SERVICE = [str(ROOT / ".venv" / "bin" / "python"), "-m", "bundle_service.main"]


def _start(tmp_path: object, **settings: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("BUNDLE_", "WECHAT_"))}
    env |= {
        "BUNDLE_SERVICE_PORT": str(free_port()),
        "BUNDLE_DATABASE_URL": f"sqlite:///{tmp_path}/bundle.db",
        "BUNDLE_KNOWLEDGE_WARM_ON_STARTUP": "false",
        **settings,
    }
    return subprocess.run(SERVICE, cwd=ROOT, env=env, capture_output=True, text=True, timeout=120, check=False)


def test_a_weak_admin_token_stops_the_service(tmp_path: object) -> None:
    started = _start(tmp_path, BUNDLE_ADMIN_TOKEN="admin")
    assert started.returncode != 0
    assert "BUNDLE_ADMIN_TOKEN" in started.stderr + started.stdout


def test_production_refuses_development_defaults_and_names_each(tmp_path: object) -> None:
    started = _start(
        tmp_path,
        BUNDLE_PROFILE="production",
        BUNDLE_STAFF_ACCOUNTS_FILE="bundle_service/data/staff_accounts.example.yml",
        BUNDLE_WECHAT_API_BASE="http://127.0.0.1:9",
    )
    output = started.stderr + started.stdout
    assert started.returncode != 0
    for variable in (
        "BUNDLE_ADMIN_TOKEN",
        "BUNDLE_STAFF_ACCOUNTS_FILE",
        "BUNDLE_SESSION_SECRET",
        "BUNDLE_GATEWAY_TOKEN",
    ):
        assert variable in output, f"{variable} not named:\n{output}"
    assert "Traceback" not in output, output
