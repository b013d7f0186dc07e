"""The policy numbers of ``data/policy.yml``: working age, the start-up subsidy, the guaranteed loan's limits, benefits.

The items filed only together come from ``contract/labels.json`` (the bot shows the same groups).
"""

from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel

from contract.labels import ITEMS_FILED_TOGETHER

POLICY_FILE = Path(__file__).resolve().parents[1] / "data" / "policy.yml"


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


@lru_cache
def load_policy() -> Policy:
    """Load ``policy.yml`` once, with the contract's groups of items filed together."""
    raw = yaml.safe_load(POLICY_FILE.read_text(encoding="utf-8"))
    return Policy(**raw, items_together=[list(group) for group in ITEMS_FILED_TOGETHER])
