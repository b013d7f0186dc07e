"""What the application form says in a turn besides storing values: a question answered, a command carried out.

:class:`~actions.application.application_form.ValidateApplicationForm` decides what a turn does; this module says
it: a question at a step answered (how to fill a field, or the knowledge base for the whole form, the loan's steps
about the loan), how a value was taken (a date as read, an answer ahead of its question), and the commands the form
carries out itself at any step ("上一步", "重新填", "就这两样", "先别交", "交上去了没有", "核对下信息", a cancel in
words, every item removed).
"""

import re
from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.application import registration_offer
from actions.application.application_actions import cancelled
from actions.application.form_field_help import field_help
from actions.application.form_fields import BY_SLOT, CONFIRM_SLOT, display
from actions.application.form_navigation import navigate
from actions.application.form_questions import NOT_FOUND, answered_for_the_step, for_the_whole_form
from actions.application.form_values import Extraction
from actions.conversation import messages
from actions.knowledge.questions import ActionAnswerQuestion
from actions.steps.step_failures import NOT_TAKEN

REQUESTED = "requested_slot"
NO_ITEMS_LEFT = (
    "好的，“{items}”不办了。现在没有要办的事项了：还想办哪一项？例如“营业执照”“创业补贴”。整个申请都不办了请说“取消”。"
)
HOLDING = "好的，先不提交，填好的信息给您留着。想好了说“确认提交”就提交，要改哪一项直接告诉我，不办了说“取消”。"
QUOTED_CHARS = 40  # a long question is quoted by its start in the "not found" reply
NOT_SUBMITTED = "还没有提交：这份申请表还在填写中，填完核对后说“确认提交”才会提交，提交后会给您申请编号。"


async def answer_in_form(
    dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict, found: Extraction
) -> list[EventType]:
    """Answer a question asked at a step: how to fill a field, or from the knowledge base for the whole form.

    A question never goes without a reply: when no path said anything (an empty answer, a router that only
    redirected), the honest "not found" is said. Of the answer's events only slots outside the form are kept (a
    redirect to another action would stop the form). The caller asks the same step again afterwards.
    """
    before = len(dispatcher.messages)
    if found.field_help:
        dispatcher.utter_message(text=field_help(found.field_help))
        return []
    events: list[EventType] = []
    if not await answered_for_the_step(dispatcher, tracker):  # "最多能贷多少" at the loan's amount: the loan's limit
        events = list(await ActionAnswerQuestion().run(dispatcher, for_the_whole_form(tracker), domain))
    if not any(said(message) for message in dispatcher.messages[before:]):
        asked = str(tracker.latest_message.get("text") or "").strip()
        dispatcher.utter_message(text=NOT_FOUND.format(question=asked[:QUOTED_CHARS]))
    form_slots = {*BY_SLOT, CONFIRM_SLOT, REQUESTED}
    return [event for event in events if event.get("event") == "slot" and event.get("name") not in form_slots]


def said(message: dict[str, Any]) -> bool:
    """Whether a message the dispatcher holds shows the user something (text, a response, buttons), not data only."""
    return bool(str(message.get("text") or "").strip() or message.get("response") or message.get("buttons"))


def acknowledge(
    dispatcher: CollectingDispatcher, slot: str, value: Any, new: bool, requested: Any, found: Extraction
) -> None:
    """Say how a value was taken: a date as read, the name as heard (立早章…), the items chosen, an answer ahead.

    Items changed later are said by the form ("已加上：…", "已把拟申请事项改为：…").
    """
    if slot in found.shown:
        dispatcher.utter_message(text=f"好的，记下了：{found.shown[slot]}。")
    elif slot == "industry" and requested == "project_name" and "project_name" not in found.values:
        dispatcher.utter_message(text=name_after_trade(str(value)))  # "水果" for the name: the trade, then an example
    elif slot == "applicant_name" and new:
        dispatcher.utter_message(text=f"好的，申请人姓名：{value}。")
    elif slot in ("loan_borrower", "person_category") and new and slot == requested:
        # who borrows (decision D1); the category as read ("都不是，就普通农民" → 其他)
        dispatcher.utter_message(text=f"好的，{BY_SLOT[slot].label}：{display(slot, value)}。")
    elif slot == "application_items" and new:  # the first choice said back too ("要贷款的那个" → which item)
        dispatcher.utter_message(text=f"好的，要办：{display(slot, value)}。")
    elif new and slot not in (requested, "application_items"):
        # An answer ahead of its question: say where it went, so nothing lands silently.
        dispatcher.utter_message(text=f"好的，已记下{BY_SLOT[slot].label}：{display(slot, value)}。")


# Sectors that make no shop's name with 店 ("餐饮店" names nothing): the name is asked with the general example.
SECTORS = re.compile(
    r"业$|餐饮|零售|批发|电商|电子商务|农|种植|养殖|物流|运输|教育|服务|制造|加工|文化|传媒|软件|信息|互联网|建筑"
)


def name_after_trade(trade: str) -> str:
    """The project's name asked again after a trade was said for it ("水果" → 行业 kept, "小李水果店" as the example).

    Opens with a re-prompt lead (:data:`actions.steps.step_failures.NOT_TAKEN`), so the plain question is not added.
    """
    example = "湘味米粉店" if SECTORS.search(trade) else f"小李{trade}店"
    unnamed = "" if SECTORS.search(trade) else f"；还没起名的话，回复“{trade}店”也可以"
    return (
        f"好的，所属行业记为：{trade}。{NOT_TAKEN[1]}：创业项目名称是店铺、公司或项目的名字，例如“{example}”{unnamed}。"
    )


# The commands the form carries out itself at any step, whatever the intent
# (actions/application/form_extraction._command).
NAVIGATION = (
    "fix",
    "back",
    "restart",
    "cancel",
    "no_items",
    "items_kept",
    "hesitate",
    "pause",
    "not_submitted",
    "review",
    "which_wrong",
    "registration_kept",
)
PAUSED_REPLY = "好的，不着急，找到了直接发给我就行。"
RIGHT_VALUE = "好的，请直接告诉我正确的{label}，我来改。"
WHICH_WRONG = "好的，哪一项不对？请直接说要改成什么，例如“项目名称改为（新名称）”“手机号改成（新号码）”。"


def asked_again(tracker: Tracker, slot: str) -> bool:
    """The step was filled earlier in this attempt and is asked again ("上一步", "名字写错了")."""
    if slot not in BY_SLOT:
        return False
    for event in reversed(tracker.events):
        if event.get("event") == "active_loop" and event.get("name"):
            return False  # the form (re)started: earlier values belong to another attempt
        if event.get("event") == "slot" and event.get("name") == slot and event.get("value") not in (None, "", []):
            return True
    return False


async def carry_out(
    dispatcher: CollectingDispatcher,
    tracker: Tracker,
    domain: DomainDict,
    command: str,
    slots: dict[str, Any],
    items: list[str] | None = None,
) -> list[EventType]:
    """Go back or start again, or stop on a cancel in words the NLU did not read as cancel (nothing filed).

    A cancel is :func:`~actions.application.application_actions.cancelled`, as when the dialogue's rule cancels: the
    rest of the message is answered too ("不干了 取消吧，我只想打听下贷款利息多少").

    Removing the only items chosen ("贷款不要了") asks for the items again: the application is not cancelled;
    "就这两样" at a later step says the items back and asks the step again.
    """
    if command == "cancel":
        return await cancelled(dispatcher, tracker, domain)
    text = str(tracker.latest_message.get("text") or "")
    if command == "no_items":
        dispatcher.utter_message(
            text=NO_ITEMS_LEFT.format(items=display("application_items", slots.get("application_items")))
        )
        return [
            SlotSet("application_items", None),
            SlotSet(CONFIRM_SLOT, None),
            SlotSet(REQUESTED, "application_items"),
        ]
    if command in ("hesitate", "pause", "not_submitted", "review", "which_wrong"):  # "先别交"; "稍等"; "核对下信息"
        requested = slots.get(REQUESTED)
        if command == "pause":  # "等一下我找找": the step stays, no failed answer
            dispatcher.utter_message(text=PAUSED_REPLY)
        if command in ("hesitate", "not_submitted"):
            dispatcher.utter_message(text=HOLDING if command == "hesitate" else NOT_SUBMITTED)
        if command == "which_wrong" and asked_again(tracker, str(requested)):  # "打错了" right after "上一步"
            dispatcher.utter_message(text=RIGHT_VALUE.format(label=BY_SLOT[str(requested)].label))
            return [SlotSet(str(requested), None), SlotSet(REQUESTED, requested)]
        if command == "which_wrong":  # "不对" at a free-text step: which field, with what is filled so far
            dispatcher.utter_message(text=WHICH_WRONG)
        if command in ("review", "which_wrong") and requested != CONFIRM_SLOT:
            dispatcher.utter_message(text=messages.filled_so_far(slots))  # the summary's own question shows it
        return [SlotSet(str(requested), None), SlotSet(REQUESTED, requested)]
    if command in ("items_kept", "registration_kept"):  # "就这两样"; "不用，有执照了" to the registration offered
        chosen = display("application_items", slots.get("application_items"))
        kept = (
            registration_offer.DECLINED
            if command == "registration_kept"
            else f"好的，就办这几项：{chosen}。我们接着填。"
        )
        dispatcher.utter_message(text=kept)
        requested = slots.get(REQUESTED)  # said back, and the step asked again (no failed answer)
        return [SlotSet(str(requested), None), SlotSet(REQUESTED, requested)]
    return navigate(dispatcher, command, slots, text, items)  # a restart naming items replaces them
