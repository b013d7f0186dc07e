"""Lists and labels read (thirteenth analysis A1, A3, A4, D1's reading slip); own invented wording, no service.

A shop named after its owner is the project; trade words end a shop's name; 项目名称 beats 项目是; 公司名/那就叫/
店子就喊 label the project; 喊做 names the person; dialect particles and vocatives are no values; 大写 numerals are
read as figures; "来电人有…" renames nobody; a move ("返回上一步") is never a value.
"""

from typing import Any

import pytest

from actions.application.form_labels import business_type_in_words, read_labelled
from actions.application.form_values import read_values
from tests.actions.conftest import make_form_tracker

ID = "430521198806124415"
PHONE = "13687315024"


def labelled(text: str) -> dict[str, Any]:
    return read_labelled(text, []).values


def at_project_step(text: str) -> dict[str, Any]:
    slots = {"requested_slot": "project_name", "application_items": ["business_registration"]}
    return read_values(make_form_tracker(text, "inform", slots, []), text, "inform", slots).values


@pytest.mark.parametrize(
    ("text", "name", "project"),
    [
        (f"田秀英 {ID} {PHONE} 其他人员 田秀英服饰 服装零售 个体户 益阳市赫山区龙洲路6号", "田秀英", "田秀英服饰"),
        (f"邓志强，{ID}，{PHONE}，邓志强车行，二手车买卖，个体户", "邓志强", "邓志强车行"),
    ],
)
def test_a_shop_holding_its_owners_name_is_the_project(text: str, name: str, project: str) -> None:
    values = labelled(text)
    assert values["applicant_name"] == name
    assert values["project_name"] == project


def test_the_labelled_name_wins_over_the_plan() -> None:
    values = labelled(f"项目是做小区生鲜配送，项目名称果蔬到家，{PHONE}")
    assert values["project_name"] == "果蔬到家"
    assert "premises_address" not in values


@pytest.mark.parametrize(
    ("text", "project"),
    [
        ("公司名称云帆数码科技，软件开发，企业", "云帆数码科技"),
        ("那就叫晓雯花艺", "晓雯花艺"),
        ("店子就喊满妹米粉", "满妹米粉"),
    ],
)
def test_new_project_cues(text: str, project: str) -> None:
    assert labelled(text)["project_name"] == project


def test_a_dialect_name_cue_keeps_no_part_of_the_cue() -> None:
    assert labelled(f"我喊做周满秀 身份证是{ID} 电话是{PHONE}")["applicant_name"] == "周满秀"


def test_a_particle_and_a_vocative_are_no_part_of_the_project() -> None:
    assert at_project_step("老板，店子就喊满妹米粉咯")["project_name"] == "满妹米粉"


def test_financial_numerals_are_the_sum_and_term_never_names() -> None:
    values = labelled(f"贷款 叁拾万元 叁年 刘卫东 退役军人 {ID} {PHONE}")
    assert values["loan_amount"] == "300000"
    assert values["loan_term_months"] == 36
    assert "project_name" not in values and "industry" not in values


@pytest.mark.parametrize("text", ["来电人有房贷，还能不能贷", "来电人还欠着车贷，这样能贷吗"])
def test_a_relayed_question_renames_nobody(text: str) -> None:
    assert "applicant_name" not in at_project_step(text)


def test_a_move_is_never_a_project() -> None:
    assert "project_name" not in at_project_step("返回上一步 事项选错了 要办就业创业证")


def test_a_relayed_eligibility_question_stores_no_project() -> None:
    assert "project_name" not in at_project_step("他前年毕业的，奶茶店开了四个月，补贴能领吗")


@pytest.mark.parametrize(
    ("text", "kind"),
    [("那换成公司吧", "enterprise"), ("想想还是注册成公司", "enterprise"), ("合作社改成公司", "enterprise")],
)
def test_a_change_to_a_company_in_words_is_the_business_type(text: str, kind: str) -> None:
    assert business_type_in_words(text) == kind


def test_a_change_refused_chooses_no_company() -> None:
    assert business_type_in_words("先不改成公司") is None
