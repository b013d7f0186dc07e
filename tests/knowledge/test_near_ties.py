"""A scheme that is none of the items, named where our source and an out-of-scope example score alike, is declined.

"X补贴能领多少钱" for a subsidy the bundle does not hold scores the start-up subsidy's amount and an example about
that subsidy a few thousandths apart: the scheme the question names decides (issue 14, near ties).
"""

from dataclasses import replace
from pathlib import Path

import pytest

from bundle_service.knowledge.answers import compose
from bundle_service.knowledge.asking import Rules
from bundle_service.knowledge.entries import OUT_OF_SCOPE
from bundle_service.knowledge.fit import Asked
from bundle_service.knowledge.ranking import NEAR_TIE_MARGIN, SourceHit, Thresholds, decide
from tests.knowledge.test_ranking import hit

KNOWLEDGE_DIR = Path(__file__).resolve().parents[2] / "knowledge_base"
THRESHOLDS = Thresholds(bm25_weight=0.2, faq_threshold=0.75, floor=0.72)
AMOUNT = hit("faq", 0.80, "faq-040", "一次性创业补贴能领多少钱？", "一次性创业补贴5000元。")


@pytest.fixture(scope="module")
def rules() -> Rules:
    return Rules.load(KNOWLEDGE_DIR)


@pytest.mark.parametrize(
    ("question", "scheme"),
    [
        ("育婴补贴一个月发多少", "育婴补贴"),
        ("听说有个护工补助在哪申请", "护工补助"),
        ("我想申请家政服务补贴", "家政服务补贴"),
        ("电动车补贴怎么领", "电动车补贴"),
        ("工伤保险是谁来交", "工伤保险"),
        ("创业补贴多少钱", ""),  # ours
        ("一次性创业补贴有多少", ""),
        ("我去申请补贴要带啥", ""),  # a verb before the head word
        ("这个补贴能拿多少", ""),
        ("开店补贴能给多少", ""),  # our own subsidy described
        ("个人贷款最多能贷多少", ""),
        ("养老保险交多少", ""),
        ("我有房贷还能申请创业贷吗", ""),
    ],
)
def test_the_scheme_a_question_names(rules: Rules, question: str, scheme: str) -> None:
    assert rules.schemes.named(question) == scheme
    assert rules.asked(question).scheme == scheme


def test_another_scheme_scoring_alike_with_our_source_is_declined_by_name() -> None:
    example = hit(OUT_OF_SCOPE, AMOUNT.score - NEAR_TIE_MARGIN / 2)
    decision = decide([AMOUNT, example], THRESHOLDS, Asked(scheme="育婴补贴"))
    assert decision.status == "not_found" and decision.declined == "育婴补贴"
    reply = compose(decision, who=lambda scheme: "当地卫生健康部门")  # who answers for it (other_schemes.yml)
    assert "育婴补贴" in reply and "没有找到" in reply and "当地卫生健康部门" in reply
    assert "5000" not in reply


def test_our_own_question_scoring_alike_with_an_example_is_answered() -> None:
    example = hit(OUT_OF_SCOPE, AMOUNT.score - NEAR_TIE_MARGIN / 2)
    assert decide([AMOUNT, example], THRESHOLDS, Asked()).status == "faq"


def test_another_scheme_far_below_our_source_is_left_to_the_scores() -> None:
    example = hit(OUT_OF_SCOPE, AMOUNT.score - 2 * NEAR_TIE_MARGIN)
    assert decide([AMOUNT, example], THRESHOLDS, Asked(scheme="育婴补贴")).status == "faq"


def of_item(score: float, source: str, question: str, answer: str, item: str = "guaranteed_loan") -> SourceHit:
    plain = hit("faq", score, source, question, answer)
    return replace(plain, entry=replace(plain.entry, item=item))


def test_a_partnerships_limit_is_answered_with_the_partnership_rule(rules: Rules) -> None:
    partners = of_item(0.80, "faq-107", "几个人合伙开店，贷款额度能提高吗？", "合伙的按人数合计，人均上浮不超过10%。")
    firms = of_item(0.799, "faq-106", "小微企业能贷多少？", "小微企业最高300万元。")
    decision = decide([partners, firms], THRESHOLDS, rules.asked("我们是合伙公司，担保贷款额度能批多少"))
    assert decision.status == "faq" and decision.best is not None and decision.best.source == "faq-107"


def test_a_question_naming_one_item_is_not_answered_from_another(rules: Rules) -> None:
    loan = of_item(0.80, "faq-116", "担保贷款多久能批下来？", "法定时限15个工作日。")
    own = of_item(0.79, "faq-100", "创业补贴多久能办结？", "法定时限20个工作日。", "startup_subsidy")
    everyone = of_item(0.789, "faq-019", "各个事项分别几个工作日办完？", "补贴20个工作日，贷款15个工作日……", "")
    decision = decide([loan, own, everyone], THRESHOLDS, rules.asked("补贴审核完要等几个工作日"))
    assert decision.best is not None and decision.best.source == "faq-100"
    assert "15个工作日" not in compose(decision)
