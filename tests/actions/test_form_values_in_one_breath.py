"""Values said in one breath land in their own fields: an address ends where the next clause starts, a shop's name
after 叫 is the name alone, a sum and a term are two values, one character of a name is corrected, removing one
item keeps the application, and a first start-up said in words is not asked again (issue 12)."""

import asyncio
from datetime import date
from typing import Any

from rasa_sdk.executor import CollectingDispatcher

from actions.application.application_actions import ActionAskConfirmSubmission
from actions.application.form_labels import read_labelled
from actions.eligibility.eligibility import ValidateEligibilityForm
from actions.eligibility.eligibility_reading import read_turn
from nlu_components.gazetteer import load_gazetteer
from nlu_components.patterns import find_patterns
from tests.actions.conftest import make_tracker, user_event
from tests.actions.test_application_form import FILLED, entity, validate
from tests.actions.test_application_natural_talk import start


def entities_of(text: str) -> list[dict[str, Any]]:
    """The pattern entities the NLU pipeline finds in ``text`` (amounts, IDs, phones)."""
    return [{"entity": s.entity, "value": s.value, "start": s.start, "end": s.end} for s in find_patterns(text)]


def test_an_address_ends_where_the_next_clause_starts() -> None:
    said = {
        "地址是芙蓉区五一大道88号我想贷款十万": "芙蓉区五一大道88号",
        "店在长沙市芙蓉区五一大道88号想贷款十万": "长沙市芙蓉区五一大道88号",
        "铺面在岳麓区麓山路12号，想借10万": "岳麓区麓山路12号",
        "我店在浏阳市集里街道花炮大道12号门面": "浏阳市集里街道花炮大道12号门面",
        "店开在株洲市芦淞区建设路18号是卖服装的": "株洲市芦淞区建设路18号",
        "地址是长沙市开福区四方坪街道晴岚路5号2栋101室": "长沙市开福区四方坪街道晴岚路5号2栋101室",
    }
    for text, address in said.items():
        values = read_labelled(text, entities_of(text)).values
        assert values["premises_address"] == address, (text, values)
    assert read_labelled("店在长沙市芙蓉区五一大道88号想贷款十万", []).values["loan_amount"] == "100000"


def test_a_shops_name_after_its_cue_is_the_name_alone() -> None:
    said = {
        "我的项目叫木头工坊": "木头工坊",
        "开了个小卖部，叫做幸福小铺": "幸福小铺",
        "网店叫乡味优选，卖农产品": "乡味优选",
        "我开了家店叫老王记": "老王记",
        "打算做个叫鲜果优选的网店": "鲜果优选",
        "我要开一个叫禾木工坊的店": "禾木工坊",
        "项目就叫张记吧": "张记",
    }
    for text, name in said.items():
        assert read_labelled(text, []).values.get("project_name") == name, text


def test_a_business_named_after_its_own_cue_whatever_its_kind() -> None:
    said = {
        "本人钱晓川，做汽修个体户，招牌就叫晓川快修，营业地点岳阳市华容县章华镇东风路3号": "晓川快修",
        "搞个农庄，取名青禾山庄，性质是个体": "青禾山庄",
        "经营宠物美容，字号萌宠之家": "萌宠之家",
        "开汽修个体户叫晓川快修": "晓川快修",
        "农家乐叫山里人家": "山里人家",
        "想开个书吧，就叫墨香书吧": "墨香书吧",  # 书吧 is the name's own ending, not a filler
    }
    for text, name in said.items():
        values = read_labelled(text, []).values
        assert values.get("project_name") == name, (text, values)
        assert "industry" not in values or "个体" not in values["industry"], values
    assert (
        read_labelled("做餐饮的，叫刘记面馆", []).values.get("project_name") == "刘记面馆"
    )  # a shop's name by its end
    assert read_labelled("项目名称叫做：老街小铺", []).values.get("project_name") == "老街小铺"
    values = read_labelled("开民宿，名字叫云上人家", []).values
    assert values.get("project_name") == "云上人家" and "applicant_name" not in values
    assert "project_name" not in read_labelled("准备注册一家有限公司", []).values  # a kind, not a name
    values = read_labelled("本人钱晓川，做汽修个体户，晓川快修，营业地点岳阳市华容县章华镇东风路3号", []).values
    assert values["project_name"] == "晓川快修"  # said bare between other fields
    assert "industry" not in read_labelled("我叫李娜，想开个服装店，在长沙", []).values  # 在长沙 is no industry


def test_an_address_said_next_to_numbers_or_a_plan_is_still_the_address_alone() -> None:
    text = "我叫张三身份证430104199001011234手机13912345678在醴陵市瓷都路8号摆个摊"
    assert read_labelled(text, entities_of(text)).values["premises_address"] == "醴陵市瓷都路8号"
    text = "在长沙市岳麓区桃花岭路45号开奶茶的个体户"
    assert read_labelled(text, []).values["premises_address"] == "长沙市岳麓区桃花岭路45号"
    text = "本人钱晓川，营业地点岳阳市华容县章华镇东风路3号"
    assert read_labelled(text, []).values["premises_address"] == "岳阳市华容县章华镇东风路3号"


def test_who_the_person_is_is_their_category_not_their_name() -> None:
    values = read_labelled("我是易地搬迁的脱贫人口", []).values
    assert "applicant_name" not in values
    assert (values["person_category"], values["other_category"]) == ("other", "poverty_alleviated")
    assert "person_category" not in read_labelled("项目叫乡味优选，是个网店", []).values
    assert read_labelled("就借八万块吧", entities_of("就借八万块吧")).values["loan_amount"] == "80000"
    values = read_labelled("她叫王丽，去年大学毕业", [], third_person=True).values
    assert values["person_category"] == "college_graduate" and values["graduation_year"] == date.today().year - 1


async def test_a_project_name_answered_with_words_around_it_is_stored_alone(service_url: str) -> None:
    slots = {**FILLED, "project_name": None, "requested_slot": "project_name"}
    _, set_slots = await validate("就叫乐乐工坊吧", "inform", slots)
    assert set_slots["project_name"] == "乐乐工坊"
    texts, set_slots = await validate("名字叫湘里人家", "inform", slots)  # the project's name, at its step
    assert set_slots["project_name"] == "湘里人家" and "applicant_name" not in set_slots, texts


def test_a_sum_and_a_term_said_together_are_two_values() -> None:
    for text in ("贷十五万三年", "贷15万3年", "借10万分3年还", "贷款20w3年"):
        amounts = [e["value"] for e in entities_of(text) if e["entity"] == "amount"]
        values = read_labelled(text, entities_of(text)).values
        assert amounts and amounts[0] in ("150000", "100000", "200000"), (text, amounts)
        assert values["loan_amount"] == amounts[0] and values["loan_term_months"] == 36, (text, values)
    assert [e["value"] for e in entities_of("贷1万5")] == ["15000"]  # 1万5 alone is still fifteen thousand


async def test_one_character_of_the_name_is_corrected(service_url: str) -> None:
    for words, intent in (
        ("不是王是汪，三点水那个", "deny"),
        ("是汪不是王", "deny"),
        ("王字错了，应该是汪", "inform"),
        ("三点水的汪", "inform"),
    ):
        slots = {**FILLED, "applicant_name": "王芳", "requested_slot": "confirm_submission"}
        texts, set_slots = await validate(words, intent, slots)
        assert set_slots["applicant_name"] == "汪芳", (words, texts)
        assert any("汪芳" in t for t in texts), texts  # shown back
    slots = {**FILLED, "applicant_name": "程明", "requested_slot": "confirm_submission"}
    texts, set_slots = await validate("名字是耳东陈的陈", "inform", slots)
    assert set_slots["applicant_name"] == "陈明", texts  # never "耳东陈的陈"


async def test_removing_one_item_keeps_the_application(service_url: str) -> None:
    items = ["guaranteed_loan", "training"]
    for words, code in (("贷款不要了", "guaranteed_loan"), ("把培训去掉", "training")):
        slots = {**FILLED, "application_items": items, "industry": None, "requested_slot": "industry"}
        texts, set_slots = await validate(words, "cancel", slots, [entity("item", code)])
        assert not any("已取消" in t for t in texts), (words, texts)
        assert set_slots["application_items"] == [c for c in items if c != code], (words, set_slots)
        assert set_slots.get("phone") is None and "phone" not in set_slots  # nothing else forgotten


async def test_removing_the_only_item_asks_for_items_and_cancels_nothing(service_url: str) -> None:
    slots = {**FILLED, "application_items": ["guaranteed_loan"], "requested_slot": "confirm_submission"}
    texts, set_slots = await validate("贷款不要了", "cancel", slots, [entity("item", "guaranteed_loan")])
    assert set_slots["requested_slot"] == "application_items"
    assert not any("已取消" in t for t in texts) and any("取消" in t for t in texts), texts  # how to stop, if meant
    assert "phone" not in set_slots


async def test_a_first_start_up_said_up_front_is_not_asked_again(service_url: str) -> None:
    _, slots, _ = await start(("我叫王芳，第一次创业，想贷款10万", "start_application", [entity("amount", "100000")]))
    assert slots["first_time_founder"] is True
    loan = [entity("item", "guaranteed_loan")]
    _, slots, _ = await start(("以前没开过店，想申请创业贷款", "start_application", loan))
    assert slots["first_time_founder"] is True


async def test_first_start_up_in_words_at_its_step(service_url: str) -> None:
    for words, intent, expected in (("以前没开过店", "deny", True), ("之前开过一家奶茶店", "inform", False)):
        slots = {**FILLED, "first_time_founder": None, "requested_slot": "first_time_founder"}
        _, set_slots = await validate(words, intent, slots)
        assert set_slots["first_time_founder"] is expected, words


def test_never_before_says_nothing_about_the_business_in_the_eligibility_check() -> None:
    turn = read_turn("以前没开过店", "deny", [], "elig_first_time_founder", date.today())
    assert turn.answer is True and turn.others == {}  # not "尚未成立"
    turn = read_turn("不是第一次了，之前开过", "deny", [], "elig_first_time_founder", date.today())
    assert turn.answer is False


async def test_facts_said_before_the_eligibility_check_starts_are_not_asked_again(service_url: str) -> None:
    """ "我去年大学毕业" said as a greeting, the check asked for two turns later: the category is not asked."""
    events = [
        user_event("你好，我去年大学毕业，在家待着", "greet"),  # no category entity: 大学毕业 says it
        user_event("嗯那个啥", "nlu_fallback"),
        user_event("我能享受哪些政策", "check_eligibility"),
        {"event": "action", "name": "action_route_eligibility"},
    ]
    dispatcher = CollectingDispatcher()
    tracker = make_tracker(events, slots={"requested_slot": None})
    set_events = await ValidateEligibilityForm().run(dispatcher, tracker, {})
    slots = {e["name"]: e["value"] for e in set_events if e["event"] == "slot"}
    assert slots["elig_person_category"] == "college_graduate"
    assert slots["elig_graduation_year"] == date.today().year - 1
    assert slots["requested_slot"] != "elig_person_category"
    texts = [str(m.get("text")) for m in dispatcher.messages]
    assert any("前面说过" in t and "高校毕业生" in t for t in texts), texts


async def test_years_of_work_away_and_coming_home_is_the_returning_migrant_worker(service_url: str) -> None:
    for words in ("我在广东打了十年工，今年回老家，想搞养殖，能享受什么政策", "在深圳上了8年班，今年回湖南了"):
        dispatcher = CollectingDispatcher()
        tracker = make_tracker([user_event(words, "check_eligibility")], slots={"requested_slot": None})
        set_events = await ValidateEligibilityForm().run(dispatcher, tracker, {})
        slots = {e["name"]: e["value"] for e in set_events if e["event"] == "slot"}
        assert slots.get("elig_person_category") == "returning_migrant_worker", words
        assert slots["requested_slot"] != "elig_person_category"


async def test_an_item_asked_for_in_passing_is_added_to_those_chosen(service_url: str) -> None:
    slots = {**FILLED, "application_items": ["startup_subsidy"], "industry": None, "requested_slot": "industry"}
    texts, set_slots = await validate("再上个开店的课", "inform", slots, [entity("item", "training")])
    assert set_slots["application_items"] == ["startup_subsidy", "training"], texts


def said_as_no(text: str) -> dict[str, Any]:
    """A user event the NLU read as deny, ranked as Rasa sends it."""
    event = user_event(text, "deny")
    event["parse_data"]["intent_ranking"] = [{"name": "deny", "confidence": 0.9}]
    return event


def test_a_correction_read_as_no_shows_the_summary_again() -> None:
    corrected = [
        said_as_no("姓打错了，是耳东陈，陈立伟"),
        {"event": "slot", "name": "applicant_name", "value": "陈立伟"},
    ]
    dispatcher = CollectingDispatcher()
    tracker = make_tracker(corrected, slots={**FILLED, "applicant_name": "陈立伟"})
    asyncio.run(ActionAskConfirmSubmission().run(dispatcher, tracker, {}))
    assert any("陈立伟" in str(m.get("text")) for m in dispatcher.messages), dispatcher.messages
    dispatcher = CollectingDispatcher()  # a bare "no": asked what to change already, no second summary
    asyncio.run(ActionAskConfirmSubmission().run(dispatcher, make_tracker([said_as_no("不对")]), {}))
    assert dispatcher.messages == []


def test_having_registered_as_unemployed_said_in_passing_is_the_category() -> None:
    found = load_gazetteer().find("下岗在家好几年了，登记过失业，想摆个早餐摊")
    assert [(s.entity, s.value) for s in found] == [("person_category", "registered_unemployed")]
    assert [s.value for s in load_gazetteer().find("要办失业登记")] == ["employment_cert"]  # the item stays the item


async def test_a_corrected_address_or_project_is_stored_without_what_follows_it(service_url: str) -> None:
    slots = {**FILLED, "requested_slot": "confirm_submission"}
    _, set_slots = await validate("地址不对，应该是长沙市天心区书院路19号我再确认下", "inform", slots)
    assert set_slots["premises_address"] == "长沙市天心区书院路19号"
    _, set_slots = await validate("项目名称改成乐乐工坊吧", "inform", slots)
    assert set_slots["project_name"] == "乐乐工坊"


async def test_a_loan_sum_said_later_adds_the_loan_to_the_items(service_url: str) -> None:
    slots = {**FILLED, "phone": None, "requested_slot": "phone"}
    texts, set_slots = await validate("另外还想借10万", "inform", slots, entities_of("另外还想借10万"))
    assert "guaranteed_loan" in set_slots["application_items"], texts
    assert set_slots["loan_amount"] in ("100000", 100000)
    _, set_slots = await validate("贷款利息多少", "ask_question", slots)  # a question adds nothing
    assert "application_items" not in set_slots


def test_a_business_still_being_set_up_is_not_registered_yet() -> None:
    for words in ("还在装修", "营业执照还在办", "执照还没下来", "店还在筹备"):
        turn = read_turn(words, "inform", [], "elig_business_started_on", date.today())
        assert turn.answer == "none", words  # 尚未成立, not a date refused
    turn = read_turn("店在办公楼里，去年开的", "inform", [], "elig_business_started_on", date.today())
    assert turn.answer == f"{date.today().year - 1}-01-01"  # 在办公楼 is no "still being set up"
