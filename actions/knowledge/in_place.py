"""Another router's reply, run in place of a knowledge answer: the rules' verdict, the application form.

"我退伍三年了，有什么扶持" asks for the eligibility rules' verdict, not a search; "来电人想办培训和执照" is a wish to
apply. :class:`actions.knowledge.questions.ActionAnswerQuestion` asks :func:`redirected` first; the routers that
answer through that action run here in place (:func:`routed`), so that none is asked back.
"""

from contextvars import ContextVar
from datetime import date
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, FollowupAction
from rasa_sdk.executor import CollectingDispatcher

from actions.conversation import context

_ROUTED: ContextVar[bool] = ContextVar("question_routed", default=False)


def fits_asked(tracker: Tracker) -> bool:
    """A person describing themselves asks what support fits them, outside a form, first thing this turn.

    Only as the turn's first action and never for ``check_eligibility``: the eligibility router itself answers
    through this action.
    """
    from actions.eligibility.situation import asks_what_fits  # situation → dates: imported when run, as the others

    intent = (tracker.latest_message.get("intent") or {}).get("name")
    if intent == "check_eligibility" or (tracker.active_loop or {}).get("name") or not first_action(tracker):
        return False
    if _ROUTED.get():
        return False  # a router run from here answers through this action again: no second redirect
    entities = list(tracker.latest_message.get("entities") or [])
    return asks_what_fits(context.text_of(tracker), entities, date.today())


async def routed(
    router: Action, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
) -> list[EventType]:
    """Run another intent's router in place; its own question answers are never sent back to it.

    A follow-up action to the router left no rule for what came after it, and the policies ran the first action
    again, in a loop (the router's reply said five times).
    """
    token = _ROUTED.set(True)
    try:
        return await router.run(dispatcher, tracker, domain)
    finally:
        _ROUTED.reset(token)


async def route_in_place(
    to: str, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
) -> list[EventType]:
    """The eligibility (``to="eligibility"``) or progress router's reply, run in place (:func:`routed`)."""
    from actions.conversation.routing import (  # the routers answer through this module: imported when run
        ActionRouteEligibility,
        ActionRouteProgress,
    )

    router = ActionRouteEligibility() if to == "eligibility" else ActionRouteProgress()
    return await routed(router, dispatcher, tracker, domain)


async def redirected(
    dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any], wish: bool
) -> list[EventType] | None:
    """Another router's reply for this message, or ``None``.

    The rules' verdict for "我退伍三年了，有什么扶持" (for them, not a search); the application for a wish to apply
    ("来电人想办培训和执照").
    """
    if fits_asked(tracker):
        return await route_in_place("eligibility", dispatcher, tracker, domain)
    if wish and not (tracker.active_loop or {}).get("name"):
        return [FollowupAction("action_start_application")]
    return None


def first_action(tracker: Tracker) -> bool:
    """Whether no action has run yet since the latest user message (this one was not reached by a redirect)."""
    for event in reversed(tracker.events):
        if event.get("event") == "user":
            return True
        if event.get("event") == "action" and event.get("name") != "action_listen":
            return False
    return True
