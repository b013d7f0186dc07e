"""Questions comparing items are answered item by item; questions that are ours are not declined (issue 12)."""

from typing import Any

from actions.conversation.fallback import ActionHandleLowConfidence
from actions.conversation.routing import ActionOutOfScope
from actions.knowledge.comparison import closing, compared_items
from actions.knowledge.questions import ActionAnswerQuestion
from tests.actions.conftest import make_tracker, user_event
from tests.actions.test_followups import entity, followup, run


def items(text: str, *named: tuple[str, str]) -> list[dict[str, Any]]:
    return [entity("item", code, text, said) for code, said in named]


def asked(text: str, intent: str, *named: tuple[str, str]) -> list[dict[str, Any]]:
    return [user_event(text, intent, items(text, *named))]


LOAN_OR_SUBSIDY = "创业补贴和创业担保贷款有什么区别"
TWO = (("startup_subsidy", "创业补贴"), ("guaranteed_loan", "创业担保贷款"))


def test_only_a_message_comparing_two_items_is_a_comparison() -> None:
    assert compared_items(make_tracker(asked(LOAN_OR_SUBSIDY, "ask_question", *TWO))) == [
        "startup_subsidy",
        "guaranteed_loan",
    ]
    one = "创业担保贷款有什么条件"
    assert compared_items(make_tracker(asked(one, "ask_question", ("guaranteed_loan", "创业担保贷款")))) == []
    plain = "创业补贴和创业担保贷款要什么材料"
    assert compared_items(make_tracker(asked(plain, "ask_question", *TWO))) == []
    # which to do first is the knowledge base's to answer, not a comparison
    for order in ("创业补贴和创业担保贷款哪个先办", "先办创业补贴还是先办创业担保贷款"):
        assert compared_items(make_tracker(asked(order, "ask_question", *TWO))) == []


def test_the_closing_answers_what_the_comparison_asks() -> None:
    assert "一起申请" in closing("贷款跟补贴能一起申请吗")
    assert "帮我匹配政策" in closing("培训和孵化基地哪个更适合我")
    assert "帮我匹配政策" in closing("申请补贴还是贷款")


async def test_a_comparison_gets_each_item_not_a_menu(service_url: str) -> None:
    text, events = await run(ActionAnswerQuestion(), make_tracker(asked(LOAN_OR_SUBSIDY, "ask_question", *TWO)))
    assert "【创业补贴申领】" in text and "5000元" in text
    assert "【申请创业担保贷款】" in text and "20万元" in text
    assert "您是想问下面哪一个" not in text
    together = "贷款跟补贴能一起申请吗"
    named = (("guaranteed_loan", "贷款"), ("startup_subsidy", "补贴"))
    text, _ = await run(ActionAnswerQuestion(), make_tracker(asked(together, "ask_question", *named)))
    assert "一起申请" in text and "并联审批" in text


async def test_a_comparison_the_nlu_was_unsure_of_is_answered(service_url: str) -> None:
    unsure = "培训和孵化基地哪个更适合我"
    named = (("training", "培训"), ("incubator", "孵化基地"))
    text, _ = await run(ActionHandleLowConfidence(), make_tracker(asked(unsure, "nlu_fallback", *named)))
    assert "【申请参加创业培训】" in text and "帮我匹配政策" in text and "没太明白" not in text


async def test_a_question_naming_an_item_is_not_declined_as_out_of_scope(knowledge_service: str) -> None:
    online = "我开网店的，能申请创业担保贷款吗"
    said = asked(online, "out_of_scope", ("guaranteed_loan", "创业担保贷款"))
    text, _ = await run(ActionOutOfScope(), make_tracker(said))
    assert "超出了我的服务范围" not in text
    text, _ = await run(ActionOutOfScope(), make_tracker([user_event("周末算不算工作日", "out_of_scope")]))
    assert "超出了我的服务范围" not in text
    text, _ = await run(ActionOutOfScope(), make_tracker([user_event("今天天气怎么样", "out_of_scope")]))
    assert "超出了我的服务范围" in text


async def test_hotline_staff_relaying_a_wish_to_apply_starts_the_form() -> None:
    relayed = "来电人想办创业培训和营业执照"
    named = (("training", "创业培训"), ("business_registration", "营业执照"))
    _, events = await run(ActionAnswerQuestion(), make_tracker(asked(relayed, "ask_question", *named)))
    assert followup(events) == "action_start_application"


async def test_a_ruled_out_item_says_what_the_item_is(service_url: str) -> None:
    veteran = "我是退役军人，能贷多少"
    events = [
        user_event(veteran, "check_eligibility", [entity("person_category", "veteran", veteran, "退役军人")]),
        {"event": "action", "name": "action_route_eligibility"},
        {"event": "bot", "text": "✅ 申请创业担保贷款：…"},
        {"event": "action", "name": "action_listen"},
        user_event("补贴呢", "inform", [entity("item", "startup_subsidy", "补贴呢", "补贴")]),
    ]
    text, _ = await run(ActionAnswerQuestion(), make_tracker(events))
    assert "❌ 创业补贴申领" in text and "5000元" in text  # the verdict, and what the subsidy is
