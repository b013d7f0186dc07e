"""Answers to policy questions about the bundle's items."""

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.service_client import NotFound, ServiceUnavailable, get_json

ITEM_ENTITY = "item"


def _mentioned_item(tracker: Tracker) -> str | None:
    """The item named in the latest message, else the one the conversation is about."""
    latest = next(tracker.get_latest_entity_values(ITEM_ENTITY), None)
    return latest or tracker.get_slot(ITEM_ENTITY)


class ActionAnswerQuestion(Action):
    """Answer a question with the facts of the item it is about."""

    def name(self) -> str:
        """Action name used in the domain."""
        return "action_answer_question"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]) -> list[EventType]:
        """Reply with the item's department, time limit and key conditions.

        Without an item the user is asked which one they mean; when the service
        is down they are told so plainly.
        """
        code = _mentioned_item(tracker)
        if not code:
            dispatcher.utter_message(
                text="您问的是哪个事项呢？比如创业补贴、创业担保贷款、营业执照、就业创业证、"
                "养老保险登记、创业培训或孵化基地。说出事项名称，我告诉您条件、材料和办理时限。"
            )
            return []
        try:
            item = await get_json(f"/api/v1/items/{code}")
        except NotFound:
            dispatcher.utter_message(text="抱歉，我没有找到这个事项的资料。需要的话可以说“转人工”。")
            return []
        except ServiceUnavailable:
            dispatcher.utter_message(text="抱歉，政策资料服务暂时连不上，请稍后再问，或说“转人工”找工作人员。")
            return []
        dispatcher.utter_message(
            text=f"【{item['name']}】\n{item['summary']}\n"
            f"办理部门：{item['department']}；法定时限：{item['time_limit_days']}个工作日。\n"
            "（来源：个人创业“一件事”事项清单）"
        )
        return [SlotSet(ITEM_ENTITY, code)]
