"""A message's text as the labelled extractor reads it: simplified characters, 大写 numerals and dictated digits.

Part of :mod:`actions.application.form_labels` (split from it by concern): the text is rewritten before any field is
read, so "張偉", "贰拾万元" and "一三九一二三四五六七八" read as 张伟, 20万元 and 13912345678.
"""

from __future__ import annotations

import re

from actions.application.form_cues import SPOKEN_DIGITS, SPOKEN_NUMBER, TRADITIONAL
from contract import numerals
from contract.english_words import chinese_words

_NUMERALS = "".join([*numerals.DIGITS, *numerals.UNITS, *numerals.BIG])
# A run with a 大写 digit before its unit; not the words that hold one (退伍, 入伍, 大陆, 收拾, 放肆).
CAPITAL_RUN = re.compile(
    rf"(?<![退入队落大着收放{_NUMERALS}])[{_NUMERALS}]*[壹贰叁肆伍陆柒捌玖拾佰仟][{_NUMERALS}]*(?:元|块|年|个月|月)"
    rf"|(?<![退入队落大着收放{_NUMERALS}])[{_NUMERALS}]*[壹贰叁肆伍陆柒捌玖拾佰仟][{_NUMERALS}]*万"
)


def simplified(text: str) -> str:
    """Traditional characters as simplified ones and English words as Chinese ones; the rest unchanged.

    張偉 → 张伟, 餐飲 → 餐饮; "name：王明" → "姓名：王明" (:func:`contract.english_words.chinese_words`, the one mapping
    the NLU normaliser reads too).
    """
    converted = str(TRADITIONAL.convert(text))
    return chinese_words(converted if len(converted) == len(text) else text)


def capitals(text: str) -> str:
    """Financial (大写) numerals before a unit in digits: "贰拾万元" → "20万元", "贰年" → "2年".

    Only a run holding a 大写 character is rewritten; "十六万", "两年" stay as people said them (shown back so).
    """
    return CAPITAL_RUN.sub(lambda run: numerals.in_digits(run.group(0)), text)


def spoken_digits(text: str) -> str:
    """Numbers dictated digit by digit as Arabic digits: "一三九一二三四五六七八" → 13912345678 (幺 and 〇 too).

    Only a run of at least seven digit characters is converted, so words like 一一 or 三五成群 stay as they are.
    """
    return SPOKEN_NUMBER.sub(lambda run: run.group(0).translate(SPOKEN_DIGITS), text)
