"""A correction of the applicant's name by one character ("不是王是汪，三点水那个", "第三个字错了，是草字头的蔓").

Part of :mod:`actions.application.form_names` (split from it by concern): the name as filled, with the character the
user explains by its radical, by a word it is in ("明天的明") or by its place in the name.
"""

from __future__ import annotations

import contextlib
import io
import re

from actions.application.form_guard import SURNAMES, plausible_name
from actions.application.form_name_cues import (
    CHARACTER_BY_WORD,
    CHARACTER_CORRECTED,
    CHARACTER_DESCRIBED,
    NAME_SPELLED,
    RADICAL_THEN_CHAR,
    SPELLED_SURNAMES,
)
from actions.application.form_names import surname_and_name


def name_corrected(text: str, current: str) -> str | None:
    """The filled name with the character the user corrects, or ``None`` when the message corrects none.

    "不是王是汪，三点水那个" and "王改成汪" change that character; "名字是耳东陈的陈" and "是三点水的汪" (a surname
    spelled out or described by its radical, said alone) change the surname.

    Args:
        text: The message.
        current: The name filled so far.
    """
    if match := CHARACTER_CORRECTED.search(text):
        found = {name: value for name, value in match.groupdict().items() if value}
        old = next(value for name, value in found.items() if name.startswith("old"))
        new = next(value for name, value in found.items() if name.startswith("new"))
        if old == current and plausible_name(new):
            return new
        if old != new and len(old) == len(new) and old in current:
            return current.replace(old, new, 1)
    if surname_and_name(text) is not None:
        return None  # a whole name said with its spelling: read as a name, not as a correction
    surname = None
    if spelled := NAME_SPELLED.search(text):
        surname = SPELLED_SURNAMES[spelled.group("parts")]
    elif described := CHARACTER_DESCRIBED.search(text):
        surname = described.group("char") or described.group("char2")
    if surname and surname in SURNAMES and surname not in current:
        return surname + current[1:]
    return _whole_name_said(text, current) or _at_position(text, current) or _sound_alike_replaced(text, current)


# Which character of the name a correction points at ("第三个字", "最后一个字", "中间那个字").
POSITION = re.compile(
    r"第(?P<n>[一二三四1234])个?字|(?P<last>最后一个字|最后那个字|末尾)|(?P<middle>中间(?:那个|的|一个)?字)"
)
NAME_SAID_WRONG = re.compile(r"(?:名字|姓名|字)[^，,。]{0,6}(?:错|不对|应该|改)")


def _whole_name_said(text: str, current: str) -> str | None:
    """The whole name said again inside a correction ("名字第三个字错了，应该是草字头的蔓，谭晓蔓" → 谭晓蔓)."""
    if not NAME_SAID_WRONG.search(text):
        return None
    parts = [part.strip() for part in re.split(r"[，,。；;！!\s：:]+", text) if part.strip()]
    named = [p for p in parts if plausible_name(p) and p != current and p[0] == current[0] and len(p) == len(current)]
    return named[-1] if named else None


def _described(text: str) -> list[str]:
    """Characters the message describes: by a radical ("草字头的蔓") or by a word they are in ("明天的明")."""
    after = [m.group("char") for m in RADICAL_THEN_CHAR.finditer(text)]  # "草字头的蔓": the radical said first
    before = [m.group("char2") for m in CHARACTER_DESCRIBED.finditer(text) if m.group("char2")]  # "汪，三点水那个"
    return after + characters_by_word(text) + ([] if after else before)


def _at_position(text: str, current: str) -> str | None:
    """The character at the position named replaced by the one described ("第三个字错了，是草字头的蔓")."""
    if not (where := POSITION.search(text)) or not (described := _described(text)):
        return None
    if where.group("last"):
        index = len(current) - 1
    elif where.group("middle"):
        index = 1 if len(current) == 3 else -1
    else:
        index = "一二三四".find(n) if (n := where.group("n")) in "一二三四" else int(n) - 1
    if not 0 <= index < len(current) or current[index] == described[0]:
        return None
    return current[:index] + described[0] + current[index + 1 :]


def characters_by_word(text: str) -> list[str]:
    """Characters the message explains by a word they are in ("是明天的明" → 明; "晓得的晓" → 晓)."""
    return [m["char"] for m in CHARACTER_BY_WORD.finditer(text) if m["char"] in m["word"] and m["word"] != m["char"]]


def _sound_alike_replaced(text: str, current: str) -> str | None:
    """The name with the one character that sounds like the one explained ("是明天的明": 王小铭 → 王小明).

    A character said only by a word it is in names no place in the name; the character of the filled name read
    the same way (tone aside) is the one meant. Nothing when none, or more than one, sounds like it.
    """
    for char in _described(text):
        if char in current:
            continue
        said = _toneless(char)
        alike = [i for i, old in enumerate(current) if _toneless(old) == said]
        if len(alike) == 1:
            return current[: alike[0]] + char + current[alike[0] + 1 :]
    return None


def _toneless(char: str) -> str:
    """A character's reading without its tone (JioNLP's pinyin; the maintained library the dates use too)."""
    with contextlib.redirect_stdout(io.StringIO()):  # jionlp prints a banner on its first import
        import jionlp  # only when a character is explained
    return str(jionlp.pinyin(char, formater="simple")[0]).rstrip("012345")


def spells_a_character(value: str) -> bool:
    """The value spells a character out ("耳东陈的陈", "三点水的汪", "明天的明") rather than being a name."""
    return bool(NAME_SPELLED.search(value) or CHARACTER_DESCRIBED.search(value) or characters_by_word(value))
