"""Filing a confirmed complaint or request (诉求) with the bundle service, and stopping the closed loop's forms.

``action_submit_appeal`` files what ``appeal_form`` gathered and tells the number and the time limit (a field the
service refuses re-opens the form on it); ``action_cancel_appeal`` stops the complaint, status or rating form and
forgets what was typed. Opening the form is :mod:`actions.appeals.appeals`.
"""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import ActiveLoop, EventType, FollowupAction, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.appeals.appeals import CHANNEL, NONE, kind_of, reset_appeal
from actions.service_client import NotFound, Rejected, ServiceError, TooManyAttempts, post_json, tracker_headers

SERVICE_DOWN = "抱歉，诉求登记系统暂时连不上，这次没有登记成功。请稍后再说“我要投诉”，或拨打12345政务服务便民热线反映。"


def _body(tracker: Tracker, category: dict[str, Any] | None) -> dict[str, Any]:
    slots = tracker.current_slot_values()
    description = str(slots.get("appeal_description") or "")
    body: dict[str, Any] = {
        "kind": kind_of(description),
        "description": description[:2000],
        "conversation_id": tracker.sender_id,
        "channel": tracker.get_latest_input_channel(),
    }
    if slots.get("appeal_place_time"):
        body["place_time"] = str(slots["appeal_place_time"])[:200]
    if category and category.get("category"):
        body["category"] = category["category"]
    application = slots.get("appeal_application")
    if application and application != NONE:
        body["application_number"] = application
        last6 = slots.get("appeal_id_last6")
        if last6 and last6 != CHANNEL:
            body["id_last6"] = last6
    contact = slots.get("appeal_contact")
    if contact and contact != CHANNEL:
        body["contact_phone"] = contact
    return body


class ActionSubmitAppeal(Action):
    """File the confirmed complaint and tell the user its number and the time limit."""

    def name(self) -> str:
        """Action name used in the domain."""
        return "action_submit_appeal"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[EventType]:
        """``POST /api/v1/appeals``; a refused field re-opens the form on it."""
        if tracker.get_slot("appeal_confirm") is not True:
            return reset_appeal()
        body = _body(tracker, tracker.get_slot("appeal_category"))
        try:
            appeal = await post_json("/api/v1/appeals", body, tracker_headers(tracker))
        except Rejected as rejected:
            return self._reopen(dispatcher, rejected)
        except NotFound:
            dispatcher.utter_message(text="申请编号和身份证后6位没有对上，这份投诉先不关联申请。请确认后再提交。")
            return [
                SlotSet("appeal_application", NONE),
                SlotSet("appeal_id_last6", None),
                SlotSet("appeal_confirm", None),
                FollowupAction("appeal_form"),
            ]
        except TooManyAttempts:
            dispatcher.utter_message(text="申请核实失败次数过多，这份投诉先不关联申请。请确认后再提交。")
            return [SlotSet("appeal_application", NONE), SlotSet("appeal_confirm", None), FollowupAction("appeal_form")]
        except ServiceError:
            dispatcher.utter_message(text=SERVICE_DOWN)
            return reset_appeal()
        where = "工作人员会通过您留的电话联系您" if body.get("contact_phone") else "工作人员的答复会发到这个对话里"
        text = str(appeal.get("message") or f"已登记，编号{appeal['number']}。")
        dispatcher.utter_message(
            text=f"{text}\n{where}。想了解处理情况，随时说“我的投诉处理得怎么样了”，并提供编号{appeal['number']}。"
        )
        return [*reset_appeal(), SlotSet("last_appeal_number", appeal["number"])]

    @staticmethod
    def _reopen(dispatcher: CollectingDispatcher, rejected: Rejected) -> list[EventType]:
        fields = {
            "contact_phone": "appeal_contact",
            "description": "appeal_description",
            "place_time": "appeal_place_time",
        }
        events: list[EventType] = [SlotSet("appeal_confirm", None)]
        for error in rejected.errors:
            dispatcher.utter_message(text=str(error.get("message") or rejected.message))
            if slot := fields.get(str(error.get("field"))):
                events.append(SlotSet(slot, None))
        if len(events) == 1:
            dispatcher.utter_message(text=rejected.message or "登记信息有误，请修改后再提交。")
            if "phone" in rejected.message or "电话" in rejected.message:
                events.append(SlotSet("appeal_contact", None))
            elif "类别" in rejected.message:
                events.append(SlotSet("appeal_category", None))
        return [*events, FollowupAction("appeal_form")]


class ActionCancelAppeal(Action):
    """Stop the complaint, status or rating form: nothing is filed and what was typed is forgotten."""

    def name(self) -> str:
        """Action name used in the domain."""
        return "action_cancel_appeal"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[EventType]:
        """Deactivate the form and clear its values."""
        loop = (tracker.active_loop or {}).get("name")
        if loop == "appeal_form":
            dispatcher.utter_message(
                text="好的，已取消，这次的投诉没有登记，刚才的内容也已清除。需要时随时说“我要投诉”。"
            )
        else:
            dispatcher.utter_message(text="好的，已经停下了。需要时随时叫我。")
        cleared = ("appeal_status_number", "appeal_status_check", "rating_pending", "rating_number", "rating_id_last6")
        forget = [SlotSet(slot, None) for slot in cleared]
        return [ActiveLoop(None), SlotSet("requested_slot", None), *reset_appeal(), *forget]
