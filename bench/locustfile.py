"""Locust users for ``make bench`` (bench/load.py): realistic conversations against Rasa's REST channel.

The mix, by weight: policy questions with a follow-up (6), progress checks (2), a full filing of the one form
ending in ``确认提交`` (1), a request for a person (1). Every user is a new conversation (``web:<sender>``); each
turn is one request named by the kind of conversation, so the statistics give turns per second and latency per
kind. A turn fails when the HTTP call fails or the bot answers nothing; a filing fails when no application number
comes back. No think time by default (``BENCH_THINK_S``): the figures are the capacity at saturation, which
``docs/deployment.md`` turns into cores per 1,000 users.

Run alone: ``.venv/bin/locust -f bench/locustfile.py --host http://127.0.0.1:5005``.
"""

from __future__ import annotations

import os
import random
import re
import uuid
from datetime import date, timedelta

from locust import FastHttpUser, constant, task

from bundle_service.applications.id_numbers import check_digit

NUMBER = re.compile(r"CY\d{14}")
POLICY = [
    ["你好", "创业担保贷款最多能贷多少钱", "那要多久", "一次性创业补贴有多少钱", "好的谢谢", "拜拜"],
    ["个人创业一件事是什么", "都能办哪些事情", "那在哪里办", "谢谢"],
    ["营业执照怎么办", "要准备什么材料", "多久能办好", "好的"],
]
PROGRESS = [["帮我查一下申请的进度", "CY20990101000001", "123456"], ["红灯是什么意思", "黄灯呢"]]
HANDOFF = ["你好", "转人工客服"]


def id_number() -> str:
    """A valid resident ID number nobody else in the run uses (the shared registry does not know it)."""
    born = date(1970, 1, 1) + timedelta(days=random.randrange(12000))
    first17 = f"430111{born:%Y%m%d}{random.randrange(1000):03d}"
    return first17 + check_digit(first17)


def filing() -> list[str]:
    """The turns of one business-registration filing, up to the summary (``确认提交`` follows)."""
    return ["我想办营业执照", "赵新", id_number(), "139" + f"{random.randrange(10**8):08d}", "返乡农民工",
            "湘味米粉店", "餐饮", "个体户", "长沙市雨花区劳动东路200号"]  # fmt: skip


class AssistantUser(FastHttpUser):
    """One person chatting through the REST channel (``host``: the Rasa server or the balancer in front of it)."""

    wait_time = constant(float(os.environ.get("BENCH_THINK_S") or 0))

    def say(self, kind: str, text: str) -> str:
        """Send ``text`` as this conversation; return the bot's answers joined (empty on failure)."""
        body = {"sender": self.sender, "message": text}
        with self.client.post("/webhooks/rest/webhook", json=body, name=kind, catch_response=True) as response:
            if response.status_code != 200:
                response.failure(f"HTTP {response.status_code}")
                return ""
            try:
                answer = "\n".join(str(m.get("text") or "") for m in response.json())
            except (ValueError, AttributeError):
                response.failure("not a list of messages")
                return ""
            if not answer.strip():
                response.failure("no answer")
            return answer

    sender = ""

    def _new_conversation(self) -> None:
        self.sender = f"bench-{uuid.uuid4().hex[:12]}"

    @task(6)
    def policy_questions(self) -> None:
        """Greeting, questions about items with follow-ups, thanks."""
        self._new_conversation()
        for text in random.choice(POLICY):
            self.say("policy", text)

    @task(2)
    def progress_check(self) -> None:
        """Ask for progress (number and last 6 digits) or what the lights mean."""
        self._new_conversation()
        for text in random.choice(PROGRESS):
            self.say("progress", text)

    @task(1)
    def full_filing(self) -> None:
        """File the one form in conversation and check it: the number, then its progress."""
        self._new_conversation()
        for text in filing():
            self.say("filing", text)
        answer = self.say("filing-submit", "确认提交")
        if not NUMBER.search(answer):
            self.environment.events.request.fire(
                request_type="CHECK", name="filing-number", response_time=0, response_length=0,
                exception=AssertionError("no application number"), context={},
            )  # fmt: skip

    @task(1)
    def handoff(self) -> None:
        """Ask for a person (the conversation is queued for staff; the bot pauses)."""
        self._new_conversation()
        for text in HANDOFF:
            self.say("handoff", text)
