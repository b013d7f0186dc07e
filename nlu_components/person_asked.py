"""A request for a person in everyday words: "找个真人", "我要跟工作人员说", "你们客服呢", "叫个人来".

Users rarely type the word 人工 alone: they ask for a real person, a staff member, the customer service. The NLU
gives such a message the intent ``request_human`` whatever the classifier said
(:mod:`nlu_components.decisive_intents`). Asking whether the bot is a person ("你是真人吗"), about the service
("客服电话多少", "人工几点上班") or complaining about staff ("工作人员态度差") is not a request for one.
"""

import re

# Who the user wants: a person rather than the bot.
PERSON = (
    r"(?:真人|活人|人工|客服|工作人员|接线员|坐席|专员|专人|值班的|管事的|负责的人|负责人|领导"
    r"|你们的人|你们同事|懂行的人)"
)
# A verb of reaching or switching to someone ("找个真人", "叫你们工作人员来"), or of talking with someone ("我要跟
# 工作人员说", not "之前跟工作人员说好了": a promise, "跟客服说了没用": a complaint), with at most a measure word or
# "你们" between.
BETWEEN = r"(?:一下|下)?(?:个|一个|位|一位|你们|你们的)?"
ASK = re.compile(
    rf"(?:找|要|让|叫|请|转|换|接|联系|喊|来|需要|给我|有没有){BETWEEN}{PERSON}"
    rf"|(?:跟|和|同){BETWEEN}{PERSON}(?:说|讲|聊|沟通|谈|通话|对接|反映)(?!好|过|了)"
)
# A bare person asked for: "找个人", "换个人来", "叫个人跟我说", "找人" (not "个人创业", "找人代办").
BARE = re.compile(r"(?:找|换|叫|喊|来|要)(?:一)?个?人(?=$|[来吧呀啊啦？?!！。~～\s]|跟我|和我|帮我|给我)")
# "你们客服呢", "真人在吗", "人工出来": the person called for.
CALLED = re.compile(
    r"(?:真人|活人|人工|客服|工作人员|接线员|坐席|值班的)(?:呢|在吗|在不在|在哪|出来|来一下|快来|来)[?？!！。~～\s]*$"
)
# Only the person words, said once or twice ("客服客服", "人工人工"; "真人？" asks whether the bot is one).
ONLY = re.compile(r"(?:人工|客服|人工客服)+[?？!！。~～\s]*")
# A no just before the request ("不要转人工", "不用找客服").
REFUSED = re.compile(r"[不别没]")
A_NOT_A = re.compile(r"(.)不\1")  # "能不能让真人来": a question, no refusal
# What makes the person words a question about the service, not a request ("客服电话多少", "人工几点上班").
ABOUT_SERVICE = re.compile(r"电话|热线|号码|几点|时间|上班|下班|工号|态度|投诉|差劲|是不是|是吗")
# "你是真人吗", "你们是人工还是机器", "我在跟真人聊吗": whether the bot is a person.
IS_IT = re.compile(r"(?:你|您|对面|这边)(?:们)?(?:到底)?是(?:不是)?|(?:在|正在)(?:跟|和|同)")
MAX_LENGTH = 40
# The clauses of a long message (a caller's story typed by hotline staff) whose end may ask for a person.
CLAUSES = re.compile(r"[，,。；;！!？?]+")


def asks_for_person(text: str) -> bool:
    """Whether the message asks to talk to a person ("找个真人", "你们客服呢"), not about one.

    Args:
        text: The user's message.

    Returns:
        True for a request or call for a person; False for a question about the service or whether the bot is one.
    """
    text = text.strip()
    if len(text) > MAX_LENGTH:  # "…情况比较复杂，坚持要专人跟进，帮我转交": the request at the end of a story
        ending = "，".join(part for part in CLAUSES.split(text)[-3:] if part)
        return len(ending) <= MAX_LENGTH and asks_for_person(ending)
    if not text or IS_IT.search(text) or ABOUT_SERVICE.search(text):
        return False
    if CALLED.search(text) or ONLY.fullmatch(text):
        return True
    found = ASK.search(text) or BARE.search(text)
    before = text[max(0, found.start() - 4) : found.start()] if found else ""
    return found is not None and not REFUSED.search(A_NOT_A.sub("", before))
