"""Entity spans found by rules, and the choice among overlapping ones."""

from collections.abc import Iterable
from typing import NamedTuple, Protocol, TypeVar


class Span(NamedTuple):
    """An entity found in a text: type, normalised value and character offsets."""

    entity: str
    value: str
    start: int
    end: int


class _Bounded(Protocol):
    @property
    def start(self) -> int: ...

    @property
    def end(self) -> int: ...


BoundedT = TypeVar("BoundedT", bound=_Bounded)


def overlaps(a_start: int, a_end: int, b_start: int, b_end: int) -> bool:
    """Tells whether two half-open character ranges share a character.

    Args:
        a_start: Start of the first range.
        a_end: End (exclusive) of the first range.
        b_start: Start of the second range.
        b_end: End (exclusive) of the second range.

    Returns:
        True when the ranges overlap.
    """
    return a_start < b_end and b_start < a_end


def select_longest(candidates: Iterable[BoundedT]) -> list[BoundedT]:
    """Keeps non-overlapping candidates, longest first, the earlier one on a tie.

    Args:
        candidates: Anything with ``start`` and ``end`` offsets.

    Returns:
        The kept candidates, sorted by start.
    """
    kept: list[BoundedT] = []
    taken: set[int] = set()
    for candidate in sorted(candidates, key=lambda c: (c.start - c.end, c.start)):
        positions = range(candidate.start, candidate.end)
        if taken.isdisjoint(positions):
            kept.append(candidate)
            taken.update(positions)
    return sorted(kept, key=lambda c: c.start)


def sole_value(spans: Iterable[Span], entity: str) -> str | None:
    """Returns the value of the given entity type when the spans hold exactly one.

    Args:
        spans: Spans found in a text.
        entity: The entity type asked for.

    Returns:
        The one value of that type, or None when there is none or several.
    """
    values = {span.value for span in spans if span.entity == entity}
    return values.pop() if len(values) == 1 else None
