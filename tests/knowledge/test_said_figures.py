"""The answer matches what the question says: a figure it states, the one case a source is about, a menu of one.

Issue 14 (eighth sets' analysis, C1/C4): "贷4年行吗" got who may borrow (the term's limit is the answer); an unpaid
business loan got the car loan's "能"; one title offered alone asked the user to confirm the one source found; a
dialect or synonym word ("么子", "费率") kept the question from the knowledge base's words. Invented wordings.
"""

from dataclasses import replace
from pathlib import Path

import pytest

from bundle_service.knowledge.asking import Rules
from bundle_service.knowledge.fit import Asked
from bundle_service.knowledge.ranking import SourceHit, Thresholds, decide
from bundle_service.knowledge.relayed import Relays, question_of
from bundle_service.knowledge.said_figures import states_unit, units_said
from tests.knowledge.test_ranking import hit

KNOWLEDGE_DIR = Path(__file__).resolve().parents[2] / "knowledge_base"
THRESHOLDS = Thresholds(bm25_weight=0.2, faq_threshold=0.80, floor=0.70, ambiguity_margin=0.01)
LOAN = "guaranteed_loan"


def of_item(score: float, source: str, question: str, answer: str, item: str = LOAN) -> SourceHit:
    plain = hit("faq", score, source, question, answer)
    return replace(plain, entry=replace(plain.entry, item=item))


WHO = of_item(0.81, "faq-w", "哪些人可以申请创业担保贷款？", "登记失业人员、退役军人等可以申请，还要信用良好。")
TERM = of_item(0.79, "faq-t", "担保贷款最长能贷几年？", "个人最长3年，小微企业最长2年。")
AMOUNT = of_item(0.78, "faq-a", "担保贷款最多贷多少？", "个人最高20万元。")
CAR = of_item(0.82, "faq-c", "我有车贷，还能申请担保贷款吗？", "能。住房贷款、汽车贷款不影响申请。")
OTHER_LOAN = of_item(0.80, "faq-o", "还有别的经营贷没还完，能申请吗？", "不能。不能有其他未还清的经营性贷款。")


@pytest.fixture(scope="module")
def rules() -> Rules:
    return Rules.load(KNOWLEDGE_DIR)


@pytest.mark.parametrize(
    ("question", "units"),
    [
        ("担保贷款借5年中不中", {"年"}),
        ("想贷三十万批得下来吗", {"万"}),
        ("两个工作日能办完吗", {"工作日"}),
        ("我2018年毕业的还能领吗", set()),  # a year is a date, not a duration
        ("贷款最多几年", set()),  # asked, not stated
    ],
)
def test_the_units_a_question_states(question: str, units: set[str]) -> None:
    assert units_said(question) == frozenset(units)


def test_a_source_states_a_figure_of_the_unit_said() -> None:
    assert states_unit("个人最长3年。", frozenset({"年"}))
    assert states_unit("法定时限3个工作日。", frozenset({"天"}))  # days said, working days stated
    assert not states_unit("还要信用良好。", frozenset({"年"}))


@pytest.mark.parametrize("question", ["担保贷款想借5年中不中", "创业担保贷款贷个六年可以吗"])
def test_a_term_said_is_answered_with_the_terms_limit(rules: Rules, question: str) -> None:
    decision = decide([WHO, TERM, AMOUNT], THRESHOLDS, rules.asked(question))
    assert decision.best is not None and decision.best.source == "faq-t"


def test_an_amount_said_is_answered_with_the_amounts_limit(rules: Rules) -> None:
    decision = decide([WHO, AMOUNT, TERM], THRESHOLDS, rules.asked("担保贷款我想贷三十万能批吗"))
    assert decision.best is not None and decision.best.source == "faq-a"


def test_without_a_figure_said_the_scores_decide(rules: Rules) -> None:
    decision = decide([WHO, TERM], THRESHOLDS, rules.asked("退役军人能申请担保贷款吗"))
    assert decision.best is not None and decision.best.source == "faq-w"


@pytest.mark.parametrize(
    "question", ["我做买卖欠银行的钱还没还清，能申请创业担保贷款吗", "之前开店借的款没还完还能办担保贷款不"]
)
def test_an_unpaid_business_loan_never_gets_the_car_loans_yes(rules: Rules, question: str) -> None:
    decision = decide([CAR, OTHER_LOAN], THRESHOLDS, rules.asked(question))
    assert decision.best is None or decision.best.source != "faq-c"


@pytest.mark.parametrize("question", ["家里有房贷还能申请担保贷款吗", "买车贷的款还在还，影响办创业贷吗"])
def test_the_case_named_keeps_its_own_source(rules: Rules, question: str) -> None:
    decision = decide([CAR, OTHER_LOAN], THRESHOLDS, rules.asked(question))
    assert decision.best is not None and decision.best.source == "faq-c"


def test_one_title_that_agrees_with_the_question_is_answered(rules: Rules) -> None:
    lone = of_item(0.75, "faq-m", "担保贷款的财政贴息是什么意思？", "贴息是财政替你付一部分利息。")
    decision = decide([lone], THRESHOLDS, rules.asked("担保贷款贴息到底指的啥"))
    assert decision.status == "faq" and decision.best is not None and decision.best.source == "faq-m"


def test_one_title_asking_another_thing_stays_a_title(rules: Rules) -> None:
    lone = of_item(0.75, "faq-m", "担保贷款的财政贴息是什么意思？", "贴息是财政替你付一部分利息。")
    assert decide([lone], THRESHOLDS, rules.asked("担保贷款去哪个银行办")).status == "suggest"
    assert decide([lone], THRESHOLDS, Asked()).status == "suggest"  # nothing read from the question


@pytest.mark.parametrize(
    ("typed", "searched"),
    [
        ("社保费率是好多", "社保缴费比例是好多"),
        ("这个章是么子意思", "这个章是什么意思"),
        ("啥子人能领", "什么人能领"),
    ],
)
def test_users_words_are_searched_in_the_knowledge_bases_words(typed: str, searched: str) -> None:
    relays = Relays.load(KNOWLEDGE_DIR / "relayed.yml")
    assert question_of(typed, relays) == searched


def test_who_recognises_asks_a_department(rules: Rules) -> None:
    assert "department" in rules.asked("孵化基地是谁认定的").types


def test_an_amount_and_a_term_said_get_both_limits(rules: Rules) -> None:
    decision = decide([TERM, WHO, AMOUNT], THRESHOLDS, rules.asked("担保贷款借十二万 两年 行不行"))
    answered = [h.source for h in [decision.best, *decision.parts] if h is not None]
    assert answered == ["faq-t", "faq-a"]


@pytest.mark.parametrize(
    ("typed", "searched"),
    [
        ("就业创业证跟营业执照是不是一回事", "就业创业证是什么"),
        ("她问贴息和补贴是同一个东西吗", "贴息是什么"),
        ("贷款和补贴能一起申请吗", "贷款和补贴能一起申请吗"),  # not a sameness question
    ],
)
def test_is_a_the_same_as_b_asks_what_a_is(rules: Rules, typed: str, searched: str) -> None:
    assert rules.question(typed) == searched


def test_a_figure_said_looks_up_the_items_source_of_its_unit(rules: Rules) -> None:
    fits = rules.lookup("创业担保贷款贷个七年可以吗")
    assert fits is not None
    term = replace(TERM.entry, item=LOAN, section="担保贷款期限最长多久？")
    assert fits(term)


def test_a_figure_said_in_a_question_about_counting_keeps_the_counting_source(rules: Rules) -> None:
    counting = hit("faq", 0.81, "faq-k", "办理时限里周末算不算？", "不算，只数工作日。")
    days = of_item(0.80, "faq-d", "就业创业证几天能办好？", "3个工作日。", "employment_cert")
    decision = decide([counting, days], THRESHOLDS, rules.asked("周四交的 2个工作日是不是周一到期"))
    assert decision.best is None or decision.best.source == "faq-k"  # never the item's days put first
