"""Short follow-ups that carry the subject of the question before: a light's colour, the other end of a range.

"那黄的呢" after "绿灯是什么意思" asks what the yellow LIGHT means (a colour alone matches any text, even a
chit-chat example); "那最高呢" after "最低缴费基数是多少" asks the highest contribution BASE, not any maximum of
the knowledge base (the loan's 20万). :mod:`actions.knowledge.query_text` asks these as whole questions.
"""

import re

from actions.conversation import question_shape

# "黄的", "红色那个", "绿色的": a light named by its colour alone, in a message that says no 灯
COLOUR = re.compile(r"(?P<colour>[红黄绿])(?:色的|色|的)(?:那个|那种)?(?!灯)")
LIGHT_ASKED = re.compile(r"[红黄绿]灯|亮灯|指示灯|灯")
# the two ends of a range: "最低缴费基数" ↔ "最高缴费基数", "上限" ↔ "下限"
ENDS = {"最高": "最低", "最低": "最高", "上限": "下限", "下限": "上限", "最多": "最少", "最少": "最多"}
OTHER_END = re.compile(
    r"^(?:好的?[，,\s]*)?(?:那么|那)?(?P<end>最高|最低|上限|下限|最多|最少)(?:的|是|能|可以)?(?:呢|是多少|多少|有多少|是几)"
    r"[呢吗？?。！!]*$"
)
SHORT = 10


def light_named(text: str, before: str) -> str | None:
    """``text`` with its colour said as a light ("那黄的呢" → "那黄灯呢") when ``before`` asked about lights."""
    if len(text) > SHORT or "灯" in text or not LIGHT_ASKED.search(before):
        return None
    named = COLOUR.sub(lambda m: f"{m.group('colour')}灯", text, count=1)
    return named if named != text else None


def other_end(text: str, before: str) -> str | None:
    """The question ``before`` asked about the other end of its range ("那最高呢" after "最低缴费基数是多少")."""
    match = OTHER_END.match(text.strip())
    if match is None or not question_shape.is_question(before):
        return None
    end = match.group("end")
    said = ENDS[end]
    if said not in before or end in before:
        return None
    return re.sub(r"^(?:那么|那)", "", before.replace(said, end, 1))
