"""A progress light asked with the numbers that decide it is worked out by bundle.md's rule (pure, no model).

Green while more than 1 working day is left, yellow with 1 or less, red when overdue; a limit not stated is the
named item's statutory limit. A light's meaning asked without numbers keeps the FAQ's answer. Wordings invented.
"""

from pathlib import Path

import pytest

from bundle_service.knowledge.answers import compose
from bundle_service.knowledge.asking import Rules
from bundle_service.knowledge.lights import judged, number
from bundle_service.knowledge.ranking import decide
from tests.knowledge.test_fit import RULE, hit

RULES = Rules.load(Path(__file__).resolve().parents[2] / "knowledge_base")
YELLOW = hit("faq-036", 0.76, "为什么变成黄灯了？", "黄灯表示只剩1个工作日或更少；超过1个为绿灯，超期为红灯。", "")
LOAN_DAYS = hit("faq-116", 0.79, "担保贷款多久能批下来？", "法定时限15个工作日。")


@pytest.mark.parametrize(("text", "value"), [("3", 3), ("十五", 15), ("二十", 20), ("两", 2), ("十", 10), ("五", 5)])
def test_numbers(text: str, value: int) -> None:
    assert number(text) == value


@pytest.mark.parametrize(
    ("question", "items", "light"),
    [
        ("时限是十个工作日，已经过了三个工作日，现在什么灯", set(), "绿灯"),
        ("孵化基地入驻申请办了9个工作日了，亮的啥灯", {"incubator"}, "黄灯"),  # limit 10 from the catalogue
        ("纳税人信息确认今天刚受理，会是什么颜色", {"taxpayer_confirmation"}, "黄灯"),  # a one-day item
        ("离时限还剩4个工作日，显示什么灯", set(), "绿灯"),
        ("时限3个工作日，已经过了5个工作日，什么灯", set(), "红灯"),
        ("我那项早就超期了，是什么灯", set(), "红灯"),
    ],
)
def test_the_light_the_numbers_decide(question: str, items: set[str], light: str) -> None:
    said = judged(question, frozenset(items))
    assert light in said and sum(colour in said for colour in ("红灯", "黄灯", "绿灯")) == 1


@pytest.mark.parametrize(
    "question",
    [
        "黄灯是啥意思",  # the meaning: the FAQ answers
        "亮黄灯了是不是已经超期了",  # a colour's meaning asked, no fact to judge
        "担保贷款要多少个工作日",  # no light asked
        "现在亮的什么灯",  # no numbers
        "时限15个工作日是什么灯",  # the days gone unknown
    ],
)
def test_no_light_without_the_numbers(question: str) -> None:
    assert judged(question) == ""


def test_the_light_asked_outranks_the_items_time_limit() -> None:
    question = RULES.question("创业担保贷款过了2个工作日了，现在亮的什么灯")
    decision = decide([LOAN_DAYS, YELLOW], RULE, RULES.asked(question))
    assert decision.best == YELLOW
    reply = compose(decision, RULES.asked(question))
    assert "还剩13个工作日" in reply and "绿灯" in reply and "黄灯" not in reply and "faq-036" in reply
