"""The kinds of booking (``data/booking_kinds.yml``): seal engraving and bank account opening."""

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

KINDS_FILE = Path(__file__).resolve().parent.parent / "data" / "booking_kinds.yml"
REGISTRATION_ITEM = "business_registration"  # the item whose finish opens the bookings


@dataclass(frozen=True)
class BookingKind:
    """One kind of booking.

    Attributes:
        code: ``seal`` or ``bank``.
        label: What is booked, in Chinese (刻章).
        provider_label: What a provider of the kind is called (刻章店).
        fields: Field codes a provider of this kind receives (``passing.FIELDS``), nothing else.
    """

    code: str
    label: str
    provider_label: str
    fields: tuple[str, ...]


@lru_cache
def load_kinds() -> dict[str, BookingKind]:
    """The kinds by code, in the file's order.

    Raises:
        ValueError: a kind names a field ``passing`` does not know.
    """
    from bundle_service.bookings.passing import FIELDS  # the field catalogue reads applications, kinds do not

    raw = yaml.safe_load(KINDS_FILE.read_text(encoding="utf-8"))["kinds"]
    kinds = {}
    for code, entry in raw.items():
        unknown = [name for name in entry["fields"] if name not in FIELDS]
        if unknown:
            raise ValueError(f"booking kind {code}: unknown fields {unknown}")
        kinds[code] = BookingKind(code, entry["label"], entry["provider_label"], tuple(entry["fields"]))
    return kinds
