"""How each step of the complaint, status and rating forms is asked: never the same prompt three times in a row.

The first time a step is asked it gets its plain question; after a failed answer a reworded one with an example;
from the second failure on exactly what is needed, an example, buttons where there are choices, and a person.
"""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.appeals.appeal_answers import NOT_GIVEN
from actions.appeals.appeal_reading import numbers_shortened, the_application
from actions.appeals.appeals import CHANNEL, NONE, WORKING_SLOTS
from actions.conversation.replies import is_question
from actions.progress.progress_replies import NUMBER_SHAPE
from actions.steps import step_failures
from actions.steps.step_prompts import AskStep
from contract.masking import mask_phone

CHANGE_PROMPT = (
    "好的，请直接告诉我要改哪一项，例如“电话改成13912345678”“地点是开福区政务服务中心”，或点选类别；"
    "不想登记了说“取消”。"
)
# A submit word or a yes at the phone step: not yet, and why the phone is needed (the step then asks it again).
CONTACT_BEFORE_SUBMIT = (
    "还差一个联系电话就可以登记了：工作人员处理后要按这个电话答复您处理结果（电话只给处理的工作人员看）。"
)
CATEGORY_LIST = "全部类别如下，点选或直接说类别名称："
CATEGORY_KEPT = "好的，类别就按“{label}”登记，不用再选。其他内容没问题的话，回复“确认提交”就登记了。"
CATEGORY_LATER = "好的，类别我按您说的情况来定，登记前会给您看一眼。"
WAY_OUT = [{"title": "转人工", "payload": "/request_human"}, {"title": "取消", "payload": "/cancel"}]
PROMPTS: dict[str, tuple[str, str, str]] = {
    # slot: (first ask, after one failed answer, what exactly is needed with an example)
    "appeal_description": (
        "请说说发生了什么：在办什么事、遇到了什么问题。",
        "没太明白。请用一两句话说说遇到的问题，例如“办营业执照时窗口让我跑了三趟”。",
        "这一步需要的是事情经过，例如“创业补贴交上去一个月没人审核”。",
    ),
    "appeal_place_time": (
        "这件事是在哪里、什么时候发生的？例如“12月3日上午，岳麓区政务服务中心”；网上办的说“湘易办”。",
        "请告诉我地点和时间，例如“上周五下午，市民之家3号窗口”；记不清的话说“记不清”。",
        "这一步需要的是地点和时间，例如“昨天上午，县政务大厅”，记不清就回复“记不清”。",
    ),
    "appeal_application": (
        "这件事和您提交过的申请有关吗？有的话请发申请编号（CY开头）；无关请说“没有”。",
        f"请发申请编号（{NUMBER_SHAPE}）；和申请无关请回复“没有”。",
        "这一步需要的是申请编号（CY开头），和申请无关就回复“没有”。",
    ),
    "appeal_id_last6": (
        "为核实申请人身份，请发申请人身份证号码的后6位；不想关联申请就说“不关联”。",
        "请发申请人身份证号码的最后6位（6位数字，最后一位可能是X），例如“01002X”；不关联申请就回复“不关联”。",
        "这一步需要的是申请人身份证号的后6位，例如“01002X”，或者回复“不关联”。",
    ),
    "appeal_contact": (
        "请留一个联系电话（手机或座机），方便工作人员答复您。",
        "请发11位手机号或带区号的座机号，例如“13912345678”或“0731-88889999”。",
        "这一步需要的是联系电话，例如“13912345678”；电话只给处理的工作人员看，对外都会隐去中间几位。",
    ),
    "appeal_status_number": (
        "请发诉求编号（SQ开头，例如SQ20261205000001）。",
        "诉求编号是“SQ”加14位数字，例如SQ20261205000001，在登记成功的那条消息里。",
        "这一步需要的是诉求编号（SQ开头）；找不到编号可以说“转人工”，工作人员核实后帮您查。",
    ),
    "appeal_status_check": (
        "为保护您的信息，请发登记时所留联系电话的后4位。",
        "请发登记诉求时留的电话号码的最后4位数字，例如“5678”。",
        "这一步需要的是登记时所留电话的后4位数字。",
    ),
    "rating_number": (
        f"请发要评价的申请编号（{NUMBER_SHAPE}）。",
        f"申请编号是{NUMBER_SHAPE}，在提交成功的那条消息里，也可以在湘易办“我的办件”里找到。",
        "这一步需要的是申请编号（CY开头）；不想评价了说“取消”。",
    ),
    "rating_id_last6": (
        "为核实申请人身份，请发申请人身份证号码的后6位。",
        "请发申请人身份证号码的最后6位（6位数字，最后一位可能是X），例如“01002X”。",
        "这一步需要的是申请人身份证号的后6位；不想评价了说“取消”。",
    ),
}
CHOICES = {"appeal_application": ["没有"], "appeal_id_last6": ["不关联"], "appeal_place_time": ["记不清"]}


def failures_at(tracker: Tracker, slot: str) -> int:
    """Messages in a row that answered nothing at ``slot`` (:mod:`actions.steps.step_failures`, every form's count)."""
    return step_failures.failures_at(tracker, slot, (*WORKING_SLOTS, *PROMPTS))


def prompt(slot: str, failures: int, asked: bool = False) -> dict[str, Any]:
    """The message asking ``slot`` after ``failures`` messages in a row that answered nothing (text and buttons).

    After a question (``asked``) the first one asks the step as at first, and the help leads back to the step.
    """
    first, again, needed = PROMPTS[slot]
    choices = [{"title": c, "payload": c} for c in CHOICES.get(slot, [])]
    if failures == 0 or (failures == 1 and asked):
        return {"text": first, "buttons": choices}
    if failures == 1:
        return {"text": again, "buttons": choices}
    lead = f"{step_failures.back_lead(failures)}：" if asked else f"{step_failures.NOT_TAKEN[failures % 2]}。"
    text = f"{lead}{needed}\n不方便的话，可以说“转人工”请工作人员帮您，或说“取消”先停下。"
    return {"text": text, "buttons": [*choices, *WAY_OUT]}


class AskSlot(AskStep):
    """Ask one step (``action_ask_<slot>``) with the wording that fits how often it failed."""

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[EventType]:
        """Utter the prompt; nothing else changes."""
        said = tracker.latest_message
        asked = (said.get("intent") or {}).get("name") == "ask_question" or is_question(str(said.get("text") or ""))
        dispatcher.utter_message(**prompt(self.slot, failures_at(tracker, self.slot), asked))
        return []


class AskAppealDescription(AskSlot):
    """``action_ask_appeal_description``."""

    slot = "appeal_description"


class AskAppealPlaceTime(AskSlot):
    """``action_ask_appeal_place_time``."""

    slot = "appeal_place_time"


class AskAppealApplication(AskSlot):
    """``action_ask_appeal_application``."""

    slot = "appeal_application"


class AskAppealIdLast6(AskSlot):
    """``action_ask_appeal_id_last6``."""

    slot = "appeal_id_last6"


class AskAppealContact(AskSlot):
    """``action_ask_appeal_contact``."""

    slot = "appeal_contact"


class AskAppealStatusNumber(AskSlot):
    """``action_ask_appeal_status_number``."""

    slot = "appeal_status_number"


class AskAppealStatusCheck(AskSlot):
    """``action_ask_appeal_status_check``."""

    slot = "appeal_status_check"


class AskRatingNumber(AskSlot):
    """``action_ask_rating_number``."""

    slot = "rating_number"


class AskRatingIdLast6(AskSlot):
    """``action_ask_rating_id_last6``."""

    slot = "rating_id_last6"


def _said_this_turn(tracker: Tracker) -> str:
    """The bot's last message since the user's latest one ("" when none)."""
    for event in reversed(tracker.events):
        if event.get("event") == "user":
            return ""
        if event.get("event") == "bot":
            return str(event.get("text") or "")
    return ""


def _lines(slots: dict[str, Any]) -> list[str]:
    """The complaint's values, one line each, the contact masked."""
    category = slots.get("appeal_category") or {}
    application = slots.get("appeal_application")
    contact = slots.get("appeal_contact")
    return [
        f"• 事情经过：{numbers_shortened(str(slots.get('appeal_description') or ''))[:120]}",
        f"• 地点和时间：{numbers_shortened(str(slots.get('appeal_place_time') or NOT_GIVEN))}",
        f"• 涉及申请：{the_application(application) if application not in (None, NONE) else '无'}",
        "• 联系方式：" + ("本账号（工作人员会在这个对话里答复您）" if contact == CHANNEL else mask_phone(str(contact))),
        f"• 类别：{category.get('label') or '其他'}",
    ]


def summary(slots: dict[str, Any]) -> str:
    """The complaint for confirmation, the contact masked, with the proposed category and how to change it."""
    category = slots.get("appeal_category") or {}
    matched = category.get("matched") or []
    why = f"（根据“{'、'.join(matched[:3])}”判断）" if matched else ""
    alternatives = [a["label"] for a in category.get("alternatives") or []]
    also = f"，也可以改为：{'、'.join(alternatives)}" if alternatives else ""
    whose = "类别是按您选的" if category.get("chosen") else f"类别是我根据描述判断的{why}{also}"
    return (
        "请核对您要登记的内容：\n"
        + "\n".join(_lines(slots))
        + f"\n{whose}。\n"
        + "确认无误请回复“确认提交”；类别不对请点选或说“改成…”，其他要改的直接告诉我。"
    )


def filed_as(slots: dict[str, Any]) -> str:
    """What is filed right away (a submit word with every needed value given): the values, nothing to confirm."""
    return "好的，按以下内容为您登记：\n" + "\n".join(_lines(slots))


class AskAppealConfirm(Action):
    """``action_ask_appeal_confirm``: the summary with buttons to submit or change the category."""

    def name(self) -> str:
        """Action name used in the domain."""
        return "action_ask_appeal_confirm"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[EventType]:
        """No summary right after the question what to change, or the list of categories (it would bury them)."""
        if _said_this_turn(tracker).startswith((CHANGE_PROMPT[:12], CATEGORY_LIST, CATEGORY_KEPT[:8])):
            return []
        category = tracker.get_slot("appeal_category") or {}
        buttons = [{"title": "确认提交", "payload": "确认提交"}]
        buttons += [
            {"title": f"改为{a['label']}", "payload": f"类别改为{a['label']}"}
            for a in category.get("alternatives") or []
        ]
        buttons.append({"title": "看全部类别", "payload": "全部类别"})
        dispatcher.utter_message(text=summary(dict(tracker.current_slot_values())), buttons=buttons)
        return []
