"""The materials items ask for (``data/materials.yml``) and an application's checklist, 免提交 items marked."""

from dataclasses import asdict, dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel

from bundle_service.applications.catalog import load_items

MATERIALS_FILE = Path(__file__).resolve().parents[1] / "data" / "materials.yml"
EXEMPT_LABEL = "免提交"
REQUIRED_LABEL = "需提交"


class Material(BaseModel):
    """A material an item asks for, and where shared data holds it."""

    code: str
    name: str
    held_by: str
    source: str
    form_field: str | None = None  # a form field that carries the material itself (the subsidy's bank account)


class Materials(BaseModel):
    """Everything in ``materials.yml``."""

    materials: dict[str, Material]
    category_proof: dict[str, str]
    produced_by: dict[str, str]


@lru_cache
def load_materials() -> Materials:
    """Load ``materials.yml`` once."""
    raw = yaml.safe_load(MATERIALS_FILE.read_text(encoding="utf-8"))
    materials = {code: Material(code=code, **entry) for code, entry in raw["materials"].items()}
    return Materials(materials=materials, category_proof=raw["category_proof"], produced_by=raw["produced_by"])


@dataclass(frozen=True)
class ChecklistEntry:
    """One material of an application.

    Attributes:
        code: Material code (``materials.yml``).
        name: Chinese name.
        items: Item codes that need it.
        exempt: True when shared data (or another item of the same application) provides it.
        status: ``免提交`` or ``需提交``.
        source: Where an exempt material comes from.
    """

    code: str
    name: str
    items: list[str]
    exempt: bool
    status: str
    source: str | None

    def as_dict(self) -> dict[str, Any]:
        """JSON-ready dict."""
        return asdict(self)


def resolve_material(code: str, person_category: str | None) -> str | None:
    """The material behind a checklist code (``category_proof`` depends on the category)."""
    if code != "category_proof":
        return code
    return load_materials().category_proof.get(person_category or "")


def checklist(
    items: list[str], person_category: str | None, holdings: frozenset[str], given: frozenset[str] = frozenset()
) -> list[ChecklistEntry]:
    """Materials the chosen items need, each marked 免提交 when held.

    Args:
        items: Item codes of the application.
        person_category: The applicant's category (chooses the category proof).
        holdings: Record kinds the shared sources hold for the applicant (``identity`` always, ``premises``
            when the premises are registered).
        given: Form fields the application filled; a material carried by one of them is not listed.

    Returns:
        One entry per material, in the order the items first need them.
    """
    catalogue = load_items()
    reference = load_materials()
    needed: dict[str, list[str]] = {}
    for item in items:
        for code in catalogue[item].materials:
            material = resolve_material(code, person_category)
            if material is not None:
                needed.setdefault(material, []).append(item)
    entries = []
    for code, needing in needed.items():
        held = reference.materials[code]
        if held.form_field in given:
            continue
        producer = reference.produced_by.get(code)
        if held.held_by in holdings or held.held_by == "identity":
            entry = ChecklistEntry(code, held.name, needing, True, EXEMPT_LABEL, held.source)
        elif producer in items:
            source = f"本次一并办理的{catalogue[producer].name}"
            entry = ChecklistEntry(code, held.name, needing, True, EXEMPT_LABEL, source)
        else:
            entry = ChecklistEntry(code, held.name, needing, False, REQUIRED_LABEL, None)
        entries.append(entry)
    return entries
