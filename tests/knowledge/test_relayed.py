"""The question itself is searched: relay and announcement words and traditional characters are gone (issue 14).

Hotline staff type "她想知道孵化基地最长能待多久"; the words in front moved every dense score by 0.02–0.03 and turned
the answer the bare question gets into three titles. A question in traditional characters matched worse still.
"""

from pathlib import Path

import pytest
import yaml

from bundle_service.knowledge.asking import Rules
from bundle_service.knowledge.relayed import Relays, question_of, simplified
from bundle_service.knowledge.service import KnowledgeBase
from contract import dialect

KNOWLEDGE_DIR = Path(__file__).resolve().parents[2] / "knowledge_base"


@pytest.fixture(scope="module")
def relays() -> Relays:
    return Relays.load(KNOWLEDGE_DIR / "relayed.yml")


@pytest.mark.parametrize(
    ("typed", "searched"),
    [
        ("他问开店补贴拿到手要多久", "开店补贴拿到手要多久"),
        ("来电人问：培训在哪报名", "培训在哪报名"),
        ("她想知道孵化基地最长能待多久", "孵化基地最长能待多久"),
        ("您好，对方想咨询一下贷款利息怎么算", "您好,贷款利息怎么算"),
        ("我们想了解合伙开店能贷多少", "合伙开店能贷多少"),
        ("请问执照几天能下来", "执照几天能下来"),
        ("客户还想问社保谁来交", "社保谁来交"),
    ],
)
def test_relay_words_are_dropped(relays: Relays, typed: str, searched: str) -> None:
    assert question_of(typed, relays) == searched


@pytest.mark.parametrize(
    "typed",
    ["其他问题找谁", "他了解了吗", "我问问", "问题是执照要多久", "来电人是退役军人"],
)
def test_words_that_are_the_question_stay(relays: Relays, typed: str) -> None:
    assert question_of(typed, relays) == typed


def test_traditional_characters_are_simplified(relays: Relays) -> None:
    assert simplified("開店補貼要帶什麼材料") == "开店补贴要带什么材料"
    assert question_of("她問創業培訓免費嗎", relays) == "创业培训免费吗"


def test_no_file_drops_nothing(tmp_path: Path) -> None:
    assert question_of("他问执照要多久", Relays.load(tmp_path / "relayed.yml")) == "他问执照要多久"


def test_the_rules_read_the_shipped_words() -> None:
    assert Rules.load(KNOWLEDGE_DIR).question("來電人問營業執照要幾天") == "营业执照要几天"


@pytest.mark.parametrize("prefix", ["他问", "来电人想知道", "她咨询一下"])
def test_a_relayed_question_gets_the_answer_the_bare_one_gets(kb: KnowledgeBase, prefix: str) -> None:
    bare = kb.search("创业担保贷款最多能贷多少", record_unanswered=False)
    relayed = kb.search(f"{prefix}创业担保贷款最多能贷多少", record_unanswered=False)
    assert (relayed.status, relayed.sources) == (bare.status, bare.sources)
    assert [h.score for h in relayed.hits] == [h.score for h in bare.hits]


def test_a_traditional_question_gets_the_answer_the_simplified_one_gets(kb: KnowledgeBase) -> None:
    simple = kb.search("创业担保贷款最多能贷多少", record_unanswered=False)
    traditional = kb.search("創業擔保貸款最多能貸多少", record_unanswered=False)
    assert (traditional.status, traditional.sources) == (simple.status, simple.sources)


@pytest.mark.parametrize(
    ("typed", "searched"),
    [
        ("开业补贴到手有好多", "开业补贴到手有多少"),
        ("小微企业最多能贷好多", "小微企业最多能贷多少"),
        ("办个执照要好多天", "办个执照要多少天"),
        ("改革以后材料省了好多", "改革以后材料省了多少"),
        ("以前冇得一件事要跑几个部门", "以前没有一件事要跑几个部门"),
        ("我那个证办好冇", "我那个证办好没"),
        ("那张采集表叫么子名堂", "那张采集表叫什么名字"),
        ("syb课程 free不", "syb课程 免费不"),
        ("how to apply 补贴", "how to 申请 补贴"),
    ],
)
def test_dialect_and_half_english_words_are_searched_in_our_words(relays: Relays, typed: str, searched: str) -> None:
    assert question_of(typed, relays) == searched


@pytest.mark.parametrize("typed", ["好多人都在办补贴吗", "现在比以前方便好多了", "他们到底搞么子名堂"])
def test_dialect_words_meaning_something_else_stay(relays: Relays, typed: str) -> None:
    assert question_of(typed, relays) == typed.replace("么子", "什么")


def test_the_dialect_words_are_the_nlus(relays: Relays) -> None:
    """One list for both sides (contract/dialect.py): the file lists none, the search reads the shared words."""
    assert "dialect_words" not in yaml.safe_load((KNOWLEDGE_DIR / "relayed.yml").read_text(encoding="utf-8"))
    for said in ("补贴能拿好多", "冇得执照能贷款不", "那个表叫啥名堂"):
        assert relays.plain_words(said) == dialect.in_questions(said)
        assert dialect.in_questions(said) == dialect.standard_words(said)  # what the NLU reads


@pytest.mark.parametrize("typed", ["按社平工资的50%交养老保险行不行", "来电人问养老保险能不能按社平工资的三倍交"])
def test_the_short_name_of_the_average_wage_asks_the_pension_base(kb: KnowledgeBase, typed: str) -> None:
    result = kb.search(typed, record_unanswered=False)
    assert result.status == "faq"
    assert "60%到300%" in result.answer


def test_the_average_wage_in_yuan_by_its_short_name_is_declined(kb: KnowledgeBase) -> None:
    result = kb.search("去年社平工资是多少钱", record_unanswered=False)
    assert result.status == "not_found"
    assert "60%" not in result.answer
