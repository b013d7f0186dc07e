"""Play the conversation scenarios (``scenarios/*.yml``) against a running stack and score them.

Each scenario runs on the channel it names, the way a user reaches the bot there:

- ``web``: the public REST channel, a fresh anonymous sender per scenario.
- ``miniprogram``: a dev login (``dev-<name>`` through the service's login, the fake code2Session of
  ``make run``) and the mini-program channel with the login token.
- ``hotline``: a console staff login, a new call, each message relayed through the console API.

``setup.application`` files an application first (for the mini-program user as owner when the scenario runs
there) and fills ``{application_number}``, ``{id_last6}`` and ``{wrong_last6}`` in the user's turns.

A scenario passes when every turn's checks hold (``all``, ``any``, ``none``, ``regex``), the ``final`` checks hold
of the last reply, and the bot never sends the same reply three turns in a row.

Run against ``make run``: ``.venv/bin/python -m tests.conversations.runner`` (``--help`` for the options).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
import threading
import uuid
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import yaml

from tests.service.factories import form

SCENARIOS = Path(__file__).resolve().parent / "scenarios"
MAX_IDENTICAL_REPLIES = 2
TURN_TIMEOUT_S = 60.0
WORKERS = 3  # conversations played at once
GIVE_UP_AFTER = 8  # scenarios in a row that could not be played: the stack is down, stop waiting
# The service tests' newcomer form (tests/service/factories.py) without an ID number: a scenario names its person.
DEFAULT_FORM: dict[str, Any] = form(
    applicant_name="测试人", id_number=None, items=["business_registration", "taxpayer_confirmation"]
)
# Values for fields some items need, added only when the service says a setup application still lacks them.
REQUIRED_CODES = ("required", "required_for_item")  # a field every form needs / one a chosen item needs
FIELD_DEFAULTS: dict[str, Any] = {
    "loan_amount": 100000,
    "loan_term_months": 24,
    "graduation_year": 2024,
    "business_started_on": "2025-06-01",
    "first_time_founder": True,
    "bank_account": "6222021234567890123",
}


@dataclass(frozen=True)
class Endpoints:
    """Where the stack is and what a trusted front layer and a staff member hold."""

    rasa_url: str
    service_url: str
    gateway_token: str | None
    staff_user: str
    staff_password: str


@dataclass
class Outcome:
    """One scenario's result."""

    scenario_id: str
    pattern: str
    passed: bool
    problems: list[str] = field(default_factory=list)
    transcript: list[dict[str, str]] = field(default_factory=list)


def load_scenarios(folder: Path = SCENARIOS) -> list[dict[str, Any]]:
    """Every scenario of every ``*.yml`` file in ``folder``, in file order."""
    scenarios: list[dict[str, Any]] = []
    for path in sorted(folder.glob("*.yml")):
        scenarios += yaml.safe_load(path.read_text(encoding="utf-8")) or []
    return scenarios


def reply_text(messages: list[dict[str, Any]]) -> str:
    """What the user sees of one turn: texts, button titles and custom payload texts, one per line."""
    parts: list[str] = []
    for message in messages:
        if message.get("text"):
            parts.append(str(message["text"]))
        parts += [str(button.get("title", "")) for button in message.get("buttons") or []]
        custom = message.get("custom")
        if isinstance(custom, dict) and custom.get("text"):
            parts.append(str(custom["text"]))
    return "\n".join(parts)


def _any_groups(value: Any) -> list[list[str]]:
    if not value:
        return []
    if all(isinstance(entry, str) for entry in value):
        return [list(value)]
    return [[str(entry)] if isinstance(entry, str) else [str(x) for x in entry] for entry in value]


def check(expect: dict[str, Any] | None, text: str) -> list[str]:
    """The checks of ``expect`` that ``text`` fails, described."""
    if not expect:
        return []
    problems = [f"missing {wanted!r}" for wanted in expect.get("all") or [] if str(wanted) not in text]
    problems += [f"none of {group!r}" for group in _any_groups(expect.get("any")) if not any(w in text for w in group)]
    problems += [f"must not say {banned!r}" for banned in expect.get("none") or [] if str(banned) in text]
    patterns = expect.get("regex") or []
    for pattern in [patterns] if isinstance(patterns, str) else patterns:
        if not re.search(str(pattern), text):
            problems.append(f"no match of /{pattern}/")
    return problems


class Conversation:
    """One user's conversation on one channel."""

    def __init__(self, client: httpx.Client, endpoints: Endpoints, channel: str, name: str) -> None:
        """Open the conversation (log in where the channel needs it)."""
        self.client, self.endpoints, self.channel = client, endpoints, channel
        self.sender = f"conv-{name}-{uuid.uuid4().hex[:8]}"
        self.openid: str | None = None
        self.headers: dict[str, str] = {}
        if channel == "miniprogram":
            login_name = re.sub(r"[^A-Za-z0-9_-]", "", name)[:20] + uuid.uuid4().hex[:8]
            token = self._post(f"{endpoints.service_url}/api/v1/auth/wechat-login", {"code": f"dev-{login_name}"})
            self.openid = f"dev_{login_name}"
            self.headers = {"Authorization": f"Bearer {token['token']}"}
        elif channel == "hotline":
            login = self._post(
                f"{endpoints.service_url}/api/v1/staff/login",
                {"username": endpoints.staff_user, "password": endpoints.staff_password},
            )
            self.headers = {"Authorization": f"Bearer {login['token']}"}
            self.call_id = self._post(f"{endpoints.service_url}/api/v1/hotline/calls", {})["call_id"]
        elif channel != "web":
            raise ValueError(f"unknown channel {channel!r}")

    def _post(self, url: str, body: Any, headers: dict[str, str] | None = None) -> Any:
        answer = self.client.post(url, json=body, headers=headers or self.headers, timeout=TURN_TIMEOUT_S)
        answer.raise_for_status()
        return answer.json()

    def say(self, text: str) -> list[dict[str, Any]]:
        """Send one user message; the bot's messages of the turn."""
        if self.channel == "web":
            url = f"{self.endpoints.rasa_url}/webhooks/rest/webhook"
            return list(self._post(url, {"sender": self.sender, "message": text}, {}))
        if self.channel == "miniprogram":
            return list(self._post(f"{self.endpoints.rasa_url}/webhooks/miniprogram/webhook", {"message": text}))
        url = f"{self.endpoints.service_url}/api/v1/hotline/calls/{self.call_id}/messages"
        return list(self._post(url, {"text": text})["messages"])

    def file(self, application: dict[str, Any]) -> dict[str, str]:
        """File an application beforehand (owned by the mini-program user); the placeholders it fills."""
        body = {**DEFAULT_FORM, **application}
        headers = {}
        if self.endpoints.gateway_token:
            headers = {"X-Gateway-Token": self.endpoints.gateway_token, "X-Client-Id": self.sender}
            if self.openid:
                headers |= {"X-Wechat-Openid": self.openid, "X-Client-Id": f"wechat:{self.openid}"}
        url = f"{self.endpoints.service_url}/api/v1/applications"
        answer = self.client.post(url, json=body, headers=headers, timeout=TURN_TIMEOUT_S)
        if answer.status_code == 422:  # the scenario named the person and items only: complete what they need
            lacking = {e["field"] for e in answer.json().get("errors", []) if e.get("code") in REQUIRED_CODES}
            body |= {name: FIELD_DEFAULTS[name] for name in lacking if name in FIELD_DEFAULTS}
            answer = self.client.post(url, json=body, headers=headers, timeout=TURN_TIMEOUT_S)
        answer.raise_for_status()
        filed = answer.json()
        last6 = str(body["id_number"])[-6:]
        wrong = "".join(str((int(c) + 1) % 10) if c.isdigit() else "1" for c in last6)
        return {"application_number": str(filed["number"]), "id_last6": last6, "wrong_last6": wrong}


def play(scenario: dict[str, Any], client: httpx.Client, endpoints: Endpoints) -> Outcome:
    """Play one scenario and judge it."""
    outcome = Outcome(str(scenario.get("id")), str(scenario.get("pattern", "")), passed=False)
    try:
        conversation = Conversation(client, endpoints, scenario.get("channel", "web"), outcome.scenario_id)
        fills: dict[str, str] = {}
        application = (scenario.get("setup") or {}).get("application")
        if application:
            fills = conversation.file(application)
        replies: list[str] = []
        for number, turn in enumerate(scenario.get("turns") or [], 1):
            user = str(turn["user"]).format_map(fills) if fills else str(turn["user"])
            text = reply_text(conversation.say(user))
            outcome.transcript.append({"user": user, "bot": text})
            if not text.strip():
                outcome.problems.append(f"turn {number}: no reply")
            outcome.problems += [f"turn {number}: {p}" for p in check(turn.get("expect"), text)]
            replies.append(text)
            if len(replies) > MAX_IDENTICAL_REPLIES and len(set(replies[-MAX_IDENTICAL_REPLIES - 1 :])) == 1:
                outcome.problems.append(f"turn {number}: the same reply three turns in a row")
        if replies:
            outcome.problems += [f"final: {p}" for p in check(scenario.get("final"), replies[-1])]
    except httpx.HTTPStatusError as error:
        outcome.problems.append(f"could not play: {error.response.status_code} {error.response.text[:300]}")
    except (httpx.HTTPError, KeyError, ValueError) as error:
        outcome.problems.append(f"could not play: {error!r}")
    outcome.passed = not outcome.problems
    return outcome


def play_all(scenarios: list[dict[str, Any]], endpoints: Endpoints, workers: int = WORKERS) -> list[Outcome]:
    """Play every scenario, ``workers`` conversations at a time; the outcomes in the scenarios' order.

    Scenarios are independent (each its own sender, login or call, and ID number), as users are: playing a few at
    once keeps both cores of the stack busy and is how the stack is used. Once ``GIVE_UP_AFTER`` scenarios in a
    row could not be played (the stack stopped answering), the rest are marked unplayed at once instead of each
    waiting for its timeouts: the set fails in minutes with the reason, not at the CI's time limit.
    """
    broken_streak = [0]
    lock = threading.Lock()

    def play_unless_broken(scenario: dict[str, Any]) -> Outcome:
        if broken_streak[0] >= GIVE_UP_AFTER:
            outcome = Outcome(str(scenario.get("id")), str(scenario.get("pattern", "")), passed=False)
            outcome.problems.append(f"not played: {GIVE_UP_AFTER} scenarios in a row could not be played")
            return outcome
        outcome = play(scenario, client, endpoints)
        with lock:
            unplayable = any(p.startswith("could not play") for p in outcome.problems)
            broken_streak[0] = broken_streak[0] + 1 if unplayable else 0
        return outcome

    with httpx.Client() as client, ThreadPoolExecutor(max_workers=workers) as pool:
        return list(pool.map(play_unless_broken, scenarios))


def summary(outcomes: list[Outcome]) -> str:
    """The figure, overall and per pattern, as a small table."""
    passed = sum(o.passed for o in outcomes)
    lines = [f"conversations passed: {passed}/{len(outcomes)} = {passed / max(1, len(outcomes)):.3f}"]
    totals, wins = Counter(o.pattern for o in outcomes), Counter(o.pattern for o in outcomes if o.passed)
    lines += [f"  {pattern:<24} {wins[pattern]:>3}/{total:<3}" for pattern, total in sorted(totals.items())]
    unplayed = [p for o in outcomes for p in o.problems if p.startswith(("could not play", "not played"))]
    if unplayed:  # the stack failed, not the dialogue: say so where CI prints it
        lines.append(f"  {len(unplayed)} scenarios not played to the end; first: {unplayed[0][:200]}")
    return "\n".join(lines)


def write_report(outcomes: list[Outcome], path: Path) -> None:
    """Every outcome with its transcript, one JSON line each."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as report:
        for outcome in outcomes:
            report.write(json.dumps(outcome.__dict__, ensure_ascii=False) + "\n")


def add_stack_arguments(parser: argparse.ArgumentParser) -> None:
    """The options that say where the running stack is and which console account relays the hotline's calls."""
    parser.add_argument("--rasa", default=f"http://127.0.0.1:{os.environ.get('RASA_PORT', '5005')}")
    parser.add_argument("--service", default=f"http://127.0.0.1:{os.environ.get('BUNDLE_SERVICE_PORT', '8000')}")
    parser.add_argument("--staff", default="zhangsan:staff-dev-pass", help="console account user:password")


def endpoints_from(args: argparse.Namespace) -> Endpoints:
    """The stack of :func:`add_stack_arguments`' options (the front layer's token from ``BUNDLE_GATEWAY_TOKEN``)."""
    user, _, password = args.staff.partition(":")
    return Endpoints(args.rasa, args.service, os.environ.get("BUNDLE_GATEWAY_TOKEN"), user, password)


def main() -> int:
    """Play every scenario against a running stack (``make run``) and print the figure."""
    parser = argparse.ArgumentParser(description=__doc__)
    add_stack_arguments(parser)
    parser.add_argument("--only", help="play only scenarios whose id contains this")
    parser.add_argument("--scenarios", type=Path, default=SCENARIOS, help="folder of scenario files (a held-out set)")
    parser.add_argument("--report", default="var/reports/conversations.jsonl")
    parser.add_argument("--workers", type=int, default=WORKERS, help="conversations played at once")
    args = parser.parse_args()
    endpoints = endpoints_from(args)
    scenarios = [s for s in load_scenarios(args.scenarios) if not args.only or args.only in str(s.get("id"))]
    outcomes = play_all(scenarios, endpoints, args.workers)
    write_report(outcomes, Path(args.report))
    for outcome in outcomes:
        if not outcome.passed:
            print(f"FAIL {outcome.scenario_id}: {'; '.join(outcome.problems)[:300]}")
    print(summary(outcomes))
    return 0


if __name__ == "__main__":
    sys.exit(main())
