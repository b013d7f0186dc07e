"""The application form (eleventh analysis A2–A4, decisions D1 and D2, the tenth's plain person).

A bare term in a message that names the loan is its term, never a business's age or a graduation; English labels
and words read as their Chinese counterparts, and a Latin-only word is never the project; a partial correction of
the address keeps its city, county and the parts not corrected; a development or high-tech zone answers 县市区 (an
unlisted one is asked about once); the first-time step reads natural answers; "我就一般人" is the category 其他.
"""

from typing import Any

import pytest
from rasa_sdk.executor import CollectingDispatcher

from actions.application.form_address import places_in_address
from actions.application.form_corrections import merged_address
from actions.application.form_labels import read_labelled
from actions.application.form_values import read_values
from actions.application.form_zones import unknown_zone, zone_answer
from actions.eligibility.first_start import first_time
from actions.steps.step_prompts import ASK_ACTIONS
from contract.english_words import chinese_words, latin_only
from tests.actions.conftest import make_form_tracker
from tests.actions.test_application_form import FILLED, validate

ID = "430102199003074512"
PHONE = "15307311234"
LOAN = "guaranteed_loan"
SUMMARY = {**FILLED, "requested_slot": "confirm_submission"}
ASK_COUNTY = next(action for action in ASK_ACTIONS if action().slot == "county")


@pytest.mark.parametrize(
    ("text", "months"),
    [
        (f"想借8万开个修车铺，个人名义，三年，退役军人，我叫韩立新，身份证{ID}，手机{PHONE}", 36),
        (f"她叫石秀英，打算贷6万开个裁缝店，18个月，证件号{ID}", 18),
        ("申请创业担保贷款，十五万，两年期，返乡农民工", 24),
        ("贷款12万，2年", 24),
    ],
)
def test_a_bare_term_in_a_message_naming_the_loan_is_the_term(text: str, months: int) -> None:
    assert read_labelled(text, [], third_person=True).values.get("loan_term_months") == months


@pytest.mark.parametrize(
    "text",
    [
        "店开了3年，想贷10万周转",
        "3年前毕业的，想借5万",
        "我干了两年了，想贷款",
        "想开个早餐店，两年，个体户",  # no loan named: the two years are nobody's term
    ],
)
def test_a_business_age_a_graduation_or_a_message_without_the_loan_gives_no_term(text: str) -> None:
    assert "loan_term_months" not in read_labelled(text, []).values


def test_a_bare_term_at_another_step_after_the_loan_is_the_term() -> None:
    slots = {"application_items": [LOAN], "loan_amount": "100000", "requested_slot": "applicant_name"}
    found = read_values(make_form_tracker("两年", "inform", slots), "两年", "inform", slots)
    assert found.values.get("loan_term_months") == 24
    started = {**slots, "requested_slot": "business_started_on"}
    found = read_values(make_form_tracker("两年", "inform", started), "两年", "inform", started)
    assert "loan_term_months" not in found.values  # the business's age asked: not the term


def test_english_labels_and_words_read_as_chinese() -> None:
    assert chinese_words("name：李雪，ID：4301，Phone number：153") == "姓名：李雪，身份证号：4301，手机号：153"
    assert chinese_words("想register一个company，开个shop") == "想注册一个公司，开个店"
    assert chinese_words("IDEA和username不变") == "IDEA和username不变"
    assert latin_only("Hello") and latin_only("My Shop") and not latin_only("Hello咖啡") and not latin_only("123")


def test_an_english_labelled_opening_fills_name_id_and_phone_and_never_a_latin_project() -> None:
    text = f"Hello，name：李雪，ID：{ID}，phone：{PHONE}，刚从国外回来，想register一个company"
    values = read_labelled(text, []).values
    assert values.get("applicant_name") == "李雪" and values.get("id_number") == ID and values.get("phone") == PHONE
    assert values.get("project_name") in (None, "") or not latin_only(str(values["project_name"])), values


@pytest.mark.parametrize(
    ("old", "new", "merged"),
    [
        ("益阳市赫山区康富路18号", "康富路68号", "益阳市赫山区康富路68号"),
        ("益阳市赫山区康富路18号", "68号", "益阳市赫山区康富路68号"),
        ("益阳市赫山区康富路18号", "金山南路9号", "益阳市赫山区金山南路9号"),
        ("益阳市赫山区康富路18号", "长沙市岳麓区麓山路5号", "长沙市岳麓区麓山路5号"),
    ],
)
def test_a_partial_address_is_merged_into_the_old_one(old: str, new: str, merged: str) -> None:
    assert merged_address(old, new) == merged


@pytest.mark.parametrize("said", ["地址不对，应该是劳动东路88号", "门牌号错了，是88号", "地址改成劳动东路88号"])
async def test_a_partial_address_correction_keeps_city_and_county(service_url: str, said: str) -> None:
    slots: dict[str, Any] = dict(SUMMARY)
    texts, set_slots = await validate(said, "inform", slots)
    assert set_slots.get("premises_address") == "长沙市雨花区劳动东路88号", (texts, set_slots)
    assert set_slots.get("city", "长沙市") == "长沙市" and set_slots.get("county", "雨花区") == "雨花区", set_slots
    assert any("长沙市雨花区劳动东路88号" in t for t in texts), texts  # the merged address shown back
    assert set_slots.get("requested_slot") == "confirm_submission"


@pytest.mark.parametrize(
    ("address", "places"),
    [
        ("株洲市高新区黄河北路18号", ["株洲市", "株洲高新技术产业开发区"]),
        ("长沙经开区东六路9号", ["长沙市", "长沙经济技术开发区"]),
        ("长沙市望城经开区金星北路3号", ["长沙市", "望城经济技术开发区"]),
        ("湖南湘江新区学士路12号", ["长沙市", "湖南湘江新区"]),
        ("株洲市天元区黄河北路18号", ["株洲市", "天元区"]),  # a county named: no zone needed
    ],
)
def test_a_listed_zone_answers_the_county(address: str, places: list[str]) -> None:
    assert places_in_address(address) == places


async def test_an_address_in_a_zone_is_not_asked_its_county(service_url: str) -> None:
    slots: dict[str, Any] = {**FILLED, "premises_address": None, "city": None, "county": None}
    slots["requested_slot"] = "premises_address"
    texts, set_slots = await validate("湘潭市经开区白石路6号", "inform", slots)
    assert set_slots.get("city") == "湘潭市" and set_slots.get("county") == "湘潭经济技术开发区", (texts, set_slots)
    assert set_slots.get("requested_slot") not in ("city", "county"), set_slots


async def test_an_unlisted_zone_is_asked_once_offering_districts(service_url: str) -> None:
    address = "衡阳市白沙洲工业园区长丰路8号"
    assert unknown_zone(address, "衡阳市") == "白沙洲工业园区"
    slots: dict[str, Any] = {**FILLED, "premises_address": address, "city": "衡阳市", "county": None}
    dispatcher = CollectingDispatcher()
    await ASK_COUNTY().run(dispatcher, make_form_tracker("", "inform", {**slots, "requested_slot": "county"}), {})
    asked = dispatcher.messages[0]
    assert "白沙洲工业园区" in asked["text"] and "区县" in asked["text"] and asked["buttons"], asked
    assert zone_answer("不清楚", slots) == "白沙洲工业园区" and zone_answer("石鼓区", slots) is None
    texts, set_slots = await validate("不清楚", "out_of_scope", {**slots, "requested_slot": "county"})
    assert set_slots.get("county") == "白沙洲工业园区", (texts, set_slots)


@pytest.mark.parametrize(
    ("text", "first"),
    [
        ("第一次", True),
        ("头一回", True),
        ("以前没做过生意", True),
        ("之前没开过店", True),
        ("从来没干过", True),
        ("之前开过", False),
        ("以前做过", False),
        ("以前干过两年", False),
        ("之前做过一段小生意", False),
        ("一直在经营", None),
        ("以前做过服务员", None),  # a job, not a business
    ],
)
def test_the_first_time_step_reads_natural_answers(text: str, first: bool | None) -> None:
    assert first_time(text) is first


async def test_a_natural_first_time_answer_fills_the_step(service_url: str) -> None:
    slots = {**FILLED, "application_items": ["startup_subsidy"], "requested_slot": "first_time_founder"}
    texts, set_slots = await validate("之前没开过店", "inform", slots)
    assert set_slots.get("first_time_founder") is True, (texts, set_slots)
    texts, set_slots = await validate("一直在经营", "inform", slots)
    assert set_slots.get("first_time_founder") is not True, (texts, set_slots)


def test_a_first_time_said_up_front_is_taken() -> None:
    values = read_labelled("头一回创业，想申请创业补贴，店开了一年多", []).values
    assert values.get("first_time_founder") is True


@pytest.mark.parametrize("said", ["我就一般人", "就普通人", "我就是个一般人吧"])
async def test_a_plain_person_is_the_category_other_whatever_the_intent(service_url: str, said: str) -> None:
    slots = {**FILLED, "person_category": None, "requested_slot": "person_category"}
    texts, set_slots = await validate(said, "complain", slots)
    assert set_slots.get("person_category") == "other", (texts, set_slots)


def test_a_plain_person_in_an_opening_message_is_the_category_other() -> None:
    values = read_labelled("我就一般人，想贷款5万开个早餐店", []).values
    assert values.get("person_category") == "other"


def test_a_start_date_said_beats_one_estimated_from_a_duration() -> None:
    values = read_labelled("头一回创业，米粉店开了一年半了，2025年5月开的业，想领补贴", []).values
    assert values.get("business_started_on") == "2025-05-01"
