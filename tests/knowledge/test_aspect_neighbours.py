"""The answer matches the aspect asked among near neighbours (issue 14): a list over a definition, a form field's
rule, an item's materials for a document handed in, the pension base for a bound or a tier, the kinds of business
for the subsidy, the count for 几家, the course list for a course without its own FAQ, the collecting department,
and an item the question says it is not about left out."""

from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from bundle_service.knowledge.asking import Rules
from bundle_service.knowledge.not_asked import unasked

ROOT = Path(__file__).resolve().parents[2]
RULES = Rules.load(ROOT / "knowledge_base")


def ask(client: TestClient, query: str, item: str | None = None) -> dict[str, Any]:
    body: dict[str, Any] = {"query": query, "record_unanswered": False}
    if item:
        body["item"] = item
    response = client.post("/api/v1/knowledge/search", json=body)
    assert response.status_code == 200, response.text
    result: dict[str, Any] = response.json()
    return result


def answers_one(client: TestClient, query: str, item: str | None, faq: str, facts: list[str]) -> None:
    """Assert that ``query`` is answered directly by one of the FAQs ``faq`` (``|``-separated) stating ``facts``."""
    body = ask(client, query, item)
    assert body["status"] == "faq" and body["sources"][0]["id"] in faq.split("|"), (body["status"], body["sources"])
    assert all(fact in body["answer"] for fact in facts), body["answer"]


@pytest.mark.parametrize(
    ("question", "aspects"),
    [
        ("免提交的都包括哪几样证件", {"exempt_list"}),
        ("免提交是什么意思", set()),  # a definition asked
        ("信息表里身份证号码那栏怎么填", {"field_id"}),
        ("查进度要输身份证后六位吗", set()),
        ("查办件时身份证要输后面几位", set()),  # the progress check's digits, not the form's field
        ("手机号那一栏填几位", {"field_phone"}),
        ("报名创业培训用不用交毕业证", {"hand_in"}),
        ("养老保险一个月要交多少钱", {"contribution"}),  # no document: what is paid in
        ("灵活就业养老保险最高档按百分之几交", {"base_bounds"}),
        ("养老保险缴费基数和比例各是多少", {"base"}),  # both asked: the rate stays asked
        ("养老保险想按社平工资的两倍交行吗", {"base_share"}),
        ("什么样的人能领一次性创业补贴", {"conditions"}),
        ("大学生孵化基地有几家", set()),  # one kind's own count (8), not every base's
        ("开什么样的企业才能拿创业补贴", {"business_kinds"}),
        ("省级孵化基地总共多少家", {"how_many"}),
        ("养老保险费要交给哪个部门", {"collector"}),
    ],
)
def test_the_aspects_a_question_asks(question: str, aspects: set[str]) -> None:
    assert RULES.asked(RULES.question(question)).aspects >= aspects
    if not aspects:
        assert not RULES.asked(RULES.question(question)).aspects & {"exempt_list", "field_id", "field_phone"}


def test_a_bound_or_tier_of_the_pension_asks_the_base_not_the_rate() -> None:
    assert "rate" not in RULES.asked(RULES.question("养老保险最低一档是多少比例")).types
    assert "rate" in RULES.asked(RULES.question("养老保险按多少比例交")).types
    assert "rate" in RULES.asked(RULES.question("养老保险缴费基数和比例各是多少")).types
    assert "rate" not in RULES.asked(RULES.question("养老保险能不能按平均工资的80%交")).types


@pytest.mark.parametrize(
    ("question", "kept", "ruled_out"),
    [
        ("补贴能发多少，我不是问贷款", "补贴能发多少", {"guaranteed_loan"}),
        ("不问培训，孵化基地能待几年", "孵化基地能待几年", {"training"}),
        ("不是说培训免费吗", "", set()),  # a rhetorical question asks it: unchanged
        ("我不是问这个，补贴多少", "", set()),  # no item denied: unchanged
    ],
)
def test_an_item_said_not_to_be_asked_is_left_out(question: str, kept: str, ruled_out: set[str]) -> None:
    text = RULES.question(question)
    assert unasked(text, RULES.combined.items) == (kept or text, frozenset(ruled_out))


@pytest.mark.parametrize(
    ("query", "item", "faq", "fact"),
    [
        ("免提交的证件都包括哪几样", None, "faq-020", "营业执照"),
        ("哪几类材料可以不用交给你们", None, "faq-020", "学历证明"),
        ("信息表上手机号那栏要填几位数字", None, "faq-062", "11位"),
        ("采集表里身份证那一栏写几位", None, "faq-061", "18位"),
        ("申领就业创业证得不得带身份证去", "employment_cert", "faq-074|items/employment_cert.md#办理材料", "免提交"),
        ("养老保险最低档是按百分之几", None, "faq-083", "60%"),
        ("帮人问一下灵活就业的养老保险基数怎么选", None, "faq-083", "300%"),
        ("哪类经营主体可以领一次性创业补贴", None, "faq-206", "个体工商户"),
        ("孵化基地全省有几家", None, "faq-128", "64"),
        ("IYB课程是讲什么的", None, "faq-133", "GYB"),
        ("养老保险的钱交到哪个部门", None, "faq-086", "税务"),
        ("一次性创业补贴得准备啥材料", None, "faq-097", "银行账户"),
        ("哪些人能申领一次性创业补贴", None, "faq-092", "首次"),
    ],
)
def test_the_answer_is_the_aspect_asked(client: TestClient, query: str, item: str | None, faq: str, fact: str) -> None:
    body = ask(client, query, item)
    assert body["status"] in ("faq", "answer") and body["sources"][0]["id"] in faq.split("|"), body["sources"]
    assert fact in body["answer"]


def test_the_lowest_tier_is_not_answered_with_the_rate(client: TestClient) -> None:
    body = ask(client, "养老保险最低那一档是多少比例")
    assert "60%" in body["answer"] and "20%" not in body["answer"]


def test_syb_keeps_its_own_answer_and_other_courses_never_get_it(client: TestClient) -> None:
    assert "创办你的企业" in ask(client, "SYB培训是干嘛的")["answer"]
    assert "SYB就是" not in ask(client, "GYB是什么培训")["answer"]


def test_an_item_said_not_to_be_asked_is_not_answered(client: TestClient) -> None:
    body = ask(client, "一次性创业补贴能领多少，我不是问贷款", "guaranteed_loan")
    assert "5000元" in body["answer"] and "20万" not in body["answer"]
