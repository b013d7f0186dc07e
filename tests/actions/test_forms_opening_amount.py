"""A loan sum in the message that starts the application: an amount over the limit is never acknowledged as taken
(the limit is said and a figure asked, as the form does later), a rough sum asks for a figure."""

from __future__ import annotations

from typing import Any

from actions.application.application_start import ActionStartApplication
from tests.actions.conftest import make_tracker, user_event
from tests.actions.test_followups import run

LOAN = {"entity": "item", "value": "guaranteed_loan", "start": 5, "end": 11}


def _amount(value: str, start: int, end: int) -> dict[str, Any]:
    return {"entity": "amount", "value": value, "start": start, "end": end}


async def _start(said: str, entities: list[dict[str, Any]]) -> tuple[str, list[dict[str, Any]]]:
    return await run(ActionStartApplication(), make_tracker([user_event(said, "start_application", entities)]))


def _slots(events: list[dict[str, Any]]) -> dict[str, Any]:
    return {e["name"]: e["value"] for e in events if e.get("event") == "slot"}


async def test_an_amount_over_the_limit_in_the_first_message_says_the_limit_and_is_not_taken(
    service_url: str,
) -> None:
    for said, entities in (
        ("我想申请创业担保贷款，想贷50万", [LOAN, _amount("500000", 14, 17)]),
        ("想贷50万开个厂", [_amount("500000", 2, 5)]),
    ):
        text, events = await run(
            ActionStartApplication(), make_tracker([user_event(said, "start_application", entities)])
        )
        slots = _slots(events)
        assert slots.get("application_items") == ["guaranteed_loan"] and slots.get("loan_amount") is None, (said, slots)
        assert "最高20万" in text and "按最高额度申请的话回复“20万”" in text, text
        assert "已记下" not in text and "贷款金额：50万" not in text, text


async def test_a_rough_sum_in_the_first_message_asks_a_figure(service_url: str) -> None:
    for said, entities in (("想贷个二三十万开厂", []), ("我要申请创业担保贷款，大概十来万吧", [LOAN])):
        text, events = await run(
            ActionStartApplication(), make_tracker([user_event(said, "start_application", entities)])
        )
        slots = _slots(events)
        assert slots.get("application_items") == ["guaranteed_loan"] and slots.get("loan_amount") is None, (said, slots)
        assert "是个大概数" in text and "具体数" in text, text


async def test_an_amount_within_the_limit_is_still_taken_and_said_back(service_url: str) -> None:
    said = "我要申请创业担保贷款，贷15万"
    text, events = await run(
        ActionStartApplication(),
        make_tracker([user_event(said, "start_application", [LOAN, _amount("150000", 12, 15)])]),
    )
    assert _slots(events).get("loan_amount") == "150000" and "贷款金额：15万元" in text, text
    assert "最高" not in text, text
