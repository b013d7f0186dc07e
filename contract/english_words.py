"""English words people mix into Chinese messages, read as their Chinese counterparts ("name：王明" → "姓名：王明").

A returned student or a young founder types "name：…，ID：…，phone：…，想register一个company", "想complain下：…",
"OK submit吧". The NLU normaliser
(``nlu_components/text_normalizer.py``) and the application form's reading (``actions/application/form_labels.py``)
both read such a message through :func:`chinese_words`, so each English word has one Chinese reading, written here.
The items' English names (loan, subsidy, license) are the item gazetteer's aliases and are not listed again; a
phrase ("business license", "register a business") is read as the item's Chinese name, which the intents know.

Standard library only, like the rest of :mod:`contract`.
"""

from __future__ import annotations

import re

# English word or phrase → the Chinese word read in its place (longer phrases first within a meaning).
ENGLISH_WORDS: dict[str, str] = {
    "full name": "姓名",
    "my name is": "我叫",
    "name": "姓名",
    "id number": "身份证号",
    "id no.": "身份证号",
    "id no": "身份证号",
    "id card": "身份证",
    "id": "身份证号",
    "phone number": "手机号",
    "mobile number": "手机号",
    "cell phone": "手机号",
    "mobile": "手机号",
    "phone": "手机号",
    "tel": "手机号",
    # a wish in English ("I want to register a business"): the NLU reads the wish in Chinese
    "i want to": "我想",
    "i'd like to": "我想",
    "i would like to": "我想",
    # the registration by its English names: the item's Chinese names, which the NLU and the form know
    "business license": "营业执照",
    "business licence": "营业执照",
    "business registration": "经营主体登记注册",
    "register a business": "经营主体登记注册",
    "register my business": "经营主体登记注册",
    "register business": "经营主体登记注册",
    "business": "生意",
    "registered": "注册了",
    "register": "注册",
    "registration": "注册",
    "company": "公司",
    "startup": "创业",
    "start-up": "创业",
    "shop": "店",
    "store": "店",
    "graduated": "毕业",
    "graduate": "毕业生",
    "returned from abroad": "留学回国人员",
    "returnee": "留学回国人员",
    "studied abroad": "留学回国人员",
    "address": "地址",
    "project": "项目",
    "industry": "行业",
    "veteran": "退役军人",
    "unemployed": "失业人员",
    # courses and what they cost ("SYB class要钱吗", "有free course吗", "training fee多少")
    "training fee": "培训费",
    "tuition fee": "学费",
    "tuition": "学费",
    "training": "培训",
    "course": "课程",
    "courses": "课程",
    "class": "课",
    "classes": "课",
    "lesson": "课",
    "lessons": "课",
    "fee": "费用",
    "fees": "费用",
    "free": "免费",
    # acting in the conversation ("想complain下：…staff…", "OK submit吧", "cancel掉"): the words the routers read
    "complaints": "投诉",
    "complaint": "投诉",
    "complain": "投诉",
    "submit": "提交",
    "cancel": "取消",
    "staff": "工作人员",
    "okay": "好的",
    "ok": "好的",
}
_PHRASES = sorted(ENGLISH_WORDS, key=len, reverse=True)
# A listed word standing on its own: no Latin letter right before or after it ("ID" but not "IDEA").
ENGLISH = re.compile(
    r"(?<![A-Za-z])(?:" + "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in _PHRASES) + r")(?![A-Za-z])",
    re.IGNORECASE,
)


def chinese_words(text: str) -> str:
    """``text`` with the listed English words as their Chinese counterparts; the rest unchanged.

    The text's length may change: read it, do not map offsets back through it.
    """
    return ENGLISH.sub(lambda match: ENGLISH_WORDS[" ".join(match.group(0).lower().split())], text)


def latin_only(word: str) -> bool:
    """Whether a word is written in Latin letters only (with digits or spaces): never a project's or a person's name."""
    stripped = word.strip(" .,'-")
    return (
        bool(stripped)
        and bool(re.fullmatch(r"[A-Za-z0-9\s.,'&-]+", stripped))
        and bool(re.search(r"[A-Za-z]", stripped))
    )
