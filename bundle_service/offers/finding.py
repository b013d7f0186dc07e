"""Finding the offers of an identified person and telling them once; the offers still open."""

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from bundle_service.adapters.data_sharing import PersonRecords
from bundle_service.applications.one_click import offered_assessments
from bundle_service.crud.audit import record
from bundle_service.identity.records_access import person_subject
from bundle_service.models import Applicant, Application
from bundle_service.models.offer import BenefitOffer
from bundle_service.notifications.outbox import Notice, Recipient, enqueue
from bundle_service.notifications.triggers import chinese_date

NOTICE_KIND = "benefit_offer"  # its text: data/notification_templates.yml
# What a confirmation asks to add: the subsidy is paid to an account (optional; without it the checklist lists it)
NEEDS = {"startup_subsidy": ("bank_account",)}


@dataclass(frozen=True)
class Found:
    """The outcome of looking for a person's offers.

    Attributes:
        new: Offers made now (each told once, by the outbox).
        open: Every offer not confirmed yet, oldest first (the new ones included).
    """

    new: list[BenefitOffer]
    open: list[BenefitOffer]


def claimed_items(session: Session, id_number: str) -> set[str]:
    """Items the person has applied for already (any application, any state)."""
    query = select(Application.items).join(Applicant).where(Applicant.id_number == id_number.upper())
    return {item for items in session.scalars(query) for item in items}


def _offers_of(session: Session, person: str) -> list[BenefitOffer]:
    return list(session.scalars(select(BenefitOffer).where(BenefitOffer.person == person).order_by(BenefitOffer.id)))


def find(session: Session, records: PersonRecords | None, openid: str | None, today: date, now: datetime) -> Found:
    """Record and tell the offers ``records`` prove and the person has neither been offered nor claimed.

    Call it only for a caller identified as the person of ``records`` (``RecordsAccess.person`` answers nothing
    otherwise). Each (person, item) is offered once, ever: a concurrent finder that loses the race skips it.

    Args:
        session: Open session (the offers and their notifications commit together).
        records: The identified person's shared records.
        openid: Their verified WeChat openid, if they use WeChat (else the phone on file is told by SMS).
        today: Today in the service's time zone.
        now: When.
    """
    if records is None:
        return Found([], [])
    person = person_subject(records.id_number)
    known = {offer.item for offer in _offers_of(session, person)}
    claimed = claimed_items(session, records.id_number)
    new: list[BenefitOffer] = []
    for assessment in offered_assessments(records, today):
        if assessment.code in known or assessment.code in claimed:
            continue
        offer = BenefitOffer(
            person=person, item=assessment.code, reason=assessment.reason, openid=openid, offered_at=now
        )
        try:
            with session.begin_nested():
                session.add(offer)
                session.flush()
        except IntegrityError:
            continue
        notice = Notice(
            event_key=f"offer:{offer.id}",
            kind=NOTICE_KIND,
            recipient=Recipient(openid=openid, phone=records.phone),
            values={"benefit": assessment.name, "reason": assessment.reason.rstrip("。"), "date": chinese_date(today)},
        )
        enqueue(session, notice, now)
        record(session, at=now, actor="system", action="offer.made", details={"offer": offer.id, "item": offer.item})
        new.append(offer)
    return Found(new, [offer for offer in _offers_of(session, person) if offer.application_number is None])


def mark_shown(offers: list[BenefitOffer], now: datetime) -> None:
    """Note when each offer was first shown to the person in a conversation or page."""
    for offer in offers:
        if offer.shown_at is None:
            offer.shown_at = now
