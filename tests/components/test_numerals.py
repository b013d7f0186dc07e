"""Chinese numerals before a unit are searched in digits (contract/numerals.py), with the values cn2an reads.

The knowledge service has no cn2an; the shared converter must read every numeral a user writes as the NLU's parser
(cn2an's ``smart`` mode) does. Invented wordings.
"""

import cn2an
import pytest

from contract.numerals import in_digits, value

NUMERALS = [
    "十五", "壹拾伍", "一万五", "两万三", "三百五", "一百零五", "一千零五十", "二十五", "贰拾", "叁仟", "陆万伍仟",
    "五千", "两千", "十二", "九十九", "二〇二一", "两", "十", "伍",
]  # fmt: skip


@pytest.mark.parametrize("numeral", NUMERALS)
def test_values_agree_with_cn2an(numeral: str) -> None:
    assert value(numeral) == int(cn2an.cn2an(numeral, "smart"))


@pytest.mark.parametrize(
    ("asked", "searched"),
    [
        ("创业担保贷款我个人想贷壹拾伍万行不行", "创业担保贷款我个人想贷15万行不行"),
        ("贷十五万元要什么手续", "贷15万元要什么手续"),
        ("个人能贷两年吗", "个人能贷2年吗"),
        ("补贴是五千元吗", "补贴是5000元吗"),
        ("三个月以内办得好不", "3个月以内办得好不"),
        ("要十个工作日吗", "要10个工作日吗"),
        ("借壹万伍仟块够不够", "借15000块够不够"),
    ],
)
def test_numerals_before_a_unit_are_written_in_digits(asked: str, searched: str) -> None:
    assert in_digits(asked) == searched


@pytest.mark.parametrize(
    "asked", ["一次性创业补贴怎么领", "一件事要跑几个部门", "两个人合伙能贷吗", "统一年检吗", "第一次创业"]
)
def test_numerals_that_count_no_unit_stay(asked: str) -> None:
    assert in_digits(asked) == asked
