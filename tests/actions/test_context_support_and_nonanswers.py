"""Context and routing outside the forms (issue 12): what support there is, replies that give nothing, filed changes.

A policy question after a progress result is the knowledge base's, not a line of the result; two questions asking
"how many years" / "how many thousand" are both answered; "what support is there" with nothing said about the
person gets the support in short before the check; three replies in a row that gave nothing offer a person; a
change to an application already filed is told how it is made.
"""

from typing import Any

from rasa_sdk.executor import CollectingDispatcher

from actions.application.application_start import ActionStartApplication
from actions.conversation import context, question_shape
from actions.conversation.plain_answers import CHANGE_AFTER_FILING, changes_a_filed_application, said_plainly
from actions.conversation.replies import OUT_OF_SCOPE, non_answers_in_a_row, person_due
from actions.conversation.routing import ActionOutOfScope, ActionRouteEligibility
from actions.knowledge.query_text import named_by_short_word
from actions.progress import progress_followups
from tests.actions.conftest import make_tracker, user_event
from tests.actions.test_context_followups import after_progress
from tests.actions.test_followups import followup, run


def test_a_question_about_what_comes_next_is_no_line_of_the_result() -> None:
    for said in ("钱批下来后几天能进账户", "公章和对公账户要不要我自己另外弄", "执照拿到以后怎么领补贴"):
        assert progress_followups.reply(after_progress(said, "ask_question")) is None, said
    for said, line in (
        ("执照办好了没", "经营主体登记注册"),
        ("税务那个还要几天", "纳税人信息确认"),
        ("那个证呢", "就业创业证"),
    ):
        assert line in str(progress_followups.reply(after_progress(said, "ask_question"))), said


def test_how_many_years_or_thousands_is_a_question_of_its_own() -> None:
    assert question_shape.questions("补贴能拿几千？借款能借几年？") == ["补贴能拿几千", "借款能借几年"]
    assert question_shape.questions("补贴多少钱？担保贷款能贷几年？") == ["补贴多少钱", "担保贷款能贷几年"]
    assert question_shape.is_question("办营业执照多长时间")
    assert question_shape.questions("贷款最多贷多少能贷几年") == ["贷款最多贷多少能贷几年"]  # dictated: one question


async def test_what_support_there_is_gets_it_in_short_then_the_check(service_url: str) -> None:
    text, out = await run(
        ActionRouteEligibility(), make_tracker([user_event("想自己干点事，国家有啥扶持", "check_eligibility")])
    )
    assert followup(out) == "eligibility_form"
    assert "5000" in text and "20万" in text and "培训" in text
    text, out = await run(ActionRouteEligibility(), make_tracker([user_event("帮我匹配一下政策", "check_eligibility")]))
    assert followup(out) == "eligibility_form" and "5000" not in text  # asked to be checked: the check at once


async def test_what_support_there_is_read_as_out_of_scope_goes_to_the_eligibility_router(service_url: str) -> None:
    text, out = await run(ActionOutOfScope(), make_tracker([user_event("想自己干点事，国家有啥扶持", "out_of_scope")]))
    assert followup(out) == "eligibility_form" and "5000" in text


def _after_non_answers(said: str, intent: str, replies: list[dict[str, Any]]) -> Any:
    events: list[dict[str, Any]] = []
    for number, reply in enumerate(replies):
        events += [user_event(f"呃{number}", "out_of_scope"), {"event": "action", "name": "x"}, reply]
        events.append({"event": "action", "name": "action_listen"})
    return make_tracker([*events, user_event(said, intent)])


async def test_the_second_reply_that_gives_nothing_offers_a_person_too() -> None:
    declined = {"event": "bot", "text": OUT_OF_SCOPE[0]}
    text, _ = await run(ActionOutOfScope(), _after_non_answers("今天天气咋样", "out_of_scope", [declined]))
    assert text == OUT_OF_SCOPE[1] and "转人工" in text


async def test_the_third_reply_that_gives_nothing_offers_a_person() -> None:
    declined = {"event": "bot", "text": OUT_OF_SCOPE[0]}
    listed = {"event": "bot", "text": context.NO_WORDS}
    tracker = _after_non_answers("哦", "affirm", [declined, listed])
    assert non_answers_in_a_row(tracker) == 2 and person_due(tracker) == OUT_OF_SCOPE[-1]
    text, _ = await run(ActionStartApplication(), tracker)
    assert "转人工" in text and "12345" in text
    text, _ = await run(ActionOutOfScope(), _after_non_answers("嗯嗯嗯", "out_of_scope", [declined, listed]))
    assert "转人工" in text
    answered = {"event": "bot", "text": "3个工作日，从市场监管部门收到分发的表单时起算。"}
    assert person_due(_after_non_answers("哦", "affirm", [answered, declined])) is None
    how_can_help = {"event": "bot", "text": "好的。", "metadata": {"utter_action": "utter_how_can_help"}}
    assert non_answers_in_a_row(_after_non_answers("哦", "affirm", [declined, how_can_help])) == 2


async def test_a_change_to_a_filed_application_is_told_how_it_is_made() -> None:
    for said in ("已经递上去了，电话填错一位，还能动吗", "我提交了，地址能换吗", "交完申请发现名字打错了怎么办"):
        assert changes_a_filed_application(said), said
    for said in ("提交前填错了怎么改", "手机号填错了怎么办", "申请交上去了要多久"):
        assert not changes_a_filed_application(said), said
    dispatcher = CollectingDispatcher()
    tracker = make_tracker([user_event("已经递上去了，电话填错一位，还能动吗", "check_progress")])
    assert await said_plainly(dispatcher, tracker) == []
    assert dispatcher.messages[0]["text"] == CHANGE_AFTER_FILING


def test_an_untagged_item_word_opening_with_de_names_that_item() -> None:
    assert named_by_short_word("税务的要另外交材料吗", untagged=True) == (
        "纳税人信息确认要另外交材料吗",
        "taxpayer_confirmation",
    )
    assert named_by_short_word("税务的要另外交材料吗") is None  # the NLU tagged an item: its words stand
    assert named_by_short_word("我的申请到哪了", untagged=True) is None
