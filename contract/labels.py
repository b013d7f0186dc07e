"""The names both environments show, loaded from their one source, ``contract/labels.json``.

The bot shows an item's name, a field's label or a choice's label in chat (summaries, re-prompts, notes); the
service shows the same names in its answers and error messages. Both read them here, so a name is written once:

- :data:`ITEM_NAMES`: the bundle's 8 items, code → official name (``../shared/spec/bundle.md``), in the bundle's
  order. The service's ``bundle_service/data/items.yml`` holds the rest of an item (department, materials,
  summary) and must name the same codes.
- :data:`ITEM_TIME_LIMITS`: item code → statutory time limit in working days (the bot states them, the service
  gives each department task its limit from them).
- :data:`ITEMS_FILED_TOGETHER`: groups of items that are applied for only together (the policy rule both the
  form's validator and the chat's "added for you" note apply).
- :data:`FIELD_LABELS`: the application form's fields (the service's field names) → label.
- :data:`CHOICE_LABELS`: a choice field's values → label (``person_category``, ``other_category``,
  ``business_type``, ``loan_borrower``); the service's ``vocabulary.yml`` adds the aliases it accepts.

JSON, because this package is standard library only (both Python environments import it). The mappings are
read-only.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path
from types import MappingProxyType
from typing import Any

SOURCE = Path(__file__).with_name("labels.json")


def _read(path: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


_DATA = _read(SOURCE)

ITEM_NAMES: Mapping[str, str] = MappingProxyType(dict(_DATA["items"]))
ITEM_TIME_LIMITS: Mapping[str, int] = MappingProxyType(
    {code: int(days) for code, days in _DATA["item_time_limits"].items()}
)
ITEMS_FILED_TOGETHER: tuple[tuple[str, ...], ...] = tuple(tuple(group) for group in _DATA["items_filed_together"])
FIELD_LABELS: Mapping[str, str] = MappingProxyType(dict(_DATA["fields"]))
CHOICE_LABELS: Mapping[str, Mapping[str, str]] = MappingProxyType(
    {field: MappingProxyType(dict(labels)) for field, labels in _DATA["choices"].items()}
)
