"""A question the classifier read as a value, a no or a stop: "那身份证复印件要不要带", "不交材料行不行".

Asked at a form step, such a message was read as ``inform`` (stored as the value asked, or nothing), ``deny`` (a no
to the step) or ``cancel`` (the form stopped). :func:`asked_instead` says when it is a question all the same, so
:mod:`nlu_components.decisive_intents` gives it ``ask_question`` and every router and form answers it (inside a
form: the answer, then the same step again). It is a question only in words that ask ("要不要", "行不行", "吗",
"？", "多少" …), never when it also stops or declines in words ("不办了，那培训要钱吗" stops and asks: the stop's
reply answers the rest), nor a message that carries values ("我叫王芳，要带身份证吗": the forms store the name and
answer the question) or a wish to act ("我要办执照，要几天": the form starts and the question is answered).
"""

import re

# The classifier's intents a question may hide behind.
READ_AS = frozenset({"inform", "deny", "cancel"})
# Words that ask. Not "没什么/啥…都" ("啥特殊身份都不沾"), not "不对不对"/"没有没有" (X不X after a negation), not
# "哪有" (a denial), not "这么/那么" (manner words).
ASKS = re.compile(
    r"[?？]|(?:吗|么)[啊呀哈]?[。.!！~～\s]*$|多少|多久|多长时间|几天|几个工作日|(?<!不)怎么(?!样都)|如何|为什么|为啥|"
    r"(?<!没)(?:什么|啥)(?![^，,。]{0,6}[都也])|(?:哪里|哪儿|哪个|哪些|哪种|在哪|去哪)(?![^，,。]{0,6}[都也])|"
    r"(?<![不没])(?:要不要|能不能|可不可以|行不行|需不需要|用不用|有没有|是不是|会不会|算不算|收不收|给不给|交不交|带不带)|"
    r"是否|能否|可以吗|行吗|对吗|好吗"
)
# Stopping or declining in words: the classifier's cancel or no stands ("不办了，那培训要钱吗").
STOPS = re.compile(
    r"取消|撤销|撤回|撤掉|退出|不办了|不弄了|不搞了|不申请了|不填了|不查了|不要了|不用了|不需要了|算了|先不办|"
    r"不想办|不想申请|不想弄|不想填|别办了|别弄了|再见|拜拜"
)
# A bare no opening the message ("没有，这影响吗", "不是，我是问…"): the no answers the step; the classifier's stands.
NO_FIRST = re.compile(r"^(?:不|没|没有|不是|不对|不行|不用|不要|否|错了?)[啊呀的了吧哦嘛]?(?:[，,。.！!\s]|$)")
# A wish to act with a question besides ("我要办执照，要几天"): the routers start the form and answer it.
WISH = re.compile(
    r"(?:我要|我想(?!问|知道|了解)|帮我|给我|替我|我打算|我准备)[^，,。？?]{0,6}?(?:申请|办|填|报名|贷|领|查|提交)"
)


def asks(text: str) -> bool:
    """Whether ``text`` asks something in words ("要不要带", "行不行", "吗", "？"), not only denies or states."""
    return bool(ASKS.search(text.strip()))


def asked_instead(intent: str | None, text: str, entity_names: list[str]) -> bool:
    """Whether a message the classifier called ``intent`` is a question to answer all the same.

    Args:
        intent: The classifier's intent.
        text: The normalised message.
        entity_names: The names of the entities found in it.

    Returns:
        True for ``inform`` / ``deny`` / ``cancel`` when the words ask, nothing stops, declines or wishes to act,
        and the message gives no value (a no or a stop may name the items it asks about: "补贴可以不领吗").
    """
    text = text.strip()
    if intent not in READ_AS or not asks(text) or STOPS.search(text) or NO_FIRST.match(text) or WISH.search(text):
        return False
    allowed = () if intent == "inform" else ("item",)
    return all(name in allowed for name in entity_names)
