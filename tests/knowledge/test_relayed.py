"""The question itself is searched: relay and announcement words and traditional characters are gone (issue 14).

Hotline staff type "她想知道孵化基地最长能待多久"; the words in front moved every dense score by 0.02–0.03 and turned
the answer the bare question gets into three titles. A question in traditional characters matched worse still.
"""

from pathlib import Path

import pytest

from bundle_service.knowledge.asking import Rules
from bundle_service.knowledge.relayed import Relays, question_of, simplified
from bundle_service.knowledge.service import KnowledgeBase

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
