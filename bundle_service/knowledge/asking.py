"""From a user's question to ranked sources: the data-driven rules around retrieval, in one place.

1. A question about another province's or city's policy is not searched (:mod:`elsewhere`).
2. An elliptical question with no item in context is asked about the bundle (:mod:`followup`).
3. Dense + BM25 retrieval with the item and region filters (:mod:`index`).
4. Near neighbours re-ranked by what the question asks (:mod:`facets`), then one hit per source (:mod:`ranking`).

The bench (``bench/knowledge_eval.py``) uses the same functions, so what is measured is what runs.
"""

from dataclasses import dataclass
from pathlib import Path

from bundle_service.knowledge.elsewhere import FILE_NAME as OTHER_REGIONS_FILE
from bundle_service.knowledge.elsewhere import OtherRegions
from bundle_service.knowledge.facets import FILE_NAME as QUESTION_TYPES_FILE
from bundle_service.knowledge.facets import QuestionTypes, rerank
from bundle_service.knowledge.followup import FollowUps
from bundle_service.knowledge.index import Filters, KnowledgeIndex, ScoredEntry
from bundle_service.knowledge.ranking import SourceHit, Thresholds, by_source


@dataclass(frozen=True)
class Rules:
    """The rules' data: places outside Hunan, question types, elliptical questions."""

    other_regions: OtherRegions
    types: QuestionTypes
    followups: FollowUps

    @classmethod
    def load(cls, knowledge_dir: Path) -> "Rules":
        """Read the rules of the knowledge folder (``other_regions.yml``, ``question_types.yml``)."""
        types = QuestionTypes.load(knowledge_dir / QUESTION_TYPES_FILE)
        return cls(OtherRegions.load(knowledge_dir / OTHER_REGIONS_FILE), types, FollowUps(types))

    def elsewhere(self, text: str, index: KnowledgeIndex) -> str | None:
        """The place outside Hunan that ``text`` asks about, if any."""
        return self.other_regions.named(text, index.regions.ancestors)

    def reranked(self, text: str, scored: list[ScoredEntry], thresholds: Thresholds) -> list[SourceHit]:
        """``scored`` (fused entries of ``text``) re-ranked by question type, one hit per source."""
        asked = self.types.of(text)
        return by_source(rerank(scored, asked, self.types, thresholds.type_bonus, thresholds.type_penalty))


def search(index: KnowledgeIndex, rules: Rules, text: str, filters: Filters, thresholds: Thresholds) -> list[SourceHit]:
    """Ranked source hits of the normalised question ``text`` (out-of-region questions are not searched here).

    Args:
        index: The knowledge index.
        rules: The rules' data.
        text: The normalised question.
        filters: Item and region.
        thresholds: Weights (BM25, question-type bonus and penalty).

    Returns:
        Source hits, best first (out-of-scope examples included).
    """
    query = rules.followups.expand(text, filters.item)
    return rules.reranked(text, index.search(query, filters, thresholds.bm25_weight), thresholds)
