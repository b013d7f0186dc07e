"""Looking for new offers without waiting for the person: every WeChat user the service knows who is identified.

The people the service may look up are those identified by real-name authentication: owners (``owner_openid``) of
an application whose WeChat account is real-name bound. Run it periodically (a benefit such as the start-up
subsidy becomes due with time: a year after the licence): ``python -m bundle_service.offers.sweep``.
"""

import logging

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from bundle_service.adapters.data_sharing import SharedData
from bundle_service.adapters.realname import RealNameAuthority
from bundle_service.core.clock import Clock
from bundle_service.models import Application
from bundle_service.offers.finding import find

logger = logging.getLogger(__name__)


def sweep(sessions: sessionmaker[Session], shared: SharedData, realname: RealNameAuthority, clock: Clock) -> int:
    """Find and tell the new offers of every identified owner; how many offers were made."""
    with sessions() as session:
        openids = list(
            session.scalars(select(Application.owner_openid).where(Application.owner_openid.is_not(None)).distinct())
        )
    made = 0
    for openid in openids:
        binding = realname.bound(openid) if openid else None
        if binding is None:
            continue
        now = clock.now()
        with sessions.begin() as session:
            made += len(find(session, shared.person(binding.id_number), openid, clock.local(now).date(), now).new)
    return made


def main() -> None:
    """Run one sweep with the configured settings."""
    from bundle_service.core.config import get_settings
    from bundle_service.main import build_services

    logging.basicConfig(level="INFO")
    services = build_services(get_settings())
    made = sweep(services.sessions, services.shared, services.realname, services.clock)
    logger.info("offers made: %d", made)


if __name__ == "__main__":
    main()
