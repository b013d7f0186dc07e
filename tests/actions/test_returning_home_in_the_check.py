"""Coming back home offered as the category in the eligibility check too (decision D2, tenth status).

"从福建回到衡阳县，打算开个早餐铺" then the check's category step: "您是返乡创业农民工吗？" is asked, and "是" or
"好的" settles it; "不是" asks again with every other group.
"""

from typing import Any

from rasa_sdk.executor import CollectingDispatcher

from actions.eligibility.eligibility import ValidateEligibilityForm
from actions.steps import came_back
from actions.steps.step_prompts import ASK_ACTIONS
from tests.actions.conftest import make_tracker, user_event

ASK_CATEGORY = next(action for action in ASK_ACTIONS if action().slot == "elig_person_category")
OPENING = "从福建回到衡阳县，打算开个早餐铺，有啥补贴"


def _after_the_offer(answer: str, intent: str) -> Any:
    events = [
        user_event(OPENING, "check_eligibility"),
        {"event": "action", "name": "action_route_eligibility"},
        {"event": "bot", "text": came_back.OFFER},
        {"event": "action", "name": "action_listen"},
        user_event(answer, intent),
    ]
    tracker = make_tracker(events, slots={"requested_slot": "elig_person_category"})
    tracker.active_loop = {"name": "eligibility_form"}
    return tracker


async def test_the_check_asks_the_category_with_the_offer() -> None:
    tracker = make_tracker([user_event(OPENING, "check_eligibility")])
    dispatcher = CollectingDispatcher()
    await ASK_CATEGORY().run(dispatcher, tracker, {})
    assert dispatcher.messages[0]["text"] == came_back.OFFER


async def test_yes_or_ok_to_the_offer_is_the_category(service_url: str) -> None:
    for answer, intent in (("是的", "affirm"), ("好的", "affirm"), ("对", "affirm")):
        dispatcher = CollectingDispatcher()
        events = await ValidateEligibilityForm().run(dispatcher, _after_the_offer(answer, intent), {})
        slots = {e["name"]: e["value"] for e in events if e["event"] == "slot"}
        assert slots.get("elig_person_category") == came_back.RETURNING, (answer, events)


async def test_no_to_the_offer_asks_again_with_the_other_groups(service_url: str) -> None:
    dispatcher = CollectingDispatcher()
    events = await ValidateEligibilityForm().run(dispatcher, _after_the_offer("不是", "deny"), {})
    said = "\n".join(str(m.get("text")) for m in dispatcher.messages)
    assert came_back.ASK_OTHERS in said
    assert {"event": "slot", "name": "requested_slot", "value": "elig_person_category"} in [
        {k: e.get(k) for k in ("event", "name", "value")} for e in events
    ]
