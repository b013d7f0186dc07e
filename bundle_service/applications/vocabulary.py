"""The form's vocabulary (``data/vocabulary.yml``): the values of its choice fields, cities and item aliases.

Each choice's label comes from ``contract/labels.json`` (the bot shows the same names).
"""

from functools import lru_cache
from pathlib import Path

import yaml
from pydantic import BaseModel

from contract.labels import CHOICE_LABELS

VOCABULARY_FILE = Path(__file__).resolve().parents[1] / "data" / "vocabulary.yml"


class Choice(BaseModel):
    """One value of a choice field with its Chinese label and aliases."""

    code: str
    label: str
    aliases: list[str]


class Vocabulary(BaseModel):
    """The choice fields' values (``vocabulary.yml``)."""

    person_categories: dict[str, Choice]
    other_categories: dict[str, Choice]
    business_types: dict[str, Choice]
    loan_borrowers: dict[str, Choice]
    cities: dict[str, list[str]]
    item_aliases: dict[str, list[str]]


@lru_cache
def load_vocabulary() -> Vocabulary:
    """Load ``vocabulary.yml`` once, each choice with its contract label.

    Raises:
        ValueError: a section does not list exactly the contract's codes of its field.
    """
    raw = yaml.safe_load(VOCABULARY_FILE.read_text(encoding="utf-8"))

    def choices(section: str, field: str) -> dict[str, Choice]:
        labels = CHOICE_LABELS[field]
        if list(raw[section]) != list(labels):
            raise ValueError(f"vocabulary.yml {section}: {list(raw[section])}, contract/labels.json {list(labels)}")
        return {code: Choice(code=code, label=labels[code], **entry) for code, entry in raw[section].items()}

    return Vocabulary(
        person_categories=choices("person_categories", "person_category"),
        other_categories=choices("other_categories", "other_category"),
        business_types=choices("business_types", "business_type"),
        loan_borrowers=choices("loan_borrowers", "loan_borrower"),
        cities=raw["cities"],
        item_aliases=raw["item_aliases"],
    )
