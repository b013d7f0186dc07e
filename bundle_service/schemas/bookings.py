"""Bookings after the licence (seal engraving, bank account opening) and the admin's provider list."""

from datetime import datetime

from pydantic import BaseModel, ConfigDict, Field


class ProviderIn(BaseModel):
    """A seal engraver or a bank branch (the fields of ``data/booking_providers.yml``)."""

    model_config = ConfigDict(extra="forbid")

    code: str = Field(max_length=40, description="Stable machine code (a-z, digits, _).")
    kind: str = Field(max_length=16, description="seal or bank (data/booking_kinds.yml)")
    name: str = Field(max_length=100)
    city: str = Field(max_length=20, description="市州 of the address, as the form writes it (长沙市).")
    county: str = Field(max_length=30, description="县市区 of the address (芙蓉区).")
    address: str = Field(max_length=200)
    phone: str = Field(max_length=20)
    active: bool = True


class ProvidersIn(BaseModel):
    """The whole provider list."""

    providers: list[ProviderIn] = Field(max_length=500)


class ProvidersOut(ProvidersIn):
    """The list in force; ``updated_by``/``updated_at`` are empty while the default file is in force."""

    updated_by: str | None
    updated_at: datetime | None


class ProviderOut(BaseModel):
    """A provider a user may choose."""

    code: str
    name: str
    city: str
    county: str
    address: str
    phone: str


class BookingOut(BaseModel):
    """A booking made: with whom, its reference, and what the provider received (masked)."""

    kind: str
    label: str
    provider_code: str
    provider_name: str
    provider_address: str
    provider_phone: str
    reference: str
    note: str | None
    passed: dict[str, str] = Field(description="Field code → the value passed to the provider, masked.")
    booked_at: datetime
    cancelled_at: datetime | None = Field(default=None, description="Set once cancelled (the provider was told).")
    cancelled_by: str | None = None


class BookingKindOut(BaseModel):
    """One kind of booking of an application: what its provider receives, the choice, or the booking made."""

    kind: str
    label: str
    provider_label: str
    passed_fields: list[str] = Field(description="The Chinese names of what the chosen provider will receive.")
    providers: list[ProviderOut]
    booking: BookingOut | None
    cancelled: BookingOut | None = Field(default=None, description="The last booking, cancelled, until booked again.")


class BookingsOut(BaseModel):
    """What an application may book now (``available`` once business registration is 已办结) and what it booked."""

    number: str
    available: bool
    note: str
    kinds: list[BookingKindOut]


class BookingIn(BaseModel):
    """Book the chosen provider; ``id_last6`` verifies ownership when no login or gateway openid does."""

    model_config = ConfigDict(extra="forbid")

    kind: str = Field(max_length=16)
    provider: str = Field(max_length=40)
    id_last6: str | None = Field(default=None, max_length=6)
