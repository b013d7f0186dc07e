"""Who a caller is identified as: the one person whose shared records a request may use.

A person is identified only by

- real-name authentication (实名认证): a trusted front layer asserts the WeChat openid (``X-Wechat-Openid`` with the
  gateway token) and the platform binds that account to a verified ID number;
- hotline staff after caller verification: in the console, the staff member verified the caller of this very call
  (``hotline:<call id>``) as the owner of an application, within the lifetime of a staff session.

An ID number typed into a chat, a name, a staff key alone identify nobody.
"""

from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from bundle_service.adapters.realname import RealNameAuthority
from bundle_service.core.clock import Clock
from bundle_service.core.masking import mask_details
from bundle_service.crud.audit import staff_actor
from bundle_service.models import Application, AuditEvent
from bundle_service.models.staff import StaffAccount
from contract.conversations import HOTLINE_PREFIX

CALLER_VERIFIED = "hotline.caller_verified"  # the console's audit action for a verified caller
REALNAME = "realname"
CALLER_VERIFICATION = "caller_verification"
RECENT_VERIFICATIONS = 50


@dataclass(frozen=True)
class Identity:
    """The person a caller is identified as.

    Attributes:
        id_number: Their verified ID number.
        method: ``realname`` (real-name authenticated WeChat account) or ``caller_verification`` (hotline staff
            verified the caller of the call).
    """

    id_number: str
    method: str


def by_realname(authority: RealNameAuthority, openid: str) -> Identity | None:
    """The person a gateway-asserted openid is real-name bound to, if any."""
    binding = authority.bound(openid)
    return Identity(binding.id_number, REALNAME) if binding is not None else None


def verified_in_call(
    sessions: sessionmaker[Session], clock: Clock, staff_id: str, conversation: str, window_seconds: int
) -> Application | None:
    """The application whose owner the console verified as the caller of this hotline call.

    Args:
        sessions: Session factory.
        clock: Clock of the service.
        staff_id: The staff member the console relay named (an active account).
        conversation: The conversation, ``hotline:<call id>``; any other conversation names nothing.
        window_seconds: How long a verification holds (a staff session's lifetime).

    Returns:
        The application verified last in this call by this staff member (detached, its applicant loaded), or None.
    """
    if not conversation.startswith(HOTLINE_PREFIX):
        return None
    since = clock.now() - timedelta(seconds=window_seconds)
    # Audit details are stored masked, and a call id can look like a number to the masking rules: compare the same.
    stored = mask_details({"conversation": conversation})["conversation"]
    with sessions() as session:
        account = session.get(StaffAccount, staff_id)
        if account is None or not account.active:
            return None
        query = (
            select(AuditEvent)
            .where(
                AuditEvent.action == CALLER_VERIFIED, AuditEvent.actor == staff_actor(staff_id), AuditEvent.at > since
            )
            .order_by(AuditEvent.id.desc())
            .limit(RECENT_VERIFICATIONS)
        )
        for event in session.scalars(query):
            if event.details.get("conversation") == stored and event.application_id is not None:
                application = session.get(Application, event.application_id)
                if application is not None:
                    _ = application.applicant  # loaded before the session closes
                    session.expunge_all()
                    return application
    return None


def by_caller_verification(
    sessions: sessionmaker[Session], clock: Clock, staff_id: str, conversation: str, window_seconds: int
) -> Identity | None:
    """The caller of a hotline call, when the console verified them for this call (see :func:`verified_in_call`).

    Returns:
        The owner of the application verified last in this call by this staff member, or None.
    """
    application = verified_in_call(sessions, clock, staff_id, conversation, window_seconds)
    return Identity(application.applicant.id_number, CALLER_VERIFICATION) if application is not None else None
