"""What a short follow-up is about when it says a count only, or names another scheme by an item's word.

"有几家" after "省级孵化基地有哪些类型" asks how many of those bases (searched as "省级孵化基地有几家"); "要填几位"
after "采集表上的身份证号怎么填" how many digits that field takes: the subject of the question before is carried
over, because the count alone matches any figure of the knowledge base. "那稳岗补贴呢" after the subsidy's amount
asks about 稳岗补贴, another scheme: its name is kept whole, never cut to the item's word 补贴.
"""

import re

from actions.conversation import context, question_shape
from actions.knowledge.subject_switch import WHO, without_then

# A count asked by itself ("有几家", "一共几个", "要填几位", "分几类"): a number of things, not of days.
COUNT_ASKED = re.compile(r"(?:几|多少)(?:个|家|位数|位|类|种|项|所|处|批|条|张|门|期)")
# A follow-up this long at most carries the subject of the question before.
SHORT_COUNT = 12
# Where the question before starts asking: its subject is what comes before ("采集表上的身份证号" | 怎么填).
ASKING_STARTS = re.compile(
    r"怎么|怎样|如何|多少|几|哪|什么|啥|是否|能不能|可不可以|要不要|有没有|需不需要|是不是|有哪些|吗|么"
)
# Words that end a subject without belonging to it ("孵化基地有" | 几家, "身份证号要" | 怎么填).
SUBJECT_TAIL = re.compile(r"(?:的|是|有|要|需要|得|分|分为|分成|在|能|可以|都|一共|总共|总|共|现在|目前)+$")
SUBJECT_HEAD = re.compile(r"^(?:请问|那么|那|我想问一下|我想问下|想问一下|想问下|问一下|问下)")
MIN_SUBJECT = 2
# What may stand before an item's word in a follow-up's subject without naming another scheme ("那个补贴呢").
POINTERS = re.compile(
    r"^(?:这个|那个|这项|那项|这种|那种|我的|我们|他的|她的|你们|咱们|申请|领取|办理|政府|国家|财政|开店|开业)$"
)
# Other insurances, benefits and taxes named by their own words, none of them an item's ("那医保呢" after the
# pension's rate, "公积金呢", "那增值税呢" after the tax package): such a follow-up is searched alone, never with the
# item or the question before, and the knowledge base declines it. 失业人员/个体户 are ours: only the schemes' names.
OTHER_SCHEME = re.compile(
    r"医保|医疗保险|失业保险|失业金|工伤|生育保险|生育险|公积金|低保|五险一金|增值税|个税|个人所得税|所得税|消费税|印花税"
)
# The side of things after an item's word ("税务那边", "补贴方面"), dropped from a subject.
SIDE = re.compile(r"(?:的那个|那个|那项|那一项|那块|那一块|那边|这边|这块|方面|这个|的)$")


def subject_of(question: str) -> str:
    """What ``question`` asks about: its words before it asks ("采集表上的身份证号怎么填" → 采集表上的身份证号).

    Words that only lead into the question ("请问", "那") or end the subject ("的", "有", "要") are dropped.
    """
    asking = ASKING_STARTS.search(question)
    subject = question[: asking.start()] if asking else ""
    return SUBJECT_TAIL.sub("", SUBJECT_HEAD.sub("", subject.strip(" ，,。")))


def carried_count(text: str, named_item: bool, before: str) -> str | None:
    """``text``, a count asked by itself, asked about the subject of the question ``before``; else ``None``.

    "那有几家" after "省级孵化基地有哪些类型" is "省级孵化基地有几家". ``None`` when ``text`` names an item
    (``named_item``) or is longer than a follow-up, asks no count or says the subject already, or when nothing
    was asked before.
    """
    if named_item or len(text) > SHORT_COUNT or not COUNT_ASKED.search(text):
        return None
    if not question_shape.is_question(before):
        return None
    subject = subject_of(before)
    if len(subject) < MIN_SUBJECT or subject in text:
        return None
    return f"{subject}{without_then(text)}"


def another_scheme(subject: str, code: str) -> bool:
    """Whether ``subject`` names a scheme that is not ``code`` by its word ("稳岗补贴" is no start-up subsidy).

    The item's longest word in the subject ("补贴") with two Chinese characters or more before it that are no name of
    the item ("创业补贴" is one), no kind of borrower ("企业贷款") and no pointer ("那个补贴") names another scheme:
    "那稳岗补贴呢" after the subsidy's amount asks about that scheme, which the knowledge base declines by name.
    """
    bare = SIDE.sub("", subject)
    aliases = context.item_aliases()
    names = [w for table in (aliases.values, aliases.context_aliases) for w in table.get(code, [])]
    word = max((w for w in names if w in bare), key=len, default=None)
    if word is None:
        return False
    before = bare[: bare.find(word)]
    han = len(before) >= MIN_SUBJECT and all("\u4e00" <= c <= "\u9fff" for c in before)
    own = any(before[-MIN_SUBJECT:] in name for name in names)  # "一次性补助": 次性 of 一次性创业补贴, the item's own
    return han and not own and not WHO.search(before) and not POINTERS.match(before)


def names_other_scheme(subject: str) -> bool:
    """Whether a follow-up's ``subject`` names an insurance, benefit or tax none of the items is ("医保", "增值税")."""
    return bool(OTHER_SCHEME.search(subject))


# A service place a question was about ("创业服务窗口在哪", "机场接待站怎么去"): the longest name said counts.
PLACE = re.compile(r"创业服务窗口|服务窗口|政务服务大厅|政务大厅|窗口|接待站|驿站|创业在湘平台|创业在湘|平台")
# What a place does, asked by itself ("能办哪些", "都管些啥", "能干啥", "有什么服务").
PLACE_DUTIES = re.compile(
    r"^(?:那么|那|这个|那个|它|那里|那边|这里|这边)?(?:能|可以|都|还|一般)*"
    r"(?:办哪些|办什么|办啥|管些啥|管啥|管什么|管哪些|干啥|干什么|做什么|做啥|有什么服务|有啥服务|提供什么|提供啥|帮什么|帮啥)"
    r"(?:事|业务|服务|忙)?(?:呀|啊|呢|吗)?[？?。！!]*$"
)


def carried_place(text: str, named_item: bool, before: str) -> str | None:
    """``text``, what a place does asked by itself, asked about the place the question ``before`` named; else ``None``.

    "能办哪些" after "创业服务窗口在哪" asks what the window handles (consultation and the whole bundle offline),
    not the bundle's 8 items. ``None`` when ``text`` names an item or asks something else, or nothing before named
    a place.
    """
    if named_item or not PLACE_DUTIES.match(text.strip()):
        return None
    place = max(PLACE.findall(before), key=len, default="")  # "政务大厅的创业服务窗口": the window
    return f"{place}{without_then(text.strip())}" if place else None
