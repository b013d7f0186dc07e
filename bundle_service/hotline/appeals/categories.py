"""诉求 categories from ``data/appeal_categories.yml`` and the transparent rule that proposes one from the text."""

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

CATEGORIES_FILE = Path(__file__).resolve().parents[2] / "data" / "appeal_categories.yml"
OTHER = "other"
FOLLOWUP = "followup"
MAX_ALTERNATIVES = 3


@dataclass(frozen=True)
class Category:
    """One first-level category.

    Attributes:
        code: Stable machine code.
        label: Chinese name shown to users and staff.
        time_limit_days: Working days to answer.
        keywords: Words whose presence in the user's text votes for the category.
        reason: Why the category exists (for admins).
        selectable: Whether users may choose it (``followup`` is opened by the service only).
    """

    code: str
    label: str
    time_limit_days: int
    keywords: tuple[str, ...]
    reason: str
    selectable: bool = True


@dataclass(frozen=True)
class Proposal:
    """The category the rule proposes for a text.

    Attributes:
        category: The proposed category.
        matched: The keywords found in the text for it (empty: nothing matched, ``other``).
        alternatives: Other selectable categories with at least one hit, best first.
    """

    category: Category
    matched: tuple[str, ...]
    alternatives: tuple[Category, ...]


@dataclass(frozen=True)
class CategoryBook:
    """The categories in file order, with the classification rule."""

    categories: tuple[Category, ...]

    def get(self, code: str) -> Category | None:
        """The category of ``code``, or ``None``."""
        return next((category for category in self.categories if category.code == code), None)

    def selectable(self) -> list[Category]:
        """The categories users may choose, in file order."""
        return [category for category in self.categories if category.selectable]

    def classify(self, text: str) -> Proposal:
        """Propose a category: the most keyword hits wins, ties go to the earlier category, none → ``other``.

        Args:
            text: What the user said happened (and where/when).

        Returns:
            The proposal with the words that decided it.
        """
        scored: list[tuple[int, int, Category, tuple[str, ...]]] = []
        for position, category in enumerate(self.selectable()):
            hits = tuple(word for word in category.keywords if word and word in text)
            if hits:
                scored.append((-len(hits), position, category, hits))
        scored.sort(key=lambda entry: (entry[0], entry[1]))
        if not scored:
            other = self.get(OTHER)
            assert other is not None, "appeal_categories.yml must define 'other'"
            return Proposal(other, (), ())
        _, _, best, matched = scored[0]
        alternatives = tuple(entry[2] for entry in scored[1 : 1 + MAX_ALTERNATIVES])
        return Proposal(best, matched, alternatives)


def parse_categories(raw: object) -> CategoryBook:
    """Build the book from the YAML document; ``other`` and ``followup`` must exist.

    Raises:
        ValueError: for a malformed file (the service refuses to start with it).
    """
    if not isinstance(raw, dict) or not isinstance(raw.get("categories"), list):
        raise ValueError("appeal_categories.yml: a 'categories' list is required")
    categories = tuple(
        Category(
            code=str(entry["code"]),
            label=str(entry["label"]),
            time_limit_days=int(entry["time_limit_days"]),
            keywords=tuple(str(word) for word in entry.get("keywords") or ()),
            reason=str(entry.get("reason", "")),
            selectable=bool(entry.get("selectable", True)),
        )
        for entry in raw["categories"]
    )
    codes = [category.code for category in categories]
    if len(set(codes)) != len(codes):
        raise ValueError("appeal_categories.yml: duplicate category codes")
    book = CategoryBook(categories)
    if book.get(OTHER) is None or book.get(FOLLOWUP) is None:
        raise ValueError("appeal_categories.yml: the categories 'other' and 'followup' are required")
    if any(category.time_limit_days < 1 for category in categories):
        raise ValueError("appeal_categories.yml: time limits are at least 1 working day")
    return book


@lru_cache(maxsize=4)
def load_categories(path: Path = CATEGORIES_FILE) -> CategoryBook:
    """The categories of ``path`` (read once per process)."""
    return parse_categories(yaml.safe_load(path.read_text(encoding="utf-8")))
