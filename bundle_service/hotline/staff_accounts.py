"""Start-up seeding of staff accounts from ``BUNDLE_STAFF_ACCOUNTS_FILE``."""

import logging

from sqlalchemy.orm import Session, sessionmaker

from bundle_service.core.clock import Clock
from bundle_service.core.config import Settings
from bundle_service.crud import staff as crud
from bundle_service.crud.audit import record

logger = logging.getLogger(__name__)


def seed_accounts(settings: Settings, sessions: sessionmaker[Session], clock: Clock) -> list[str]:
    """Create the file's accounts that do not exist yet; nothing when no file is configured.

    Returns:
        The login names created (audited as ``staff.seeded``).
    """
    if settings.staff_accounts_file is None:
        return []
    now = clock.now()
    with sessions.begin() as session:
        created = crud.seed(session, settings.staff_accounts_file, now)
        for staff_id in created:
            record(session, at=now, actor="system", action="staff.seeded", details={"id": staff_id})
    if created:
        logger.info("staff accounts created from %s: %s", settings.staff_accounts_file, ", ".join(created))
    return created
