"""The evidence that a name after a cue is the applicant's: the cue itself, or where in the message it is said.

Part of the name reader (:mod:`actions.application.form_names`): after "我叫/名字是" a name needs no surname from the
list (the cue says a name follows); "名字叫X" opening a new part of a message about a shop names the person unless a
shop's or project's word is right before it.
"""

from __future__ import annotations

import re

from actions.application.form_cues import SHOP_NAME
from actions.application.form_guard import name_shaped, plausible_name
from actions.application.form_name_cues import EXPLICIT_CUES, NAME, SHOP_BEFORE, SHOP_WORDS, without_fillers
from actions.eligibility import situation
from nlu_components.gazetteer import load_gazetteer

# An explicit cue ("我叫", "名字是"), and the words right before a cue that make its name the project's (店名叫).
EXPLICIT_CUE = re.compile(rf"(?:{EXPLICIT_CUES})\s*$")
PROJECT_RIGHT_BEFORE = re.compile(r"(?:店名|店的|店铺|项目|公司|品牌|招牌|字号|名称)(?:的)?$")


def explicitly_named(match: re.Match[str]) -> bool:
    """A name after a cue that says outright a name follows ("我叫谌晓梅"), shaped like one: no surname list needed.

    Never a word the gazetteer knows (an item, a category, a place) nor a shop's ("米粉店").
    """
    name = match.group("name")
    cue = match.string[match.start() : match.start("name")]
    return bool(EXPLICIT_CUE.search(cue)) and name_shaped(name) and personal_word(name)


def personal_word(name: str) -> bool:
    """Not a shop's, a category's ("脱贫户") nor a word the gazetteer knows (an item, a place)."""
    if SHOP_WORDS.search(name) or SHOP_NAME.match(name) or situation.other_group(name):
        return False
    return not situation.described_category(name) and not load_gazetteer().find(name)


def named_in_new_part(match: re.Match[str]) -> bool:
    """名字叫/名字是 + a person's name opening a new part of the message, no shop or project word right before."""
    text, name = match.string, match.group("name")
    before = text[: match.start()]
    if not re.fullmatch(r"名字(?:叫|是)\s*", text[match.start() : match.start("name")]):
        return False
    if not plausible_name(name) or not personal_word(name) or not re.search(r"[，,。；;！!\s]$", before):
        return False
    return not SHOP_BEFORE.search(before) and not PROJECT_RIGHT_BEFORE.search(before.rstrip("，,。；;！! "))


def person_named_late(text: str, name: str) -> bool:
    """The name is the person's by :func:`named_in_new_part`, though a shop is talked about before it."""
    return any(m.group("name") == name and named_in_new_part(m) for m in NAME.finditer(without_fillers(text)))
