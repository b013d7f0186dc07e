"""Whether two sources state the same fact: near-duplicate FAQs agree, so their closeness is no ambiguity.

The ambiguity margin (:mod:`ranking`) refuses a direct answer when another source scores alike, because two
*different* facts scoring alike is a guess. But the knowledge base holds near-duplicates on purpose (a general
FAQ and a narrower one, a FAQ and the document section it comes from): "担保贷款最多贷多少" scores alike against
three loan FAQs that all say 20万元, and offering their titles instead of the answer refuses a question the
knowledge base answers. So a rival counts only when it states something the best source does not.

A source's key facts are what a reply asserts and a user checks: figures with their unit (20万元 → ``20万``,
15个工作日 → ``15工作日``, 60% → ``60%``) and the domain's fact words (departments, statuses, lights, 免提交 …,
:data:`FACT_WORDS` and the domain vocabulary of :mod:`text`). A rival whose key facts are all among the best
source's (and which has some) agrees with it: answering the best source asserts everything the rival would.
"""

import re
from functools import lru_cache

from bundle_service.knowledge.text import DOMAIN_WORDS, normalize

# Figures: a number (Arabic, as the content writes figures) and the unit that makes it a fact.
_FIGURE = re.compile(r"(\d+(?:\.\d+)?)\s*(万元|万|元|个工作日|工作日|个月|天|年|%|位|项|家|个基点|基点|岁|倍)")
_UNITS = {"万元": "万", "个工作日": "工作日", "个基点": "基点"}
# Who does what: the departments a source names.
DEPARTMENT_WORDS = (
    "人社部门",
    "社保经办机构",
    "社会保险经办",
    "市场监督管理",
    "定点培训机构",
    "公共就业服务",
    "担保机构",
    "经办银行",
    "市场监管",
    "税务部门",
    "运营机构",
)
# Who does what and the states a user asks about: facts without a figure.
FACT_WORDS = (
    *DEPARTMENT_WORDS,
    "一次性",
    "按月",
    "自动",
    "不收费",
    "免费",
)
# Yes or no: part of what a source states, but not enough on its own to show two sources say the same thing.
POLARITY_WORDS = ("不需要", "不用", "需要", "可以", "不能", "不可以")
_WORDS = tuple(dict.fromkeys((*FACT_WORDS, *DOMAIN_WORDS, *POLARITY_WORDS)))


@lru_cache(maxsize=4096)
def key_facts(text: str) -> frozenset[str]:
    """The figures (with their unit) and fact words ``text`` states."""
    text = normalize(text)
    figures = {f"{number}{_UNITS.get(unit, unit)}" for number, unit in _FIGURE.findall(text)}
    words = {word for word in _WORDS if word in text}
    # a longer fact word states its parts ("不需要" is not also "需要")
    words = {w for w in words if not any(w != other and w in other for other in words)}
    return frozenset(figures | words)


def agrees(rival: str, best: str) -> bool:
    """Whether answering with ``best`` asserts every key fact of ``rival`` (texts of the two sources).

    A rival with no key fact but yes or no never agrees: nothing shows it says the same thing.
    """
    facts = key_facts(rival)
    return bool(facts - frozenset(POLARITY_WORDS)) and facts <= key_facts(best)


def same_figures(rival: str, best: str) -> bool:
    """Whether the figures one text states (with their units) are all among the other's, and there are some.

    An item's FAQ and its document section on the same aspect say "20个工作日" both; one adds the 5 days of public
    notice: the same figure asked, no rival.
    """
    ours, theirs = _figures(best), _figures(rival)
    return bool(ours and theirs) and (theirs <= ours or ours <= theirs)


def figures(text: str) -> frozenset[str]:
    """The figures ``text`` states, each with its unit ("20万元" → ``20万``, "15个工作日" → ``15工作日``)."""
    return _figures(text)


def _figures(text: str) -> frozenset[str]:
    return frozenset(f"{number}{_UNITS.get(unit, unit)}" for number, unit in _FIGURE.findall(normalize(text)))


def same_department_or_figures(one: str, other: str) -> bool:
    """Whether two sources give one answer to "which department" or "how much/long".

    The same departments named (some), or the same figures stated (:func:`same_figures`).

    A which-department question about the employment certificate offered its FAQ and its document section, both
    saying 人社部门: either answer is the same.
    """
    if same_figures(one, other):
        return True
    ours, theirs = (_departments(normalize(t)) for t in (one, other))
    return bool(ours) and ours == theirs


def _departments(text: str) -> frozenset[str]:
    named = {w for w in DEPARTMENT_WORDS if w in text}
    return frozenset(w for w in named if not any(w != o and w in o for o in named))
