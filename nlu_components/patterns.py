"""Entities with a fixed shape: ID number, phone, application number, amount."""

import re
from collections.abc import Callable
from re import Pattern

from nlu_components.numbers import is_bare_number, parse_amount
from nlu_components.regexes import AMOUNT_RE, APPLICATION_ID_RE, ID_NUMBER_RE, NOT_MONEY_CUE_RE, PHONE_RE
from nlu_components.spans import Span, select_longest, sole_value

_NON_DIGIT_RE = re.compile(r"[^0-9]")
_CUE_WINDOW = 8


def _upper(match: re.Match[str], _text: str) -> str | None:
    return match.group().upper()


def _digits(match: re.Match[str], _text: str) -> str | None:
    return _NON_DIGIT_RE.sub("", match.group())


def _amount(match: re.Match[str], text: str) -> str | None:
    start = match.start()
    if is_bare_number(match.group()) and NOT_MONEY_CUE_RE.search(text, max(0, start - _CUE_WINDOW), start):
        return None
    return parse_amount(match.group())


# The ID number's checksum is not checked here: the form validates it and tells
# the user what is wrong, which it could not do for a number never extracted.
_RULES: tuple[tuple[str, Pattern[str], Callable[[re.Match[str], str], str | None]], ...] = (
    ("id_number", ID_NUMBER_RE, _upper),
    ("phone", PHONE_RE, _digits),
    ("application_id", APPLICATION_ID_RE, _upper),
    ("amount", AMOUNT_RE, _amount),
)

PATTERN_ENTITIES: frozenset[str] = frozenset(entity for entity, _, _ in _RULES)


def find_patterns(text: str) -> list[Span]:
    """Finds ID numbers, phone numbers, application numbers and money amounts.

    Where matches overlap the longest one wins, so a phone-like run inside an
    ID number or the groups of "138 1234 5678" never become amounts.

    Args:
        text: The message text.

    Returns:
        Non-overlapping spans with normalised values, sorted by start.
    """
    candidates = []
    for entity, regex, to_value in _RULES:
        for match in regex.finditer(text):
            value = to_value(match, text)
            if value is not None:
                candidates.append(Span(entity, value, match.start(), match.end()))
    return select_longest(candidates)


def normalise_pattern(entity: str, raw: str) -> str | None:
    """Normalises a raw string that should hold exactly one entity of a type.

    Args:
        entity: One of PATTERN_ENTITIES.
        raw: The entity's text or value, e.g. "15万" for amount.

    Returns:
        The normalised value, or None when the text holds no such entity or
        several different ones.
    """
    return sole_value(find_patterns(raw), entity)
