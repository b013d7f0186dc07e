"""The bundle's item catalogue: the 8 items one form files, the departments they are dispatched to, the time limits.

An item's name and time limit come from their one source, ``contract/labels.json`` (the bot shows the same ones).
"""

from functools import lru_cache
from pathlib import Path

import yaml
from pydantic import BaseModel

from contract.labels import ITEM_NAMES, ITEM_TIME_LIMITS

ITEMS_FILE = Path(__file__).resolve().parents[1] / "data" / "items.yml"


class Item(BaseModel):
    """One item of the bundle.

    Attributes:
        code: Contract code of the item (e.g. ``guaranteed_loan``).
        name: Official Chinese name.
        department: Handling department(s).
        department_code: Code of the department task the item is dispatched to.
        time_limit_days: Statutory limit in working days from the department's receipt.
        materials: Codes of the materials the item needs (see ``materials.yml``).
        summary: Who qualifies, what it gives and what must be provided.
    """

    code: str
    name: str
    department: str
    department_code: str
    time_limit_days: int
    materials: list[str]
    summary: str


class Department(BaseModel):
    """A department that receives one task per application for the items it handles.

    Attributes:
        code: Department code (also the key of its API key).
        name: Chinese name.
        items: Codes of the items it handles, in catalogue order.
        time_limit_days: Limit of its task: the longest limit of its items (working days).
    """

    code: str
    name: str
    items: list[str]
    time_limit_days: int


@lru_cache
def load_items() -> dict[str, Item]:
    """Load the catalogue once, keyed by item code, in the order of the bundle, with the contract's name and limit.

    Raises:
        ValueError: ``items.yml`` does not list exactly the contract's items in the contract's order.
    """
    raw = yaml.safe_load(ITEMS_FILE.read_text(encoding="utf-8"))
    codes = [entry["code"] for entry in raw]
    if codes != list(ITEM_NAMES):
        raise ValueError(f"items.yml lists {codes}, contract/labels.json {list(ITEM_NAMES)}")
    return {
        entry["code"]: Item(name=ITEM_NAMES[entry["code"]], time_limit_days=ITEM_TIME_LIMITS[entry["code"]], **entry)
        for entry in raw
    }


@lru_cache
def load_departments() -> dict[str, Department]:
    """Group the catalogue's items by department code, in catalogue order."""
    departments: dict[str, Department] = {}
    for item in load_items().values():
        known = departments.get(item.department_code)
        if known is None:
            departments[item.department_code] = Department(
                code=item.department_code, name=item.department, items=[item.code], time_limit_days=item.time_limit_days
            )
        else:
            known.items.append(item.code)
            known.time_limit_days = max(known.time_limit_days, item.time_limit_days)
    return departments
