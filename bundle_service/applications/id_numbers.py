"""Resident ID numbers (居民身份证号码) per GB 11643: format, birth date and check digit."""

import re
from datetime import date

from bundle_service.applications.field_problem import FieldProblem

WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
CHECK_CHARS = "10X98765432"
_SHAPE = re.compile(r"^[0-9]{17}[0-9X]$")
EARLIEST_BIRTH_YEAR = 1900


def check_digit(first17: str) -> str:
    """The GB 11643 check character of the first 17 digits."""
    return CHECK_CHARS[sum(int(d) * w for d, w in zip(first17, WEIGHTS, strict=True)) % 11]


def normalise_id_number(raw: object, today: date) -> str:
    """Validate an ID number and return it upper-cased without spaces.

    Args:
        raw: The value as given.
        today: Today, to reject birth dates in the future.

    Returns:
        The 18-character ID number.

    Raises:
        FieldProblem: with code ``required``, ``id_length``, ``id_format``, ``id_birth_date`` or ``id_checksum``.
    """
    text = re.sub(r"[\s-]", "", str(raw or "")).upper()
    if not text:
        raise FieldProblem("required", "请填写居民身份证号码。")
    if len(text) == 15 and text.isdigit():
        raise FieldProblem("id_length", "请填写18位的第二代居民身份证号码，15位的旧号码不再使用。")
    if len(text) != 18:
        raise FieldProblem("id_length", f"身份证号码应为18位，您填写的是{len(text)}位。")
    if not _SHAPE.match(text):
        raise FieldProblem("id_format", "身份证号码前17位应为数字，最后一位是数字或X。")
    try:
        born = birth_date(text)
    except ValueError:
        raise FieldProblem("id_birth_date", "身份证号码中的出生日期不存在，请核对第7到14位。") from None
    if born > today or born.year < EARLIEST_BIRTH_YEAR:
        raise FieldProblem("id_birth_date", "身份证号码中的出生日期不合理，请核对第7到14位。")
    if check_digit(text[:17]) != text[17]:
        raise FieldProblem("id_checksum", "身份证号码校验位不正确，可能有数字填错了，请核对。")
    return text


def birth_date(id_number: str) -> date:
    """Birth date encoded in digits 7–14.

    Raises:
        ValueError: when the digits are not a real date.
    """
    return date(int(id_number[6:10]), int(id_number[10:12]), int(id_number[12:14]))


def age_on(id_number: str, day: date) -> int:
    """Age in whole years on ``day`` of the person with ``id_number``."""
    born = birth_date(id_number)
    return day.year - born.year - ((day.month, day.day) < (born.month, born.day))
