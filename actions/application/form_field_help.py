"""Questions about how to fill a field of the one form: "手机号要几位", "行业怎么填", "项目名称是什么意思".

Asked at any step, such a question is answered from the form's own description of the field (what it is, its
format, an example), and the step being asked is asked again. A question about a material or a policy ("经营场所
证明是什么", "毕业证要交吗", "能贷多少") is not about filling a field: the knowledge base answers it.
"""

from __future__ import annotations

import re

from actions.application.form_fields import CONFIRM_SLOT
from actions.application.form_guard import EXAMPLES, one_of
from actions.conversation.not_understood import CONFIRM_APPLICATION

# What names each field in a question, most specific first ("项目名称" before "名称", "手机" before "号码").
FIELD_WORDS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("project_name", re.compile(r"项目名称|项目名字|项目名|项目叫|店名|店铺名|项目")),
    ("business_type", re.compile(r"经营主体类型|主体类型|经营类型|经营形式")),
    ("industry", re.compile(r"行业")),
    ("bank_account", re.compile(r"银行账户|银行账号|银行卡|收款账户|账户|账号")),
    ("premises_address", re.compile(r"经营场所地址|经营地址|场所地址|地址|经营场所|门牌")),
    ("id_number", re.compile(r"身份证")),
    ("phone", re.compile(r"手机|电话|联系方式")),
    ("partner_count", re.compile(r"合伙人数|合伙人")),
    ("loan_term_months", re.compile(r"贷款期限|期限|年限|还款期")),
    ("loan_amount", re.compile(r"贷款金额|金额|额度")),
    ("person_category", re.compile(r"人员类别|类别")),
    ("graduation_year", re.compile(r"毕业年份|毕业时间")),
    ("business_started_on", re.compile(r"成立日期|成立时间")),
    ("applicant_name", re.compile(r"姓名|名字")),
    ("first_time_founder", re.compile(r"首次创业|第一次创业")),
)
# How to fill it: format, meaning, what to write (a question, with or without "？").
FORMAT_QUESTION = re.compile(
    r"几位|多少位|几个数|几个字|什么格式|格式|怎么填|咋填|如何填|怎么写|咋写|填什么|写什么|填啥|写啥|"
    r"什么意思|啥意思|是什么|是啥|指什么|指的是|是指|填哪|精确到|写到哪|多详细|写多细|要写全|"
    r"能不能填|可以填|能填|可不可以填|能不能写|可以写|要不要写|要写|要填|最后一位|带X|带x|有X|有x"
)
# Leaving a choice to the bot ("随便", "你帮我定吧"): the choices are explained, the user still picks.
UNDECIDED = re.compile(
    r"随便|都行|都可以|无所谓|你(?:帮我|给我)?(?:定|决定|看着办|选|说了算)|不知道(?:选|填)|不懂|不清楚|不太懂"
)
CHOICE_FIELDS = frozenset({"business_type", "person_category"})
# A question about a paper to hand in or about a policy is the knowledge base's, not the form's.
NOT_ABOUT_FILLING = re.compile(r"证明|材料|要交|提交|上传|带什么|带上|原件|复印件|能贷多少|贷多少|利息|贴息|补贴多少")
MEANING = {
    "applicant_name": "申请人姓名填写与身份证上一致的中文姓名",
    "id_number": "居民身份证号码是18位，前17位是数字，最后一位是数字或字母X（X大小写都可以）",
    "phone": "手机号码填11位的中国大陆手机号，以1开头，用来接收办理通知，显示时会打码",
    "project_name": "创业项目名称就是您要办的店铺、公司或项目的名字",
    "industry": "行业填项目所属的行业",
    "business_type": f"经营主体类型是以什么形式经营：{one_of('business_type')}，选一个就行。"
    "一个人或一家人经营的小店一般选个体工商户，几个人合伙或规模较大的可以选企业（如有限公司），"
    "农民合作经营选农民专业合作社",
    "premises_address": "经营场所地址是店铺或经营场所的详细地址，写到路名门牌号或村组",
    "bank_account": "银行账户填经营主体用于收款的银行账号（只写数字），补贴会打到这个账户",
    "loan_amount": "贷款金额填您想贷多少，说“15万”或“150000”都可以",
    "loan_term_months": "贷款期限填想贷多长时间，按年或按月说都可以",
    "partner_count": "合伙人数填一起创业的总人数（含您自己），合伙贷款按人数合计，人均还可上浮不超过10%",
    "loan_borrower": "贷款主体是以谁的名义贷款：个人、合伙（几个人一起创业）或小微企业",
    "person_category": f"人员类别从这几类里选：{one_of('person_category')}",
    "graduation_year": "毕业年份填毕业证上的毕业年份，说“去年毕业”也可以",
    "business_started_on": "成立日期填营业执照上的成立日期，记不清具体哪天说到月份也可以",
    "application_items": "这一步是选您要办哪几件事，说事项的名字就行，办一件或几件都可以",
    "other_category": f"这一步是看您是不是属于这几类人员：{one_of('other_category')}，属于哪类就说哪类",
    "first_time_founder": "这一步是问您是不是第一次创业：以前没开过店、没办过营业执照就回复“是”，以前创过业就回复“否”",
    "city": "这一步要的是经营场所在哪个市，例如“长沙市”",
    "county": "这一步要的是经营场所在哪个区或县，例如“岳麓区”",
}


def field_asked(text: str) -> str | None:
    """The form field a question asks how to fill, or ``None`` (not such a question).

    Args:
        text: The user's message.

    Returns:
        The slot whose meaning or format is asked ("手机号要几位" → ``phone``).
    """
    if not FORMAT_QUESTION.search(text) or NOT_ABOUT_FILLING.search(text):
        return None
    return next((slot for slot, words in FIELD_WORDS if words.search(text)), None)


def undecided(requested: str | None, text: str) -> str | None:
    """The choice field the user leaves to the bot ("随便", "你帮我定吧" at the business type), or ``None``."""
    return requested if requested in CHOICE_FIELDS and UNDECIDED.search(text) else None


def field_help(slot: str) -> str:
    """How to fill ``slot``: what it is and an example ("手机号码填11位…例如“13912345678”")."""
    example = EXAMPLES.get(slot, "")
    hint = re.sub(r"^[^“]*?(?=例如)", "", example) if "例如" in example else ""
    return f"{MEANING[slot]}{'，' + hint if hint else ''}。"


def step_help(slot: str) -> str:
    """What a step of the form needs, in plain words with an example (the confirmation: how to say yes or change)."""
    return CONFIRM_APPLICATION if slot == CONFIRM_SLOT else field_help(slot)
