"""What the assistant does when it did not understand the user."""

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, UserUtteranceReverted
from rasa_sdk.executor import CollectingDispatcher

FALLBACK_INTENT = "nlu_fallback"
ASK_TO_REPHRASE = "不好意思，我没太明白您的意思。能换个说法再说一次吗？比如“创业补贴有多少”或“我想申请创业贷款”。"
OFFER_A_PERSON = "抱歉，我还是没能理解。需要为您转人工客服吗？回复“转人工”即可；也可以换个说法再试试。"


def consecutive_fallbacks(tracker: Tracker) -> int:
    """Count how many of the latest user messages in a row were not understood."""
    count = 0
    for event in reversed(tracker.events):
        if event.get("event") != "user":
            continue
        if event.get("parse_data", {}).get("intent", {}).get("name") != FALLBACK_INTENT:
            break
        count += 1
    return count


class ActionHandleLowConfidence(Action):
    """Ask to rephrase once; after the second miss in a row, offer a person."""

    def name(self) -> str:
        """Action name used in the domain."""
        return "action_handle_low_confidence"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]) -> list[EventType]:
        """Reply and revert the misunderstood message so it does not steer the dialogue."""
        dispatcher.utter_message(text=OFFER_A_PERSON if consecutive_fallbacks(tracker) >= 2 else ASK_TO_REPHRASE)
        return [UserUtteranceReverted()]
