"""From a user's question to ranked sources: the data-driven rules around retrieval, in one place.

1. A question about another province's or city's policy is not searched (:mod:`elsewhere`).
2. An elliptical question with no item in context is asked about the bundle (:mod:`followup`).
3. Dense + BM25 retrieval with the item and region filters (:mod:`index`), plus the sources of the item named
   that ask what the question asks (:meth:`Rules.lookup`).
4. A question about two items together keeps only sources about them together (:mod:`combined`).
5. Near neighbours re-ranked by what the question asks (:mod:`facets`), then one hit per source (:mod:`ranking`).

The bench (``bench/knowledge_eval.py``) uses the same functions, so what is measured is what runs.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from bundle_service.core.config import ROOT_DIR
from bundle_service.knowledge.bare_words import FILE_NAME as BARE_WORDS_FILE
from bundle_service.knowledge.bare_words import BareWords
from bundle_service.knowledge.combined import FILE_NAME as COMBINED_FILE
from bundle_service.knowledge.combined import Combined
from bundle_service.knowledge.elsewhere import FILE_NAME as OTHER_REGIONS_FILE
from bundle_service.knowledge.elsewhere import OtherRegions
from bundle_service.knowledge.entries import OUT_OF_SCOPE, Entry
from bundle_service.knowledge.facets import FILE_NAME as QUESTION_TYPES_FILE
from bundle_service.knowledge.facets import QuestionTypes, rerank
from bundle_service.knowledge.figures import FILE_NAME as FIGURES_FILE
from bundle_service.knowledge.figures import Figures
from bundle_service.knowledge.fit import Asked
from bundle_service.knowledge.followup import FollowUps
from bundle_service.knowledge.index import Filters, KnowledgeIndex, ScoredEntry
from bundle_service.knowledge.not_asked import unasked
from bundle_service.knowledge.ranking import SourceHit, Thresholds, by_source
from bundle_service.knowledge.relayed import FILE_NAME as RELAYED_FILE
from bundle_service.knowledge.relayed import Relays, question_of
from bundle_service.knowledge.said_figures import units_said
from bundle_service.knowledge.schemes import FILE_NAME as OTHER_SCHEMES_FILE
from bundle_service.knowledge.schemes import OtherSchemes
from bundle_service.knowledge.story import asked_after_story
from bundle_service.knowledge.yes_no import FILE_NAME as YES_NO_FILE
from bundle_service.knowledge.yes_no import YesNo
from contract.query_length import asks_by_mark, fitted

ITEM_GAZETTEER = ROOT_DIR / "nlu_data" / "gazetteer" / "item.yml"  # the items' names (the NLU's, one owner)
# The sources of the item named and the kind of question asked are scored whether or not a retriever found them.
LOOKUP = True
AMOUNT = "amount"  # the question type of a figure granted (question_types.yml)


@dataclass(frozen=True)
class Rules:
    """The rules' data: places outside Hunan, question types, elliptical questions, items asked together."""

    other_regions: OtherRegions
    types: QuestionTypes
    followups: FollowUps
    combined: Combined = field(default_factory=Combined)
    schemes: OtherSchemes = field(default_factory=OtherSchemes)
    figures: Figures = field(default_factory=Figures)
    relays: Relays = field(default_factory=Relays)
    bare: BareWords = field(default_factory=BareWords)
    yes_no: YesNo = field(default_factory=YesNo)

    @classmethod
    def load(cls, knowledge_dir: Path, item_gazetteer: Path = ITEM_GAZETTEER) -> "Rules":
        """Read the rules of the knowledge folder and the items' names (``item_gazetteer``).

        The folder's ``other_regions.yml``, ``question_types.yml``, ``combined_questions.yml``,
        ``other_schemes.yml``, ``figures.yml``, ``relayed.yml``, ``bare_words.yml`` and ``yes_no.yml``.
        """
        types = QuestionTypes.load(knowledge_dir / QUESTION_TYPES_FILE)
        combined = Combined.load(knowledge_dir / COMBINED_FILE, item_gazetteer)
        schemes = OtherSchemes.load(knowledge_dir / OTHER_SCHEMES_FILE, tuple(combined.aliases))
        figures = Figures.load(knowledge_dir / FIGURES_FILE)
        regions = OtherRegions.load(knowledge_dir / OTHER_REGIONS_FILE)
        relays = Relays.load(knowledge_dir / RELAYED_FILE)
        bare = BareWords.load(knowledge_dir / BARE_WORDS_FILE, frozenset(combined.aliases.values()) or None)
        yes_no = YesNo.load(knowledge_dir / YES_NO_FILE)
        return cls(regions, types, FollowUps(types), combined, schemes, figures, relays, bare, yes_no)

    def question(self, query: str) -> str:
        """The question ``query`` as searched: normalised, simplified, without relay words (:mod:`relayed`).

        "A和B是一回事吗" asks what A is (``same_thing`` of relayed.yml): A's own FAQ says what it is and is not. A
        message longer than the shared limit keeps each clause once and its last question
        (:func:`contract.query_length.fitted`), never only its head. A story told before a how-much question is
        context: the question is searched with the item the story names (:mod:`story`).
        """
        return self.focused(query)[0]

    def focused(self, query: str) -> tuple[str, str | None]:
        """The question ``query`` as searched (:meth:`question`) and the item it is about without naming it.

        "没有东西抵押，贷款能借多少" is searched as "贷款能借多少" within the guaranteed loan (:mod:`story`); "这个登记
        要几天", naming no item, is about the business registration (a bare word, :mod:`bare_words`); any other
        question with no item of its own (None). A conversation's item, sent with the question, goes first.
        """
        text = fitted(question_of(query, self.relays), self.asks)
        if (after_story := asked_after_story(text, self.asks, self.types, self.combined.aliases)) is not None:
            return self.relays.what_is(after_story[0]), after_story[1]
        text = self.relays.what_is(text)
        return text, None if self.combined.mentioned(text) else self.bare.item(text)

    def asks(self, clause: str) -> bool:
        """Whether ``clause`` asks something: a question mark or a type of question (``question_types.yml``)."""
        return asks_by_mark(clause) or bool(self.types.of(clause))

    def without_unasked(self, text: str, item: str | None) -> tuple[str, str | None]:
        """``text`` without a clause saying an item is not asked, and ``item`` unless that clause names it.

        "创业补贴给多少钱，我不是问贷款" is searched as "创业补贴给多少钱", and a loan in context is no filter
        (:mod:`not_asked`).
        """
        kept, ruled_out = unasked(text, self.combined.items)
        return kept, None if item in ruled_out else item

    def elsewhere(self, text: str, index: KnowledgeIndex) -> str | None:
        """The place outside Hunan that ``text`` asks about, if any."""
        return self.other_regions.named(text, index.regions.ancestors)

    def asked(self, text: str, item: str | None = None) -> Asked:
        """What the normalised question ``text`` asks (question types) and names (items, schemes), for the answer rule.

        ``item``: the conversation's item, which a follow-up naming none is about ("那要多久" after the loan).
        """
        named = self.combined.items(text)
        items = named or (frozenset({item}) if item else frozenset())
        subjects = self.types.subjects_of(text)
        mentioned = self.combined.mentioned(text)
        # a figure an aspect reads otherwise asks none ("还欠着几万房贷能贷吗": the outstanding-loans rule)
        read_otherwise = AMOUNT in self.types.of(text) - self.types.asked_types(text)
        figures = self.figures if self.figures.asks(text) else None
        if figures is not None and read_otherwise:  # the figure is read otherwise; a kind asked still counts
            figures = figures.kinds_only(text)
        scheme = self.schemes.named(text)
        follow_up = not named and item is not None
        units, cases = units_said(text), self.types.cases_of(text)
        aspects = self.types.aspects_of(text)
        return Asked(
            self.types.asked_types(text),
            items,
            self.types,
            subjects,
            scheme,
            mentioned,
            figures,
            text,
            follow_up,
            units,
            cases,
            aspects,
        )

    def lookup(self, text: str) -> Callable[[Entry], bool] | None:
        """Which entries to score besides the retrievers' candidates: the item named × the kind of question asked.

        "办营业执照要多久" names the licence and asks a processing time; the licence's FAQ on its days may be missed
        by both retrievers when other words weigh more. A question naming one item and asking known types gets that
        item's sources whose title asks one of them (:meth:`fit.Asked.fits`, by entry) scored too. None when the
        question names no item or several, or asks no type. Only the item the text names counts, never the
        conversation's: with a stale item, "总共要跑几个部门，多久办完" drew the incubator's days (measured on the
        dev set).
        """
        asked = self.asked(text)  # the item the question names: a follow-up's context item may be stale
        # a figure said asks its unit's type too ("贷五年可以吗": the term, ``figure_choice`` of question_types.yml)
        kinds = asked.types | {self.types.choices.get(u, self.types.choices.get("", "")) for u in asked.units} - {""}
        if len(asked.items) != 1 or len(asked.items | asked.mentioned) > 1 or not kinds:
            return None
        (only,) = asked.items

        def fits(entry: Entry) -> bool:
            if entry.kind == OUT_OF_SCOPE or entry.item != only or not self.types.of(entry.section) & kinds:
                return False
            return not (asked.subjects and self.types.subjects_of(entry.section) - asked.subjects)

        return fits

    def reranked(self, text: str, scored: list[ScoredEntry], thresholds: Thresholds) -> list[SourceHit]:
        """``scored`` (fused entries of ``text``) narrowed, re-ranked by question type, one hit per source.

        Narrowed: a question about two items together keeps the sources about them together (:mod:`combined`).
        """
        asked = self.types.asked_types(text)
        focused = self.combined.focus(text, scored)
        return by_source(rerank(focused, asked, self.types, thresholds.type_bonus, thresholds.type_penalty))


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
    also = rules.lookup(text) if LOOKUP else None
    return rules.reranked(text, index.search(query, filters, thresholds.bm25_weight, also=also), thresholds)
