"""Values said in passing land in their own fields (issue 12): an address inside a sentence, a name after a
category or a lead-in, a sum and a term in free words, a category described at another step.

The extractor alone first (no service), then the form's validation against the real service.
"""

from typing import Any

import pytest

from actions.application.form_labels import read_labelled, read_term
from tests.actions.test_application_form import entity, validate

ID = "430102199003041297"


@pytest.mark.parametrize(
    ("text", "third_person", "expected"),
    [
        (
            f"我叫李明店面在长沙市岳麓区麓山路8号要办执照，身份证{ID}",
            False,
            {"applicant_name": "李明", "premises_address": "长沙市岳麓区麓山路8号", "id_number": ID},
        ),
        ("我打算在老家衡阳县西渡镇新街村5组开个养殖场", False, {"premises_address": "衡阳县西渡镇新街村5组"}),
        (f"我是退役军人叫张建国身份证{ID}", False, {"applicant_name": "张建国", "id_number": ID}),
        (f"来电人是失业人员 叫王小红 身份证{ID}", True, {"applicant_name": "王小红", "id_number": ID}),
        (f"想在常德市武陵区人民路3号开个小面馆，叫张伟，身份证{ID}", False, {"applicant_name": "张伟"}),
        (
            f"我们成立了青山竹编合作社，负责人叫刘大山，身份证{ID}",
            False,
            {"applicant_name": "刘大山", "project_name": "青山竹编合作社"},
        ),
        ("我想开个奶茶店，叫茶小满，手机13912345678", False, {"project_name": "茶小满"}),  # no person's name
        ("贷三万就够，两年还清", False, {"loan_amount": "30000", "loan_term_months": 24}),
    ],
)
def test_each_value_lands_in_its_field(text: str, third_person: bool, expected: dict[str, Any]) -> None:
    found = read_labelled(text, [], third_person=third_person).values
    assert {slot: found.get(slot) for slot in expected} == expected, found
    if "applicant_name" not in expected:
        assert found.get("applicant_name") is None, found


def test_a_bare_term_is_read_only_where_the_term_is_asked() -> None:
    assert read_term("那就两年", asked=True) == 24 and read_term("三年吧", asked=True) == 36
    assert read_term("那就两年") is None  # at another step two years may be anything
    assert read_term("开了两年了", asked=True) is None


async def test_a_sum_and_a_term_said_at_another_step_fill_both(service_url: str) -> None:
    slots = {"application_items": ["guaranteed_loan"], "applicant_name": "王芳", "requested_slot": "id_number"}
    texts, set_slots = await validate("十万吧，两年", "inform", slots, [entity("amount", "100000")])
    assert set_slots.get("loan_amount") == 100000 or set_slots.get("loan_amount") == "100000", set_slots
    assert set_slots.get("loan_term_months") == 24 and set_slots.get("id_number") is None
    assert not any("18位" in t and "6位" in t for t in texts), texts  # the sum is not an ID number


async def test_a_term_said_again_after_a_refused_one_is_taken(service_url: str) -> None:
    slots = {
        "application_items": ["guaranteed_loan"],
        "applicant_name": "王芳",
        "loan_amount": 100000,
        "requested_slot": "loan_term_months",
    }
    _, set_slots = await validate("那就两年", "inform", slots)
    assert set_slots.get("loan_term_months") == 24


async def test_a_category_described_at_the_name_step_is_the_category_not_a_name(service_url: str) -> None:
    slots = {"application_items": ["training"], "requested_slot": "applicant_name"}
    texts, set_slots = await validate("我下岗后登记了失业", "complain", slots)
    assert set_slots.get("person_category") == "registered_unemployed", (texts, set_slots)
    assert set_slots.get("applicant_name") is None and not any("不像是姓名" in t for t in texts)


async def test_a_graduation_year_without_a_category_names_the_graduate(service_url: str) -> None:
    slots = {"application_items": ["training"], "applicant_name": "王芳", "requested_slot": "id_number"}
    texts, set_slots = await validate("我是2023年毕业的", "inform", slots)
    assert set_slots.get("graduation_year") == 2023 and set_slots.get("person_category") == "college_graduate"
