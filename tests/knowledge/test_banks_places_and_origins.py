"""Look-alikes the policy does not answer (twelfth analysis E5, eleventh's open items), in our own wordings.

A bank's own loan product ("工行的经营贷能批多少") is declined by its name, never answered with the guaranteed loan's
20万; a window's or a reception station's street address, floor, exit or opening hours, and the year the bundle
began or the document behind it, are not stated: said honestly with who to ask, never the nearest FAQ. A bank
before 贷/贷款 with 的/那个 between is its product too ("微众银行的贷款", thirteenth E5), 网商银行 is never the online
merchants of 网商; "能领多少补贴" names no scheme "多少补贴"; "手里有几万块存款" tells an amount, it asks none.
"""

from pathlib import Path

import pytest

from bundle_service.knowledge.asking import Rules
from bundle_service.knowledge.combined import Combined
from bundle_service.knowledge.figures import Figures
from bundle_service.knowledge.schemes import OtherSchemes
from bundle_service.knowledge.service import KnowledgeBase

ROOT = Path(__file__).resolve().parents[2]
KNOWLEDGE = ROOT / "knowledge_base"


@pytest.fixture(scope="module")
def schemes() -> OtherSchemes:
    combined = Combined.load(KNOWLEDGE / "combined_questions.yml", ROOT / "nlu_data" / "gazetteer" / "item.yml")
    return OtherSchemes.load(KNOWLEDGE / "other_schemes.yml", tuple(combined.aliases))


@pytest.fixture(scope="module")
def rules() -> Rules:
    return Rules.load(KNOWLEDGE)


@pytest.mark.parametrize(
    ("text", "named"),
    [
        ("工行的经营贷能批多少", "工行经营贷"),
        ("建设银行那个快贷利息几厘", "建设银行快贷"),
        ("农商行信用贷和你们的贷款是一回事吗", "农商行信用贷"),
    ],
)
def test_a_banks_own_product_is_named(schemes: OtherSchemes, text: str, named: str) -> None:
    assert schemes.listed(text) == named
    assert "银行" in schemes.department(named)


@pytest.mark.parametrize("text", ["农行能办创业担保贷款吗", "经办银行是哪几家", "担保贷款最多贷多少"])
def test_a_bank_alone_or_our_loan_names_no_product(schemes: OtherSchemes, text: str) -> None:
    assert schemes.listed(text) == ""


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("创业服务窗口的具体地址是哪里", "place_detail"),
        ("黄花机场的接待站在几号出口", "place_detail"),
        ("高铁南站那个驿站在几楼", "place_detail"),
        ("窗口周末开门吗", "opening_hours"),
        ("政务大厅几点上班", "opening_hours"),
        ("创业一件事是哪年开始搞的", "policy_origin"),
        ("这个一件事的文号是多少", "policy_origin"),
    ],
)
def test_details_the_policy_does_not_state_are_asked_as_figures(rules: Rules, text: str, kind: str) -> None:
    assert kind in {k.name for k in rules.figures.asked_in(text).kinds}


@pytest.mark.parametrize(
    "text", ["创业服务窗口在哪", "周末算不算工作日", "办理流程怎么走", "要带什么文件", "孵化基地入驻要多久"]
)
def test_ordinary_questions_ask_none_of_them(rules: Rules, text: str) -> None:
    assert not {"place_detail", "opening_hours", "policy_origin"} & {k.name for k in rules.figures.asked_in(text).kinds}


@pytest.mark.parametrize(
    "text",
    [
        "省政务服务大厅创业窗口在哪条路上",
        "长沙南站的创业接待站从哪个出口出去",
        "创业服务窗口星期六开门吗",
        "个人创业一件事是哪一年出台的",
    ],
)
def test_through_the_search_they_are_not_answered(kb: KnowledgeBase, text: str) -> None:
    result = kb.search(text, record_unanswered=False)
    assert result.status == "not_found", (text, result.answer)
    assert "窗口" in result.answer or "转人工" in result.answer  # who to ask


def test_a_banks_product_is_declined_through_the_search(kb: KnowledgeBase) -> None:
    result = kb.search("建行的快贷最高能贷多少万", record_unanswered=False)
    assert result.status == "not_found" and "建行快贷" in result.answer and "20万" not in result.answer


@pytest.mark.parametrize(
    ("text", "named"),
    [
        ("微众银行的贷款好批吗", "微众银行贷款"),
        ("网商银行那个贷款利息高不高", "网商银行贷款"),
        ("长沙银行这款贷能借几年", "长沙银行贷款"),
    ],
)
def test_a_bank_before_its_loan_is_that_banks_product(schemes: OtherSchemes, text: str, named: str) -> None:
    assert schemes.named(text) == named
    assert "银行" in schemes.department(named)


@pytest.mark.parametrize(
    "text", ["邮储银行的贷款是不是就是创业担保贷款", "在农行能办担保贷款吗", "我是做网商的能贷款吗"]
)
def test_our_loan_through_a_bank_or_an_online_merchant_names_no_product(schemes: OtherSchemes, text: str) -> None:
    assert schemes.listed(text) == ""


@pytest.mark.parametrize("text", ["营业执照下来后能领多少补贴", "一次性补贴有几多", "开店能拿好多补贴"])
def test_a_question_word_before_the_subsidy_names_no_scheme(schemes: OtherSchemes, text: str) -> None:
    assert schemes.named(text) == ""


def test_an_amount_told_asks_for_no_figure() -> None:
    figures = Figures.load(KNOWLEDGE / "figures.yml")
    assert not figures.asks("我欠着几万块信用卡，还能贷吗")
    assert not figures.asks("之前花了几万块装修，补贴能报吗")
    assert figures.asks("刻个章要几块钱")
    assert figures.asks("办执照多少钱")
