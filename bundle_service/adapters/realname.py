"""Real-name authentication (实名认证): the adapter interface and a local simulated registry.

The platform binds a WeChat account (openid) to a verified resident ID number and name once, with face
verification; the bundle's "one identity check" is that binding, never an ID number typed into a chat.
``RealNameAuthority`` is what the service asks; ``LocalRealNameRegistry`` simulates it from
``data/realname_registry.yml`` (chosen by ``BUNDLE_REALNAME_REGISTRY_FILE``, like the data-sharing registry).
"""

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

import yaml


@dataclass(frozen=True)
class RealName:
    """A verified binding of a WeChat account to a person.

    Attributes:
        openid: The WeChat openid.
        id_number: The verified 18-character ID number (upper case).
        name: The verified name.
    """

    openid: str
    id_number: str
    name: str


class RealNameAuthority(Protocol):
    """What the service asks the platform's real-name authentication."""

    def bound(self, openid: str) -> RealName | None:
        """The person ``openid`` is real-name bound to, or None when the account is not authenticated."""
        ...


@dataclass
class LocalRealNameRegistry:
    """Simulated real-name bindings read from a YAML list of ``{openid, id_number, name}``.

    Args:
        bindings: Bindings by openid.
    """

    bindings: dict[str, RealName] = field(default_factory=dict)

    @classmethod
    def from_yaml(cls, path: Path) -> "LocalRealNameRegistry":
        """Load the bindings from ``path`` (see ``data/realname_registry.yml``)."""
        raw: dict[str, Any] = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        bindings = {}
        for entry in raw.get("bindings", []):
            binding = RealName(
                openid=str(entry["openid"]), id_number=str(entry["id_number"]).upper(), name=str(entry["name"])
            )
            bindings[binding.openid] = binding
        return cls(bindings=bindings)

    def bound(self, openid: str) -> RealName | None:
        """The binding of ``openid``, or None."""
        return self.bindings.get(openid)
