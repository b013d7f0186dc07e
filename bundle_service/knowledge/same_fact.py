"""Close sources that say one fact: a source covering the others, or titles that are one fact said twice.

:mod:`ranking` asks these before offering titles to pick from: two sources stating the same key facts
(:mod:`agreement`) are no choice for the user.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from bundle_service.knowledge.agreement import agrees
from bundle_service.knowledge.answers import shorten
from bundle_service.knowledge.fit import Asked, same_aspect

if TYPE_CHECKING:  # the answer rule (ranking) asks this module about its hits
    from bundle_service.knowledge.ranking import SourceHit, Thresholds


def covering(candidates: list[SourceHit], thresholds: Thresholds) -> SourceHit | None:
    """A close source whose reply states every key fact of every other close source, if any (best first).

    "养老保险缴费基数能选多少" scores the base's FAQ and the FAQ stating rate *and* base alike: the second one's
    reply asserts everything the first one would, so it answers instead of two titles. Only with
    ``same_fact_agrees`` (the same comparison of key facts, :mod:`agreement`).
    """
    if not thresholds.same_fact_agrees:
        return None
    best = candidates[0]
    close = [h for h in candidates if h.score >= best.score - thresholds.ambiguity_margin]  # one hit per source
    for cover in close[1:]:
        shown = shorten(cover.entry.text)
        if all(agrees(other.entry.text, shown) for other in close if other is not cover):
            return cover
    return None


def agreeing(choices: list[SourceHit], asked: Asked) -> bool:
    """Whether the titles to offer are one fact said twice: the same aspect of one item, the same key facts.

    An item's FAQ and its document section ("…由哪个部门审核" and "《…》· 办理部门") scoring alike used to be offered
    as two titles, though either answer says the same. Two or more choices, every one answering the same aspect of
    the best one's item (:func:`fit.same_aspect`) and stating exactly its key facts (:mod:`agreement`, both ways).
    """
    if len(choices) < 2 or not asked.types:
        return False
    best = choices[0]
    return all(
        same_aspect(best, other, asked.table)
        and asked.offered(other)
        and agrees(other.entry.text, shorten(best.entry.text))
        and agrees(best.entry.text, shorten(other.entry.text))
        for other in choices[1:]
    )
