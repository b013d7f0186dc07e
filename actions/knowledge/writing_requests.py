"""A request to write something for the user ("帮我写一份创业计划书", "给店起个名") is declined honestly, never a form.

The NLU reads "帮我写…" as a wish to apply ("帮我…" is how a request starts) and the application form opened. Writing
a business plan, a proposal or a report is not a service of the bundle: the reply says so, what the bundle does
say about such documents (the incubator asks for a business plan; the training courses; the "创业在湘" platform's
consulting) and who to ask.
"""

import re

from rasa_sdk.executor import CollectingDispatcher

DOCUMENT = (
    r"(?:计划书|方案|策划|报告|文案|标书|合同|简历|可行性|预算表|章程|协议|PPT|ppt|海报|商标|logo|LOGO|文章|作文|论文|总结|"
    r"讲话稿|演讲稿|发言稿|稿子)"
)
# "帮我写一份创业计划书", "你替我起草个方案", "能帮我做个营销策划吗": writing verbs before a kind of document; or the
# document first ("帮我把营销方案写好", "替我把总结弄出来").
WRITE_FOR_ME = re.compile(
    r"(?:帮|替|给|为)(?:我|俺|咱|我们)?(?:写|起草|撰写|编写|拟|做|弄|出|整|设计|策划)(?:一下|一份|一个|一篇|一套|个|份|篇|套|下)?"
    rf"[^，,。？?！!]{{0,12}}?{DOCUMENT}"
    rf"|(?:帮|替|给|为)(?:我|俺|咱|我们)?把[^，,。？?！!]{{0,12}}?{DOCUMENT}[^，,。？?！!]{{0,3}}?"
    r"(?:写|起草|做|弄|整|编)(?:好|完|出来|一下|下)"
)
# "给我的公司想个名字", "帮忙给奶茶店起个名", "取个好听的店名": naming the business for the user. Asking the rules of a
# name ("公司名字怎么取才能通过", "字号有什么要求") is a question about registration, not this.
NAME_FOR_ME = re.compile(
    r"(?:帮|替|给|为)(?:我|俺|咱|我们)?[^，,。？?！!]{0,8}?(?:起|取|想|出)(?:一下|一个|几个|个|下)?[^，,。？?！!]{0,6}?"
    r"(?:名字|名儿|店名|公司名|字号|品牌名|名称|网名|昵称|英文名)"
    r"|(?:起|取|想)(?:一个|几个|个)(?:好听|吉利|响亮|好记|霸气|好)?的?(?:名字|店名|公司名|字号|品牌名|名称)"
    r"|(?:帮|替|给)[^，,。？?！!]{0,8}?(?:起|取)(?:一)?个名(?![称单额])"
)
# Writing or translating anything else for the user ("帮我写首诗", "给我女朋友写段生日祝福", "翻译一下 good morning"): a
# task outside the bundle, declined plainly (the NLU may read "帮我…" as a wish to apply).
OTHER_WRITING = re.compile(
    r"(?:帮|替|给|为)[^，,。？?！!]{0,8}?(?:写|作|编)(?:一下|一首|首|一段|段|一封|封|一个|个|一篇|篇|几句|句)?"
    r"[^，,。？?！!]{0,8}?(?:诗|词|歌|请假条|假条|祝福|贺词|贺卡|情书|信(?![息用])|对联|段子|笑话|作业|检讨|邮件|朋友圈)"
    r"|^(?:请|帮我|你)?翻译|帮我翻译|翻译(?:一下|下|成)"
)
OTHER_DECLINED = (
    "抱歉，写诗、写信、写祝福或翻译这类事不在我的服务范围，我帮不上。我只能回答个人创业“一件事”相关的问题："
    "创业政策、补贴贷款、营业执照、办理进度等，欢迎问我这些。"
)
NAMING_DECLINED = (
    "抱歉，起名字这件事不在我的服务范围，我无法帮您，我只能回答个人创业“一件事”相关的问题。名称登记的规定可以问我，例如“个体户名称有什么要求”；"
    "想好名字后，办营业执照时填上就行。"
)
DECLINED = (
    "抱歉，代写创业计划书、方案、报告这类材料不在我的服务范围内。我能解答个人创业“一件事”的政策、帮您填表申请、查办理进度。"
    "已知的是：申请入驻创业孵化基地要提交创业计划书；创业培训（SYB、GYB、IYB、网创）持就业创业证可免费参加；"
    "“创业在湘”平台有咨询服务。写作上的具体帮助请到政务服务大厅的创业服务窗口咨询，或说“转人工”。"
)


def asks_to_write(text: str) -> bool:
    """Whether ``text`` asks to write a document ("帮我写一份创业计划书"), a name, a poem or a translation."""
    return bool(WRITE_FOR_ME.search(text) or OTHER_WRITING.search(text)) or asks_to_name(text)


def asks_to_name(text: str) -> bool:
    """Whether ``text`` asks the assistant to name the user's business ("给我的公司想个名字")."""
    return bool(NAME_FOR_ME.search(text)) and not re.search(r"怎么(?:起|取)|要求|规定|能不能|可以用|核名|重名", text)


def decline(dispatcher: CollectingDispatcher, text: str) -> bool:
    """Decline a request to write a document (:func:`asks_to_write`); whether ``text`` was one.

    Every router that could take such a request for its own (the form's start, a question, the eligibility check)
    asks here first, so the request gets the same honest reply whichever intent the NLU gave it.

    Args:
        dispatcher: Where the reply goes.
        text: The user's message.

    Returns:
        True when the request was declined (the caller does nothing else this turn).
    """
    if not asks_to_write(text):
        return False
    if WRITE_FOR_ME.search(text):
        dispatcher.utter_message(text=DECLINED)
    else:
        dispatcher.utter_message(text=NAMING_DECLINED if asks_to_name(text) else OTHER_DECLINED)
    return True
