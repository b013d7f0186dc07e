"""Question words in dialect, tag questions, two questions in one, and the routers' guards (ninth analysis C1-C4, C7).

Every wording here is invented. A question about a thing is answered, never turned into a form: "补贴能拿好多"
asks how much, "培训收费不" whether; "我老公能帮我看进度不" asks who may look; "既没下岗也不是退役军人" names no
category; "公司法人变更要啥材料" is not part of the bundle.
"""

from datetime import date

import pytest

from actions.conversation import question_shape
from actions.conversation.routing import ActionRouteEligibility, ActionRouteOverview, ActionRouteProgress
from actions.eligibility import situation
from actions.eligibility.eligibility_router import COMPANY_CHANGE
from actions.progress.progress_router import asks_who_may_check
from tests.actions.conftest import make_form_tracker
from tests.actions.test_routing import followup, route


@pytest.mark.parametrize(
    "text",
    [
        "创业补贴到手能有好多",
        "这个贷款贷得到好多钱",
        "孵化基地最长能待好多年",
        "审批下来要等好久咯",
        "办执照要好多天",
        "培训交钱不",
        "入驻基地收租金不",
        "我这情况贷得下来不",
        "补贴发下来没",
        "执照批下来没有",
    ],
)
def test_dialect_how_much_and_tag_questions_are_questions(text: str) -> None:
    assert question_shape.is_question(text)


@pytest.mark.parametrize(
    "text",
    [
        "好多人都在排队",
        "我等了好久",
        "开了有好多年了",
        "先不",
        "当然不",
        "暂时不",
        "我还没有",
        "好久不见",
        "花了好多钱",
    ],
)
def test_counts_complaints_and_plain_noes_are_no_questions(text: str) -> None:
    assert not question_shape.is_question(text)


@pytest.mark.parametrize(
    ("text", "parts"),
    [
        ("哪个部门审、要审几天", ["哪个部门审", "要审几天"]),
        ("场地能免费用几年和房租怎么减", ["场地能免费用几年", "房租怎么减"]),
        ("报名要带什么材料以及多久开班", ["报名要带什么材料", "多久开班"]),
        ("客户是下岗工人，想开早餐店，问补贴多少、多久能到账", ["想开早餐店，补贴多少", "多久能到账"]),
    ],
)
def test_two_questions_joined_by_a_conjunction_are_both_asked(text: str, parts: list[str]) -> None:
    assert question_shape.questions(text) == parts


@pytest.mark.parametrize(
    "text",
    [
        "补贴和贷款分别多少",  # two nouns, one question
        "这几个事项的办理时限分别是多少天",  # 分别 asks one thing of each
        "户口本、身份证都要带吗",
        "审批多久和孵化多久有啥不同",  # a comparison stays whole
        "社保登记和税务登记是不是一个部门",
    ],
)
def test_one_question_about_two_things_stays_one(text: str) -> None:
    assert question_shape.questions(text) == [text]


@pytest.mark.parametrize(
    "text",
    [
        "我在超市打工，既没下岗也不是退伍的，能贷款吗",
        "我不是大学生、也不算困难人员，有补贴吗",
        "没当过兵，也没登记失业，就想开个小店",
    ],
)
def test_groups_all_denied_make_the_person_other(text: str) -> None:
    named = [("大学生", "college_graduate"), ("困难人员", "employment_difficulty")]
    entities = [
        {"entity": "person_category", "value": code, "start": text.index(word), "end": text.index(word) + len(word)}
        for word, code in named
        if word in text
    ]
    assert situation.read(text, entities, date(2026, 12, 7)).profile.get("person_category") == "other"


def test_a_group_said_after_a_denial_of_another_is_kept() -> None:
    read = situation.read("我不是大学生，是退伍回来的", [], date(2026, 12, 7))
    assert read.profile.get("person_category") == "veteran"
    assert situation.read("没想到退役以后开店这么难", [], date(2026, 12, 7)).profile["person_category"] == "veteran"


def test_someone_else_looking_at_the_application_is_a_question() -> None:
    assert asks_who_may_check("我媳妇能替我看看办件进度不")
    assert asks_who_may_check("家里人可不可以帮我查进度")
    assert not asks_who_may_check("帮我查一下进度")


def test_company_changes_are_named() -> None:
    assert COMPANY_CHANGE.search("公司的法定代表人要换人咋弄")
    assert COMPANY_CHANGE.search("我们想给公司增资需要什么")
    assert not COMPANY_CHANGE.search("我想开个公司，能贷款吗")


async def test_someone_else_checking_progress_gets_no_form(knowledge_service: str) -> None:
    text, events = await route(
        ActionRouteProgress(), make_form_tracker("我老婆能不能帮我查办件进度", "check_progress", {})
    )
    assert followup(events) != "progress_form" and text and "请发送申请编号" not in text


async def test_a_company_change_gets_no_verdict(knowledge_service: str) -> None:
    text, events = await route(
        ActionRouteEligibility(), make_form_tracker("公司股东要变更需要准备些啥", "check_eligibility", {})
    )
    assert followup(events) is None and "按您说的情况" not in text and text


async def test_a_specific_question_read_as_the_overview_is_answered(knowledge_service: str) -> None:
    text, _ = await route(
        ActionRouteOverview(), make_form_tracker("三个人合伙养鸭子能注册成什么", "ask_bundle_overview", {})
    )
    assert "共8项" not in text and text


@pytest.mark.parametrize("text", ["网上和窗口填的是同一张表吗", "刚到长沙的人在哪落地"])
async def test_a_where_question_with_its_own_subject_is_searched_not_given_the_entry_points(
    text: str, knowledge_service: str
) -> None:
    said, _ = await route(ActionRouteOverview(), make_form_tracker(text, "ask_bundle_overview", {}))
    assert said and "湘易办App或湘易办小程序" not in said  # the entry points answer no such question
