"""The aspect or party asked is answered first and alone; another bundle is declined (fourteenth analysis, kb18).

Decisions D3–D6: a reader who stops at the first figure has read the one asked (the time cut, not the materials';
a person's term, not the enterprise's). E1/E2/E0: which courses, a person's limit, the personal 8%, a bare 补贴 +
多少, the licence by post. E5: "X一件事" names another bundle, declined by name where an out-of-scope example scores
alike.
"""

import pytest

from bundle_service.knowledge.service import KnowledgeBase


def first_line(kb: KnowledgeBase, question: str, item: str | None = None) -> str:
    result = kb.search(question, item=item, record_unanswered=False)
    return result.answer.splitlines()[0]


@pytest.mark.parametrize(
    ("question", "item", "starts"),
    [
        ("办理时间缩短了多少", None, "办理时间压缩44%以上"),
        ("办事时间比以前快了多少", None, "办理时间压缩44%以上"),
        ("我自己贷款最长能贷几年", None, "个人最长3年"),
        ("担保贷款个人额度上限", "guaranteed_loan", "个人最高20万元"),
        ("创业补贴公示几天", "startup_subsidy", "审核结果公示5个工作日"),
    ],
)
def test_the_asked_figure_comes_first(kb: KnowledgeBase, question: str, item: str | None, starts: str) -> None:
    assert first_line(kb, question, item).startswith(starts)


def test_a_persons_term_leaves_the_enterprises_out(kb: KnowledgeBase) -> None:
    assert "2年" not in first_line(kb, "我自己贷款最长能贷几年")
    assert "300万" not in first_line(kb, "担保贷款个人额度上限", "guaranteed_loan")


def test_materials_still_lead_a_materials_question(kb: KnowledgeBase) -> None:
    assert first_line(kb, "材料少了多少").startswith("需要提交的材料减少93%以上")


@pytest.mark.parametrize(
    ("question", "item", "fact"),
    [
        ("有什么培训可以参加", None, "SYB"),
        ("自己缴的那部分是不是8%", None, "8%记入个人账户"),
        ("补贴能领多少", "startup_subsidy", "5000元"),  # the bot sends the item its NLU tags on 补贴
        ("执照是寄给我还是我自己跑去领", None, "邮寄"),
    ],
)
def test_the_aspect_asked_is_answered(kb: KnowledgeBase, question: str, item: str | None, fact: str) -> None:
    assert fact in first_line(kb, question, item)


@pytest.mark.parametrize("question", ["婚育一件事怎么办", "退休一件事在哪办"])
def test_another_bundle_is_declined_by_name(kb: KnowledgeBase, question: str) -> None:
    result = kb.search(question, record_unanswered=False)
    assert result.status == "not_found"
    assert result.declined.endswith("一件事")


@pytest.mark.parametrize(
    "question",
    [
        "个人创业一件事怎么办",
        "创业一件事在哪办",
        "这一件事要多久",
        "湘易办小程序一件事专区在哪",
        "担保贷款走一件事审批能快多少",
    ],
)
def test_our_own_bundle_is_answered(kb: KnowledgeBase, question: str) -> None:
    assert kb.search(question, record_unanswered=False).status == "faq"
