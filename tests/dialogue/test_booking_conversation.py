"""Booking the seal and the bank after registration finishes, as a WeChat user talks to the trained assistant.

Through the trained model, the real action server and the bundle service (issue 15): 赵新, logged in through the
mini program (``wechat:dev_zhaoxin``, real-name bound), has filed a business registration. Before the licence the
assistant says bookings open later; once market regulation finishes the task it lists engravers and bank branches
near the premises, books both from one message, and the progress reply shows the bookings.
"""

import asyncio
import json
import os
import urllib.request
from typing import Any

from rasa.core.agent import Agent
from rasa.core.channels.channel import CollectingOutputChannel, UserMessage

from tests.service.factories import registration_form

SENDER = "wechat:dev_zhaoxin"
MARKET_KEY = {"X-Department-Key": "dev-market-regulation-key"}  # data/department_keys.example.yml


def _call(method: str, path: str, headers: dict[str, str], body: dict[str, Any] | None = None) -> Any:
    request = urllib.request.Request(
        os.environ["BUNDLE_SERVICE_URL"] + path,
        data=json.dumps(body).encode() if body is not None else None,
        method=method,
        headers={**headers, "Content-Type": "application/json"},
    )
    with urllib.request.urlopen(request, timeout=10) as answer:
        return json.load(answer)


def say(agent: Agent, text: str) -> str:
    """A message of the mini-program user (the channel that verified their login); everything the bot answered."""
    message = UserMessage(text, CollectingOutputChannel(), SENDER, input_channel="miniprogram")
    responses = asyncio.run(agent.handle_message(message)) or []
    return "\n".join(str(r.get("text") or "") for r in responses)


def test_the_seal_and_the_bank_are_booked_together_after_registration_finishes(agent: Agent) -> None:
    owner = {"X-Gateway-Token": os.environ["BUNDLE_GATEWAY_TOKEN"], "X-Wechat-Openid": "dev_zhaoxin"}
    form = registration_form("长沙市岳麓区麓谷街道麓松路30号", "岳麓区")
    filed = _call("POST", "/api/v1/applications", owner, form)
    assert "营业执照办结后" in say(agent, "帮我预约刻章和银行开户")
    task = next(d["task_id"] for d in filed["departments"] if d["department_code"] == "market_regulation")
    for action in ("accept", "finish"):
        _call("POST", f"/api/v1/department/tasks/{task}/{action}", MARKET_KEY, {})
    listed = say(agent, "营业执照下来了，帮我预约刻章和银行开户")
    assert "1. 岳麓区麓谷印章服务部" in listed and "1. 中国银行长沙麓谷支行" in listed  # the premises' county first
    booked = say(agent, "刻章选1，银行选1")
    assert "刻章已预约：岳麓区麓谷印章服务部" in booked and "银行开户已预约：中国银行长沙麓谷支行" in booked
    progress = say(agent, "我的申请办到哪一步了")
    assert filed["number"] in progress and "刻章已预约" in progress and "银行开户已预约" in progress
