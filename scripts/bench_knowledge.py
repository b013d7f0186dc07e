"""Knowledge-base retrieval: BM25 alone, dense alone and the configured hybrid, side by side on the dev set.

Builds the shipped knowledge base into a temporary database and chroma folder, searches every dev-set question
(``tests/knowledge/devset.yml``), and prints R@1, R@3, MRR, answered-right, false refusals, correct refusals of
out-of-domain questions and p50/p95 answer latency (one user, the real ``KnowledgeBase.search``) for each method.
Figures are given on the held-out split (two thirds of the questions) and on all questions; each method's floor
and out-of-scope margin are tuned on the tuning split (the other third plus the look-alike set
``tests/knowledge/devset_tune2.yml``, "look" rows), the hybrid runs with the configured settings. The "v2" rows
are a second dev set written independently (``tests/knowledge/devset_v2.yml``): reported, never used for tuning.

Run with the service's environment: ``.venv/bin/python scripts/bench_knowledge.py [--tune] [--variants]``.
``--tune`` prints the weight grid on the tuning split; ``--variants`` compares text representations (FAQ
question vs question+answer, chunk size, title prefix), re-indexing each (about 10 s each).
"""

import argparse
import logging
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass, replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bundle_service.core.clock import Clock  # noqa: E402
from bundle_service.core.config import Settings  # noqa: E402
from bundle_service.core.db import make_engine, make_session_factory, migrate  # noqa: E402
from bundle_service.knowledge.entries import Representation  # noqa: E402
from bundle_service.knowledge.out_of_scope import load_examples  # noqa: E402
from bundle_service.knowledge.service import KnowledgeBase  # noqa: E402
from scripts.knowledge_eval import (  # noqa: E402
    DEVSET,
    TUNE_SET,
    Metrics,
    Question,
    Scored,
    best_floor,
    collect,
    evaluate,
    evaluate_settings,
    faq_threshold_for,
    independent,
    load_devset,
)

WEIGHTS = [round(0.05 * i, 2) for i in range(21)]
MARGINS = [round(0.01 * i, 2) for i in range(-6, 11)]
CHECK_SET = ROOT / "tests" / "knowledge" / "devset_v2.yml"  # second, independent set: reported, never tuned on


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


def latencies(kb: KnowledgeBase, questions: list[Question], weight: float, floor: float) -> tuple[float, float]:
    """p50 and p95 (ms) of complete searches at ``weight`` and ``floor``, one at a time."""
    original = kb.settings
    kb.settings = original.model_copy(update={"kb_bm25_weight": weight, "kb_not_found_floor": floor})
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


def row(name: str, split: str, m: Metrics, p50: float | None = None, p95: float | None = None) -> str:
    """One line of the table."""
    lat = f"{p50:7.1f} {p95:7.1f}" if p50 is not None and p95 is not None else f"{'':7} {'':7}"
    return (
        f"{name:<26} {split:<5} {m.r1:5.3f} {m.r3:5.3f} {m.mrr:5.3f} {m.answered:8.3f} {m.false_refusals:9.3f} "
        f"{m.refusals:8.3f} {lat}"
    )


HEADER = (
    f"{'method':<26} {'split':<5} {'R@1':>5} {'R@3':>5} {'MRR':>5} {'answered':>8} {'false-ref':>9} "
    f"{'refusals':>8} {'p50 ms':>7} {'p95 ms':>7}"
)


def best_margin_and_floor(tune_set: list[Scored], weight: float) -> tuple[float, float, Metrics]:
    """The out-of-scope margin and floor with the best balanced score at ``weight`` on the tuning split."""
    options = [(margin, *best_floor(tune_set, weight, margin)) for margin in MARGINS]
    return max(options, key=lambda o: (o[2].balanced, -abs(o[0])))


def tune(tune_set: list[Scored]) -> tuple[float, float, float]:
    """Print the weight grid on the tuning split; return the best (weight, margin, floor)."""
    print("\nweight grid on the tuning split (out-of-scope margin and floor tuned per weight):")
    best = (0.0, 0.0, 0.0, -1.0)
    for weight in WEIGHTS:
        margin, floor, m = best_margin_and_floor(tune_set, weight)
        print(
            f"  w={weight:4.2f} margin={margin:+.2f} floor={floor:.3f} R@1={m.r1:.3f} answered={m.answered:.3f} "
            f"refusals={m.refusals:.3f}"
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


def score_sets(kb: KnowledgeBase, devset: Path) -> Sets:
    """Search every question of the dev set (and, with the default dev set, the look-alike and check sets)."""
    examples = load_examples(kb.settings.kb_out_of_scope_files)
    every = load_devset(devset)
    questions = independent(every, examples)
    default = devset == DEVSET
    lookalikes = independent(load_devset(TUNE_SET, all_tune=True), examples) if default and TUNE_SET.is_file() else []
    check = independent(load_devset(CHECK_SET), examples) if default and CHECK_SET.is_file() else []
    sets = Sets(questions, collect(kb.index, questions), collect(kb.index, lookalikes), collect(kb.index, check))
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


def methods(sets: Sets, s: Settings) -> list[tuple[str, float, float, float | None]]:
    """(name, weight, floor, out-of-scope margin) of each method; floors and margins tuned on the tuning split."""
    bm25_margin, bm25_floor, _ = best_margin_and_floor(sets.tune, 1.0)
    dense_margin, dense_floor, _ = best_margin_and_floor(sets.tune, 0.0)
    return [
        ("BM25 alone", 1.0, bm25_floor, bm25_margin),
        ("dense alone (m3e-small)", 0.0, dense_floor, dense_margin),
        ("hybrid, floor only", s.kb_bm25_weight, best_floor(sets.tune, s.kb_bm25_weight, None)[0], None),
        (
            f"hybrid w={s.kb_bm25_weight:.2f} (configured)",
            s.kb_bm25_weight,
            s.kb_not_found_floor,
            s.kb_out_of_scope_margin,
        ),
    ]


def print_table(kb: KnowledgeBase, sets: Sets, rows: list[tuple[str, float, float, float | None]]) -> None:
    """The side-by-side table, one block of splits per method."""
    print()
    print(HEADER)
    for name, weight, floor, rule in rows:
        p50, p95 = latencies(kb, sets.questions, weight, floor)
        print(row(name, "test", evaluate(sets.test, weight, floor, margin=rule), p50, p95))
        print(row("", "all", evaluate(sets.scored, weight, floor, margin=rule)))
        print(row("", "tune", evaluate(sets.tune, weight, floor, margin=rule)))
        if sets.look:
            print(row("", "look", evaluate(sets.look, weight, floor, margin=rule)))
        if sets.check:
            print(row("", "v2", evaluate(sets.check, weight, floor, margin=rule)))
    print(
        "floors (out-of-scope margin): "
        + ", ".join(
            f"{name.split(' (')[0]} {floor:.3f} ({'none' if margin is None else f'{margin:+.2f}'})"
            for name, _, floor, margin in rows
        )
    )


def main() -> None:
    """Build, evaluate, print."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tune", action="store_true", help="print the weight grid on the tuning split")
    parser.add_argument("--variants", action="store_true", help="compare text representations (slow)")
    parser.add_argument("--misses", action="store_true", help="list the hybrid's misses")
    parser.add_argument("--devset", type=Path, default=DEVSET, help="dev set file (default: %(default)s)")
    args = parser.parse_args()
    logging.basicConfig(level=logging.WARNING)
    with tempfile.TemporaryDirectory(prefix="bench-knowledge-") as tmp:
        started = time.perf_counter()
        kb = build(Path(tmp), Representation())
        print(f"index: {kb.index.size} entries built in {time.perf_counter() - started:.1f} s")
        sets = score_sets(kb, args.devset)
        s = kb.settings
        if args.tune:
            weight, margin, floor = tune(sets.tune)
            threshold = faq_threshold_for(sets.tune, weight, floor, margin=margin)
            print(
                f"best on the tuning split: weight {weight:.2f}, out-of-scope margin {margin:+.2f}, floor {floor:.3f}, "
                f"FAQ threshold {threshold:.3f}"
            )
        print_table(kb, sets, methods(sets, s))
        m = evaluate_settings(sets.scored, s)
        precision = m.faq_direct_right / m.faq_direct if m.faq_direct else 1.0
        print(
            f"FAQ direct answers (threshold {s.kb_faq_threshold:.3f}): {m.faq_direct} of {len(sets.questions)} "
            f"questions, precision {precision:.3f}"
        )
        if args.misses:
            print("\nhybrid misses (all questions):")
            for miss in m.misses:
                print("  " + miss)
        if args.variants:
            variants(Path(tmp), sets.questions + [s.question for s in sets.look])


if __name__ == "__main__":
    main()
