"""Understanding in context (issue 12): the wait after a verdict, where the number is, choices, groups, jobs."""

from datetime import date

from actions.conversation import context, question_shape
from actions.conversation.routing import ActionRouteEligibility, ActionRouteOverview
from actions.eligibility import situation
from actions.eligibility.waiting import how_long_to_wait, wait_reply
from actions.knowledge.questions import ActionAnswerQuestion
from actions.progress.progress import forgot_number
from actions.progress.progress_replies import WHERE_NUMBER
from tests.actions.conftest import make_tracker, user_event
from tests.actions.test_followups import run

TOO_YOUNG = (
    "按您说的情况（店开了半年 → 约2026年6月成立）：\n❌ 一次性创业补贴：经营主体须正常经营满1年，目前经营了6个月"
)
NO_LICENCE = (
    "根据您说的情况，匹配结果如下：\n✅ 创业担保贷款：符合条件\n"
    "❌ 一次性创业补贴：尚未取得营业执照，经营主体正常经营满1年后才能申领"
)


def after_verdict(verdict: str, said: str, intent: str = "ask_question") -> list[dict[str, object]]:
    return [
        user_event("我店开了半年，能领补贴吗", "check_eligibility"),
        {"event": "action", "name": "action_route_eligibility"},
        {"event": "bot", "text": verdict},
        {"event": "action", "name": "action_listen"},
        user_event(said, intent),
    ]


def test_the_wait_is_the_months_still_to_go_from_the_verdict() -> None:
    reply = wait_reply(TOO_YOUNG, date(2026, 12, 6))
    assert reply is not None and "还差大约6个月" in reply and "2027年6月" in reply and "一次性创业补贴" in reply
    reply = wait_reply(NO_LICENCE, date(2026, 12, 6))
    assert reply is not None and "营业执照" in reply and "2027年12月" in reply
    assert wait_reply("✅ 创业担保贷款：符合条件", date(2026, 12, 6)) is None


async def test_how_long_to_wait_right_after_the_verdict_gets_the_wait_not_the_time_limit() -> None:
    for said in ("那我还要等多久", "还得等多久才能领", "啥时候才能申请补贴", "那要等到什么时候"):
        text, _ = await run(ActionAnswerQuestion(), make_tracker(after_verdict(TOO_YOUNG, said)))
        assert "还差大约6个月" in text, said


def test_a_wait_question_without_such_a_verdict_is_left_to_the_knowledge_base() -> None:
    from rasa_sdk.executor import CollectingDispatcher

    events = after_verdict("✅ 创业担保贷款：符合条件", "那我还要等多久")
    assert how_long_to_wait(CollectingDispatcher(), make_tracker(events)) is None
    events = after_verdict(TOO_YOUNG, "贷款利息怎么算")
    assert how_long_to_wait(CollectingDispatcher(), make_tracker(events)) is None


def test_where_the_number_is_asked_in_any_order_is_the_forgotten_number() -> None:
    for asked in ("我的申请编号在哪里能看到", "在哪里能找到我的申请编号", "去哪查我的办件号", "申请号码在什么地方"):
        assert forgot_number(asked), asked
    for other in ("哪里查进度要用编号", "用编号怎么查进度", "编号怎么查进度"):
        assert not forgot_number(other), other


async def test_where_is_my_number_gets_where_it_is_whichever_router_has_it() -> None:
    for action, intent in (
        (ActionAnswerQuestion(), "ask_question"),
        (ActionRouteEligibility(), "check_eligibility"),
        (ActionRouteOverview(), "ask_bundle_overview"),
    ):
        text, _ = await run(action, make_tracker([user_event("我的申请编号在哪里能看到", intent)]))
        assert text.startswith(WHERE_NUMBER[:20]), intent


def test_a_choice_between_two_things_is_a_question_not_a_request() -> None:
    for choice in (
        "营业执照给纸质的还是电子的",
        "办个体户还是公司好",
        "我想申请补贴还是贷款划算",
        "线上办还是去现场办",
    ):
        assert question_shape.is_question(choice) and not question_shape.is_request(choice), choice
    for still in ("我还是去现场办吧", "编号还是找不到", "地址还是原来那个", "我觉得还是去窗口好"):
        assert not question_shape.is_choice(still), still


def test_years_in_a_job_are_not_a_business_running() -> None:
    today = date(2026, 12, 6)
    worked = situation.read("我在电子厂干了二十年，今年回老家想开个店", [], today)
    assert "business_started_on" not in worked.profile
    assert worked.profile["person_category"] == "returning_migrant_worker"
    assert worked.profile.get("has_licence") is False  # 想开个店: not registered yet
    assert "business_started_on" not in situation.read("在工地上做了五年", [], today).profile
    assert situation.read("店开了一年半了", [], today).profile["business_started_on"] == "2025-06-01"
    assert situation.read("在深圳开店干了三年", [], today).profile["business_started_on"] == "2023-12-01"


def test_none_of_the_groups_said_with_other_facts_still_answers_the_category() -> None:
    from actions.eligibility.eligibility_reading import read_turn

    turn = read_turn(
        "都不是，就普通人，店还没开，打算摆个小吃摊", "inform", [], "elig_person_category", date(2026, 12, 6)
    )
    assert turn.answer == "other" and turn.others == {"elig_business_started_on": "none"}
    turn = read_turn("店还没开", "inform", [], "elig_person_category", date(2026, 12, 6))
    assert turn.answer is None  # the category is still asked


def test_a_described_rarer_group_is_the_category_other_with_its_group() -> None:
    today = date(2026, 12, 6)
    assert situation.read("我开网店的，能申请创业担保贷款吗", [], today).profile == {
        "person_category": "other",
        "other_category": "online_merchant",
    }
    assert situation.read("我家是脱贫户，想养鸡，能贷款吗", [], today).profile["other_category"] == "poverty_alleviated"
    assert "other_category" not in situation.read("都不是，就普通人", [], today).profile


async def test_can_an_online_merchant_get_the_loan_gets_the_verdict_with_the_amount(service_url: str) -> None:
    asked = "我开网店的，能申请创业担保贷款吗"
    start = asked.index("创业担保贷款")
    loan = [{"entity": "item", "value": "guaranteed_loan", "start": start, "end": start + 6}]
    text, _ = await run(ActionRouteEligibility(), make_tracker([user_event(asked, "check_eligibility", loan)]))
    assert "✅ 申请创业担保贷款" in text and "20万元" in text


def test_after_the_overview_how_much_was_cut_is_not_the_list_of_materials() -> None:
    def after_overview(said: str) -> str | None:
        events = [
            user_event("一件事是什么", "ask_bundle_overview"),
            {"event": "action", "name": "action_route_overview"},
            {"event": "bot", "text": "个人创业“一件事”把创业要跑的8个事项合成一件事办"},
            {"event": "action", "name": "action_listen"},
            user_event(said, "ask_question"),
        ]
        return context.fixed_reply(make_tracker(events, slots={"after_overview": True}), named_item=False)

    assert after_overview("要带什么材料") == context.OVERVIEW_MATERIALS
    assert after_overview("材料减少了多少") is None  # the knowledge base has the figures
    assert after_overview("材料能少多少") is None


def test_how_many_places_is_a_question_of_its_own_but_months_ago_is_an_answer() -> None:
    assert question_shape.questions("贷款咋个弄，要跑几个地方") == ["贷款咋个弄", "要跑几个地方"]
    assert not question_shape.is_question("开了几个月了") and not question_shape.is_question("好几个月前开的")
