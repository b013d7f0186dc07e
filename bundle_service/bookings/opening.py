"""Telling the applicant, the moment the licence is issued, that seal and bank can be booked at once."""

from datetime import datetime

from sqlalchemy.orm import Session

from bundle_service.bookings.kinds import REGISTRATION_ITEM
from bundle_service.core.clock import Clock
from bundle_service.core.config import get_settings
from bundle_service.models import DepartmentTask
from bundle_service.notifications.outbox import Notice, enqueue, recipient_of
from bundle_service.notifications.triggers import chinese_date
from bundle_service.progress.states import TaskStatus

NOTICE_KIND = "bookings_open"  # its text: data/notification_templates.yml


def tell_bookings_open(session: Session, task: DepartmentTask, now: datetime) -> None:
    """When ``task`` (just changed) is business registration and is now 已办结, enqueue the offer to book, once.

    Args:
        session: The session of the status change (the notice commits with it).
        task: The task after the change, its application loaded.
        now: When.
    """
    if REGISTRATION_ITEM not in task.items or task.status != TaskStatus.FINISHED.value:
        return
    application = task.application
    today = Clock(get_settings().timezone).local(now).date()
    values = {"number": application.number, "date": chinese_date(today)}
    notice = Notice(f"bookings_open:{application.id}", NOTICE_KIND, recipient_of(application), values, application.id)
    enqueue(session, notice, now)
