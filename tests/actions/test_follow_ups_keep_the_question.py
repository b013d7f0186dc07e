"""A short follow-up naming another item keeps the question; one naming another aspect keeps the item (issue 12).

What the user sees: after "开个体户的执照要几个工作日", "那税务那边呢" gets the taxpayer confirmation's working days
(税务 is no item the NLU tags by itself); after "创业贷款最快多久批下来", "补贴呢" asks how fast the subsidy comes, and
"培训呢" after that still asks how fast; materials, where and how much are kept the same way, and an aspect named
alone ("期限呢") keeps the item. Nothing asked before ("谢谢") carries nothing over.
"""

from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.knowledge.query_text import follow_up_item, query_text
from actions.knowledge.questions import ActionAnswerQuestion
from tests.actions.conftest import make_tracker, user_event


def item(words: str, code: str, text: str) -> list[dict[str, Any]]:
    start = text.index(words)
    return [{"entity": "item", "value": code, "start": start, "end": start + len(words)}]


def said(*turns: tuple[str, str | None, str | None]) -> Tracker:
    """The user's turns (text, item words, item code), each answered; the last one is the latest message."""
    events: list[dict[str, Any]] = []
    for text, words, code in turns:
        if events:
            events += [{"event": "action", "name": "action_answer_question"}, {"event": "bot", "text": "（回答）"}]
        events.append(user_event(text, "ask_question", item(words, code, text) if words and code else None))
    return make_tracker(events)


def test_another_item_keeps_the_question_whichever_aspect_it_asked() -> None:
    """In the user's own word first, and by the item's everyday name (tried when that finds nothing sure)."""
    cases = (
        (
            ("开个体户的执照要几个工作日", "执照", "business_registration"),
            ("那税务那边呢", None, None),
            ("开个体户的税务要几个工作日", "开个体户的纳税人信息确认要几个工作日"),
        ),
        (
            ("创业贷款最快多久批下来", "创业贷款", "guaranteed_loan"),
            ("补贴呢", "补贴", "startup_subsidy"),
            ("补贴最快多久批下来", "一次性创业补贴最快多久批下来"),
        ),
        (
            ("办执照得准备啥材料", "执照", "business_registration"),
            ("社保这块呢", None, None),
            ("办社保得准备啥材料", "办养老保险登记得准备啥材料"),
        ),
        (
            ("就业创业证去哪儿办", "就业创业证", "employment_cert"),
            ("那孵化基地呢", "孵化基地", "incubator"),
            ("孵化基地去哪儿办", "创业孵化基地去哪儿办"),
        ),
        (
            ("孵化基地要交多少钱", "孵化基地", "incubator"),
            ("培训那边呢", None, None),
            ("培训要交多少钱", "SYB培训要交多少钱"),
        ),
    )
    for first, then, (own, everyday) in cases:
        tracker = said(first, then)
        assert (query_text(tracker), query_text(tracker, everyday=True)) == (own, everyday), then


def test_a_follow_up_to_a_follow_up_keeps_the_first_question() -> None:
    tracker = said(
        ("创业贷款最快多久批下来", "创业贷款", "guaranteed_loan"),
        ("补贴呢", "补贴", "startup_subsidy"),
        ("那培训呢", "培训", "training"),
    )
    assert query_text(tracker) == "培训最快多久批下来"
    assert query_text(tracker, everyday=True) == "SYB培训最快多久批下来"  # "一次性创业补贴" replaced whole
    untagged = said(
        ("办执照要几天", "执照", "business_registration"),
        ("补贴呢", "补贴", "startup_subsidy"),
        ("税务那边呢", None, None),
    )
    assert query_text(untagged, everyday=True) == "办纳税人信息确认要几天"
    assert follow_up_item(untagged) == "taxpayer_confirmation"


def test_an_aspect_alone_keeps_the_item_and_nothing_asked_carries_nothing() -> None:
    assert (
        query_text(said(("创业贷款利息怎么算", "创业贷款", "guaranteed_loan"), ("期限呢", None, None)))
        == "创业贷款期限怎么算"
    )
    assert query_text(said(("谢谢你", None, None), ("补贴呢", "补贴", "startup_subsidy"))) == "补贴呢"
    assert follow_up_item(said(("办执照要几天", "执照", "business_registration"))) is None  # no follow-up


async def test_the_tax_side_after_the_licence_days_gets_the_tax_items_days(knowledge_service: str) -> None:
    tracker = said(("开个体户的执照要几个工作日", "执照", "business_registration"), ("那税务那边呢", None, None))
    tracker.slots["item"] = "business_registration"  # the conversation's item: the licence, answered before
    dispatcher = CollectingDispatcher()
    events = await ActionAnswerQuestion().run(dispatcher, tracker, {})
    text = "\n".join(str(m.get("text") or "") for m in dispatcher.messages)
    assert "纳税人" in text or "税务" in text, text
    assert "1个工作日" in text, text
    assert {"event": "slot", "name": "item", "value": "taxpayer_confirmation"} in [
        {k: e.get(k) for k in ("event", "name", "value")} for e in events
    ] or "纳税人" in text


async def test_after_the_overview_how_long_before_is_the_comparison_and_how_many_places_is_one_visit(
    knowledge_service: str,
) -> None:
    from actions.conversation.routing import ActionRouteOverview
    from tests.actions.test_context_followups import after_overview, run

    text, _ = await run(ActionRouteOverview(), after_overview("原来办这些要花多长时间", "ask_question"))
    assert "36" in text and "整件事在各部门并联审批" not in text, text  # before the bundle, not today's limits
    text, _ = await run(ActionRouteOverview(), after_overview("那一共得跑几个地方", "ask_bundle_overview"))
    assert "不用一个个部门去跑" in text and "并联审批" in text, text


async def test_a_short_follow_up_read_as_out_of_scope_is_answered_about_the_item_before(
    knowledge_service: str,
) -> None:
    from actions.conversation.routing import ActionOutOfScope

    tracker = said(("孵化基地由哪家单位审核", "孵化基地", "incubator"), ("大概几天", None, None))
    tracker.slots["item"] = "incubator"
    tracker.latest_message["intent"] = {"name": "out_of_scope", "confidence": 0.6}
    dispatcher = CollectingDispatcher()
    await ActionOutOfScope().run(dispatcher, tracker, {})
    text = "\n".join(str(m.get("text") or "") for m in dispatcher.messages)
    assert "10个工作日" in text, text
