"""Values read from what people type (twelfth analysis A3–A6, decision D4); no service needed.

A fresh graduate is a college graduate; 进园区/众创空间 choose the incubator; a value taken back in the same message
("…不对，…") gives way to the one said after it; a rough sum chooses the loan and stores no figure; a Hunan village
place without a house number is an address; the last digits of a number on file are corrected in place; a phone
word inside a shop's name is no phone label; "越长越好" takes the longest term; words before digits are dropped.
"""

from typing import Any

import pytest

from actions.application.form_corrections import parts_corrected, tail_corrected
from actions.application.form_items import items_in_words
from actions.application.form_labels import read_labelled
from actions.application.form_money import read_amount, read_sum, vague_sum
from actions.application.form_values import read_values
from actions.application.loan_limit import CAP, OFFERED, second_refusal, with_offer
from tests.actions.conftest import make_form_tracker, make_tracker

ID = "430124199303157718"
PHONE = "15973102846"


def labelled(text: str, entities: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    return read_labelled(text, entities or []).values


def span(text: str, entity: str, said: str, value: str) -> dict[str, Any]:
    start = text.index(said)
    return {"entity": entity, "value": value, "start": start, "end": start + len(said)}


def values_at(text: str, slots: dict[str, Any], entities: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    tracker = make_form_tracker(text, "inform", slots, entities)
    return read_values(tracker, text, "inform", slots).values


# A3: a fresh graduate, the incubator, a value said again, rough sums


@pytest.mark.parametrize(
    "text",
    ["今年刚毕业，打算开个文具店", "我是应届的，想办个创业证", "毕业生一个，想搞个小工作室", "刚从学校出来，想自己干"],
)
def test_a_fresh_graduate_is_a_college_graduate(text: str) -> None:
    assert labelled(text).get("person_category") == "college_graduate"


@pytest.mark.parametrize("text", ["我高中刚毕业，想学门手艺", "我不是应届生，做了好几年生意了"])
def test_a_school_that_is_no_college_or_a_denial_makes_no_graduate(text: str) -> None:
    assert labelled(text).get("person_category") != "college_graduate"


@pytest.mark.parametrize("text", ["想开个设计工作室，最好能进园区", "准备搬进众创空间办公", "打算入驻个创业园区"])
def test_the_incubator_is_chosen_by_where_it_is(text: str) -> None:
    assert "incubator" in items_in_words(text, [])


def test_a_category_taken_back_gives_way_to_the_one_said_after_it() -> None:
    text = "我是返乡农民工 说错了 我是退役军人，想贷款"
    entities = [
        span(text, "person_category", "返乡农民工", "returning_migrant_worker"),
        span(text, "person_category", "退役军人", "veteran"),
    ]
    assert labelled(text, entities)["person_category"] == "veteran"


@pytest.mark.parametrize(
    ("text", "slot", "value"),
    [
        ("我叫刘德明，不对，我叫刘得明", "applicant_name", "刘得明"),
        ("手机13812345678，打错了，是13912345678", "phone", "13912345678"),
        ("想贷12万，不对，18万吧", "loan_amount", "180000"),
        ("贷款10万分3年，说错了，两年", "loan_term_months", 24),
    ],
)
def test_any_field_taken_back_in_one_message_takes_the_later_value(text: str, slot: str, value: Any) -> None:
    assert labelled(text)[slot] == value


def test_a_value_set_against_another_keeps_the_first() -> None:
    assert labelled(f"手机是{PHONE}不是15973102864")["phone"] == PHONE  # "是A不是B": A


def test_items_taken_back_give_way_to_the_ones_said_after_them() -> None:
    text = "想办创业补贴，不对，是创业担保贷款"
    entities = [
        span(text, "item", "创业补贴", "startup_subsidy"),
        span(text, "item", "创业担保贷款", "guaranteed_loan"),
    ]
    assert values_at(text, {}, entities)["application_items"] == ["guaranteed_loan"]


@pytest.mark.parametrize(
    "text", ["想贷个二三十万开个板材厂", "借十来万周转一下", "大概贷个一二十万", "想借个万把块钱进货"]
)
def test_a_rough_sum_chooses_the_loan_and_stores_no_figure(text: str) -> None:
    assert vague_sum(text)
    assert read_sum(text) is None and read_amount(text) == []
    assert "guaranteed_loan" in items_in_words(text, [])
    rough = span(text, "amount", text[text.index("万") - 2 : text.index("万") + 1], "200000")
    assert "loan_amount" not in labelled(text, [rough])


def test_a_rough_sum_in_the_form_asks_for_a_figure_with_an_example() -> None:
    text = "想贷个二三十万开厂"
    tracker = make_form_tracker(text, "start_application", {"requested_slot": "application_items"})
    found = read_values(tracker, text, "start_application", {"requested_slot": "application_items"})
    assert found.values.get("application_items") == ["guaranteed_loan"]
    assert "loan_amount" not in found.values
    assert "具体数" in found.shown["application_items"] and "例如" in found.shown["application_items"]


# A4: a village place without a house number


@pytest.mark.parametrize(
    ("text", "address"),
    [
        ("个体户，怀化市溆浦县龙潭镇张家坪", "怀化市溆浦县龙潭镇张家坪"),
        ("开个农资店，邵阳市隆回县六都寨镇石门冲", "邵阳市隆回县六都寨镇石门冲"),
        ("常德市汉寿县坡头镇新兴垸，想办执照", "常德市汉寿县坡头镇新兴垸"),
        ("岳阳市平江县三市镇南江", "岳阳市平江县三市镇南江"),
    ],
)
def test_a_village_place_after_its_town_is_the_address_shown_back(text: str, address: str) -> None:
    found = read_labelled(text, [])
    assert found.values.get("premises_address") == address
    assert address in found.shown["premises_address"]


@pytest.mark.parametrize("text", ["我家住在平江县三市镇南江", "老家在宁乡市花明楼镇那边"])
def test_a_home_or_a_remark_at_a_town_is_no_premises_address(text: str) -> None:
    assert "premises_address" not in labelled(text)


# A5: the last digits of a number on file


@pytest.mark.parametrize(
    ("text", "slots", "expected"),
    [
        ("手机号后两位是64不是46", {"phone": PHONE[:-2] + "46"}, ("phone", PHONE[:-2] + "64")),
        ("电话最后四位错了，应该是2846", {"phone": "15973109999"}, ("phone", PHONE)),
        ("身份证尾号不是7781是7718", {"id_number": ID[:-4] + "7781"}, ("id_number", ID)),
        ("后两位不是46是64", {"phone": PHONE[:-2] + "46", "id_number": ID}, ("phone", PHONE[:-2] + "64")),
    ],
)
def test_the_last_digits_of_a_number_are_replaced(text: str, slots: dict[str, Any], expected: Any) -> None:
    assert tail_corrected(text, slots) == expected
    values: dict[str, Any] = {}
    parts_corrected(text, values, slots)
    assert values[expected[0]] == expected[1]


@pytest.mark.parametrize(
    "text",
    ["手机号后两位是64不是46", "手机最后三位是12"],  # the old tail is not the number's; two digits said as three
)
def test_digits_that_do_not_fit_the_number_change_nothing(text: str) -> None:
    assert tail_corrected(text, {"phone": PHONE[:-2] + "99"}) is None


# A6: no other field's words in a free-text value; the term as long as allowed; words before digits


def test_a_phone_word_inside_a_shops_name_is_no_phone_label() -> None:
    found = labelled("项目小芳手机贴膜，零售，个体户")
    assert found.get("project_name") == "小芳手机贴膜"
    assert "phone" not in found


@pytest.mark.parametrize("text", ["越长越好吧", "期限尽量长一点", "能借多久就借多久"])
def test_the_longest_term_wished_at_another_step_is_the_terms_limit(text: str) -> None:
    slots = {"application_items": ["guaranteed_loan"], "loan_amount": 150000, "requested_slot": "project_name"}
    values = values_at(text, slots)
    assert values.get("loan_term_months") == CAP
    assert "project_name" not in values


def test_a_term_said_at_the_industry_step_is_the_term() -> None:
    slots = {"application_items": ["guaranteed_loan"], "loan_amount": 150000, "requested_slot": "industry"}
    assert values_at("那就三年吧", slots).get("loan_term_months") == 36


@pytest.mark.parametrize(("text", "digits"), [("就是1597310", "1597310"), ("嗯 我的是 15973102846", PHONE)])
def test_words_before_digits_are_dropped(text: str, digits: str) -> None:
    assert values_at(text, {"application_items": ["training"], "requested_slot": "phone"})["phone"] == digits


# D4: a second amount over the limit


REFUSED = "个人创业担保贷款最高20万元（200000元），您填写的是40万元（400000元）。"


def test_the_first_amount_over_the_limit_offers_the_limit() -> None:
    assert OFFERED in with_offer(REFUSED, make_tracker([]))


def test_a_second_amount_over_the_limit_names_both_limits_and_a_person() -> None:
    tracker = make_tracker([{"event": "bot", "text": with_offer(REFUSED)}])
    reply = with_offer("个人创业担保贷款最高20万元（200000元），您填写的是35万元（350000元）。", tracker)
    assert reply == second_refusal(REFUSED)
    assert "20万元" in reply and "300万元" in reply and "转人工" in reply
    assert "35万" not in reply and OFFERED not in reply


def test_a_refusal_of_an_earlier_form_does_not_count() -> None:
    events = [{"event": "bot", "text": with_offer(REFUSED)}, {"event": "active_loop", "name": None}]
    assert OFFERED in with_offer(REFUSED, make_tracker(events))


@pytest.mark.parametrize(
    ("text", "name"), [("给来电人覃秋生办就业创业证", "覃秋生"), ("来电人谌玉兰报名创业培训", "谌玉兰")]
)
def test_a_callers_name_right_before_what_they_want_done_is_read(text: str, name: str) -> None:
    assert read_labelled(text, [], third_person=True).values.get("applicant_name") == name


@pytest.mark.parametrize(
    ("text", "absent", "kept"),
    [
        ("项目叫老刘米粉，期限三年", "industry", {"project_name": "老刘米粉", "loan_term_months": 36}),
        ("项目名称尽量长的期限", "project_name", {}),
        ("行业就是贷款十万那个", "industry", {"loan_amount": "100000"}),
        ("项目万家福超市，零售", "loan_amount", {"project_name": "万家福超市", "industry": "零售"}),
    ],
)
def test_no_free_text_value_holds_another_fields_words(text: str, absent: str, kept: dict[str, Any]) -> None:
    values = labelled(text)
    assert absent not in values
    assert kept.items() <= values.items()


def test_the_tail_of_a_refused_id_typed_before_is_corrected() -> None:
    slots = {"application_items": ["training"], "applicant_name": "敬雨桐", "requested_slot": "id_number"}
    events = [
        {"event": "user", "text": ID[:-2] + "71", "parse_data": {"intent": {"name": "inform"}, "entities": []}},
        {"event": "bot", "text": "身份证号码校验位不正确，可能有数字填错了，请核对。"},
        {"event": "user", "text": "身份证最后两位错了，应该是16", "parse_data": {"intent": {"name": "inform"}}},
    ]
    tracker = make_tracker(events, slots)
    assert read_values(tracker, "身份证最后两位错了，应该是16", "inform", slots).values["id_number"] == ID[:-2] + "16"


@pytest.mark.parametrize("text", ["我是应届生，想办个营业执照", "我是毕业生"])
def test_who_a_person_is_is_never_their_name(text: str) -> None:
    assert "applicant_name" not in labelled(text)


def test_an_item_to_come_after_another_is_not_chosen_now() -> None:
    text = "领创业补贴前先办个就业创业证，我叫谌雨晴"
    spans = [span(text, "item", "创业补贴", "startup_subsidy"), span(text, "item", "就业创业证", "employment_cert")]
    assert values_at(text, {}, spans)["application_items"] == ["employment_cert"]
