"""A figure asked that the answering source does not state is a content gap, said honestly (issue 14, round 9).

"刻章要多少钱" drew "执照办好后可以预约刻章": the nearest text, but the policy gives no price. Such a question gets
"政策要点没有写明…" and who to ask, never the neighbouring rule; a figure the source states is answered as before.
"""

from pathlib import Path

import pytest

from bundle_service.knowledge.answers import compose
from bundle_service.knowledge.asking import Rules
from bundle_service.knowledge.ranking import Thresholds, decide
from bundle_service.knowledge.service import KnowledgeBase
from tests.knowledge.test_ranking import hit

KNOWLEDGE_DIR = Path(__file__).resolve().parents[2] / "knowledge_base"
THRESHOLDS = Thresholds(bm25_weight=0.2, faq_threshold=0.75, floor=0.72)
SEAL = hit("faq", 0.80, "faq-148", "执照办好后能预约刻章吗？", "能，登记后可以同步预约刻章和银行开户。")
AMOUNT = hit("faq", 0.80, "faq-091", "创业补贴有多少钱？", "一次性创业补贴5000元。")
FREE = hit("faq", 0.80, "faq-135", "创业培训要交钱吗？", "持就业创业证可免费参加。")


@pytest.fixture(scope="module")
def rules() -> Rules:
    return Rules.load(KNOWLEDGE_DIR)


def test_a_price_the_source_does_not_state_is_a_gap(rules: Rules) -> None:
    decision = decide([SEAL], THRESHOLDS, rules.asked("刻个章大概要花多少钱"))
    assert decision.status == "not_found" and decision.gap is SEAL
    reply = compose(decision)
    assert "没有写明" in reply and "预约刻章" in reply and "能，登记后" not in reply


@pytest.mark.parametrize(("source", "question"), [(AMOUNT, "创业补贴能领多少钱"), (FREE, "创业培训收多少钱")])
def test_a_figure_the_source_states_is_answered(rules: Rules, source: object, question: str) -> None:
    decision = decide([source], THRESHOLDS, rules.asked(question))  # type: ignore[list-item]
    assert decision.status == "faq"


def test_a_question_asking_no_figure_is_answered_as_before(rules: Rules) -> None:
    assert decide([SEAL], THRESHOLDS, rules.asked("执照办好了能顺便刻章吗")).status == "faq"


def test_through_the_search(kb: KnowledgeBase) -> None:
    result = kb.search("孵化基地的房租每平米能减多少钱", record_unanswered=False)
    assert result.status != "faq" or "没有写明" in result.answer  # never the rent rule as if it stated the figure
    assert "减免" not in result.answer.split("\n")[0] or "没有写明" in result.answer


COURSE_REPLY = hit("faq", 0.80, "faq-139", "创业培训报名多久有回复？", "5个工作日，从部门收到分发的表单时起算。")
LOAN_DAYS = hit("faq", 0.80, "faq-116", "担保贷款多久能批下来？", "法定时限15个工作日。")
STATION = hit("faq", 0.80, "faq-054", "创业服务接待站能提供什么帮助？", "提供最长14天的免费住宿和创业起步指导。")
SUBSIDY_DAYS = hit("faq", 0.80, "faq-100", "创业补贴多久能办结？", "20个工作日；公示5个工作日后发放。")
MATERIALS = hit("faq", 0.80, "faq-074", "办就业创业证需要什么材料？", "只填信息采集表，身份证明免提交。")
CERT_DAYS = hit("faq", 0.80, "faq-075", "就业创业证几天能办好？", "3个工作日，从人社部门收到分发的表单时起算。")
PENSION_BASE = hit(
    "faq", 0.80, "faq-083", "养老保险缴费基数可以选多少？", "缴费基数在全省平均工资的60%到300%之间自选。"
)
SUBSIDIES = hit(
    "faq", 0.80, "faq-187", "创业补贴和培训补贴有什么不同？", "创业补贴一次性5000元；培训补贴付给培训机构。"
)
LOAN_TERM = hit("faq", 0.80, "faq-105", "创业担保贷款最长几年？", "个人最长3年，小微企业最长2年。")


@pytest.mark.parametrize(
    ("source", "question"),
    [
        (COURSE_REPLY, "IYB培训一期要上几天课"),  # the sign-up's days are no course length
        (COURSE_REPLY, "网创培训总共多少个课时"),
        (LOAN_DAYS, "担保贷款批了以后银行几天放款"),  # the approval's days are no payout
        (LOAN_DAYS, "创业贷款批下来钱多久能到账"),
        (STATION, "住机场的接待站要带什么证件"),  # 14 days is no list of documents
        (CERT_DAYS, "就业创业证有效期几年"),  # the days to issue it are no validity
        (CERT_DAYS, "就业创业证要不要年审"),
        (PENSION_BASE, "去年全省的平均工资是多少钱"),  # 60%–300% of it is no wage in yuan
        (AMOUNT, "参加创业培训，培训补贴每人多少钱"),  # the founder's 5000元 is no training subsidy
        (SUBSIDIES, "创业培训补贴标准是多少"),
    ],
)
def test_a_figure_of_another_kind_is_a_gap(rules: Rules, source: object, question: str) -> None:
    decision = decide([source], THRESHOLDS, rules.asked(question))  # type: ignore[list-item]
    assert decision.status == "not_found" and decision.gap is source
    assert "没有写明" in compose(decision)


@pytest.mark.parametrize(
    ("source", "question"),
    [
        (SUBSIDY_DAYS, "创业补贴批了多久到账"),  # the subsidy's payment is stated (发放)
        (MATERIALS, "办就业创业证要带什么证件"),  # the materials are named
        (COURSE_REPLY, "创业培训报名以后几天有回复"),
        (LOAN_TERM, "担保贷款最长能用几年"),  # a loan term is no validity
        (PENSION_BASE, "养老保险缴费基数能选多少"),  # the base is stated as a share of the wage
    ],
)
def test_a_figure_of_its_kind_is_answered(rules: Rules, source: object, question: str) -> None:
    assert decide([source], THRESHOLDS, rules.asked(question)).status == "faq"  # type: ignore[list-item]
