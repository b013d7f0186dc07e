"""A user who says they do not understand the bot's last message: "看不懂你说的", "啥意思啊", "你说的我不明白".

At any step of any form such a message is never an answer and never a yes (a confirmation stays unconfirmed): the
step is explained again in simpler words — what it needs, an example, how to answer — and stays open. Each form
gives the help text of its own steps; this module words the explanation (never the same twice in a row) and owns
the plain wording of the confirmation steps. The message is recognised by :mod:`nlu_components.not_understood`,
whose recogniser also gives it the intent ``not_understood``.
"""

from __future__ import annotations

from nlu_components.not_understood import confused

__all__ = ["CONFIRM_APPEAL", "CONFIRM_APPLICATION", "confused", "explain"]

LEADS = ("不好意思，我刚才说得不够清楚，换个简单的说法：", "我再说简单一点：")
# The confirmation steps in plain words: what they are, how to say yes, how to change something, how to stop.
CONFIRM_APPLICATION = (
    "上面列的是您要申请的内容，现在还没有提交。请看一遍：都对的话回复“确认提交”，申请就交上去了；"
    "哪一项不对就直接说要改的，例如“手机号改成13912345678”；不想办了就说“取消”。"
)
CONFIRM_APPEAL = (
    "上面列的是您要登记的投诉内容，现在还没有登记。请看一遍：都对的话回复“确认提交”，就登记好了；"
    "哪一项不对就直接说要改的，例如“电话改成13912345678”；不想登记了就说“取消”。"
)


def explain(step_help: str, failures: int = 0) -> str:
    """The step explained again in simpler words, worded differently from the last time.

    Args:
        step_help: What the step needs, with an example and how to answer (the form's own help for it).
        failures: How many answers to this step failed already (the wording alternates with it).

    Returns:
        The explanation (each form offers a person on a step failed twice, as for any failed answer).
    """
    return LEADS[failures % 2] + step_help
