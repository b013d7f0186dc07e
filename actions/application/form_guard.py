"""What may fill a free-text field, the form's navigation words, and how to ask again without looping.

A free-text field (name, project, industry, address, bank account) takes a message only when it plausibly is that
kind of value: a submit word, "上一步", a question without "？" or a string of digits is never stored as a name or a
project. After two failed answers to the same step the bot says exactly what it needs with an example, offers the
choices as buttons where there are any, and offers a person; the wording changes so no prompt repeats three times.
"""

from __future__ import annotations

import re
from typing import Any

from actions.application.form_mistake_words import SLIP, WRONG
from actions.conversation import question_shape
from actions.steps.step_failures import NOT_TAKEN, back_lead
from contract.labels import CHOICE_LABELS, FIELD_LABELS

SURNAMES = (
    "赵钱孙李周吴郑王冯陈褚卫蒋沈韩杨朱秦尤许何吕施张孔曹严华金魏陶姜戚谢邹喻柏水窦章云苏潘葛奚范彭郎鲁韦昌"
    "马苗凤花方俞任袁柳酆鲍史唐费廉岑薛雷贺倪汤滕殷罗毕郝邬安常乐于时傅皮卞齐康伍余元卜顾孟平黄和穆萧尹姚邵"
    "湛汪祁毛禹狄米贝明臧计伏成戴谈宋茅庞熊纪舒屈项祝董梁杜阮蓝闵季麻强贾路娄危江童颜郭梅盛林刁钟徐邱骆高夏"
    "蔡田樊胡凌霍虞万支柯昝管卢莫经房裘缪干解应宗丁宣贲邓郁单杭洪包诸左石崔吉钮龚程嵇邢滑裴陆荣翁荀羊於惠甄"
    "曲家封芮羿储靳汲邴糜松井段富巫乌焦巴弓牧隗山谷车侯宓蓬全郗班仰秋仲伊宫宁仇栾暴甘钭厉戎祖武符刘景詹束龙"
    "叶幸司韶郜黎蓟薄印宿白怀蒲邰从鄂索咸籍赖卓蔺屠蒙池乔阴胥能苍双闻莘党翟谭贡劳逄姬申扶堵冉宰郦雍郤璩桑桂"
    "濮牛寿通边扈燕冀郏浦尚农温别庄晏柴瞿阎充慕连茹习宦艾鱼容向古易慎戈廖庾终暨居衡步都耿满弘匡国文寇广禄阙"
    "东欧殳沃利蔚越夔隆师巩厍聂晁勾敖融冷訾辛阚那简饶空曾毋沙乜养鞠须丰巢关蒯相查後荆红游竺权逯盖益桓公"
    "仉督晋楚闫法汝鄢涂钦归海岳帅缑亢况后有琴商牟佘佴伯赏墨哈谯笪年爱阳佟言福覃粟邝付蒲肖"
    "谌禤麦冼练揭敬仝蹇战植原卿旷凡"
)  # the Hundred Family Surnames plus common ones it lacks (覃, 粟, 邝, 付, 肖; Hunan's 谌, 旷, 卿; 禤, 冼, 麦)
NOT_IN_NAMES = re.compile(
    r"提交|确认|上一|重新|重填|取消|返回|申请|贷款|补贴|执照|项目|地址|行业|身份|手机|电话|毕业|农民|退役|军人|大学|"
    r"公司|个体|合作社|什么|怎么|多少|哪里|不是|没有|可以|需要|知道|不要|好的|谢谢|你好|[的了吗呢吧么啊呀哦嗯我你他她它这那]"
    r"|[不没啥]|^[都就也还]"  # "都不是的，普通老百姓": "都不", "全都不" are no names
)
# A request to submit; never when the message negates it or names the term 免提交 ("先别提交", "免提交指什么").
SUBMIT = re.compile(
    r"^(?!.*(?:免提交|别提交|不要提交|不提交|先不|暂不|别交|不交|撤)).*"
    r"(?:确认提交|提交|确认无误|没问题了?$|就这样|就这么(?:交|办|定|弄)|照这个交|可以提交|帮我交|交上去)"
)
# A request to see what has been filled in ("核对下信息", "发我看看", "再给我看一遍", "我填的对不对"): the values are
# shown and the step asked again. Never a confirmation, even when the NLU reads it as one (a review is not "submit").
REVIEW = re.compile(
    r"核对|过目|汇总|预览|(?:检查|确认)一下(?:信息|资料|内容|表)|"
    r"(?:看|瞧|瞅|列|念|读|发|显示)(?:一?下|看|一遍|出来|给我)?(?:我|我们)?(?:现在|目前|刚才|刚刚)?(?:填|写|登记|记)好?(?:的|了)|"
    r"(?:看|瞧|瞅|列|念|读|发|显示)(?:一?下|看|一遍|出来|给我)?(?:信息|资料|内容|表格?|申请表|采集表)|"
    r"再(?:给我|发我?)?(?:看|列|念|读|显示)|(?:发|给)我(?:看|瞧|瞅|核对)|列(?:出来|一下|个单)|"
    r"^(?:让|给)?我?(?:先|再)?(?:看看|看下|看一下|瞅瞅|瞧瞧)[吧呢。.!！]*$|"
    r"(?:填|写|记)了(?:啥|什么|哪些)|(?:填|写|记)的(?:对不对|有没有错|没错吧)|(?:念|读)(?:一遍|一下|给我)|"
    r"(?:填|写|记|登记)好?(?:的|了)[^，。,]{0,8}(?:看|瞧|瞅|念|读|核)|(?:信息|资料|内容|表)[^，。,]{0,4}(?:看|瞧|瞅|核)|"
    r"^(?:我们|咱们)?(?:对|核)一?下(?:信息|资料|内容|表)?|(?:看|瞧|瞅)[^，。,]{0,6}表(?:上|里)"
)
# Stopping the application in words the NLU may not read as cancel ("先别提交了，撤掉吧").
CANCEL_WORDS = re.compile(
    r"取消|撤掉|撤回|撤销|不办了|不申请了|不弄了|不干了|不搞了|不整了|不做了|不填了|算了吧?$|不要了"
    r"|不想(?:办|申请|弄|填|搞)了|(?:先|暂时|今天)不办了|以后再办吧?$|改天再办吧?$"
)
BACK = re.compile(r"上一步|上一个问题|上一题|上一项|^返回$|^后退|^退回|回到上一|返回上一|退回上一|^回上一")
RESTART = re.compile(
    r"重新填|重填|从头(?:开始|填|来|再)|重新开始|重新来|全部重来|^重来|全部重新|清空重|从新填|推倒重来"
)
ACKNOWLEDGEMENTS = re.compile(r"^(?:好|好的|嗯|嗯嗯|是|是的|对|对的|不是|不|没有|ok|OK|行|可以|收到|知道了)[。.！!]?$")
COMMANDS = re.compile(r"取消|转人工|人工|算了|不办了|确认|提交|上一步|重新|返回|继续")
# 么 that asks nothing: 这么/那么 before a verb or a word of manner ("就这么交", "那就这么办", "这么定了"), and the
# dialect 么子 (什么) in "么子都不是/么子都冇" (none at all). 怎么, 什么, a final 么 and 么子 + a noun still ask.
NOT_ASKING_MO = re.compile(r"[这那]么(?=[交提办定填弄搞写来吧着样])|么子(?=都|也)")
# Question words the conversation's detector (actions.conversation.question_shape, the owner) does not list yet:
# "贷几年", "几号能办好", "几点下班", "多长", "多大", "怎样".
FORM_QUESTION_WORDS = re.compile(r"(?<![好十没几])几(?!十)(?:年|月|号|岁|点|时|块|万)|多长|多大|怎样")
# A question relayed or announced without a question word ("来电人问培训在哪上课", "他想了解一下补贴", "我想问一下…").
RELAYED_ASK = re.compile(
    r"(?:来电人|来电群众|[他她]|对方|客户|市民|群众|老人家|老乡)(?:还|又|再|就|也)?(?:想|要)?(?:问|咨询|打听|了解)(?!了)"
    r"|^(?:我们?)?(?:还|再|顺便)?(?:想|要)?(?:问|咨询|打听|了解)(?:一下|一?下|问|个事|件事)|^请问"
)
# A field said to be wrong without the right value ("名字写错了", "电话不对", "地址填错了，我改一下"): asked again;
# never itself a value ("行业要改一下" names no industry).
SAID_WRONG = re.compile(rf"{WRONG}|{SLIP}|有误|要改|想改|得改|改一下|改下|重新填|重填")
# What a question about an item is about, said without a question word ("补贴的材料", "执照那个经营场所证明").
ITEM_TOPIC = re.compile(
    r"材料|资料|证明|手续|流程|步骤|条件|要求|时限|时间|费用|收费|东西|要交|要带|原件|复印件|进度|政策|规定|标准|额度|利息|贴息"
)
ITEM_WORDS = re.compile(r"补贴|贷款|执照|培训|孵化|创业证|就业证|社保|养老保险|税务|纳税|登记注册|营业")


def about_an_item(text: str, item_tagged: bool) -> bool:
    """The message is about an item's topic ("补贴的材料"), not a value: a question even without a question word.

    Args:
        text: The message (naming no field's value).
        item_tagged: The NLU tagged an item in it.
    """
    if re.search(r"\d|[年月日号]", text):  # "营业执照上的时间是2023年3月": a date answered, not asked
        return False
    return (item_tagged or bool(ITEM_WORDS.search(text))) and bool(ITEM_TOPIC.search(text))


# A duration, a sum or a change said where a name is asked ("那就改成2年", "十万吧"): the reply to something else.
FIGURE_OR_CHANGE = re.compile(
    r"^(?:那就|那|就)?(?:改成|换成|改为|按)?\s*(?:\d+|[一二两三四五六七八九十]{1,3})\s*(?:年|个月|万|块|元)(?:吧|的|就行|好了)?$"
)
NAME_REMARK = re.compile(r"^(?:就)?用|吧$|随便|还没想好|没想好|不知道|都行|都可以|名字来起|的名字")
ONLY_DIGITS = re.compile(r"^[\d\sXx-]+$")
# Words that introduce a person: never the value of a project, industry or address ("我儿子他叫黄小明").
PERSON_CUE = re.compile(r"我叫|[他她]叫|我的名字|[他她]的名字|名字叫|名字是|姓名|本人叫|申请人叫|来电人|[我他她]姓")


def one_of(field: str) -> str:
    """The labels of a choice field as a list to pick from: ``个体工商户、企业或农民专业合作社``."""
    *first, last = CHOICE_LABELS[field].values()
    return f"{'、'.join(first)}或{last}" if first else last


EXAMPLES = {
    "applicant_name": "与身份证一致的中文姓名，例如“王建国”",
    "project_name": "项目或店铺的名字，例如“湘味米粉店”",
    "industry": "所属行业，例如“餐饮”“零售”“农业种植”",
    "premises_address": "带市、区县和路名门牌（或村组）的地址，例如“长沙市岳麓区麓谷大道100号”",
    "bank_account": "经营主体银行账户的账号（纯数字），例如“6222 0219 0100 1234 567”",
    "id_number": "18位居民身份证号码，例如“430104199001011234”",
    "phone": "11位手机号码，例如“13912345678”",
    "person_category": f"{FIELD_LABELS['person_category']}：{one_of('person_category')}",
    "other_category": one_of("other_category"),
    "business_type": one_of("business_type"),
    "loan_borrower": "贷款主体：个人、合伙（几个人一起创业）或小微企业",
    "partner_count": "合伙人数（含您自己），例如“3个人”",
    "loan_amount": "贷款金额，例如“15万”",
    "loan_term_months": "贷款期限，例如“3年”或“24个月”",
    "graduation_year": "毕业年份，例如“2023年”或“去年”",
    "business_started_on": "成立日期，例如“2025年3月1日”或“去年6月”",
    "first_time_founder": "“是”或“否”",
    "application_items": "事项名称，例如“营业执照和创业担保贷款”，全部都办说“全部”",
    "confirm_submission": "“确认提交”，或直接说要改哪一项",
}
CHOICES = {
    **{field: list(CHOICE_LABELS[field].values()) for field in ("person_category", "other_category", "business_type")},
    "first_time_founder": ["是", "否"],
    "confirm_submission": ["确认提交"],
}
WAY_OUT = [{"title": "转人工", "payload": "/request_human"}, {"title": "取消申请", "payload": "/cancel"}]


def plausible_name(value: str) -> bool:
    """Looks like a Chinese personal name: 2–4 characters (up to 20 with “·”) starting with a surname."""
    value = value.strip()
    return name_shaped(value) and ("·" in value or value[0] in SURNAMES)


def name_shaped(value: str) -> bool:
    """Shaped like a personal name, whatever its surname: 2–4 characters (up to 20 with “·”), no word of a request.

    Enough after a cue that says outright a name follows ("我叫谌晓梅"); without one, :func:`plausible_name`.
    """
    if "·" in value:
        return bool(re.fullmatch(r"[\u4e00-\u9fff]+(?:·[\u4e00-\u9fff]+)+", value)) and len(value) <= 20
    return bool(re.fullmatch(r"[\u4e00-\u9fff]{2,4}", value)) and not NOT_IN_NAMES.search(value)


def wants_review(text: str) -> bool:
    """A request to see the values filled in so far, not a submission ("核对下信息", "发我看看")."""
    return bool(REVIEW.search(text)) and not SUBMIT.search(text)


def is_question(text: str) -> bool:
    """A question, with or without a question mark (要带身份证去吗, 要不要毕业证, 不交合同行不行, 纸质的还是电子的).

    The conversation's one detector (:func:`actions.conversation.question_shape.is_question`: choices and 哪几类
    included), and a question relayed or announced without a question word ("来电人问…", "我想问一下…").
    """
    text = NOT_ASKING_MO.sub("", text)  # "就这么交", "么子都不是": 么 here asks nothing
    return question_shape.is_question(text) or bool(FORM_QUESTION_WORDS.search(text) or RELAYED_ASK.search(text))


def free_text_problem(slot: str, text: str) -> str | None:
    """Why ``text`` cannot be the value of free-text ``slot`` (the Chinese re-prompt), or ``None`` when it can.

    Args:
        slot: The free-text slot asked.
        text: The candidate value (the message with a leading "是/叫" label removed).

    Returns:
        ``None`` when plausible, else what is needed with an example.
    """
    value = text.strip()
    need = f"请告诉我{EXAMPLES[slot]}。" if slot in EXAMPLES else "请再说一下。"
    if ACKNOWLEDGEMENTS.match(value) or SUBMIT.search(value) or BACK.search(value) or RESTART.search(value):
        return f"这一步还没填好。{need}"
    if ONLY_DIGITS.match(value):
        if slot == "bank_account":
            return None
        hint = "看起来像身份证号或手机号，但位数不完整" if len(re.sub(r"\D", "", value)) >= 5 else "这是一串数字"
        return f"{hint}。{need}"
    if is_question(value) or COMMANDS.search(value):
        return f"这一步需要的是{EXAMPLES.get(slot, '具体内容')}。"
    if slot != "applicant_name" and PERSON_CUE.search(value):
        return f"这句像是在说人的名字，不是{_label(slot)}。{need}"
    return None if _plausible(slot, value) else f"“{value[:20]}”不像是{_label(slot)}。{need}"


def _plausible(slot: str, value: str) -> bool:
    if slot == "applicant_name":
        return plausible_name(value)
    if slot == "premises_address":
        return bool(re.search(r"省|市|区|县|镇|乡|村|路|街|号|组", value))
    if slot == "industry":  # never a remark about oneself ("俺是当过兵的", "我是做吃的")
        return len(value) <= 15 and not re.search(r"\d", value) and not re.match(r"[我俺咱你他她]", value)
    if slot == "project_name":  # not an address, and not a remark about the name ("就用我名字吧", "还没想好")
        address = re.search(r"省|市|区|县", value) and re.search(r"路|街|号|组", value)
        return not address and not NAME_REMARK.search(value) and not FIGURE_OR_CHANGE.search(value)
    return slot != "bank_account"


def _label(slot: str) -> str:
    return {
        "applicant_name": "姓名",
        "project_name": "项目名称",
        "industry": "行业",
        "premises_address": "地址",
        "bank_account": "银行账号",
    }.get(slot, "这一项")


def retry_help(slot: str, label: str, failures: int, digressed: bool = False) -> tuple[str, list[dict[str, Any]]]:
    """The reply after ``failures`` failed answers to ``slot`` (from the second on): example, choices, a person.

    The wording alternates so that no identical reply is given three times in a row; after a question or
    chit-chat (``digressed``) it leads back to the step instead of saying the answer was not taken.
    """
    example = EXAMPLES.get(slot, label)
    not_taken = NOT_TAKEN[failures % 2]
    lead = back_lead(failures) if digressed else not_taken
    text = f"{lead}“{label}”。这里需要的是：{example}。"
    buttons = [{"title": choice, "payload": choice} for choice in CHOICES.get(slot, [])]
    text += "\n也可以点下面的选项；" if buttons else "\n"
    text += "不方便填写的话，可以说“转人工”请工作人员帮您，或说“取消”以后再办。"
    return text, [*buttons, *WAY_OUT]


# A run of an account's digits, written in groups ("6217 0012 3456 7890 123", "6222-0219-…").
ACCOUNT_RUN = re.compile(r"\d[\d\s-]{6,44}\d")
ACCOUNT_DIGITS = range(8, 31)  # the service's rule: 8 to 30 digits


def account_digits(said: str) -> str | None:
    """A bank account's digits alone, without the bank's name or the spaces between groups, or ``None``.

    "建设银行衡阳分行 6217 0012 3456 7890 123" → 6217001234567890123.
    """
    runs = [re.sub(r"[\s-]", "", run.group(0)) for run in ACCOUNT_RUN.finditer(said)]
    longest = max(runs, key=len, default="")
    return longest if len(longest) in ACCOUNT_DIGITS else None


# Another task is really asked only with its words: a progress word or an application number ("帮我查下进度",
# "CY2026…办到哪了"); "你等一下我翻一翻手机号", which the NLU may read as check_progress, asks no progress.
PROGRESS_ASKED = re.compile(r"进度|办到|到哪一步|到哪了|审批到|批下来|批了没|结果出|状态|办件|CY\s*\d", re.IGNORECASE)
# A pause at a step ("稍等", "等一下我找找", "我翻下手机"): the step stays, nothing is read or counted.
PAUSE = re.compile(
    r"^(?:你|您)?(?:先|再)?(?:稍等|等一下|等一等|等等|等会儿?|等我一下|等下)"
    r"|我(?:找找|找一找|找一下|翻下|翻一翻|翻一下|去拿|去找|去翻|看一下)"
    r"|(?:让我|我)想想|马上(?:发|给|找)|一会儿?(?:发|给)|待会儿?(?:发|给)"
)
