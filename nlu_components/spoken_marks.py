"""Punctuation read out in voice input ("我叫周大山逗号身份证…逗号手机…句号"), written as the marks it names.

Voice typing on a phone writes the marks a speaker says as words: 逗号, 句号, 问号. Left as words they end up
inside stored values (project "逗号大山茶馆逗号", address "…1号句号") and hide the clause ends every reader splits
at. The text normaliser (:mod:`nlu_components.text_normalizer`) turns them into the marks before the NLU, the
gazetteer and the actions read the message.

A mark word is a mark only where a speaker dictates: the message says two of them, or one at its very end after a
value ("…1号句号"). Talk about a mark ("用逗号隔开吗", "画上句号", "后面那个问号是什么意思") keeps its words.
"""

from __future__ import annotations

import re

# The mark a dictated word names, half-width where the normaliser makes marks half-width (，→ ,).
SPOKEN_MARKS: dict[str, str] = {
    "逗号": ",",
    "顿号": "、",
    "句号": "。",
    "问号": "?",
    "冒号": ":",
    "分号": ";",
    "感叹号": "!",
    "叹号": "!",
    "空格": " ",
}
# Words before a mark word that make it a thing talked about ("一个逗号", "用逗号", "画上句号", "什么问号").
TALKED_ABOUT = r"个|的|加|用|打|画|带|上|是|敲|按|输|有|无|没|不|要|这|那|什么|哪"
_WORDS = "|".join(sorted(SPOKEN_MARKS, key=len, reverse=True))
MARK_WORD = re.compile(rf"(?<!{TALKED_ABOUT.replace('|', ')(?<!')})(?:{_WORDS})")
# One dictated mark ending the message right after a value: "…1号句号", "…茶馆句号".
LAST_MARK = re.compile(rf"(?<=[\u4e00-\u9fff\dA-Za-z])(?:{_WORDS})[\s。.!?]*$")
MIN_MARKS = 2  # a message dictating its punctuation says at least two marks, or ends with one


def written_marks(text: str) -> str:
    """``text`` with each dictated mark word written as its mark ("逗号" → ","); other text unchanged.

    The length may change: read the result, do not map offsets back through it.

    Args:
        text: The message as normalised (simplified, half-width).

    Returns:
        The message with its dictated punctuation written; ``text`` itself when nothing was dictated.
    """
    found = MARK_WORD.findall(text)
    if not found:
        return text
    last = LAST_MARK.search(text)
    if len(found) < MIN_MARKS and not (last and MARK_WORD.match(text, last.start())):
        return text
    return MARK_WORD.sub(lambda match: SPOKEN_MARKS[match.group(0)], text)
