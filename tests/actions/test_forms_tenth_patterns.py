"""Forms (tenth analysis A1, A4, A5, decision D2): amounts in 百/千, figures never a project, a late bare name, 喊,
a term after an acknowledgement; a pause is no other task; a cancel answers the rest; a person before the step's help;
coming back home offered as the category."""

from typing import Any

import pytest
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.application.application_actions import CANCELLED
from actions.application.application_form import ValidateApplicationForm
from actions.application.form_extraction import extract
from actions.application.form_items import items_in_words, items_named
from actions.application.form_labels import read_labelled
from actions.application.form_money import read_amount, read_sum, read_term
from actions.application.form_values import read_values
from actions.conversation import courtesy
from actions.conversation.courtesy import question_after
from actions.steps import came_back
from actions.steps.step_prompts import ASK_ACTIONS
from tests.actions.conftest import make_form_tracker, make_tracker, user_event

ID = "430102199003074512"
PHONE = "15307311234"
ASK_CATEGORY = next(action for action in ASK_ACTIONS if action().slot == "person_category")


@pytest.mark.parametrize(
    ("text", "amount"),
    [
        ("想贷一百二十万", ["1200000"]),
        ("公司想贷款三百万", ["3000000"]),
        ("贷款十六万", ["160000"]),
        ("额度一百五十万", ["1500000"]),
        ("借款二十万", ["200000"]),
        ("房租一万", []),
    ],
)
def test_amounts_with_bai_and_qian_are_read(text: str, amount: list[str]) -> None:
    assert read_amount(text) == amount


def test_a_sum_alone_with_bai_is_read_unless_other_money() -> None:
    assert read_sum("一百二十万吧") == "1200000"
    assert read_sum("投资一百万") is None


@pytest.mark.parametrize(
    ("text", "months"),
    [
        ("行，那就改成两年", 24),
        ("好吧 三年", 36),
        ("好的，那就24个月吧", 24),
        ("可以，改成两年", 24),
        ("嗯嗯，还是三年吧", 36),
        ("开了两年了", None),
        ("行", None),
    ],
)
def test_a_term_after_an_acknowledgement(text: str, months: int | None) -> None:
    assert read_term(text, asked=True) == months


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (f"要办担保贷款，个人名义，十六万，两年，周立军，{ID}，{PHONE}，登记失业", "周立军"),
        (f"想办创业担保贷款，个人，二十万，三年，刘海波，{PHONE}，退役军人", "刘海波"),
        (f"办补贴和贷款，高校毕业生，项目小林书屋，零售，二十万，三年，林小雨，{PHONE}", "林小雨"),
        (f"我喊王铁柱，身份证{ID}，电话{PHONE}", "王铁柱"),
        (f"俺喊李二狗，电话{PHONE}，想办个体户执照", "李二狗"),
        (f"办贷款，个人，十万，三年，{PHONE}，王芳", "王芳"),
    ],
)
def test_a_late_bare_name_or_han_is_the_name_and_figures_are_no_project(text: str, name: str) -> None:
    values = read_labelled(text, []).values
    assert values.get("applicant_name") == name
    assert values.get("project_name") not in ("个人名义", "个人", "十六万", "二十万", "两年", "三年")
    assert values.get("industry") not in ("十六万", "二十万", "两年", "三年")


@pytest.mark.parametrize(
    "text",
    [
        f"办执照，个体户，湘菜馆，餐饮，长沙市岳麓区，{PHONE}，岳麓区",
        f"想办执照，项目湘味米粉店，餐饮，个体户，{PHONE}，长沙市，米粉店",
        f"贷款，十六万，两年，{PHONE}",
        f"办执照 个体户 项目湘味米粉店 餐饮 {PHONE} 明天",
        f"办执照，个体户，项目湘味米粉店，餐饮，{PHONE}，方便",
    ],
)
def test_no_place_shop_or_figure_late_in_a_list_is_a_name(text: str) -> None:
    assert "applicant_name" not in read_labelled(text, []).values


def _extract(text: str, intent: str, requested: str) -> Any:
    tracker = make_form_tracker(text, intent, {"requested_slot": requested, "application_items": ["training"]})
    return extract(tracker, dict(tracker.slots))


@pytest.mark.parametrize(
    "text",
    [
        "你等一下我翻一翻手机号",
        "稍等，我找找身份证",
        "等一下",
        "我翻下手机",
        "马上发给你",
        "你先等等",
        "身份证在抽屉里我去拿",
    ],
)
def test_a_pause_keeps_the_step(text: str) -> None:
    found = _extract(text, "check_progress", "phone")
    assert found.command == "pause" and not found.digression


@pytest.mark.parametrize("text", ["帮我查下进度", "查一下CY20261201000001"])
def test_progress_asked_with_its_words_leaves_the_form(text: str) -> None:
    assert _extract(text, "check_progress", "phone").digression


def test_a_phone_after_a_pause_word_is_the_phone() -> None:
    assert _extract(f"稍等，{PHONE}", "inform", "phone").values.get("phone") == PHONE


@pytest.mark.parametrize(
    ("text", "asked"),
    [
        ("不干了 取消吧，我只想打听下贷款利息多少", "我只想打听下贷款利息多少"),
        ("不搞了，那培训要钱吗", "那培训要钱吗"),
        ("不弄了我只想问问执照要几天", "我只想问问执照要几天"),
        ("不干了", None),
        ("不干了，谢谢", None),
    ],
)
def test_more_stop_words_and_two_in_a_row(text: str, asked: str | None) -> None:
    start = question_after(text)
    assert (text[start:] if start is not None else None) == asked


def test_a_cancel_in_words_is_the_forms_command() -> None:
    assert _extract("不干了 取消吧，我只想打听下贷款利息多少", "cancel_booking", "project_name").command == "cancel"


async def test_a_cancel_in_the_form_answers_the_rest(monkeypatch: pytest.MonkeyPatch) -> None:
    asked: list[str] = []

    async def answer_rest(dispatcher: CollectingDispatcher, tracker: Tracker, *_: Any, **kwargs: Any) -> list[Any]:
        asked.append(str(tracker.latest_message.get("text")))
        dispatcher.utter_message(text="（贷款的回答）")
        assert kwargs.get("outside_forms") is True
        return []

    monkeypatch.setattr(courtesy, "answer_rest", answer_rest)
    slots = {"requested_slot": "project_name", "application_items": ["guaranteed_loan"]}
    text = "不干了 取消吧，我只想打听下创业担保贷款最多能贷多少"
    dispatcher = CollectingDispatcher()
    events = await ValidateApplicationForm().run(dispatcher, make_form_tracker(text, "cancel_booking", slots), {})
    said = [str(m.get("text") or "") for m in dispatcher.messages]
    assert said == [CANCELLED, "（贷款的回答）"] and asked == [text]
    assert {"event": "active_loop", "name": None} in [{k: e.get(k) for k in ("event", "name")} for e in events]


@pytest.mark.parametrize("text", ["我搞不清楚，帮我转人工", "看不懂，转人工吧"])
def test_a_person_asked_at_the_category_step_before_its_help(text: str) -> None:
    assert _extract(text, "request_human", "person_category").digression


async def _asked(events: list[dict[str, Any]]) -> list[dict[str, Any]]:
    dispatcher = CollectingDispatcher()
    await ASK_CATEGORY().run(dispatcher, make_tracker(events), {})
    return dispatcher.messages


@pytest.mark.parametrize(
    ("said", "offered"),
    [
        ("从福建回到衡阳县，打算开个早餐铺", True),
        ("刚从外地回来，想在老家开个小超市", True),
        ("我要申请营业执照", False),
        ("在深圳打了几年工回醴陵了", False),  # the category itself, never asked about
    ],
)
async def test_coming_back_home_is_offered_at_the_category_step(said: str, offered: bool) -> None:
    messages = await _asked([user_event(said, "inform")])
    assert (messages[0].get("text") == came_back.OFFER) is offered
    assert offered or messages[0].get("response") == "utter_ask_person_category"


async def test_the_offer_is_made_once() -> None:
    events = [user_event("从福建回到衡阳县，打算开个早餐铺", "inform"), {"event": "bot", "text": came_back.OFFER}]
    messages = await _asked([*events, user_event("啥", "inform")])
    assert messages[0].get("response") == "utter_ask_person_category"


@pytest.mark.parametrize(
    ("answer", "category"),
    [
        ("是", "returning_migrant_worker"),
        ("对的", "returning_migrant_worker"),
        ("嗯，是的", "returning_migrant_worker"),
        ("不是", None),
    ],
)
def test_a_yes_to_the_offer_is_the_category(answer: str, category: str | None) -> None:
    events = [
        user_event("从福建回到衡阳县，打算开个早餐铺", "inform"),
        {"event": "bot", "text": came_back.OFFER},
        user_event(answer, "affirm"),
        {"event": "action", "name": "action_extract_slots"},  # Rasa logs it after the message
    ]
    slots = {"requested_slot": "person_category"}
    found = read_values(make_tracker(events, slots), answer, "affirm", slots)
    assert found.values.get("person_category") == category


def test_a_yes_without_the_offer_sets_no_category() -> None:
    slots = {"requested_slot": "person_category"}
    events = [{"event": "bot", "text": "人员类别：您属于哪类人员？"}, user_event("是", "affirm")]
    assert "person_category" not in read_values(make_tracker(events, slots), "是", "affirm", slots).values


def test_a_no_to_the_offer_is_taken_and_the_step_asked_again() -> None:
    slots = {"requested_slot": "person_category", "application_items": ["training"]}
    events = [
        user_event("刚从外地回来，想开个小店", "inform"),
        {"event": "bot", "text": came_back.OFFER},
        user_event("不是", "deny"),
    ]
    found = extract(make_tracker(events, slots), slots)
    assert found.problem == came_back.ASK_OTHERS and "person_category" not in found.values


def test_coming_back_is_no_industry() -> None:
    values = read_labelled("刚从广州回来，想在老家开个小超市，申请营业执照", []).values
    assert "industry" not in values and "person_category" not in values


@pytest.mark.parametrize(
    ("text", "project"),
    [
        (f"来电人吴建国，{PHONE}，登记失业人员，想开个建国电器维修，居民服务业，个体户", "建国电器维修"),
        (f"我叫张强，{PHONE}，想开个强哥汽车美容，汽车服务，个体户", "强哥汽车美容"),
        (f"刘芳，{PHONE}，要办个芳芳手工皂坊，零售，个体户", "芳芳手工皂坊"),
        (f"我叫张强，{PHONE}，想开个家电维修，个体户，长沙市天心区书院路8号", None),  # an industry, no name
    ],
)
def test_the_name_a_plan_opens_in_a_list_is_the_project(text: str, project: str | None) -> None:
    assert read_labelled(text, [], third_person=True).values.get("project_name") == project


@pytest.mark.parametrize(
    ("text", "industry"),
    [
        ("我叫王强 电话15307311234 开个强子烧烤 做餐饮的个体户", "餐饮"),
        ("我叫李红身份证是430602199302154416想开个面馆叫红红面馆就是餐饮个体户在岳阳市岳阳楼区金鹗中路9号", "餐饮"),
        ("我叫王强，15307311234，想注册个体户，项目强子烧烤", None),
    ],
)
def test_an_industry_glued_before_the_business_type(text: str, industry: str | None) -> None:
    assert read_labelled(text, []).values.get("industry") == industry


def test_a_question_after_a_pause_word_is_answered_not_a_pause() -> None:
    found = _extract("等一下，经营场所证明是什么", "ask_question", "phone")
    assert found.command is None and found.question


@pytest.mark.parametrize(
    ("text", "entities", "items"),
    [
        (
            f"吴丽，{PHONE}，高校毕业生，项目丽丽花艺，零售，个体户，办营业执照和入驻创业孵化基地",
            ["business_registration", "incubator"],
            ["business_registration", "taxpayer_confirmation", "incubator"],
        ),
        ("申请孵化基地", ["incubator"], ["business_registration", "taxpayer_confirmation", "incubator"]),
        ("办孵化基地要什么条件", ["incubator"], None),  # a question, nothing added
        ("孵化基地是干嘛的", ["incubator"], None),
    ],
)
def test_a_clause_opening_with_ban_adds_its_items(text: str, entities: list[str], items: list[str] | None) -> None:
    current = ["business_registration", "taxpayer_confirmation"]
    assert items_named(text, entities, current, "applicant_name") == items


SUMMARY = {"requested_slot": "confirm_submission", "application_items": ["incubator"], "applicant_name": "钟一鸣"}


def test_at_the_summary_a_submit_read_as_progress_submits() -> None:
    tracker = make_form_tracker("创业计划书我已经写好了，确认提交", "check_progress", SUMMARY)
    found = extract(tracker, dict(tracker.slots))
    assert not found.digression and found.values.get("confirm_submission") is True


def test_at_the_summary_a_look_at_what_is_filled_is_a_review() -> None:
    tracker = make_form_tracker("我看下现在填的", "check_progress", SUMMARY)
    assert extract(tracker, dict(tracker.slots)).command == "review"


def test_a_type_given_up_before_its_word_is_not_kept() -> None:
    text = "想了想还是注册成有限公司吧，不做个体户了"
    entities = [
        {"entity": "business_type", "value": "enterprise", "start": 8, "end": 12},
        {"entity": "business_type", "value": "individual_business", "start": 16, "end": 19},
    ]
    slots = {"requested_slot": "confirm_submission", "business_type": "individual_business"}
    tracker = make_form_tracker(text, "inform", slots, entities)
    assert read_values(tracker, text, "inform", slots).values.get("business_type") == "enterprise"


def test_a_later_wish_to_register_counts_when_the_first_mention_reads_as_a_question() -> None:
    text = "我们几个人想成立养蜂专业合作社，我是牵头人王大山，手机15307311234，地址永州市祁阳市白水镇，需要办登记和税务"
    assert items_in_words(text, [], "cooperative") == ["business_registration"]
    assert items_in_words("注册合作社要几天？公司注册呢", [], "cooperative") == []


@pytest.mark.parametrize("text", ["不搞了，那培训要钱吗", "不干了", "算了不整了"])
def test_stop_words_of_everyday_talk_cancel_the_form(text: str) -> None:
    assert _extract(text, "ask_question", "applicant_name").command == "cancel"


def test_a_field_given_up_with_a_new_value_is_no_cancel() -> None:
    assert _extract("个体户不搞了，改成有限公司", "inform", "business_type").command is None
    entities = [
        {"entity": "business_type", "value": "individual_business", "start": 0, "end": 3},
        {"entity": "business_type", "value": "enterprise", "start": 8, "end": 12},
    ]
    slots = {"requested_slot": "industry", "business_type": "individual_business", "application_items": ["training"]}
    tracker = make_form_tracker("个体户不搞了，改成有限公司", "inform", slots, entities)
    found = extract(tracker, dict(tracker.slots))
    assert found.command is None and found.values.get("business_type") == "enterprise"
