"""The message as the answer to the step asked, when it names no field of its own.

Only a message that names no field may answer the requested field as a whole: a free-text field (name, project,
industry, address, account) only when it plausibly is that kind of value (:mod:`actions.application.form_guard`); a
date or a yes/no read in words ("去年毕业的" → 2025, "以前没开过店" → first start-up).
"""

import re
from datetime import date
from typing import Any

import cn2an

from actions.application.form_business import address_only, kind_of_free_text, project_answered, trade_only
from actions.application.form_fields import BY_SLOT, CONFIRM_SLOT
from actions.application.form_guard import SUBMIT, account_digits, free_text_problem, is_question, plausible_name
from actions.application.form_labels import read_partners, said_again_at
from actions.application.form_leftover import leftover_project
from actions.application.form_money import read_term
from actions.application.form_values import Extraction
from actions.application.loan_borrower import borrower_said
from actions.eligibility.first_start import first_time
from actions.steps import dates
from contract.labels import CHOICE_LABELS

ANSWER_PREFIX = re.compile(
    r"^(?:我的|我们的)?(?:姓名|名字|项目名称|项目名|项目|行业|经营场所地址|经营地址|地址|银行账户|账号|账户)?"
    r"(?:是|叫做|叫|为|就是|填)?[:：\s]*"
)
# A reply this long with no submit word is no confirmation, whatever the NLU says ("对了，我还想问…").
LONG_REPLY = 10
# A name answered with words around it, while the name is asked.
NAME_SAID = re.compile(
    r"(?:我|我这边|这边是|这是|本人是?|我就是)?(?P<name>[\u4e00-\u9fff·]{2,20}?)"
    r"(?:是我的?(?:名字|姓名|全名)|就是我(?:本人)?|是我|本人)?[。.！!]?"
)
NOT_SAID_NAME = re.compile(r"天|上|下|会|先|再|来|去|说|发|问|看|想|给|填|写|等|找|办|查|交|弄|搞")


# A free-text answer that is only a kind of business ("改成公司吧" read as "公司"): the business type, never a project.
KIND_OF_BUSINESS = {
    **{label: code for code, label in CHOICE_LABELS["business_type"].items()},  # 个体工商户, 企业, 农民专业合作社
    **dict.fromkeys(("公司", "有限公司", "有限责任公司"), "enterprise"),
    **dict.fromkeys(("个体户", "个体"), "individual_business"),
    **dict.fromkeys(("合作社", "专业合作社"), "cooperative"),
}

CHANGED_TO = re.compile(r"^(?:那|那就|就|还是)?(?:改成|换成|改为|换为|改办|办成|注册成|弄成|改)?(?:个|一个|一家|家)?")


def _free_text(text: str) -> str:
    return ANSWER_PREFIX.sub("", text, count=1).strip(" 。.，,！!") or text.strip(" 。.，,！!")


def _said_name(name: str) -> bool:
    """A name with words around it: plausible, and no time or doing word ("我明天来", "我马上发" are no names)."""
    return plausible_name(name) and not NOT_SAID_NAME.search(name)


# A character spelled by a word it is in ("美丽的丽", "建设的建"): how the name is written, no name of its own.
SPELLS_A_CHARACTER = re.compile(r"[\u4e00-\u9fff]{1,3}的(?P<char>[\u4e00-\u9fff])")
# A clause about the question itself before the name ("啊你是问名字呀", "哦哦", "嗯好的"): no part of the answer.
ABOUT_THE_QUESTION = re.compile(r"问|名字|姓名|全名|[哦噢啊嗯呃哈]|好的|^好$|^行$|^对$|这个|那个")
NAME_PARTS = re.compile(r"[，,。.；;！!？?、…\s]+")


def name_in_reply(text: str) -> str | None:
    """The one name in a reply with words around it at the name step, else ``None``.

    "周莉，不对写错了，周丽，美丽的丽": the name after the self-correction, its spelling confirming it;
    "啊你是问名字呀，郑小红": the clause about the question dropped. Any other words in the reply read nothing here.
    """
    if (cut := said_again_at(text)) is not None:
        text = text[cut:]
    names: list[str] = []
    for part in (p for p in NAME_PARTS.split(text) if p):
        said = NAME_SAID.fullmatch(part)
        if said and _said_name(said["name"]):
            names.append(said["name"])
        elif not (SPELLS_A_CHARACTER.fullmatch(part) or ABOUT_THE_QUESTION.search(part)):
            return None
    return names[0] if len(set(names)) == 1 else None


def _confirm(intent: str) -> bool | None:
    if intent == "affirm":
        return True
    if intent == "deny":
        return False
    return None


# Words of a change at the summary ("店名改成…", "对，改一下", "电话换一个"): never a yes, whatever the NLU says.
CHANGE_WORDS = re.compile(r"改|换|错|不对|不是|更正|纠正")


def _confirmed(text: str, intent: str, named: bool) -> bool | None:
    """The answer at the summary: a submit word ("没错，提交吧") or the NLU's yes/no; nothing when values are named.

    A change asked for without a value read ("对，改一下") is a no: the user is asked what to change.
    """
    if named or (intent == "affirm" and not SUBMIT.search(text) and len(text) > LONG_REPLY):
        return None
    if CHANGE_WORDS.search(text) and not re.search(r"没错|不用改|不改|无误|没问题", text):
        return False
    return True if SUBMIT.search(text) and not is_question(text) else _confirm(intent)


def _first_start(text: str, intent: str) -> bool | None:
    """Yes or no to "first start-up?": in words ("以前没开过店" is a yes, whatever the intent), else the intent."""
    said = first_time(text)
    return said if said is not None else _confirm(intent)


COUNT_ANSWER = re.compile(
    r"^(?:一共|总共|共|有)?(?P<n>[两俩二三四五六七八九十\d]{1,2})\s*(?:个人|个|人|位)?(?:吧|啊|呢)?[。！!]*$"
)


def _count(text: str) -> int | None:
    """A number of people said alone at its step ("3", "三个", "俩")."""
    if not (match := COUNT_ANSWER.match(text.strip())):
        return None
    said = match["n"]
    if said in ("俩", "两"):
        return 2
    try:
        return int(cn2an.cn2an(said, "smart"))
    except ValueError:
        return None


def _partners(text: str) -> int | None:
    return read_partners(text) or _count(text)


def answer_to_requested(requested: str, text: str, intent: str, found: Extraction) -> Any:
    """The message as the answer to the requested field, or None (``found.problem`` says why, when it matters)."""
    named = found.values
    if requested == CONFIRM_SLOT:
        return _confirmed(text, intent, bool(named))
    if requested == "first_time_founder" and (first := _first_start(text, intent)) is not None:
        return first
    if requested not in BY_SLOT or requested in named or requested == "application_items" or named:
        # a message naming other fields never answers this one as a whole, but for the one part of a list no
        # other field took at the project's step ("晓明文具，零售，个体户")
        bare = requested == "project_name" and named and requested not in named
        return leftover_project(text, named, asked=True) if bare else None
    if BY_SLOT[requested].free_text:
        value = _free_text(text)
        if requested == "premises_address":
            value = address_only(value) or value  # "店在…88号，想贷十万": the address alone
        if requested == "project_name":
            value = project_answered(value)  # "就叫乐乐工坊吧" → 乐乐工坊
        if requested == "bank_account":
            value = account_digits(value) or value  # "建设银行衡阳分行 6217 0012 …" → the digits alone
        said = NAME_SAID.fullmatch(value) if requested == "applicant_name" else None
        if said and said["name"] != value and _said_name(said["name"]):
            value = said["name"]  # "我王芳", "王芳是我的名字", "这边是王芳"
        business = KIND_OF_BUSINESS.get(value) or KIND_OF_BUSINESS.get(
            CHANGED_TO.sub("", value).rstrip("吧啊呀了的。.!！")
        )
        # "卖水果的", "奶茶" for the project: the trade, and the name asked again with an example
        trade = trade_only(value) if requested == "project_name" and not business else None
        kind = "business_type" if business else ("industry" if trade else kind_of_free_text(value))
        shop_for_name = requested == "applicant_name" and kind == "project_name"  # "小王烧烤店" for the name
        if (requested in ("project_name", "industry") or shop_for_name) and kind is not None and kind != requested:
            # an industry while the project is asked (or the reverse) goes where it belongs; "改成公司吧": the type;
            # a shop's name at the name step is the project's, and the name is asked again
            named[kind] = business or trade or value
            return None
        found.problem = free_text_problem(requested, value)
        if found.problem and requested == "applicant_name" and (in_reply := name_in_reply(text)):
            found.problem, value = None, in_reply  # "啊你是问名字呀，郑小红": the name, said back
            found.shown[requested] = f"{BY_SLOT[requested].label}：{in_reply}"
        return None if found.problem else value
    return _structured(requested, text, found)


def _loan_step(slot: str, text: str) -> Any:
    """A loan step's answer in words: "那就两年" → 24; "三个人合伙" → 3; "以个人名义" → individual."""
    if slot == "loan_term_months":
        return read_term(text, asked=True)
    return _partners(text) if slot == "partner_count" else borrower_said(text)


def _structured(slot: str, text: str, found: Extraction) -> Any:
    """The part of the text that answers a structured field (``去年毕业的`` → ``2025``, ``那就两年`` → 24)."""
    if slot in ("loan_term_months", "partner_count", "loan_borrower"):
        return _loan_step(slot, text) or text
    if slot == "graduation_year":
        if year := dates.graduation_year(text, date.today()):
            found.shown[slot] = year.shown
            return year.year
        return text
    if slot == "business_started_on":
        start = dates.business_start(text, date.today())
        if start is not None and start.started_on is not None:
            found.shown[slot] = start.shown
            return start.started_on.isoformat()
        if start is not None:
            found.not_yet_registered = True
            return None
    return text
