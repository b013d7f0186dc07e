"""The loan's amount and term in a message for the application: their cue words and their reading.

Part of the labelled extractor (:mod:`actions.application.form_labels`). Chinese numerals are read by cn2an, with
百 and 千 ("想贷一百二十万", "贷三百万"); a term may follow an acknowledgement ("行，那就改成两年").
"""

from __future__ import annotations

import re
from typing import Any

import cn2an

from actions.application.form_cues import segments

# A number as said: digits, or Chinese numerals up to the thousands ("十六", "一百二十", "三百").
NUMERAL = r"(?:\d{1,4}|[一二两三四五六七八九十百千零]{1,6})"
SMALL_NUMERAL = r"(?:\d{1,3}|[一二两三四五六七八九十]{1,3})"  # a term's years or months
AMOUNT_CUED = re.compile(rf"(?:贷款?|借款?|额度|金额)[^\d一二两三四五六七八九十百千，,。]{{0,4}}(?P<n>{NUMERAL})\s*万")
TERM = re.compile(
    rf"(?:期限|贷款期|借|贷|还款期|分)[^，,。；;\d一二两三四五六七八九十]{{0,4}}(?P<n>{SMALL_NUMERAL})\s*(?P<unit>年|个月)"
    rf"|(?P<n2>{SMALL_NUMERAL})\s*(?P<unit2>年|个月)(?:期|还清|还完|内还|来还|还款)"  # 两年还清
    # "十万吧，两年", "12万用三年"
    r"|[万wW](?:元|块钱?)?(?:吧|呗|啊|左右|就够了?|就行|够了)?[，,\s]*(?:分|借|贷|用|还)?"
    r"(?P<n3>\d{1,2}|[一二两三四五六七八九十]{1,3})\s*(?P<unit3>年|个月)(?!前|后|毕业)"
)
# Words before a term said alone at the term's step: an acknowledgement and a change ("行，那就改成两年", "好吧 三年").
TERM_LEAD = (
    r"(?:那就|那么|那好|那行|那|就|嗯+|好的|好吧|好|行吧|行|可以|OK|ok|要不|还是|要|改成|换成|改为|按|贷|借|期限)"
)
# A term said alone as the answer to the term's step, with words around it ("那就两年", "三年吧", "改成24个月").
TERM_ANSWER = re.compile(
    rf"^(?:{TERM_LEAD}[，,。.\s!！~～]*)*(?P<n>{SMALL_NUMERAL})\s*(?P<unit>年|个月)"
    r"(?:吧|的|期|就行|就好|好了)?[。！!]*$"
)
# A sum in 万 said on its own ("十万吧，两年"): the loan's amount once the loan is chosen, unless other money is named.
SUM_IN_WAN = re.compile(rf"(?<![\d一二两三四五六七八九十百千.])(?P<n>{NUMERAL})\s*万(?!人|多人|个)")
OTHER_MONEY = re.compile(r"房租|租金|投资|营业额|收入|成本|工资|存款|本钱|流水|利润|月薪|年薪|装修|补贴|营收|欠")
# A sum said roughly ("十来万", "一二十万", "二三十万", "几万", "二十多万", "万把块"): never a figure to store.
VAGUE_SUM = re.compile(
    r"(?:十来|几十|十几|[一二两三四五六七八九]十来|[一二两三四五六七八九]十几|一二十|二三十|三四十|四五十|两三|三五|三四|一两|好几|几)万"
    r"|(?:[一二两三四五六七八九十\d]{1,3})多万|万把(?:块)?"
)
# "还想借个12万", "想贷个二三十万", "借几万块钱": the loan, with or without a figure ("贷/借" + 万).
LOAN_WORDS = re.compile(
    r"贷款|借款|(?:贷|借)(?:个|点|上|了)?\s*(?:\d|[一二两三四五六七八九十百几])|(?<![凭假])(?:贷|借)[^，,。；;！!？?借贷]{0,5}万"
)
# A part that is only a sum or a duration ("十六万", "两年", "36个月", "一百二十万元"): never a project or industry.
ONLY_FIGURE = re.compile(rf"^(?:贷|借|要)?{NUMERAL}\s*(?:万元?|万块钱?|年|个月|元)(?:吧|的|左右)?$")


def number(word: str) -> int | None:
    """The value of a number said in digits or Chinese numerals ("一百二十" → 120), or ``None``."""
    try:
        return int(cn2an.cn2an(word, "smart"))
    except ValueError:
        return None


def vague_sum(text: str) -> str | None:
    """A sum said roughly ("想贷个二三十万" → "二三十万"), which is never read as a figure, or ``None``."""
    match = VAGUE_SUM.search(text)
    return match.group(0) if match else None


def without_vague(text: str, entities: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The entities without an amount the NLU read inside a rough sum ("二三十万" is not 30万)."""
    spans = [(m.start(), m.end()) for m in VAGUE_SUM.finditer(text)]
    return [e for e in entities if e.get("entity") != "amount" or not _inside(e, spans)]


def _inside(entity: dict[str, Any], spans: list[tuple[int, int]]) -> bool:
    """An entity overlapping one of ``spans`` (one without offsets counts when any span is there)."""
    start, end = entity.get("start"), entity.get("end")
    if not isinstance(start, int) or not isinstance(end, int):
        return bool(spans)
    return any(s < end and start < t for s, t in spans)


def read_sum(text: str) -> str | None:
    """A sum in 万 said without a loan word ("十万吧，两年" → 100000), when no other money is named (房租, 投资 …)."""
    if VAGUE_SUM.search(text):
        return None  # "二三十万": a figure is asked for, never guessed
    match = SUM_IN_WAN.search(text)
    found = number(match.group("n")) if match and not OTHER_MONEY.search(text) else None
    return str(found * 10000) if found else None


def read_term(text: str, asked: bool = False) -> int | None:
    """The loan term in months from 期限3年 / 贷三年 / 36个月 / 3年期 (and "那就两年" when the term is asked)."""
    match = TERM.search(text) or (TERM_ANSWER.match(text.strip()) if asked else None)
    if not match:
        return None
    found = match.groupdict()
    months = number(found.get("n") or found.get("n2") or found.get("n3") or "")
    unit = found.get("unit") or found.get("unit2") or found.get("unit3")
    if months is None:
        return None
    return months * 12 if unit == "年" else months


def read_amount(text: str) -> list[str]:
    """A loan amount in 万 the NLU missed, e.g. glued to the term ("贷款12万3年" → 120000, "想贷一百二十万")."""
    if VAGUE_SUM.search(text):
        return []
    match = AMOUNT_CUED.search(text)
    found = number(match.group("n")) if match else None
    return [str(found * 10000)] if found else []


def names_loan(text: str, amount_tagged: bool = False) -> bool:
    """Whether a message names the loan: a loan word ("贷款", "借18万") or a loan amount the NLU tagged."""
    return amount_tagged or bool(LOAN_WORDS.search(text)) or "额度" in text


def bare_term(text: str) -> int | None:
    """A loan term said alone as one part of a message ("借18万，个人名义，两年" → 24; "按最高额度来，3年" → 36).

    Only the caller knows the loan is meant (:func:`names_loan`, or the loan chosen). A business's age ("开了3年")
    or a graduation ("3年前毕业") is never a part of its own that is only a term, so it is never read.
    """
    return next((term for part in segments(text) if (term := read_term(part, asked=True))), None)


def only_figure(part: str) -> bool:
    """A list part that is only a sum or a duration ("十六万", "两年"): never a project, industry or name."""
    return bool(ONLY_FIGURE.match(part.strip()))
