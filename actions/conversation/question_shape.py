"""What a message's shape says, whatever intent the NLU gave it: a question, a choice, a request, several questions.

Read by the routers, the forms (a question at a step is answered, not stored) and :mod:`actions.conversation.context`
(which reads the conversation around it). Words only; nothing here looks at the tracker.
"""

import re

# "帮我看看这个政策", "给我讲讲这个贷款", "帮我算算能贷多少": asking to have something explained, not to act.
EXPLAIN = re.compile(
    r"(?:帮我|给我|替我|帮忙|你帮我|麻烦你?)(?:看看|看下|看一下|瞧瞧|解释|讲讲|讲一下|讲解|说说|说一下|分析|介绍|解读"
    r"|算算|算一下|算下|估算|估一下)"
)
# What makes such words a request after all: to apply, to check progress or to be matched with policies.
APPLY_OR_CHECK = re.compile(
    r"填表|报名|进度|办到|到哪|结果|符合|能享受|可以享受|哪些|编号|CY\d|(?:我要|我想|开始|现在)(?:申请|办)",
    re.IGNORECASE,
)
# Asking whether without a question word: "收不收", "贵不贵", "行不行"; "提交了没". Forms read it too (form_guard).
A_NOT_A = r"((?!不)[\u4e00-\u9fff])不\1|[了过]没(?:有)?[?？。]*$"
# Dialect how much / how long ("补贴能拿好多", "要好多钱", "得等好久哦"): 好多/好久 right after a verb, or 好多 before
# 钱/天/年; "好多人来办", "我等了好久" (a count or a complaint) are none.
DIALECT_HOW = (
    r"[要拿领得到贷借交花用等办批给补收付出赔弄搞有能快住待]好(?:多|久)(?:钱|天|年|万|块|个工作日)?[呀啊哦呢嘛哟咯啰噻撒]*[?？。!！~～]*$"
    r"|[要拿领得到贷借交花用等办批给补收付出赔弄搞能快住待]好多(?:钱|天|年|万|块|个工作日)"
    r"|(?<![了过花赚亏挣省])好多钱(?!了)"  # "补贴好多钱", not "花了好多钱" or "能省好多钱"
)
# Cantonese/Hunan 冇 (没有): "有冇得补贴" asks 有没有.
DIALECT_NO = re.compile(r"冇得?")
# The longest or most allowed, asked ("最多能借几年", "最长能贷多久", "贷款期限最长"): not a figure said after it
# ("最多能借20万") or a limit one puts up with ("我最多只能等两天").
MOST = (
    r"最(?:长|多|久|高)(?:能|可以|可)(?:借|贷|拿|领|待|住|补|还|批|申请)(?![\d一二两三四五六七八九十百千万半])"
    r"|最(?:长|多|久|高)(?:期限|年限|额度|金额)?[呀啊哦呢]?[?？。]*$"
)
# Asking about an aspect in reported words ("来电人问开业补贴的数额", "打听一下贷款的期限"): a question.
ASKED_ABOUT = (
    r"(?:问|打听|咨询)[^，,。；;？?]{0,14}?(?:金额|数额|额度|时限|期限|条件|材料|标准|费用|利息|利率|流程|要求|年限)"
)
# A tag question at the end ("收费不", "要钱不", "办得下来不"; "办好没", "到账没", "有补贴没"): whether, asked like
# 可以不. Not a no said outright ("先不", "当然不", "还没", "我还没有").
TAG_NOT = (
    r"(?<=[\u4e00-\u9fff])(?<![不绝决然定对时先还也都才就并可真再别在前我你他她])不[呀啊哦嘛]?[?？。！!~～]*$"
    r"|(?:[好完到账]|下来|上去|出来|批)没(?:有)?[呀啊哦]?[?？。！!~～]*$"
    r"|有[^，,。；;？?！!\s的了]{1,8}没(?:有)?[呀啊哦呢]?[?？。！!~～]*$"  # "有补贴没", "有啥扶持没有"
)
# A question, even without a question mark ("要带身份证去吗", "红灯什么意思").
QUESTION = re.compile(
    r"[?？]|吗|么|呢$|多少|几多|多久|多长时间|几天|怎么|咋|如何|什么|啥|哪(?!怕)|谁(?![都也])|为啥|为什么|能不能|可不可以|是否|要不要|需不需要"
    r"|有没有|能否|是不是|会不会|算不算|用不用|还用|对不对|行不行|干嘛|想知道|想了解|打听"
    # not "我们几个合伙开店", "跟几个朋友一起干", "咱几个": who, not how many
    r"|(?<![好十多们咱俺跟和同与])几(?:个(?!月|年头)|次|趟|家|项|样|种|位|张|步|栏|页|类)"
    r"|(?<![好多前这近过那后再头\d一二三四五六七八九十两零〇])几年(?![前后了])"  # not "前几年", "九几年出去的"
    r"|(?:能|可以|会|要|用|行)[^，,。；;？?]{0,12}不[?？。！!~～]*$"  # "开个修车铺能拿创业补贴不"
    rf"|{A_NOT_A}|{DIALECT_HOW}|{TAG_NOT}|{MOST}|{ASKED_ABOUT}"
    r"|(?i:(?<![a-z])(?:how|what|where|when|which|who|why)(?![a-z]))"  # "startup subsidy 一次性的 how much"
)
# A choice between two things ("执照给纸质的还是电子的", "办个体户还是公司好"): a question. Not 还是 meaning "still" or
# "rather" ("还是找不到", "我还是去现场办吧", "地址还是原来那个"): it follows a pronoun or 觉得, is followed by a
# negation or a word pointing back, or the message ends in 吧.
CHOICE = re.compile(
    r"(?<=[^\s，,。我你他她那就还也想得不])(?<!觉得)(?<!我们)(?<!还是)还是(?!不|没|找不|看不|想不|记不|一样|老样子|那|这|原|之前|刚才|上面|以前|算了)"
)
# "我想问一下…", "请问…": asking, not a request to act.
ASKING = re.compile(
    r"^(?:(?:我|他|她|来电人|客户|对方)?(?:就|只|是|还是)?想(?:问|咨询|了解|知道)(?:一下|下|问)?|请问|问一下|问下|咨询一下"
    r"|打听一下)[，,\s]*"
)
# A request to act: apply, have it done, have it checked ("帮我查进度", "我要申请", "给我办一下").
REQUEST = re.compile(
    r"(?:我(?:就|只|是|还是|真)?(?:要|想)|我打算|我准备|我们要|我们想|帮我|给我|替我|帮忙|麻烦你?|现在就|马上|直接"
    r"|(?:他|她|来电人|来电群众|客户|对方|群众|老乡)(?:要|想|打算|准备))"
    r"[^，,。；;？?！!\s]{0,6}?(?:申请|办|填|报名|贷|领|查|提交)"
)
# A loan's amount or term with a verb of borrowing ("贷15万", "借个二十万", "贷4年", "贷款三年"): a figure asked about.
LOAN_FIGURE = re.compile(
    r"(?:贷|借)[款个点了]{0,2}?(?:\d+(?:\.\d+)?|[一二两三四五六七八九十百几]+)\s*(?:万|年)"
    r"|(?:\d+(?:\.\d+)?|[一二两三四五六七八九十百]+)\s*(?:万|年)(?:块|元)?的?(?:贷款|借款)"
)
# Whether it is allowed, asked at the end ("可以不", "行吗", "能批吗", "行不行", "够不够"): a yes/no question.
WHETHER_END = re.compile(
    r"(?:可以|行|能行|成|能批下来|能批|批得下来|批得下|批下来|能贷|贷得到|贷得下来|借得到|允许|没问题|够)(?:吗|不|么|嘛|没|不了)?"
    r"[呀啊哦呢]?[?？。!！~～]*$|(?:可不可以|行不行|能不能|成不成|中不中|够不够|允不允许)[呀啊哦呢]?[?？。!！~～]*$"
)
# Asking the bot to act on it after all ("帮我申请15万可以吗", "现在能不能给我办"): a request, the form opens.
ACT_FOR_ME = re.compile(r"帮我|给我|替我|帮忙|麻烦你?|现在就|马上|填表|报名")
# How a benefit is given ("有没有不用申请自动发的补贴", "我在失业名单里，补贴还用自己去申请不", "会自动到账吗"): a
# question about the policy (免申即享), not a verdict on this person nor a wish to apply.
HOW_GIVEN = re.compile(
    r"不用(?:自己)?(?:去)?申请|不需要(?:自己)?(?:去)?申请|无需申请|不申请|免申|自动(?:发|给|到账|拨|打|推|享受|办|认定)"
    r"|直接(?:发|给|打到|到账|推)|一键|会(?:不会)?自动"
    r"|(?:还用|还要|还得|要不要|用不用|需不需要|需要|得|要|用)(?:我|俺)?自己(?:去|再|来)?(?:申请|办|报|弄|跑|填)"
)
# Where one question may end: punctuation, or "还有/另外/顺便问一下" starting the next one.
CLAUSE_ENDS = re.compile(
    r"[?？！!。，,；;\s]+|(?:还有就是|还有|另外|以及|再问一下|再问下|顺便问一下|顺便问下|还想问)[，,]?"
)
MIN_PART = 4
# "借款能借几年", "补贴能拿几千": a question of its own after a question mark (not cut out of dictated text, where
# "能贷多少能贷几年" is one question the knowledge base answers whole).
HOW_MANY_UNITS = re.compile(r"(?:能|可以|要|得|最长|最多|[贷借还拿领])\S{0,2}?几(?:年|千|万|成)")
# A question dictated after another may be three characters ("补贴能拿多少要带啥", "…找谁办"), but not a tag question
# asking for agreement ("要交多少钱是不是"): that one belongs to the question before it.
MIN_NEXT_QUESTION = 3
TAG_QUESTIONS = ("是不是", "对不对", "行不行", "好不好", "是吧", "对吧", "是吗", "对吗")
PARTICLES = "吗呢啊呀吧嘛哦"  # end the question before them, never start the next one
# Where a question may end inside a clause typed without punctuation (voice input: "贷款能贷多少利息怎么算"): it
# splits only when what follows is a question of its own ("要多少钱才能办" stays one).
QUESTION_END = re.compile(
    r"(?:多少钱|多少|几天|多久|多长时间|怎么(?:算|办|弄|申请|交|查|看|填|领|报名)|(?:在|去)?哪[里儿]?(?:查|看|办|交)"
    r"|什么材料|是什么意思|什么意思|吗)(?:啊|呀|哦|嘛)?"
)

# Two questions joined by 和/、/以及/还有 ("谁来审、审多久", "要什么材料和几天能办好"): cut there when both sides
# ask (a question word or one of these aspects); "补贴和贷款分别多少" (a noun before it) stays one question. 分别
# ("each") never joins two questions: it asks one thing of several ("八个事项的办理期限分别是几天").
JOINS = re.compile(r"、|和|以及|还有")
JOINED_FIRST = re.compile(r"^(?:、|和|以及|还有)")
ASPECT = re.compile(r"部门|几天|多久|优惠|多少|几年|材料|时限|条件|费用|找谁|谁来|谁审|在哪|哪里")
# Comparing the two sides ("入驻审批多久和能孵化多久有什么区别", "参保和收费是不是一个部门"): one question.
COMPARING = re.compile(r"区别|不同|不一样|差别|差在|一样吗|一回事|同一个|一个(?:部门|单位|地方)|归不归")
# Who the question is about, said before it ("来电人是退役军人，想贷款，问额度多少、能贷几年"): when the message holds
# several questions, the description is no question of its own and would draw the who-may-apply answer.
ABOUT_WHOM = re.compile(r"^(?:来电人|来电群众|客户|对方|群众|他|她)(?:是|属于)[^，,。；;？?]{1,20}[，,。；;\s]+")
ASKED_VERB = re.compile(r"^(?:来电人|客户|对方|他|她)?(?:问|想问|咨询|打听)(?:一下|下)?[，,]?")


def is_question(text: str) -> bool:
    """Whether the text reads as a question (also a choice between two things: "纸质的还是电子的")."""
    text = DIALECT_NO.sub("没有", text)
    return bool(QUESTION.search(text)) or is_choice(text)


def is_choice(text: str) -> bool:
    """Whether the text asks to choose between two things ("办个体户还是公司好"), without a question mark."""
    return bool(CHOICE.search(text)) and not text.rstrip("。.！!~～ ").endswith("吧")


def is_request(text: str) -> bool:
    """Whether the text asks the bot to do something (apply, check), not only asks about it.

    A choice ("我想申请补贴还是贷款好") asks which, so it is a question, not a request; so is asking to have
    something explained ("帮我看看贷款政策", :func:`wants_explained`).
    """
    if asks_whether_figure(text):
        return False  # "我想贷15万可以不": whether the limit allows it, answered from the knowledge base
    return bool(REQUEST.search(ASKING.sub("", text, count=1))) and not is_choice(text) and not wants_explained(text)


def asks_whether_figure(text: str) -> bool:
    """Whether a loan amount or term is allowed, asked yes/no ("我想贷15万可以不", "贷4年行不行", "借个三十万能批吗").

    The limits (a person's, a small enterprise's) answer it; "帮我申请贷款15万" or "我要申请15万贷款" (no whether
    at the end) is a request, and so is one asking the bot to act ("帮我申请15万可以吗").
    """
    return bool(LOAN_FIGURE.search(text) and WHETHER_END.search(text.strip())) and not ACT_FOR_ME.search(text)


def wants_explained(text: str) -> bool:
    """The user asks to have something explained ("帮我看看这个政策"), not to apply, check progress or be matched."""
    return bool(EXPLAIN.search(text)) and not APPLY_OR_CHECK.search(text)


def asks_besides(text: str) -> bool:
    """A request that also asks something in another clause ("我要办营业执照，要几天", "想借12万，最多能借几年").

    A loan figure said as a wish in a clause of its own ("想借12万做点生意") is a request too.
    """
    clauses = [c for c in CLAUSE_ENDS.split(text) if c]
    wish = is_request(text) or any(LOAN_FIGURE.search(c) and not is_question(c) for c in clauses)
    return wish and any(is_question(c) and not is_request(c) for c in clauses)


def asks_how_given(text: str) -> bool:
    """Whether the message asks how a benefit is given ("补贴还用自己去申请不", "会自动发吗"): 免申即享, a question.

    Not a request that asks it beside ("帮我申请补贴，会自动到账吗": the form opens, the question is answered).
    """
    return bool(HOW_GIVEN.search(text)) and is_question(text) and not is_request(text)


def questions(text: str) -> list[str]:
    """The separate questions of one message ("补贴多少？贷款多少？" → two); one element when it is one question.

    A part that is not a question on its own stays with the question after it ("我是退役军人，能贷多少" is one
    question), or with the one before it when it comes last; a part shorter than three characters or asking for
    agreement ("是不是") too.
    """
    pieces = [
        piece for p in CLAUSE_ENDS.split(text) if p for piece in ([p] if COMPARING.search(p) else _unpunctuated(p))
    ]
    parts: list[tuple[str, bool]] = []  # each part, and whether a conjunction cut it from two asking sides
    for piece in pieces:
        joined = _joined(piece)
        parts += [(ASKED_VERB.sub("", JOINED_FIRST.sub("", j)), len(joined) > 1) for j in joined]
    merged: list[str] = []
    pending = ""
    for part, cut in parts:
        short = len(part) < MIN_NEXT_QUESTION or part in TAG_QUESTIONS
        asks = _asks(part) if cut else is_question(part) or bool(HOW_MANY_UNITS.search(part))
        if not asks or short:
            if merged and not pending and short and asks:
                merged[-1] = f"{merged[-1]}，{part}"
            else:
                pending = f"{pending}，{part}" if pending else part
            continue
        merged.append(f"{pending}，{part}" if pending else part)
        pending = ""
    if pending and merged:
        merged[-1] = f"{merged[-1]}，{pending}"
    if len(merged) > 1 and (whom := ABOUT_WHOM.match(merged[0])) and len(merged[0]) > whom.end():
        merged[0] = merged[0][whom.end() :]  # "来电人是退役军人，想贷款，问额度多少" → "想贷款，问额度多少"
    return merged if len(merged) > 1 else [text]


def _asks(part: str) -> bool:
    return is_question(part) or bool(HOW_MANY_UNITS.search(part) or ASPECT.search(part))


def _joined(clause: str) -> list[str]:
    """A clause cut where 和/、/以及 join two questions ("谁来审、审多久"), else the clause whole."""
    if COMPARING.search(clause):
        return [clause]
    for match in JOINS.finditer(clause):
        head, rest = clause[: match.start()], clause[match.end() :]
        if len(head) >= MIN_NEXT_QUESTION and len(rest) >= MIN_NEXT_QUESTION and _asks(head) and _asks(rest):
            return [head, *_joined(rest)]
    return [clause]


def _unpunctuated(clause: str) -> list[str]:
    """A clause cut after each question end that a question of its own follows ("能贷多少|利息怎么算")."""
    for match in QUESTION_END.finditer(clause):
        head, rest = clause[: match.end()], clause[match.end() :]
        next_one = len(rest) >= MIN_PART or (
            len(rest) >= MIN_NEXT_QUESTION and rest not in TAG_QUESTIONS and rest[0] not in PARTICLES
        )
        # "贷款最多贷多少能贷几年" dictated is one question (the knowledge base answers both figures at once)
        dictated = bool(HOW_MANY_UNITS.match(rest))
        if len(head) >= MIN_PART and next_one and is_question(head) and is_question(rest) and not dictated:
            return [head, *_unpunctuated(rest)]
    return [clause]
