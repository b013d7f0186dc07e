"""Near-duplicate sources that state the same fact are no rivals; sources with different facts still are (pure)."""

from dataclasses import replace

import pytest

from bundle_service.knowledge.agreement import agrees, key_facts
from bundle_service.knowledge.answers import compose
from bundle_service.knowledge.ranking import Thresholds, decide
from tests.knowledge.test_ranking import hit

RULE = Thresholds(bm25_weight=0.2, faq_threshold=0.75, floor=0.72, ambiguity_margin=0.01, same_fact_agrees=True)
PERSON = "个人最高可以贷20万元，期限最长3年。"
VETERAN = "退役军人属于申请对象，个人最高20万元。"
FIRM = "小微企业最高可以贷300万元，期限最长2年。"


def test_key_facts_are_figures_with_their_unit_and_fact_words() -> None:
    assert key_facts(PERSON) == {"20万", "3年", "可以"}
    assert key_facts("法定时限15个工作日，由人社部门办理。") >= {"15工作日", "人社部门"}
    assert key_facts("黄灯表示只剩1个工作日或更少") >= {"1工作日", "黄灯"}
    assert "需要" not in key_facts("不需要，免提交。")  # a longer fact word states its parts


@pytest.mark.parametrize(
    ("rival", "best", "same"),
    [
        (VETERAN, PERSON, False),  # the rival says 退役军人, the best does not: something the best leaves out
        ("个人最高20万元。", PERSON, True),
        (FIRM, PERSON, False),
        (PERSON, FIRM, False),
        ("可以。", PERSON, False),  # yes or no alone shows nothing
        ("政策要点里没有写明。", PERSON, False),  # no key fact at all
    ],
)
def test_agrees(rival: str, best: str, same: bool) -> None:
    assert agrees(rival, best) is same


def test_two_close_sources_stating_the_same_fact_get_the_answer() -> None:
    hits = [
        hit("faq", 0.80, "faq-106", "担保贷款能贷多少？", PERSON),
        hit("faq", 0.795, "faq-162", "…", "个人最高20万元。"),
    ]
    decision = decide(hits, RULE)
    assert decision.status == "faq"
    assert "20万元" in compose(decision)
    assert decide(hits, replace(RULE, same_fact_agrees=False)).status == "suggest"  # without the rule: titles


def test_two_close_sources_stating_different_facts_still_get_titles() -> None:
    hits = [hit("faq", 0.80, "faq-106", "个人能贷多少？", PERSON), hit("faq", 0.795, "faq-107", "企业能贷多少？", FIRM)]
    decision = decide(hits, RULE)
    assert decision.status == "suggest"
    assert "20万" not in compose(decision) and "300万" not in compose(decision)


def test_a_close_source_stating_every_fact_of_the_others_answers_instead_of_titles() -> None:
    base = "在上一年度全省平均工资的60%到300%之间自己选。"
    both = "缴费比例是20%，其中8%记入个人账户；缴费基数在上一年度全省平均工资的60%到300%之间自选。"
    hits = [hit("faq", 0.80, "faq-083", "缴费基数可以选多少？", base), hit("faq", 0.799, "faq-084", "比例？", both)]
    decision = decide(hits, RULE)
    assert decision.status == "faq" and decision.best is not None and decision.best.source == "faq-084"
    assert "60%到300%" in compose(decision)
    assert decide(hits, replace(RULE, same_fact_agrees=False)).status == "suggest"


def test_no_close_source_states_the_others_facts_so_titles_stay() -> None:
    hits = [hit("faq", 0.80, "faq-106", "个人能贷多少？", PERSON), hit("faq", 0.799, "faq-107", "企业？", FIRM)]
    assert decide(hits, RULE).status == "suggest"
