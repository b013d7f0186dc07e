"""Context in the routers (issue 12): follow-ups the NLU took for small talk, one question per item, long stories,
"补贴呢" after the person described themselves, and borrowing as the loan."""

from rasa_sdk.executor import CollectingDispatcher

from actions.conversation import question_shape
from actions.conversation.routing import ActionRouteEligibility, ActionRouteSmallTalk
from actions.knowledge.query_text import GIST_CHARS, gist, in_chinese, per_item
from actions.knowledge.questions import ActionAnswerQuestion
from tests.actions.conftest import make_tracker, user_event
from tests.actions.test_followups import after, entity, followup, run

LICENCE_QUESTION = "办营业执照要带什么材料"
LICENCE = [entity("item", "business_registration", LICENCE_QUESTION, "营业执照")]


async def test_where_after_an_item_answer_read_as_a_greeting_is_answered(knowledge_service: str) -> None:
    events = after(
        "action_answer_question", LICENCE_QUESTION, "ask_question", "在哪办", "greet", earlier_entities=LICENCE
    )
    text, _ = await run(ActionRouteSmallTalk(), make_tracker(events, slots={"item": "business_registration"}))
    assert any(place in text for place in ("湘易办", "政务服务网", "窗口")), text
    assert "欢迎" not in text and "您好" not in text


async def test_a_real_greeting_or_bot_question_after_an_answer_is_still_small_talk(knowledge_service: str) -> None:
    for said, intent, reply in (("你好", "greet", "utter_greet"), ("你是机器人吗", "bot_challenge", "utter_iamabot")):
        events = after(
            "action_answer_question", LICENCE_QUESTION, "ask_question", said, intent, earlier_entities=LICENCE
        )
        dispatcher = CollectingDispatcher()
        await ActionRouteSmallTalk().run(dispatcher, make_tracker(events, slots={"item": "business_registration"}), {})
        assert [m.get("response") for m in dispatcher.messages] == [reply], said


async def test_a_greeting_with_nothing_before_is_a_greeting() -> None:
    dispatcher = CollectingDispatcher()
    await ActionRouteSmallTalk().run(dispatcher, make_tracker([user_event("在吗", "greet")]), {})
    assert [m.get("response") for m in dispatcher.messages] == ["utter_greet"]


def test_the_same_question_about_two_items_becomes_one_question_each() -> None:
    said = "请问培训和孵化基地各要多少工作日"
    entities = [entity("item", "training", said, "培训"), entity("item", "incubator", said, "孵化基地")]
    tracker = make_tracker([user_event(said, "ask_question", entities)])
    assert per_item(tracker) == [("请问培训要多少工作日", "training"), ("请问孵化基地要多少工作日", "incubator")]
    one = "培训和孵化基地有什么区别"  # one question about both: asked as it is
    both = [entity("item", "training", one, "培训"), entity("item", "incubator", one, "孵化基地")]
    assert per_item(make_tracker([user_event(one, "ask_question", both)])) == []


async def test_two_items_each_get_their_time_limit(knowledge_service: str) -> None:
    said = "营业执照和创业担保贷款分别要几天"
    entities = [
        entity("item", "business_registration", said, "营业执照"),
        entity("item", "guaranteed_loan", said, "创业担保贷款"),
    ]
    text, _ = await run(ActionAnswerQuestion(), make_tracker([user_event(said, "ask_question", entities)]))
    assert "3个工作日" in text and "15个工作日" in text


def test_a_long_story_is_searched_by_its_question_and_the_item_it_names() -> None:
    story = "我是从广东打工回来的，在厂里干了十几年，" * 8
    story += "现在想在老家开个农家乐，听说有创业担保贷款，能贷多少，利息怎么算"
    entities = [entity("item", "guaranteed_loan", story, "创业担保贷款")]
    query = gist(make_tracker([user_event(story, "ask_question", entities)]), story)
    assert query == "创业担保贷款，能贷多少，利息怎么算" and len(query) <= GIST_CHARS
    assert gist(make_tracker([user_event("能贷多少", "ask_question")]), "能贷多少") == "能贷多少"


async def test_what_about_the_subsidy_after_describing_oneself_gets_the_verdict(knowledge_service: str) -> None:
    earlier = "我是退役军人，能贷多少"
    events = after(
        "action_answer_question",
        earlier,
        "ask_question",
        "那一次性补助呢",
        "ask_question",
        earlier_entities=[entity("person_category", "veteran", earlier, "退役军人")],
        entities=[entity("item", "startup_subsidy", "那一次性补助呢", "一次性补助")],
    )
    text, out = await run(ActionAnswerQuestion(), make_tracker(events, slots={"item": "guaranteed_loan"}))
    assert "按您说的情况" in text and "创业补贴" in text and "请回复其中一个" not in text
    assert {"event": "slot", "name": "item", "value": "startup_subsidy", "timestamp": None} in out


async def test_can_i_borrow_with_a_category_is_the_loan_verdict(knowledge_service: str) -> None:
    said = "我是残疾人想开个修鞋摊能借钱吗"
    entities = [entity("person_category", "hard_to_employ", said, "残疾人")]
    text, out = await run(ActionRouteEligibility(), make_tracker([user_event(said, "check_eligibility", entities)]))
    assert followup(out) is None and "20万" in text and "3年" in text and "贴息" in text


def test_an_item_named_in_english_is_searched_by_its_chinese_name() -> None:
    said = "创业loan能借多少"
    tracker = make_tracker([user_event(said, "ask_question", [entity("item", "guaranteed_loan", said, "loan")])])
    assert in_chinese(tracker, said) == "创业创业担保贷款能借多少"
    syb = "SYB怎么报名"  # an acronym Chinese users write too
    tracker = make_tracker([user_event(syb, "ask_question", [entity("item", "training", syb, "SYB")])])
    assert in_chinese(tracker, syb) == syb


async def test_a_long_story_with_its_questions_gets_the_loan_answer(knowledge_service: str) -> None:
    story = "我是九几年出去打工的，在东莞的电子厂做了差不多二十年，后来厂子搬走了我就回了老家，" * 3
    story += "想在镇上开个小超市，听村里人说有个创业担保贷款，利息还有补贴，"
    story += "我想问一下像我这种情况能贷多少钱，利息要自己出多少"
    entities = [
        entity("item", "guaranteed_loan", story, "创业担保贷款"),
        entity("item", "startup_subsidy", story, "补贴"),
    ]
    text, _ = await run(ActionAnswerQuestion(), make_tracker([user_event(story, "ask_question", entities)]))
    assert "20万" in text and "LPR" in text and "暂时连不上" not in text


def test_questions_typed_without_punctuation_are_split_where_a_new_question_starts() -> None:
    assert question_shape.questions("请问担保贷款能贷多少利息怎么算") == ["请问担保贷款能贷多少", "利息怎么算"]
    assert question_shape.questions("营业执照要几天需要交钱吗") == ["营业执照要几天", "需要交钱吗"]
    assert question_shape.questions("贷款多少利息多少期限多久") == ["贷款多少", "利息多少", "期限多久"]
    for one in ("要多少钱才能办下来", "多久能到账", "补贴是什么时候开始算", "红灯是什么意思"):
        assert question_shape.questions(one) == [one]


async def test_going_to_the_window_instead_is_told_how_not_a_form_or_a_complaint(knowledge_service: str) -> None:
    from actions.appeals.appeals import ActionRouteAppeal
    from actions.application.application_start import ActionStartApplication

    going = make_tracker([user_event("那我还是去现场办吧", "start_application")])
    text, out = await run(ActionStartApplication(), going)
    assert "创业服务窗口" in text and "请问申请人的姓名" not in text and followup(out) == "action_listen"
    said = "手机上弄太麻烦了，我还是去大厅"
    text, out = await run(ActionRouteAppeal(), make_tracker([user_event(said, "complain")]))
    assert "投诉" not in text and followup(out) == "action_start_application"  # which tells how, as above


async def test_where_to_do_it_after_a_cancel_gets_the_entry_points(knowledge_service: str) -> None:
    events = [
        user_event("取消", "cancel"),
        {"event": "action", "name": "utter_cancelled"},
        {"event": "action", "name": "action_listen"},
        user_event("那我去哪里办", "ask_question"),
    ]
    text, _ = await run(ActionAnswerQuestion(), make_tracker(events, slots={"item": "business_registration"}))
    assert "湘易办" in text and "创业服务窗口" in text
