"""action_handoff: queues the conversation at the real service and pauses; keeps talking when it cannot."""

import json
import urllib.request

from rasa_sdk.executor import CollectingDispatcher

from actions.conversation.handoff import HANDED_OFF, STAFF_UNAVAILABLE, ActionHandoff

from .conftest import GATEWAY_TOKEN, make_tracker, user_event


def _queue_again(service_url: str, conversation_id: str) -> tuple[int, dict[str, object]]:
    request = urllib.request.Request(
        f"{service_url}/api/v1/handoffs",
        data=json.dumps({"conversation_id": conversation_id}).encode(),
        headers={"Content-Type": "application/json", "X-Gateway-Token": GATEWAY_TOKEN},
        method="POST",
    )
    with urllib.request.urlopen(request, timeout=10) as answer:
        return answer.status, json.load(answer)


async def test_handoff_queues_and_pauses(service_url: str) -> None:
    tracker = make_tracker([user_event("我要找人工客服", "request_human")])
    dispatcher = CollectingDispatcher()
    events = await ActionHandoff().run(dispatcher, tracker, {})
    assert events == [{"event": "pause", "timestamp": None}]
    assert dispatcher.messages[0]["text"] == HANDED_OFF
    status, handoff = _queue_again(service_url, "test-user")
    assert status == 200  # already queued by the action
    assert (handoff["status"], handoff["reason"]) == ("waiting", "request_human")


async def test_without_the_service_the_bot_keeps_answering(service_down: None) -> None:
    dispatcher = CollectingDispatcher()
    events = await ActionHandoff().run(dispatcher, make_tracker([user_event("转人工", "request_human")]), {})
    assert events == []
    assert dispatcher.messages[0]["text"] == STAFF_UNAVAILABLE


async def test_inside_a_form_a_relayed_name_the_nlu_took_for_a_handoff_goes_on_with_the_form(service_url: str) -> None:
    tracker = make_tracker([user_event("来电人说他叫石磊", "request_human", channel="hotline")])
    tracker.active_loop = {"name": "application_form"}
    dispatcher = CollectingDispatcher()
    events = await ActionHandoff().run(dispatcher, tracker, {})
    assert events == [{"event": "followup", "name": "application_form", "timestamp": None}]
    assert dispatcher.messages == []
    tracker = make_tracker([user_event("来电人要求转人工", "request_human", channel="hotline")])
    tracker.active_loop = {"name": "application_form"}
    events = await ActionHandoff().run(dispatcher, tracker, {})
    assert events == [{"event": "pause", "timestamp": None}]
