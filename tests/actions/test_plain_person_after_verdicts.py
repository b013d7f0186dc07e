"""After the verdicts, "普通人/一般人/我这种" asking about one item is judged as said, never a neighbour FAQ.

Own invented wording. Someone who answered "都不是" in the check was told the loan is not for them; "普通人能贷款吗"
next (or after a knowledge answer in between) gets that verdict and its reason, not an FAQ about another group.
Where the person worked before ("在东莞厂里干了好多年") is their story: never a question about that place's policy,
nor an aspect question of its own.
"""

from __future__ import annotations

from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.eligibility import own_case
from actions.eligibility.past_places import tells_past_place, without_past_places
from actions.eligibility.situation_questions import aspect_parts
from actions.eligibility.verdicts import NOT_LISTED, for_the_service, none_listed
from tests.actions.conftest import make_tracker, user_event

LOAN = {"entity": "item", "value": "guaranteed_loan", "start": 0, "end": 1}
RESULT = (
    "根据您说的情况，匹配结果如下：\n✅ 申请参加创业培训：可以申请。\n"
    f"❌ 申请创业担保贷款：暂不符合。{NOT_LISTED}\n需要现在帮您申请符合条件的事项吗？"
)


def _after_check(*between: dict[str, Any], said: str = "普通人能贷款吗") -> Tracker:
    """The check answered "都不是" (its slots set, then reset by the result), the result shown, then ``said``."""
    return make_tracker(
        [
            user_event("我能享受哪些扶持", "check_eligibility"),
            {"event": "active_loop", "name": "eligibility_form"},
            {"event": "action", "name": "action_listen"},
            user_event("都不是", "deny"),
            {"event": "slot", "name": "elig_person_category", "value": "other"},
            {"event": "slot", "name": "elig_other_category", "value": "none"},
            {"event": "active_loop", "name": None},
            {"event": "action", "name": "action_show_eligibility"},
            {"event": "bot", "text": RESULT},
            {"event": "slot", "name": "elig_person_category", "value": None},
            {"event": "slot", "name": "elig_other_category", "value": None},
            {"event": "action", "name": "action_listen"},
            *between,
            user_event(said, "ask_question", [LOAN]),
        ]
    )


async def test_a_plain_person_asking_about_the_loan_right_after_the_result_gets_its_verdict(service_url: str) -> None:
    said, _ = await _own_case(_after_check())
    assert "暂不符合" in said and "列明的人员类别" in said, said
    assert not said.startswith("能") and "就业困难人员（含残疾人）在申请范围内" not in said, said


async def _own_case(tracker: Tracker) -> tuple[str, list[dict[str, Any]]]:
    """What the own-case path says (the knowledge answer's first check after the routers): it must judge."""
    dispatcher = CollectingDispatcher()
    events = await own_case.answer(dispatcher, tracker, {})
    assert events is not None, "no verdict"
    return "\n".join(str(m.get("text") or "") for m in dispatcher.messages), events


async def test_an_ordinary_person_asking_after_a_knowledge_answer_still_gets_the_verdict(service_url: str) -> None:
    between = (
        user_event("贴息是怎么回事", "ask_question"),
        {"event": "action", "name": "action_answer_question"},
        {"event": "bot", "text": "财政贴息：借款人只承担LPR减150个基点以下的部分。"},
        {"event": "bot", "text": None, "data": {"custom": {"answer_feedback": {"status": "faq"}}}},
        {"event": "action", "name": "action_listen"},
    )
    said, _ = await _own_case(_after_check(*between, said="那一般人可以贷款吗"))
    assert "暂不符合" in said and "列明的人员类别" in said, said


def test_none_of_the_groups_is_never_sent_to_the_service_and_rules_the_item_out() -> None:
    profile = {"person_category": "other", "other_category": "none"}
    assert for_the_service(profile) == {"person_category": "other"}
    undecided = {"code": "guaranteed_loan", "qualifies": False, "reason": "还需要知道：…"}
    undecided["missing"] = ["other_category"]
    kept = {"code": "training", "qualifies": True, "reason": "可以申请。", "missing": []}
    assert none_listed([undecided, kept], profile) == [{**undecided, "reason": NOT_LISTED}, kept]
    assert none_listed([undecided], {"person_category": "other"}) == [undecided]  # nothing said about the groups


def test_where_one_worked_is_the_persons_story() -> None:
    assert tells_past_place("在江西南昌上了五年班")
    assert tells_past_place("我在东莞厂里干了好多年")
    assert not tells_past_place("广东的返乡补贴有多少")
    assert without_past_places("来电人在浙江宁波打了八年工,回来想开个奶茶店,问怎么办营业执照") == (
        "回来想开个奶茶店,问怎么办营业执照"
    )
    # dictated without punctuation: the place worked in leaves, the question stays
    assert without_past_places("我在福建打了七年工今年回来想在村里搞个养鸡场有么子政策") == (
        "我今年回来想在村里搞个养鸡场有么子政策"
    )
    assert without_past_places("福建的返乡创业补贴有多少") == "福建的返乡创业补贴有多少"  # that place's policy, asked
    # "打了几年工" asks no term: the subsidy's amount is the verdict's, no aspect question is left over
    assert aspect_parts("我在广东打了几年工,现在回来了,创业补贴有多少") == []
    assert aspect_parts("我在广东打了几年工,现在回来了,创业补贴有多少,要带什么材料") == ["要带什么材料"]
