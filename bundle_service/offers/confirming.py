"""Confirming open offers in one step: one application through the existing one-click filing, nothing retyped."""

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from bundle_service.applications import one_click
from bundle_service.applications.catalog import load_items
from bundle_service.applications.filing import Filer, Filing, Filings
from bundle_service.core.errors import Conflict, FieldError, Forbidden, InvalidInput
from bundle_service.crud.audit import record
from bundle_service.identity.records_access import RecordsAccess, person_subject
from bundle_service.models.offer import BenefitOffer
from bundle_service.progress.owner_verification import Verifier

NO_OPEN_OFFER = "目前没有待确认的免申即享待遇。"


def _open(session: Session, person: str, items: list[str] | None) -> list[BenefitOffer]:
    query = select(BenefitOffer).where(BenefitOffer.person == person, BenefitOffer.application_number.is_(None))
    open_offers = list(session.scalars(query.order_by(BenefitOffer.id)))
    if items is None:
        return open_offers
    unknown = [code for code in items if code not in {offer.item for offer in open_offers}]
    if unknown:
        names = "、".join(load_items()[code].name if code in load_items() else code for code in unknown)
        raise InvalidInput([FieldError("items", "not_offered", f"以下事项没有待确认的免申即享待遇：{names}。")])
    return [offer for offer in open_offers if offer.item in items]


def confirm(
    sessions: sessionmaker[Session],
    filings: Filings,
    verifier: Verifier,
    access: RecordsAccess,
    *,
    items: list[str] | None,
    bank_account: str | None,
    filer: Filer,
    client_key: str,
    now: datetime,
) -> Filing:
    """File the identified person's open offers (all, or ``items``) as one application and close them.

    The ID number and the phone come from the identity and the shared records, never from the caller: the
    one-click filing (``applications/one_click.confirm``) checks eligibility again on today's records.

    Raises:
        Forbidden: 403 ``identity_not_verified``, the caller is identified as nobody.
        Conflict: 409 ``no_open_offer``, nothing to confirm.
        InvalidInput: 422, an item without an open offer, or no bank account for the subsidy.
        NotFound: 404 ``no_offer``, the records no longer prove the offer.
    """
    identity = access.identity
    if identity is None:
        raise Forbidden(one_click.NOT_IDENTIFIED_MESSAGE, code="identity_not_verified")
    person = person_subject(identity.id_number)
    with sessions() as session:
        chosen = _open(session, person, items)
    if not chosen:
        raise Conflict(NO_OPEN_OFFER, code="no_open_offer")
    records = access.own_records(identity.id_number)
    codes = [offer.item for offer in chosen]
    filing = one_click.confirm(
        filings,
        verifier,
        access,
        id_number=identity.id_number,
        phone=records.phone if records is not None and records.phone else "",
        items=codes,
        bank_account=bank_account,
        filer=filer,
        client_key=client_key,
        idempotency_key=f"offers:{person[-16:]}:{'-'.join(str(offer.id) for offer in chosen)}",
    )
    with sessions.begin() as session:
        for offer in session.scalars(select(BenefitOffer).where(BenefitOffer.id.in_([o.id for o in chosen]))):
            offer.application_number = filing.application.number
            offer.confirmed_at = now
        record(
            session,
            at=now,
            actor=filer.actor,
            action="offer.confirmed",
            application_id=filing.application.id,
            details={"number": filing.application.number, "items": codes},
        )
    return filing
