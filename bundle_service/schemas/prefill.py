"""What data sharing already holds for a person (免提交)."""

from pydantic import BaseModel, ConfigDict


class PrefillIn(BaseModel):
    """The person's ID number (in the body, never in the URL) and optionally the premises address."""

    model_config = ConfigDict(extra="forbid")

    id_number: str
    premises_address: str | None = None
    items: list[str] | None = None


class HeldField(BaseModel):
    """A form field the service fills from shared data: the form must not ask for it."""

    field: str
    label: str
    source: str


class HeldMaterial(BaseModel):
    """A material held by data sharing (免提交)."""

    code: str
    name: str
    source: str


class PrefillOut(BaseModel):
    """Which fields and materials are held; values stay in the service.

    Attributes:
        identified: The caller is identified as this person; only then are the records consulted (otherwise
            ``found`` is false, nothing is held but identity and registered premises, whoever the ID number is).
        identified_by: ``realname`` (real-name authenticated WeChat account) or ``caller_verification`` (hotline
            staff verified the caller); None when not identified.
        found: The shared sources know the identified person.
    """

    identified: bool
    identified_by: str | None
    found: bool
    id_number: str
    name_hint: str | None
    fields: list[HeldField]
    never_ask: list[str]
    materials: list[HeldMaterial]
    premises_registered: bool | None
    one_click_available: bool
