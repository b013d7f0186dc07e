"""The aspect asked, not the neighbour that scores alike (thirteenth analysis E0-E2, decision D3): whether one must
still go to the departments, how the pension is paid, a loan going overdue, the bundle's 20 working days as a whole,
the order of review, seal engraving after the licence, other loan conditions, real-name checks, the rate of both
kinds of contributor, a Hong Kong number, rented premises, one base's rent, a pause in the business and a small
enterprise's interest subsidy."""

import pytest
from fastapi.testclient import TestClient

from tests.knowledge.test_aspect_neighbours import RULES, answers_one, ask


@pytest.mark.parametrize(
    ("question", "aspect"),
    [
        ("早先开店得去好几个部门，如今还用挨个跑吗", "still_go"),
        ("办个体户执照还得亲自去一趟市场监管局吗", "still_go"),
        ("灵活就业人员的养老保险咋交", "contribution"),
        ("创业贷到期实在还不上怎么办", "overdue"),
        ("一件事全部办完是不是就20个工作日", "total_limit"),
        ("各部门审批分先后吗", "review_order"),
        ("执照批下来要等多久才能刻公章", "seal_wait"),
        ("网上申请需要实名认证不", "real_name"),
        ("打零工的和个体户养老保险都是百分之二十吗", "both_rate"),
        ("铺面是租来的，登记要交啥证明", "rented_premises"),
        ("哪家孵化基地的房租最低", "base_rent"),
        ("门店中途停业过俩月，还算经营满一年不", "paused"),
    ],
)
def test_the_aspect_a_question_asks(question: str, aspect: str) -> None:
    assert aspect in RULES.asked(RULES.question(question)).aspects


@pytest.mark.parametrize(
    ("question", "aspect"),
    [
        ("以前办手续一共要多少天", "still_go"),  # how long it took before
        ("网贷以前逾期过还能申请吗", "overdue"),  # one's credit record
        ("各个事项分别要20个工作日吗", "total_limit"),  # each item's days
        ("实名核验一共要几次", "real_name"),  # counted: verify_count
        ("公司给员工交养老保险是不是也是20%", "both_rate"),  # a company's contributions
        ("孵化基地能减免租金吗", "base_rent"),  # the reduction itself
    ],
)
def test_a_neighbouring_question_asks_another_aspect(question: str, aspect: str) -> None:
    assert aspect not in RULES.asked(RULES.question(question)).aspects


@pytest.mark.parametrize(
    ("query", "item", "faq", "facts"),
    [
        ("早先开店得去好几个部门，如今还用挨个跑吗", None, "faq-011", ["不用", "并联"]),
        ("办个体户执照还得亲自去一趟市场监管局吗", None, "faq-011", ["不用"]),
        ("个体户自个儿交养老保险是咋个交法", None, "faq-081|faq-083", ["60%到300%"]),
        ("创业贷到期实在还不上怎么办", "guaranteed_loan", "faq-182", ["没有写明", "经办银行"]),
        ("一件事全部办完是不是就20个工作日", None, "faq-006|faq-207", ["20个工作日"]),
        ("各部门审批分先后吗", None, "faq-009|faq-184", ["并联"]),
        ("执照批下来要等多久才能刻公章", None, "faq-148", ["马上", "同时"]),
        ("贷款除了身份还有啥别的条件", "guaranteed_loan", "faq-110", ["信用"]),
        ("办这个一件事要不要先实名认证", None, "faq-209|faq-011", ["核验"]),
        ("打零工的和个体户养老保险都是百分之二十吗", None, "faq-084|faq-081", ["20%"]),
        ("我手机号码是香港的，表上能填吗", None, "faq-062", ["11位"]),
        ("铺面是租来的，登记要交啥证明", None, "faq-147|faq-161", ["场所"]),
        ("哪家孵化基地的房租最低", None, "faq-211", ["没有写明", "人社部门"]),
        ("门店中途停业过俩月，还算经营满一年不", None, "faq-212", ["满1年", "人社部门审核"]),
        ("注册的是小微企业，贷款利息政府补不补", None, "faq-108|faq-109", ["财政"]),
    ],
)
def test_one_answer_states_the_fact_asked(
    client: TestClient, query: str, item: str | None, faq: str, facts: list[str]
) -> None:
    answers_one(client, query, item, faq, facts)


def test_another_provinces_policy_is_still_declined(client: TestClient) -> None:
    body = ask(client, "香港那边开公司有什么补贴")
    assert body["status"] == "not_found" and "香港" in body["answer"]
