"""Money amounts: what is an amount in yuan and what is not."""

import pytest

from nlu_components.numbers import is_bare_number, parse_amount


@pytest.mark.parametrize(
    ("expression", "yuan"),
    [
        ("15万", "150000"),
        ("十五万", "150000"),
        ("十五万元", "150000"),
        ("15万元", "150000"),
        ("150000", "150000"),
        ("150,000", "150000"),
        ("20w", "200000"),
        ("20W", "200000"),
        ("二十万", "200000"),
        ("三百万", "3000000"),
        ("1.5万", "15000"),
        ("八万块", "80000"),
        ("5千", "5000"),
        ("伍万", "50000"),
        ("两万", "20000"),
        ("1万5", "15000"),
        ("一万五", "15000"),
        ("一万五千块钱", "15000"),
        ("5k", "5000"),
        ("¥3000", "3000"),
        ("500元", "500"),
        ("2024元", "2024"),
        ("  15万 ", "150000"),
    ],
)
def test_money_expressions_become_whole_yuan(expression: str, yuan: str) -> None:
    assert parse_amount(expression) == yuan


@pytest.mark.parametrize(
    "expression",
    [
        "2023年",  # a year
        "2024",  # a bare year
        "3年",  # a term
        "36个月",  # a term
        "25岁",  # an age
        "20%",  # a percentage
        "3个",  # a count
        "500",  # a bare number below 1000
        "12345",  # a bare number not round to the hundred: a hotline, not a sum
        "1111111",  # the same for a run of ones
        "123456789",  # a bare number too long to be a loan amount
        "13812345678",  # a phone number
        "1.5",  # a bare decimal
        "十五",  # a Chinese number without a money unit
        "一百",
        "万一",  # everyday words made of numerals
        "千万",
        "0元",
        "12.5元",  # not whole yuan
        "",
        "贷款",
    ],
)
def test_non_money_is_rejected(expression: str) -> None:
    assert parse_amount(expression) is None


@pytest.mark.parametrize(
    ("expression", "bare"),
    [
        ("150000", True),
        ("2024", True),
        ("十五", True),
        ("15万", False),
        ("500元", False),
        ("¥3000", False),
        ("3年", False),
    ],
)
def test_is_bare_number(expression: str, bare: bool) -> None:
    assert is_bare_number(expression) is bare
