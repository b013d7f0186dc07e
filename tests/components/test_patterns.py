"""Entities with a fixed shape found in message text."""

import pytest

from nlu_components.patterns import find_patterns, normalise_pattern


def found(text: str) -> list[tuple[str, str, str]]:
    return [(s.entity, s.value, text[s.start : s.end]) for s in find_patterns(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("身份证43010219900307123x", [("id_number", "43010219900307123X", "43010219900307123x")]),
        ("430102199003071234", [("id_number", "430102199003071234", "430102199003071234")]),
        # a wrong checksum is still extracted: the form tells the user what is wrong
        ("430102199003071235", [("id_number", "430102199003071235", "430102199003071235")]),
        ("4301021990030712345", []),  # 19 digits
        ("号码43010219900307123XX", []),
    ],
)
def test_id_number(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert found(text) == expected


@pytest.mark.parametrize(
    ("text", "raw", "value"),
    [
        ("电话13812345678", "13812345678", "13812345678"),
        ("手机 138 1234 5678 谢谢", "138 1234 5678", "13812345678"),
        ("138-1234-5678", "138-1234-5678", "13812345678"),
        ("+8613812345678", "13812345678", "13812345678"),
        ("+86 138 1234 5678", "138 1234 5678", "13812345678"),
        ("19912345678", "19912345678", "19912345678"),
    ],
)
def test_phone(text: str, raw: str, value: str) -> None:
    assert found(text) == [("phone", value, raw)]


@pytest.mark.parametrize(
    "text",
    [
        "12812345678",  # no mobile prefix
        "113812345678",  # inside a longer digit run
        "8613812345678",  # 86 without + is just more digits
        "1381234567",  # 10 digits
    ],
)
def test_not_a_phone(text: str) -> None:
    assert [s for s in find_patterns(text) if s.entity == "phone"] == []


def test_phone_inside_an_id_number_is_not_a_phone() -> None:
    assert found("43010213812345678X") == [("id_number", "43010213812345678X", "43010213812345678X")]


def test_application_id() -> None:
    assert found("申请编号cy20261122000123") == [("application_id", "CY20261122000123", "cy20261122000123")]
    assert found("CY20261122000123的进度") == [("application_id", "CY20261122000123", "CY20261122000123")]
    assert found("CY202611220001234") == []  # 15 digits
    assert found("XCY20261122000123") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("我想申请创业贷，大概15万", [("amount", "150000", "15万")]),
        ("我想贷款15万,期限3年", [("amount", "150000", "15万")]),
        ("2024年贷了20万元", [("amount", "200000", "20万元")]),
        ("我要借150000", [("amount", "150000", "150000")]),
        ("额度150,000够吗", [("amount", "150000", "150,000")]),
        ("贷十五万元3年", [("amount", "150000", "十五万元")]),
        ("三百万以内", [("amount", "3000000", "三百万")]),
        ("借伍万", [("amount", "50000", "伍万")]),
        ("大概20w吧", [("amount", "200000", "20w")]),
        ("八万块够了", [("amount", "80000", "八万块")]),
        ("打款5000元", [("amount", "5000", "5000元")]),  # a money unit beats the cue 打
    ],
)
def test_amount_in_text(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert found(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "2024",
        "我2024年毕业的",
        "贷款期限3年",
        "分36个月还",
        "我今年25岁",
        "利率3.85%",
        "有三千多人",
        "我们有3个合伙人",
        "15万人参加了",
        "万一不符合条件呢",
        "千万别忘了",
        "重5kg",
        "一件事",
        "身份证后六位340129",  # a code, not money
        "后六位是 528883",
        "我要打12345投诉",  # the government hotline
        "12345热线",
        "尾号5678",
    ],
)
def test_no_amount(text: str) -> None:
    assert [s for s in find_patterns(text) if s.entity == "amount"] == []


def test_digit_groups_of_a_phone_are_not_amounts() -> None:
    assert found("电话138 1234 5678") == [("phone", "13812345678", "138 1234 5678")]


def test_several_entities_in_one_message() -> None:
    text = "身份证430102199003071234，电话13812345678，想贷20万，编号CY20261122000123"
    assert [(s.entity, s.value) for s in find_patterns(text)] == [
        ("id_number", "430102199003071234"),
        ("phone", "13812345678"),
        ("amount", "200000"),
        ("application_id", "CY20261122000123"),
    ]


def test_full_width_digits_are_not_matched_as_digits() -> None:
    # the normaliser turns them half-width first; values must stay ASCII
    assert find_patterns("１３８１２３４５６７８") == []


@pytest.mark.parametrize(
    ("entity", "raw", "value"),
    [
        ("amount", "十五万元", "150000"),
        ("amount", "大概15万", "150000"),
        ("amount", "150000", "150000"),
        ("amount", "2024", None),
        ("amount", "3年", None),
        ("amount", "13812345678", None),  # a phone, not an amount
        ("amount", "15万到20万", None),  # two different amounts
        ("phone", "138 1234 5678", "13812345678"),
        ("id_number", "43010219900307123x", "43010219900307123X"),
        ("id_number", "15万", None),
        ("application_id", "cy20261122000123", "CY20261122000123"),
    ],
)
def test_normalise_pattern(entity: str, raw: str, value: str) -> None:
    assert normalise_pattern(entity, raw) == value
