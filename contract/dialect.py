"""Hunan dialect words where they ask or deny what a standard word does, written once for both sides.

Standard library only. "补贴能拿好多" asks how much (好多 = 多少), "冇得执照" says there is none (冇得 = 没有), "那张
表叫么子名堂" asks its name. The NLU (``nlu_components.text_normalizer``, on training data and messages alike) reads
messages with :func:`standard_words`; the knowledge service (``bundle_service.knowledge.relayed``) searches questions
with :func:`in_questions`. Both read the words below, so a word added here reaches the intent classifier, the actions
and the search at once.

Only where the word cannot mean anything else: 好多 after a verb of getting or paying, or before a unit that is not
said of the past ("好多人来办", "等了好多天", "好多了" stay in a message: a crowd, a complaint, "much better"); 名堂
only after 叫 ("搞么子名堂" is "what a mess"). A question (the knowledge base sees only questions) may also ask with
好多 after a verb of waiting or saving ("省了好多", "要等好多天"): :func:`in_questions` reads those too. Every
replacement keeps the text's length (entity offsets stay valid).
"""

import re

# 好多 = 多少 right after these: verbs of getting, paying, taking ("能贷好多", "要交好多钱")
GETTING = "能要贷补交拿领借得花用办批给收付出赔缴"
# ... and, in a question only, after these (with 了/得 between: "省了好多", "快得好多"): waiting, saving, having
ASKING_ONLY = "有快等省少减"
# units 好多 may stand before to ask how many ("好多钱", "好多个工作日")
UNITS = r"(?:钱|天|年|万|块|个?工作日)"
_UNIT_NOT_PAST = rf"{UNITS}(?!前|以前|没|了)"
_NOT_MANY = r"(?![人了])"  # "好多人", "好多了": a crowd, "much better"

_DENIALS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"冇[得有]"), "没有"),  # "冇得执照", "原来冇有一件事"
    (re.compile(r"冇"), "没"),  # "办好冇"
    (re.compile(r"(?<=叫)(么子|什么|啥子|啥)?名堂"), r"\1名字"),  # "那个表叫么子名堂"; "搞么子名堂" stays
    (re.compile(r"咋个|啷个"), "怎么"),  # "咋个申请", "啷个报名": how, in every use
)
_STANDARD: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(rf"(?<=[{GETTING}])好多{_NOT_MANY}"), "多少"),
    # after 有 only at the end or before a unit ("补贴有好多", "有好多天"): "有好多人/问题" is "many"
    (re.compile(rf"(?<=有)好多(?=[?？。!！呀啊哦呢嘛哟咯啰噻撒\s]*$|{_UNIT_NOT_PAST})"), "多少"),
    # before a unit, not said of the past ("好多钱"; "过了好多天", "接到好多" stay)
    (re.compile(rf"(?<![了到有])好多(?={_UNIT_NOT_PAST})"), "多少"),
    *_DENIALS,
)
_IN_QUESTIONS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(rf"(?<=[{GETTING}{ASKING_ONLY}])好多{_NOT_MANY}"), "多少"),
    (re.compile(rf"(?<=[{GETTING}{ASKING_ONLY}][了得])好多{_NOT_MANY}"), "多少"),
    (re.compile(rf"好多(?={UNITS})"), "多少"),
    *_DENIALS,
)


def _rewritten(text: str, rewrites: tuple[tuple[re.Pattern[str], str], ...]) -> str:
    for pattern, standard in rewrites:
        text = pattern.sub(standard, text)
    return text


def standard_words(text: str) -> str:
    """``text`` (a message: statement or question) with the dialect words that ask or deny in standard words.

    Args:
        text: A normalised message (simplified, half-width).

    Returns:
        The text, as long as before ("补贴能拿好多" → "补贴能拿多少", "冇得执照" → "没有执照"; "好多人来办" stays).
    """
    return _rewritten(text, _STANDARD)


def in_questions(text: str) -> str:
    """``text`` (a question) in standard words, reading 好多 as 多少 also where only a question means it.

    "省了好多时间" and "要等好多天" ask how much and how long; in a message they may say "a lot" (:func:`standard_words`
    leaves them). "好多人来办" and "好多了" stay either way.
    """
    return _rewritten(text, _IN_QUESTIONS)
