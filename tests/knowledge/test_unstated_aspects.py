"""An aspect the policy does not state is said so by name, never answered with the neighbouring fact (issue 14, kb17).

"创业补贴到手要扣个税吗" drew who may apply ("能。…都可以申领5000元"), "一个身份证能开几家个体户" the forms of business
("能。个体工商户"), "就业困难人员怎么认定" 免申即享 ("有。…"). The aspect asked (tax, an invoice quota, a prize, the
housing fund, closing a registration, recognition, how many businesses, a sum in yuan) is a kind of figures.yml the
answering source must state; else the reply names the point, what the nearest source is about and who to ask. A
yes/no verdict ("能。", "有，") opens an answer only to a yes/no question (yes_no.yml).
"""

from pathlib import Path

import pytest

from bundle_service.knowledge.answers import compose
from bundle_service.knowledge.asking import Rules
from bundle_service.knowledge.ranking import SourceHit, Thresholds, decide
from bundle_service.knowledge.service import KnowledgeBase
from tests.knowledge.test_ranking import hit

KNOWLEDGE_DIR = Path(__file__).resolve().parents[2] / "knowledge_base"
THRESHOLDS = Thresholds(bm25_weight=0.2, faq_threshold=0.75, floor=0.72)
# name: (source, its question, its answer), each a FAQ scoring 0.80 alone
FAQS = {
    "who_may": ("faq-166", "个体户能申请创业补贴吗？", "能。首次创办个体工商户…都可以申领5000元。"),
    "not_repaid": ("faq-203", "创业补贴要还吗？", "不用还。一次性创业补贴5000元是无偿发放的。"),
    "forms": ("faq-142", "在一件事里能办营业执照吗？", "能。个体工商户、企业和合作社都可以办。"),
    "auto": ("faq-029", "就业困难人员有免申即享吗？", "有。已在就业困难群体信息库中的，一键确认。"),
    "cert_how": ("faq-079", "就业创业证怎么申请？", "在湘易办勾选就业创业证申领，3个工作日办结。"),
    "taxpayer": ("faq-160", "纳税人信息确认包括什么？", "包括纳税人信息确认、税种认定和发票申领。"),
    "loan_who": ("faq-110", "哪些人可以申请创业担保贷款？", "登记失业人员、就业困难人员…；还要信用良好。"),
    "rate": ("faq-084", "养老保险缴费比例是多少？", "缴费比例是20%，其中8%记入个人账户。"),
    "interest": ("faq-108", "担保贷款的利息怎么算？", "财政贴息，借款人只承担LPR减150个基点及以下的部分。"),
    "platform": ("faq-058", "创业在湘是什么？", "创业公共服务平台，有活动赛事等8个场景。"),
    "sign_up": ("faq-139", "创业培训报名多久有回复？", "5个工作日，从部门收到分发的表单时起算。"),
    "no_staff": ("faq-081", "个体户没雇人，养老保险怎么参加？", "无雇工的个体户参加企业职工基本养老保险。"),
    "free": ("faq-137", "培训补贴是发给个人的吗？", "不是，培训补贴付给培训机构，持证学员免费参加。"),
}
S = {name: hit("faq", 0.80, *faq) for name, faq in FAQS.items()}
WHO_MAY, NOT_REPAID, FORMS, AUTO = S["who_may"], S["not_repaid"], S["forms"], S["auto"]
CERT_HOW, TAXPAYER, LOAN_WHO, RATE = S["cert_how"], S["taxpayer"], S["loan_who"], S["rate"]
INTEREST, PLATFORM, SIGN_UP, FREE = S["interest"], S["platform"], S["sign_up"], S["free"]
NO_STAFF = S["no_staff"]


@pytest.fixture(scope="module")
def rules() -> Rules:
    return Rules.load(KNOWLEDGE_DIR)


@pytest.mark.parametrize(
    ("source", "question", "point"),
    [
        (WHO_MAY, "创业补贴到手要扣个税吗", "交税"),
        (NOT_REPAID, "创业补贴发下来要不要交税", "交税"),
        (INTEREST, "担保贷款的贴息部分要交税吗", "交税"),
        (FORMS, "一个身份证能开几家个体户", "几个经营主体"),
        (FORMS, "我名下最多能注册几个公司", "几个经营主体"),
        (TAXPAYER, "每个月能开多少发票", "发票"),
        (TAXPAYER, "新办的个体户发票额度是多少", "发票"),
        (PLATFORM, "创业大赛拿奖有多少奖金", "奖金"),
        (LOAN_WHO, "能用住房公积金还担保贷款吗", "公积金"),
        (CERT_HOW, "失业证怎么注销", "注销"),
        (CERT_HOW, "就业创业证怎么注销", "注销"),
        (AUTO, "怎么才算就业困难人员", "认定"),
        (WHO_MAY, "就业困难人员认定条件是什么", "认定"),
        (RATE, "养老保险每个月最低交多少钱", "钱数"),
        (INTEREST, "担保贷款利息一年要多少钱", "利息"),
        (LOAN_WHO, "担保贷款一个月要还多少钱", "利息"),
        (INTEREST, "贴息的钱算不算应税收入", "交税"),
        (LOAN_WHO, "失业人员认定需要什么条件", "认定"),
        (AUTO, "就业困难人员怎么申请认定", "认定"),
        (RATE, "个体户雇了员工以后员工的社保怎么交", "员工社保"),
        (NO_STAFF, "个体户雇了人以后员工社保怎么交", "员工社保"),  # 企业职工基本养老保险 says no employees' insurance
        (RATE, "灵活就业的医保一个月交多少", "医保"),
        (SIGN_UP, "创业培训班一期上几天课", "没有写明"),
        (SIGN_UP, "SYB培训一共上多少天", "没有写明"),
        (FREE, "参加创业培训国家补多少钱一个人", "培训补贴每人"),
        (FREE, "培训机构一个学员能拿多少补贴", "培训补贴每人"),
    ],
)
def test_an_aspect_the_source_does_not_state_is_named_as_not_stated(
    rules: Rules, source: SourceHit, question: str, point: str
) -> None:
    asked = rules.asked(rules.question(question))
    decision = decide([source], THRESHOLDS, asked)
    assert decision.status == "not_found" and decision.gap is source
    reply = compose(decision, asked)
    assert "没有写明" in reply and point in reply and "咨询" in reply
    assert not reply.startswith(("能。", "有。", "不用")) and source.entry.text not in reply


@pytest.mark.parametrize(
    ("source", "question"),
    [
        (TAXPAYER, "纳税人信息确认包括什么"),  # the taxpayer package is ours: 纳税人 names it
        (TAXPAYER, "领了创业补贴还要做纳税人信息确认吗"),
        (TAXPAYER, "发票申领要几天"),  # the package's time, not a quota
        (WHO_MAY, "我之前开过一家公司已经注销了，现在重新创业还能领创业补贴吗"),  # told, not asked
        (FREE, "创业培训一个人要交多少钱"),  # the fee (free), not a subsidy per trainee
        (RATE, "养老保险缴费比例是多少"),
        (NOT_REPAID, "创业补贴要还多少钱吗"),  # the subsidy is not repaid: no instalment asked
    ],
)
def test_a_question_of_ours_is_answered_as_before(rules: Rules, source: SourceHit, question: str) -> None:
    asked = rules.asked(rules.question(question))
    assert decide([source], THRESHOLDS, asked).status == "faq"


@pytest.mark.parametrize(
    ("question", "shown"),
    [
        ("省级大学生创业孵化基地有几个", "全省有8个"),  # how many: no "有，" before the count
        ("创业补贴谁能申请", "首次创办"),
    ],
)
def test_a_yes_no_verdict_opens_no_answer_to_another_question(rules: Rules, question: str, shown: str) -> None:
    source = hit("faq", 0.80, "faq-x", "…", f"{'有' if '几' in question else '能'}，{shown}。")
    assert rules.yes_no.shown(source.entry.text, question) == f"{shown}。"


@pytest.mark.parametrize(
    "question", ["省级孵化基地有没有", "个体户能申请创业补贴吗", "手机上能办不能", "那刑满释放人员呢", "我也能办？"]
)
def test_a_yes_no_question_keeps_its_verdict(rules: Rules, question: str) -> None:
    assert rules.yes_no.shown("能。打开湘易办就能申请。", question) == "能。打开湘易办就能申请。"


def test_a_verdict_word_that_opens_a_sentence_is_no_verdict(rules: Rules) -> None:
    assert rules.yes_no.shown("有网创培训。", "有哪些培训") == "有网创培训。"


def test_through_the_search(kb: KnowledgeBase) -> None:
    for question in ("创业补贴到手要扣个税吗", "一个身份证能开几家个体户", "就业创业证怎么注销"):
        result = kb.search(question, record_unanswered=False)
        assert result.status == "not_found", (question, result.answer)
        assert not result.answer.startswith(("能。", "有。"))
