"""What a question asks and names, and which sources fit it: the answer rule's view of the question.

Two facts of one item often score alike ("养老保险缴费比例" vs "缴费基数", "个人能贷多少" vs "小微企业能贷多少"),
and the answer rule (:mod:`ranking`) refuses to guess between them. Two things tell them apart without the
scores: what the question asks (its question types, :mod:`facets`, read from the message; a source's from its
title only) and which items it names (the NLU's item gazetteer, :mod:`combined`). A source *fits* a question
when its title asks one of the question's types, names no other subject (a person, partners, an enterprise) than
the question does (if it names any), and, if the question names items, belongs to one of them.

- A close source that does not fit is no rival of a best source that does: their closeness is no guess.
- A question asking two or more types at once ("贷款额度和期限", "缴费基数和比例各是多少") is answered by one
  source per type (:func:`facet_parts`), not by the one that happens to score best.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from bundle_service.knowledge.agreement import agrees
from bundle_service.knowledge.answers import shorten
from bundle_service.knowledge.facets import QuestionTypes
from bundle_service.knowledge.figures import Figures
from bundle_service.knowledge.said_figures import states_unit

if TYPE_CHECKING:  # the answer rule (ranking) asks this module about its hits
    from bundle_service.knowledge.ranking import SourceHit

# A part of a two-facet answer must score within this much of the best source (as the titles offered).
PART_SPAN = 0.08
MAX_PARTS = 3


@dataclass(frozen=True)
class Asked:
    """What one question asks (question types) and names (item codes, another scheme), and the table reading types."""

    types: frozenset[str] = frozenset()
    items: frozenset[str] = frozenset()
    table: QuestionTypes = field(default_factory=QuestionTypes)
    subjects: frozenset[str] = frozenset()
    scheme: str = ""  # a benefit named that is none of the items ("稳岗补贴", :mod:`schemes`)
    mentioned: frozenset[str] = frozenset()  # items named or mentioned in context words ("执照…税务局": two)
    figures: Figures | None = None  # the question asks for a figure: what states one (:mod:`figures`)
    text: str = ""  # the question as searched
    follow_up: bool = False  # the item is the conversation's: the question names none ("多久能好" after a course)
    units: frozenset[str] = frozenset()  # units of figures the question states ("贷4年行吗": 年, :mod:`said_figures`)
    cases: frozenset[str] = frozenset()  # the one-off cases the question names ("有车贷": a consumer loan)
    aspects: frozenset[str] = frozenset()  # aspect words outranking a figure or item word (:mod:`aspects`)

    def __post_init__(self) -> None:
        """The figures narrowed to the kinds this question asks (:meth:`figures.Figures.asked_in`)."""
        if self.figures is not None:
            object.__setattr__(self, "figures", self.figures.asked_in(self.text))

    def offered(self, hit: SourceHit) -> frozenset[str]:
        """The asked types that ``hit``'s title answers."""
        return self.table.of(hit.entry.section) & self.types if self.types else frozenset()

    @property
    def said_types(self) -> frozenset[str]:
        """The types the figures the question states ask ("贷600万行吗": the amount, ``figure_choice`` by unit)."""
        return frozenset(self.table.choices[u] for u in self.units if u in self.table.choices)

    def fits(self, hit: SourceHit) -> bool:
        """Whether ``hit``'s title asks what the question asks, about an item the question names (if it names any).

        What it asks: a type asked, or the type of a figure it states whose unit ``hit``'s reply states a figure of
        ("企业想贷600万行吗": the amount's limit). A question that asks no known type fits nothing: there is
        nothing to tell neighbours apart by.
        """
        said = self.table.of(hit.entry.section) & self.said_types and self.states_said(hit)
        if not (self.offered(hit) or said):
            return False
        if self.subjects and self.table.subjects_of(hit.entry.section) - self.subjects:
            return False
        return not self.items or hit.entry.item in self.items

    def states_said(self, hit: SourceHit) -> bool:
        """Whether ``hit``'s reply states a figure of a unit the question states a figure of ("3年" for "贷4年")."""
        return bool(self.units) and states_unit(shorten(hit.entry.text), self.units)

    def of_its_case(self, hit: SourceHit) -> bool:
        """Whether ``hit`` is about no one-off case the question does not name.

        "我有车贷还能贷吗" is answered "能" by the car loan's FAQ; a question about an unpaid business loan is not
        (it is "不能"): a source whose title names a case (``cases`` of question_types.yml) answers only that case.
        """
        return self.table.cases_of(hit.entry.section) <= self.cases

    def offers_aspect(self, hit: SourceHit, aspects: frozenset[str] | None = None) -> bool:
        """Whether ``hit``'s title answers one of the aspects asked (or of ``aspects``)."""
        wanted = self.aspects if aspects is None else aspects
        return bool(wanted) and self.table.offers(hit.entry.section, wanted)

    def of_its_subject(self, hit: SourceHit) -> bool:
        """Whether ``hit`` names no other subject than the question, no other item and no case it does not name."""
        if self.subjects and self.table.subjects_of(hit.entry.section) - self.subjects:
            return False
        named = self.items or self.mentioned  # "想贷个十五万": 贷 mentions the loan
        if named and hit.entry.item and hit.entry.item not in named:
            return False
        return self.of_its_case(hit)

    def plausible(self, hit: SourceHit, by_type: bool = True) -> bool:
        """Whether ``hit``'s title agrees with the question in something and contradicts it in nothing.

        It asks the type asked or belongs to the item named (one of them at least), asks no other type when the
        question asks one, names no other subject, belongs to the item named or is bundle-wide (an item's source
        for a question naming no item is not: "那能借几年" without context), and to no case the question does not
        name. A question that asks no known type and names no item agrees with nothing.
        ``by_type`` False: the types are not compared (a figure said, "贷6年可以吗", is weighed by its unit).
        """
        named = bool(self.items) and hit.entry.item in self.items
        if not ((by_type and self.offered(hit)) or named):
            return False
        if by_type and self.types and not self.offered(hit):
            return False
        if self.subjects and self.table.subjects_of(hit.entry.section) - self.subjects:
            return False
        if hit.entry.item and not named:  # an item's source for a question naming none or another item
            return False
        return self.of_its_case(hit)

    def sure(self, hit: SourceHit) -> bool:
        """Whether ``hit`` is clearly the fact asked: it fits, and the question names one item, ``hit``'s.

        The item named in the message or, for a follow-up naming none, the conversation's. A question naming no
        item or several is never sure: the item words are what tells two facts apart when the scores do not.
        """
        return len(self.items) == 1 and self.fits(hit)


NOTHING_ASKED = Asked()


def sure_first(candidates: list[SourceHit], asked: Asked, margin: float) -> list[SourceHit]:
    """``candidates`` with a source that is clearly the fact asked put first when it scores alike with the best.

    "养老保险登记归哪个部门管" scores the taxpayer confirmation's department and the pension registration's alike:
    the question names the pension registration, so the source of that item asking the department answers. Only
    when the best source is not itself sure and the sure one is within ``margin`` (the ambiguity margin).
    """
    if not candidates or asked.sure(candidates[0]):
        return candidates
    lowest = candidates[0].score - margin
    sure = next((h for h in candidates[1:] if h.score >= lowest and asked.sure(h)), None)
    if sure is None:
        return candidates
    return [sure, *(h for h in candidates if h is not sure)]


def said_figure_first(candidates: list[SourceHit], asked: Asked, margin: float) -> list[SourceHit]:
    """``candidates`` with the best source stating a figure of the unit the question states put first.

    Within ``margin`` of a best source stating none, of no other item than the one named and no case not named.

    "担保贷款贷4年行吗" scored who may borrow first (行吗 asks whether); the term's FAQ states the limit the 4 years
    are weighed against (最长3年). Unchanged when the question states no figure, the best source states one, or
    the best source's title asks a type the question asks other than whether ("3个工作日是不是周一就到期":
    how working days are counted, not the item's days).
    """
    if not candidates or not asked.units or asked.states_said(candidates[0]):
        return candidates
    if asked.offered(candidates[0]) - {"eligibility"}:  # the best asks what is asked ("3个工作日周末算不算")
        return candidates
    lowest = candidates[0].score - margin
    stating = next(
        (
            h
            for h in candidates[1:]
            if h.score >= lowest
            and asked.states_said(h)
            and asked.of_its_case(h)
            and not (asked.items and h.entry.item and h.entry.item not in asked.items)
        ),
        None,
    )
    if stating is None:
        return candidates
    return [stating, *(h for h in candidates if h is not stating)]


def unit_parts(candidates: list[SourceHit], asked: Asked) -> list[SourceHit]:
    """Sources adding the limits of the other units the question states, best first (``[]``: none to add).

    "贷15万3年可以吗": the amount's 20万元 besides the term's 3年; nothing when the best source states every unit.

    Each unit the best source states no figure of takes the best candidate within :data:`PART_SPAN` that does
    (of the item named and no case not named), unless its facts are the best source's already.
    """
    if len(asked.units) < 2 or not candidates or not asked.states_said(candidates[0]):
        return []
    best = candidates[0]
    shown = shorten(best.entry.text)
    lowest = best.score - PART_SPAN
    parts: list[SourceHit] = []
    for unit in sorted(asked.units):
        if states_unit(shown, frozenset({unit})) or any(
            states_unit(shorten(p.entry.text), frozenset({unit})) for p in parts
        ):
            continue
        part = next(
            (
                h
                for h in candidates[1:]
                if h.score >= lowest
                and states_unit(shorten(h.entry.text), frozenset({unit}))
                and asked.plausible(h, by_type=False)
                and not agrees(h.entry.text, shown)
            ),
            None,
        )
        if part is not None:
            parts.append(part)
    return parts


def of_named_item(candidates: list[SourceHit], asked: Asked) -> list[SourceHit]:
    """``candidates`` narrowed to the one item the question names (and bundle-wide sources), when another leads.

    "补贴批下来要几个工作日" scored the loan's 15 working days first: the time words weigh more than the item's
    name. A question naming one item is never answered from another item's source; the named item's sources (and
    the bundle's own) are what the rule decides between. Unchanged when the question names no item or several (also
    by a word naming one only in context: "拿了执照还要去税务局吗"), or when the best source is already the named
    item's or the bundle's.
    """
    first = candidates[0].entry.item if candidates else ""
    if len(asked.items) != 1 or len(asked.items | asked.mentioned) > 1 or not first or first in asked.items:
        return candidates
    return [h for h in candidates if not h.entry.item or h.entry.item in asked.items]


def facet_parts(candidates: list[SourceHit], asked: Asked, floor: float) -> list[SourceHit]:
    """One source per facet asked ("额度和期限", "培训和孵化各要几天"), else ``[]``.

    A question asking two or more types of one item, or one type of two or more items, has several facets. Each
    facet (an item and a type) takes the best candidate of that item whose title asks that type, scoring at least
    ``floor`` and within :data:`PART_SPAN` of the best candidate (with one item named or none, the item is
    the first fitting candidate's). A part whose facts another part's reply already states is dropped (the
    pension rate's FAQ also states the base). Only when every facet has its part, two or more remain and the best
    candidate is one of them is the question answered in parts.

    Args:
        candidates: Answer hits (no out-of-scope examples), best first.
        asked: What the question asks and names.
        floor: The not-found floor.

    Returns:
        The parts in rank order, or ``[]``.
    """
    several_items = len(asked.items) >= 2
    if not candidates or not asked.types or (len(asked.types) < 2 and not several_items):
        return []
    lowest = max(floor, candidates[0].score - PART_SPAN)
    eligible = [h for h in candidates if h.score >= lowest and asked.fits(h)]
    if not eligible:
        return []
    items = sorted(asked.items) if several_items else [eligible[0].entry.item]
    parts: list[SourceHit] = []
    for item in items:
        for kind in sorted(asked.types):
            if any(p.entry.item == item and kind in asked.offered(p) for p in parts):
                continue
            part = next((h for h in eligible if h.entry.item == item and kind in asked.offered(h)), None)
            if part is None:
                return []
            parts.append(part)
    parts.sort(key=lambda h: h.score, reverse=True)
    kept = [p for p in parts if not any(q is not p and agrees(p.entry.text, shorten(q.entry.text)) for q in parts)]
    best = candidates[0]
    # the best source dropped because a part states its facts too ("最多借几万最长借几年": one FAQ states both)
    covered = best in parts and any(q is not best and agrees(best.entry.text, shorten(q.entry.text)) for q in kept)
    if not kept or len(kept) > MAX_PARTS or (best not in kept and not covered):
        return []  # the best source's facts are always among the parts: parts add to an answer, never replace it
    return kept if len(kept) >= 2 or covered else []


def same_aspect(a: SourceHit, b: SourceHit, table: QuestionTypes) -> bool:
    """Whether two sources answer the same aspect of the same item, by their titles' types and subjects.

    An item's FAQ and its document section ("创业补贴由哪个部门审核" and "创业补贴申领：办理部门").
    """
    if not a.entry.item or a.entry.item != b.entry.item:
        return False
    types = table.of(a.entry.section)
    return (
        bool(types)
        and types == table.of(b.entry.section)
        and table.subjects_of(a.entry.section) == table.subjects_of(b.entry.section)
    )
