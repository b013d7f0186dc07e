"""A figure the question itself states ("贷4年行吗", "想贷25万可以不"): the answer is the source stating that limit.

A question stating a figure with its unit asks whether that figure is within the policy's limit. The nearest text
by the scores is often a neighbour that states no figure of that unit at all ("谁能申请担保贷款" for "担保贷款贷4年
行吗": the 行吗 weighs like an eligibility question), and answering it leaves the figure asked unanswered. The
source stating a figure of the unit said (the term's 3年, the amount's 20万元) is the answer; a close source
stating none is no rival of it (:mod:`ranking`).
"""

import re

from bundle_service.knowledge.agreement import figures

# A figure said with its unit; a four-digit year ("2019年毕业") is a date, not a duration.
_SAID = re.compile(r"(?<!\d)(\d{1,3}(?:\.\d+)?|[一二两三四五六七八九十百千]+)\s*(个工作日|工作日|个月|万元|万|年|天)")
# the units as the knowledge base's figures carry them (agreement.figures)
_UNIT = {"个工作日": "工作日", "万元": "万"}


def units_said(text: str) -> frozenset[str]:
    """The units of the figures ``text`` states ("贷4年行吗" → {"年"}), none for a year or a bare number."""
    return frozenset(_UNIT.get(unit, unit) for _, unit in _SAID.findall(text))


# days said may be working days stated
_ALSO = {"天": ("工作日",)}


def states_unit(text: str, units: frozenset[str]) -> bool:
    """Whether ``text`` (a source's reply) states a figure of one of ``units`` ("最长3年" for {"年"})."""
    wanted = {u for unit in units for u in (unit, *_ALSO.get(unit, ()))}
    return any(figure.endswith(unit) for figure in figures(text) for unit in wanted)
