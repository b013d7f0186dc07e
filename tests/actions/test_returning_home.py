"""A returning migrant worker said in words (tenth analysis A2) and coming back home as a hint only (decision D2)."""

import pytest

from actions.application.form_labels import read_labelled
from actions.eligibility import situation


@pytest.mark.parametrize(
    "said",
    [
        "在深圳打了八年工回醴陵了",
        "在外务工多年，去年回到攸县",
        "打工十年回了长沙，想开个店",
        "在广东厂里干了五年回衡阳县了",
        "在外打拼几年回湖南了",
        "我从外省打工回来了",
    ],
)
def test_worked_elsewhere_and_came_back_is_the_category(said: str) -> None:
    assert situation.described_category(said) == "returning_migrant_worker"
    assert not situation.came_back(said)  # the category itself, no question about it
    assert read_labelled(said, []).values.get("person_category") == "returning_migrant_worker"


@pytest.mark.parametrize(
    "said",
    ["从福建回到衡阳县，打算开个早餐铺", "刚从外地回来，想开个小店", "回老家了准备养鸡", "从深圳回来想在浏阳开个民宿"],
)
def test_only_coming_back_is_a_hint_never_the_category(said: str) -> None:
    assert situation.described_category(said) is None
    assert situation.came_back(said)
    assert "person_category" not in read_labelled(said, []).values


@pytest.mark.parametrize(
    "said", ["下班回家", "回到家里", "我在长沙上班", "我想回长沙开店", "没回老家", "在外面读了四年大学回来了"]
)
def test_no_return_and_no_work_elsewhere(said: str) -> None:
    assert situation.described_category(said) is None
    assert not situation.came_back(said)


def test_a_veteran_coming_back_is_a_veteran() -> None:
    assert situation.described_category("从部队回来两年了") == "veteran"
    assert not situation.came_back("从部队回来两年了")
