"""An answer shown for the one subject asked: the neighbouring subject's figure is left out.

Several answers state a rule for a person and for an enterprise side by side ("个人最长3年，小微企业最长2年"),
because a general question ("贷款最长几年") wants both. Asked about one of them ("小微企业贷款最长几年"), the reply
asserted the other's figure as well, and read as the wrong fact. A question naming exactly one subject (a person,
partners, an enterprise: ``subjects`` of ``question_types.yml``) gets the answer without the clauses about another
subject; a clause naming none that follows one about another subject in the same sentence continues it and goes
too ("合伙创业的按人数合计，人均还可上浮…"). Nothing is left out when the rest would state no figure the whole
answer states, or nothing at all.
"""

import re

from bundle_service.knowledge.facets import QuestionTypes

# Units of an answer: a parenthesis, or a clause ending in a comma-like mark; sentences end in 。；！？.
_UNIT = re.compile(r"（[^（）]*）|\([^()]*\)|[^，,、；;。！？（）()]+[，,、]?|[；;。！？]")
_SENTENCE_END = "；;。！？"
_DIGIT = re.compile(r"\d")
# 个人 alone is no subject cue of the table (个人账户, 个人创业), but "小微企业能贷多少，个人呢" asks about a
# person too: a question saying it anyway keeps the person's clauses.
PERSON_TOO = re.compile(r"个人(?!账户|创业)")
# A partnership's limit is its partners' individual limits added up: the person's figure is part of its answer.
BUILT_ON = {"partners": frozenset({"person"})}


def for_subject(text: str, asked: frozenset[str], table: QuestionTypes, question: str = "") -> str:
    """``text`` without what it says about subjects other than the one ``asked`` (unchanged unless exactly one).

    Args:
        text: The answer as it would be shown.
        asked: The subjects the question names.
        table: The question-type table that reads subjects.
        question: The question (a bare 个人 in it keeps the person's clauses).
    """
    if len(asked) != 1 or (PERSON_TOO.search(question) and asked != {"person"}):
        return text
    own = asked | BUILT_ON.get(next(iter(asked)), frozenset())
    if not table.subjects_of(text) - own:
        return text
    kept: list[str] = []
    other = False  # inside a sentence whose last clause naming a subject named another one
    for unit in _UNIT.findall(text):
        if unit in _SENTENCE_END:
            other = False
            if kept and kept[-1][-1:] not in _SENTENCE_END:
                kept[-1] = kept[-1].rstrip("，,、") + unit
            continue
        named = table.subjects_of(unit)
        aside = unit[:1] in "（("  # a parenthesis about another subject goes alone: what follows is not about it
        if aside and named - own:
            continue
        if named and not aside:
            other = bool(named - own)
        if not other:
            kept.append(unit)
    shown = "".join(kept).strip()
    if not shown or (_DIGIT.search(text) and not _DIGIT.search(shown)):
        return text
    return shown if shown[-1] in "。！？" else shown.rstrip("，,、；;") + "。"
