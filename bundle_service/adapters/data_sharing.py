"""Data sharing (免提交 / 免申即享): the adapter interface and a local simulated registry.

The real deployment connects the market-regulation registration database, the hard-to-employ and the registered
unemployed databases and the e-certificate library; ``SharedData`` is the interface the rest of the service uses,
``LocalRegistry`` a simulation seeded from ``data/shared_registry.yml``.
"""

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, Protocol

import yaml


@dataclass(frozen=True)
class Licence:
    """An e-licence (电子营业执照) held in the registration database."""

    number: str
    business_name: str
    business_type: str
    industry: str
    registered_on: date
    address: str
    city: str
    county: str


@dataclass(frozen=True)
class PersonRecords:
    """Everything the shared sources hold about one person.

    Attributes:
        id_number: The person's ID number.
        name: Name in the population database.
        phone: Contact number on file (confirms one-click offers).
        photo: A recent photo is in the e-certificate library.
        graduation_year: From the education record, if any.
        licences: E-licences the person holds.
        unemployed_since: Registration date in the registered-unemployed database, if any.
        hard_to_employ_kind: Kind of hard-to-employ record (e.g. 残疾人), if any.
        veteran: A veteran's certificate is in the e-certificate library.
        employment_cert: Number of an employment and entrepreneurship certificate already issued, if any.
    """

    id_number: str
    name: str
    phone: str | None = None
    photo: bool = False
    graduation_year: int | None = None
    licences: tuple[Licence, ...] = ()
    unemployed_since: date | None = None
    hard_to_employ_kind: str | None = None
    veteran: bool = False
    employment_cert: str | None = None

    @property
    def holdings(self) -> frozenset[str]:
        """Record kinds held (``materials.yml`` ``held_by`` values)."""
        kinds = {"identity"}
        flags = {
            "photo": self.photo,
            "education": self.graduation_year is not None,
            "licence": bool(self.licences),
            "unemployed": self.unemployed_since is not None,
            "hard_to_employ": self.hard_to_employ_kind is not None,
            "veteran": self.veteran,
            "employment_cert": self.employment_cert is not None,
        }
        kinds.update(kind for kind, held in flags.items() if held)
        return frozenset(kinds)

    @property
    def proven_category(self) -> str | None:
        """The person category the records prove (hard-to-employ first when several do)."""
        proven = [
            category
            for category, held in (
                ("hard_to_employ", self.hard_to_employ_kind is not None),
                ("registered_unemployed", self.unemployed_since is not None),
                ("veteran", self.veteran),
            )
            if held
        ]
        return proven[0] if proven else None

    @property
    def in_support_databases(self) -> bool:
        """Found in the registered-unemployed or hard-to-employ database (免申即享 candidates)."""
        return self.unemployed_since is not None or self.hard_to_employ_kind is not None

    @property
    def first_licence(self) -> Licence | None:
        """The earliest licence, if any."""
        return min(self.licences, key=lambda licence: licence.registered_on) if self.licences else None


@dataclass(frozen=True)
class Premises:
    """A business premises already registered with market regulation."""

    address: str
    city: str
    county: str


class SharedData(Protocol):
    """What the service asks the data-sharing platform."""

    def person(self, id_number: str) -> PersonRecords | None:
        """Records of the person with ``id_number``, or None when no source knows them."""
        ...

    def premises(self, address: str) -> Premises | None:
        """The registered premises at ``address``, or None."""
        ...


def _normalise_address(address: str) -> str:
    return "".join(address.split()).removeprefix("湖南省")


@dataclass
class LocalRegistry:
    """Simulated registry read from a YAML file of sample people and premises.

    Args:
        people: Records by ID number.
        registered_premises: Premises by normalised address.
    """

    people: dict[str, PersonRecords] = field(default_factory=dict)
    registered_premises: dict[str, Premises] = field(default_factory=dict)

    @classmethod
    def from_yaml(cls, path: Path) -> "LocalRegistry":
        """Load the registry from ``path`` (see ``data/shared_registry.yml``)."""
        raw: dict[str, Any] = yaml.safe_load(path.read_text(encoding="utf-8"))
        people = {}
        for entry in raw.get("people", []):
            person = _person(entry)
            people[person.id_number] = person
        premises = {
            _normalise_address(p["address"]): Premises(address=p["address"], city=p["city"], county=p["county"])
            for p in raw.get("premises", [])
        }
        return cls(people=people, registered_premises=premises)

    def person(self, id_number: str) -> PersonRecords | None:
        """Records of the person with ``id_number``, or None."""
        return self.people.get(id_number.upper())

    def premises(self, address: str) -> Premises | None:
        """The registered premises at ``address`` (whitespace and a leading 湖南省 ignored), or None."""
        return self.registered_premises.get(_normalise_address(address))


def _person(entry: dict[str, Any]) -> PersonRecords:
    licences = tuple(
        Licence(
            number=str(lic["number"]),
            business_name=lic["business_name"],
            business_type=lic["business_type"],
            industry=lic["industry"],
            registered_on=lic["registered_on"],
            address=lic["address"],
            city=lic["city"],
            county=lic["county"],
        )
        for lic in entry.get("licences", [])
    )
    return PersonRecords(
        id_number=str(entry["id_number"]).upper(),
        name=entry["name"],
        phone=str(entry["phone"]) if entry.get("phone") else None,
        photo=bool(entry.get("photo")),
        graduation_year=(entry.get("education") or {}).get("graduation_year"),
        licences=licences,
        unemployed_since=(entry.get("unemployed") or {}).get("registered_on"),
        hard_to_employ_kind=(entry.get("hard_to_employ") or {}).get("kind"),
        veteran=bool(entry.get("veteran")),
        employment_cert=str(entry["employment_cert"]) if entry.get("employment_cert") else None,
    )
