"""Short follow-ups keep the situation and the aspect just answered (issue 12; ninth sets' B1 and B4).

"好的，那培训呢" after the eligibility check's result is that item's verdict for the person the check heard (its
answers are reset once the result is shown); "还有么子可以办" after one item's verdict judges every item; a statement
about one's own credit right after a loan answer gets the loan's credit rule; "那他本人要承担多少" after the interest
answer asks the borrower's share of the interest; "得等好久哦" after a progress result gets the last department's date;
"你能帮我干么子" is told what the assistant does, whichever router the NLU chose.
"""

from typing import Any

import pytest
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.conversation import context, followups
from actions.conversation.courtesy import about_assistant
from actions.conversation.routing import ActionRouteEligibility
from actions.eligibility import gathered
from actions.knowledge import loan_followups
from actions.knowledge.query_text import WHAT_ABOUT, query_text
from actions.knowledge.questions import ActionAnswerQuestion
from tests.actions.conftest import make_tracker, user_event
from tests.actions.test_followups import run

RESULT = (
    "根据您说的情况，匹配结果如下：\n✅ 申请参加创业培训：可以申请。\n✅ 就业创业证申领：可以申请。\n"
    "❌ 创业补贴申领：经营主体须正常经营满1年，目前经营了7个月。"
)
OFFER = "需要现在帮您申请符合条件的事项吗？回复“好的”即可开始填表。"
# The check's answers, set while it asked and reset when it showed the result.
CHECK_ANSWERS = {"elig_person_category": "college_graduate", "elig_graduation_year": 2025}
INTEREST = "财政贴息，借款人只承担LPR减150个基点及以下的部分，高出的部分由财政承担。"
LOAN_WHO = "城镇登记失业人员、退役军人、高校毕业生等可以申请创业担保贷款。"
PROGRESS = (
    "申请编号 CY20261201000001：办理中\n"
    "🟢 市场监督管理局｜经营主体登记注册：已办结\n"
    "🟡 税务局｜纳税人信息确认：审批中；时限3个工作日，12月9日前办结（还剩2个工作日，即将到期）\n"
    "🟢 人力资源和社会保障局｜创业补贴申领：审批中；时限15个工作日，12月24日前办结（还剩12个工作日，正常）"
)


def item(code: str, text: str, said: str) -> dict[str, Any]:
    start = text.index(said)
    return {"entity": "item", "value": code, "start": start, "end": start + len(said)}


def after_check(said: str, intent: str = "ask_question", entities: list[dict[str, Any]] | None = None) -> Tracker:
    """The check asked, was answered, showed its result (slots reset), and the user says ``said``."""
    events: list[dict[str, Any]] = [user_event("帮我看看能享受什么", "check_eligibility")]
    events += [{"event": "slot", "name": name, "value": value} for name, value in CHECK_ANSWERS.items()]
    events += [user_event("还没注册", "inform"), {"event": "action", "name": "action_show_eligibility"}]
    events += [{"event": "slot", "name": name, "value": None} for name in CHECK_ANSWERS]
    events += [{"event": "bot", "text": RESULT}, {"event": "bot", "text": OFFER}]
    events += [{"event": "action", "name": "action_listen"}, user_event(said, intent, entities)]
    return make_tracker(events, slots={"offer_pending": True})


def after_bot(answer: str, said: str, intent: str = "ask_question", slots: dict[str, Any] | None = None) -> Tracker:
    return make_tracker(
        [
            user_event("问一下", "ask_question"),
            {"event": "action", "name": "action_answer_question"},
            {"event": "bot", "text": answer},
            {"event": "action", "name": "action_listen"},
            user_event(said, intent),
        ],
        slots=slots,
    )


@pytest.mark.parametrize(
    ("said", "subject"),
    [("好的，那培训呢", "培训"), ("行 那孵化基地呢", "孵化基地"), ("要得，补贴呢", "补贴"), ("嗯嗯 贷款的呢", "贷款")],
)
def test_an_acknowledgement_before_a_what_about_is_no_part_of_its_subject(said: str, subject: str) -> None:
    match = WHAT_ABOUT.match(said)
    assert match is not None and match.group("subject") == subject


def test_the_checks_answers_outlive_its_reset() -> None:
    stated = gathered.conversation_situation(after_check("那培训呢"), __import__("datetime").date(2026, 12, 7))
    assert stated.profile.get("person_category") == "college_graduate"
    assert stated.profile.get("graduation_year") == 2025


async def test_what_about_after_the_result_is_that_items_verdict_for_the_person_heard(service_url: str) -> None:
    text = "好的，那贷款呢"
    said, _ = await run(ActionAnswerQuestion(), after_check(text, entities=[item("guaranteed_loan", text, "贷款")]))
    assert "按您说的情况" in said and "创业担保贷款" in said, said
    assert "高校毕业生" in said, said  # the person the check heard, not only "还没注册"


async def test_an_acknowledged_what_about_does_not_accept_the_offer(service_url: str) -> None:
    text = "行，那贷款呢"
    tracker = after_check(text, intent="affirm", entities=[item("guaranteed_loan", text, "贷款")])
    dispatcher = CollectingDispatcher()
    events = await followups.before_starting(dispatcher, tracker, {})
    said = "\n".join(str(m.get("text") or "") for m in dispatcher.messages)
    assert events is not None and "创业担保贷款" in said, said


async def test_what_else_after_one_items_verdict_judges_every_item(service_url: str) -> None:
    verdict = "按您说的情况（高校毕业生）：\n❌ 创业补贴申领：经营主体须正常经营满1年，目前经营了7个月。"
    tracker = make_tracker(
        [
            user_event("我是今年毕业的大学生，店开了7个月，能领补贴吗", "check_eligibility"),
            {"event": "bot", "text": verdict},
            {"event": "action", "name": "action_listen"},
            user_event("那我还有么子可以办的", "check_eligibility"),
        ],
        slots={"item": "startup_subsidy"},
    )
    said, _ = await run(ActionRouteEligibility(), tracker)
    assert "创业培训" in said and "就业创业证" in said, said


@pytest.mark.parametrize("said", ["我征信不太好，以前网贷逾期过", "信用卡之前逾期了几次", "我还欠着别的贷款没还完"])
def test_ones_own_credit_after_a_loan_answer_gets_the_credit_rule(said: str) -> None:
    reply = loan_followups.credit_reply(after_bot(LOAN_WHO, said, "inform"), said)
    assert reply is not None and "信用良好" in reply and "经营性贷款" in reply, reply


@pytest.mark.parametrize("said", ["我家还有房贷在还", "我还有笔车贷没还完", "助学贷款还欠着"])
def test_a_mortgage_car_or_student_loan_only_is_said_not_to_count(said: str) -> None:
    reply = loan_followups.credit_reply(after_bot(LOAN_WHO, said, "inform"), said)
    assert reply is not None and "不影响" in reply and loan_followups.OTHER_DEBTS_SAYS not in reply, reply


def test_credit_words_after_another_answer_are_not_the_loans() -> None:
    said = "我征信不太好"
    assert loan_followups.credit_reply(after_bot("营业执照3个工作日内办结。", said), said) is None


async def test_a_credit_statement_read_as_inform_is_answered_not_thanked(service_url: str) -> None:
    dispatcher = CollectingDispatcher()
    events = await followups.follow_up(dispatcher, after_bot(LOAN_WHO, "我以前网贷逾期过", "inform"), {})
    said = "\n".join(str(m.get("text") or "") for m in dispatcher.messages)
    assert events is not None and "信用良好" in said


@pytest.mark.parametrize("said", ["那他本人要承担多少", "自己要出好多", "那我得付多少呢"])
def test_how_much_after_the_interest_answer_keeps_the_interest(said: str) -> None:
    assert "利息" in query_text(after_bot(INTEREST, said, slots={"item": "guaranteed_loan"}))


def test_how_much_after_another_answer_is_asked_as_said() -> None:
    said = "那他本人要承担多少"
    assert query_text(after_bot("营业执照3个工作日内办结。", said)) == said
    assert "利息" not in query_text(after_bot(INTEREST, "那能贷多少"))  # the amount, asked in its own words


@pytest.mark.parametrize("said", ["那得等好久哦", "还要等几天", "大概还要多久"])
def test_a_wait_after_a_progress_result_is_read_from_the_result(said: str) -> None:
    tracker = make_tracker(
        [
            user_event("查进度", "check_progress"),
            {"event": "action", "name": "action_show_progress"},
            {"event": "bot", "text": PROGRESS},
            {"event": "action", "name": "action_listen"},
            user_event(said, "ask_question"),
        ]
    )
    reply = context.fixed_reply(tracker, False)
    assert reply is not None and "12月24日" in reply and "12个工作日" in reply, reply


@pytest.mark.parametrize(
    "said", ["你能帮我干么子", "你会搞啥子", "你都能做哪样", "这个机器人能干啥", "你可以帮我弄些么子"]
)
def test_what_the_assistant_does_asked_in_dialect(said: str) -> None:
    assert about_assistant(said) == "capabilities"


@pytest.mark.parametrize("said", ["你能帮我办什么补贴", "你能帮我查一下进度吗"])
def test_asking_it_to_do_a_thing_is_no_capabilities_question(said: str) -> None:
    assert about_assistant(said) != "capabilities"


async def test_what_can_you_do_read_as_the_check_is_answered_as_such(service_url: str) -> None:
    tracker = make_tracker([user_event("你能帮我干么子", "check_eligibility")])
    said, events = await run(ActionRouteEligibility(), tracker)
    assert "我要申请" in said and "转人工" in said and not any(e.get("event") == "followup" for e in events), said
