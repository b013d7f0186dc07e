"""A partnership's loan in the application form (../shared/spec/bundle.md: 合伙或组织起来创业, 10% more per person):
said up front or at any step, the borrower is the partnership and the number of partners is asked when missing;
the loan's limit then counts the partners; borrowing alone goes back to the person's limit."""

from typing import Any

import pytest

from actions.application.form_labels import read_labelled
from tests.actions.test_application_form import FILLED, validate

LOAN_FORM = {
    **{k: v for k, v in FILLED.items() if k not in ("application_items",)},
    "application_items": ["guaranteed_loan"],
    "person_category": "veteran",
}


@pytest.mark.parametrize(
    ("said", "expected"),
    [
        ("我们三个人合伙开个奶茶店，想贷款", {"loan_borrower": "partnership", "partner_count": 3}),
        ("我和战友一起开了个修车铺", {"loan_borrower": "partnership"}),
        ("我们俩合伙", {"loan_borrower": "partnership", "partner_count": 2}),
        ("不是合伙，就我一个人", {"loan_borrower": "individual"}),
        ("我注册的是合伙企业", {}),  # a kind of enterprise, not partners borrowing
    ],
)
def test_partners_are_read_from_words(said: str, expected: dict[str, Any]) -> None:
    found = read_labelled(said, []).values
    assert {k: found[k] for k in ("loan_borrower", "partner_count") if k in found} == expected


async def test_a_partnership_is_asked_how_many_partners_then_its_limit_counts_them(service_url: str) -> None:
    slots: dict[str, Any] = {**LOAN_FORM, "requested_slot": "loan_amount"}
    texts, set_slots = await validate("我们是合伙创业的", "inform", slots)
    assert set_slots.get("loan_borrower") == "partnership" and set_slots["requested_slot"] == "partner_count", (
        texts,
        set_slots,
    )
    slots.update(loan_borrower="partnership", requested_slot="partner_count")
    texts, set_slots = await validate("三个人", "inform", slots)
    assert set_slots.get("partner_count") == 3 and set_slots["requested_slot"] == "loan_amount", (texts, set_slots)
    slots.update(partner_count=3, requested_slot="loan_amount")
    texts, set_slots = await validate("50万", "inform", slots, [{"entity": "amount", "value": "500000"}])
    assert set_slots.get("loan_amount") == 500000, (texts, set_slots)  # 3 × 20万 × 1.1 = 66万 at most


async def test_an_amount_said_with_its_partners_is_checked_against_their_limit(service_url: str) -> None:
    slots: dict[str, Any] = {**LOAN_FORM, "requested_slot": "loan_amount"}
    said = "我们三个人合伙，贷50万"
    texts, set_slots = await validate(said, "inform", slots, [{"entity": "amount", "value": "500000"}])
    assert set_slots.get("partner_count") == 3 and set_slots.get("loan_amount") == 500000, (texts, set_slots)
