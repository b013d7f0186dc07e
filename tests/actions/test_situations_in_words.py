"""Situations said in words (issue 12): a bare group as the category, loans still being repaid, how long a business
has run shown back with its reading, and the rules' verdict with the service's reason."""

from datetime import date

import pytest

from actions.application.form_labels import read_labelled
from actions.eligibility import situation
from actions.eligibility.eligibility_reading import read_turn
from actions.eligibility.own_case import answer as own_case_answer
from tests.actions.conftest import make_tracker, user_event

TODAY = date(2026, 12, 6)


@pytest.mark.parametrize(
    ("said", "category", "group"),
    [
        ("脱贫户", "other", "poverty_alleviated"),
        ("建档立卡的", "other", "poverty_alleviated"),
        ("刑满释放人员", "other", "released_prisoner"),
        ("退役的", "veteran", None),
        ("退役下来好几年了", "veteran", None),
    ],
)
def test_a_group_said_without_wo_shi_is_the_category(said: str, category: str, group: str | None) -> None:
    turn = read_turn(said, "inform", [], "elig_person_category", TODAY)
    assert turn.answer == category, turn
    assert turn.others.get("elig_other_category") == group  # the group is not asked again
    found = read_labelled(said, []).values
    assert (found.get("person_category"), found.get("other_category")) == (category, group)


def test_a_shop_that_is_online_is_no_person_group_in_the_application() -> None:
    assert "person_category" not in read_labelled("项目是个网店", []).values


@pytest.mark.parametrize(
    ("said", "owes", "shown"),
    [
        ("之前的经营贷还没还完", True, "有未还清的经营性贷款"),
        ("生意上借的贷款还在还", True, "有未还清的经营性贷款"),
        ("我有房贷还没还完", False, "房贷、车贷、助学贷款不算经营性贷款"),
        ("以前的贷款都还清了", False, "没有未还清的经营性贷款"),
    ],
)
def test_loans_still_being_repaid_are_read_and_never_as_a_business_not_registered(
    said: str, owes: bool, shown: str
) -> None:
    found = situation.read(said, [], TODAY)
    assert found.profile == {"other_business_loans": owes}  # not "经营…还没 → 尚未成立"
    assert found.shown == [f"{said} → {shown}"]
    assert situation.read("贷款现在还能申请吗", [], TODAY).profile == {}


@pytest.mark.parametrize(
    ("said", "shown"),
    [
        ("2023年10月开的店", "2023年10月成立（已经营约3年2个月）"),
        ("店开了三年多了", "店开了三年多了 → 约2023年12月成立（已经营约3年）"),
        ("去年底才注册", "去年底才注册 → 约2025年11月成立（已经营约1年1个月）"),
    ],
)
def test_how_long_a_business_has_run_is_shown_with_its_reading(said: str, shown: str) -> None:
    assert situation.read(said, [], TODAY).shown == [shown]


async def test_an_unpaid_business_loan_gets_the_loan_rule_with_its_reason(service_url: str) -> None:
    said = "我是退役军人，之前的经营贷还没还完，还能办创业担保贷款吗"
    entities = [
        {"entity": "person_category", "value": "veteran", "start": 2, "end": 6},
        {"entity": "item", "value": "guaranteed_loan", "start": 20, "end": 26},
    ]
    tracker = make_tracker([user_event(said, "check_eligibility", entities)])
    text, _ = await run_own_case(tracker)
    assert "❌" in text and "经营性贷款" in text and "还清后" in text, text
    assert "有未还清的经营性贷款" in text and "尚未成立" not in text, text


async def run_own_case(tracker: object) -> tuple[str, list[object]]:
    """The own-case answer's texts and events."""
    from rasa_sdk.executor import CollectingDispatcher

    dispatcher = CollectingDispatcher()
    events = await own_case_answer(dispatcher, tracker, {})  # type: ignore[arg-type]
    return "\n".join(str(m.get("text") or "") for m in dispatcher.messages), list(events or [])


async def test_an_undecided_item_is_described_from_the_catalogue_not_by_a_look_alike_faq(service_url: str) -> None:
    from rasa_sdk.executor import CollectingDispatcher

    from actions.eligibility import item_eligibility

    said = "我2023年开的店，能领创业补贴吗"
    tracker = make_tracker([user_event(said, "check_eligibility")])
    dispatcher = CollectingDispatcher()
    stated = situation.read(said, [], TODAY)
    await item_eligibility.answer(dispatcher, tracker, {}, ["startup_subsidy"], stated)
    text = "\n".join(str(m.get("text") or "") for m in dispatcher.messages)
    assert "❔" in text and "【创业补贴申领】" in text and "已经营约3年" in text, text
    assert "来源" not in text and "现在还不行" not in text, text
