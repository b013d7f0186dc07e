"""Help for a form step the user has failed twice: exactly what is needed, an example, choices and a person.

Used by the eligibility and progress forms so that no step repeats the same re-prompt a third time; the failures
are counted by :mod:`actions.steps.step_failures` (every message that answered nothing, digressions included).
"""

from collections.abc import Collection
from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.conversation import not_understood
from actions.progress.progress_replies import NUMBER_SHAPE
from actions.steps.step_failures import HELP_FROM, NOT_RECOGNISED, back_lead, failures_at
from contract.labels import CHOICE_LABELS

NONE_OF_THESE = "都不是"
CATEGORY_CHOICES = (
    *(label for code, label in CHOICE_LABELS["person_category"].items() if code != "other"),
    NONE_OF_THESE,
)
HELP = {
    "elig_person_category": "请直接回复下面其中一项（点选也可以）：" + "、".join(CATEGORY_CHOICES) + "。",
    "elig_other_category": "请回复其中一项："
    + "、".join(CHOICE_LABELS["other_category"].values())
    + f"；都不是就回复“{NONE_OF_THESE}”。",
    "elig_graduation_year": "请告诉我毕业年份，例如“2022”“2022年毕业”或“去年毕业”。",
    "elig_business_started_on": "请告诉我营业执照上的成立时间，例如“2024年3月”“开了两年”；还没注册就回复“还没有”。",
    "elig_first_time_founder": "请回复“是”（第一次创业）或“不是”（以前创过业）。",
    "progress_number": f"申请编号是{NUMBER_SHAPE}；忘了编号请说“编号忘了”。",
    "progress_id_last6": "请发申请人身份证号码的最后6位，例如“01002X”。",
}
# Why a step is asked, for a user who did not understand it ("看不懂你说的"): said before the help.
PURPOSE = {
    "elig_person_category": "这一步是想知道您属于哪类人员，不同的人能享受的政策不一样。",
    "elig_other_category": "这一步是看您是不是属于下面几类人员。",
    "elig_graduation_year": "这一步是问您哪一年毕业的，毕业几年内才能领部分补贴。",
    "elig_business_started_on": "这一步是问您的店或公司哪时候办的营业执照，开了多久决定能不能申请。",
    "elig_first_time_founder": "这一步是问您是不是第一次创业。",
    "progress_number": "查进度要用申请编号，它在提交成功的那条消息里，湘易办“我的办件”里也能看到。",
    "progress_id_last6": "为了保护申请人的信息，查进度还要核对身份证号的最后6位。",
}
WAY_OUT = "也可以说“转人工”找工作人员，或说“取消”先停下。"
CHOICES = {
    "elig_person_category": CATEGORY_CHOICES,
    "elig_first_time_founder": ("是", "不是"),
}


def help_message(slot: str, failures: int = 1) -> dict[str, Any]:
    """The message (text and, where there are choices, buttons) for a step failed ``failures + 1`` times.

    ``failures`` counts the failures before the latest one (the help starts at the second).

    The opening alternates with the count, so the same help is never said three times in a row.
    """
    return _reprompt(slot, NOT_RECOGNISED[failures % 2])


def back_to_step(slot: str, failures: int) -> dict[str, Any]:
    """The step said again after a question or chit-chat, when the step has gone unanswered twice or more.

    Args:
        slot: The step asked.
        failures: Messages in a row that answered nothing at this step, the latest included (from 2).

    Returns:
        What is needed with an example, the choices as buttons and a person; the opening alternates.
    """
    return _reprompt(slot, f"{back_lead(failures)}：")


def _reprompt(slot: str, lead: str) -> dict[str, Any]:
    """What the step needs after ``lead``, its choices as buttons and a person."""
    buttons = [{"title": choice, "payload": choice} for choice in CHOICES.get(slot, ())]
    return {"text": f"{lead}{HELP.get(slot, '')}{WAY_OUT}", "buttons": buttons}


def plain_message(slot: str, failures: int = 0) -> dict[str, Any]:
    """The step explained again in simpler words for a user who did not understand it (never taken as an answer).

    Args:
        slot: The step asked.
        failures: Failed answers to it so far; from the first on, a person is offered too.
    """
    help_text = PURPOSE.get(slot, "") + HELP.get(slot, "") + (WAY_OUT if failures >= 1 else "")
    buttons = [{"title": choice, "payload": choice} for choice in CHOICES.get(slot, ())]
    return {"text": not_understood.explain(help_text, failures), "buttons": buttons}


def remind(dispatcher: CollectingDispatcher, tracker: Tracker, slot: str, fills: Collection[str]) -> None:
    """After a question or chit-chat at a step that went unanswered twice or more: what it needs, choices, a person.

    Args:
        dispatcher: Where the reply goes (before the form asks the step again).
        tracker: The conversation (the failures are counted from its events).
        slot: The step asked.
        fills: The form's fields (a message that filled one is no failure).
    """
    if (failed := failures_at(tracker, slot, fills)) >= HELP_FROM:
        dispatcher.utter_message(**back_to_step(slot, failed))
