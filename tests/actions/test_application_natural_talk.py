"""The application form under natural talk: data given up front, several fields at once, commands, loops, dates."""

from datetime import date
from typing import Any

from rasa_sdk.executor import CollectingDispatcher

from actions.application.application_form import ValidateApplicationForm
from actions.application.application_start import ActionStartApplication
from tests.actions.conftest import make_tracker, user_event
from tests.actions.test_application_form import FILLED, entity, validate
from tests.service.factories import make_id

NEW_ID = make_id()
HOTLINE = "hotline:20261205093000-a1b2c3"  # a console call id (contract/conversations.py)


async def start(
    *messages: tuple[str, str, list[dict[str, Any]]], sender: str = "test-user", channel: str = "rest"
) -> tuple[list[str], dict[str, Any], list[str]]:
    """Run action_start_application after ``messages``; return texts, slots set and event kinds."""
    dispatcher = CollectingDispatcher()
    tracker = make_tracker([user_event(text, intent, entities, channel) for text, intent, entities in messages])
    tracker.sender_id = sender
    events = await ActionStartApplication().run(dispatcher, tracker, {})
    slots = {e["name"]: e["value"] for e in events if e["event"] == "slot"}
    kinds = [str(e.get("name")) if e["event"] == "followup" else e["event"] for e in events]
    return [str(m.get("text") or m.get("response")) for m in dispatcher.messages], slots, kinds


async def test_the_whole_application_in_one_message_outside_a_form_starts_it_seeded(service_url: str) -> None:
    texts, slots, kinds = await start(
        (
            f"我叫孙强，身份证{NEW_ID}，手机13912345678，返乡农民工，想申请创业担保贷款，贷15万三年",
            "inform",
            [
                entity("id_number", NEW_ID),
                entity("phone", "13912345678"),
                entity("person_category", "returning_migrant_worker"),
                entity("item", "guaranteed_loan"),
                entity("amount", "150000"),
            ],
        )
    )
    assert slots["application_items"] == ["guaranteed_loan"]
    assert (slots["applicant_name"], slots["id_number"], slots["phone"]) == ("孙强", NEW_ID, "13912345678")
    assert (slots["person_category"], slots["loan_amount"], slots["loan_term_months"]) == (
        "returning_migrant_worker",
        "150000",
        36,
    )
    assert "action_listen" not in kinds
    assert "申请人姓名：孙强" in texts[0] and "139****5678" in texts[0] and "15万元" in texts[0]
    assert NEW_ID not in texts[0] and "13912345678" not in texts[0]  # shown back masked


async def test_a_loan_in_words_selects_the_loan(service_url: str) -> None:
    _, slots, _ = await start(("贷15万", "inform", [entity("amount", "150000")]))
    assert slots["application_items"] == ["guaranteed_loan"]
    assert slots["loan_amount"] == "150000"


async def test_details_said_before_the_request_are_kept(service_url: str) -> None:
    _, slots, _ = await start(
        (
            "项目叫湘味米粉店，餐饮业，个体户，地址长沙市岳麓区麓谷大道100号",
            "inform",
            [entity("business_type", "individual_business")],
        ),
        ("我想办营业执照", "start_application", [entity("item", "business_registration")]),
    )
    assert slots["project_name"] == "湘味米粉店"
    assert slots["industry"] == "餐饮业"
    assert slots["premises_address"] == "长沙市岳麓区麓谷大道100号"
    assert slots["application_items"] == ["business_registration"]


async def test_submit_with_no_form_open_says_nothing_was_filed(service_url: str) -> None:
    texts, slots, kinds = await start(("对的，确认提交", "affirm", []))
    assert "还没有填写或提交任何申请" in texts[0]
    assert slots["offer_pending"] is True
    assert "action_listen" in kinds
    assert "application_attempt" not in slots


async def test_a_plain_yes_outside_a_form_starts_nothing(service_url: str) -> None:
    texts, slots, kinds = await start(("好的", "affirm", []))
    assert texts == ["utter_how_can_help"]
    assert "action_listen" in kinds and "application_items" not in slots


async def test_a_hotline_agent_naming_the_caller_fills_the_name(service_url: str) -> None:
    cues = ("来电人叫黄大明，身份证{}", "他叫黄大明，他身份证{}", "她叫黄大明，身份证{}")
    for n, cue in enumerate(cues):
        id_number, call = make_id(sequence=f"31{n}"), f"hotline:20261205093000-cue{n}"  # each call its own caller
        slots = {"application_items": ["training"], "requested_slot": "applicant_name"}
        texts, set_slots = await validate(
            cue.format(id_number), "inform", slots, [entity("id_number", id_number)], call, "hotline"
        )
        assert set_slots.get("applicant_name") == "黄大明", (cue, texts)
        assert set_slots["id_number"] == id_number


async def test_third_person_cues_in_a_users_own_chat_name_the_applicant_being_filled_for(service_url: str) -> None:
    chats = (("third-person-web", "rest"), ("wechat:o-user-3p", "miniprogram"), (HOTLINE + "x", "rest"))
    for n, (sender, channel) in enumerate(chats):
        id_number = make_id(sequence=f"32{n}")
        slots = {"application_items": ["training"], "requested_slot": "applicant_name"}
        texts, set_slots = await validate(
            f"他叫黄大明，身份证{id_number}", "inform", slots, [entity("id_number", id_number)], sender, channel
        )
        assert set_slots.get("applicant_name") == "黄大明", (sender, channel, texts)
        assert set_slots.get("requested_slot") == "phone", (sender, texts)


async def test_a_third_person_name_in_a_users_own_chat_never_replaces_a_filled_name(service_url: str) -> None:
    slots = {**FILLED, "project_name": None, "requested_slot": "project_name"}
    texts, set_slots = await validate("我儿子他叫黄小明", "inform", slots, [], "third-person-web-2", "rest")
    assert "applicant_name" not in set_slots or set_slots["applicant_name"] == FILLED["applicant_name"], texts
    assert set_slots.get("project_name") is None, texts  # nor is the sentence a project's name
    assert set_slots.get("requested_slot") == "project_name", texts


async def test_several_fields_in_one_turn_fill_every_field_and_never_the_whole_message(service_url: str) -> None:
    slots = {**FILLED, "project_name": None, "industry": None, "premises_address": None, "city": None, "county": None}
    slots["requested_slot"] = "project_name"
    texts, set_slots = await validate(
        "项目叫湘味米粉店，餐饮业，个体户，地址长沙市岳麓区麓谷大道100号",
        "inform",
        slots,
        [entity("business_type", "individual_business"), entity("region", "长沙市"), entity("region", "岳麓区")],
    )
    assert set_slots["project_name"] == "湘味米粉店"
    assert set_slots["industry"] == "餐饮业"
    assert set_slots["premises_address"] == "长沙市岳麓区麓谷大道100号"
    assert (set_slots["city"], set_slots["county"]) == ("长沙市", "岳麓区")
    assert not any("字" in t and "应为" in t for t in texts), texts


async def test_a_submit_word_is_never_a_name_and_lists_what_is_missing(service_url: str) -> None:
    slots = {"application_items": ["training"], "requested_slot": "applicant_name"}
    texts, set_slots = await validate("确认提交", "affirm", slots)
    assert set_slots.get("applicant_name") is None
    assert set_slots["requested_slot"] == "applicant_name"
    assert any("还不能提交" in t and "申请人姓名" in t and "手机号码" in t for t in texts), texts
    assert set(set_slots) - {"requested_slot"}, "only requested_slot set: Rasa would reject the form's turn"


async def test_free_text_fields_refuse_what_is_not_that_kind_of_value(service_url: str) -> None:
    cases = [
        ("applicant_name", "4301041990", "inform"),
        ("applicant_name", "湘味米粉店", "inform"),
        ("project_name", "对的", "affirm"),
        ("industry", "20万", "inform"),
        ("premises_address", "嗯", "inform"),
    ]
    for slot, text, intent in cases:
        slots = {**FILLED, slot: None, "requested_slot": slot}
        texts, set_slots = await validate(text, intent, slots)
        assert set_slots.get(slot) is None, (slot, text, set_slots)
        assert set_slots.get("requested_slot") == slot, (slot, text)
        assert any("例如" in t for t in texts), (slot, text, texts)


async def test_a_question_without_a_question_mark_is_answered_not_stored(service_url: str) -> None:
    # Read as out_of_scope or inform by the NLU, it used to be stored as the name or refused.
    for intent in ("inform", "out_of_scope", "check_eligibility"):
        slots = {**FILLED, "applicant_name": None, "requested_slot": "applicant_name"}
        texts, set_slots = await validate("要带身份证去吗", intent, slots)
        assert set_slots["applicant_name"] is None
        assert set_slots["requested_slot"] == "applicant_name"
        assert texts and "我们先把正在办的这件事办完" not in texts[0]


async def test_back_re_asks_the_previous_field(service_url: str) -> None:
    slots = {**FILLED, "industry": None, "requested_slot": "industry"}
    texts, set_slots = await validate("上一步", "affirm", slots)
    assert set_slots["requested_slot"] == "project_name"
    assert "project_name" not in set_slots  # kept until a new one is given (thirteenth A5)
    assert any("回到上一步" in t for t in texts)


async def test_start_over_clears_the_form(service_url: str) -> None:
    slots = {**FILLED, "industry": None, "requested_slot": "industry"}
    texts, set_slots = await validate("重新填", "start_application", slots)
    assert set_slots["requested_slot"] == "applicant_name"  # the items chosen are kept and said back
    assert "application_items" not in set_slots and any("要办的事项还是" in t for t in texts), texts
    assert set_slots["applicant_name"] is None and set_slots["phone"] is None
    slots = {**FILLED, "application_items": None, "requested_slot": "applicant_name"}
    _, set_slots = await validate("重新填", "start_application", slots)
    assert set_slots["requested_slot"] == "application_items"  # no items yet: they are asked first


async def test_a_name_correction_with_its_cue_changes_the_name(service_url: str) -> None:
    slots = {**FILLED, "industry": None, "requested_slot": "industry"}
    texts, set_slots = await validate("名字写错了，是周杰", "affirm", slots)
    assert set_slots["applicant_name"] == "周杰"
    assert set_slots.get("industry") is None
    assert set_slots["requested_slot"] == "industry"


async def test_repeated_failures_give_an_example_choices_and_a_person_never_the_same_reply_thrice(
    service_url: str,
) -> None:
    slots: dict[str, Any] = {**FILLED, "business_type": None, "requested_slot": "business_type"}
    history: list[dict[str, Any]] = [{"event": "active_loop", "name": "application_form"}]
    replies = []
    for _ in range(4):
        dispatcher = CollectingDispatcher()
        history.append(user_event("嗯嗯那个", "inform"))
        events = await ValidateApplicationForm().run(dispatcher, make_tracker(list(history), slots=dict(slots)), {})
        slots.update({e["name"]: e["value"] for e in events if e["event"] == "slot"})
        history += [e for e in events if e["event"] == "slot"]
        replies.append(dispatcher.messages)
    assert slots["requested_slot"] == "business_type"
    second = replies[1][-1]
    assert "转人工" in second["text"] and "个体工商户" in second["text"]
    assert {b["title"] for b in second["buttons"]} >= {"个体工商户", "企业", "转人工"}
    texts = ["\n".join(m["text"] for m in r) for r in replies]
    assert all(not (a == b == c) for a, b, c in zip(texts, texts[1:], texts[2:], strict=False)), texts


async def test_a_graduation_year_in_words_is_normalised_and_shown_back(service_url: str) -> None:
    slots = {**FILLED, "application_items": ["startup_subsidy"], "graduation_year": None}
    slots["requested_slot"] = "graduation_year"
    texts, set_slots = await validate("去年毕业的", "inform", slots)
    assert set_slots["graduation_year"] == date.today().year - 1
    assert any(f"→ {date.today().year - 1}年毕业" in t for t in texts), texts


async def test_shuffled_early_missing_and_corrected_answers_never_land_in_the_wrong_field(service_url: str) -> None:
    """A user answers out of order, early, skips one and corrects one: every value ends where it was meant."""
    slots: dict[str, Any] = {"application_items": ["business_registration", "taxpayer_confirmation"]}
    slots["requested_slot"] = "applicant_name"
    turns: list[tuple[str, str, list[dict[str, Any]]]] = [
        ("项目叫湘味米粉店", "inform", []),  # early: the project while the name is asked
        ("餐饮", "inform", []),  # shuffled: an industry while the name is asked is not a name
        ("我叫孙强", "inform", []),
        ("手机13912345678", "inform", [entity("phone", "13912345678")]),  # the ID skipped
        ("确认提交", "affirm", []),  # a submit word while the ID is missing
        (NEW_ID, "inform", [entity("id_number", NEW_ID)]),
        ("名字写错了，是孙小强", "affirm", []),  # correction of an earlier field
    ]
    for text, intent, entities in turns:
        _, set_slots = await validate(text, intent, slots, entities)
        slots.update(set_slots)
    assert slots["project_name"] == "湘味米粉店"
    assert slots["applicant_name"] == "孙小强"
    assert slots["phone"] == "13912345678" and slots["id_number"] == NEW_ID
    assert slots.get("industry") in (None, "餐饮")
    assert all(slots.get(s) in (None, "") for s in ("premises_address", "bank_account", "city", "county"))


async def test_an_answer_ahead_of_its_question_is_acknowledged_and_the_question_stays(service_url: str) -> None:
    slots = {"application_items": ["training"], "requested_slot": "applicant_name"}
    texts, set_slots = await validate("13912345678", "inform", slots, [entity("phone", "13912345678")])
    assert set_slots["phone"] == "13912345678"
    assert set_slots.get("applicant_name") is None and set_slots["requested_slot"] == "applicant_name"
    assert any("已记下手机号码：139****5678" in t for t in texts), texts


async def test_an_industry_given_for_the_project_goes_to_the_industry(service_url: str) -> None:
    slots = {**FILLED, "project_name": None, "industry": None, "requested_slot": "project_name"}
    texts, set_slots = await validate("餐饮", "inform", slots)
    assert set_slots.get("project_name") is None and set_slots["industry"] == "餐饮"
    assert set_slots["requested_slot"] == "project_name"


async def test_a_long_application_the_nlu_was_unsure_of_still_starts_the_form(service_url: str) -> None:
    from actions.conversation.fallback import ActionHandleLowConfidence

    message = f"帮来电人办理：黄大明，身份证{NEW_ID}，手机13912345678，返乡农民工，申请创业担保贷款20万，期限2年"
    entities = [entity("id_number", NEW_ID), entity("phone", "13912345678"), entity("item", "guaranteed_loan")]
    dispatcher = CollectingDispatcher()
    events = await ActionHandleLowConfidence().run(
        dispatcher, make_tracker([user_event(message, "nlu_fallback", entities, "hotline")]), {}
    )
    assert [e.get("name") for e in events if e["event"] == "followup"] == ["action_start_application"]
    _, slots, kinds = await start((message, "nlu_fallback", entities), sender=HOTLINE, channel="hotline")
    assert slots["applicant_name"] == "黄大明" and slots["loan_term_months"] == 24
    assert kinds[-1] == "application_form"


def test_names_in_voice_style_messages_without_punctuation() -> None:
    from actions.application.form_labels import read_labelled

    cases = {
        "你好我姓王叫王建国今年刚毕业": "王建国",
        "我姓王，叫王建国": "王建国",
        "嗯我叫刘洋然后我的电话是13912345678": "刘洋",
        f"我叫孙强身份证{NEW_ID}电话13912345678想办营业执照": "孙强",
        "我叫王小明在长沙开店": "王小明",
    }
    for text, name in cases.items():
        assert read_labelled(text, []).values.get("applicant_name") == name, text
    # a project "名叫…" is the project, never the applicant's name
    found = read_labelled("我是退役军人 想开一家汽车维修店 项目名叫张伟汽修 行业汽车维修", []).values
    assert found.get("applicant_name") is None and found["project_name"] == "张伟汽修"


async def test_back_and_start_again_in_other_words(service_url: str) -> None:
    for words in ("回上一步", "返回上一项", "我想回到上一个问题"):
        slots = {**FILLED, "industry": None, "requested_slot": "industry"}
        texts, set_slots = await validate(words, "inform", slots)
        assert set_slots["requested_slot"] == "project_name", words
        assert any("回到上一步" in t for t in texts), (words, texts)
    for words in ("从头再来", "全部重新填", "清空重填"):
        slots = {**FILLED, "industry": None, "requested_slot": "industry"}
        _, set_slots = await validate(words, "inform", slots)
        assert set_slots["requested_slot"] == "applicant_name", words  # the items kept
        assert set_slots["applicant_name"] is None


async def test_a_bare_name_while_the_id_is_asked_is_the_name_and_the_id_is_still_asked(service_url: str) -> None:
    slots = {"application_items": ["training"], "requested_slot": "id_number"}
    texts, set_slots = await validate("周杰", "out_of_scope", slots)
    assert set_slots["applicant_name"] == "周杰"
    assert set_slots.get("id_number") is None and set_slots["requested_slot"] == "id_number"
    assert not any("超出了我的服务范围" in t for t in texts)
    # a city is never taken for a name
    slots = {"application_items": ["training"], "applicant_name": "周杰", "requested_slot": "id_number"}
    _, set_slots = await validate("岳阳市", "inform", slots)
    assert set_slots.get("applicant_name") in (None, "周杰")


async def test_numbers_the_nlu_did_not_tag_still_go_to_their_own_field(service_url: str) -> None:
    slots = {"application_items": ["training"], "requested_slot": "applicant_name"}
    texts, set_slots = await validate(f"我叫孙强 {NEW_ID} 13912345678", "inform", slots, sender="untagged-numbers")
    assert (set_slots["applicant_name"], set_slots["id_number"], set_slots["phone"]) == ("孙强", NEW_ID, "13912345678")
    # a phone correction at the summary, the NLU having tagged nothing
    slots = {**FILLED, "requested_slot": "confirm_submission"}
    texts, set_slots = await validate("手机号填错了，应该是13812345678", "deny", slots)
    assert set_slots["phone"] == "13812345678"
    assert any("已把手机号码改为：138****5678" in t for t in texts), texts
    # an 18-digit bank account is the account, never an ID number
    slots = {**FILLED, "bank_account": None, "requested_slot": "bank_account"}
    _, set_slots = await validate("622202190100123456", "inform", slots)
    assert set_slots.get("id_number", FILLED["id_number"]) == FILLED["id_number"]
    assert set_slots["bank_account"] == "622202190100123456"


async def test_a_wrong_value_given_up_front_is_explained_once_and_asked(service_url: str) -> None:
    bad_id = NEW_ID[:-1] + ("1" if NEW_ID[-1] != "1" else "2")  # a wrong check digit
    seeded = {"application_items": ["training"], "applicant_name": "李秀英", "id_number": bad_id}
    events = [
        user_event(f"我叫李秀英身份证{bad_id}想参加创业培训", "start_application"),
        {"event": "action", "name": "action_start_application"},
        *({"event": "slot", "name": slot, "value": value} for slot, value in seeded.items()),
    ]
    dispatcher = CollectingDispatcher()
    tracker = make_tracker(events, slots={**seeded, "requested_slot": None})
    tracker.sender_id = "wrong-check-digit"  # its own chat: the per-chat ID throttle of other tests stays apart
    result = await ValidateApplicationForm().run(dispatcher, tracker, {})
    set_slots = {e["name"]: e["value"] for e in result if e["event"] == "slot"}
    texts = [str(m.get("text")) for m in dispatcher.messages]
    assert set_slots["id_number"] is None and set_slots["requested_slot"] == "id_number"
    assert sum("校验位" in t for t in texts) == 1, texts
    assert not any("没有修改" in t for t in texts), texts  # nothing was being corrected
    assert set_slots.get("applicant_name", "李秀英") == "李秀英"


def test_a_project_named_after_the_kind_of_place() -> None:
    from actions.application.form_labels import read_labelled

    cases = (("想办营业执照开个面馆叫秀英面馆", "秀英面馆"), ("开了个养鸡场叫大明养殖场，在村里", "大明养殖场"))
    for text, project in cases:
        assert read_labelled(text, []).values["project_name"] == project, text


async def test_the_term_free_of_submission_and_a_negated_submit_are_never_a_submit(service_url: str) -> None:
    slots = {**FILLED, "phone": None, "requested_slot": "phone"}
    texts, set_slots = await validate("那个免提交指啥", "affirm", slots)
    assert not any("还不能提交" in t for t in texts), texts
    assert set_slots.get("requested_slot") == "phone"
    slots = {**FILLED, "requested_slot": "confirm_submission"}
    texts, set_slots = await validate("先别提交了，撤掉吧", "affirm", slots)
    assert set_slots.get("confirm_submission") is not True
    assert any("已取消" in t for t in texts), texts
    assert set_slots["applicant_name"] is None and set_slots["requested_slot"] is None


async def test_cancel_in_words_stops_the_form_at_any_step(service_url: str) -> None:
    for words in ("不办了", "算了吧", "这个先撤回"):
        slots = {**FILLED, "industry": None, "requested_slot": "industry"}
        texts, set_slots = await validate(words, "inform", slots)
        assert any("已取消" in t for t in texts), (words, texts)
        assert set_slots.get("industry") is None and set_slots["phone"] is None


async def test_none_of_the_groups_at_the_category_step_is_the_category_other(service_url: str) -> None:
    slots = {**FILLED, "person_category": None, "requested_slot": "person_category"}
    texts, set_slots = await validate("都不是，就普通人", "complain", slots)  # the NLU may hear a grievance
    assert set_slots["person_category"] == "other", texts
    assert set_slots["requested_slot"] != "person_category"


async def test_a_short_id_the_nlu_calls_out_of_scope_is_re_asked_with_the_reason(service_url: str) -> None:
    slots = {**FILLED, "id_number": None, "requested_slot": "id_number"}
    texts, set_slots = await validate("430104199001", "out_of_scope", slots)
    assert set_slots["requested_slot"] == "id_number"
    assert set_slots["id_number"] is None
    assert any("18" in t for t in texts), texts  # the reason, not "超出了我的服务范围"


async def test_a_full_width_address_is_stored_with_plain_digits(service_url: str) -> None:
    slots = {**FILLED, "premises_address": None, "city": None, "county": None, "requested_slot": "premises_address"}
    texts, set_slots = await validate("长沙市开福区中山路１２号", "inform", slots)
    assert set_slots["premises_address"] == "长沙市开福区中山路12号", texts


async def test_one_value_after_a_wish_to_apply_starts_the_form_seeded(service_url: str) -> None:
    texts, slots, kinds = await start(
        (
            "来电人想办营业执照和创业培训",
            "ask_question",
            [entity("item", "business_registration"), entity("item", "training")],
        ),
        (f"身份证{NEW_ID}", "inform", [entity("id_number", NEW_ID)]),
        sender=HOTLINE + "-wish",
        channel="hotline",
    )
    assert slots["application_items"] == ["business_registration", "training"]
    assert slots["id_number"] == NEW_ID
    assert "action_listen" not in kinds, texts


async def test_one_value_with_no_request_is_kept_and_an_application_offered(service_url: str) -> None:
    texts, slots, kinds = await start(("店开在长沙市雨花区劳动东路200号", "inform", []))
    assert "经营场所地址：长沙市雨花区劳动东路200号" in texts[0] and "回复“好”" in texts[0], texts
    assert slots["offer_pending"] is True
    assert "action_listen" in kinds and "application_attempt" not in slots


async def test_a_name_answered_with_words_around_it_is_the_name(service_url: str) -> None:
    for said, name in (("我王芳", "王芳"), ("王芳是我的名字", "王芳"), ("这边是王芳", "王芳"), ("我明天来", None)):
        slots = {"application_items": ["training"], "requested_slot": "applicant_name"}
        texts, set_slots = await validate(said, "inform", slots)
        assert set_slots.get("applicant_name") == name, (said, texts)


async def test_a_wish_to_register_an_individual_business_names_the_type(service_url: str) -> None:
    _, slots, _ = await start(("我要办个体户登记", "start_application", [entity("item", "business_registration")]))
    assert slots["business_type"] == "individual_business"


async def test_the_name_taken_at_its_step_is_shown_back(service_url: str) -> None:
    slots = {"application_items": ["training"], "requested_slot": "applicant_name"}
    texts, set_slots = await validate("名字是章立早章的章章明", "inform", slots)
    assert set_slots["applicant_name"] == "章明"
    assert any("申请人姓名：章明" in t for t in texts), texts
