"""What is searched for a message: the question itself, a follow-up made whole, a long story cut to its gist.

"补贴呢" after "贷款要多久" is searched as "补贴要多久"; "时间呢" after "材料减少了多少" as "时间减少了多少"; a
350-character story as its questions headed by the item it names; "创业loan" as 创业贷款; "A和B分别要几天" as one
question per item. :mod:`actions.knowledge.questions` sends the result to the knowledge base.
"""

import re
from functools import cache
from typing import Any

from rasa_sdk import Tracker

from actions.conversation import context, question_shape
from actions.knowledge import loan_followups
from actions.knowledge.carried_subject import another_scheme, carried_count, carried_place, names_other_scheme
from actions.knowledge.english_words import in_chinese_words
from actions.knowledge.noun_questions import as_question
from actions.knowledge.short_followups import light_named, other_end
from actions.knowledge.subject_switch import (
    home_again,
    kind_switched,
    other_aspect,
    other_who,
    planned_kind,
    without_then,
)
from contract.query_length import fitted

ITEM_ENTITY = "item"
# Not a slot of the domain: the item of the form a question is asked in, tried only when the question alone finds
# nothing (actions.application.form_questions.for_the_whole_form).
FORM_ITEM = "form_item"
# An acknowledgement a follow-up may open with ("好的，那贷款呢", "行 那培训呢", "要得，孵化基地呢"): it says nothing.
ACKNOWLEDGED = (
    r"(?:好的|好吧|好嘞|好滴|好|嗯嗯|嗯|哦哦|哦|噢|行吧|行|要得|可以|ok|OK|Ok|知道了|明白了|晓得了|了解了|懂了|收到)"
)
ACKNOWLEDGEMENT = rf"(?:{ACKNOWLEDGED}[啊呀哈了吧啦]?(?:[,，。.!！~～\s]+|(?=那)))"
# "补贴呢", "那贷款的呢", "好的，那培训呢": a subject and nothing else, asking the previous question about it.
WHAT_ABOUT = re.compile(rf"^{ACKNOWLEDGEMENT}*(?:那么|那)?\s*(?P<subject>[^，,。？?！!]{{1,12}}?)的?呢[？?。！!~～]*$")
# A longer query is cut to its gist: its questions and the clauses naming an item (a 350-character story took the
# search 5.9 s on a loaded machine, past the actions' 5 s timeout; the story adds nothing the search can use).
GIST_CHARS = 120
# "培训和孵化基地各要多少天": one question per item named ("分别", "各", "各自", "每个").
EACH = re.compile(r"分别|各自|各(?![种类位])|每个(?![月年人季])|每样")  # not 每个月: a period, no split
# Aspects only the loan has ("贷款利息怎么算" → "补贴呢"): carried to another item they ask nothing; its money does.
LOAN_ONLY = re.compile(r"利息|利率|贴息|年息|还款|还钱|怎么还")
LOAN = "guaranteed_loan"
MONEY_ASKED = "多少钱"
# How many follow-ups in a row are read back to the question they continue.
MAX_CHAIN = 3
# What an elliptical question ("要带什么材料", "多久能批下来", "去哪里办") is made of: question words, the item's
# generic verbs and fillers. With these taken away nothing is left: its subject is the item in context.
ELLIPTICAL_WORDS = re.compile(
    r"多长时间|多久|几个工作日|几天|多少天|什么时候|啥时候|去哪里|去哪儿|在哪里|在哪儿|哪里|哪儿|在哪|去哪|哪个部门|什么部门|哪个单位|找谁|谁"
    r"|材料|资料|证件|准备|带|交|哪些|什么|啥|怎么|如何|流程|手续|步骤|请问|那么|那个|这个|那|这|我|要|需要|得|能|可以|还"
    r"|去|到|在|办理|办|申请|提交|审批|审核|批|下来|好|完|一般|大概|大约|呢|吗|啊|呀|吧|的|了|[？?！!。，, ~～…]"
)


def elliptical(text: str) -> bool:
    """Whether ``text`` is a question made only of question words and fillers ("要多久", "要带什么材料")."""
    return bool(text.strip()) and question_shape.is_question(text) and not ELLIPTICAL_WORDS.sub("", text)


def previous_user_event(tracker: Tracker) -> dict[str, Any] | None:
    """The user message before the latest one, if any."""
    users = (event for event in reversed(tracker.events) if event.get("event") == "user")
    next(users, None)  # the latest message
    return next(users, None)


def query_text(tracker: Tracker, everyday: bool = False) -> str:
    """The question to search: the latest message, or for "X呢" the previous question asked about X.

    When the latest message names an item: "补贴呢" after "贷款要多久" is "补贴要多久" (the previous question's
    item replaced; put in front when it named none); "那税务那边呢" after "办营业执照要几天" is "办纳税人信息确认要
    几天" (an item named by a short word the NLU did not tag). When it names an aspect the previous question named
    another of: "时间呢" after "材料减少了多少" is "时间减少了多少". A follow-up to a follow-up keeps the question
    ("贷款要多久" → "补贴呢" → "培训呢" is "培训要多久"). With ``everyday``, the item is named by its everyday name
    ("那贷款呢" → "创业担保贷款…"), tried when the user's own word finds nothing sure. Right after the interest
    answer, "那他本人要承担多少" asks the borrower's share of it (:mod:`actions.knowledge.loan_followups`); right
    after another province's question was redirected, "那我们湖南呢" asks it about Hunan
    (:mod:`actions.knowledge.subject_switch`).
    """
    text = str(tracker.latest_message.get("text") or "").strip()
    if (share := loan_followups.share_question(tracker, text)) is not None:
        return share  # "那他本人要承担多少" right after the interest answer: the borrower's share of the interest
    users = [event for event in tracker.events if event.get("event") == "user"][:-1]
    if users and (home := home_again(tracker, text, read_text(users[-1]))) is not None:
        return home  # "那我们湖南呢" after "广东开店有补贴吗" was redirected
    if users and (end := other_end(text, read_text(users[-1]))) is not None:
        return fitted(end, question_shape.is_question)  # "那最高呢" after "最低缴费基数是多少"
    text = light_named(text, read_text(users[-1])) or text if users else text  # "黄的呢" after a light's meaning
    named = next(tracker.get_latest_entity_values(ITEM_ENTITY), None) is not None
    if users and not elliptical(text) and (count := carried_count(text, named, read_text(users[-1]))) is not None:
        return fitted(count, question_shape.is_question)  # "有几家" after "省级孵化基地有哪些类型"
    if users and (place := carried_place(text, named, read_text(users[-1]))) is not None:
        return fitted(place, question_shape.is_question)  # "能办哪些" after "创业服务窗口在哪"
    made_whole = _made_whole(text, list(tracker.latest_message.get("entities") or []), users, everyday)
    return fitted(as_question(made_whole, named), question_shape.is_question)  # "…办理时限" → "…是几个工作日"


def _made_whole(
    text: str, entities: list[dict[str, Any]], earlier: list[dict[str, Any]], everyday: bool, depth: int = 0
) -> str:
    """``text`` as a whole question, read against the user messages ``earlier`` (oldest first)."""
    match = WHAT_ABOUT.match(text)
    # "那医保呢" after the pension's rate names another scheme: asked alone (the knowledge base declines it)
    if match is None or not earlier or depth > MAX_CHAIN or names_other_scheme(match.group("subject")):
        return text
    previous = earlier[-1]
    said = read_text(previous)
    said_entities = list((previous.get("parse_data") or {}).get("entities") or [])
    before = _made_whole(said, said_entities, earlier[:-1], everyday, depth + 1)  # a follow-up before, made whole
    subject = match.group("subject")
    if (switched := kind_switched(subject, before)) is not None:
        return switched  # "那要是注册成公司呢": the company's, not the registration's
    tagged = next((str(e.get("value")) for e in entities if e.get("entity") == ITEM_ENTITY), None)
    code = tagged or subject_item(subject)
    if not code:
        return other_aspect(subject, before) or other_who(subject, before) or text
    if not question_shape.is_question(before):
        return text  # "谢谢" before "补贴呢": nothing asked to carry over
    own = SIDE.sub("", subject) if tagged or another_scheme(subject, code) else _word_for(code, subject)
    named = context.item_word(code) if everyday or not own else own  # "税务那边" → 税务, or 纳税人信息确认
    words = [said[e["start"] : e["end"]] for e in said_entities if _span(e)]
    words += [context.item_word(str(e.get("value"))) for e in said_entities if e.get("entity") == ITEM_ENTITY]
    words = sorted(filter(None, [*words, *_short_words()]), key=len, reverse=True)  # the whole name, not a part
    replaced = next((word for word in words if word in before), None)
    whole = without_then(before.replace(replaced, named, 1)) if replaced else f"{named}{without_then(before)}"
    if code != LOAN and LOAN_ONLY.search(whole):
        return f"{named}{MONEY_ASKED}"  # "贷款利息怎么算" → "补贴呢": what the subsidy gives, not its "interest"
    return whole


def read_text(event: dict[str, Any]) -> str:
    """A user message as the NLU read it (normalised: "利息怎麼算" → 利息怎么算), as the latest message is."""
    return str((event.get("parse_data") or {}).get("text") or event.get("text") or "").strip()


def _word_for(code: str, subject: str) -> str:
    """The user's own word for the item ``code`` in ``subject`` ("税务那边" → 税务), or ``""``."""
    return next((word for word, found in _short_words().items() if found == code and word in subject), "")


def _span(entity: dict[str, Any]) -> bool:
    """An item entity with its place in the text."""
    start, end = entity.get("start"), entity.get("end")
    return entity.get("entity") == ITEM_ENTITY and isinstance(start, int) and isinstance(end, int)


def subject_item(subject: str) -> str | None:
    """The item a follow-up's subject names by one of its words ("税务那边" → the taxpayer confirmation), if any."""
    bare = SIDE.sub("", subject)
    found = next((code for word, code in _short_words().items() if word in bare), None)
    if found is None and len(bare) >= MIN_PREFIX:  # "纳税人那个呢": the start of 纳税人信息确认, of one item only
        codes = {code for word, code in _short_words().items() if word.startswith(bare)}
        found = codes.pop() if len(codes) == 1 else None
    return found


def follow_up_item(tracker: Tracker) -> str | None:
    """The item "X呢" asks about: the one the NLU tagged, else the one its subject names by a short word."""
    text = str(tracker.latest_message.get("text") or "").strip()
    match = WHAT_ABOUT.match(text)
    if match is None:
        return None
    tagged = next(tracker.get_latest_entity_values(ITEM_ENTITY), None)
    if planned_kind(match.group("subject")) or names_other_scheme(match.group("subject")):
        return None  # "那要是注册成公司呢": another borrower, not the registration
    code = str(tagged) if tagged else subject_item(match.group("subject"))
    return None if code and another_scheme(match.group("subject"), code) else code


def item_spans(tracker: Tracker) -> list[tuple[int, int, str]]:
    """The items the latest message names, as (start, end, code), in the order they are named."""
    spans = []
    for entity in tracker.latest_message.get("entities") or []:
        start, end = entity.get("start"), entity.get("end")
        if entity.get("entity") == ITEM_ENTITY and isinstance(start, int) and isinstance(end, int):
            spans.append((start, end, str(entity["value"])))
    return sorted(spans)


def gist(tracker: Tracker, query: str) -> str:
    """A long query cut to its questions, headed by the first item the story names (at most :data:`GIST_CHARS`).

    "…听说有个创业担保贷款，利息还有补贴，我想问一下像我这种情况能贷多少钱" is searched as
    "创业担保贷款，我想问一下像我这种情况能贷多少钱": the story's other clauses only blur the search.
    """
    if len(query) <= GIST_CHARS:
        return query
    text = str(tracker.latest_message.get("text") or "")
    questions = [c for c in question_shape.CLAUSE_ENDS.split(query) if c and question_shape.is_question(c)]
    if not questions:
        return query[-GIST_CHARS:]
    asked = "，".join(questions)
    named = next((text[s:e] for s, e, _ in item_spans(tracker) if text[s:e] in query and text[s:e] not in asked), "")
    return f"{named}，{asked}"[-GIST_CHARS:] if named else asked[-GIST_CHARS:]


def in_chinese(tracker: Tracker, query: str) -> str:
    """The query with an item named in English ("创业loan能借多少") named by its Chinese word (创业贷款能借多少).

    What is asked in English ("GYB培训free吗", "创业补贴how-much") is asked in Chinese too (免费吗, 多少钱).

    Acronyms (SYB, GYB) are how Chinese users name the courses too, and stay.
    """
    text = str(tracker.latest_message.get("text") or "")
    for start, end, code in item_spans(tracker):
        named = text[start:end]
        if named.isascii() and named.isalpha() and not named.isupper() and named in query:
            query = query.replace(named, context.item_word(code))
    return in_chinese_words(query)


def per_item(tracker: Tracker) -> list[tuple[str, str]]:
    """One (question, item) per item of "A和B分别要几天"; empty unless the message asks the same of each item."""
    text = str(tracker.latest_message.get("text") or "")
    spans = item_spans(tracker)
    codes = list(dict.fromkeys(code for _, _, code in spans))
    if len(codes) < 2 or not EACH.search(text) or len(question_shape.questions(text)) > 1:
        return []
    first, last = spans[0][0], spans[-1][1]
    asked = EACH.sub("", text[last:])
    named = {code: text[start:end] for start, end, code in reversed(spans)}  # the first word naming each
    return [(f"{text[:first]}{named[code]}{asked}", code) for code in codes]


def items_in(tracker: Tracker, part: str) -> list[str]:
    """The items the latest message names inside ``part`` of its text."""
    return [code for code, _ in words_in(tracker, part)]


def words_in(tracker: Tracker, part: str) -> list[tuple[str, str]]:
    """(code, the user's word for it) of each item the latest message names inside ``part`` of its text."""
    text = str(tracker.latest_message.get("text") or "")
    return [
        (code, text[start:end])
        for start, end, code in item_spans(tracker)
        if text[start:end] and text[start:end] in part
    ]


# "税务那个要多久", "社保那块交多少": an item named by a short word and "那个" (the one about …).
THAT_ONE = ("的那个", "那个", "那项", "那一项", "那块", "那一块", "那边", "这边", "这块", "方面", "这个")
# "税务那边呢", "社保这块呢", "补贴方面呢": the side of things after an item's word, dropped from a subject.
SIDE = re.compile(rf"(?:{'|'.join(THAT_ONE)}|的)$")
MIN_SHORT_WORD = 2
MIN_PREFIX = 3  # a subject this long that starts one item's words only names that item
# "税务的要另外交材料吗", "那社保的呢": a message opening with an item's short word and 的.
OPENS_WITH = re.compile(r"^(?:那么|那)?(?P<word>[\u4e00-\u9fff]{2,6}?)的(?!话)")


@cache
def _short_words() -> dict[str, str]:
    """Every way users name an item (aliases and the words accepted only in context), longest first → code."""
    gazetteer = context.item_aliases()
    words = {
        word: code
        for table in (gazetteer.context_aliases, gazetteer.values)
        for code, aliases in table.items()
        for word in aliases
        if len(word) >= MIN_SHORT_WORD
    }
    return dict(sorted(words.items(), key=lambda pair: len(pair[0]), reverse=True))


def item_words() -> list[str]:
    """Every word naming an item (aliases and context words), longest first."""
    return list(_short_words())


def named_by_short_word(text: str, untagged: bool = False) -> tuple[str, str] | None:
    """("纳税人信息确认要多久", code) for "税务那个要多久": the question about the item a word + "那个" names.

    The NLU takes 税务 as the item only where its model tagged it, and "那个" blurs the search; the item's everyday
    name in its place says what is asked. With ``untagged`` (the NLU named no item), a message opening with the
    word and 的 ("税务的要另外交材料吗") names it too. ``None`` when no item is named that way.
    """
    words = _short_words().items()
    for word, code in words:
        for that in THAT_ONE:
            if f"{word}{that}" in text:
                return text.replace(f"{word}{that}", context.item_word(code), 1), code
    opening = OPENS_WITH.match(text) if untagged else None
    found = next((code for word, code in words if opening and opening.group("word") == word), None)
    if opening is None or found is None:
        return None
    return text.replace(opening.group(), context.item_word(found), 1), found


def names_item(text: str, code: str) -> bool:
    """Whether ``text`` names the item ``code`` by one of its words ("租房补贴怎么申请" names the subsidy's 补贴)."""
    return any(found == code and word in text for word, found in _short_words().items())


def qualifiers(text: str, code: str) -> set[str]:
    """The two characters said right before each word of the item ``code`` ("稳岗补贴怎么申请" → {"稳岗"}).

    A look-alike that shares them names the same other scheme (an example about 稳岗补贴 or 稳岗返还).
    """
    found = set()
    for word, item in _short_words().items():
        at = text.find(word) if item == code else -1
        if at >= 2 and all("\u4e00" <= c <= "\u9fff" for c in text[at - 2 : at]):
            found.add(text[at - 2 : at])
    return found
