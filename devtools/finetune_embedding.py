"""Fine-tune the embedding model on the knowledge base's own FAQ pairs (an optional build step).

Pairs come only from ``faq.yml``: each similar question (相似问法) → its FAQ's question and its question + answer,
and each question → its question + answer. Training uses in-batch negatives (the other FAQs of the batch), one
pair per FAQ in a batch, a fixed seed, and the CPU. No dev-set text is involved. Figures: docs/knowledge.md.

An experiment, not part of the product: on the independent dev set it did not beat the base model (docs/knowledge.md).
Usage: ``.venv/bin/python scripts/finetune_embedding.py --out var/models/m3e-small-bundle``, then
``BUNDLE_EMBEDDING_MODEL=var/models/m3e-small-bundle .venv/bin/python scripts/bench_knowledge.py --tune``.
"""

import argparse
import hashlib
import itertools
import json
import logging
import random
import time
from pathlib import Path

from bundle_service.core.config import Settings
from bundle_service.knowledge.embedding import resolve_model
from bundle_service.knowledge.entries import FaqRecord
from bundle_service.knowledge.out_of_scope import load_examples
from bundle_service.knowledge.seed import load_faq_file

ROOT = Path(__file__).resolve().parent.parent

logger = logging.getLogger(__name__)
STAMP = "finetune.json"


def training_pairs(faqs: list[FaqRecord]) -> list[tuple[str, str, str]]:
    """(query, passage, FAQ id) pairs of ``faqs``."""
    pairs = []
    for faq in faqs:
        full = f"{faq.question} {faq.answer}"
        for similar in faq.similar:
            pairs.append((similar, faq.question, faq.id))
            pairs.append((similar, full, faq.id))
        pairs.append((faq.question, full, faq.id))
    return pairs


def out_of_scope_pairs(examples: list[str]) -> list[tuple[str, str, str]]:
    """(example, next example, key) pairs: neighbours in the files are on the same topic.

    Trained next to the FAQ pairs, they pull each topic of "not ours" together and, as in-batch negatives, push
    users' questions about our items away from them (and the examples away from our FAQs).
    """
    return [(a, b, f"oos:{i}") for i, (a, b) in enumerate(itertools.pairwise(examples))]


def _batches(pairs: list[tuple[str, str, str]], size: int) -> list[list[tuple[str, str, str]]]:
    """Batches of ``size`` with at most one pair per FAQ (two pairs of one FAQ must not be each other's negatives)."""
    result = []
    for start in range(0, len(pairs), size):
        batch: dict[str, tuple[str, str, str]] = {}
        for pair in pairs[start : start + size]:
            batch.setdefault(pair[2], pair)
        result.append(list(batch.values()))
    return result


def finetune(
    base: str,
    faq_file: Path,
    out: Path,
    epochs: int = 1,
    learning_rate: float = 2e-5,
    seed: int = 0,
    examples: list[str] | None = None,
) -> dict[str, object]:
    """Train ``base`` on the pairs of ``faq_file`` and save it to ``out``; returns what the stamp file records."""
    import torch
    from sentence_transformers import SentenceTransformer

    random.seed(seed)
    torch.manual_seed(seed)
    model = SentenceTransformer(str(resolve_model(base)), device="cpu")
    pairs = training_pairs(load_faq_file(faq_file)) + out_of_scope_pairs(examples or [])
    optimizer = torch.optim.AdamW(model.parameters(), lr=learning_rate)
    model.train()
    started = time.perf_counter()
    for epoch in range(epochs):
        random.shuffle(pairs)
        total = 0.0
        for batch in _batches(pairs, 32):
            queries = model.tokenize([p[0] for p in batch])
            passages = model.tokenize([p[1] for p in batch])
            q = torch.nn.functional.normalize(model(queries)["sentence_embedding"], dim=-1)
            p = torch.nn.functional.normalize(model(passages)["sentence_embedding"], dim=-1)
            loss = torch.nn.functional.cross_entropy(q @ p.T * 20.0, torch.arange(len(batch)))
            optimizer.zero_grad()
            loss.backward()  # type: ignore[no-untyped-call]
            optimizer.step()
            total += float(loss.item())
        logger.info("epoch %d: loss %.2f after %.0f s", epoch + 1, total, time.perf_counter() - started)
    model.eval()
    out.mkdir(parents=True, exist_ok=True)
    model.save(str(out))
    stamp: dict[str, object] = {
        "base": base,
        "faq_sha256": hashlib.sha256(faq_file.read_bytes()).hexdigest(),
        "pairs": len(pairs),
        "out_of_scope_examples": len(examples or []),
        "epochs": epochs,
        "learning_rate": learning_rate,
        "seed": seed,
        "seconds": round(time.perf_counter() - started, 1),
    }
    (out / STAMP).write_text(json.dumps(stamp, indent=2), encoding="utf-8")
    return stamp


def main() -> None:
    """Command line: base model, FAQ file, output folder, epochs."""
    root = ROOT
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base", default="m3e-small")
    parser.add_argument("--faqs", type=Path, default=root / "knowledge_base" / "faq.yml")
    parser.add_argument("--out", type=Path, default=root / "var" / "models" / "m3e-small-bundle")
    parser.add_argument("--epochs", type=int, default=1)
    parser.add_argument("--out-of-scope", action="store_true", help="also train on the out-of-scope examples")
    args = parser.parse_args()
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s")
    examples = load_examples(Settings().kb_out_of_scope_files) if args.out_of_scope else None
    print(json.dumps(finetune(args.base, args.faqs, args.out, args.epochs, examples=examples), indent=2))


if __name__ == "__main__":
    main()
