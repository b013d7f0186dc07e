"""免申即享 offers of the identified caller: shown when they come, confirmed in one step."""

from fastapi import APIRouter, Response

from bundle_service.api.booking_presenters import offer_out
from bundle_service.api.callers import ClientKeyDep, FilerDep, PersonDep, records_access_for
from bundle_service.api.deps import ServicesDep, TransactionDep
from bundle_service.api.presenters import filing_out
from bundle_service.applications.filing import Filer
from bundle_service.applications.one_click import NOT_IDENTIFIED_MESSAGE
from bundle_service.offers import confirming
from bundle_service.offers.finding import find, mark_shown
from bundle_service.schemas.application import ApplicationOut
from bundle_service.schemas.common import ErrorOut
from bundle_service.schemas.offers import OfferConfirmIn, OffersOut

router = APIRouter(prefix="/me/offers", tags=["offers"])


@router.get("", responses={429: {"model": ErrorOut}})
def my_offers(person: PersonDep, services: ServicesDep, session: TransactionDep, client: ClientKeyDep) -> OffersOut:
    """The caller's open 免申即享 offers, looked for now (each benefit is offered, and told, once ever).

    Only for a caller identified as the person: a real-name bound WeChat user (the gateway's ``X-Wechat-Openid``
    or their login token) or a caller hotline staff verified; anyone else gets ``identified: false`` and nothing
    is looked up.

    Raises:
        LookupRateLimited: 429 after questions about too many different people from one client.
    """
    if person.identity is None:
        return OffersOut(identified=False, note=NOT_IDENTIFIED_MESSAGE, offers=[])
    access = records_access_for(services, client, person.identity)
    records = access.person(person.identity.id_number)
    now = services.clock.now()
    found = find(session, records, person.openid, services.clock.local(now).date(), now)
    mark_shown(found.open, now)
    return OffersOut(identified=True, note=None, offers=[offer_out(offer) for offer in found.open])


@router.post(
    "/confirm",
    status_code=201,
    responses={
        200: {"model": ApplicationOut},
        403: {"model": ErrorOut},
        404: {"model": ErrorOut},
        409: {"model": ErrorOut},
        422: {"model": ErrorOut},
        429: {"model": ErrorOut},
    },
)
def confirm_offers(
    body: OfferConfirmIn,
    response: Response,
    person: PersonDep,
    services: ServicesDep,
    filer: FilerDep,
    client: ClientKeyDep,
) -> ApplicationOut:
    """Confirm open offers in one step: one application through the one-click filing, nothing retyped.

    Raises:
        Forbidden: 403 ``identity_not_verified`` for a caller identified as nobody.
        Conflict: 409 ``no_open_offer`` when nothing is open.
        InvalidInput: 422 for an item without an open offer or no bank account for the subsidy.
        NotFound: 404 ``no_offer`` when today's records no longer prove it.
    """
    if filer.filed_by == "self":
        filer = Filer(owner_openid=person.openid)
    filing = confirming.confirm(
        services.sessions,
        services.filings,
        services.verifier,
        records_access_for(services, client, person.identity),
        items=body.items,
        bank_account=body.bank_account,
        filer=filer,
        client_key=client,
        now=services.clock.now(),
    )
    return filing_out(filing, response, services)
