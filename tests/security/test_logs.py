"""No secret and no unmasked personal data in any log line of the security run (item 6).

Marked ``last``: it reads the logs the whole run's stack wrote, after every other security test has logged in,
filed, chatted and been refused.
"""

import re

import pytest

from devtools.fake_code2session import DEV_APP_SECRET
from tests.live_stack import Stack

# 18-digit ID numbers and 11-digit mobile numbers standing alone; openids of the dev logins these tests use.
ID_NUMBER = re.compile(r"(?<![0-9])[1-9][0-9]{5}(?:19|20)[0-9]{2}[01][0-9][0-3][0-9][0-9]{3}[0-9Xx](?![0-9])")
MOBILE = re.compile(r"(?<![0-9])1[3-9][0-9]{9}(?![0-9])")
DEV_OPENID = re.compile(r"dev_[a-z]{3,}[0-9a-f]{8}")
SECRET_QUERY = re.compile(r"(?:secret|js_code|access_token|token)=[^&\s\"']{6,}", re.IGNORECASE)


@pytest.mark.last
def test_logs_hold_no_secret_and_no_personal_data(stack: Stack) -> None:
    """Every log file of the run, line by line."""
    logs = sorted(stack.log_dir.glob("*.log"))
    assert logs, f"no logs in {stack.log_dir}"
    secrets = [value for value in stack.secrets.values() if value] + [DEV_APP_SECRET]
    findings = []
    for log in logs:
        for number, line in enumerate(log.read_text(encoding="utf-8", errors="replace").splitlines(), 1):
            where = f"{log.name}:{number}"
            findings += [f"{where}: secret {secret[:4]}…" for secret in secrets if secret in line]
            for pattern in (ID_NUMBER, MOBILE, DEV_OPENID, SECRET_QUERY):
                findings += [f"{where}: {match.group(0)[:40]}" for match in pattern.finditer(line)]
    assert not findings, "\n".join(findings[:40])
