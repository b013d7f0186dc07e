"""A message that only says the user did not follow ("看不懂你说的", "你在说啥", "我搞不来") or points at nothing named.

Pointing without naming: "就是那个嘛", "你晓得的那个事".

The one recogniser of such a message: the NLU gives it the intent ``not_understood`` whatever the classifier said
(:mod:`nlu_components.decisive_intents`), and each form's steps use it to explain the step again
(:mod:`actions.conversation.not_understood`). A question about something named ("红灯是什么意思", "我不懂怎么填身份证")
is not one.
"""

import re

# Saying one does not understand (看不懂, 没明白, 啥意思, 说的什么, 一头雾水 …).
CONFUSED = re.compile(
    r"(?:看|听|搞|弄|读)不(?:太)?(?:懂|明白|清楚)|没(?:太)?(?:看|听|搞|弄)?(?:懂|明白)|不(?:太|大)?(?:懂|明白)|"
    r"(?:啥|什么|神马|几个)意思|(?:说|讲)(?:的|得)?(?:是)?(?:啥|什么)|什么鬼|啥玩意|什么玩意|一头雾水|糊涂|懵|晕|"
    r"(?:什么|啥)?乱七八糟|云里雾里|说人话|(?:搞|弄|整)不来|不会(?:弄|搞|整)|搞不定|"
    r"(?:还是|仍然|依然)(?:不|没)(?:太|大)?(?:清楚|听清|明白|懂)"  # said again after an explanation: "还是不清楚"
)
# What may stand around it in such a message: pronouns, fillers, "say it more simply". Anything else left over
# ("红灯是什么意思", "我不懂怎么填身份证") is a question about something, answered as such.
AROUND = re.compile(
    r"能不能|可不可以|要我干(?:嘛|啥|什么)|要我做(?:啥|什么)|让我干(?:嘛|啥|什么)|我|你|您|他|她|们|在|这些|那些|这|那|个|是|说|讲|写|的|得|了|啊|呀|哦|噢|呢|吧|嘛|啦|么|哈|诶|额|呃|嗯|有点|有些|太|真|完全|"
    r"还是|都|一点|吗|上面|刚才|前面|句|段|话|意思|内容|东西|一下|再|能|可以|请|简单|通俗|清楚|明白|直白|白话|点|"
    r"换个说法|解释|[?？!！。，,.~～…\s]"
)
MAX_LENGTH = 30
# A bare puzzled sound or word: "啊？", "啥？", "什么？？", "蛤", "？？". Without a question mark "嗯"/"啊" agree.
PUZZLED = re.compile(
    r"(?:[啊嗯哈蛤额呃诶]|啥子?|什么|神马|咋|what)?[?？]{1,3}|(?:啥子?|神马|蛤)[。!！~～]*", re.IGNORECASE
)
# A message that points at something without naming it: "呃，就是那个嘛", "你晓得的那个事", "就是那笔钱，公家发的",
# "来电人讲不清楚要办什么", "嗯那个啥". One of these marks, and nothing but fillers around it.
# On the hotline the caller is the one not clear: "来电人说了半天听不清在说啥", "他讲不明白".
VAGUE_MARK = re.compile(
    r"(?:你|您)?(?:懂|明白|晓得|知道)了?我的?意思了?(?:吧|不|吗|么|没|嘛)?|"  # "你懂我意思吧": pointing at nothing said
    r"(?:讲|说)不(?:清楚?|明白)|听不清楚?|说了半天|不知道怎么说|你懂的|你晓得|你知道的|(?:那|这)个?啥|那个|这个|那件|这件|"
    r"那笔|这笔|那事|这事|那种"
)
FILLERS = re.compile(
    r"要办什么|办什么|就是|到底|呃|嗯|啊|嘛|呀|哦|额|唉|哎|呗|的|了|是|就|在|要|啥|半天|那|这|个|件|笔|种|事儿?|事情|东西|钱|款|公家|"
    r"政府|国家|上面|发|给|我|你|他|她|们|来电人|说|讲|反复|一直|老是|还是|懂|晓得|知道|[，,。.!！?？~～…\s]"
)
MONEY = re.compile(r"钱|款|资金|经费")


def vague(text: str) -> bool:
    """Whether the message only points at something without naming it ("就是那个嘛", "你晓得的那个事").

    Args:
        text: The user's message.

    Returns:
        True when a pointing word stands with nothing but fillers ("那个补贴呢", "这个怎么办" name or ask: False).
    """
    text = text.strip()
    if not text or len(text) > MAX_LENGTH or not VAGUE_MARK.search(text):
        return False
    return not FILLERS.sub("", VAGUE_MARK.sub("", text))


def confused(text: str) -> bool:
    """Whether the message only says the user does not understand the bot ("看不懂你说的", "啥意思啊").

    Args:
        text: The user's message.

    Returns:
        True when it says so and asks about nothing else ("红灯是什么意思" asks about the lights: False).
    """
    text = text.strip()
    if PUZZLED.fullmatch(text):
        return True
    if not text or len(text) > MAX_LENGTH or not CONFUSED.search(text):
        return False
    return not AROUND.sub("", CONFUSED.sub("", text))
