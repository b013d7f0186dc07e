"""Whether a message says this is the person's first start-up (首次创业), in the words people use.

"第一次创业", "以前没开过店", "从来没做过生意" say yes; "不是第一次", "以前开过一家", "二次创业" say no. A word of a
past business right after a negation (没开过, 没领过) is never read as a past business. Read by the eligibility
check and the application form (one owner of the fact).
"""

import re

NEGATION_BEFORE = re.compile(r"(?:没|没有|未|从没|从来没|从未|不曾|还没)$")
# What may follow "以前做过/干过" when it says a business was run before: the end, a time, or words of a business.
PAST_WORK_END = (
    r"(?=[，,。！!？?\s了啊呀的]|$|[一两二三四五六七八九十几\d]+年|一段|几年|一阵"
    r"|小生意|生意|买卖|个体|老板|店|公司|厂)"
)
# A past business, or a start-up that is not the first.
SECOND_START = re.compile(
    r"不是第一次|不是头一次|不是首次|不是头一回|第二次|第三次|二次创业|再次创业|又创业|重新创业|又出来创业|第二家"
    r"|(?:以前|之前|原来|过去|早年|曾经|前几年|前些年)(?:也|还|自己)?(?:创过业|开过|办过|做过生意|干过个体|当过老板|有过)"
    # "之前做过", "以前干过两年" (said to the question): a business done before; not a job ("以前做过服务员")
    rf"|(?:以前|之前|原来|过去|早年|曾经|前几年|前些年)(?:也|还|自己)?(?:做过|干过|搞过|弄过)(?:的)?{PAST_WORK_END}"
    r"|创过业|开过(?:一家|一个|个|家|店|公司|厂)|办过(?:执照|公司|厂|个体)|领过|关过店|倒闭过|干过个体"
)
# This is the first start-up.
FIRST_START = re.compile(
    r"第一次|头一次|头一回|首次|第一回|头回|新手"
    r"|(?:没|没有|未|从没|从来没|从未|不曾)(?:有)?(?:创过业|开过|办过|做过生意|做过买卖|当过老板|干过个体|注册过|领过执照)"
    r"|(?:以前|之前|从来|过去)(?:都|也|从)?(?:没|没有|未|不曾)(?:有)?(?:做过|干过|搞过|弄过)(?:生意|买卖|这行|个体)?(?![\u4e00-\u9fff])"
)
# Words of a business: in the application a bare "第一次" ("第一次用这个") says nothing about a start-up.
ABOUT_BUSINESS = re.compile(r"创业|创过|开店|店|生意|买卖|老板|公司|执照|个体|厂|开过|办过")


def first_time(text: str, about_business: bool = False) -> bool | None:
    """Whether the message says this is the first start-up, or ``None`` when it does not say.

    Args:
        text: The message.
        about_business: Read only a message that speaks of a business (a message at any step of the application);
            when the question was just asked, any "第一次" answers it.
    """
    if about_business and not ABOUT_BUSINESS.search(text):
        return None
    if any(not NEGATION_BEFORE.search(text[: match.start()]) for match in SECOND_START.finditer(text)):
        return False
    if FIRST_START.search(text):
        return True
    return None
