"""A question asked as a noun phrase: an item and what is wanted of it, with no question word and no request verb.

"孵化基地申请办理期限", "创业补贴申领条件", "担保贷款办理流程" ask the item's time limit, conditions or steps, the
way a form or a notice heads them. Searched as they stand, the embedding hears "孵化基地 … 期限" and answers the
incubation period (3 years); made whole ("…办理期限是几个工作日") they get the processing limit (10个工作日).
:func:`asks_by_noun` says whether a message is such a question (for the routers: a question, never a request).
"""

import re

from actions.conversation import question_shape

# What is wanted, at the end of the phrase → the question it stands for. A loan's bare 期限 is its term, not a
# processing limit: only 时限 and a 期限 of handling (办理/审批/审核/法定/承诺) ask the working days.
ASPECTS = (
    (re.compile(r"(?:(?:办理|审批|审核|法定|承诺|办结)(?:期限|时间)|时限)$"), "是几个工作日"),
    (re.compile(r"(?:条件|要求|资格|门槛)$"), "是什么"),
    (re.compile(r"(?:流程|步骤|程序|手续)$"), "是什么"),
    (re.compile(r"(?:材料|材料清单|资料|所需材料|要件)$"), "有哪些"),
)
TRAILING = re.compile(r"[。.！!～~\s]+$")


def asks_by_noun(text: str) -> bool:
    """Whether ``text`` asks about something by a noun phrase ending in what is wanted ("…办理时限")."""
    plain = TRAILING.sub("", text)
    if not plain or question_shape.is_question(plain) or question_shape.is_request(plain):
        return False
    return any(pattern.search(plain) for pattern, _ in ASPECTS)


def as_question(text: str, names_item: bool) -> str:
    """``text`` made a whole question when it is a noun-phrase question about an item (``names_item``), else as is.

    "孵化基地申请办理期限" → "孵化基地申请办理期限是几个工作日"; "创业补贴申领条件" → "创业补贴申领条件是什么".
    """
    if not names_item or not asks_by_noun(text):
        return text
    plain = TRAILING.sub("", text)
    return next(f"{plain}{asked}" for pattern, asked in ASPECTS if pattern.search(plain))
