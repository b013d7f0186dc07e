"""The answer rule's view of the question (pure, no model): one source per facet asked, and rivals that do not fit
what the question asks (shipped question types and item names)."""

from dataclasses import replace
from pathlib import Path

from bundle_service.knowledge.answers import compose
from bundle_service.knowledge.asking import Rules
from bundle_service.knowledge.entries import Entry
from bundle_service.knowledge.ranking import SourceHit, Thresholds, decide

ROOT = Path(__file__).resolve().parents[2]
RULES = Rules.load(ROOT / "knowledge_base")
RULE = Thresholds(0.2, 0.7472, 0.722, 0.0, 0.0025, same_fact_agrees=True, facet_parts=True, fit_threshold=0.73)


def hit(source: str, score: float, question: str, answer: str, item: str = "guaranteed_loan") -> SourceHit:
    entry = Entry(f"faq:{source}", "faq", source, answer, "…", "…", item, "", "", "常见问题", "", question)
    return SourceHit(source, entry, score, score, 0.0)


AMOUNT = hit("faq-104", 0.78, "创业担保贷款个人最多贷多少？", "个人最高20万元。")
TERM = hit("faq-105", 0.77, "创业担保贷款期限最长多久？", "个人最长3年，小微企业最长2年。")
WHERE = hit("faq-163", 0.76, "创业担保贷款在哪里申请？", "在湘易办或创业服务窗口申请。")
PENSION = "pension_registration"
RATE = hit("faq-084", 0.80, "养老保险缴费比例是多少？", "比例20%，8%记入个人账户；基数60%到300%自选。", PENSION)
BASE = hit("faq-083", 0.79, "养老保险缴费基数可以选多少？", "在上一年度全省平均工资的60%到300%之间自己选。", PENSION)


def test_two_facets_of_one_item_get_one_source_each() -> None:
    question = "创业担保贷款额度和期限分别是多少"
    decision = decide([AMOUNT, WHERE, TERM], RULE, RULES.asked(question))
    assert decision.status == "faq" and [decision.best, *decision.parts] == [AMOUNT, TERM]
    reply = compose(decision)
    assert "20万元" in reply and "3年" in reply and "湘易办" not in reply
    assert "faq-104" in reply and "faq-105" in reply
    assert decide([AMOUNT, WHERE, TERM], replace(RULE, facet_parts=False), RULES.asked(question)).parts == []


def test_a_part_whose_facts_another_states_is_left_out() -> None:
    decision = decide([RATE, BASE], RULE, RULES.asked("养老保险缴费基数和比例各是多少"))
    assert decision.status == "faq" and decision.best == RATE and decision.parts == []


def test_a_facet_no_source_answers_gets_no_partial_answer() -> None:
    decision = decide([AMOUNT, WHERE], RULE, RULES.asked("创业担保贷款额度和期限分别是多少"))
    assert decision.parts == []


def test_a_close_source_that_asks_something_else_is_no_rival_of_one_that_fits() -> None:
    close = replace(WHERE, score=AMOUNT.score - 0.001)
    question = "创业担保贷款最多能借多少钱"
    assert decide([AMOUNT, close], RULE, RULES.asked(question)).best == AMOUNT
    assert decide([AMOUNT, close], RULE).status == "suggest"  # the scores alone: a guess


def test_a_fitting_source_below_the_threshold_is_answered_and_one_that_does_not_fit_is_not() -> None:
    low = replace(AMOUNT, score=0.735)
    assert decide([low], RULE, RULES.asked("创业担保贷款最多能借多少钱")).status == "faq"
    assert decide([low], RULE, RULES.asked("创业担保贷款去哪里办")).status == "suggest"  # asks a place
    assert decide([low], RULE, RULES.asked("创业补贴最多能领多少钱")).status == "suggest"  # names another item


def test_a_source_about_another_subject_does_not_fit() -> None:
    enterprise = RULES.asked("小微企业担保贷款最多能借多少钱")
    person = replace(AMOUNT, score=0.735)
    assert not enterprise.fits(person) and decide([person], RULE, enterprise).status == "suggest"
    assert RULES.asked("创业担保贷款最多能借多少钱").fits(person)  # no subject named: the person's limit fits


def test_one_type_of_two_items_gets_one_source_per_item() -> None:
    subsidy = hit("faq-120", 0.76, "创业补贴多久能发下来？", "20个工作日内办结。", "startup_subsidy")
    loan = hit("faq-116", 0.77, "担保贷款多久能批下来？", "法定时限15个工作日。")
    decision = decide([loan, subsidy], RULE, RULES.asked("创业补贴和担保贷款各要多久"))
    assert [decision.best, *decision.parts] == [loan, subsidy]


def test_an_items_faq_and_its_section_on_the_same_aspect_are_no_rivals() -> None:
    faq = hit("faq-150", 0.80, "营业执照由哪个部门发？", "由市场监督管理部门办理。", "business_registration")
    section = hit("items/br.md#办理部门", 0.799, "哪个部门办理", "办理部门：市场监督管理部门；法定时限3个工作日。")
    section = replace(section, entry=replace(section.entry, item="business_registration", kind="doc"))
    other = replace(section, entry=replace(section.entry, text="办理部门：税务部门；法定时限1个工作日。"))
    question = RULES.asked("执照是哪个部门发的")
    assert decide([faq, section], RULE, question).best == faq
    assert decide([faq, other], RULE, question).status == "suggest"  # a different fact: a guess


TAX_DEPT = hit("faq-158", 0.820, "纳税人信息确认是哪个部门办？", "税务部门。", "taxpayer_confirmation")
PENSION_DEPT = hit("faq-088", 0.8199, "养老保险登记哪个部门负责？", "社会保险经办机构（人社）负责。", PENSION)


def test_of_two_sources_alike_the_one_about_the_item_and_aspect_asked_answers() -> None:
    decision = decide([TAX_DEPT, PENSION_DEPT], RULE, RULES.asked("养老保险登记归哪个部门管"))
    assert decision.status == "faq" and decision.best == PENSION_DEPT
    assert "社会保险经办" in compose(decision) and "税务部门" not in compose(decision)
    # naming no item, the two departments are a guess: titles to pick from
    assert decide([TAX_DEPT, PENSION_DEPT], RULE, RULES.asked("归哪个部门管")).status == "suggest"


def test_a_follow_up_is_about_the_conversations_item() -> None:
    term = replace(TERM, score=0.735)
    on_loan = RULES.asked("那能借几年", "guaranteed_loan")
    assert on_loan.items == {"guaranteed_loan"} and decide([term], RULE, on_loan).status == "faq"
    assert decide([term], RULE, RULES.asked("那能借几年")).status == "suggest"  # no item: not sure
    assert decide([term], RULE, RULES.asked("那能借几年", "incubator")).status == "suggest"  # another item
    assert RULES.asked("补贴能借几年", "guaranteed_loan").items == {"startup_subsidy"}  # the message's item wins


def test_two_fitting_sources_stating_different_facts_stay_a_guess() -> None:
    person = replace(AMOUNT, score=0.735)
    firm = hit("faq-106", 0.7345, "小微企业能贷多少？", "小微企业最高300万元。")
    assert decide([person, firm], RULE, RULES.asked("创业担保贷款最多能借多少")).status == "suggest"


def test_what_a_question_asks_in_everyday_words() -> None:
    assert RULES.asked("就业证拿来干嘛的").types == {"meaning"}
    assert RULES.asked("就业创业证有什么用").types == {"meaning"}
    assert "interest" in RULES.asked("贷款利息谁出").types
    assert RULES.asked("营业执照和补贴哪个先办").types == {"order"}
    assert "department" in RULES.asked("担保贷款是银行批还是人社批").types


def test_a_best_source_another_part_states_is_answered_by_that_part() -> None:
    both = hit("faq-0xx", 0.76, "贷款额度和期限写在哪里？", "个人最高20万元、最长3年，填在表里贷款一栏。")
    decision = decide([AMOUNT, both, TERM], RULE, RULES.asked("创业担保贷款最多借几万，最长借几年"))
    shown = [decision.best, *decision.parts]
    assert decision.status == "faq" and AMOUNT not in shown and both in shown
    assert "20万元" in compose(decision)
