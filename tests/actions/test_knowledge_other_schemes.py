"""A question about another scheme is never a request to apply: it gets the decline, not the form (issue 14, kb17).

"退役军人安置补助标准" (a benefit named with 补助 and 标准, read as the start-up subsidy and a veteran's category)
started the application form for the start-up subsidy. The service names the scheme by its words and declines it
(``declined``); the check before any form (:func:`knowledge_client.named_elsewhere`) now takes that decline too.
"""

import pytest
from rasa_sdk.executor import CollectingDispatcher

from actions.application.application_start import ActionStartApplication
from actions.knowledge.knowledge_client import named_elsewhere
from tests.actions.conftest import make_tracker, user_event

DECLINE = "不是湖南省个人创业“一件事”的事项"


OTHER_SCHEMES = ["退役军人安置补助标准", "家电下乡补贴怎么领", "种粮补贴一亩地多少钱", "农机购置补贴标准多少"]


@pytest.mark.parametrize("text", OTHER_SCHEMES)
async def test_another_scheme_is_declined_before_any_form(knowledge_service: str, text: str) -> None:
    declined = await named_elsewhere(text)
    assert declined is not None and DECLINE in declined


@pytest.mark.parametrize("text", ["我是退役军人，想申请创业补贴", "我想申请创业担保贷款", "帮我办个营业执照"])
async def test_a_request_for_our_items_is_not_declined(knowledge_service: str, text: str) -> None:
    assert await named_elsewhere(text) is None


async def test_the_application_does_not_start_for_another_scheme(knowledge_service: str) -> None:
    entities = [
        {"entity": "person_category", "value": "veteran", "start": 0, "end": 4},
        {"entity": "item", "value": "startup_subsidy", "start": 6, "end": 8},
    ]
    dispatcher = CollectingDispatcher()
    tracker = make_tracker([user_event("退役军人安置补助标准", "start_application", entities)])
    events = await ActionStartApplication().run(dispatcher, tracker, {})
    texts = " ".join(str(m.get("text") or "") for m in dispatcher.messages)
    assert DECLINE in texts and "信息采集表" not in texts
    assert not any(e.get("event") == "active_loop" for e in events)
