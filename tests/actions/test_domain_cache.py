"""Rasa's action calls name the domain by digest once the action server keeps it: the same answers as Rasa's path.

Rasa's own ``RemoteAction.run`` against this project's action server (``actions/server.py``), first as Rasa does
it, then with ``channels/domain_digest.py`` installed: the events and messages Rasa goes on with are the same, the
actions receive the same domain, and only the first call carries it.
"""

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from rasa.core.actions.action import RemoteAction
from rasa.core.channels.channel import CollectingOutputChannel
from rasa.core.nlg import TemplatedNaturalLanguageGenerator
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker
from rasa.utils.endpoints import ClientResponseError, EndpointConfig
from sanic.request import Request

from actions import domain_cache, server
from channels import domain_digest
from contract.action_domain import DIGEST_KEY
from tests.actions.test_action_server import TOKEN
from tests.actions.test_action_server import action_server as sdk_server  # noqa: F401 (a fixture)

DOMAIN = Domain.load(str(Path(__file__).resolve().parents[2] / "bot" / "domain"))
SENT_DOMAIN = json.loads(json.dumps(DOMAIN.as_dict()))  # what the actions receive from Rasa's own call


@pytest.fixture
def installed() -> Iterator[None]:
    rasas = EndpointConfig.request
    domain_digest.install()
    yield
    EndpointConfig.request = rasas  # type: ignore[method-assign]
    domain_digest._KNOWN.clear()


class Received:
    """What each call brought to the action server: its keys as sent, and the domain the action was given."""

    def __init__(self) -> None:
        self.keys: list[set[str]] = []
        self.domains: list[Any] = []

    def around(self, middleware: Any) -> Any:
        """``middleware`` (the domain's) recording each call before it and the call rasa-sdk runs after it."""

        async def recording(request: Request) -> Any:
            self.keys.append(set(json.loads(request.body)))
            answer = await middleware(request)
            self.domains.append(request.json.get("domain") if answer is None else None)  # None: no action ran
            return answer

        return recording


@pytest.fixture
def received(monkeypatch: pytest.MonkeyPatch) -> Received:
    """The domain's middleware recording, in place before the action server's app is built."""
    recorder = Received()
    monkeypatch.setattr(domain_cache, "domain_of_the_call", recorder.around(domain_cache.domain_of_the_call))
    return recorder


@pytest.fixture
def action_server(received: Received, sdk_server: str) -> tuple[str, Received]:  # noqa: F811 (the fixture)
    """This project's action server (``tests/actions/test_action_server.py``'s), a new process: nothing kept."""
    domain_cache._KEPT.clear()
    return f"{sdk_server}/webhook", received


def tracker() -> DialogueStateTracker:
    said = UserUttered("不办了", intent={"name": "stop", "confidence": 1.0}, parse_data={"entities": []})
    return DialogueStateTracker.from_events("web:domain-test", [ActionExecuted("action_listen"), said], DOMAIN.slots)


async def run(url: str, name: str = "action_cancel_application", **headers: str) -> list[dict[str, Any]]:
    """Rasa's ``RemoteAction.run`` of ``name``: the events it returns, without their timestamps."""
    endpoint = EndpointConfig(url, headers=headers or server.rasa_headers(TOKEN))
    action = RemoteAction(name, endpoint)
    nlg = TemplatedNaturalLanguageGenerator(DOMAIN.responses)
    events = await action.run(CollectingOutputChannel(), nlg, tracker(), DOMAIN)
    return [{k: v for k, v in event.as_dict().items() if k != "timestamp"} for event in events]


async def test_same_events_and_domain_as_rasas_own_path_and_the_domain_sent_once(
    action_server: tuple[str, Received],
) -> None:
    url, received = action_server
    rasas = [await run(url) for _ in range(3)]
    assert all(DIGEST_KEY not in keys and "domain" in keys for keys in received.keys)
    domain_digest.install()
    try:
        digests = [await run(url) for _ in range(3)]
    finally:
        EndpointConfig.request = domain_digest.ORIGINAL_REQUEST
        domain_digest._KNOWN.clear()
    assert digests == rasas and rasas[0] and "不会提交" in json.dumps(rasas[0], ensure_ascii=False)
    assert ["domain" in keys for keys in received.keys] == [True, True, True, True, False, False]
    assert all(DIGEST_KEY in keys for keys in received.keys[3:])
    assert received.domains == [SENT_DOMAIN] * 6  # every action got the domain Rasa's own call carries


async def test_a_server_that_lost_the_domain_gets_the_call_again_with_it(
    action_server: tuple[str, Received], installed: None
) -> None:
    url, received = action_server
    first = await run(url)
    domain_cache._KEPT.clear()  # the action server restarted (or another process behind a balancer answers)
    assert await run(url) == first and await run(url) == first
    assert ["domain" in keys for keys in received.keys] == [True, False, True, False]
    assert received.domains[1] is None and received.domains[2:] == [SENT_DOMAIN] * 2  # 409 before any action ran


async def test_errors_and_refusals_stay_rasas(action_server: tuple[str, Received], installed: None) -> None:
    url, received = action_server
    with pytest.raises(Exception) as refused:  # no token: 401 as before, whatever the domain
        await run(url, Authorization="Bearer wrong")
    assert isinstance(refused.value.__cause__, ClientResponseError) and refused.value.__cause__.status == 401
    with pytest.raises(Exception) as missing:  # an action the server does not have: rasa-sdk's 404
        await run(url, "action_that_does_not_exist")
    assert missing.value.__cause__.status == 404  # type: ignore[union-attr]
    assert received.keys == [{"next_action", "sender_id", "tracker", "version", "domain", DIGEST_KEY}]  # the 404's
    assert await run(url) == await run(url)  # the 404 named no digest: the next call brings the domain again
    assert ["domain" in keys for keys in received.keys] == [True, True, False]


class FakeRequest:
    """``EndpointConfig.request`` of Rasa recording its calls and answering like a stock rasa-sdk server."""

    def __init__(self) -> None:
        self.calls: list[dict[str, Any]] = []

    async def __call__(self, endpoint: EndpointConfig, *args: Any, **kwargs: Any) -> Any:
        self.calls.append({"args": args, **kwargs})
        return {"events": [], "responses": []}


@pytest.mark.parametrize("compress", [False, True])
async def test_a_stock_server_compressed_calls_and_other_requests_are_rasas(
    monkeypatch: pytest.MonkeyPatch, installed: None, compress: bool
) -> None:
    fake = FakeRequest()
    monkeypatch.setattr(domain_digest, "ORIGINAL_REQUEST", fake)
    endpoint = EndpointConfig("http://127.0.0.1:9/webhook")
    call = {"next_action": "action_x", "tracker": {}, "domain": DOMAIN.as_dict(), "version": "3.6"}
    for _ in range(2):
        assert await endpoint.request(json=call, method="post", compress=compress) == {"events": [], "responses": []}
    assert await endpoint.request(json={"other": 1}, method="post") == {"events": [], "responses": []}
    assert all(sent["json"]["domain"] is DOMAIN.as_dict() for sent in fake.calls[:2])  # never without the domain
    assert [DIGEST_KEY in sent["json"] for sent in fake.calls] == [not compress, not compress, False]
    assert fake.calls[2]["json"] == {"other": 1}
