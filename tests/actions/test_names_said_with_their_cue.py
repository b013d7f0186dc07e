"""The applicant's name and a bare "其他" in a list of fields (twelfth analysis A1, A2).

After an explicit cue (我叫/名字是/姓名) the cue is the evidence: a name whose surname the list lacks is read; voice
fillers between the cue and the name are dropped; "姓X，X…" gives the full name; a name said without punctuation
ends where the person's next words start (退伍, 身份证 …); "名字叫X" opening a new part of a message about a shop is
the person's unless a shop's or project's word is right before it. A list part that is only 其他/都不是 is the category.
"""

from typing import Any

import pytest

from actions.application.form_guard import plausible_name
from actions.application.form_labels import read_labelled
from tests.actions.test_application_form import validate

ID = "430104199205126617"
PHONE = "18874561230"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("我叫谌丽华，之前在部队待过", "谌丽华"),  # 谌: a Hunan surname the list lacked
        (f"名字是禤国栋，身份证{ID}", "禤国栋"),
        (f"我叫仉小米，手机{PHONE}", "仉小米"),
        ("姓名：旷雨婷", "旷雨婷"),
        ("姓覃 覃玉兰", "覃玉兰"),
        ("我姓龙，龙晓东", "龙晓东"),
        (f"我叫那个蓝天佑 身份证{ID}", "蓝天佑"),
        ("我叫 就是 彭海燕", "彭海燕"),
        (f"名字是嗯，邹春来，手机{PHONE}", "邹春来"),
        (f"我叫谌志勇退伍两年了想开个修车铺身份证{ID}手机{PHONE}", "谌志勇"),
        (f"我叫卿文当过兵身份证{ID}", "卿文"),
        ("我们在县城开了个洗车店，干了一年多，想办补贴，名字叫易国庆", "易国庆"),
    ],
)
def test_a_name_after_its_cue_is_read(text: str, name: str) -> None:
    assert read_labelled(text, []).values.get("applicant_name") == name


@pytest.mark.parametrize(
    "text",
    [
        "我叫创业补贴",  # an item, not a name
        "我叫脱贫户",  # a category
        "名字是长沙市",  # a place
        "我们在县城开了个洗车店，名字叫易国庆",  # the shop right before the cue: the shop's name
        "准备开个奶茶店，项目名字叫王记",
    ],
)
def test_a_word_after_a_cue_that_is_no_persons_name_is_not_read(text: str) -> None:
    assert "applicant_name" not in read_labelled(text, []).values


def test_the_cue_stands_for_the_surname_list_only_after_it() -> None:
    assert plausible_name("谌丽华") and not plausible_name("谁丽华")
    assert "applicant_name" not in read_labelled(f"谁丽华，{ID}", []).values


@pytest.mark.parametrize("other", ["其他", "其它", "都不是", "普通人"])
def test_a_bare_other_in_a_list_of_fields_is_the_category(other: str) -> None:
    text = f"{ID}，{PHONE}，{other}，项目阳光洗车，汽车服务，个体户，株洲市荷塘区新华路12号"
    assert read_labelled(text, []).values.get("person_category") == "other"


def test_other_said_inside_a_sentence_is_no_category() -> None:
    assert "person_category" not in read_labelled(f"还有其他要填的吗，手机{PHONE}", []).values


async def test_at_the_name_step_a_filled_cue_name_is_taken_and_the_step_moves_on(service_url: str) -> None:
    slots: dict[str, Any] = {"application_items": ["training"], "requested_slot": "applicant_name"}
    texts, set_slots = await validate("我叫 那个 谌丽华", "inform", slots)
    assert set_slots.get("applicant_name") == "谌丽华", texts
    assert set_slots.get("requested_slot") != "applicant_name"
    assert not any("不像是" in text for text in texts), texts
