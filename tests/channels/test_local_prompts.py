"""A form step's question asked in Rasa's process: what the user hears is the action server's answer, without a call.

Each test runs Rasa's own ``RemoteAction`` (the way a form asks ``action_ask_<slot>``) with the step questions
answered in this process and an action server that only records what reaches it.
"""

import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from rasa.core.actions.action import RemoteAction
from rasa.core.channels.channel import CollectingOutputChannel
from rasa.core.nlg import TemplatedNaturalLanguageGenerator
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, BotUttered, Event, SlotSet, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker, EventVerbosity
from rasa.utils.endpoints import EndpointConfig
from rasa_sdk.executor import ActionExecutor

from actions.application.form_guard import retry_help
from actions.steps.step_help import back_to_step
from channels import local_prompts

DOMAIN = Domain.load(str(Path(__file__).resolve().parents[2] / "bot" / "domain"))
ENDPOINT = EndpointConfig("http://127.0.0.1:9/webhook")  # nothing listens there: a call would fail
SERVER_ANSWER = {"events": [], "responses": [{"text": "（动作服务器的回答）"}]}


@pytest.fixture
def server_calls() -> Iterator[list[dict[str, Any]]]:
    """The question calls answered here; every other call recorded as reaching the action server."""
    calls: list[dict[str, Any]] = []
    original = EndpointConfig.request

    async def action_server(endpoint: EndpointConfig, *args: Any, **kwargs: Any) -> Any:
        calls.append(kwargs["json"])
        return json.loads(json.dumps(SERVER_ANSWER))

    EndpointConfig.request = action_server
    local_prompts.install()
    yield calls
    EndpointConfig.request = original


def conversation(said: str, *after: Event, requested: str = "applicant_name") -> DialogueStateTracker:
    """A filing in progress: ``requested`` asked, the user said ``said``, then ``after`` (the form's events)."""
    events: list[Event] = [
        ActionExecuted("action_listen"),
        UserUttered("我要开个奶茶店，帮我办执照", {"name": "apply", "confidence": 0.9}),
        SlotSet("requested_slot", requested),
        BotUttered("请问申请人的姓名是？"),
        ActionExecuted("action_listen"),
        UserUttered(said, {"name": "inform", "confidence": 0.9}),
        *after,
    ]
    return DialogueStateTracker.from_events("local-prompts", events, slots=DOMAIN.slots)


async def run(name: str, tracker: DialogueStateTracker) -> list[Event]:
    """What Rasa adds to the conversation when the form runs ``name``."""
    nlg = TemplatedNaturalLanguageGenerator(DOMAIN.responses)
    events: list[Event] = await RemoteAction(name, ENDPOINT).run(CollectingOutputChannel(), nlg, tracker, DOMAIN)
    return events


def texts(events: list[Event]) -> list[str]:
    return [str(event.text) for event in events if isinstance(event, BotUttered)]


async def test_the_next_question_is_said_without_calling_the_action_server(
    server_calls: list[dict[str, Any]],
) -> None:
    events = await run("action_ask_phone", conversation("李春梅", SlotSet("applicant_name", "李春梅")))
    assert texts(events) == [DOMAIN.responses["utter_ask_phone"][0]["text"]]
    assert server_calls == []


async def test_no_question_right_after_a_full_reprompt_and_again_on_the_next_turn(
    server_calls: list[dict[str, Any]],
) -> None:
    reprompt = retry_help("applicant_name", "申请人姓名", 2)[0]
    assert await run("action_ask_applicant_name", conversation("这个我说不上来", BotUttered(reprompt))) == []
    back = str(back_to_step("applicant_name", 3)["text"])
    assert await run("action_ask_applicant_name", conversation("你们几点下班", BotUttered(back))) == []
    # the re-prompt was the previous turn's: this turn's question is asked
    earlier = conversation("嗯", BotUttered(reprompt), ActionExecuted("action_listen"), UserUttered("张晓东"))
    assert texts(await run("action_ask_applicant_name", earlier)) == [
        DOMAIN.responses["utter_ask_applicant_name"][0]["text"]
    ]
    assert server_calls == []


async def test_other_actions_still_go_to_the_action_server(server_calls: list[dict[str, Any]]) -> None:
    tracker = conversation("王大力")
    for name in ("validate_application_form", "action_ask_appeal_description", "action_submit_application"):
        assert texts(await run(name, tracker)) == ["（动作服务器的回答）"]
    assert [call["next_action"] for call in server_calls] == [
        "validate_application_form",
        "action_ask_appeal_description",
        "action_submit_application",
    ]


async def test_the_answer_is_the_action_servers_for_every_question_and_situation() -> None:
    """The executor here against rasa-sdk's over the whole ``actions`` package, given the call as JSON."""
    server = ActionExecutor()
    server.register_package("actions")
    here = local_prompts.question_executor()
    assert here is not None and set(here.actions) < set(server.actions)
    reprompt = retry_help("project_name", "项目名称", 3)[0]
    situations = [
        conversation("周小红", SlotSet("applicant_name", "周小红")),
        conversation("不清楚呢", BotUttered(reprompt)),
        conversation("好的", BotUttered("请问您的手机号码是？")),
    ]
    for name in sorted(here.actions):
        for tracker in situations:
            body = {"next_action": name, "sender_id": "s", "tracker": tracker.current_state(EventVerbosity.ALL),
                    "domain": DOMAIN.as_dict(), "version": "3.6.21"}  # fmt: skip
            local = await here.run(body)
            remote = await server.run(json.loads(json.dumps(body)))
            assert json.loads(json.dumps(local)) == remote, name


async def test_without_the_actions_package_every_question_goes_to_the_action_server(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setitem(sys.modules, local_prompts.QUESTIONS_MODULE, None)  # importing it fails: not installed
    assert local_prompts.question_executor() is None
    calls: list[str] = []
    original = EndpointConfig.request

    async def action_server(endpoint: EndpointConfig, *args: Any, **kwargs: Any) -> Any:
        calls.append(kwargs["json"]["next_action"])
        return json.loads(json.dumps(SERVER_ANSWER))

    EndpointConfig.request = action_server
    try:
        local_prompts.install()
        assert texts(await run("action_ask_phone", conversation("赵敏"))) == ["（动作服务器的回答）"]
    finally:
        EndpointConfig.request = original
    assert calls == ["action_ask_phone"]
