"""Question shapes (knowledge_base/question_shapes.yml, merged into the question types; pure, no model): before vs
now, how long a business must have run, which department registers, which kinds of people, a figure over a limit.
Wordings invented."""

from pathlib import Path

import pytest

from bundle_service.knowledge.answers import compose
from bundle_service.knowledge.asking import Rules
from bundle_service.knowledge.facets import merged
from bundle_service.knowledge.ranking import decide
from tests.knowledge.test_fit import RULE, hit

RULES = Rules.load(Path(__file__).resolve().parents[2] / "knowledge_base")
SUBSIDY = "startup_subsidy"
PENSION = "pension_registration"
EACH_VISIT = hit("faq-011", 0.773, "是不是还得一个部门一个部门地跑？", "不用。只需核验一次身份、填一张表。", "")
BEFORE = hit("faq-007", 0.752, "以前办这些手续要多久？", "以前大约要36天，要分别跑3个部门；现在20个工作日内办结。", "")
SUBSIDY_DAYS = hit("faq-100", 0.782, "创业补贴多久能办结？", "法定时限20个工作日。", SUBSIDY)
RUN_A_YEAR = hit("faq-167", 0.755, "创业补贴对经营时间有什么要求？", "要正常经营满1年。", SUBSIDY)
COLLECTS = hit("faq-086", 0.78, "养老保险费由谁来收？", "由税务部门征收。", PENSION)
REGISTERS = hit("faq-088", 0.758, "养老保险登记哪个部门负责？", "社会保险经办机构（人社）。", PENSION)
AGAIN = hit("faq-096", 0.806, "以前开过公司，这次再创业还能领补贴吗？", "一般不行。", SUBSIDY)
WHO = hit("faq-092", 0.801, "哪些人能领创业补贴？", "毕业5年内的高校毕业生、返乡创业农民工等。", SUBSIDY)
ENTERPRISE = hit("faq-106", 0.756, "小微企业能贷多少？", "小微企业最高300万元，期限最长2年。")
OVER = hit("faq-068", 0.755, "贷款金额填超了会怎样？", "个人20万元、3年；小微企业300万元、2年，超出的不能提交。")


def test_merged_extends_lists_and_mappings() -> None:
    base = {"a": [1, 2], "m": {"x": [1], "y": 1}}
    assert merged(base, {"a": [2, 3], "m": {"x": [2], "z": 3}, "b": [4]}) == {
        "a": [1, 2, 3],
        "m": {"x": [1, 2], "y": 1, "z": 3},
        "b": [4],
    }


@pytest.mark.parametrize(
    ("question", "aspect"),
    [
        ("没有一件事那会儿开个店要跑几个单位", "before_departments"),
        ("改革前办完这些手续得多少天", "before_time"),
        ("补贴要开业满多久才能申请", "operating"),
        ("办养老保险登记是找税务局吗", "handling"),
        ("担保贷款办了3个工作日了，亮什么灯", "light"),
        ("创业补贴哪几类人可以领", "conditions"),
    ],
)
def test_the_shape_asked(question: str, aspect: str) -> None:
    assert aspect in RULES.asked(RULES.question(question)).aspects


@pytest.mark.parametrize(
    "question",
    ["我以前开过店还能领补贴吗", "提交之前能改吗", "现在比以前快了多少", "贷款过去3个工作日了怎么还没批"],
)
def test_no_before_in_a_persons_past_or_the_gains(question: str) -> None:
    assert not {"before_time", "before_departments"} & RULES.asked(RULES.question(question)).aspects


@pytest.mark.parametrize(
    ("hits", "question", "best"),
    [
        ([EACH_VISIT, BEFORE], "一件事出来以前，开个店得跑几个部门", BEFORE),
        ([SUBSIDY_DAYS, RUN_A_YEAR], "创业补贴要开张满多久才能申请", RUN_A_YEAR),
        ([COLLECTS, REGISTERS], "养老保险登记找税务局办对不对", REGISTERS),
        ([COLLECTS, REGISTERS], "办养老保险登记是不是去税务局", REGISTERS),
        ([AGAIN, WHO], "一次性创业补贴哪几类人能领", WHO),
        ([ENTERPRISE, OVER], "小微企业想贷500万担保贷款行吗", ENTERPRISE),
    ],
)
def test_the_source_of_the_shape_answers(hits: list[object], question: str, best: object) -> None:
    asked = RULES.asked(RULES.question(question))
    decision = decide(hits, RULE, asked)  # type: ignore[arg-type]
    assert decision.status == "faq" and decision.best == best
    assert compose(decision, asked)


@pytest.mark.parametrize(
    ("hits", "question", "best"),
    [
        ([SUBSIDY_DAYS, RUN_A_YEAR], "创业补贴多久能批下来", SUBSIDY_DAYS),
        ([COLLECTS, REGISTERS], "养老保险费是交给谁收", COLLECTS),
    ],
)
def test_the_other_shape_is_unchanged(hits: list[object], question: str, best: object) -> None:
    assert decide(hits, RULE, RULES.asked(RULES.question(question))).best == best  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("question", "kind"),
    [("企业贷600万担保贷款可以吗", "amount"), ("我一个人想借30万行不行", "amount"), ("担保贷款借5年可不可以", "term")],
)
def test_a_loan_figure_said_asks_its_limit_not_who_may_borrow(question: str, kind: str) -> None:
    types = RULES.types.of(question)
    assert kind in types and "eligibility" not in types


def test_who_may_borrow_asked_beside_a_figure_stays() -> None:
    assert "eligibility" in RULES.types.of("贷个十五万要满足什么条件")
    assert "term" not in RULES.types.of("店开了两年了能领补贴吗")  # no loan: a business's age is no term
