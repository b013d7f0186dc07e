"""A message that only says the user did not understand the bot: "看不懂你说的", "啥意思啊", "你在说啥".

The one recogniser of such a message: the NLU gives it the intent ``not_understood`` whatever the classifier said
(:mod:`nlu_components.decisive_intents`), and each form's steps use it to explain the step again
(:mod:`actions.not_understood`). A question about something named ("红灯是什么意思", "我不懂怎么填身份证") is not one.
"""

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
    r"能不能|可不可以|要我干(?:嘛|啥|什么)|要我做(?:啥|什么)|让我干(?:嘛|啥|什么)|我|你|您|他|她|们|在|这些|那些|这|那|个|是|说|讲|写|的|得|了|啊|呀|哦|噢|呢|吧|嘛|啦|么|哈|诶|额|呃|嗯|有点|有些|太|真|完全|"
    r"还是|都|一点|吗|上面|刚才|前面|句|段|话|意思|内容|东西|一下|再|能|可以|请|简单|通俗|清楚|明白|直白|白话|点|"
    r"换个说法|解释|[?？!！。，,.~～…\s]"
)
MAX_LENGTH = 30


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
