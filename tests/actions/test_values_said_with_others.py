"""Values said together with others' and in words (issue 12): of two phones the person's own, a shop's name after
"名字" without 叫, a term in Chinese numerals after a sum, a change of mind said with 改主意/注册成 at the summary."""

from typing import Any

import pytest

from actions.application.form_business import read_project
from actions.application.form_labels import read_labelled, read_term
from actions.application.form_numbers import own_phone
from tests.actions.test_application_form import FILLED, validate
from tests.actions.test_form_changes_of_mind import entity


@pytest.mark.parametrize(
    ("text", "phone"),
    [
        ("我老公电话是13907318826 不过留我自己的15807324470", "15807324470"),
        ("手机13907318826，我老婆的是13812345678", "13907318826"),
        ("电话13907318826，不对，应该是13812345678", "13812345678"),
        ("我儿子手机13907318826，我本人的13812345678", "13812345678"),
    ],
)
def test_of_two_phones_the_applicants_own_is_taken(text: str, phone: str) -> None:
    assert own_phone(text) == phone
    assert read_labelled(f"我叫屈慧敏 身份证430405198906018945 {text}", []).values["phone"] == phone


def test_one_phone_is_left_to_the_usual_readers() -> None:
    assert own_phone("电话13907318826") is None


@pytest.mark.parametrize(
    ("text", "project"),
    [
        ("准备开个五金店，名字志刚五金，行业是零售", "志刚五金"),
        ("开了个网店，店名：小禾优选，卖水果", "小禾优选"),
        ("开个奶茶店，名字叫茶小满", "茶小满"),
    ],
)
def test_a_shops_name_after_its_cue_is_the_project(text: str, project: str) -> None:
    assert read_project(text) == project


@pytest.mark.parametrize("text", ["开了家面馆，名字还没想好", "开了个店，名字随便"])
def test_a_remark_after_the_cue_is_no_name(text: str) -> None:
    assert read_project(text) in (None, "面馆")


@pytest.mark.parametrize(
    ("text", "months"), [("贷八万块 二十四个月", 24), ("借五万 十二个月", 12), ("十万吧，两年", 24)]
)
def test_a_term_in_numerals_after_the_sum(text: str, months: int) -> None:
    assert read_term(text) == months


def test_a_start_date_is_no_term() -> None:
    assert read_term("贷款5万，三年前开的店") is None


async def test_a_change_of_mind_with_gai_zhuyi_changes_the_type_and_cancels_nothing(service_url: str) -> None:
    slots: dict[str, Any] = {**FILLED, "business_type": "individual_business", "requested_slot": "confirm_submission"}
    said = [entity("business_type", "individual_business"), entity("business_type", "enterprise")]
    texts, set_slots = await validate("我改主意了，不办个体户了，注册成有限公司", "cancel", slots, said)
    assert set_slots.get("business_type") == "enterprise" and not any("已取消" in t for t in texts), texts
    assert "project_name" not in set_slots, set_slots  # "注册成有限公司" names a type, not a project


def test_a_filing_dictated_without_punctuation_keeps_every_field() -> None:
    said = (
        "我要办个体户营业执照我叫罗桂香身份证430104197905288743电话13787260415开个米粉店名字叫桂香米粉"
        "行业是餐饮店在衡阳市蒸湘区解放西路88号我就是普通老百姓没什么特殊身份"
    )
    values = read_labelled(said, []).values
    assert values["premises_address"] == "衡阳市蒸湘区解放西路88号" and values["industry"] == "餐饮"
    assert values["person_category"] == "other" and values["project_name"] == "桂香米粉"


@pytest.mark.parametrize(
    ("text", "industry"),
    [("我想注册一个有限公司 做软件开发 公司名叫星桥数智科技", "软件开发"), ("以前做服务员，现在想开店", None)],
)
def test_what_the_business_does_after_zuo(text: str, industry: str | None) -> None:
    assert read_labelled(text, []).values.get("industry") == industry
