"""The applicant's name in a message: after a cue (我叫/姓X名Y/他叫 on the hotline), or leading a list of fields.

Part of the labelled extractor (:mod:`actions.application.form_labels`): a shop's name after "…店，名字叫" is the
project's, an industry word is never a person, and "他叫…" in a user's own chat names somebody else. A correction of
one character of the name is read by :mod:`actions.application.form_name_fixes`.
"""

from __future__ import annotations

import re

from actions.application.form_cues import BUSINESS_BEFORE, INDUSTRY_WORDS, SHOP_NAME
from actions.application.form_guard import plausible_name
from actions.application.form_name_cues import (
    GROUP_WORDS,
    I_THEN_NAME,
    LEADERS,
    LEADING_NAME,
    NAME,
    NAME_CUES,
    NAME_SPELLED,
    NAME_THIRD_PERSON,
    PERSON_BEFORE,
    PERSON_DETAILS_AFTER,
    SELF_CLAUSE_BEFORE,
    SHOP_BEFORE,
    SHOP_WORDS,
    SURNAME_GIVEN,
    SURNAME_THEN_NAME,
    THIRD_PERSON,
    without_fillers,
)
from actions.application.form_name_evidence import explicitly_named, named_in_new_part
from nlu_components.gazetteer import load_gazetteer


def surname_and_name(text: str) -> str | None:
    """A name said with its surname first (姓王名建国, 姓王叫建国, 我姓王，叫王建国) or spelled out (立早章的章)."""
    if match := SURNAME_THEN_NAME.search(text):
        return match.group("name")
    if match := SURNAME_GIVEN.search(text):
        return match.group("surname") + match.group("given")
    if not (spelled := NAME_SPELLED.search(text)):
        return None
    # "胡建军，古月胡，建设的建": the name before its spelling; "名字是刘立早章的章刘章": the name said after it
    before = LEADING_NAME.match(text[: spelled.start()].strip(" ，,"))
    after = LEADING_NAME.match(text[spelled.end() :])
    return next((m.group("name") for m in (before, after) if m and plausible_name(m.group("name"))), None)


# The subject said twice on the hotline ("来电人他叫周强", "客户她姓王"): the pronoun after the role is dropped.
# A role the name cues know is kept (来电人叫, 客户叫); for another ("来电的他叫") the pronoun is.
SUBJECT_TWICE = re.compile(
    r"(?:(?P<role>来电人|客户|对方|申请人)|来电的|这位|那位|老人家)(?:呢|嘛|啊)?(?P<pronoun>[他她])"
    r"(?=的?(?:名字|姓名|全名|叫|姓|是))"
)


def one_subject(text: str) -> str:
    """The message with the subject said once: "来电人他叫周强" → "来电人叫周强"; "来电的她叫…" → "她叫…"."""
    return SUBJECT_TWICE.sub(lambda match: match.group("role") or match.group("pronoun"), text)


def read_name(text: str, has_numbers: bool, third_person: bool = False) -> str | None:
    """A personal name said with a cue (我叫/姓X名Y), or leading a message that gives an ID or phone.

    Args:
        text: The message.
        has_numbers: The message also gives an ID number or a phone number.
        third_person: The conversation is a hotline call, where 他叫/她叫/来电人叫 name the applicant (the caller);
            anywhere else those cues name somebody else and nothing is read from them.
    """
    text = without_fillers(one_subject(text))
    if said := surname_and_name(text):
        return said
    patterns = (NAME, NAME_THIRD_PERSON) if third_person else (NAME,)
    for match in (m for pattern in patterns for m in pattern.finditer(text)):
        described = text[match.end("name") :].startswith("的") and "是" in text[match.start() : match.start("name")]
        personal = _personal(match.group("name")) or explicitly_named(match)
        group = GROUP_WORDS.search(match.group("name"))  # "我是应届生": who the person is
        if personal and not group and not _a_business_name(text, match) and not described:
            return match.group("name")  # not "我是易地搬迁的脱贫人口": who the person is, not their name
    if not third_person and THIRD_PERSON.search(text):
        return None  # "他叫王刚，身份证…" in a user's own chat: someone else's details, not a name to guess
    if has_numbers and (uncued := _leading_name(text) or _said_as_mine(text)):  # "我贺文静，4301…" too
        return uncued
    if has_numbers:  # "帮来电人办理：黄大明，身份证…": a part that is only a name, near the start
        parts = [part.strip() for part in re.split(r"[，,。；;：:！!？?\s]+", text) if part.strip()]
        return next((part for part in parts[:4] if _uncued_name(part)), None) or _late_name(parts)
    return None


# A late part shaped like a place or a shop ("岳麓区", "米粉店") is none of a person's.
NOT_A_LATE_NAME = re.compile(r"(?:省|市|区|县|州|镇|乡|村|路|街|巷|号|组|店|馆|坊|铺|社|厂|行|摊|站|园|场)$")
ID_OR_PHONE = re.compile(r"(?<![\dA-Za-z])(?:\d{17}[\dXx]|1[3-9]\d{9})(?![\dA-Za-z])")


def _late_name(parts: list[str]) -> str | None:
    """A bare name late in a list that gives an ID or phone ("…，十六万，两年，周立军，4306…"), else ``None``.

    Later in a list a bare word is more often something else: a three-character name anywhere, a two-character one
    only right before or after the ID or phone; never a place, a shop, an item or a category the gazetteer knows.
    """
    numbered = [i for i, part in enumerate(parts) if ID_OR_PHONE.search(part)]
    for i, part in enumerate(parts[4:], start=4):
        beside = any(abs(i - j) == 1 for j in numbered)
        if not numbered or not _uncued_name(part) or NOT_A_LATE_NAME.search(part) or (len(part) < 3 and not beside):
            continue
        if not load_gazetteer().find(part) and _tagged_a_person(part):
            return part
    return None


def _tagged_a_person(part: str) -> bool:
    """Jieba's part-of-speech tags allow a person: a two-character word only tagged a name (王芳, not 明天)."""
    import jieba.posseg  # only for a bare word late in a list (the NLU's Jieba, its dictionary loaded once)

    tags = [(pair.word, pair.flag) for pair in jieba.posseg.cut(part)]
    if len(part) == 2:
        return tags == [(part, "nr")]
    return not (len(tags) == 1 and tags[0][1] != "nr")  # "岳麓区" is one place word


def _leading_name(text: str) -> str | None:
    """A name leading the message ("黄大明，身份证…"), said without a cue."""
    leading = LEADING_NAME.match(text)
    return leading.group("name") if leading is not None and _uncued_name(leading.group("name")) else None


def _said_as_mine(text: str) -> str | None:
    """A name right after a bare 我 and followed by the person's details ("我贺文静，4301…"), else ``None``."""
    for match in I_THEN_NAME.finditer(text):
        name = match.group("name")
        if _uncued_name(name) and PERSON_DETAILS_AFTER.match(text[match.end("name") :]):
            return name
    return None


def _a_business_name(text: str, match: re.Match[str]) -> bool:
    """The cue names the business: "奶茶店，名字叫…", or "名字叫/叫…" after words of a business and not of a person.

    "名字叫/姓名" with a person's name after it, late in a message about a shop, is the person's, unless a project's
    word is right before the cue ("店名字叫…").
    """
    before = text[: match.start()]
    cue = text[match.start() : match.start("name")]
    if re.search(rf"我|本人|申请人|来电人|[他她]|姓名|{LEADERS}", cue):  # "开了个店，我叫刘芳": the person's
        return False
    if named_in_new_part(match):  # "…推拿店做了两年，想申请补贴，名字叫姚春生": the person's
        return False
    if introduces_person(text, match.group("name")):  # "开个小面馆，叫张伟，身份证…": the person's
        return False
    if speaker_named(before, match.group("name")):  # "成立合作社种油茶，我是牵头人，叫雷满仓": the person's
        return False
    return business_named_after(before)  # 名字叫, 叫做, 叫: whose name? The words before say


def introduces_person(text: str, name: str) -> bool:
    """The name is followed by a person's details (ID, phone, category …): a person's, not a shop's, name.

    A name shaped like a shop's ("刘记面馆") stays the shop's.
    """
    at = text.find(name)
    personal = at >= 0 and plausible_name(name) and not SHOP_NAME.match(name)
    return personal and bool(PERSON_DETAILS_AFTER.match(text[at + len(name) :]))


def speaker_named(before: str, name: str) -> bool:
    """The clause right before 叫 says who the speaker is ("我是牵头人，"), and a person's name follows.

    "…成立农民专业合作社种油茶，我是牵头人，叫雷满仓": 雷满仓 is the applicant, whatever business came earlier.
    """
    return bool(SELF_CLAUSE_BEFORE.search(before)) and _personal(name) and not SHOP_NAME.match(name)


def business_named_after(before: str) -> bool:
    """Whether "名字叫…" after these words names the business, not the person.

    Right after a shop word, or after words of a business and none of a person ("我想开个奶茶店，想好了名字叫…").
    """
    return bool(SHOP_BEFORE.search(before) or (BUSINESS_BEFORE.search(before) and not PERSON_BEFORE.search(before)))


def name_cued(text: str) -> bool:
    """The message names the person with a cue (我叫, 姓名是, 姓X名Y, 他叫 …), not only a name-like word."""
    text = one_subject(text)
    cued = (m for pattern in (NAME, NAME_THIRD_PERSON) for m in pattern.finditer(text))
    return any(not _a_business_name(text, m) for m in cued) or bool(surname_and_name(text))


# Two-character surnames: a name of four characters said without a cue starts with one ("欧阳晓明"); any other
# four characters in a list ("水电安装", "布艺制品") are the business's words, not a person.
COMPOUND_SURNAMES = re.compile(
    r"^(?:欧阳|司马|诸葛|上官|东方|皇甫|尉迟|公孙|慕容|令狐|夏侯|端木|长孙|宇文|司徒|轩辕|钟离|申屠|澹台|南宫|西门|独孤|万俟)"
)
LONGEST_SINGLE_SURNAME_NAME = 3


def _uncued_name(value: str) -> bool:
    """A name said without a cue: plausible, and no industry ("居民服务", "文化零售" start with surnames)."""
    cue = re.fullmatch(rf"(?:{NAME_CUES})[:：]?", value)  # "全名", "大名": a cue whose name did not follow
    if len(value) > LONGEST_SINGLE_SURNAME_NAME and "·" not in value and not COMPOUND_SURNAMES.match(value):
        return False
    return plausible_name(value) and not re.search(INDUSTRY_WORDS, value) and not value.endswith("业") and not cue


def _personal(name: str) -> bool:
    """A plausible personal name that is not a shop's (李记米粉, 王家小馆)."""
    return plausible_name(name) and not SHOP_WORDS.search(name)
