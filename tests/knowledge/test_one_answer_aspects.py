"""One answer of the aspect asked instead of a neighbour or a menu (twelfth analysis E0, E1, E2): a bare 登记 is the
business registration, calendar days against the 20 working days, a channel asked whether it does every item, the
notice period inside the subsidy's limit, forms of business, a course's sign-up, how often identity is checked, a
consumer loan still being repaid, why a document is no longer asked for, and a benefit asked for the day the licence
comes with the condition it waits for."""

from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from bundle_service.knowledge.bare_words import BareWords
from tests.knowledge.test_aspect_neighbours import RULES, answers_one, ask


@pytest.mark.parametrize(
    ("question", "item"),
    [
        ("那个登记大概几个工作日", "business_registration"),
        ("我想先办登记，找哪个部门", "business_registration"),
        ("登记要准备些啥", "business_registration"),
        ("养老保险那个登记几天能好", None),  # the pension is said
        ("参保登记找谁", None),  # an item named
        ("房产登记要几天", None),  # another registration
        ("我已经登记失业了，能领补贴吗", None),  # a status, not the registration
    ],
)
def test_a_bare_registration_is_the_business_registration(question: str, item: str | None) -> None:
    assert RULES.focused(question)[1] == item


def test_no_file_means_no_bare_words(tmp_path: Path) -> None:
    assert BareWords.load(tmp_path / "bare_words.yml").item("这个登记要几天") is None


def test_a_bare_word_naming_an_unknown_item_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "bare_words.yml"
    path.write_text("登记:\n  item: no_such_item\n", encoding="utf-8")
    with pytest.raises(ValueError, match="no_such_item"):
        BareWords.load(path, frozenset({"business_registration"}))


@pytest.mark.parametrize(
    ("question", "aspect"),
    [
        ("一件事的20天是不是按日历天数", "calendar_days"),
        ("在湘易办小程序里8个事项全都能办吗", "channel_all"),
        ("创业补贴那20个工作日算不算公示的日子在内", "publicity_in_limit"),
        ("想开个有限公司，能在一件事里登记吗", "business_forms"),
        ("IYB课程可以在这里报名吗", "course_signup"),
        ("实名核验总共要做几回", "verify_count"),
        ("家里还背着房贷，能申请创业贷款吗", "consumer_loans"),
        ("为什么现在毕业证不用交了", "why_exempt"),
        ("拿到执照后补贴能发多少", "moment_condition"),
    ],
)
def test_the_aspect_a_question_asks(question: str, aspect: str) -> None:
    assert aspect in RULES.asked(RULES.question(question)).aspects


def test_a_figure_told_about_a_consumer_loan_asks_no_amount() -> None:
    asked = RULES.asked(RULES.question("房贷还剩几万没还，能申请担保贷款不"))
    assert "amount" not in asked.types and asked.figures is None
    assert "amount" in RULES.asked(RULES.question("有车贷的话还能贷多少")).types  # the limit itself asked


@pytest.mark.parametrize(
    ("query", "item", "faq", "facts"),
    [
        ("那个登记大概几个工作日", None, "faq-149", ["3个工作日"]),
        ("一件事的20天是不是按日历天数", None, "faq-207", ["20个工作日", "周末"]),
        ("在湘易办小程序里8个事项全都能办吗", None, "faq-208", ["政务服务网"]),
        ("创业补贴那20个工作日算不算公示的日子在内", None, "faq-100", ["20个工作日", "公示5个工作日"]),
        ("想开个有限公司，能在一件事里登记吗", None, "faq-142|faq-143", ["个体工商户", "合作社"]),
        ("IYB课程可以在这里报名吗", None, "faq-198", ["IYB", "政务服务网"]),
        ("实名核验总共要做几回", None, "faq-209", ["只核验一次"]),
        ("家里还背着房贷，能申请创业贷款吗", None, "faq-112", ["住房贷款"]),
        ("为什么现在毕业证不用交了", None, "faq-210", ["数据共享", "免提交"]),
        ("拿到执照后补贴能发多少", "startup_subsidy", "faq-185|faq-091", ["5000元", "满1年"]),
        ("申请贷款的话信息表上填哪几项", None, "faq-117|faq-060|faq-067", ["20万元"]),
    ],
)
def test_one_answer_states_the_fact_asked(
    client: TestClient, query: str, item: str | None, faq: str, facts: list[str]
) -> None:
    answers_one(client, query, item, faq, facts)


def test_the_residents_pension_is_said_not_to_be_the_one_paid(client: TestClient) -> None:
    body = ask(client, "灵活就业这个是不是城乡居民那种养老保险")
    assert body["status"] == "faq" and "企业职工基本养老保险" in body["answer"]
    assert ask(client, "城乡居民养老保险每年最低交多少")["status"] == "not_found"  # still another scheme
