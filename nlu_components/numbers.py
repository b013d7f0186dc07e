"""Money amounts written by users, turned into whole yuan."""

import re

import cn2an

from nlu_components.regexes import AMOUNT_EXPRESSION_RE

_MAGNITUDE_CHARS = frozenset("万千亿wWkK")
_LATIN_MAGNITUDES = str.maketrans({"w": "万", "W": "万", "k": "千", "K": "千"})
_PLAIN_INTEGER_RE = re.compile(r"[1-9][0-9]*")
# A bare number (no 万/元/块 …) is money only in this range, round to the hundred
# (people state loan sums as 150000, not 12345, which is a hotline), and not a year.
_BARE_MIN, _BARE_MAX = 1_000, 99_999_999
_BARE_ROUNDING = 100
_YEAR_MIN, _YEAR_MAX = 1900, 2099


def parse_amount(expression: str) -> str | None:
    """Parses a money expression into an integer number of yuan.

    Accepts a number with a money unit (15万, 十五万元, 1.5万, 20w, 5千, 八万块,
    伍万, 1万5) or a bare integer from 1000 to 99999999, round to the hundred, not a year
    (150000, 150,000). Anything else (2023年, 3年, 36个月, 25岁, 20%, 3个, 2024)
    is not an amount.

    Args:
        expression: The text of the amount alone, e.g. an entity's value.

    Returns:
        The amount in yuan as a string of digits, e.g. "150000", or None.
    """
    match = AMOUNT_EXPRESSION_RE.fullmatch(expression.strip())
    if match is None:
        return None
    number = match["number"].replace(",", "")
    if not _has_money_unit(match) and not _is_bare_amount(number):
        return None
    try:
        value = cn2an.cn2an(number.translate(_LATIN_MAGNITUDES), "smart")
    except ValueError:
        return None
    value = float(value)
    if value <= 0 or not value.is_integer():
        return None
    return str(int(value))


def is_bare_number(expression: str) -> bool:
    """Tells whether an expression is a number without any money unit or symbol.

    Args:
        expression: The text of a number, e.g. "150000" (bare) or "15万" (not bare).

    Returns:
        True for a bare number.
    """
    match = AMOUNT_EXPRESSION_RE.fullmatch(expression.strip())
    return match is not None and not _has_money_unit(match)


def _has_money_unit(match: re.Match[str]) -> bool:
    return bool(match["symbol"] or match["currency"]) or not _MAGNITUDE_CHARS.isdisjoint(match["number"])


def _is_bare_amount(number: str) -> bool:
    if _PLAIN_INTEGER_RE.fullmatch(number) is None:
        return False
    value = int(number)
    in_range = _BARE_MIN <= value <= _BARE_MAX and value % _BARE_ROUNDING == 0
    return in_range and not _YEAR_MIN <= value <= _YEAR_MAX
