"""Why and how long a conversation waits in the handoff queue (reasons: ``data/handoff_reasons.yml``)."""

from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache
from pathlib import Path

import yaml

REASONS_FILE = Path(__file__).resolve().parents[1] / "data" / "handoff_reasons.yml"
OTHER = "other"


@dataclass(frozen=True)
class ReasonKind:
    """A reason code and its label."""

    code: str
    label: str


@dataclass(frozen=True)
class ReasonBook:
    """Reason codes, labels and the aliases (intent names of older bots) that map to them."""

    labels: dict[str, str]
    aliases: dict[str, str]

    def kind_of(self, reason: str) -> ReasonKind:
        """The kind of a stored reason: its own code, an alias's code, else ``other``."""
        key = (reason or "").strip()
        code = key if key in self.labels else self.aliases.get(key, OTHER)
        return ReasonKind(code, self.labels.get(code, "其他"))


@lru_cache(maxsize=4)
def load_reasons(path: Path = REASONS_FILE) -> ReasonBook:
    """The reasons of ``path`` (read once per process)."""
    raw = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    labels: dict[str, str] = {}
    aliases: dict[str, str] = {}
    for entry in raw.get("reasons") or []:
        code = str(entry["code"])
        labels[code] = str(entry["label"])
        aliases.update({str(alias): code for alias in entry.get("aliases") or []})
    return ReasonBook(labels, aliases)


def waited_seconds(created_at: datetime, taken_at: datetime | None, now: datetime) -> int:
    """How long a conversation waited for a person: until now while waiting, until taken once taken."""
    end = taken_at or now
    return max(0, int((end - created_at).total_seconds()))
