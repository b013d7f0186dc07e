"""A user who says they do not understand the bot's last message: "看不懂你说的", "啥意思啊", "你说的我不明白".

At any step of any form such a message is never an answer and never a yes (a confirmation stays unconfirmed): the
step is explained again in simpler words — what it needs, an example, how to answer — and stays open. Each form
gives the help text of its own steps; this module recognises the message, words the explanation (never the same
twice in a row) and owns the plain wording of the confirmation steps.
"""

from __future__ import annotations

import re

# Saying one does not understand (看不懂, 没明白, 啥意思, 说的什么, 一头雾水 …).
CONFUSED = re.compile(
    r"(?:看|听|搞|弄|读)不(?:太)?(?:懂|明白|清楚)|没(?:太)?(?:看|听|搞|弄)?(?:懂|明白)|不(?:太|大)?(?:懂|明白)|"
    r"(?:啥|什么|神马|几个)意思|(?:说|讲)(?:的|得)?(?:是)?(?:啥|什么)|什么鬼|啥玩意|什么玩意|一头雾水|糊涂|懵|晕|"
    r"(?:什么|啥)?乱七八糟|云里雾里|说人话"
)
# What may stand around it in such a message: pronouns, fillers, "say it more simply". Anything else left over
# ("红灯是什么意思", "我不懂怎么填身份证") is a question about something, answered as such.
AROUND = re.compile(
    r"能不能|可不可以|要我干(?:嘛|啥|什么)|要我做(?:啥|什么)|让我干(?:嘛|啥|什么)|我|你|您|们|在|这些|那些|这|那|个|是|说|讲|写|的|得|了|啊|呀|哦|噢|呢|吧|嘛|啦|么|哈|诶|额|呃|嗯|有点|有些|太|真|完全|"
    r"还是|都|一点|吗|上面|刚才|前面|句|段|话|意思|内容|东西|一下|再|能|可以|请|简单|通俗|清楚|明白|直白|白话|点|"
    r"换个说法|解释|[?？!！。，,.~～…\s]"
)
MAX_LENGTH = 30
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


def confused(text: str) -> bool:
    """Whether the message only says the user does not understand the bot ("看不懂你说的", "啥意思啊").

    Args:
        text: The user's message.

    Returns:
        True when it says so and asks about nothing else ("红灯是什么意思" asks about the lights: False).
    """
    text = text.strip()
    if not text or len(text) > MAX_LENGTH or not CONFUSED.search(text):
        return False
    return not AROUND.sub("", CONFUSED.sub("", text))


def explain(step_help: str, failures: int = 0) -> str:
    """The step explained again in simpler words, worded differently from the last time.

    Args:
        step_help: What the step needs, with an example and how to answer (the form's own help for it).
        failures: How many answers to this step failed already (the wording alternates with it).

    Returns:
        The explanation (each form offers a person on a step failed twice, as for any failed answer).
    """
    return LEADS[failures % 2] + step_help
