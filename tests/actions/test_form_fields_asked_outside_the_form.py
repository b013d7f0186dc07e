"""Which fields the form asks, asked outside it (issue 12): the service's fields for the items named, never a page
about who may apply; with no item, the fields every form asks."""

from actions.conversation.form_contents import asks_fields
from actions.conversation.routing import ActionRouteOverview
from actions.knowledge.questions import ActionAnswerQuestion
from tests.actions.conftest import make_form_tracker, make_tracker, user_event
from tests.actions.test_followups import run


async def test_the_fields_of_the_items_named_are_listed(service_url: str) -> None:
    said = "办创业担保贷款的话表上要写啥"
    loan = {"entity": "item", "value": "guaranteed_loan", "start": 1, "end": 7}
    text, _ = await run(ActionAnswerQuestion(), make_tracker([user_event(said, "ask_question", [loan])]))
    assert "贷款金额" in text and "贷款期限" in text and "申请人姓名" in text, text
    assert "来源：常见问题" not in text


async def test_with_no_item_the_fields_every_form_asks(service_url: str) -> None:
    text, _ = await run(
        ActionRouteOverview(), make_tracker([user_event("采集表都要填哪些内容", "ask_bundle_overview")])
    )
    assert "申请人姓名" in text and "拟申请事项" in text and "utter_bundle_overview" not in text, text


def test_inside_the_form_it_is_the_forms_own_help() -> None:
    tracker = make_form_tracker("表里要填哪些", "ask_question", {"requested_slot": "phone"})
    tracker.active_loop = {"name": "application_form"}
    assert not asks_fields(tracker)
    assert not asks_fields(make_tracker([user_event("贷款要带什么材料", "ask_question")]))
