"""Policy numbers, materials and the form's vocabulary, read from the data files.

Names both environments show (choice labels, the items filed together) come from ``contract/labels.json``.
"""

from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel

from contract.labels import CHOICE_LABELS, ITEMS_FILED_TOGETHER

DATA_DIR = Path(__file__).parent / "data"


class LoanLimit(BaseModel):
    """Loan limit of one borrower type.

    Attributes:
        max_amount_yuan: Highest amount (per person for partnerships, before the uplift).
        max_term_months: Longest term.
        uplift: Extra share per person allowed for partnerships (0.10 = 10%).
        min_partners: Fewest partners of a partnership.
        max_partners: Most partners of a partnership.
    """

    max_amount_yuan: int
    max_term_months: int
    uplift: float = 0.0
    min_partners: int = 1
    max_partners: int = 1


class Benefit(BaseModel):
    """A benefit the eligibility matching reports, tied to an item."""

    code: str
    name: str
    item: str
    requires_employment_cert: bool = False


class Policy(BaseModel):
    """Everything in ``policy.yml``, and the items filed only together (``contract/labels.json``)."""

    working_age: dict[str, int]
    startup_subsidy: dict[str, Any]
    guaranteed_loan: dict[str, Any]
    items_together: list[list[str]]
    benefits: list[Benefit]
    one_click_items: list[str]

    def loan_limit(self, borrower: str) -> LoanLimit:
        """Limits of a borrower type (``individual``, ``partnership`` or ``enterprise``)."""
        return LoanLimit(**self.guaranteed_loan[borrower])


class Material(BaseModel):
    """A material an item asks for, and where shared data holds it."""

    code: str
    name: str
    held_by: str
    source: str


class Materials(BaseModel):
    """Everything in ``materials.yml``."""

    materials: dict[str, Material]
    category_proof: dict[str, str]
    produced_by: dict[str, str]


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


def _read(name: str) -> Any:
    return yaml.safe_load((DATA_DIR / name).read_text(encoding="utf-8"))


@lru_cache
def load_policy() -> Policy:
    """Load ``policy.yml`` once, with the contract's groups of items filed together."""
    return Policy(**_read("policy.yml"), items_together=[list(group) for group in ITEMS_FILED_TOGETHER])


@lru_cache
def load_materials() -> Materials:
    """Load ``materials.yml`` once."""
    raw = _read("materials.yml")
    materials = {code: Material(code=code, **entry) for code, entry in raw["materials"].items()}
    return Materials(materials=materials, category_proof=raw["category_proof"], produced_by=raw["produced_by"])


@lru_cache
def load_vocabulary() -> Vocabulary:
    """Load ``vocabulary.yml`` once, each choice with its contract label.

    Raises:
        ValueError: a section does not list exactly the contract's codes of its field.
    """
    raw = _read("vocabulary.yml")

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
