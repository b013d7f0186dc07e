"""From scored entries to an answer decision: one hit per source, then answer / suggest / not found.

A wrong confident answer is the worst outcome for a government service, worse than an honest "not sure". So a
source is answered directly only when it is both confident (at or above the direct-answer threshold) and clear
(no other source scores within the ambiguity margin of it: two different facts scoring alike is a guess). A
question that is ours but not answered directly gets the titles of the nearest sources to pick from
(``suggest``), never another question's answer. Sources that state the same fact (near-duplicate FAQs,
:mod:`agreement`) are no rivals: their closeness is no guess; nor is a source that does not fit what the question
asks when the best one does (:mod:`fit`). A question asking two facets of one item gets one source per facet.
"""

from dataclasses import dataclass, field
from typing import Literal

from bundle_service.knowledge.agreement import agrees, same_figures
from bundle_service.knowledge.answers import shorten
from bundle_service.knowledge.aspect_choice import aspect_cover, aspect_first, aspect_parts, one_agreeing
from bundle_service.knowledge.entries import OUT_OF_SCOPE, Entry
from bundle_service.knowledge.fit import (
    NOTHING_ASKED,
    Asked,
    facet_parts,
    of_named_item,
    said_figure_first,
    same_aspect,
    sure_first,
    unit_parts,
)
from bundle_service.knowledge.index import ScoredEntry
from bundle_service.knowledge.same_fact import agreeing, covering

Status = Literal["faq", "answer", "suggest", "not_found"]
MAX_CHOICES = 3
# Sources offered to pick from must score within this much of the best one (and above the floor).
CHOICE_SPAN = 0.08
# A question naming a scheme that is none of the items ("稳岗补贴能领多少钱") is declined when an out-of-scope
# example scores within this much below our best source: the two score alike, and the scheme named decides.
NEAR_TIE_MARGIN = 0.02
# A question naming one item is decided between that item's sources and the bundle's (fit.of_named_item).
NAMED_ITEM_ONLY = True
# Below the direct-answer threshold, the close sources (within the ambiguity margin's span of choices) all answering
# the same aspect of one item and stating the same facts are answered instead of offered as titles.
AGREEING_ANSWER = True
# A best source clearly the fact asked about the one item named has no rival that is not (measured: no dev-set change).
SURE_NO_RIVALS = True
# A source clearly the fact asked about the one item named (fit.Asked.sure) goes first when it scores within this
# much of a best source that is not ("一次性创业补贴要带什么材料": who may apply scored 0.007 above the materials).
# Measured at 0.02 through the bot (round 9): 4 right answers of the independent sets turned wrong (a cue word said
# in passing, "开多久", read as the type asked), so it is off; the fit threshold's own use stays.
SURE_SPAN = 0.0
# A follow-up naming no item (the conversation's item): the item's own source clearly answering the aspect asked goes
# first when it scores within this much of a bundle-wide or other best source ("多久能好" after a course drew the
# list of every item's days, 0.003 ahead of the course's own time limit). Measured at 0.01 through the bot (round 10):
# no question of the five older sets turned right with it (a stale context item is its risk), so it is off.
FOLLOW_UP_SURE_SPAN = 0.0
# A figure asked ("多少钱", "每平", "上几天") that the answering source does not state is a content gap (figures.py).
FIGURE_GAPS = True
# Titles to pick from that would be one title only, clearly the fact asked about the one item named (fit.Asked.sure:
# it asks the type asked, names no other subject, belongs to the item): answered. A menu of one refuses the only
# source found, which is the fact asked ("孵化基地能待几年" scoring between the floor and the direct threshold).
ONE_SURE_TITLE = True
# Titles to pick from that would be one title only, whose title contradicts nothing the question says (the type
# asked, the subject, the item, the case: fit.Asked.plausible): answered. No rival scores near it; the menu only
# asked the user to confirm the one source found ("补正是么子意思": the 补正 FAQ offered alone).
ONE_PLAUSIBLE_TITLE = True
# A figure the question states ("贷4年行吗", "贷25万可以不"): the source stating a figure of that unit goes first when
# it scores within this much of a best source stating none (fit.said_figure_first), and a close source stating none
# is no rival of it.
SAID_FIGURE_SPAN = 0.05
# Aspect words ("一共", "条件", "征信", "需补正": :mod:`aspects`) outrank a figure or an item word: the source whose
# title answers the aspect goes first when it scores within this much of a best source answering none, a close source
# answering no aspect asked is no rival of it, and a second aspect asked gets its own source (aspect_choice).
ASPECT_SPAN = 0.05
# A menu of titles of which exactly one agrees with what the question asks (its type or aspect): that one answers.
ONE_AGREEING_TITLE = True
# A source about one case (a car loan, ``cases`` of question_types.yml) answers only a question naming that case
# (an unpaid business loan got the car loan's "能").
CASES_APART = True


@dataclass(frozen=True)
class Thresholds:
    """The measured retrieval settings.

    Attributes:
        bm25_weight: Weight of normalised BM25 in the hybrid score (dense cosine gets ``1 - w``).
        faq_threshold: A source (FAQ or document section) at or above this hybrid score may be answered directly.
        floor: Below this hybrid score the answer is "not found".
        out_of_scope_margin: "Not found" also when an out-of-scope example scores at least the best answer's
            score plus this margin (negative: even when slightly below it).
        ambiguity_margin: No direct answer when another source scores within this much of the best one.
        type_bonus: Added to a source that answers the kind of question asked (amount, time limit …).
        type_penalty: Taken from a source that answers other kinds of question only.
        same_fact_agrees: A source within the ambiguity margin that states no fact the best one does not
            (:func:`agreement.agrees`) is no rival.
        fit_threshold: A best source that fits the question (:meth:`fit.Asked.fits`) may be answered directly
            from this score on (below ``faq_threshold``); close sources that do not fit are then no rivals.
            None: off.
        facet_parts: A question asking two or more facets of one item is answered by one source per facet
            (:func:`fit.facet_parts`).
    """

    bm25_weight: float
    faq_threshold: float
    floor: float
    out_of_scope_margin: float = 0.0
    ambiguity_margin: float = 0.0
    type_bonus: float = 0.0
    type_penalty: float = 0.0
    same_fact_agrees: bool = False
    fit_threshold: float | None = None
    facet_parts: bool = False


@dataclass(frozen=True)
class SourceHit:
    """The best-scoring entry of one source (a FAQ, or one section of a document)."""

    source: str
    entry: Entry
    score: float
    dense: float
    bm25: float


@dataclass(frozen=True)
class Decision:
    """What to answer: the status, the hit it rests on (None unless answered), the ranked hits, the choices.

    ``choices`` (status ``suggest``) are the sources whose titles the user may pick from, best first; ``parts``
    the further sources answered with ``best`` (one per facet asked, :func:`fit.facet_parts`); ``declined`` the
    scheme named that is none of the items, when the question was refused for it (``not_found``).
    """

    status: Status
    best: SourceHit | None
    hits: list[SourceHit]
    choices: list[SourceHit] = field(default_factory=list)
    parts: list[SourceHit] = field(default_factory=list)
    declined: str = ""
    gap: SourceHit | None = None  # not found: the source nearest a figure it does not state (:mod:`figures`)


def by_source(scored: list[ScoredEntry]) -> list[SourceHit]:
    """Keep each source's best entry, in score order (several chunks of one section count once)."""
    seen: dict[str, SourceHit] = {}
    for item in scored:
        source = item.entry.source
        if source not in seen:
            seen[source] = SourceHit(source, item.entry, item.score, item.dense, item.bm25)
    return list(seen.values())


def answers(hits: list[SourceHit]) -> list[SourceHit]:
    """The hits that can answer (out-of-scope examples left out), in order."""
    return [h for h in hits if h.entry.kind != OUT_OF_SCOPE]


def rival(
    candidates: list[SourceHit],
    margin: float,
    same_fact_agrees: bool = False,
    asked: Asked | None = None,
    fit_rivals: bool = False,
) -> SourceHit | None:
    """The best other source scoring within ``margin`` of the best one (None when the best one is clear).

    ``same_fact_agrees``: a source stating no fact the best one's reply (its answer as shown, shortened) does not
    is no rival (:mod:`agreement`), nor one answering the same aspect of the same item that states at least what
    the best one does (:func:`fit.same_aspect`, with ``asked``'s table). ``fit_rivals`` and the best source fits
    ``asked``: a source that does not fit is no rival (:mod:`fit`; measured: it turned a menu of the dev set into
    a wrong answer, so only with ``fit_threshold``). A best source that is clearly the fact asked about the one item
    named (:meth:`fit.Asked.sure`) has no rival that is not as sure (a bundle-wide source: "补贴批下来要几个工作日" is
    not every item's days; another subject: a partnership's limit is not a small enterprise's), nor one as sure
    stating the same figures (the item's FAQ and its section: 20个工作日 both, one adds the notice days).
    """
    best = candidates[0]
    best_fits = fit_rivals and asked is not None and asked.sure(best)
    # a figure said ("贷4年行吗") and the best source states the limit of its unit: one stating none is no rival
    said = SAID_FIGURE_SPAN > 0 and asked is not None and asked.states_said(best)
    # the item named, the aspect asked: a bundle-wide source (every item's days) is no rival of the item's own
    item_sure = NAMED_ITEM_ONLY and asked is not None and asked.sure(best)
    # the aspect asked ("一共多久": the bundle's total) and the best source answers it: one answering none is no rival
    aspect = ASPECT_SPAN > 0 and asked is not None and asked.offers_aspect(best)

    def says_the_same(h: SourceHit) -> bool:
        if agrees(h.entry.text, shorten(best.entry.text)):
            return True
        # the same aspect of the same item, stating at least what the best one states (a FAQ and its section)
        table = asked.table if asked is not None else None
        return table is not None and same_aspect(best, h, table) and agrees(best.entry.text, h.entry.text)

    return next(
        (
            h
            for h in candidates[1:]
            if h.source != best.source
            and h.score >= best.score - margin
            and not (same_fact_agrees and says_the_same(h))
            and not (best_fits and asked is not None and not asked.fits(h))
            and not (said and asked is not None and not asked.states_said(h))
            and not (aspect and asked is not None and not asked.offers_aspect(h))
            and not (item_sure and not h.entry.item)
            and not (SURE_NO_RIVALS and item_sure and asked is not None and not asked.sure(h))
            and not (item_sure and asked is not None and asked.sure(h) and same_figures(h.entry.text, best.entry.text))
        ),
        None,
    )


def _answer(best: SourceHit, hits: list[SourceHit], parts: list[SourceHit] | None = None) -> Decision:
    return Decision("faq" if best.entry.kind == "faq" else "answer", best, hits, parts=parts or [])


def _titles(hits: list[SourceHit], candidates: list[SourceHit], thresholds: Thresholds) -> Decision:
    """The titles of the sources within :data:`CHOICE_SPAN` of the best one (above the floor) to pick from."""
    lowest = max(thresholds.floor, candidates[0].score - CHOICE_SPAN)
    return Decision("suggest", None, hits, [h for h in candidates if h.score >= lowest][:MAX_CHOICES])


def _refused(
    hits: list[SourceHit], candidates: list[SourceHit], thresholds: Thresholds, asked: Asked
) -> Decision | None:
    """Not found or titles only before any source is weighed against another, else None.

    Not found below the floor, when an out-of-scope example wins, or when one scores within :data:`NEAR_TIE_MARGIN`
    of our best source and the question names a scheme that is none of the items ("稳岗补贴能领多少钱": declined by
    name). Titles only when the question names one item and nothing of that item reaches the floor.
    """
    if not candidates or candidates[0].score < thresholds.floor:
        return Decision("not_found", None, hits)
    best = candidates[0]
    rejected = next((h for h in hits if h.entry.kind == OUT_OF_SCOPE), None)
    if rejected is not None and rejected.score >= best.score + thresholds.out_of_scope_margin:
        return Decision("not_found", None, hits, declined=asked.scheme)
    if asked.scheme and rejected is not None and rejected.score >= best.score - NEAR_TIE_MARGIN:
        return Decision("not_found", None, hits, declined=asked.scheme)
    named = of_named_item(candidates, asked) if NAMED_ITEM_ONLY else candidates
    if named is not candidates and (not named or named[0].score < thresholds.floor):
        return _titles(hits, candidates, thresholds)  # never another item's fact for the item named
    return None


def decide(hits: list[SourceHit], thresholds: Thresholds, asked: Asked = NOTHING_ASKED) -> Decision:
    """The decision of :func:`_decide`, not found when it answers a figure asked with a source stating none.

    "刻章要多少钱" answered with "执照办好后可以预约刻章" asserts a neighbouring rule; the policy gives no price, so
    the question is a content gap (``gap``: the nearest source, for the reply; :mod:`figures`).
    """
    decision = _decide(hits, thresholds, asked)
    if FIGURE_GAPS and asked.figures is not None and decision.best is not None:
        answered = [decision.best, *decision.parts]
        if not any(asked.figures.states(shorten(h.entry.text)) for h in answered):
            return Decision("not_found", None, hits, gap=decision.best)
    return decision


def _decide(hits: list[SourceHit], thresholds: Thresholds, asked: Asked = NOTHING_ASKED) -> Decision:
    """Not found, a direct answer (confident and clear), or the titles of the nearest sources to pick from.

    Not found below the floor, when an out-of-scope example wins, or for a near tie with one while the question
    names a scheme that is none of the items (:func:`_refused`). A question naming one item is decided between that
    item's sources and the bundle's (:func:`fit.of_named_item`).

    Args:
        hits: Source hits, best first (out-of-scope examples included).
        thresholds: The measured settings.
        asked: What the question asks and names (:mod:`fit`); nothing: the scores alone decide.

    Returns:
        ``faq`` / ``answer`` (a FAQ / a document passage answered directly), ``suggest`` or ``not_found``.
    """
    candidates = answers(hits)
    if CASES_APART:  # a source about one case (a car loan) answers only a question naming that case
        candidates = [h for h in candidates if asked.of_its_case(h)]
    if (refused := _refused(hits, candidates, thresholds, asked)) is not None:
        return refused
    if NAMED_ITEM_ONLY:
        candidates = of_named_item(candidates, asked)
    fitting = thresholds.fit_threshold is not None
    span = max(SURE_SPAN, thresholds.ambiguity_margin if fitting else 0.0, FOLLOW_UP_SURE_SPAN * asked.follow_up)
    if span > 0:  # two sources alike, one about the item and aspect asked: that one (fit.sure_first)
        candidates = sure_first(candidates, asked, span)
    if SAID_FIGURE_SPAN > 0:  # "贷4年行吗": the source stating the term's limit, not who may borrow
        candidates = said_figure_first(candidates, asked, SAID_FIGURE_SPAN)
    displaced = None
    if ASPECT_SPAN > 0:  # "贷十五万要什么条件": who may borrow, not the amount (aspect_choice)
        candidates, displaced = aspect_first(candidates, asked, ASPECT_SPAN)
    best = candidates[0]
    confident = best.score >= thresholds.faq_threshold
    close = rival(candidates, thresholds.ambiguity_margin, thresholds.same_fact_agrees, asked, fitting)
    clear = close is None
    parts = facet_parts(candidates, asked, thresholds.floor) if thresholds.facet_parts and confident else []
    if parts and (clear or close in parts):  # a rival is no guess when it answers another facet asked
        return _answer(parts[0], hits, parts[1:])
    fits = fitting and best.score >= (thresholds.fit_threshold or 0.0) and asked.sure(best)
    # a figure said ("贷4年行吗") and the best source states that unit's limit, agreeing with the question
    said = SAID_FIGURE_SPAN > 0 and asked.states_said(best) and asked.plausible(best, by_type=False)
    units = unit_parts(candidates, asked) if SAID_FIGURE_SPAN > 0 else []  # "15万3年可以吗": the amount's limit too
    if not units and ASPECT_SPAN > 0:  # "需补正和不予受理差在哪": each aspect asked its source
        units = aspect_parts(candidates, asked, displaced)
    if (clear or close in units) and (confident or fits or said):  # a rival stating another unit said is a part
        cover = aspect_cover(best, units, asked)  # the aspect's part says all the best one says: it alone
        return _answer(best, hits, units) if cover is None else _answer(cover, hits)
    cover = covering(candidates, thresholds) if confident else None
    if cover is not None:
        return _answer(cover, hits)
    titles = _titles(hits, candidates, thresholds)
    said_twice = AGREEING_ANSWER and agreeing(titles.choices, asked)  # a menu of one fact said twice
    one = titles.choices == [best]  # a menu of one title: the fact asked, or nothing contradicting the question
    one_answers = one and ((ONE_SURE_TITLE and asked.sure(best)) or (ONE_PLAUSIBLE_TITLE and asked.plausible(best)))
    # "培训要交钱吗": the one title asking a fee among three
    alone = best if said_twice or one_answers else one_agreeing(titles.choices, asked) if ONE_AGREEING_TITLE else None
    return titles if alone is None else _answer(alone, hits)
