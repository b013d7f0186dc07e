"""SQLAlchemy 2 models of the system of record; Alembic migrations live in ``bundle_service/alembic``."""

from bundle_service.models.appeal import Appeal
from bundle_service.models.application import Applicant, Application
from bundle_service.models.audit import AuditEvent
from bundle_service.models.base import Base
from bundle_service.models.booking import Booking, BookingSetting
from bundle_service.models.calendar import CalendarYear
from bundle_service.models.counter import DailyCounter
from bundle_service.models.feedback import AnswerFeedback
from bundle_service.models.handoff import Handoff, OutboxMessage
from bundle_service.models.hotline_setting import HotlineSetting
from bundle_service.models.knowledge import Faq, FaqVersion, KbDocument, KnowledgeAsk, UnansweredQuestion
from bundle_service.models.notification import Notification, NotificationPreference, SubscribeGrant
from bundle_service.models.offer import BenefitOffer
from bundle_service.models.rating import Rating
from bundle_service.models.staff import StaffAccount
from bundle_service.models.task import DepartmentTask, TaskStatusChange
from bundle_service.models.throttle import VerificationFailure

__all__ = [
    "AnswerFeedback",
    "Appeal",
    "Applicant",
    "Application",
    "AuditEvent",
    "Base",
    "BenefitOffer",
    "Booking",
    "BookingSetting",
    "CalendarYear",
    "DailyCounter",
    "DepartmentTask",
    "Faq",
    "FaqVersion",
    "Handoff",
    "HotlineSetting",
    "KbDocument",
    "KnowledgeAsk",
    "Notification",
    "NotificationPreference",
    "OutboxMessage",
    "Rating",
    "StaffAccount",
    "SubscribeGrant",
    "TaskStatusChange",
    "UnansweredQuestion",
    "VerificationFailure",
]
