"""The question of a form step, asked once per turn: not again right after a full re-prompt of the same step.

From a step's second failed answer every form says what it needs with an example, its choices and a person
(:mod:`actions.steps.step_failures`). Rasa's form then asked the step's plain question (``utter_ask_<slot>``) as well,
so the same question closed every turn of a struggling user. Each step's prompt is this action (``action_ask_<slot>``,
which Rasa prefers to the response): it says the domain's ``utter_ask_<slot>`` unless such a re-prompt was said since
the user's message. The wording stays in the domain.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType
from rasa_sdk.executor import CollectingDispatcher

from actions.application import loan_borrower
from actions.application.form_fields import FORM_SLOTS
from actions.application.form_zones import zone_question
from actions.eligibility.eligibility_reading import PROFILE_SLOTS
from actions.progress.progress import LAST6_SLOT, NUMBER_SLOT
from actions.steps import came_back
from actions.steps.step_failures import reprompted_this_turn

# The steps asked by a response of their own (the complaint form's prompts are actions already: appeal_prompts).
ASKED_STEPS = (*FORM_SLOTS, *PROFILE_SLOTS.values(), NUMBER_SLOT, LAST6_SLOT)


class AskStep(Action, ABC):
    """Ask one form step with its response, unless it was just re-prompted in full (one subclass per step)."""

    @property
    @abstractmethod
    def slot(self) -> str:
        """The step asked."""

    def name(self) -> str:
        """``action_ask_<slot>``: the name Rasa's form looks for before ``utter_ask_<slot>``."""
        return f"action_ask_{self.slot}"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]) -> list[EventType]:
        """Say the step's question, unless a full re-prompt of it was said this turn."""
        if reprompted_this_turn(tracker) or (self.slot == "loan_borrower" and loan_borrower.asked_this_turn(tracker)):
            return []  # the re-prompt, or who borrows with both limits (decision D1), asked it already
        zone = zone_question(dict(tracker.current_slot_values())) if self.slot == "county" else None
        offering = self.slot in ("person_category", "elig_person_category")  # the application and the check
        if offering and came_back.offer_now(tracker):  # "从福建回到衡阳县…" (decision D2)
            dispatcher.utter_message(text=came_back.OFFER, buttons=came_back.OFFER_BUTTONS)
        elif zone is not None:  # "衡阳市白沙洲工业园区…": a zone not listed, asked once with its districts offered
            text, offered = zone
            dispatcher.utter_message(text=text, buttons=[{"title": name, "payload": name} for name in offered])
        else:
            dispatcher.utter_message(response=f"utter_ask_{self.slot}")
        return []


ASK_ACTIONS: tuple[type[AskStep], ...] = tuple(
    type(f"AskStep_{slot}", (AskStep,), {"slot": slot}) for slot in ASKED_STEPS
)
