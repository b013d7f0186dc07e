"""The SMS gateway delivers users' replies to our text messages (上行短信): "TD" unsubscribes that phone."""

from fastapi import APIRouter

from bundle_service.api.callers import SmsGatewayDep
from bundle_service.api.deps import ServicesDep, TransactionDep
from bundle_service.notifications.sms_replies import handle_reply
from bundle_service.schemas.common import ErrorOut
from bundle_service.schemas.notification import SmsReplyIn, SmsReplyOut

router = APIRouter(tags=["notifications"])


@router.post("/sms/replies", responses={401: {"model": ErrorOut}, 422: {"model": ErrorOut}})
def sms_reply(body: SmsReplyIn, _gateway: SmsGatewayDep, services: ServicesDep, session: TransactionDep) -> SmsReplyOut:
    """A reply from ``phone``: TD/T/N/退订 turn its notifications off, 订阅/DY/恢复 back on, anything else nothing.

    For SMS-only users (filed by hotline staff, at a window, anonymously), who have no 我的 page: the same switch
    the WeChat user's page turns, keyed by the phone. Idempotent (a repeated TD changes nothing); a change is audited
    as ``notifications.sms_reply``. The provider's adapter calls this with ``BUNDLE_SMS_INBOUND_TOKEN``.

    Raises:
        Unauthenticated: 401 without the gateway's token, and always while none is configured.
    """
    outcome = handle_reply(session, body.phone, body.text, services.clock.now())
    session.flush()
    return SmsReplyOut(action=outcome.action, enabled=outcome.enabled)
