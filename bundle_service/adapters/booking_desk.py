"""The booking desk of seal engravers and bank branches: the adapter interface, its HTTP client and a local simulation.

The province's platform forwards a booking to the chosen provider (``POST {base}/bookings``, JSON
``{"kind", "provider", "data"}`` → 201 ``{"reference", "note"}``). ``HttpBookingDesk`` speaks that protocol
(``BUNDLE_BOOKING_API_BASE``); without it ``LocalBookingDesk`` simulates the desk in process, like the
data-sharing registry. The desk receives only what the service hands it: the bookings wing decides that.

Each booking carries an ``Idempotency-Key`` header (application, kind and provider): a desk that honours it
answers a repeated booking (a retry after a lost answer or a crash) with the first reference.

A cancellation speaks the same protocol: ``POST {base}/bookings/{reference}/cancel`` ``{"kind", "provider"}`` →
200 (or 404: the desk holds no such booking, so nothing is left to cancel). Cancelling twice is harmless.
"""

import hashlib
import logging
from dataclasses import dataclass
from typing import Protocol
from urllib.parse import quote

import httpx

logger = logging.getLogger(__name__)
TIMEOUT_SECONDS = 5.0


@dataclass(frozen=True)
class Receipt:
    """The provider's confirmation of a booking.

    Attributes:
        reference: The provider's booking number.
        note: What the user should know (when to come, what to bring), if anything.
    """

    reference: str
    note: str | None = None


class BookingFailed(Exception):
    """The desk could not take the booking or its cancellation (unreachable, refused, an answer without a reference)."""


class BookingDesk(Protocol):
    """What the service asks the booking desk."""

    def book(self, kind: str, provider: str, data: dict[str, str], key: str) -> Receipt:
        """Book ``provider`` (a code of the provider list) for ``kind`` with exactly ``data``; ``key`` makes it once.

        Raises:
            BookingFailed: the booking was not taken.
        """
        ...

    def cancel(self, kind: str, provider: str, reference: str) -> None:
        """Tell ``provider`` that booking ``reference`` of ``kind`` is cancelled.

        Raises:
            BookingFailed: the desk did not take the cancellation (the booking stands).
        """
        ...


@dataclass(frozen=True)
class HttpBookingDesk:
    """Client of the platform's booking desk at ``base`` (``POST {base}/bookings``)."""

    base: str

    def book(self, kind: str, provider: str, data: dict[str, str], key: str) -> Receipt:
        """Send the booking; 201 with a ``reference`` is a booking, anything else :class:`BookingFailed`."""
        url = f"{self.base.rstrip('/')}/bookings"
        body = {"kind": kind, "provider": provider, "data": data}
        try:
            response = httpx.post(url, json=body, headers={"Idempotency-Key": key}, timeout=TIMEOUT_SECONDS)
            answer = response.json() if response.content else {}
        except (httpx.HTTPError, ValueError) as error:
            logger.warning("booking desk unreachable: %s", type(error).__name__)
            raise BookingFailed("unreachable") from error
        reference = answer.get("reference") if isinstance(answer, dict) else None
        if response.status_code != httpx.codes.CREATED or not isinstance(reference, str) or not reference:
            logger.warning("booking desk refused: status %s", response.status_code)
            raise BookingFailed(f"status {response.status_code}")
        note = answer.get("note")
        return Receipt(reference[:64], str(note)[:200] if note else None)

    def cancel(self, kind: str, provider: str, reference: str) -> None:
        """Send the cancellation; 200 (cancelled) or 404 (the desk holds no such booking) is done."""
        url = f"{self.base.rstrip('/')}/bookings/{quote(reference, safe='')}/cancel"
        try:
            response = httpx.post(url, json={"kind": kind, "provider": provider}, timeout=TIMEOUT_SECONDS)
        except httpx.HTTPError as error:
            logger.warning("booking desk unreachable: %s", type(error).__name__)
            raise BookingFailed("unreachable") from error
        if response.status_code not in (httpx.codes.OK, httpx.codes.NOT_FOUND):
            logger.warning("booking desk refused the cancellation: status %s", response.status_code)
            raise BookingFailed(f"status {response.status_code}")


@dataclass(frozen=True)
class LocalBookingDesk:
    """Simulated desk (development): every booking is taken, its reference derived from what was booked."""

    def book(self, kind: str, provider: str, data: dict[str, str], key: str) -> Receipt:
        """A reference ``<KIND>-<10 hex>``, the same for the same booking."""
        digest = hashlib.sha256(f"{kind}|{provider}|{data.get('application_number', '')}".encode()).hexdigest()
        return Receipt(f"{kind.upper()}-{digest[:10].upper()}", "请携带身份证原件，按预约到店办理。")

    def cancel(self, kind: str, provider: str, reference: str) -> None:
        """Every cancellation is taken."""


@dataclass(frozen=True)
class UnconfiguredDesk:
    """A production service without ``BUNDLE_BOOKING_API_BASE``: no booking is taken, none is pretended."""

    def book(self, kind: str, provider: str, data: dict[str, str], key: str) -> Receipt:
        """Always :class:`BookingFailed` (the user is told the booking system cannot be reached)."""
        logger.error("BUNDLE_BOOKING_API_BASE is unset in production: booking refused")
        raise BookingFailed("not configured")

    def cancel(self, kind: str, provider: str, reference: str) -> None:
        """Always :class:`BookingFailed` (nothing could have been booked either)."""
        raise BookingFailed("not configured")
