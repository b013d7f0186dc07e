"""``action_switch_form``: another task asked for while a form is open — answered or switched to, never refused.

A question about the other task ("红灯是什么意思", "退役军人能贷多少") is answered and the open form asks its step
again. A request to do it ("帮我查一下进度", "我想先看看能享受什么") switches: the bot says what happens to the
open form (a started application is kept and resumed by "继续申请"; a check or a complaint not yet filed is
dropped) and opens the other task. A greeting is returned and the form goes on.
"""

import re

from rasa_sdk import Action, Tracker
from rasa_sdk.events import ActiveLoop, EventType, FollowupAction, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.appeals.appeals import reset_appeal
from actions.application.application_start import ActionStartApplication
from actions.application.form_fields import ATTEMPT, PAUSED
from actions.application.form_questions import for_the_whole_form
from actions.conversation import context, question_shape
from actions.conversation.replies import answer_question
from actions.conversation.routing import ASK_MATCH, WHAT_CAN_I_GET, wants_own
from actions.eligibility.eligibility_reading import PROFILE_SLOTS
from actions.progress.progress import NUMBER

TASKS = {
    "application_form": "申请表",
    "eligibility_form": "政策匹配",
    "progress_form": "进度查询",
    "appeal_form": "投诉登记",
    "appeal_status_form": "诉求查询",
    "rating_form": "评价",
}
ROUTERS = {"check_progress": "action_route_progress", "check_eligibility": "action_route_eligibility"}
# A question without a question word: relayed by hotline staff ("他问下…"), a choice ("纸本还是电子版"), or
# where/how to look ("交上去以后去哪看进度").
RELAYED_QUESTION = re.compile(
    r"(?:[他她]|来电人|对方|客户)(?:想)?问|想问|问一下|问下|还是|去哪|哪[看查找]|怎么[看查找]|[?？]"
)
WANTED = {"check_progress": "查进度", "check_eligibility": "看看能享受哪些政策", "start_application": "申请"}


def _asks_about(intent: str, text: str) -> bool:
    """A question about the other task ("红灯是什么意思"), not a request to do it ("帮我查", "我能享受哪些")."""
    if not (question_shape.is_question(text) or RELAYED_QUESTION.search(text)) or question_shape.is_request(text):
        return False
    if intent == "check_progress":
        return not (wants_own(text) or NUMBER.search(text))  # "提交完怎么知道办到哪了": nothing to check yet
    if intent == "check_eligibility":
        return not (WHAT_CAN_I_GET.search(text) or ASK_MATCH.search(text))
    return True


def _leave(loop: str, tracker: Tracker) -> tuple[str, list[EventType]]:
    """What happens to the open form (said to the user) and the events that set it aside."""
    events: list[EventType] = [ActiveLoop(None), SlotSet("requested_slot", None)]
    if loop == "application_form":
        if tracker.get_slot(ATTEMPT):
            return "刚才的申请表先为您保留（还没有提交），办完说“继续申请”就能接着填。", [
                *events,
                SlotSet(PAUSED, True),
            ]
        return "", events
    if loop == "eligibility_form":
        return "政策匹配先停在这里。", [*events, *(SlotSet(slot, None) for slot in PROFILE_SLOTS.values())]
    if loop == "progress_form":
        return "", [*events, SlotSet("progress_number", None), SlotSet("progress_id_last6", None)]
    if loop == "appeal_form":
        return "刚才的投诉还没有登记，内容不会保留；需要时再说“我要投诉”。", [*events, *reset_appeal()]
    cleared = ("appeal_status_number", "appeal_status_check", "rating_pending", "rating_number", "rating_id_last6")
    return "", [*events, *(SlotSet(slot, None) for slot in cleared)]


class ActionSwitchForm(Action):
    """Another task during a form: a question is answered and the form resumes; a request switches tasks."""

    def name(self) -> str:
        """Action name used in the domain."""
        return "action_switch_form"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[EventType]:
        """Answer and resume, greet and resume, or set the form aside and open what the user asked for."""
        loop = str((tracker.active_loop or {}).get("name") or "")
        intent = str((tracker.latest_message.get("intent") or {}).get("name") or "")
        text = context.text_of(tracker)
        if loop not in TASKS:
            return []
        if intent not in WANTED:
            dispatcher.utter_message(text=f"您好！我们正在办{TASKS[loop]}，接着上面的问题继续就行。")
            return [FollowupAction(loop)]
        if _asks_about(intent, text):
            asked = for_the_whole_form(tracker) if loop == "application_form" else tracker
            return [*await answer_question(dispatcher, asked, domain), FollowupAction(loop)]
        if loop == "application_form" and intent == "start_application":
            dispatcher.utter_message(text="好的，申请表正在填，接着上面的问题继续就行。")
            return [FollowupAction(loop)]
        return await self._switch(dispatcher, tracker, domain, loop, intent)

    @staticmethod
    async def _switch(
        dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict, loop: str, intent: str
    ) -> list[EventType]:
        """Set the open form aside (saying what happens to it) and open the task asked for."""
        said, events = _leave(loop, tracker)
        if intent in ROUTERS:
            dispatcher.utter_message(text=f"好的，先帮您{WANTED[intent]}。{said}")
            return [*events, FollowupAction(ROUTERS[intent])]
        if said:
            dispatcher.utter_message(text=said)
        started = await ActionStartApplication().run(dispatcher, tracker, domain)
        if any(e.get("event") == "followup" for e in started):
            return [*events, *started]
        return [*events, *started, FollowupAction("application_form")]
