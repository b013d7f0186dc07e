"""Opening messages read right (issue 12 "Forms"); own invented wording.

"我是牵头人，叫X" after words about a cooperative names the applicant, not the project, and "其他人员" in a list is
who the person is, never an industry. English words for the registration ("register a business", "business
license") choose the registration item as their Chinese names do.
"""

from __future__ import annotations

from typing import Any

import pytest

from actions.application.application_seed import seeded_values
from actions.application.form_items import items_in_words
from actions.application.form_labels import read_labelled
from contract.english_words import chinese_words
from tests.actions.conftest import make_tracker, user_event


def _opening(text: str, intent: str = "start_application", entities: list[dict[str, Any]] | None = None) -> Any:
    """The tracker after one opening message, its text as the NLU's normaliser reads it (English words in Chinese)."""
    event = user_event(text, intent, entities)
    event["parse_data"]["text"] = chinese_words(text)
    return make_tracker([event])


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("我们三家打算一起办个养蜂合作社，我是牵头人，叫覃大勇，其他人员", "覃大勇"),
        ("村里几户准备成立种植合作社种茶叶，我是负责人，叫龙小燕", "龙小燕"),
        ("想开个农家乐，本人是法人，叫田桂香，身份证430521198804042233", "田桂香"),
    ],
)
def test_a_speaker_named_after_their_role_is_the_applicant(text: str, name: str) -> None:
    """The name after "我是牵头人，叫…" is the applicant's; no project is made of it."""
    values, _ = seeded_values(_opening(text))
    assert values.get("applicant_name") == name, values
    assert values.get("project_name") != name, values


def test_other_people_is_the_category_never_an_industry() -> None:
    """ "其他人员" at the end of the opening is the category 其他; no industry is stored from it."""
    values, _ = seeded_values(_opening("我们三家打算一起办个养蜂合作社，我是牵头人，叫覃大勇，其他人员"))
    assert values.get("person_category") == "other", values
    assert "industry" not in values, values


@pytest.mark.parametrize("category", ["其他人员", "其他", "都不是"])
def test_a_category_after_the_project_is_no_industry(category: str) -> None:
    """A bare category said right after the project's name in a list is no industry."""
    found = read_labelled(f"开了家烧烤店，叫老码头烧烤，{category}", [])
    assert found.values.get("project_name") == "老码头烧烤", found.values
    assert "industry" not in found.values, found.values


@pytest.mark.parametrize(
    "text",
    [
        "我是开奶茶店的，叫茶语时光",  # a clause of the business before 叫: the shop's name
        "我们想成立合作社，我是负责人，叫湘西山韵合作社",  # a registered name after the role: the project's
    ],
)
def test_a_business_name_after_words_of_the_business_stays_the_project(text: str) -> None:
    """Only a person's name after a role is the applicant's; a shop's or a cooperative's name stays the project."""
    found = read_labelled(text, [])
    assert "applicant_name" not in found.values, found.values
    assert found.values.get("project_name"), found.values


@pytest.mark.parametrize(
    ("english", "chinese"),
    [
        ("我想register a business", "我想经营主体登记注册"),
        ("I want to register my business", "我想 经营主体登记注册"),
        ("帮我办个Business License", "帮我办个营业执照"),
        ("business licence要多久", "营业执照要多久"),
        ("想register一个business卖茶叶", "想注册一个生意卖茶叶"),
    ],
)
def test_english_words_of_the_registration_read_as_chinese(english: str, chinese: str) -> None:
    """The registration's English names are read as the item's Chinese names."""
    assert chinese_words(english) == chinese


@pytest.mark.parametrize(
    "text", ["想register一个business卖茶叶", "打算register个business", "准备register一个company做外贸"]
)
def test_a_business_registered_in_english_chooses_the_registration(text: str) -> None:
    """ "Register a business/company" chooses the registration, whatever the business's type."""
    assert "business_registration" in items_in_words(chinese_words(text), [])


def test_an_english_opening_seeds_the_registration() -> None:
    """The opening's registration wish in English is the item the form starts with."""
    _, items = seeded_values(_opening("你好，想register一个business做跨境电商", intent="inform"))
    assert "business_registration" in items
