"""Hunan dialect words where they ask what the standard word asks, rewritten before the NLU reads the message.

"补贴能拿好多" asks how much (好多 = 多少), "冇得执照" says there is none (冇得 = 没有), "那张表叫么子名堂" asks its
name. The intent classifier and the actions' question words know the standard words; the dialect words pulled a
how-much question into a form and a dialect "no" into nothing. Only where the word cannot mean anything else:
好多 after a verb of getting or paying, or before a unit that is not said of the past ("好多人来办", "等了好多天",
"好多了" stay: a crowd, a complaint, "much better"); 名堂 only after 叫 ("搞么子名堂" is "what a mess"). Every
replacement keeps the text's length (entity offsets stay valid), and the normaliser runs it on training data and
on messages alike. The knowledge base reads the same words, looser (it sees questions only), from
``knowledge_base/relayed.yml`` (``dialect_words``).
"""

import re

_UNIT = r"(?:钱|天|年|万|块|个?工作日)(?!前|以前|没|了)"
_REWRITES: tuple[tuple[re.Pattern[str], str], ...] = (
    # after a verb of getting or paying ("能贷好多", "要交好多钱"), not a crowd or "much better"
    (re.compile(r"(?<=[能要贷补交拿领借得花用办批给收付出赔缴])好多(?![人了])"), "多少"),
    # after 有 only at the end or before a unit ("补贴有好多", "有好多天"): "有好多人/问题" is "many"
    (re.compile(rf"(?<=有)好多(?=[?？。!！呀啊哦呢嘛哟咯啰噻撒\s]*$|{_UNIT})"), "多少"),
    # before a unit, not said of the past ("好多钱", "好多个工作日"; "过了好多天", "接到好多" stay)
    (re.compile(rf"(?<![了到有])好多(?={_UNIT})"), "多少"),
    (re.compile(r"冇[得有]"), "没有"),
    (re.compile(r"冇"), "没"),
    (re.compile(r"(?<=叫)(么子|什么|啥子|啥)?名堂"), r"\1名字"),
)


def standard_words(text: str) -> str:
    """``text`` with the dialect words that ask or deny in their standard words, of the same length.

    Args:
        text: A normalised message (simplified, half-width).

    Returns:
        The text, as long as before ("补贴能拿好多" → "补贴能拿多少", "冇得执照" → "没有执照").
    """
    for pattern, standard in _REWRITES:
        text = pattern.sub(standard, text)
    return text
