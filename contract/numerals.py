"""Chinese numerals before a unit written as digits, for searching: "贷壹拾伍万" is searched as "贷15万".

Standard library only, so the knowledge service (which has no cn2an) and the bot read numbers alike. The knowledge
base states its figures in digits (20万, 3年, 5000元, 10个工作日); a question with the financial (大写) numerals of a
form (壹拾伍万), with ordinary ones (十五万, 两年, 五千元) or with 两 for two matched those figures by meaning only, and
"贷壹拾伍万行不行" drew the credit FAQ where "贷15万行不行" drew the loan limit. Only a numeral standing before a unit
of money, time or age is rewritten: 一次性, 一件事, 两个 and a lone 一 (统一, 第一, 一年 said loosely) stay. The
values agree with cn2an's ``smart`` mode, the NLU's parser (``tests/components/test_numerals.py`` compares them).
"""

import re

DIGITS = {"零": 0, "〇": 0, "一": 1, "壹": 1, "二": 2, "贰": 2, "两": 2, "三": 3, "叁": 3, "四": 4, "肆": 4}
DIGITS |= {"五": 5, "伍": 5, "六": 6, "陆": 6, "七": 7, "柒": 7, "八": 8, "捌": 8, "九": 9, "玖": 9}
UNITS = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
BIG = {"万": 10_000, "亿": 100_000_000}
_NUMERAL = "".join([*DIGITS, *UNITS])
# what a numeral is counted in: money, time, age (not 个/次/件: "一个", "一次性", "一件事")
_AFTER = r"(?:元|块|岁|年|个月|月|周|天|日|个工作日|工作日|小时|倍|%)"
NUMBER = re.compile(rf"(?P<run>[{_NUMERAL}][{_NUMERAL}万亿]*)(?=(?P<unit>{_AFTER})?)")


def value(numeral: str) -> int | None:
    """The number a Chinese numeral says ("十五" 15, "壹拾伍" 15, "一万五" 15000, "二〇二一" 2021), None if none.

    Args:
        numeral: Numeral characters only (digits, 十百千, 万亿; ordinary or financial).
    """
    if not numeral:
        return None
    if len(numeral) > 1 and all(c in DIGITS for c in numeral):  # read digit by digit ("二〇二一")
        return int("".join(str(DIGITS[c]) for c in numeral))
    total = section = 0
    number: int | None = None
    last = 1  # the unit before the last digit: "一万五" is 15000, "三百五" 350
    for char in numeral:
        if char in DIGITS:
            if number is not None and DIGITS[char] and number:
                return None  # two digits in a row with units around ("五五万"): not a number we read
            number = DIGITS[char]
            if number == 0:
                last = 10  # "一百零五": the digit after 零 counts ones
        elif char in UNITS:
            section += (1 if number is None else number) * UNITS[char]
            number, last = None, UNITS[char]
        elif char in BIG:
            section += number or 0
            total = (total + section) * BIG[char] if BIG[char] > 10_000 else total + section * BIG[char]
            section, number, last = 0, None, BIG[char]
        else:
            return None
    if number is not None:
        section += number * (last // 10 if last >= 10 else 1)
    return total + section


def _written(match: re.Match[str]) -> str:
    run, unit = match["run"], match["unit"]
    # "十五万" is 15 of 万, written "15万" as the knowledge base writes it
    big = run[-1] if run[-1] in BIG and not BIG.keys() & set(run[:-1]) else ""
    run = run[: len(run) - len(big)]
    if not big and not unit:
        return match[0]  # a numeral counting nothing we search by ("一件事", "三个人")
    if run in {"一", "壹"} and not big:
        return match[0]  # a lone 一 before 年/天 is as often a word (统一年检, 一天到晚)
    number = value(run)
    return match[0] if number is None or number == 0 else f"{number}{big}"


def in_digits(text: str) -> str:
    """``text`` with each Chinese numeral before a unit of money, time or age written in digits.

    Args:
        text: A question (normalised: simplified, half-width).

    Returns:
        The text with "壹拾伍万" → "15万", "两年" → "2年", "五千元" → "5000元", "三个月" → "3个月"; the rest as it was.
    """
    return NUMBER.sub(_written, text)
