"""Aspect words in the answer rule: the source answering the aspect asked first, parts for two, one title of a menu.

The aspects themselves (words asking them, titles offering them) are :mod:`aspects`; :mod:`ranking` calls these.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from bundle_service.knowledge.agreement import agrees, same_department_or_figures
from bundle_service.knowledge.answers import shorten
from bundle_service.knowledge.fit import MAX_PARTS, PART_SPAN, Asked

if TYPE_CHECKING:  # the answer rule (ranking) asks this module about its hits
    from bundle_service.knowledge.ranking import SourceHit


def aspect_first(candidates: list[SourceHit], asked: Asked, span: float) -> tuple[list[SourceHit], SourceHit | None]:
    """``candidates`` with the best source answering an aspect asked put first, and the source it displaced.

    "贷个十五万要满足什么条件" scored the amount first (the figure said), "一共多少个工作日" each item's days (the
    working days said): the aspect words (:mod:`aspects`) say what is asked. Within ``span`` of a best source
    answering no aspect asked, of the item named (or bundle-wide), no other subject and no case not named.
    Unchanged (and no source displaced) when the question asks no aspect or the best source answers one.
    """
    if not candidates or not asked.aspects or asked.offers_aspect(candidates[0]):
        return candidates, None
    best = candidates[0]
    lowest = best.score - span
    pick = next(
        (h for h in candidates[1:] if h.score >= lowest and asked.offers_aspect(h) and asked.of_its_subject(h)),
        None,
    )
    if pick is None:
        return candidates, None
    return [pick, *(h for h in candidates if h is not pick)], best


def aspect_parts(candidates: list[SourceHit], asked: Asked, displaced: SourceHit | None) -> list[SourceHit]:
    """Sources answering what the best source does not, of two things asked ("需补正和不予受理差在哪").

    Each aspect asked that the best source does not answer takes the best candidate within :data:`PART_SPAN` that
    does; a source displaced by :func:`aspect_first` is a part when its title asks a type asked that the best
    source's does not. Never a source stating only what another part or the best source states.
    """
    if not candidates or not asked.aspects:
        return []
    best = candidates[0]
    lowest = best.score - PART_SPAN
    parts: list[SourceHit] = []
    if displaced is not None and asked.offered(displaced) - asked.offered(best) and asked.of_its_subject(displaced):
        parts.append(displaced)
    for aspect in sorted(asked.aspects):
        one = frozenset({aspect})
        if any(asked.offers_aspect(h, one) for h in (best, *parts)):
            continue
        fitting = (h for h in candidates[1:] if h.score >= lowest and asked.offers_aspect(h, one))
        part = next((h for h in fitting if asked.of_its_subject(h)), None)
        if part is not None and part not in parts:
            parts.append(part)
    shown = [shorten(best.entry.text)]
    kept = []
    for part in parts:
        if not any(agrees(part.entry.text, text) for text in shown):
            kept.append(part)
            shown.append(shorten(part.entry.text))
    return kept[: MAX_PARTS - 1]


def aspect_cover(best: SourceHit, parts: list[SourceHit], asked: Asked) -> SourceHit | None:
    """A part answering an aspect asked that states every key fact of ``best``: it answers alone (else None).

    "入驻孵化基地要多久" scored the review's 10 working days first and the source stating both times (the review's
    days and the 3 years of incubation) as the aspect's part: the part says all the best one says, so it alone
    answers instead of the days twice.
    """
    if asked.offers_aspect(best):
        return None
    return next(
        (p for p in parts if asked.offers_aspect(p) and agrees(best.entry.text, shorten(p.entry.text))),
        None,
    )


UNTELLING = frozenset({"how"})  # question types every how-to title shares: agreeing on them is no choice


def one_agreeing(choices: list[SourceHit], asked: Asked) -> SourceHit | None:
    """The one title offered that agrees with what the question asks, when the others do not (else None).

    "培训要交钱吗" offered its own FAQ beside two others: the question's type (a fee) or aspect words (a count, a
    rate, a time, the total) are asked by one title only, which contradicts nothing else the question says
    (no other subject, item or case): that one answers. Two or more agreeing titles stay a menu, unless they
    all name the same department or state the same figures as the first (:func:`agreement.same_department_or_figures`):
    then the first answers, whichever the user picked.
    """
    if len(choices) < 2 or not (asked.types - UNTELLING or asked.aspects):
        return None  # "怎么办" alone tells no title apart ("营业执照怎么办" is not "想要纸质营业执照怎么办")
    named = asked.items or asked.mentioned
    agreeing = [
        h
        for h in choices
        if (asked.offers_aspect(h) or (not asked.aspects and asked.offered(h) - UNTELLING))
        and asked.of_its_subject(h)
        and (not h.entry.item or h.entry.item in named)  # an item's source only for a question about that item
    ]
    if len(agreeing) > 1 and all(same_department_or_figures(agreeing[0].entry.text, h.entry.text) for h in agreeing):
        return agreeing[0]
    return agreeing[0] if len(agreeing) == 1 else None
