"""Short follow-ups keep their topic after a progress result and after the overview; 差评 in a question rates nothing.

After a progress result "那个证呢", "税务那个要多久", "剩下的呢" are read from the lines just shown (whichever router
the NLU sends them to); after the overview "以前呢" / "现在呢" compare before and now, "线下呢" / "网上呢" name that
way in; "怎么给差评" is told how to rate and stores nothing (issue 12).
"""

from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.appeals.ratings import ActionRate, asks_how_to_rate
from actions.application.application_start import ActionStartApplication
from actions.conversation import context
from actions.conversation.confused import ActionHelpConfused
from actions.conversation.followups import _answered
from actions.conversation.messages import progress
from actions.conversation.routing import ActionRouteOverview, ActionRouteProgress
from actions.knowledge.query_text import in_chinese, query_text
from actions.knowledge.questions import ActionAnswerQuestion
from actions.progress import progress_followups
from tests.actions.conftest import make_tracker, user_event

TASKS = [
    ("人社部门（公共就业服务机构）", "就业创业证申领", "已办结", None),
    ("市场监督管理部门", "经营主体登记注册", "审核中", "green"),
    ("税务部门", "纳税人信息确认", "已受理", "yellow"),
]
RESULT = progress(
    {
        "number": "CY20261201000001",
        "state_label": "办理中",
        "departments": [
            {
                "department": department,
                "items": [{"name": item}],
                "status_label": status,
                "light": light,
                "time_limit_days": 3,
                "due_date": "2026-12-09",
                "working_days_left": 2,
            }
            for department, item, status, light in TASKS
        ],
    }
)


def after_progress(said: str, intent: str, entities: list[dict[str, Any]] | None = None, more: int = 0) -> Tracker:
    """``said`` right after the progress result (or after ``more`` follow-ups answered from it)."""
    events: list[dict[str, Any]] = [
        user_event("CY20261201000001 123456", "check_progress"),
        {"event": "action", "name": "action_show_progress"},
        {"event": "bot", "text": RESULT},
        {"event": "action", "name": "action_listen"},
    ]
    for _ in range(more):
        events += [
            user_event("执照呢", "ask_question"),
            {"event": "action", "name": "action_answer_question"},
            {"event": "bot", "text": f"{progress_followups.LEAD}\n（某一行）"},
            {"event": "action", "name": "action_listen"},
        ]
    return make_tracker([*events, user_event(said, intent, entities)], slots={"last_application_number": "CY1"})


async def run(action: Any, tracker: Tracker) -> tuple[str, list[dict[str, Any]]]:
    dispatcher = CollectingDispatcher()
    events = await action.run(dispatcher, tracker, {})
    return "\n".join(str(m.get("text") or m.get("response") or "") for m in dispatcher.messages), events


async def test_an_item_or_department_after_a_progress_result_is_its_line(service_url: str) -> None:
    for said, intent, line in (
        ("那个证呢", "ask_question", "就业创业证申领"),
        ("税务那个要多久", "check_progress", "纳税人信息确认"),
        ("执照办好了没", "inform", "经营主体登记注册"),
    ):
        action = {"ask_question": ActionAnswerQuestion, "check_progress": ActionRouteProgress}.get(
            intent, ActionStartApplication
        )()
        text, events = await run(action, after_progress(said, intent))
        assert text.startswith(progress_followups.LEAD) and line in text, (said, text)
        assert len(text.splitlines()) == 2, said  # that line only
        assert not [e for e in events if str(e.get("name")).endswith("_form")], said  # no form opened


async def test_the_rest_after_a_progress_result_are_the_lines_not_finished(service_url: str) -> None:
    text, _ = await run(ActionAnswerQuestion(), after_progress("剩下的呢", "ask_question"))
    assert "还没办完的有2项" in text and "税务部门" in text and "市场监督管理部门" in text
    assert "就业创业证申领" not in text


async def test_a_second_follow_up_reads_the_same_result_and_an_item_not_applied_for_is_said(service_url: str) -> None:
    text, _ = await run(ActionAnswerQuestion(), after_progress("那税务呢", "ask_question", more=1))
    assert "纳税人信息确认" in text
    text, _ = await run(ActionAnswerQuestion(), after_progress("贷款呢", "ask_question"))
    assert "这份申请里没有“申请创业担保贷款”" in text and "我要申请" in text


def after_overview(said: str, intent: str) -> Tracker:
    events = [
        user_event("一件事是什么", "ask_bundle_overview"),
        {"event": "action", "name": "action_route_overview"},
        {"event": "bot", "text": "个人创业“一件事”把创业要跑的8个事项合成一件事办"},
        {"event": "slot", "name": "after_overview", "value": True},
        {"event": "action", "name": "action_listen"},
        user_event(said, intent),
    ]
    return make_tracker(events, slots={"after_overview": True})


def test_before_and_now_after_the_overview_are_the_comparison() -> None:
    assert "以前" in query_text(after_overview("以前呢", "ask_question"))
    assert "跑几个部门" in query_text(after_overview("以前呢", "ask_question"))
    assert query_text(after_overview("现在呢", "ask_bundle_overview")).startswith("现在")
    earlier = make_tracker(
        [
            user_event("以前要跑几个部门", "ask_question"),
            {"event": "action", "name": "action_answer_question"},
            {"event": "bot", "text": "以前大约要36天"},
            user_event("现在呢", "ask_question"),
        ]
    )
    assert query_text(earlier) == "现在要跑几个部门"


async def test_now_after_the_overview_is_answered_not_the_overview_again(service_url: str) -> None:
    text, _ = await run(ActionRouteOverview(), after_overview("现在呢", "ask_bundle_overview"))
    assert "8个事项合成一件事办" not in text and text


async def test_offline_or_online_after_an_answer_is_that_way_in(service_url: str) -> None:
    text, _ = await run(ActionRouteOverview(), after_overview("线下呢", "ask_bundle_overview"))
    assert "创业服务窗口" in text and "当面" in text
    text, _ = await run(ActionAnswerQuestion(), after_overview("网上呢", "ask_question"))
    assert "湘易办" in text and "湖南省政务服务网" in text


async def test_a_question_about_rating_stores_nothing(service_url: str) -> None:
    for said in ("怎么给差评", "差评在哪里给", "差评有用吗", "能给差评吗"):
        assert asks_how_to_rate(said), said
        text, events = await run(ActionRate(), make_tracker([user_event(said, "give_feedback")]))
        assert "已记录" not in text and "五星" in text and "差评" in text, said
        assert not events, said
    for said in ("差评！等了一个月", "一星，怎么这么慢", "五星好评，可以吗", "非常不满意，为什么这么慢"):
        assert not asks_how_to_rate(said), said


async def test_pointing_at_money_asks_which_one_with_choices_then_offers_a_person(service_url: str) -> None:
    dispatcher = CollectingDispatcher()
    await ActionHelpConfused().run(dispatcher, make_tracker([user_event("就是那笔钱，公家发的", "not_understood")]), {})
    assert "创业补贴" in dispatcher.messages[0]["text"] and "创业担保贷款" in dispatcher.messages[0]["text"]
    assert [b["title"] for b in dispatcher.messages[0]["buttons"]] == ["创业补贴", "创业担保贷款"]
    text, _ = await run(ActionHelpConfused(), make_tracker([user_event("呃，就是那个嘛", "not_understood")]))
    assert "哪件事" in text and "例如" in text
    again = make_tracker(
        [
            user_event("呃，就是那个嘛", "not_understood"),
            {"event": "bot", "text": text},
            user_event("你晓得的那个事", "not_understood"),
        ]
    )
    text, _ = await run(ActionHelpConfused(), again)
    assert "转人工" in text and "12345" in text


async def test_a_complaint_carrying_an_application_number_is_filed_not_checked(service_url: str) -> None:
    tracker = make_tracker([user_event("投诉一下，CY20261201000001办了两周还没动", "check_progress")])
    _, events = await run(ActionRouteProgress(), tracker)
    assert [e["name"] for e in events if e["event"] == "followup"] == ["action_route_appeal"]
    _, events = await run(ActionRouteProgress(), make_tracker([user_event("CY20261201000001", "check_progress")]))
    assert [e["name"] for e in events if e["event"] == "followup"] == ["progress_form"]


def test_which_department_after_an_answer_is_no_entry_points() -> None:
    events = [
        user_event("创业担保贷款要多久", "ask_question"),
        {"event": "action", "name": "action_answer_question"},
        {"event": "bot", "text": "15个工作日"},
        {"event": "action", "name": "action_listen"},
        user_event("去哪个部门办", "ask_question"),
    ]
    assert context.fixed_reply(make_tracker(events, slots={"item": "guaranteed_loan"}), False) is None


async def test_a_question_read_as_feedback_is_answered_not_thanked(service_url: str) -> None:
    text, events = await run(ActionRate(), make_tracker([user_event("电话号码要填几个数字", "give_feedback")]))
    assert "感谢您的意见" not in text and "已记录" not in text


def test_no_offer_to_apply_after_an_answer_that_found_nothing() -> None:
    found = [{"text": "15个工作日"}, {"custom": {"answer_feedback": {"question": "q", "status": "faq"}}}]
    missed = [{"text": "没有找到"}, {"custom": {"answer_feedback": {"question": "q", "status": "not_found"}}}]
    assert _answered(found) and not _answered(missed)
    assert _answered([{"text": "可以在这些地方办理"}])  # a fixed reply from the context: answered


def test_what_is_asked_in_english_is_searched_in_chinese() -> None:
    for said, asked in (
        ("GYB培训free吗", "GYB培训免费吗"),
        ("创业补贴how-much", "创业补贴多少钱"),
        ("执照how long", "执照要多久"),
    ):
        assert in_chinese(make_tracker([user_event(said, "ask_question")]), said) == asked, said
