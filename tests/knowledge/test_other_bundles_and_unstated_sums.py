"""Another "一件事" is declined by name; the licence's delivery, a loan's smallest sum and a fee are answered honestly.

The province runs many bundles; asked about another one ("注销一件事", "企业开办一件事"), the reply says it is not
ours and what ours holds, never our entry points, days or items. Whether one fetches the licence oneself is its
delivery (electronic, paper by post), not whether the bundle registers a business. The policy states the loan's
upper limits only and no fee: a smallest sum or a fee asked gets "没有写明" and who to ask, not the nearest rule.
"""

import pytest

from bundle_service.knowledge.service import KnowledgeBase


def answer(kb: KnowledgeBase, question: str, item: str | None = None) -> str:
    return kb.search(question, item=item, record_unanswered=False).answer


@pytest.mark.parametrize(
    ("question", "bundle"),
    [
        ("个体户注销一件事要跑哪里", "个体户注销一件事"),
        ("企业开办一件事大概几天能办完", "企业开办一件事"),
        ("你们这里能办婚育“一件事”吗", "婚育一件事"),
        ("新生儿出生一件事要什么材料", "新生儿出生一件事"),
    ],
)
def test_another_bundle_is_declined_by_name(kb: KnowledgeBase, question: str, bundle: str) -> None:
    result = kb.search(question, record_unanswered=False)
    assert result.status == "not_found"
    assert f"“{bundle}”是另一项“一件事”服务" in result.answer
    assert "8个事项" in result.answer
    assert "20个工作日" not in result.answer


@pytest.mark.parametrize(
    "question",
    ["个人创业一件事去哪里申请", "创业一件事总共几天办完", "贷款也走一件事办吗", "我想开公司一件事能办吗"],
)
def test_our_own_bundle_is_never_declined(kb: KnowledgeBase, question: str) -> None:
    assert "另一项“一件事”服务" not in answer(kb, question)


@pytest.mark.parametrize("question", ["营业执照要本人跑去领取吗", "执照下来以后用不用自己去拿"])
def test_fetching_the_licence_is_its_delivery(kb: KnowledgeBase, question: str) -> None:
    assert "邮寄" in answer(kb, question).splitlines()[0]


@pytest.mark.parametrize(("question", "item"), [("担保贷款最低能贷多少", None), ("起贷金额是多少", "guaranteed_loan")])
def test_the_smallest_loan_is_not_stated(kb: KnowledgeBase, question: str, item: str | None) -> None:
    said = answer(kb, question, item)
    assert "没有写明" in said
    assert "最低金额" in said


def test_the_largest_loan_is_still_answered(kb: KnowledgeBase) -> None:
    assert "20万" in answer(kb, "担保贷款个人最高能贷多少").splitlines()[0]


@pytest.mark.parametrize(
    ("question", "item"), [("办个营业执照得花多少钱", None), ("营业执照有多少钱", "business_registration")]
)
def test_a_fee_is_not_stated(kb: KnowledgeBase, question: str, item: str | None) -> None:
    said = answer(kb, question, item)
    assert "没有写明办理要不要交费" in said
    assert "湘易办" not in said  # not where to get it


def test_the_subsidy_sum_is_no_fee(kb: KnowledgeBase) -> None:
    assert "5000元" in answer(kb, "创业补贴能领多少钱", "startup_subsidy")


def test_a_training_subsidy_question_gets_the_free_course(kb: KnowledgeBase) -> None:
    assert "免费" in answer(kb, "参加创业培训给不给补贴", "training").splitlines()[0]


@pytest.mark.parametrize(
    ("question", "item"), [("创业担保贷款能不能提早还清", None), ("没到期想先还了行吗", "guaranteed_loan")]
)
def test_early_repayment_is_not_stated_and_names_the_bank(kb: KnowledgeBase, question: str, item: str | None) -> None:
    said = answer(kb, question, item)
    assert "没有写明" in said
    assert "经办银行" in said


def test_another_loans_early_repayment_stays_declined(kb: KnowledgeBase) -> None:
    assert kb.search("房贷能提前还吗", record_unanswered=False).status == "not_found"
