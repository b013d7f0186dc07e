"""A question asked again is answered without a second search, and never with an answer an admin has changed."""

import pytest
from fastapi.testclient import TestClient

from bundle_service.knowledge.faqs import FaqInput
from bundle_service.knowledge.hit_cache import HitCache
from bundle_service.knowledge.index import Filters
from bundle_service.knowledge.service import KnowledgeBase
from tests.knowledge.test_reindex import original_loan_faq  # noqa: F401  (the fixture)
from tests.knowledge.test_search import ask

QUESTION = "一次性创业补贴能领多少钱？"
LOAN_QUESTION = "创业担保贷款个人最多贷多少？"


def test_the_same_question_again_gets_the_same_answer_without_embedding_it_again(
    kb: KnowledgeBase, client: TestClient
) -> None:
    first = ask(client, QUESTION)
    embedded = kb.embedder.texts_embedded
    again = ask(client, f"  {QUESTION}")  # the same question once normalised
    assert kb.embedder.texts_embedded == embedded
    assert (again["status"], again["answer"], again["hits"]) == (first["status"], first["answer"], first["hits"])
    other_item = ask(client, QUESTION, item="guaranteed_loan")  # other filters: searched on their own
    assert kb.embedder.texts_embedded == embedded + 1
    assert other_item["status"] in {"faq", "answer", "suggest", "not_found"}


@pytest.mark.usefixtures("original_loan_faq")
def test_an_answer_edited_by_an_admin_is_given_at_once_to_a_question_asked_before(
    kb: KnowledgeBase, client: TestClient
) -> None:
    assert ask(client, LOAN_QUESTION)["answer"].startswith("个人最高20万元")
    similar = kb.get_faq("faq-104").similar
    kb.update_faq(
        "faq-104",
        FaqInput(LOAN_QUESTION, "个人最高可贷25万元（测试修改）。", "guaranteed_loan", similar=similar),
        "admin",
    )
    assert ask(client, LOAN_QUESTION)["answer"].startswith("个人最高可贷25万元（测试修改）。")


def test_hits_searched_before_a_re_index_are_not_kept_after_it() -> None:
    cache = HitCache(size=2)
    key = HitCache.key("问题", Filters())
    generation = cache.generation
    cache.clear()  # an admin's edit re-indexed while the search ran
    cache.put(key, [], generation)
    assert cache.get(key) is None
    for number in range(3):  # the least recently used question leaves first
        cache.put(HitCache.key(f"问题{number}", Filters()), [], cache.generation)
    assert len(cache) == 2 and cache.get(HitCache.key("问题0", Filters())) is None
