"""Routers before any form (tenth analysis A3, A4, C1, D1, E4; ninth's credit leftover). Every wording is invented.

A full list of fields ending in a question fills the form; a loan wish with a limit question gets the answer, then
the form; a whether-figure, "还用自己申请吗" or a self-description opens no form; a voice message applying reads as
an application, never the progress check; a complaint beats the forgotten number and the knowledge search; a credit
statement is the loan's rule; "直接交" files a complaint whose story and contact are known.
"""

from typing import Any

import pytest

from actions.appeals.appeal_answers import AS_IS
from actions.appeals.appeal_reading import read_appeal
from actions.appeals.complaint_first import files_a_complaint, fills_the_form, passed_on
from actions.application.application_start import INTRO, NOTHING_FILED, SUBMIT_ASKED, ActionStartApplication
from actions.conversation import question_shape
from actions.conversation.routing import ActionRouteProgress
from actions.eligibility import own_case
from actions.progress.progress_router import applies, credit_said
from tests.actions.conftest import make_form_tracker, make_tracker, user_event
from tests.actions.test_appeals import Chat, appeal_number, entity
from tests.actions.test_followups import followup, run

ID = "430103199205154528"
PHONE = "15973112233"


@pytest.mark.parametrize(
    "text",
    [
        "想借12万做点生意，个人名义，最多能借几年",
        "最长能贷多久",
        "贷款期限最长",
        "来电人问开业那笔一次性补贴的数额",
        "客户打听一下担保贷款的期限",
        "有冇得补贴",
        "一次性补贴好多钱",
        "这个补贴能有好多",
    ],
)
def test_limits_relayed_aspects_and_dialect_are_questions(text: str) -> None:
    assert question_shape.is_question(text)


@pytest.mark.parametrize(
    "text",
    [
        "前几年我在外打工",
        "我是九几年出去的",
        "这几年生意不好做",
        "最多能借20万",
        "我最多只能等两天",
        "花了好多钱",
        "我冇得执照",
    ],
)
def test_years_past_figures_and_complaints_are_no_questions(text: str) -> None:
    assert not question_shape.is_question(text)


@pytest.mark.parametrize(
    "text", ["我个人打算贷四年，可以吗", "我可以帮朋友查他的申请进度吗", "我能看看审批到哪了吗", "我能替别人申请补贴吗"]
)
def test_figures_checks_and_others_are_no_own_case(text: str) -> None:
    assert not own_case.asks_own_case(text)


@pytest.mark.parametrize("text", ["我这种情况能办吗", "我还能申请补贴吗", "像我这样的能拿补贴不"])
def test_own_cases_stay_own_cases(text: str) -> None:
    assert own_case.asks_own_case(text)


def test_how_a_benefit_is_given_is_a_question_not_a_request() -> None:
    assert question_shape.asks_how_given("我在失业人员名单里，创业补贴还用自己去申请不")
    assert question_shape.asks_how_given("我是登记失业的，补贴会自动发给我吗")
    assert question_shape.asks_how_given("要不要我自己去跑")
    assert not question_shape.asks_how_given("帮我申请创业补贴，会自动到账吗")  # a request: the form
    assert not question_shape.asks_how_given("我自己开了个店")


def test_a_loan_wish_with_a_limit_question_asks_besides() -> None:
    assert question_shape.asks_besides("想借12万做点生意，个人名义，最多能借几年")
    assert question_shape.asks_besides("打算贷15万开个早餐店，一个人，最长能贷多久")
    assert not question_shape.asks_besides("贷款最多能借几年")  # only a question
    assert not question_shape.asks_besides("我一个人想借30万行不行")  # a whether-figure: the limits alone


@pytest.mark.parametrize(
    ("text", "applying"),
    [
        (f"我想办个营业执照我叫黄德明身份证号码是{ID}手机号码是{PHONE}之前下岗了", True),
        (f"要办就业创业证 我叫李娟 电话{PHONE}", True),
        ("我要申请创业补贴", True),
        (f"帮我查一下，身份证{ID}", False),
        ("我的申请怎么样了", False),
        ("申请了啥时候有结果", False),
        ("我想办执照，要几天", False),
        ("你等一下我翻一翻手机号", False),
    ],
)
def test_applying_read_as_a_check_is_an_application(text: str, applying: bool) -> None:
    assert applies(text, []) is applying


@pytest.mark.parametrize("text", ["之前网贷逾期了还没还清", "我征信有点花", "我还有房贷没还完"])
def test_credit_statements_are_the_loans_rule(text: str) -> None:
    assert credit_said(text)
    assert not credit_said("贷款审批到哪了，之前网贷逾期会影响吗")  # a progress word: the check


def complained(text: str, intent: str = "ask_question", after: list[dict[str, Any]] | None = None) -> bool:
    return files_a_complaint(make_tracker([user_event(text, intent), *(after or [])]))


def test_a_message_opening_with_a_complaint_files_it() -> None:
    assert complained("投诉，补贴申请快一个月没消息，编号也找不到了")
    assert complained("来电人反映窗口的人不讲还差哪样材料，跟办件没关系")
    assert complained("举报一下，大厅有人收好处费")
    assert complained("反映一下窗口不告诉我缺什么")  # what they would not say is told, not asked
    assert not complained("反映一下，补贴什么时候发")  # the opening words, then only a question
    assert not complained("投诉的话要多久有结果")
    assert not complained("投诉一般几天有答复")  # a question about complaints
    assert not complained("反映问题找哪个部门")
    assert not complained("我不是要投诉，就问问")
    assert not complained("补贴申请编号找不到了")
    # once the complaint router ran for this message (it answered through the knowledge base): no loop
    assert not complained("投诉，窗口态度差", after=[{"event": "action", "name": "action_route_appeal"}])


def test_filing_as_it_is() -> None:
    for said in ("直接交", "就这样交吧", "直接帮我提交", "办件不用关联了，类别就用你选的，直接交"):
        assert AS_IS.search(said), said
    for said in ("先不要直接交", "别直接提交，我再想想", "上周直接交的材料"):
        assert not AS_IS.search(said), said
    assert read_appeal("办件不用关联了，直接交", []).no_application


async def test_a_complaint_with_a_forgotten_number_is_filed(service_url: str) -> None:
    tracker = make_form_tracker("投诉，补贴申请快一个月没消息，编号也找不到了", "check_progress", {})
    _, events = await run(ActionRouteProgress(), tracker)
    assert followup(events) == "action_route_appeal"


async def test_a_voice_application_read_as_a_check_starts_the_application(service_url: str) -> None:
    said = f"我想办个营业执照我叫黄德明身份证号码是{ID}手机号码是{PHONE}之前下岗了登记过失业"
    entities = [entity("item", "business_registration"), entity("id_number", ID), entity("phone", PHONE)]
    _, events = await run(ActionRouteProgress(), make_form_tracker(said, "check_progress", {}, entities))
    assert followup(events) == "action_start_application"


async def test_a_credit_statement_opens_no_progress_form(knowledge_service: str) -> None:
    text, events = await run(ActionRouteProgress(), make_form_tracker("之前网贷逾期了还没还清", "check_progress", {}))
    assert followup(events) != "progress_form" and "申请编号" not in text and "信用" in text


def started(events: list[dict[str, Any]]) -> bool:
    return any(e.get("name") == "application_attempt" for e in events)


async def test_a_full_list_ending_in_a_question_starts_the_form(service_url: str) -> None:
    said = f"名字陈晓梅，身份证{ID}，电话{PHONE}，大学毕业生，办个体户执照，可以直接提交不"
    entities = [entity("id_number", ID), entity("phone", PHONE), entity("item", "business_registration")]
    text, events = await run(ActionStartApplication(), make_tracker([user_event(said, "inform", entities)]))
    assert started(events) and text.startswith(INTRO[:10]) and NOTHING_FILED[:10] not in text
    assert SUBMIT_ASKED in text  # the question about submitting is answered: the missing fields first, then the summary


@pytest.mark.parametrize("said", ["我是转业军人，想在衡阳开个电脑维修店", "当过兵，准备在株洲开个汽修店"])
async def test_a_self_description_keeps_the_facts_without_a_form(service_url: str, said: str) -> None:
    entities = [entity("person_category", "veteran")]
    text, events = await run(ActionStartApplication(), make_tracker([user_event(said, "start_application", entities)]))
    assert not started(events) and "记下了您的情况" in text and followup(events) == "action_listen"
    assert "退役军人" in text  # the category is shown back, also beside the plan's state


@pytest.mark.parametrize("said", ["我一个人做小买卖想贷25万可以不", "我在失业人员名单里，创业补贴还用自己去申请不"])
async def test_whether_figures_and_how_given_are_answered_without_a_form(knowledge_service: str, said: str) -> None:
    text, events = await run(ActionStartApplication(), make_tracker([user_event(said, "start_application")]))
    assert not started(events) and text and not text.startswith(INTRO[:10])


async def test_a_loan_wish_with_a_limit_question_is_answered_then_the_form(knowledge_service: str) -> None:
    said = "想借12万做点生意，个人名义，最多能借几年"
    entities = [entity("item", "guaranteed_loan")]
    text, events = await run(ActionStartApplication(), make_tracker([user_event(said, "start_application", entities)]))
    assert started(events) and "3年" in text


@pytest.mark.parametrize(
    ("said", "intent"), [("办件不用关联了，类别就用你选的，直接交", "inform"), ("不用关联办件，直接交", "ask_question")]
)
async def test_file_as_it_is_at_where_and_when(service_url: str, said: str, intent: str) -> None:
    chat = Chat(f"web:appeal-as-it-is-{intent}")
    replied = await chat.say(
        "我要投诉，窗口工作人员态度很差，让我白跑了三趟，电话13600007777", "complain", [entity("phone", "13600007777")]
    )
    assert "哪里" in replied
    said = await chat.say(said, intent)
    assert appeal_number(said) and "工作日" in said and chat.loop is None


async def test_file_as_it_is_at_the_summary(service_url: str) -> None:
    chat = Chat("web:appeal-as-it-is-summary")
    said = await chat.say(
        "我要投诉，上周在开福区政务大厅窗口，工作人员态度很差，跟申请无关，电话13600008888",
        "complain",
        [entity("phone", "13600008888")],
    )
    assert "请核对" in said
    said = await chat.say("类别就用你选的，直接交", "inform")
    assert appeal_number(said) and chat.loop is None


def test_filing_words_the_nlu_read_as_a_question_reach_the_complaint_form() -> None:
    tracker = make_form_tracker("不用关联办件，直接交", "ask_question", {"requested_slot": "appeal_place_time"})
    tracker.active_loop = {"name": "appeal_form"}
    assert fills_the_form(tracker)
    tracker.events.append({"event": "action", "name": "action_answer_question"})
    assert passed_on(tracker)  # the answer action said nothing: the form reads the message
    tracker.events.append({"event": "bot", "text": "……"})
    assert not passed_on(tracker)
    asked = make_form_tracker("登记完多久有人回我", "ask_question", {"requested_slot": "appeal_place_time"})
    asked.active_loop = {"name": "appeal_form"}
    assert not fills_the_form(asked)  # a question: answered by the rule, the step asked again


@pytest.mark.parametrize(
    ("text", "asks_to_act"),
    [
        ("不用介绍了 我就要申请创业担保贷款 20万 3年", True),
        ("我还是想办执照", True),
        ("我就想问问补贴的事", False),
        ("我只想了解一下贷款", False),
        ("我是想问贷款能贷多少", False),
    ],
)
def test_a_wish_said_with_a_softener_is_a_request(text: str, asks_to_act: bool) -> None:
    assert question_shape.is_request(text) is asks_to_act


async def test_a_question_is_never_seeded_as_a_free_text_field(knowledge_service: str) -> None:
    said = "想借8万开个水果店，最长能借多久"
    tracker = make_tracker([user_event(said, "start_application", [entity("item", "guaranteed_loan")])])
    text, events = await run(ActionStartApplication(), tracker)
    assert started(events) and "3年" in text
    assert not any(e.get("name") == "industry" and "多久" in str(e.get("value")) for e in events)
