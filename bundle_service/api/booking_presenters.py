"""Bookings after the licence and 免申即享 offers as the API answers them."""

from bundle_service.applications.catalog import load_items
from bundle_service.bookings.booking import Options
from bundle_service.bookings.kinds import load_kinds
from bundle_service.models.booking import Booking
from bundle_service.models.offer import BenefitOffer
from bundle_service.offers.finding import NEEDS
from bundle_service.schemas.bookings import BookingKindOut, BookingOut, BookingsOut, ProviderOut
from bundle_service.schemas.offers import OfferOut


def booking_out(booking: Booking) -> BookingOut:
    """A booking made (what was passed is stored masked)."""
    return BookingOut(
        kind=booking.kind,
        label=load_kinds()[booking.kind].label,
        provider_code=booking.provider_code,
        provider_name=booking.provider_name,
        provider_address=booking.provider_address,
        provider_phone=booking.provider_phone,
        reference=booking.reference,
        note=booking.note,
        passed=booking.passed,
        booked_at=booking.booked_at,
        cancelled_at=booking.cancelled_at,
        cancelled_by=booking.cancelled_by,
    )


def bookings_out(options: Options) -> BookingsOut:
    """What an application may book, with whom, and what it booked."""
    return BookingsOut(
        number=options.number,
        available=options.available,
        note=options.note,
        kinds=[
            BookingKindOut(
                kind=k.kind.code,
                label=k.kind.label,
                provider_label=k.kind.provider_label,
                passed_fields=k.passed,
                providers=[ProviderOut.model_validate(p, from_attributes=True) for p in k.providers],
                booking=booking_out(k.booking) if k.booking is not None else None,
                cancelled=booking_out(k.cancelled) if k.cancelled is not None else None,
            )
            for k in options.kinds
        ],
    )


def offer_out(offer: BenefitOffer) -> OfferOut:
    """An open offer with why, and what its confirmation must add."""
    return OfferOut(
        item=offer.item,
        name=load_items()[offer.item].name,
        reason=offer.reason,
        needs=list(NEEDS.get(offer.item, ())),
        offered_at=offer.offered_at,
    )
