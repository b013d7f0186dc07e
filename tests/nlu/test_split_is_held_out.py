"""The evaluation split stays out of training: no split message is also a training message."""

import unicodedata
from pathlib import Path

from rasa.shared.nlu.training_data.loading import load_data

from bench.nlu_eval import SPLIT

ROOT = Path(__file__).resolve().parents[2]


def normalised(text: str) -> str:
    """Compare like a reader would: width and case folded, punctuation and spaces dropped (emoji kept)."""
    folded = unicodedata.normalize("NFKC", text).lower()
    return "".join(c for c in folded if unicodedata.category(c)[0] not in "PZ" and not c.isspace())


def test_no_split_message_is_in_the_training_data() -> None:
    training = {normalised(m.get("text")) for m in load_data(str(ROOT / "nlu_data" / "intents")).intent_examples}
    split = load_data(str(SPLIT)).intent_examples
    leaked = [m.get("text") for m in split if normalised(m.get("text")) in training and normalised(m.get("text"))]
    assert not leaked
