"""Asked whether a loan figure is allowed, or about another place or scheme: answered, never a form (issues 12, 14).

"想借个十八万行吗" asks whether the limit allows it and is answered from the knowledge base (20万/3年 for a
person); "给我申请贷款十二万" still starts the application. "贵州返乡创业有补贴吗" and "店里想领一次性吸纳就业补贴"
get the service's redirect, neither the eligibility check nor the application form.
"""

import pytest

from actions.application.application_start import INTRO, ActionStartApplication
from actions.conversation.question_shape import asks_whether_figure, is_request
from actions.conversation.routing import ActionRouteEligibility
from tests.actions.conftest import make_tracker, user_event
from tests.actions.test_followups import run

LOAN = [{"entity": "item", "value": "guaranteed_loan"}]


@pytest.mark.parametrize("said", ["想借个十八万行吗", "贷款五年可不可以", "我打算贷12万能批下来不", "贷两年够不够"])
def test_a_figure_asked_yes_no_is_a_question(said: str) -> None:
    assert asks_whether_figure(said) and not is_request(said)


@pytest.mark.parametrize("said", ["给我申请贷款十二万", "我要贷18万", "帮我申请16万可以吗", "我想贷款"])
def test_a_request_with_a_figure_stays_a_request(said: str) -> None:
    assert not asks_whether_figure(said)


def _form_started(text: str, events: list[dict]) -> bool:
    return text.startswith(INTRO[:10]) or any(e.get("name") in ("eligibility_form", "application_form") for e in events)


async def test_whether_a_person_may_borrow_more_is_answered(service_url: str, knowledge_ready: str) -> None:
    tracker = make_tracker([user_event("我想贷款二十二万可以吗", "start_application", LOAN)])
    text, events = await run(ActionStartApplication(), tracker)
    assert not _form_started(text, events) and "20万" in text, text


async def test_whether_a_term_is_allowed_is_answered_not_checked(service_url: str, knowledge_ready: str) -> None:
    tracker = make_tracker([user_event("贷款借五年行不行", "check_eligibility", LOAN)])
    text, events = await run(ActionRouteEligibility(), tracker)
    assert not _form_started(text, events) and "人员类别" not in text, text  # answered by the knowledge base


async def test_a_request_with_an_amount_starts_the_form(service_url: str, knowledge_ready: str) -> None:
    tracker = make_tracker([user_event("给我申请贷款十二万", "start_application", LOAN)])
    text, _ = await run(ActionStartApplication(), tracker)
    assert text.startswith(INTRO[:10]), text


@pytest.mark.parametrize(
    ("said", "intent", "action"),
    [
        ("贵州返乡创业有补贴吗", "check_eligibility", ActionRouteEligibility),
        ("广西那边回乡创业能拿多少扶持", "check_eligibility", ActionRouteEligibility),
        ("我想申请广东的返乡创业补贴", "start_application", ActionStartApplication),
        ("店里想领一次性吸纳就业补贴", "start_application", ActionStartApplication),
    ],
)
async def test_another_place_or_scheme_is_redirected_not_a_form(
    service_url: str, knowledge_ready: str, said: str, intent: str, action: type
) -> None:
    text, events = await run(action(), make_tracker([user_event(said, intent, [])]))
    assert not _form_started(text, events) and "湖南省" in text and "抱歉" in text, text


async def test_coming_back_from_another_province_still_applies(service_url: str, knowledge_ready: str) -> None:
    entities = [{"entity": "item", "value": "startup_subsidy"}]
    tracker = make_tracker([user_event("我从广东打工回来，想申请创业补贴", "start_application", entities)])
    text, _ = await run(ActionStartApplication(), tracker)
    assert text.startswith(INTRO[:10]), text
