"""Aspect words outrank a figure or an item word (pure, no model): the source answering the aspect asked answers,
a second aspect asked gets its own source, and a menu with one title agreeing with the question is that answer."""

from pathlib import Path

import pytest

from bundle_service.knowledge.agreement import same_department_or_figures
from bundle_service.knowledge.answers import compose
from bundle_service.knowledge.asking import Rules
from bundle_service.knowledge.aspect_choice import one_agreeing
from bundle_service.knowledge.ranking import decide
from tests.knowledge.test_fit import RULE, hit

ROOT = Path(__file__).resolve().parents[2]
RULES = Rules.load(ROOT / "knowledge_base")

EACH = hit("faq-019", 0.783, "各个事项分别几个工作日办完？", "就业创业证3个、创业补贴20个、担保贷款15个工作日。", "")
TOTAL = hit("faq-006", 0.762, "整件事办下来一共要多长时间？", "整件事20个工作日内办结。", "")
COUNTING = hit("faq-175", 0.763, "办理时限按工作日怎么数？", "只数工作日，周末和节假日不算。", "")
AMOUNT = hit("faq-104", 0.79, "创业担保贷款个人最多贷多少？", "个人最高20万元。")
WHO = hit("faq-110", 0.77, "哪些人可以申请创业担保贷款？", "登记失业人员、高校毕业生等，信用良好。")
SHOP = hit("faq-114", 0.775, "开网店的能申请创业担保贷款吗？", "能，网商可以申请。")
CREDIT = hit("faq-119", 0.77, "征信有问题能贷吗？", "申请要求信用记录良好。")
MORE = hit("faq-032", 0.739, '进度显示"需补正"是什么意思？', "表示部门需要你补充材料，状态里会写明原因。", "")
REFUSED = hit("faq-033", 0.756, '显示"不予受理"怎么办？', "状态里会写明不予受理的原因。", "")
KINDS = hit("faq-034", 0.744, "办理状态都有哪几种？", "已受理、审核中、需补正、已办结、不予受理。", "")
SUBSIDY = "startup_subsidy"
REPAY = hit("faq-203", 0.76, "创业补贴要还吗？", "不用还，创业补贴是无偿发放的。", SUBSIDY)
TIMES = hit("faq-103", 0.765, "创业补贴能领几次？", "是一次性补贴，标准5000元。", SUBSIDY)
DAYS = hit("faq-100", 0.764, "创业补贴多久能办结？", "20个工作日。", SUBSIDY)


@pytest.mark.parametrize(
    ("question", "aspects"),
    [
        ("整个一件事总共要多少个工作日", {"total"}),
        ("全部弄完得几天", {"total"}),
        ("各个事项分别要几天，一共呢", set()),  # each item asked
        ("孵化基地一共有几家", {"how_many"}),  # a count, no time: no total
        ("现在比原来省了多少时间", {"gains"}),
        ("之前借呗晚还了几次还能贷吗", {"credit"}),
        ("贷个二十万要满足啥条件", {"conditions"}),
        ("养老保险登记归哪个部门", {"handling"}),
        ("养老保险交给哪个部门收", {"collector"}),  # collection, not registration
        ("补贴拿了要不要还", {"repay"}),
        ("需补正跟不予受理有啥不一样", {"status_more", "status_refused"}),
    ],
)
def test_the_aspects_a_question_asks(question: str, aspects: set[str]) -> None:
    assert set(RULES.asked(RULES.question(question)).aspects) == aspects


def test_the_total_outranks_each_items_days() -> None:
    for question in ("全部办完总共要几个工作日", "整體一共多少工作日"):  # traditional characters too
        decision = decide([EACH, COUNTING, TOTAL], RULE, RULES.asked(RULES.question(question)))
        assert decision.status == "faq" and decision.best == TOTAL and decision.parts == []
        assert "20个工作日" in compose(decision)
    assert decide([EACH, COUNTING, TOTAL], RULE, RULES.asked("各个事项分别要几天")).best == EACH


def test_conditions_outrank_a_figure_said() -> None:
    decision = decide([AMOUNT, SHOP, WHO], RULE, RULES.asked("想贷十五万需要什么条件"))
    assert decision.status == "faq" and decision.best == WHO


def test_credit_outranks_the_word_online() -> None:
    decision = decide([SHOP, CREDIT, WHO], RULE, RULES.asked("以前网贷逾期过还能申请担保贷款吗"))
    assert decision.status == "faq" and decision.best == CREDIT


def test_two_statuses_compared_get_both_entries() -> None:
    decision = decide([REFUSED, KINDS, MORE], RULE, RULES.asked(RULES.question("需补正和不予受理差在哪")))
    assert decision.status == "faq" and {decision.best, *decision.parts} == {REFUSED, MORE}
    reply = compose(decision)
    assert "补充材料" in reply and "不予受理的原因" in reply


def test_a_menu_with_one_title_asking_what_is_asked_answers_it() -> None:
    decision = decide([TIMES, DAYS, REPAY], RULE, RULES.asked("创业补贴以后还得还吗"))
    assert decision.status == "faq" and decision.best == REPAY
    person = hit("faq-107", AMOUNT.score - 0.001, "几个人合伙开店，贷款额度能提高吗？", "合伙创业可提高10%。")
    decision = decide([AMOUNT, person], RULE, RULES.asked("我个人最多能贷多少"))
    assert decision.status == "faq" and decision.best == AMOUNT and "300万" not in compose(decision)


def test_a_menu_with_two_agreeing_titles_stays_a_menu() -> None:
    decision = decide([TIMES, DAYS], RULE, RULES.asked("创业补贴怎么样"))
    assert decision.status == "suggest"


def test_another_province_with_provincial_words_is_that_provinces() -> None:
    assert RULES.other_regions.named("江西省有几个省级孵化基地", ("全省", "省级", "湖南")) == "江西"
    assert RULES.other_regions.named("全省有几个省级孵化基地", ("全省", "省级", "湖南")) is None
    assert RULES.other_regions.named("江西来湖南创业，省级孵化基地有几个", ("全省", "省级", "湖南")) is None


@pytest.mark.parametrize("question", ["农行网捷贷额度是多少", "建行快贷利息多少", "微粒贷能借多少"])
def test_banks_loan_products_are_other_schemes(question: str) -> None:
    assert RULES.schemes.listed(RULES.question(question))


@pytest.mark.parametrize(
    ("question", "aspects"),
    [
        ("就业创业证由什么机构审核", {"department"}),
        ("就业创业证谁来发", {"department"}),
        ("就业创业证谁能领", set()),  # who may apply
        ("总时限是多少个工作日", {"total"}),
        ("整套办下来要几个工作日", {"total"}),
        ("SYB free吗", {"fee"}),
        ("网创课程要钱不", {"fee"}),
        ("培训费谁出", set()),  # who pays
        ("上课之前得先弄个什么证", {"prerequisite"}),
    ],
)
def test_department_fee_and_prerequisite_aspects(question: str, aspects: set[str]) -> None:
    assert set(RULES.asked(RULES.question(question)).aspects) == aspects


CERT = "employment_cert"
CERT_WHO = hit("faq-072", 0.805, "就业创业证谁能申领？", "法定劳动年龄内有就业创业意愿的人员。", CERT)
CERT_DEPT = hit("faq-076", 0.789, "就业创业证找哪个部门办？", "人社部门（公共就业服务机构）。", CERT)
TRAINING = "training"
SYB = hit("faq-135", 0.79, "SYB培训是什么？", 'SYB就是"创办你的企业"培训。', TRAINING)
FEE = hit("faq-134", 0.77, "创业培训要交钱吗？", "持就业创业证的免费参加。", TRAINING)
PLACE = hit("faq-168", 0.78, "创业培训在哪里上课？", "由定点培训机构安排。", TRAINING)
NO_CERT = hit("faq-141", 0.765, "没有就业创业证能免费参加创业培训吗？", "免费培训面向持就业创业证的人员。", TRAINING)


def test_the_department_outranks_who_may_apply() -> None:
    decision = decide([CERT_WHO, CERT_DEPT], RULE, RULES.asked(RULES.question("就业创业证谁来发")))
    assert decision.status == "faq" and decision.best == CERT_DEPT


def test_the_cost_outranks_the_course_named() -> None:
    decision = decide([SYB, PLACE, FEE], RULE, RULES.asked(RULES.question("SYB free不"), TRAINING))
    assert decision.status == "faq" and decision.best == FEE
    assert decide([SYB, PLACE, FEE], RULE, RULES.asked("SYB是什么", TRAINING)).best == SYB


def test_the_certificate_needed_first_outranks_the_place() -> None:
    decision = decide([PLACE, FEE, NO_CERT], RULE, RULES.asked(RULES.question("上课前得先弄个什么证不"), TRAINING))
    assert decision.status == "faq" and decision.best == NO_CERT


INCUBATOR = "incubator"
REVIEW = hit("faq-131", 0.838, "申请入驻孵化基地多久有结果？", "10个工作日，从运营机构收到表单时起算。", INCUBATOR)
STAY = hit("faq-125", 0.809, "孵化期有多长？", "一般不超过3年，孵化期内享受场地租金减免和创业服务。", INCUBATOR)
BOTH = hit(
    "faq-174",
    0.79,
    "孵化期和入驻审批时间是一回事吗？",
    "这是两个时间：入驻申请由孵化基地运营机构在10个工作日内审批；审批通过入驻后，孵化期一般不超过3年。",
    INCUBATOR,
)


@pytest.mark.parametrize("question", ["孵化基地那个入驻要多长时间", "进孵化基地要多久", "入驻要多长时间"])
def test_an_ambiguous_incubator_how_long_names_both_times(question: str) -> None:
    decision = decide([REVIEW, STAY, BOTH], RULE, RULES.asked(RULES.question(question), INCUBATOR))
    assert decision.status == "faq" and decision.best == BOTH and decision.parts == []
    reply = compose(decision)
    assert "10个工作日" in reply and "3年" in reply


@pytest.mark.parametrize("question", ["入驻申请要审几天", "入驻以后最长能待几年", "入驻孵化基地要交什么材料"])
def test_an_incubator_question_naming_one_time_or_another_aspect_is_not_ambiguous(question: str) -> None:
    assert "incubator_both" not in RULES.asked(RULES.question(question), INCUBATOR).aspects


def test_the_review_days_asked_get_the_review_days() -> None:
    assert decide([REVIEW, STAY, BOTH], RULE, RULES.asked(RULES.question("入驻申请要审几天"), INCUBATOR)).best == REVIEW


def test_titles_naming_the_same_department_answer() -> None:
    section = hit("items/employment_cert.md#办理部门", 0.770, "办理部门", "人社部门（公共就业服务机构）。", CERT)
    use = hit("faq-073", 0.771, "就业创业证有什么用？", "是享受补贴、贷款、免费培训的依据。", CERT)
    asked = RULES.asked(RULES.question("就业创业证归哪个部门管"))
    assert one_agreeing([use, CERT_DEPT, section], asked) == CERT_DEPT
    other = hit("faq-101", 0.769, "创业补贴由哪个部门审核？", "人社部门会同财政部门审核。", CERT)
    assert one_agreeing([use, CERT_DEPT, hit("x", 0.77, "谁审核？", "税务部门。", CERT)], asked) is None
    assert other is not None


@pytest.mark.parametrize(
    ("one", "other", "same"),
    [
        ("人社部门（公共就业服务机构）。", "由人社部门的公共就业服务机构办理。", True),
        ("个人最高20万元。", "个人最高20万元、期限最长3年。", True),
        ("人社部门。", "税务部门。", False),
        ("由税务部门征收。", "缴费比例20%。", False),
        ("可以。", "可以。", False),  # nothing stated
    ],
)
def test_same_department_or_figures(one: str, other: str, same: bool) -> None:
    assert same_department_or_figures(one, other) is same
