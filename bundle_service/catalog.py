"""The bundle's item catalogue: the 8 items, their departments and time limits."""

from functools import lru_cache
from pathlib import Path

import yaml
from pydantic import BaseModel

ITEMS_FILE = Path(__file__).parent / "data" / "items.yml"


class Item(BaseModel):
    """One item of the bundle.

    Attributes:
        code: Contract code of the item (e.g. ``guaranteed_loan``).
        name: Official Chinese name.
        department: Handling department(s).
        time_limit_days: Statutory limit in working days from the department's receipt.
        summary: Who qualifies, what it gives and what must be provided.
    """

    code: str
    name: str
    department: str
    time_limit_days: int
    summary: str


@lru_cache
def load_items() -> dict[str, Item]:
    """Load the catalogue once, keyed by item code, in the order of the bundle."""
    raw = yaml.safe_load(ITEMS_FILE.read_text(encoding="utf-8"))
    return {entry["code"]: Item(**entry) for entry in raw}
