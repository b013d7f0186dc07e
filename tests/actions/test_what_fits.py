"""A person who describes themselves and asks what support there is gets the rules' verdict, whatever the intent."""

from datetime import date

from actions.conversation.fallback import ActionHandleLowConfidence
from actions.conversation.routing import ActionRouteEligibility
from actions.eligibility.situation import asks_what_fits, read
from actions.knowledge.in_place import fits_asked
from actions.knowledge.questions import ActionAnswerQuestion
from tests.actions.conftest import make_tracker, user_event
from tests.actions.test_followups import followup, run, slots_of

TODAY = date(2026, 12, 6)
VETERAN = {"entity": "person_category", "value": "veteran"}


def test_leaving_the_army_in_everyday_words_is_a_veteran() -> None:
    for said in ("我三年前从部队退下来的", "转业回来两年了", "复员好几年了", "服完兵役回来的", "部队里退下来以后"):
        assert read(said, [], TODAY).profile.get("person_category") == "veteran", said
    assert read("公司要转业务方向", [], TODAY).profile.get("person_category") is None


def test_asking_what_fits_oneself_is_told_from_a_policy_question() -> None:
    for said, entities in (
        ("我三年前从部队退下来的，想开个店，有啥帮扶", []),
        ("转业回来两年了，想自己干点事，有没有什么照顾", []),
        ("我是退伍兵，复员三年，有没有扶持", [VETERAN]),
        ("退伍五年了能享受什么", []),
    ):
        assert asks_what_fits(said, entities, TODAY), said
    for said, entities in (
        ("退役军人有哪些优惠", [VETERAN]),  # the policy in general
        ("我是退役军人，贷款要准备哪些材料", [VETERAN]),  # a question about materials
        ("有什么扶持政策", []),  # nobody described
    ):
        assert not asks_what_fits(said, entities, TODAY), said


async def test_a_question_read_as_a_policy_question_goes_to_the_eligibility_router(service_url: str) -> None:
    said = "我从部队回来三年了想做点小生意有没有什么照顾"
    _, out = await run(ActionAnswerQuestion(), make_tracker([user_event(said, "ask_question")]))
    assert followup(out) == "eligibility_form"  # the router, run in place, opened the check
    assert "veteran" in slots_of(out).values()


def test_the_router_answering_through_the_question_action_is_not_sent_back() -> None:
    said = "我从部队回来三年了有没有什么照顾"
    for events in (
        [user_event(said, "check_eligibility")],  # the router's own intent
        [user_event(said, "check_progress"), {"event": "action", "name": "action_route_eligibility"}],  # redirected
    ):
        assert not fits_asked(make_tracker(events))


async def test_an_unsure_reading_of_it_gets_the_verdict_on_every_item_from_what_was_said(service_url: str) -> None:
    # Since 05b64ae the situation said (a veteran, no business yet) is judged at once instead of opening the check.
    said = "我三年前从部队退下来的，想开个店，有啥帮扶"
    text, out = await run(ActionHandleLowConfidence(), make_tracker([user_event(said, "nlu_fallback")]))
    assert "按您说的情况" in text and "退役军人" in text and "20万" in text, text
    assert followup(out) is None


async def test_the_router_checks_a_veteran_described_in_words(service_url: str) -> None:
    said = "转业回来两年了，有没有什么照顾"
    _, out = await run(ActionRouteEligibility(), make_tracker([user_event(said, "check_eligibility")]))
    assert followup(out) == "eligibility_form"
    assert "veteran" in slots_of(out).values()


async def test_an_unsure_question_whether_one_gets_an_item_gets_the_verdict_once(service_url: str) -> None:
    subsidy = "startup_subsidy"
    for said, word in (
        ("退伍老兵开个修车铺能拿创业补贴不", "创业补贴"),
        ("我是退伍军人，想开店，能领那个五千块的补贴吗", "补贴"),
    ):
        start = said.index(word)
        entities = [{"entity": "item", "value": subsidy, "start": start, "end": start + len(word)}]
        text, out = await run(ActionHandleLowConfidence(), make_tracker([user_event(said, "nlu_fallback", entities)]))
        assert "按您说的情况" in text and "退役军人" in text and "暂不符合" in text, said
        assert followup(out) is None, said  # answered here: a follow-up action had found no rule and looped
