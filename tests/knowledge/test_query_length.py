"""A message longer than the shared limit keeps its last question, not its head (contract/query_length.py).

A story said over and over with the question at the end was cut to its first 500 characters and the question was
lost. Invented wordings.
"""

from bundle_service.knowledge.service import KnowledgeBase
from contract.query_length import MAX_QUERY_CHARS, asks_by_mark, fitted

STORY = "我去年交过一次材料被退回来了，"
QUESTION = "现在补贴到底能拿多少？"


def test_a_short_text_is_unchanged() -> None:
    assert fitted(STORY + QUESTION) == STORY + QUESTION


def test_a_story_said_again_and_again_is_said_once() -> None:
    assert fitted(STORY * 60 + QUESTION) == STORY + QUESTION


def test_the_last_question_is_kept_with_what_stands_before_it() -> None:
    story = "".join(f"第{n}次我跑到窗口去问了一趟，" for n in range(60))
    kept = fitted(story + QUESTION)
    assert len(kept) <= MAX_QUERY_CHARS
    assert kept.endswith(QUESTION)
    assert "第59次" in kept and "第0次" not in kept


def test_earlier_questions_come_before_the_story() -> None:
    story = "".join(f"第{n}次我跑到窗口去问了一趟，" for n in range(60))
    kept = fitted("执照要几天？" + story + QUESTION)
    assert kept.startswith("执照要几天？") and kept.endswith(QUESTION)


def test_a_side_passes_its_own_test_of_a_question() -> None:
    story = "".join(f"第{n}次我跑到窗口去问了一趟，" for n in range(60))
    kept = fitted(story + "补贴能拿多少，麻烦了", asks=lambda clause: "多少" in clause)
    assert "补贴能拿多少" in kept and len(kept) <= MAX_QUERY_CHARS


def test_one_clause_too_long_keeps_its_tail() -> None:
    kept = fitted("啊" * 600 + "补贴多少？")
    assert len(kept) == MAX_QUERY_CHARS and kept.endswith("补贴多少？")


def test_a_question_mark_asks() -> None:
    assert asks_by_mark("能贷多少？") and not asks_by_mark("我没有抵押，")


def test_the_search_answers_the_question_at_the_end_of_a_long_message(kb: KnowledgeBase) -> None:
    story = "我之前在别的地方申请过一次被退回来了，心里很着急，" * 30
    alone = kb.search("创业担保贷款个人最多能贷多少？", record_unanswered=False)
    long = kb.search(story + "创业担保贷款个人最多能贷多少？", record_unanswered=False)
    assert alone.status in ("faq", "answer")
    assert (long.status, long.sources) == (alone.status, alone.sources)
