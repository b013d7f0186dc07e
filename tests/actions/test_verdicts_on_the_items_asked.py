"""Verdicts on the items asked, and the other questions answered beside them (tenth sets' B2, ninth's leftover).

"贷款能贷多少？补贴能领吗？" asks about the loan too (borrowing is the guaranteed loan, tagged or not);
"执照还没办，我都能享受哪些" asks about every item (the licence is a fact); "来电人是…，问补贴能不能领、要带什么
材料" gets the verdict and the materials. A housing loan still being repaid is no loan asked about.
"""

from typing import Any

import pytest

from actions.eligibility.situation_questions import aspect_parts
from actions.eligibility.what_is_asked import items_asked


def tagged(text: str, *named: tuple[str, str]) -> list[dict[str, Any]]:
    return [
        {"entity": "item", "value": code, "start": text.index(word), "end": text.index(word) + len(word)}
        for word, code in named
    ]


@pytest.mark.parametrize(
    ("text", "named", "asked"),
    [
        (
            "我是留学回来的，准备开个设计工作室，贷款能贷多少？补贴能领吗？",
            [("补贴", "startup_subsidy")],
            ["guaranteed_loan", "startup_subsidy"],
        ),
        ("退役军人想借点钱开店，能借多少", [], ["guaranteed_loan"]),
        ("我有房贷还没还完，能领补贴吗", [("补贴", "startup_subsidy")], ["startup_subsidy"]),
        ("借鉴一下别人的经验，补贴能领吗", [("补贴", "startup_subsidy")], ["startup_subsidy"]),
        ("当过兵，想开个洗车店，执照还没办，我都能享受哪些", [("执照", "business_registration")], []),
        ("营业执照已经办好了，我还能申请哪些", [("营业执照", "business_registration")], []),
        ("还没领执照，能享受哪些", [("执照", "business_registration")], []),
        ("执照还没有，我能享受哪些", [("执照", "business_registration")], []),
        ("我是登记失业人员 个体户开了一年半了 有什么补贴没有", [("补贴", "startup_subsidy")], ["startup_subsidy"]),
        ("我想办执照，还能享受哪些", [("执照", "business_registration")], ["business_registration"]),
        (
            "执照没办下来之前能申请补贴吗",
            [("执照", "business_registration"), ("补贴", "startup_subsidy")],
            ["business_registration", "startup_subsidy"],
        ),
    ],
)
def test_the_items_a_situation_asks_about(text: str, named: list[tuple[str, str]], asked: list[str]) -> None:
    assert items_asked(text, tagged(text, *named)) == asked


@pytest.mark.parametrize(
    ("text", "parts"),
    [
        ("来电人是去年毕业的大学生，想开奶茶店，问补贴能不能领、要带什么材料", ["要带什么材料"]),
        ("来电人是登记失业人员，想开个小超市，问能不能贷款、多久能批下来", ["多久能批下来"]),
        ("来电人是退役军人，打算开汽修店，问补贴有多少、去哪里申请", ["去哪里申请"]),
        ("我是退役军人，补贴能领吗", []),
        ("来电人是退役军人，想开个汽修店，问额度多少、能贷几年", ["能贷几年"]),
    ],
)
def test_the_questions_beside_the_verdict(text: str, parts: list[str]) -> None:
    assert aspect_parts(text) == parts


VERDICT = "按您说的情况：\n❌ 创业补贴申领：暂不符合。经营主体须正常经营满1年，目前经营了6个月。"


def after_verdict(said: str) -> Any:
    from tests.actions.conftest import make_tracker, user_event

    events: list[dict[str, Any]] = [
        user_event("我是登记失业人员，店开了半年，补贴能领吗", "check_eligibility"),
        {"event": "action", "name": "action_route_eligibility"},
        {"event": "bot", "text": VERDICT},
        {"event": "action", "name": "action_listen"},
        user_event(said, "check_eligibility"),
    ]
    return make_tracker(events)


@pytest.mark.parametrize(
    ("said", "items", "asked"),
    [
        ("行吧，等满了一年能拿多少", ["startup_subsidy"], "一次性创业补贴有多少钱"),
        ("那能贷多少", ["guaranteed_loan"], "创业担保贷款个人最多贷多少"),
        ("那我开了两年了能拿多少", ["startup_subsidy"], None),  # new facts: judged again
        ("那要带什么材料", ["startup_subsidy"], None),  # no amount asked
        ("能拿多少", ["startup_subsidy", "guaranteed_loan"], None),  # several items: the verdict
        ("好吧，那到时候能领多少", ["business_registration"], "一次性创业补贴有多少钱"),  # money received: the subsidy
    ],
)
async def test_how_much_right_after_a_verdict_is_the_judged_items_amount(
    monkeypatch: pytest.MonkeyPatch, said: str, items: list[str], asked: str | None
) -> None:
    from actions.eligibility import situation_questions
    from actions.knowledge import searching

    searched: list[str] = []

    async def search(tracker: Any, query: str = "", item: str | None = None, **_: Any) -> dict[str, Any]:
        searched.append(query)
        return {"status": "faq", "answer": "一次性创业补贴5000元。"}

    monkeypatch.setattr(searching, "search", search)
    reply = await situation_questions.amount_after_verdict(after_verdict(said), items)
    assert searched == ([asked] if asked else [])
    assert (reply is not None) is bool(asked) and (not reply or "5000元" in reply)


@pytest.mark.parametrize(
    ("text", "named", "taken"),
    [
        ("来电人是退役军人，打算开汽修店，问补贴有多少、去哪里申请", [("补贴", "startup_subsidy")], True),
        ("我是登记失业人员，想开个小超市，能贷款吗？多久能批下来？", [], True),
        ("我家是脱贫户 想在村里养鸡 能申请创业担保贷款吗 最多贷多少", [("创业担保贷款", "guaranteed_loan")], False),
        ("补贴能领多少？要带什么材料？", [("补贴", "startup_subsidy")], False),  # nothing said about the person
        ("我是退役军人，补贴能领吗", [("补贴", "startup_subsidy")], False),  # one question: the verdict alone
    ],
)
def test_a_situation_with_several_questions_is_judged_only_with_a_question_beside_the_verdict(
    text: str, named: list[tuple[str, str]], taken: bool
) -> None:
    from datetime import date

    from actions.eligibility.situation_questions import verdict_asked
    from tests.actions.conftest import make_tracker, user_event

    tracker = make_tracker([user_event(text, "ask_question", tagged(text, *named))])
    assert (verdict_asked(tracker, date(2026, 12, 7)) is not None) is taken
